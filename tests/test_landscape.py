from pathlib import Path

import pytest

from reportgen.errors import InputError
from reportgen.landscape import load_landscape

DOCS = {"a.txt": "Zorbatec Bio today announced results for ZT-101.\nIt works."}


def write(tmp_path: Path, text: str, name: str = "demo.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def errors(path: Path) -> list[str]:
    with pytest.raises(InputError) as info:
        load_landscape(path, DOCS)
    return [str(p) for p in info.value.problems]


def test_valid_landscape_loads(tmp_path):
    path = write(tmp_path, "id: demo\ntitle: Demo\nscope:\n  targets: [BCMA]\ncolumns: [name, target]\n")
    landscape = load_landscape(path, DOCS)
    assert landscape.id == "demo" and landscape.scope.targets == ["BCMA"]
    assert [c.label for c in landscape.column_defs] == ["Asset", "Target"]


def test_unknown_key_names_line_column_and_hint(tmp_path):
    path = write(tmp_path, "id: demo\ntitle: Demo\nscope:\n  tagrets: [BCMA]\n")
    assert errors(path) == [f"{path}:4:3: unknown key 'tagrets' (did you mean 'targets'?)"]


def test_wrong_type_names_key(tmp_path):
    path = write(tmp_path, "id: demo\ntitle: Demo\nscope:\n  targets: BCMA\n")
    (message,) = errors(path)
    assert message.startswith(f"{path}:4:3: scope.targets:")


def test_every_error_reported_at_once(tmp_path):
    path = write(tmp_path, "id: demo\ntitle: Demo\nrows: things\ncolour: red\n")
    found = errors(path)
    assert len(found) == 2
    assert any(":3:1: rows:" in m for m in found) and any(":4:1: unknown key 'colour'" in m for m in found)


def test_duplicate_key_is_a_yaml_error(tmp_path):
    path = write(tmp_path, "id: demo\ntitle: Demo\ntitle: Again\n")
    (message,) = errors(path)
    assert message.startswith(f"{path}:3:1:") and "duplicate key 'title'" in message


def test_duplicate_entity(tmp_path):
    path = write(tmp_path, "id: demo\ntitle: Demo\nentities:\n  - name: ZT-101\n  - name: zt-101\n")
    assert errors(path) == [f"{path}:5:5: duplicate entity 'zt-101'"]


def test_yaml_syntax_error_has_position(tmp_path):
    path = write(tmp_path, "id: demo\ntitle: [unclosed\n")
    (message,) = errors(path)
    assert message.startswith(f"{path}:") and "YAML error" in message


def test_cite_to_missing_document_and_missing_quote(tmp_path):
    path = write(tmp_path, (
        "id: demo\ntitle: Demo\nentities:\n  - name: ZT-101\n    facts:\n"
        "      - predicate: target\n        object: BCMA\n        cite: {doc: b.txt, quote: anything at all}\n"
        "      - predicate: target\n        object: BCMA\n        cite: {doc: a.txt, quote: not in the text}\n"
    ))
    found = errors(path)
    assert found[0] == f"{path}:8:9: cite: no source document 'b.txt' (did you mean 'a.txt'?)"
    assert found[1].startswith(f"{path}:11:9: cite: quote not found verbatim in a.txt")


def test_quote_may_differ_in_whitespace(tmp_path):
    path = write(tmp_path, (
        "id: demo\ntitle: Demo\nnotes:\n  - text: ok\n    cite: [{doc: a.txt, quote: 'ZT-101. It works.'}]\n"
    ))
    assert load_landscape(path, DOCS).notes[0].cite[0].doc == "a.txt"


def test_unknown_column_and_section(tmp_path):
    path = write(tmp_path, "id: demo\ntitle: Demo\ncolumns: [name, targte]\nsections: [table, sumary]\n")
    assert errors(path) == [
        f"{path}:3:17: unknown column 'targte' for rows: assets (did you mean 'target'?)",
        f"{path}:4:19: unknown section 'sumary' (did you mean 'summary'?)",
    ]


def test_id_must_match_file_name(tmp_path):
    path = write(tmp_path, "id: other\ntitle: Demo\n")
    assert errors(path) == [f"{path}:1:1: id 'other' differs from the file name 'demo'"]


def test_bad_date(tmp_path):
    path = write(tmp_path, "id: demo\ntitle: Demo\nas_of: 2023-02-30\n")
    (message,) = errors(path)
    assert message.startswith(f"{path}:3:1: as_of:")


def test_object_tags_are_not_constructed(tmp_path):
    path = write(tmp_path, "id: demo\ntitle: !!python/object/apply:os.system ['echo hi']\n")
    (message,) = errors(path)
    assert "YAML error" in message


def test_a_lexicon_adds_spellings_of_vocabulary_words_not_new_words(tmp_path):
    head = "id: demo\ntitle: Demo\nscope:\n  targets: [BCMA]\nlexicon:\n"
    ok = write(tmp_path, head + "  modalities: {CAR-T: [CAR T-cell product]}\n  targets: {ZEBRA1: [ZB-1]}\n")
    assert load_landscape(ok, DOCS).lexicon["modalities"] == {"CAR-T": ["CAR T-cell product"]}
    bad = write(tmp_path, head.replace("demo", "bad") + "  modalities: {CAR-TT: [CAR-TT]}\n  authorities: {TGA: [TGA]}\n",
                "bad.yaml")
    found = errors(bad)
    assert any(":6:16: modalities: 'CAR-TT' is not one of" in m and "did you mean 'CAR-T'?" in m for m in found), found
    assert any(":7:17: authorities: 'TGA' is not one of" in m for m in found), found
