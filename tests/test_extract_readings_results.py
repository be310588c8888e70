"""Results as releases report them (relations.py `_results`, data/endpoints.yaml), pinned by invented sentences.
No name here is real."""

from __future__ import annotations

import pytest

from reportgen.extract import extract_facts
from reportgen.sources import Document

LEAD = "Zorvex Bio announced results for Zorvamab, a monoclonal antibody, in lung cancer. "


def figures(text: str, predicate: str = "efficacy", subject: str = "Zorvamab") -> set[tuple[str, float]]:
    facts = extract_facts(Document(id="t.txt", text=text, sha256="0" * 64))
    key = "endpoint" if predicate == "efficacy" else "event"
    return {(getattr(f.object, key), float(f.object.value)) for f in facts
            if f.predicate == predicate and f.subject == subject}


@pytest.mark.parametrize("sentence, expected", [
    ("A confirmed objective response was observed in 18 of 40 patients (45%).", ("ORR", 45.0)),
    ("Responses were seen in 9 of 20 evaluable patients (45%), an objective response rate in line with earlier data.",
     None),
    ("At week 16, 72% of patients achieved PASI 90, compared with 3% on placebo.", ("PASI 90", 72.0)),
    ("Median disease-free survival was 28.4 months.", ("DFS", 28.4)),
])
def test_result_phrasings(sentence, expected):
    got = figures(LEAD + sentence)
    if expected is None:
        assert not any(value == 45.0 and endpoint != "ORR" for endpoint, value in got)
    else:
        assert expected in got


def test_a_treatment_related_adverse_event_rate_is_safety():
    got = figures(LEAD + "Treatment-related adverse events occurred in 12% of patients.", "safety")
    assert ("TRAE", 12.0) in got


@pytest.mark.parametrize("sentence", [
    "The trial is designed to detect a 30% improvement in PFS.",
    "Patients on Zorvamab saw a 20% relative reduction in HbA1c.",
])
def test_a_change_is_not_the_endpoint_s_value(sentence):
    got = figures(LEAD + sentence)
    assert not {value for _endpoint, value in got} & {30.0, 20.0}


def test_a_rate_before_its_endpoint_still_counts():
    assert ("CR", 94.0) in figures(LEAD + "94% of the patients achieved a complete response.")
