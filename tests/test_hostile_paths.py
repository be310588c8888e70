"""Ids, source names and output paths cannot escape the project."""

import os
import subprocess
import sys

import pytest

from reportgen.build import build, Project, load_corpus
from reportgen.errors import InputError


def run(*args):
    return subprocess.run([sys.executable, "-m", "reportgen", *args], capture_output=True, text=True)


@pytest.mark.parametrize("bad_id", ["../escape", "/abs", "a/b", "UPPER", ""])
def test_ids_that_are_not_plain_names_are_rejected(basic_project, bad_id):
    (basic_project / "landscapes" / "x.yaml").write_text(f"id: '{bad_id}'\ntitle: X\n")
    with pytest.raises(InputError) as info:
        build(basic_project, formats=("html",))
    assert "x.yaml:1:1: id:" in str(info.value) or "x.yaml:1:5: id:" in str(info.value)


def test_out_outside_the_project_is_rejected(basic_project, tmp_path):
    for out in (str(tmp_path / "elsewhere"), "../outside", "/tmp"):
        result = run("build", "--format", "html", "--out", out, "--project", str(basic_project))
        assert result.returncode == 2, out
        assert "points outside the project" in result.stderr


def test_out_symlink_outside_is_rejected(basic_project, tmp_path):
    (tmp_path / "target").mkdir()
    os.symlink(tmp_path / "target", basic_project / "out")
    with pytest.raises(InputError):
        build(basic_project, formats=("html",))
    assert not any((tmp_path / "target").iterdir())


def test_source_symlink_outside_is_skipped(basic_project, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("Private: ZT-999 is an anti-CD19 CAR-T.")
    os.symlink(secret, basic_project / "landscapes" / "sources" / "link.txt")
    corpus = load_corpus(Project(basic_project))
    assert "link.txt" not in corpus.docs
    assert {s.id: s.reason for s in corpus.skipped}["link.txt"] == "links to a file outside the project"


def test_cite_with_path_is_just_a_missing_document(basic_project):
    landscape = basic_project / "landscapes" / "basic-bcma.yaml"
    landscape.write_text(landscape.read_text().replace("doc: quill-qb7.txt", "doc: ../../../etc/passwd"))
    with pytest.raises(InputError) as info:
        build(basic_project, formats=("html",))
    assert "no source document '../../../etc/passwd'" in str(info.value)


def test_landscape_file_outside_project_is_rejected(basic_project, tmp_path):
    outside = tmp_path / "other.yaml"
    outside.write_text("id: other\ntitle: Other\n")
    result = run("build", str(outside), "--format", "html", "--project", str(basic_project))
    assert result.returncode == 2 and "outside the project" in result.stderr
