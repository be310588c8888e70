"""Nothing lost: a full disk or a broken template keeps every previous output."""

import errno
import os
import subprocess
import sys

import pytest

from reportgen.build import build
from reportgen.errors import BuildError


def snapshot(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_full_disk_fails_clearly_and_keeps_previous_outputs(basic_project, monkeypatch):
    build(basic_project, formats=("html", "csv"))
    before = snapshot(basic_project / "out")
    (basic_project / "landscapes" / "basic-bcma.yaml").write_text(
        (basic_project / "landscapes" / "basic-bcma.yaml").read_text().replace("Two invented assets", "Changed"))
    real_fdopen = os.fdopen
    calls = {"n": 0}

    class FullDisk:
        def __init__(self, handle):
            self.handle = handle
        def __enter__(self):
            return self
        def __exit__(self, *exc):
            self.handle.close()
        def write(self, data):
            calls["n"] += 1
            if calls["n"] >= 2:
                raise OSError(errno.ENOSPC, "No space left on device")
            return self.handle.write(data)
        def flush(self):
            self.handle.flush()
        def fileno(self):
            return self.handle.fileno()

    monkeypatch.setattr(os, "fdopen", lambda fd, mode="r": FullDisk(real_fdopen(fd, mode)))
    with pytest.raises(BuildError) as info:
        build(basic_project, formats=("html", "csv"))
    assert "No space left on device" in str(info.value)
    monkeypatch.undo()
    assert snapshot(basic_project / "out") == before  # no half files, no temporary files, old outputs intact


def test_template_with_undefined_variable_names_template_and_line(basic_project, tmp_path):
    build(basic_project, formats=("html",))
    before = snapshot(basic_project / "out")
    (tmp_path / "_references.html").write_text("<ol>\n{{ brief.refrences }}\n</ol>\n")
    result = subprocess.run([sys.executable, "-m", "reportgen", "build", "--format", "html", "--force",
                             "--templates", str(tmp_path), "--project", str(basic_project)], capture_output=True, text=True)
    assert result.returncode == 1
    assert f"{tmp_path / '_references.html'}:2" in result.stderr and "refrences" in result.stderr
    assert snapshot(basic_project / "out") == before
