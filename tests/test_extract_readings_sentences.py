"""A decimal is no sentence end (sentences.py), so a target or criterion written with one stays in its sentence.
No name here is real."""

from __future__ import annotations

import pytest

from reportgen.extract import extract_facts, split_sentences
from reportgen.sources import Document


@pytest.mark.parametrize("text, count", [
    ("Zorvex Bio said Zorvamab, an anti-CLDN18.2 ADC, entered Phase 2.", 1),
    ("The ORR per RECIST 1.1 Criteria was 40%. Next one.", 2),
    ("This is a disease.12 The next sentence.", 2),  # a footnote number after a word still ends it
])
def test_decimal_points_do_not_split(text, count):
    assert len(split_sentences(text)) == count


def test_the_whole_sentence_is_the_quote():
    text = "Zorvex Bio said Zorvamab, an anti-CLDN18.2 ADC, entered Phase 2."
    facts = extract_facts(Document(id="t.txt", text=text, sha256="0" * 64))
    assert {f.evidence.quote for f in facts if f.predicate in ("target", "modality", "phase")} == {text}
