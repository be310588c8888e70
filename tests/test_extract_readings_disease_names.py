"""The curated disease list (extract/data/diseases.yaml) names each disease once, by a name it lists, and an
indication is cited as its quote writes it. Invented sentences; no name here is real."""

from __future__ import annotations

from reportgen.extract import extract_facts
from reportgen.extract.lexicon import read_data
from reportgen.sources import Document


def _entries():
    data = read_data("diseases.yaml")
    return [(canonical, spellings) for section in ("diseases", "generic") for canonical, spellings in data[section].items()]


def test_every_curated_name_is_one_of_its_own_spellings():
    # a name the quote can never write would be cited as a disease the source does not name
    assert [c for c, spellings in _entries() if c not in spellings] == []


def test_no_spelling_is_listed_under_two_diseases():
    owner, twice = {}, []
    for canonical, spellings in _entries():
        for s in spellings:
            key = s.casefold().replace("-", " ")
            if owner.setdefault(key, canonical) != canonical:
                twice.append((s, owner[key], canonical))
    assert twice == []


def indications(text: str) -> set[str]:
    facts = extract_facts(Document(id="t.txt", text=text, sha256="0" * 64))
    return {f.object for f in facts if f.predicate == "indication" and f.subject == "ZT-101"}


def test_a_subtype_written_as_an_abbreviation_is_cited_as_written():
    got = indications("Zorvex Bio Announces FDA Clearance of IND for ZT-101\nZT-101 is being studied in patients with wet AMD.")
    assert got == {"wet AMD"}


def test_a_stage_of_small_cell_lung_cancer_is_that_cancer():
    got = indications("Zorvex Bio Announces FDA Clearance of IND for ZT-101\nZT-101 is being studied in patients with "
                      "extensive-stage small cell lung cancer.")
    assert got == {"small cell lung cancer"}
