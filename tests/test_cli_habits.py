"""CLI habits: options on either side of the command, a quiet -q, honest exit codes, clear messages."""

import re
import subprocess
import sys

import pytest


def run(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "reportgen", *args], capture_output=True, text=True, cwd=cwd)


@pytest.mark.parametrize("order", ["before", "after"])
def test_quiet_and_project_on_either_side_of_the_command(basic_project, tmp_path, order):
    common = ["-q", "--project", str(basic_project)]
    args = [*common, "build", "--format", "csv"] if order == "before" else ["build", "--format", "csv", *common]
    result = run(*args, cwd=tmp_path)  # cwd is not a project: only --project can find it
    assert result.returncode == 0, result.stderr
    assert result.stderr == "" and (basic_project / "out" / "basic-bcma.csv").exists()


def test_without_quiet_build_reports_progress(basic_project):
    result = run("build", "--format", "csv", "--project", str(basic_project))
    assert "built basic-bcma" in result.stderr and "reading sources" in result.stderr


def test_add_refusing_a_duplicate_exits_nonzero(basic_project, tmp_path):
    doc = tmp_path / "note.txt"
    doc.write_text("Quillon Therapeutics today dosed the first patient with QB-7.\n")
    assert run("add", str(doc), "--date", "2025-06-09", "--project", str(basic_project)).returncode == 0
    again = run("add", str(doc), "--project", str(basic_project))
    assert again.returncode == 2
    assert "refused note.txt" in again.stderr and "same sha256" in again.stderr


def test_diff_of_an_unknown_landscape_says_so_with_a_suggestion(basic_project):
    result = run("diff", "basic-bcmaa", "--project", str(basic_project))
    assert result.returncode == 2
    assert "no such landscape" in result.stderr and "did you mean 'basic-bcma'" in result.stderr
    assert "run reportgen build first" not in result.stderr
    assert "<input>" not in result.stderr


def test_diff_of_a_landscape_not_built_yet_says_run_build_without_a_stray_prefix(basic_project):
    result = run("diff", "basic-bcma", "--project", str(basic_project))
    assert result.returncode == 2
    assert "run reportgen build first" in result.stderr and "<input>" not in result.stderr


def test_the_example_in_diff_help_works(basic_project):
    help_text = run("diff", "--help").stdout
    example = re.search(r"Example: reportgen (.+)", help_text).group(1).split()
    landscape = example[1]
    # the example names a sample landscape; run the same command line on the test project's landscape
    assert run("build", "--format", "csv", "--project", str(basic_project)).returncode == 0
    result = run(*[a if a != landscape else "basic-bcma" for a in example], "--project", str(basic_project))
    assert result.returncode == 0, result.stderr
    assert "basic-bcma: first edition" in result.stdout


def test_build_help_lists_every_registered_format():
    from reportgen.output import format_names

    help_text = " ".join(run("build", "--help").stdout.split())
    for name in format_names():
        assert f"{name} (" in help_text, name
    assert "HTML and PDF" not in help_text


def test_loading_the_cli_imports_no_output_writer():
    # the writers are listed in `build --help` only; a no-op build must not import them to print nothing
    code = "import sys, reportgen.cli; print(sorted(m for m in sys.modules if m.startswith('reportgen.output')))"
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).stdout.strip() == "[]"


def test_unknown_format_lists_the_valid_ones(basic_project):
    result = run("build", "--format", "html,nope", "--project", str(basic_project))
    assert result.returncode == 2
    assert "'nope'" in result.stderr and "valid formats: html, pdf, csv, xlsx" in result.stderr
