"""Phases in trade-news words, pinned by invented sentences (phases.py, data/phases.yaml, data/scoring.yaml)."""

from __future__ import annotations

import pytest

from reportgen.extract import extract_facts
from reportgen.facts import plain
from reportgen.sources import Document


def phases(text: str):
    text = "ZT-1 is an investigational antibody.\n" + text
    facts = extract_facts(Document(id="t.txt", text=text, sha256="0" * 64))
    return [plain(f.object)["stage"] for f in facts if f.subject == "ZT-1" and f.predicate == "phase"]


@pytest.mark.parametrize("sentence, stage", [
    ("ZT-1 met the main goal of a late-stage trial in psoriasis.", "phase 3"),
    ("ZT-1 improved symptoms in a mid-stage study in lupus.", "phase 2"),
    ("Data from an early-stage trial of ZT-1 were presented.", "phase 1"),
])
def test_news_stage_words_are_phases(sentence, stage):
    assert phases(sentence) == [stage]


@pytest.mark.parametrize("sentence", [
    "ZT-1 is being studied in early-stage breast cancer.",
    "The company plans to start a late-stage trial of ZT-1 next year.",
    "ZT-1 is in late-stage development.",
])
def test_a_disease_stage_or_a_planned_trial_is_no_phase(sentence):
    assert phases(sentence) == []


@pytest.mark.parametrize("sentence, expected", [
    ("ZT-1 is in IND-enabling studies for lupus.", ["preclinical"]),
    ("ZT-1 is in preclinical development for lupus.", ["preclinical"]),
    ("Preclinical data for ZT-1 were presented at a meeting.", []),
])
def test_a_stage_before_any_trial(sentence, expected):
    assert phases(sentence) == expected
