"""A parallel build writes the same files, with the same bytes, as a serial one."""

import shutil

from reportgen.build import build


def _snapshot(out):
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*"))
            if p.is_file() and ".cache" not in p.parts and p.name != ".lock"}


def test_jobs_2_writes_the_bytes_jobs_1_writes(basic_project, tmp_path):
    other = tmp_path / "other"
    shutil.copytree(basic_project, other)
    formats = ("html", "pdf", "csv", "xlsx")
    serial = build(basic_project, formats=formats, jobs=1)
    parallel = build(other, formats=formats, jobs=2)
    assert serial.built == parallel.built and len(serial.built) >= 2
    a, b = _snapshot(basic_project / "out"), _snapshot(other / "out")
    assert a.keys() == b.keys() and any(k.endswith(".pdf") for k in a)
    assert [k for k in a if a[k] != b[k]] == []


def _more_sources(project, count=6):
    """Invented releases, so extraction has several documents to share out."""
    sources = project / "landscapes" / "sources"
    for i in range(count):
        (sources / f"zz-release-{i}.txt").write_text(
            f"Norvale Bio {i} Doses First Patient in Phase 1 Study of NV-{40 + i}\n\n"
            f"BOSTON, May {i + 1}, 2025 /PRNewswire/ -- Norvale Bio {i}, Inc. today announced that the first "
            f"patient has been dosed in its Phase 1 trial (NCT0{5100000 + i}) of NV-{40 + i}, a BCMA-directed "
            f"CAR-T cell therapy, in relapsed or refractory multiple myeloma.\n", encoding="utf-8")


def test_parallel_extraction_writes_the_bytes_a_serial_one_writes(basic_project, tmp_path, monkeypatch):
    import reportgen.corpus

    monkeypatch.setattr(reportgen.corpus, "MIN_PARALLEL", 2)  # the test project is small: use the pool anyway
    _more_sources(basic_project)
    (basic_project / "landscapes" / "sources" / "zz-broken.pdf").write_bytes(b"%PDF-1.4 not really")
    other = tmp_path / "other"
    shutil.copytree(basic_project, other)
    serial = build(basic_project, formats=("html", "csv"), jobs=1)
    parallel = build(other, formats=("html", "csv"), jobs=2)
    assert serial.built == parallel.built
    a, b = _snapshot(basic_project / "out"), _snapshot(other / "out")
    assert a.keys() == b.keys() and [k for k in a if a[k] != b[k]] == []
    assert b"NV-45" in a["basic-bcma.csv"]  # the added releases were extracted, by the workers too


def test_facts_on_two_workers_prints_what_one_prints(basic_project, run_cli, monkeypatch):
    import reportgen.corpus

    monkeypatch.setattr(reportgen.corpus, "MIN_PARALLEL", 2)
    _more_sources(basic_project)
    one = run_cli("facts", "--jobs", "1", "--format", "jsonl", "--project", str(basic_project))
    two = run_cli("facts", "--jobs", "2", "--format", "jsonl", "--project", str(basic_project))
    assert one.exit_code == two.exit_code == 0
    assert one.stdout == two.stdout and one.stdout.count("NV-4") >= 6
