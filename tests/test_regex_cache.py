"""The start-up cache of prepared regexes (reportgen/regex_cache.py): same facts with it, without it,
and with a damaged one, which is rebuilt; never read or written outside the project or through a link."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from reportgen import regex_cache

TEXT = ("Zorvex Bio announced today that the FDA granted Orphan Drug Designation to ZVX-114, an autologous "
        "CD19-directed CAR-T cell therapy for the treatment of systemic lupus erythematosus. ZVX-114 is being "
        "evaluated in a Phase 1/2 study in China. The therapy was developed by Zorvex Bio's Shanghai team.\n")

# one process as the build runs it: the file seeded before the extractor's import, written after
SCRIPT = r"""
import json, sys
from pathlib import Path
import re._compiler as compiler
root = Path(sys.argv[1]); path = root / "out" / ".cache" / "regex-prepared.json"
from reportgen import regex_cache
loaded = regex_cache.load(path, root)
calls = []
plain = compiler.compile
compiler.compile = lambda p, flags=0: calls.append(1) or plain(p, flags)
from reportgen.extract import extract_facts, get_extractor
from reportgen.sources import Document
facts = extract_facts(Document(id="zz.txt", text=sys.argv[2], sha256="0" * 64))
compiler.compile = plain
regex_cache.save(path, root, get_extractor().fingerprint)
print(json.dumps({"loaded": loaded, "compiled": len(calls), "facts": [f.to_json() for f in facts]}))
"""


def _run(root: Path) -> dict:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONHASHSEED"}  # each process its own string hash seed
    out = subprocess.run([sys.executable, "-c", SCRIPT, str(root), TEXT], capture_output=True, text=True, env=env,
                         check=True)
    return json.loads(out.stdout)


@pytest.fixture
def project(tmp_path):
    (tmp_path / "out" / ".cache").mkdir(parents=True)
    return tmp_path


def _file(project: Path) -> Path:
    return project / "out" / ".cache" / regex_cache.FILE


def test_a_second_process_compiles_from_the_file_and_finds_the_same_facts(project):
    first = _run(project)
    assert not first["loaded"] and first["compiled"] > 50 and first["facts"]
    assert _file(project).is_file()
    second = _run(project)
    assert second["loaded"]
    assert second["compiled"] < first["compiled"] // 10  # the extractor's patterns came out of the file
    assert second["facts"] == first["facts"]


def _rewrite(path: Path, change) -> None:
    head, _, body = path.read_text(encoding="utf-8").partition("\n")
    header, data = json.loads(head), json.loads(body)
    change(header, data)
    body = json.dumps(data, separators=(",", ":"))
    if "keep_digest" not in header:
        header["digest"] = regex_cache._body_digest(body)
    header.pop("keep_digest", None)
    path.write_text(json.dumps(header) + "\n" + body, encoding="utf-8")


def _bad_program(header, data):
    for entry in data["patterns"]:
        entry[3] = regex_cache._code_text([10 ** 6] * 3)  # no opcode: _sre refuses it


def _other_python(header, data):
    header["engine"] = ["2.7.0", 0, 0, 0, 0]


def _bad_digest(header, data):
    header["keep_digest"] = True
    data["patterns"] = data["patterns"][:-1]


def _not_base64(header, data):
    data["patterns"][0][3] = "not base64 at all!"


def _bad_analysis(header, data):
    data["analyses"] = [[k, p, f, [[1, 2], "yes"]] for k, p, f, _ in data["analyses"]]


@pytest.mark.parametrize("damage", [
    lambda p: p.write_bytes(b"\x00\xffnot json at all"),
    lambda p: p.write_bytes(p.read_bytes()[: len(p.read_bytes()) // 2]),  # truncated
    lambda p: p.write_text("", encoding="utf-8"),
    lambda p: _rewrite(p, _bad_program),
    lambda p: _rewrite(p, _other_python),
    lambda p: _rewrite(p, _bad_digest),
    lambda p: _rewrite(p, _not_base64),
], ids=["garbage", "truncated", "empty", "refused-program", "other-python", "bad-digest", "not-base64"])
def test_a_damaged_file_is_not_used_and_is_written_anew(project, damage):
    clean = _run(project)
    damage(_file(project))
    again = _run(project)
    assert not again["loaded"] and again["facts"] == clean["facts"]
    assert _run(project)["loaded"]  # rebuilt by the run that could not use it


def test_a_malformed_gate_analysis_is_derived_anew(project):
    clean = _run(project)
    _rewrite(_file(project), _bad_analysis)
    again = _run(project)
    assert again["loaded"] and again["facts"] == clean["facts"]


def test_the_file_is_not_read_or_written_through_a_link(project, tmp_path_factory):
    _run(project)
    outside = tmp_path_factory.mktemp("elsewhere") / "prepared.json"
    outside.write_bytes(_file(project).read_bytes())
    _file(project).unlink()
    _file(project).symlink_to(outside)
    before = outside.read_bytes()
    assert not regex_cache.load(_file(project), project)
    result = _run(project)
    assert not result["loaded"] and outside.read_bytes() == before and _file(project).is_symlink()


def test_a_file_outside_the_project_is_not_read(tmp_path):
    (tmp_path / "p").mkdir()
    (tmp_path / regex_cache.FILE).write_text("{}\n{}", encoding="utf-8")
    assert not regex_cache.load(tmp_path / regex_cache.FILE, tmp_path / "p")


def test_prepared_programs_match_what_re_compiles():
    import _sre

    samples = ["CD19 CAR-T", "Phase 1/2 study in SLE", "ZVX-114 (zorbatuximab) by Zorvex Bio, Inc.", "", "ſİı ü"]
    regex_cache.ANALYSES.clear()
    re.compile(r"(?P<code>[A-Z]{2,4})-(\d+)", re.I)
    re.compile(r"\b(?:phase|study)\b", re.I)
    header, _, body = regex_cache.prepared_bytes("test").decode().partition("\n")
    entries = json.loads(body)["patterns"]
    assert entries
    for pattern, flags, final_flags, code, groups, groupindex, indexgroup in entries:
        fresh = re.compile(pattern, flags) if not flags & re.DEBUG else None
        if fresh is None:
            continue
        built = _sre.compile(pattern, final_flags, regex_cache._code_list(code), groups, groupindex, tuple(indexgroup))
        assert (built.pattern, built.flags, built.groups, built.groupindex) == \
               (fresh.pattern, fresh.flags, fresh.groups, fresh.groupindex)
        for s in samples:
            assert [m.span() for m in built.finditer(s)] == [m.span() for m in fresh.finditer(s)]


def test_the_cache_keeps_more_patterns_than_the_extractor_compiles():
    # past re's default of 512 entries, each new compile would evict a seeded program (compiled again)
    assert re._MAXCACHE >= regex_cache.CACHE_ROOM
    first = re.compile("zz-first-of-many-[0-9]+")
    for i in range(600):
        re.compile(f"zz-many-{i}-[a-z]+")
    assert re.compile("zz-first-of-many-[0-9]+") is first


def test_a_file_written_under_a_smaller_cache_is_written_anew(project):
    clean = _run(project)
    _rewrite(_file(project), lambda header, data: header.pop("room"))  # as files written before the room
    again = _run(project)
    assert again["loaded"] and again["facts"] == clean["facts"]
    header = json.loads(_file(project).read_text(encoding="utf-8").partition("\n")[0])
    assert header["room"] == regex_cache.CACHE_ROOM  # rewritten by the run that loaded the partial file


OTHER = ("Velmora Bio entered into an exclusive license agreement with Tarrow Pharma, under which Tarrow Pharma "
         "acquired the exclusive rights to VLM-31 from Velmora Bio in Japan.\n")


def test_patterns_a_later_document_compiles_are_added_to_the_file(project):
    _run(project)
    steady = _run(project)["compiled"]  # what a run compiles whatever the file holds (none or nearly)
    before = json.loads(_file(project).read_text(encoding="utf-8").partition("\n")[2])
    known = {(p[0], p[1]) for p in before["patterns"]}
    script = SCRIPT.replace("text=sys.argv[2]", "text=sys.argv[2] + sys.argv[3]")
    env = {k: v for k, v in os.environ.items() if k != "PYTHONHASHSEED"}
    results = []
    for _ in range(2):
        out = subprocess.run([sys.executable, "-c", script, str(project), TEXT, OTHER], capture_output=True, text=True,
                             env=env, check=True)
        results.append(json.loads(out.stdout))
    first, result = results
    after = json.loads(_file(project).read_text(encoding="utf-8").partition("\n")[2])
    assert known < {(p[0], p[1]) for p in after["patterns"]}  # the deal sentence's cues were added
    assert first["compiled"] > steady  # the deal sentence compiled patterns the file lacked
    assert result["loaded"] and result["compiled"] <= steady  # the next run with the richer file does not
    assert result["facts"] == first["facts"]
