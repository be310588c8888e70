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
