from reportgen.add import add_documents, stated_date, stated_publisher

PAGE = """<html><head><title>Zorbatec Bio Announces Phase 2 Results for ZT-101</title>
<meta property="og:site_name" content="Example Wire"><link rel="canonical" href="https://example.com/zt101"></head>
<body><article><h1>Zorbatec Bio Announces Phase 2 Results for ZT-101</h1>
<p>BOSTON, May 4, 2025 -- Zorbatec Bio today announced Phase 2 results for ZT-101, its anti-BCMA CAR-T cell
therapy, in multiple myeloma. Among 30 evaluable patients, the overall response rate (ORR) was 90%.</p>
</article></body></html>"""


def test_dateline_and_wire():
    assert stated_date("SHANGHAI, China, Oct. 16, 2025 /PRNewswire/ -- IASO") == "2025-10-16"
    assert stated_date("On 3 July 2023, the company") == "2023-07-03"
    assert stated_date("2023.07.10 | news") == "2023-07-10"
    assert stated_date("no date here, only 2023") is None
    assert stated_publisher("BOSTON, May 4, 2025 /PRNewswire/ --") == "PRNewswire"


def test_add_html_reads_metadata_and_refuses_duplicates(tmp_path):
    project = tmp_path / "p"
    (project / "landscapes" / "sources").mkdir(parents=True)
    page = tmp_path / "zt101.html"
    page.write_text(PAGE)
    (added,) = add_documents(project, [page])
    assert added.status == "added"
    meta = (project / "landscapes" / "sources" / "zt101.meta.yaml").read_text()
    assert "title: Zorbatec Bio Announces Phase 2 Results for ZT-101" in meta
    assert "date: '2025-05-04'" in meta and "publisher: Example Wire" in meta and "https://example.com/zt101" in meta
    (again,) = add_documents(project, [page])
    assert again.status == "refused" and "same sha256" in again.message


def test_add_flags_override_and_bad_files_are_refused(tmp_path):
    project = tmp_path / "p"
    (project / "landscapes" / "sources").mkdir(parents=True)
    doc = tmp_path / "note.txt"
    doc.write_text("Quillon Therapeutics today dosed the first patient with QB-7.")
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    results = add_documents(project, [doc, empty], title="QB-7 first patient", date="2025-06-09")
    assert [r.status for r in results] == ["added", "refused"]
    assert results[1].message == "empty file"
    meta = (project / "landscapes" / "sources" / "note.meta.yaml").read_text()
    assert "title: QB-7 first patient" in meta and "date: '2025-06-09'" in meta
