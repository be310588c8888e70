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


@pytest.mark.parametrize("text, expected", [
    # with data/phases.yaml `planned_phase_when_alone`, a planned phase is the asset's phase when no other is stated
    ("Zorvex Bio plans to commence a phase 1/2 study of Zorvamab, a monoclonal antibody, in lung cancer this year.",
     {"phase 1/2"}),
    ("During the option period, Zorvex Bio will conduct a Phase 2 study of Zorvamab, a monoclonal antibody, in lupus.",
     {"phase 2"}),
    # ... but not beside a phase the release states
    ("Zorvex Bio reported Phase 2 results for Zorvamab, a monoclonal antibody, in lung cancer. "
     "The company plans to start a Phase 3 trial of Zorvamab in 2027.", {"phase 2"}),
])
def test_a_planned_phase_counts_only_alone_when_switched_on(text, expected, monkeypatch):
    from reportgen.extract import relations
    monkeypatch.setattr(relations, "_planned_alone", lambda: True)
    assert stages(text) == expected


def test_a_planned_phase_is_no_stage_by_default():
    assert stages("Zorvex Bio plans to commence a phase 1/2 study of Zorvamab, a monoclonal antibody.") == set()


def test_a_sentence_opening_with_its_phase_is_about_the_asset_named_before():
    text = ("Zorvex Bio said Zorvamab, a monoclonal antibody, received Breakthrough Therapy designation in atopic "
            "dermatitis. Phase III clinical trial is currently carried out in China for this indication.")
    assert stages(text) == {"phase 3"}


# --- stop 23: a phase numeral written as one character, as Chinese releases do (relations.PHASE_RE) ----------------

@pytest.mark.parametrize("phrase, expected", [
    ("is in phase Ⅱ clinical trials", {"phase 2"}),
    ("is in a Phase Ⅲ clinical trial for gastric cancer", {"phase 3"}),
    ("is in a phase Ⅰ/Ⅱ trial", {"phase 1/2"}),
])
def test_one_character_roman_numerals(phrase, expected):
    assert stages(f"Zorvex Bio said Zorvamab, a monoclonal antibody, {phrase}.") == expected


@pytest.mark.parametrize("phrase, expected", [
    ("is in a Ph3 trial", {"phase 3"}),
    ("is in a PhIII trial after a Ph2b study", {"phase 3", "phase 2"}),
    # acidity, a degree, a chromosome: no phase
    ("is stable at pH 3, said a PhD chemist who studies Ph+ ALL", set()),
])
def test_trade_news_phase_abbreviations(phrase, expected):
    assert stages(f"Zorvex Bio said Zorvamab, a monoclonal antibody, {phrase}.") == expected
