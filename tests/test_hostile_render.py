"""Hostile text in documents, metadata and notes renders inert; nothing is fetched."""

import pytest

from reportgen.build import build
from reportgen.render import make_url_fetcher, render_pdf

XSS = '<script>alert("x")</script><img src=x onerror=alert(1)><a href="javascript:alert(2)">j</a> &amp; &lt;b&gt;'


def test_hostile_metadata_and_notes_are_inert(basic_project):
    sources = basic_project / "landscapes" / "sources"
    (sources / "acme-zt101.meta.yaml").write_text(
        f"title: '{XSS}'\npublisher: '<b onmouseover=alert(3)>wire</b>'\ndate: 2025-03-03\nurl: 'javascript:alert(4)'\n")
    landscape = basic_project / "landscapes" / "basic-bcma.yaml"
    text = landscape.read_text().replace("Both assets are *invented* for the tests.", XSS.replace('"', "'") + " [x](javascript:alert(5))")
    landscape.write_text(text)
    build(basic_project, formats=("html",))
    for path in (basic_project / "out").rglob("*.html"):
        html = path.read_text()
        assert "<script>alert" not in html, path
        assert "<img src=x" not in html and "onerror=alert" not in html.replace("onerror=alert(1)&gt;", ""), path
        assert 'href="javascript:' not in html, path
        assert "<b onmouseover" not in html, path


def test_fetcher_refuses_everything_outside_the_project(tmp_path):
    refused = []
    fetcher = make_url_fetcher([tmp_path], refused)
    (tmp_path / "ok.css").write_text("p { color: red }")
    assert fetcher.fetch((tmp_path / "ok.css").as_uri()).body if hasattr(fetcher.fetch((tmp_path / "ok.css").as_uri()), "body") else True
    for url in ("file:///etc/passwd", "https://example.com/x.css", "http://127.0.0.1/", "file:///dev/urandom",
                (tmp_path / ".." / "escape.css").as_uri()):
        with pytest.raises(ValueError):
            fetcher.fetch(url)
    assert len(refused) == 5


def test_pdf_never_embeds_local_files_or_fetches(tmp_path, caplog):
    pytest.importorskip("weasyprint")
    html = (
        '<link rel="stylesheet" href="https://example.com/x.css">'
        '<link rel="stylesheet" href="file:///etc/hostname">'
        '<img src="file:///etc/passwd"><a rel="attachment" href="file:///etc/hostname">a</a>'
        '<p style="background: url(http://127.0.0.1:9/x.png)">text</p>'
    )
    pdf = render_pdf(html, base_dir=tmp_path, as_of="2025-01-01")
    assert pdf.startswith(b"%PDF")
    from pypdf import PdfReader
    import io
    assert not PdfReader(io.BytesIO(pdf)).attachments
    messages = " ".join(r.getMessage() for r in caplog.records)
    assert "refused to fetch" in messages and "/etc/hostname" in messages
