"""Modality spellings: title case, a defined abbreviation inside the term, typographic dashes
(data/modalities.yaml), pinned by invented sentences."""

from __future__ import annotations

import pytest

from reportgen.extract import extract_facts
from reportgen.facts import plain
from reportgen.sources import Document


def modalities(text: str, subject: str):
    facts = extract_facts(Document(id="t.txt", text="Quillon Bio announces data.\n" + text, sha256="0" * 64))
    return [plain(f.object) for f in facts if f.predicate == "modality" and f.subject == subject]


@pytest.mark.parametrize("sentence, expected", [
    ("Quillon Bio's NK Cell Therapy QL-4 Receives Fast Track Designation.", ["NK cell"]),
    ("QL-4 is an allogeneic natural killer (NK) cell therapy for lymphoma.", ["NK cell"]),
    ("QL-4 is an antibody–drug conjugate for breast cancer.", ["ADC"]),
    ("QL-4 is an antibody\u2010drug conjugate for breast cancer.", ["ADC"]),
])
def test_modality_spellings(sentence, expected):
    assert modalities(sentence, "QL-4") == expected
