"""An indication is the disease as its quote writes it (extract/indications.py `as_written`), pinned by invented
sentences. No name here is real."""

from __future__ import annotations

from reportgen.extract import extract_facts
from reportgen.sources import Document


def indications(text: str, subject: str = "ZT-101") -> dict[str, str]:
    facts = extract_facts(Document(id="t.txt", text=text, sha256="0" * 64))
    return {f.object: f.evidence.quote for f in facts if f.predicate == "indication" and f.subject == subject}


def test_a_synonym_written_alone_is_the_object():
    got = indications("Zorvex Bio announced that ZT-101, a CAR-T cell therapy, is being studied in patients with lupus.")
    assert set(got) == {"lupus"}


def test_a_british_spelling_is_kept_as_written():
    got = indications("Zorvex Bio announced that ZT-101, a CAR-T cell therapy, entered a trial in patients with "
                      "solid tumours.")
    assert set(got) == {"solid tumours"}


def test_the_curated_name_stays_where_the_quote_writes_it():
    got = indications("Zorvex Bio announced that ZT-101, a CAR-T cell therapy, is being studied in patients with "
                      "systemic lupus erythematosus (SLE).")
    assert set(got) == {"systemic lupus erythematosus"}


def test_a_spelling_mesh_does_not_know_is_written_and_read_back_by_its_curated_name():
    # "mCRPC" resolves to no MeSH descriptor: the fact states what its quote writes, and a brief scoped to
    # prostate cancer still finds it, since knowledge.py reads every indication by its curated name
    from reportgen.extract.indications import curated_name

    got = indications("Zorvex Bio announced that ZT-101, a CAR-T cell therapy, is being studied in patients with mCRPC.")
    assert set(got) == {"mCRPC"}
    assert curated_name("mCRPC") == "prostate cancer"


def test_every_written_object_is_in_its_quote():
    text = ("Zorvex Bio announced that ZT-101, a CAR-T cell therapy, is being studied in patients with lupus. "
            "ZT-101 is also in a trial for solid tumours.")
    for obj, quote in indications(text).items():
        assert obj.casefold() in quote.casefold()
