import json
import os
import subprocess
import sys
from pathlib import Path

from reportgen.cli import cli


def run(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "reportgen", *args], capture_output=True, text=True, cwd=cwd)


def test_every_command_has_help():
    for name, command in cli.commands.items():
        assert command.help and "Example:" in command.help, name


def test_build_html_exit_0_and_progress_on_stderr(basic_project):
    result = run("build", "--format", "html", "--project", str(basic_project))
    assert result.returncode == 0, result.stderr
    assert "built basic-bcma" in result.stderr and "wrote " in result.stderr and result.stdout == ""


def test_validate_bad_input_exit_2_with_location(basic_project):
    (basic_project / "landscapes" / "bad.yaml").write_text("id: bad\ntitle: 3\ncolumns: [nme]\n")
    result = run("validate", "--project", str(basic_project))
    assert result.returncode == 2
    assert "bad.yaml:3:11: unknown column 'nme' for rows: assets (did you mean 'name'?)" in result.stderr


def test_bad_usage_exit_2(basic_project):
    assert run("build", "--format", "nope", "--project", str(basic_project)).returncode == 2
    assert run("no-such-command").returncode == 2
    assert run("build", "no-such-landscape", "--project", str(basic_project)).returncode == 2


def test_template_error_exit_1(basic_project, tmp_path):
    (tmp_path / "brief.html").write_text("{{ brief.nope }}")
    result = run("build", "--format", "html", "--templates", str(tmp_path), "--project", str(basic_project))
    assert result.returncode == 1
    assert "brief.html:1" in result.stderr and "nope" in result.stderr


def test_facts_jsonl_follows_the_contract(basic_project):
    sources = basic_project / "landscapes" / "sources"
    result = run("facts", str(sources), "--format", "jsonl")
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    for fact in lines:
        assert set(fact) == {"subject", "predicate", "object", "evidence", "source"}
        ev = fact["evidence"]
        text = (sources / ev["doc"]).read_bytes().decode("utf-8")
        assert text[ev["start"]:ev["end"]] == ev["quote"]


def test_text_prints_the_document(basic_project):
    path = basic_project / "landscapes" / "sources" / "quill-qb7.txt"
    assert run("text", str(path)).stdout == path.read_text()
