"""Unicode hyphens (U+2010, U+2011: what press-release wires put in "CAR‑T", "non‑small cell") are read as "-"
by the normalize stage, while quotes stay verbatim. Invented sentences; no name here is real."""

from __future__ import annotations

from reportgen.extract import extract_facts
from reportgen.extract.normalize import normalize
from reportgen.sources import Document


def test_unicode_hyphens_are_read_as_hyphens_and_keep_every_offset():
    text = "ZT\u2011101 is a CAR\u2011T therapy for non\u2010small cell lung cancer."
    n = normalize(text)
    assert n.text == "ZT-101 is a CAR-T therapy for non-small cell lung cancer."
    assert n.identity  # same length: the offsets need no map


def test_a_modality_and_a_disease_written_with_unicode_hyphens_are_read():
    text = ("Zorvex Bio Announces FDA Clearance of IND for ZT\u2011101\n"
            "ZT\u2011101 is a CAR\u2011T therapy for non\u2010small cell lung cancer.")
    facts = extract_facts(Document(id="t.txt", text=text, sha256="0" * 64))
    got = {(f.predicate, f.object) for f in facts if f.predicate in ("modality", "indication")}
    assert got == {("modality", "CAR-T"), ("indication", "non-small cell lung cancer")}
    for f in facts:
        assert text[f.evidence.start:f.evidence.end] == f.evidence.quote
