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
