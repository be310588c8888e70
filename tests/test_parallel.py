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
