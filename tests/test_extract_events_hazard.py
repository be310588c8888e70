"""Hazard ratios as efficacy (extract/hazard.py, data/endpoints.yaml `hazard`), pinned by invented sentences."""

from __future__ import annotations

import pytest

from reportgen.extract import extract_facts
from reportgen.extract.hazard import hazard_figures
from reportgen.facts import plain
from reportgen.sources import Document


def efficacy(text: str, subject: str = "ZT-118"):
    text = "ZT-118 is an investigational antibody.\n" + text  # a code is an asset with drug context
    facts = extract_facts(Document(id="t.txt", text=text, sha256="0" * 64))
    return [plain(f.object) for f in facts if f.subject == subject and f.predicate == "efficacy"]


@pytest.mark.parametrize("sentence, value", [
    ("ZT-118 reduced the risk of disease progression or death by 42% (hazard ratio [HR] 0.58; 95% CI, 0.44-0.76).", 0.58),
    ("Progression-free survival was longer with ZT-118 (HR 0.48; p<0.0001).", 0.48),
    ("The hazard ratio for overall survival with ZT-118 was 0.71 (95% CI, 0.58-0.87).", 0.71),
    ("ZT-118 improved overall survival (hazard ratio, 0.74; 95% confidence interval [CI], 0.61 to 0.90).", 0.74),
    ("Median PFS with ZT-118 was 9.3 months vs 4.1 months (HR=0.39, 95% CI 0.27-0.56).", 0.39),
])
def test_a_hazard_ratio_is_an_efficacy_value(sentence, value):
    assert {"endpoint": "HR", "value": value, "unit": "ratio"} in efficacy(sentence)


def test_the_interval_and_p_value_after_a_ratio_are_not_values():
    got = efficacy("ZT-118 improved PFS (HR 0.58; 95% CI, 0.44-0.76; p=0.001).")
    assert [o["value"] for o in got if o["endpoint"] == "HR"] == [0.58]


@pytest.mark.parametrize("sentence, endpoint", [
    ("ZT-118 reduced the risk of death by 35% (HR 0.65).", "OS"),
    ("ZT-118 lowered the risk of disease progression or death by 40% (HR 0.60).", "PFS"),
    ("Overall survival favoured ZT-118 (HR 0.70).", "OS"),
    ("The hazard ratio for progression or death was 0.55.", "PFS"),
    ("A hazard ratio of 0.62 for OS was reported.", "OS"),
])
def test_the_ratio_belongs_to_the_endpoint_its_words_name(sentence, endpoint):
    assert [f[1] for f in hazard_figures(sentence) if f[4] == "ratio"] == [endpoint]


@pytest.mark.parametrize("sentence", [
    "The HR was 1.2-fold higher in the treated group.",
    "HR 12% of patients had a response.",
    "ZT-118 reduced the risk of infection by 30%.",
    "Human resources (HR) grew by 40 people.",
])
def test_no_ratio_without_a_value_or_an_endpoint(sentence):
    assert not [f for f in hazard_figures(sentence) if f[4] == "ratio"]


def test_a_percentage_reduction_alone_is_not_emitted():
    # "by 35%" restates a ratio and was annotated as no fact on dev and on the fresh batch (endpoints.yaml)
    assert not efficacy("ZT-118 reduced the risk of death by 35% compared with placebo.")
