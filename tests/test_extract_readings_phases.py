"""Phases as releases write them (relations.py PHASE_RE / PHASE_PART_RE), pinned by invented sentences. No name
here is real."""

from __future__ import annotations

import pytest

from reportgen.extract import extract_facts
from reportgen.sources import Document


def stages(text: str, subject: str = "Zorvamab") -> set[str]:
    facts = extract_facts(Document(id="t.txt", text=text, sha256="0" * 64))
    return {f.object.stage for f in facts if f.predicate == "phase" and f.subject == subject}


@pytest.mark.parametrize("phrase, expected", [
    ("is Phase 3-ready", set()),
    ("completed Phase 2-enabling studies", set()),
    ("is in a Phase Ib/II trial", {"phase 1/2"}),
    ("is in a Phase 2b study", {"phase 2"}),
    ("is in Phase I clinical development in China", {"phase 1"}),
])
def test_phase_phrasings(phrase, expected):
    assert stages(f"Zorvex Bio said Zorvamab, a monoclonal antibody, {phrase}.") == expected
