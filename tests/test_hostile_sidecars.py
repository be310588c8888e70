"""Bad documents and sidecars: a warning naming the file and the reason; every brief still built."""

import zlib

import pytest

from hostile_support import cli


def build_html(project):
    return cli("build", "--format", "html", "--project", str(project))


def assert_briefs_built(project, err):
    assert "built basic-bcma" in err and "built basic-orgs" in err, err
    assert "Traceback" not in err
    for name in ("basic-bcma.html", "basic-orgs.html", "index.html"):
        assert (project / "out" / name).stat().st_size > 0


@pytest.mark.parametrize("value, reason", [
    ("9999-99-99", "is not a real date"), ("2023-02-30", "is not a real date"), ("0000-00-00", "is not a real date"),
    ("9999-12-31", "is outside 1980-01-01..2107-12-31"), ("1900-01-01", "is outside"),  # neighbours: real but unstorable
    ("'30 Feb 2023'", "is not YYYY-MM-DD"), ("[2023, 1, 1]", "is not YYYY-MM-DD"),
])
def test_sidecar_date_that_is_not_a_real_date(basic_project, value, reason):
    sidecar = basic_project / "landscapes" / "sources" / "acme-zt101.meta.yaml"
    sidecar.write_text(f"title: Kept title\ndate: {value}\n")
    code, err = build_html(basic_project)
    assert code == 0, err
    assert f"warning: {sidecar}: date" in err and reason in err
    assert_briefs_built(basic_project, err)
    assert "Kept title" in (basic_project / "out" / "basic-bcma.html").read_text()  # the rest of the sidecar holds


def test_sidecar_not_utf8(basic_project):
    sidecar = basic_project / "landscapes" / "sources" / "acme-zt101.meta.yaml"
    sidecar.write_bytes("title: Zürich wire\n".encode("utf-16"))
    code, err = build_html(basic_project)
    assert code == 0 and f"warning: {sidecar}: sidecar ignored: not UTF-8" in err
    assert_briefs_built(basic_project, err)


@pytest.mark.parametrize("text, warning", [
    ("title: {a: 1}\n", "title must be text, not dict"),
    ("publisher: [x, y]\n", "publisher must be text, not list"),
    ("url: true\n", "url must be text, not bool"),
    ("- just\n- a list\n", "it must be a mapping"),
    ("title: [unclosed\n", "YAML error"),
    ("a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
     "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
     "e: [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\n", "expands to more than"),
])
def test_sidecar_of_the_wrong_shape(basic_project, text, warning):
    sidecar = basic_project / "landscapes" / "sources" / "acme-zt101.meta.yaml"
    sidecar.write_text(text)
    code, err = build_html(basic_project)
    assert code == 0, err
    assert str(sidecar) in err and warning in err
    assert_briefs_built(basic_project, err)


def _pdf(objects: list[bytes]) -> bytes:
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def _stream(data: bytes, flate: bool = True) -> bytes:
    body = zlib.compress(data, 9) if flate else data
    return (b"<< /Length %d%s >>\nstream\n" % (len(body), b" /Filter /FlateDecode" if flate else b"")
            + body + b"\nendstream")


def _pdf_with_font_map(cmap: bytes) -> bytes:
    """One page of text whose font's /ToUnicode map is `cmap` (Flate): read while extracting text."""
    return _pdf([
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        _stream(b"BT /F1 12 Tf 10 10 Td (Hello world) Tj ET", flate=False),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /ToUnicode 6 0 R >>",
        _stream(cmap),
    ])


def test_small_pdf_that_decompresses_past_the_limit(basic_project):
    pdf = _pdf_with_font_map(b" " * 100_000_000)  # ~100 KB on disk, 100 MB inflated: past pypdf's 75 MB
    assert len(pdf) < 200_000
    (basic_project / "landscapes" / "sources" / "bomb.pdf").write_bytes(pdf)
    code, err = build_html(basic_project)
    assert code == 0, err
    assert "warning: skipping bomb.pdf: unreadable PDF: LimitReachedError" in err
    assert_briefs_built(basic_project, err)


def test_pdf_whose_content_stream_is_the_bomb(basic_project):
    # neighbour: the page's own content stream inflates past the limit (pypdf gives up on the page)
    pdf = _pdf([b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R >>",
                _stream(b" " * 100_000_000)])
    (basic_project / "landscapes" / "sources" / "bomb2.pdf").write_bytes(pdf)
    code, err = build_html(basic_project)
    assert code == 0 and "warning: skipping bomb2.pdf:" in err
    assert_briefs_built(basic_project, err)


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_is_read_as_text(basic_project, encoding):
    text = "Zorbatec Bio today announced that ZT-101, an anti-BCMA CAR-T, entered Phase 2 in multiple myeloma."
    (basic_project / "landscapes" / "sources" / "wide.txt").write_bytes(text.encode(encoding))
    from reportgen.build import Project, load_corpus

    corpus = load_corpus(Project(basic_project))
    assert corpus.docs["wide.txt"].text == text


def test_binary_with_many_nuls_is_still_binary(basic_project):
    # neighbour: NUL-heavy bytes that are not UTF-16 text stay skipped
    import os
    (basic_project / "landscapes" / "sources" / "noise.txt").write_bytes(bytes(b for pair in zip(os.urandom(2000), bytes(2000)) for b in pair))
    code, err = build_html(basic_project)
    assert code == 0 and "skipping noise.txt:" in err
    assert_briefs_built(basic_project, err)


def test_long_but_valid_source_name(basic_project):
    name = "n" * 247 + ".txt"  # 251 bytes: valid; "<name>.html" and "<stem>.meta.yaml" are not
    (basic_project / "landscapes" / "sources" / name).write_text(
        "Acme Bio today announced that ZT-101 is covered by a long-named release.")
    landscape = basic_project / "landscapes" / "basic-bcma.yaml"
    landscape.write_text(landscape.read_text() + f"  - text: Long.\n    cite: [{{doc: {name}, quote: covered by a long-named release}}]\n")
    code, err = build_html(basic_project)
    assert code == 0, err
    assert_briefs_built(basic_project, err)
    pages = list((basic_project / "out" / "sources").glob("n*.html"))
    assert len(pages) == 1 and len(pages[0].name) <= 255
    from hostile_support import broken_links
    assert broken_links(basic_project / "out" / "basic-bcma.html") == []


def test_a_document_that_trips_the_extractor_costs_only_itself(basic_project, monkeypatch):
    import reportgen.extract as extract

    real = extract.extract_facts

    def fragile(doc, **kw):
        if doc.id == "trips.txt":
            raise RecursionError("maximum recursion depth exceeded")
        return real(doc, **kw)

    monkeypatch.setattr(extract, "extract_facts", fragile)
    (basic_project / "landscapes" / "sources" / "trips.txt").write_text("Acme Bio said something odd about ZT-101.")
    code, err = build_html(basic_project)
    assert code == 0, err
    assert "warning: skipping trips.txt: could not be processed (RecursionError" in err
    assert_briefs_built(basic_project, err)
