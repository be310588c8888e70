from pathlib import Path

import pytest

from reportgen.errors import DocumentError
from reportgen.sources import decode_bytes, derived_title, find_sources, read_document, read_documents

TEXT = "Zorbatec Bio annonce l’approbation de ZT-101 à Zürich — 96 % de réponse."


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16", "gb18030", "latin-1"])
def test_decodes_common_encodings(encoding):
    text = TEXT if encoding != "latin-1" else TEXT.replace("’", "'").replace("—", "-")
    if encoding == "gb18030":
        text = "信达生物宣布，国家药品监督管理局批准了伊基奥仑赛注射液的新药上市申请。" * 3
    assert decode_bytes(text.encode(encoding), "x.txt") == text


def test_utf8_is_kept_byte_for_byte_including_crlf():
    raw = "line one\r\nline two — ok\r\n".encode()
    assert decode_bytes(raw, "x.txt") == "line one\r\nline two — ok\r\n"


@pytest.mark.parametrize("raw,reason", [(b"", "empty"), (b"   \n", "empty"), (bytes(range(256)) * 40, "binary")])
def test_bad_bytes_name_the_reason(raw, reason):
    with pytest.raises(DocumentError) as info:
        decode_bytes(raw, "bad.txt")
    assert info.value.path == "bad.txt"
    assert reason in info.value.reason


def test_sidecar_metadata_and_sha(tmp_path):
    (tmp_path / "a.txt").write_text("Hello world, this is a press release.\n", encoding="utf-8")
    (tmp_path / "a.meta.yaml").write_text("title: A title\npublisher: Wire\ndate: 2024-05-06\nurl: https://x.test/a\n")
    doc = read_document(tmp_path / "a.txt")
    assert (doc.id, doc.title, doc.publisher, doc.url) == ("a.txt", "A title", "Wire", "https://x.test/a")
    assert doc.date.isoformat() == "2024-05-06"
    assert len(doc.sha256) == 64


def test_html_main_text_drops_markup_and_scripts(tmp_path):
    page = (
        "<html><head><title>T</title><script>var secret = 1;</script></head><body>"
        "<nav><a href='/'>Home</a> | <a href='/news'>News</a></nav>"
        "<article><h1>Zorbatec announces results</h1>"
        "<p>Zorbatec Bio today announced that ZT-101, its anti-BCMA CAR-T cell therapy, met its primary endpoint "
        "in the Phase 2 ZEPHYR-1 trial, with an overall response rate of 88% among 40 evaluable patients.</p>"
        "<p>The company plans to file a Biologics License Application with the FDA later this year, "
        "pending discussions with the agency about the design of a confirmatory study.</p></article>"
        "<footer>Copyright</footer></body></html>"
    )
    (tmp_path / "p.html").write_text(page, encoding="utf-8")
    doc = read_document(tmp_path / "p.html")
    assert "overall response rate of 88%" in doc.text
    assert "<p>" not in doc.text and "secret" not in doc.text


def test_pdf_text(tmp_path):
    weasyprint = pytest.importorskip("weasyprint")
    pdf = tmp_path / "r.pdf"
    weasyprint.HTML(string="<p>ZT-101 is an anti-BCMA CAR-T cell therapy.</p>").write_pdf(pdf)
    assert "anti-BCMA CAR-T" in read_document(pdf).text


def test_broken_pdf_is_skipped_with_reason(tmp_path):
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF")
    (tmp_path / "good.txt").write_text("A good document about ZT-101.", encoding="utf-8")
    docs, skipped = read_documents([tmp_path])
    assert [d.id for d in docs] == ["good.txt"]
    assert skipped[0].id == "broken.pdf" and skipped[0].reason


def test_find_sources_sorted_and_ignores_sidecars(tmp_path):
    for name in ("b.txt", "a.md", "a.meta.yaml", "c.html", "notes.docx"):
        (tmp_path / name).write_text("x")
    assert [p.name for p in find_sources([tmp_path])] == ["a.md", "b.txt", "c.html"]


def test_derived_title_skips_links_and_shortens():
    assert derived_title("\n[Home](#)\nA long enough headline here\nbody") == "A long enough headline here"
    assert derived_title("word " * 60).endswith("…")
