"""A no-op build stops after hashing its inputs; any change to an input or a missing output rebuilds."""

import pytest

from reportgen.errors import InputError
from reportgen.uptodate import STAMP


def test_second_build_is_a_no_op_until_an_input_changes(basic_project, run_cli):
    first = run_cli("build", "--format", "html,csv", "--project", str(basic_project))
    assert first.exit_code == 0 and (basic_project / "out" / STAMP).is_file()
    again = run_cli("build", "--format", "html,csv", "--project", str(basic_project))
    assert "every brief is up to date" in again.output
    source = next((basic_project / "landscapes" / "sources").glob("*.txt"))
    source.write_text(source.read_text() + "\nA new sentence.\n")
    changed = run_cli("build", "--format", "html,csv", "--project", str(basic_project))
    assert "every brief is up to date" not in changed.output and "reading sources" in changed.output


def test_a_missing_output_or_other_formats_rebuild(basic_project, run_cli):
    run_cli("build", "--format", "html,csv", "--project", str(basic_project))
    html = next((basic_project / "out").glob("basic-*.html"))
    html.unlink()
    again = run_cli("build", "--format", "html,csv", "--project", str(basic_project))
    assert html.is_file() and "every brief is up to date" not in again.output
    other = run_cli("build", "--format", "html", "--project", str(basic_project))
    assert "every brief is up to date" not in other.output


def test_a_build_with_problems_is_never_skipped(basic_project, run_cli):
    run_cli("build", "--format", "html", "--project", str(basic_project))
    assert (basic_project / "out" / STAMP).exists()
    (basic_project / "landscapes" / "zz-broken.yaml").write_text("id: zz-broken\ntitle: [unclosed\n")
    with pytest.raises(InputError):
        run_cli("build", "--format", "html", "--project", str(basic_project))

    with pytest.raises(InputError):  # the old stamp names other inputs: the problem is reported again
        run_cli("build", "--format", "html", "--project", str(basic_project))


def test_a_new_document_rebuilds_only_the_briefs_it_touches(basic_project, run_cli):
    run_cli("build", "--format", "html,csv", "--project", str(basic_project))
    sources = basic_project / "landscapes" / "sources"
    (sources / "zz-other.txt").write_text(  # an asset no landscape covers
        "Torvik Bio today announced that the FDA has cleared the IND for TV-9, a KRAS G12C inhibitor, "
        "in colorectal cancer.\n")
    outside = run_cli("build", "--format", "html,csv", "--project", str(basic_project))
    assert "skipped basic-bcma: inputs unchanged" in outside.output
    assert "skipped basic-orgs: inputs unchanged" in outside.output and "rendering" not in outside.output
    (sources / "zz-inside.txt").write_text(
        "Torvik Bio today announced that the first patient has been dosed in its Phase 1 trial of TV-12, "
        "a BCMA-directed CAR-T cell therapy, in multiple myeloma.\n")
    inside = run_cli("build", "--format", "html,csv", "--project", str(basic_project))
    assert "rendering basic-bcma (html, csv)" in inside.output
    assert "skipped basic-orgs: inputs unchanged" in inside.output
    assert "TV-12" in next((basic_project / "out").glob("basic-bcma.html")).read_text()


def test_only_the_formats_whose_input_changed_are_rendered(basic_project, run_cli):
    run_cli("build", "--format", "html", "--project", str(basic_project))
    html = basic_project / "out" / "basic-bcma.html"
    before = html.stat().st_mtime_ns
    more = run_cli("build", "--format", "html,csv", "--project", str(basic_project))
    assert "rendering basic-bcma (csv)" in more.output and html.stat().st_mtime_ns == before
    forced = run_cli("build", "--format", "html,csv", "--force", "--project", str(basic_project))
    assert "rendering basic-bcma (html, csv)" in forced.output


def test_a_scan_reuses_digests_only_for_files_whose_stat_is_unchanged(basic_project, monkeypatch):
    import hashlib
    import os

    from reportgen import uptodate

    first = uptodate.scan(basic_project, None, ("html",), None)
    # as if the last scan were long after every file was written: its digests are trusted
    previous = {"files": first.files, "taken_ns": first.taken_ns + 10 * uptodate.RACY_NS}
    opened = []
    real = hashlib.file_digest
    monkeypatch.setattr(hashlib, "file_digest", lambda f, name: opened.append(f.name) or real(f, name))
    assert uptodate.scan(basic_project, None, ("html",), None, previous).digest == first.digest
    assert opened == []
    source = next((basic_project / "landscapes" / "sources").glob("*.txt"))
    st = source.stat()
    data = source.read_bytes()
    source.write_bytes(data[:-1] + (b"X" if data[-1:] != b"X" else b"Y"))  # same size
    os.utime(source, ns=(st.st_atime_ns, st.st_mtime_ns))  # and the old mtime: the ctime still differs
    again = uptodate.scan(basic_project, None, ("html",), None, previous)
    assert again.digest != first.digest and [os.path.basename(p) for p in opened] == [source.name]


def test_a_file_written_just_before_the_scan_is_hashed_again(basic_project, monkeypatch):
    import hashlib

    from reportgen import uptodate

    first = uptodate.scan(basic_project, None, ("html",), None)
    opened = []
    real = hashlib.file_digest
    monkeypatch.setattr(hashlib, "file_digest", lambda f, name: opened.append(f.name) or real(f, name))
    # the files were written within RACY_NS of that scan: a same-tick edit could hide behind an unchanged stat
    uptodate.scan(basic_project, None, ("html",), None, {"files": first.files, "taken_ns": first.taken_ns})
    fresh = {k.rsplit("/", 1)[-1] for k in first.files if k.startswith("landscapes/")}
    assert fresh and fresh <= {p.rsplit("/", 1)[-1] for p in opened}


def test_the_stamp_is_the_same_bytes_for_the_same_inputs_and_a_no_op_keeps_file_records(basic_project, tmp_path,
                                                                                       run_cli):
    import shutil

    from reportgen.uptodate import STAT, read_stamp

    other = tmp_path / "other"
    shutil.copytree(basic_project, other)
    for root in (basic_project, other):
        run_cli("build", "--format", "html", "--project", str(root))
    assert (basic_project / "out" / STAMP).read_bytes() == (other / "out" / STAMP).read_bytes()
    (basic_project / "out" / STAT).unlink()  # the disposable records: the next no-op writes them again
    assert "every brief is up to date" in run_cli("build", "--format", "html", "--project", str(basic_project)).output
    assert read_stamp(basic_project / "out")["files"]
