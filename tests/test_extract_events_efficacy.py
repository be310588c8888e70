"""Efficacy figures in trial-news phrasings, pinned by invented sentences (relations.py `_results`). No name
here is real."""

from __future__ import annotations

import pytest

from reportgen.extract import extract_facts
from reportgen.facts import plain
from reportgen.sources import Document


def efficacy(text: str, subject: str = "ZT-901"):
    text = "ZT-901 is an investigational antibody.\n" + text
    facts = extract_facts(Document(id="t.txt", text=text, sha256="0" * 64))
    return [(plain(f.object)["endpoint"], plain(f.object)["value"]) for f in facts
            if f.subject == subject and f.predicate == "efficacy"]


@pytest.mark.parametrize("sentence, figure", [
    ("With ZT-901, the overall response rate (ORR) per IRC was 58.3%.", ("ORR", 58.3)),
    ("With ZT-901, ORR by blinded independent central review (BICR) was 45%.", ("ORR", 45)),
    ("ZT-901's ORR as assessed by the investigator was 61%.", ("ORR", 61)),
    ("ZT-901 reduced HbA1c by 1.8% from baseline.", ("HbA1c", 1.8)),
    ("71% of patients treated with ZT-901 achieved MRD negativity.", ("MRD negativity", 71)),
    ("ZT-901 achieved an objective response rate of 45.2% (95% CI, 33.1-57.8).", ("ORR", 45.2)),
    ("ZT-901 showed a 12-month overall survival rate of 85%.", ("12-month OS rate", 85)),
    ("The primary endpoint, overall response rate, was 55% with ZT-901.", ("ORR", 55)),
])
def test_figures_after_a_qualifier_or_before_the_patients(sentence, figure):
    assert figure in efficacy(sentence)


def test_a_confidence_interval_is_not_a_second_figure():
    assert efficacy("ZT-901 achieved an objective response rate of 45.2% (95% CI, 33.1-57.8).") == [("ORR", 45.2)]


def _population(text: str):
    text = "ZT-901 is an investigational antibody.\n" + text
    facts = extract_facts(Document(id="t.txt", text=text, sha256="0" * 64))
    return [plain(f.object).get("population") for f in facts if f.predicate == "efficacy"]


@pytest.mark.parametrize("sentence, population", [
    ("In patients with EGFR mutations, the ORR with ZT-901 was 61%.", "patients with EGFR mutations"),
    ("In the 1L cohort, the ORR with ZT-901 was 70%.", "1L cohort"),
    ("Among 52 evaluable patients, the ORR with ZT-901 was 67.3%.", "52 evaluable patients"),
    ("In 2024, the ORR with ZT-901 was 50%.", None),
])
def test_a_subgroup_figure_carries_its_population(sentence, population):
    assert _population(sentence) == [population]


@pytest.mark.parametrize("sentence, population", [
    ("The ORR with ZT-901 was 61% in patients with EGFR mutations.", "patients with EGFR mutations"),
    ("The ORR with ZT-901 was 45% (95% CI 30-60) among 40 evaluable patients.", "40 evaluable patients"),
    ("The ORR with ZT-901 was 50% in 2024.", None),
])
def test_a_population_named_right_after_the_figure(sentence, population):
    assert _population(sentence) == [population]
