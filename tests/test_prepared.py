"""The prepared data files (reportgen/prepared.py): the same objects and facts with them as without, rebuilt
when damaged or when a data file changes, never read or written outside the project or through a link."""

from __future__ import annotations

import dataclasses
import datetime
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from reportgen import diseases, prepared
from reportgen.extract import lexicon

TEXT = ("Qorvane Therapeutics announced today that the FDA granted Fast Track designation to QRV-220, an "
        "allogeneic CD19-directed CAR-T cell therapy for adults with relapsed or refractory follicular lymphoma. "
        "QRV-220 is being evaluated in a Phase 1 study in patients with myasthenia gravis and lupus nephritis.\n")

# one process as the new-documents build runs it: enabled before the extractor's import, saved after
SCRIPT = r"""
import json, sys
from pathlib import Path
root = Path(sys.argv[1])
from reportgen import prepared
if sys.argv[3] == "on":
    prepared.enable(root / "out" / ".cache", root)
from reportgen.extract import extract_facts
from reportgen.sources import Document
facts = extract_facts(Document(id="qq.txt", text=sys.argv[2], sha256="0" * 64))
built = sorted(prepared._dirty)
prepared.save()
print(json.dumps({"built": built, "facts": [f.to_json() for f in facts]}))
"""


def _run(root: Path, on: bool = True) -> dict:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONHASHSEED"}  # each process its own string hash seed
    out = subprocess.run([sys.executable, "-c", SCRIPT, str(root), TEXT, "on" if on else "off"], capture_output=True,
                         text=True, env=env, check=True)
    return json.loads(out.stdout)


@pytest.fixture
def project(tmp_path):
    (tmp_path / "out" / ".cache").mkdir(parents=True)
    return tmp_path


@pytest.fixture
def fresh():
    """Prepared data off and every process-wide cache of what it prepares empty, before and after."""
    def clear():
        prepared.disable()
        lexicon.read_data.cache_clear()
        lexicon._load.cache_clear()
        diseases.vocabulary.cache_clear()
    clear()
    yield
    clear()


def _files(project: Path) -> dict[str, Path]:
    return {p.name: p for p in (project / "out" / ".cache").glob(f"{prepared.PREFIX}*.json")}


def test_a_second_process_reads_everything_from_the_files_and_finds_the_same_facts(project):
    plain = _run(project, on=False)
    assert not _files(project)  # off: nothing written
    first = _run(project)
    assert "data" in first["built"] and "mesh" in first["built"]
    assert set(_files(project)) == {"prepared-data.json", "prepared-mesh.json"}
    second = _run(project)
    assert second["built"] == []  # every data file, the lexicons and the vocabulary came out of the files
    assert plain["facts"] and second["facts"] == first["facts"] == plain["facts"]


def _matcher_state(m):
    return {k: v for k, v in m.__dict__.items() if k not in ("_memo", "_regexes")}


def _same_lexicons(a, b) -> None:
    for f in dataclasses.fields(lexicon.Lexicons):
        x, y = getattr(a, f.name), getattr(b, f.name)
        if isinstance(x, lexicon.Matcher):
            assert type(y) is lexicon.Matcher and _matcher_state(x) == _matcher_state(y), f.name
            assert [type(t) for t in x._atoms[0] + x._atoms[1]] == [type(t) for t in y._atoms[0] + y._atoms[1]]
        elif not f.name.startswith("_"):
            assert type(x) is type(y) and x == y, f.name


def _stored_and_read(project: Path):
    """(lexicons, vocabulary, a data file) built with the files on, then read back by a new 'process'."""
    prepared.enable(project / "out" / ".cache", project)
    built = (lexicon.load_lexicons({"targets": {"QX1": ["QX-1 receptor"]}}), diseases.vocabulary(),
             lexicon.read_data("relations.yaml"))
    prepared.save()
    lexicon.read_data.cache_clear(), lexicon._load.cache_clear(), diseases.vocabulary.cache_clear()
    prepared.enable(project / "out" / ".cache", project)
    read = (lexicon.load_lexicons({"targets": {"QX1": ["QX-1 receptor"]}}), diseases.vocabulary(),
            lexicon.read_data("relations.yaml"))
    return built, read


def test_the_files_give_the_objects_a_fresh_build_gives(project, fresh):
    built, read = _stored_and_read(project)
    assert not prepared._dirty  # read back, not built again
    _same_lexicons(read[0], lexicon.build_lexicons({"targets": {"QX1": ["QX-1 receptor"]}}))
    _same_lexicons(read[0], built[0])
    vocab = diseases._build_vocabulary()
    assert read[1] == vocab and list(read[1].variants) == list(vocab.variants)  # same order too
    assert read[1].resolve("relapsed multiple myeloma") == vocab.resolve("relapsed multiple myeloma") is not None
    assert read[1].area_names() == vocab.area_names()
    import yaml

    assert prepared.same(read[2], yaml.load((lexicon.DATA_DIR / "relations.yaml").read_text(encoding="utf-8"),
                                            Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)))


def _damage_body(path: Path, change) -> None:
    head, _, body = path.read_text(encoding="utf-8").partition("\n")
    header, data = json.loads(head), json.loads(body)
    change(header, data)
    body = json.dumps(data)
    if not header.pop("keep_digest", False):
        header["digest"] = prepared._digest(body)
    path.write_text(json.dumps(header) + "\n" + body, encoding="utf-8")


def _bad_vocabulary(header, data):
    if "vocabulary" in data:  # (the data file is left as it is)
        data["vocabulary"]["value"]["keys"] = [1, 2, 3]


def _bad_lexicons(header, data):
    for name, entry in data.items():
        if name.startswith("lexicons"):
            entry["value"] = {"targets": ["matcher", {"entries": {}}]}  # tables missing: does not decode


def _bad_digest(header, data):
    header["keep_digest"] = True
    data.pop(next(iter(data)))


def _other_format(header, data):
    header["format"] = prepared.FORMAT + 1


@pytest.mark.parametrize("damage", [
    lambda p: p.write_bytes(b"\x00\xffnot json at all"),
    lambda p: p.write_bytes(p.read_bytes()[: len(p.read_bytes()) // 2]),  # truncated
    lambda p: p.write_text("", encoding="utf-8"),
    lambda p: _damage_body(p, _bad_digest),
    lambda p: _damage_body(p, _other_format),
    lambda p: _damage_body(p, _bad_vocabulary),
    lambda p: _damage_body(p, _bad_lexicons),
], ids=["garbage", "truncated", "empty", "bad-digest", "other-format", "undecodable-vocabulary",
        "undecodable-lexicons"])
def test_a_damaged_file_is_not_used_and_is_written_anew(project, fresh, damage):
    built, _ = _stored_and_read(project)
    for path in _files(project).values():
        damage(path)
    lexicon.read_data.cache_clear(), lexicon._load.cache_clear(), diseases.vocabulary.cache_clear()
    prepared.enable(project / "out" / ".cache", project)
    again = (lexicon.load_lexicons({"targets": {"QX1": ["QX-1 receptor"]}}), diseases.vocabulary())
    _same_lexicons(again[0], built[0])
    assert again[1] == built[1]
    assert prepared._dirty  # built again: the files are written anew
    prepared.save()
    lexicon._load.cache_clear(), diseases.vocabulary.cache_clear()
    prepared.enable(project / "out" / ".cache", project)
    lexicon.load_lexicons({"targets": {"QX1": ["QX-1 receptor"]}}), diseases.vocabulary()
    assert not prepared._dirty  # and read back by the next run


def test_a_changed_data_file_is_a_new_key_never_the_stale_entry(project, tmp_path, fresh, monkeypatch):
    data_dir = tmp_path / "data"
    shutil.copytree(lexicon.DATA_DIR, data_dir)
    monkeypatch.setattr(lexicon, "DATA_DIR", data_dir)
    prepared.enable(project / "out" / ".cache", project)
    before = lexicon.load_lexicons()
    assert before.targets.lookup("QX-77 kinase")[0] is None
    prepared.save()
    with open(data_dir / "targets.yaml", "a", encoding="utf-8") as fh:
        fh.write('\nQX77: ["QX-77 kinase"]\n')
    lexicon.read_data.cache_clear(), lexicon._load.cache_clear()
    prepared.enable(project / "out" / ".cache", project)
    after = lexicon.load_lexicons()
    assert after.targets.lookup("QX-77 kinase")[0] == "QX77"
    assert lexicon.read_data("targets.yaml")["QX77"] == ["QX-77 kinase"]
    assert prepared._dirty  # the new entries replace the old ones on save


def test_a_changed_area_file_rebuilds_the_vocabulary(project, tmp_path, fresh, monkeypatch):
    areas = tmp_path / "disease_areas.yaml"
    areas.write_bytes(diseases.AREAS_FILE.read_bytes())
    monkeypatch.setattr(diseases, "AREAS_FILE", areas)
    prepared.enable(project / "out" / ".cache", project)
    assert diseases.vocabulary().area("qorvanitis area") is None
    prepared.save()
    import yaml

    data = yaml.safe_load(areas.read_text(encoding="utf-8"))
    name, spec = next(iter(data["areas"].items()))
    data["areas"][name]["spellings"] = [*(spec.get("spellings") or []), "qorvanitis area"]
    areas.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    diseases.vocabulary.cache_clear()
    prepared.enable(project / "out" / ".cache", project)
    assert diseases.vocabulary().area("qorvanitis area").name == name


def test_a_value_json_cannot_keep_exactly_is_built_in_each_process(project, tmp_path, fresh):
    odd = tmp_path / "odd.yaml"
    odd.write_text("when: 2026-01-02\n1: one\nflag: yes\n", encoding="utf-8")
    prepared.enable(project / "out" / ".cache", project)
    first = prepared.load_yaml(odd)
    assert first == {"when": datetime.date(2026, 1, 2), 1: "one", "flag": True}
    prepared.save()
    prepared.enable(project / "out" / ".cache", project)
    assert prepared.load_yaml(odd) == first and type(next(iter(prepared.load_yaml(odd)))) is str


def test_same_tells_types_and_order_apart():
    assert prepared.same({"a": [1, "x"], "b": None}, {"a": [1, "x"], "b": None})
    assert not prepared.same({"a": 1, "b": 2}, {"b": 2, "a": 1})
    assert not prepared.same([1], [1.0]) and not prepared.same([True], [1]) and not prepared.same((1,), [1])


def test_the_files_are_not_read_or_written_through_a_link(project, tmp_path_factory, fresh):
    _stored_and_read(project)
    outside = tmp_path_factory.mktemp("elsewhere")
    for name, path in _files(project).items():
        shutil.copy(path, outside / name)
        path.unlink()
        path.symlink_to(outside / name)
    before = {p.name: p.read_bytes() for p in outside.iterdir()}
    lexicon._load.cache_clear(), diseases.vocabulary.cache_clear()
    prepared.enable(project / "out" / ".cache", project)
    lexicon.load_lexicons({"targets": {"QX1": ["QX-1 receptor"]}}), diseases.vocabulary()
    assert prepared._dirty  # not read through the links
    prepared.save()
    assert {p.name: p.read_bytes() for p in outside.iterdir()} == before
    assert all(p.is_symlink() for p in _files(project).values())


def test_a_cache_folder_outside_the_project_is_neither_read_nor_written(tmp_path, fresh):
    (tmp_path / "p").mkdir()
    elsewhere = tmp_path / "cache"
    elsewhere.mkdir()
    prepared.enable(elsewhere, tmp_path / "p")
    diseases.vocabulary()
    prepared.save()
    assert not list(elsewhere.iterdir())
