"""Regulatory readings in more of the usual phrasings (relations.py IND_RE), pinned by invented sentences.
No name here is real."""

from __future__ import annotations

import pytest

from reportgen.extract import extract_facts
from reportgen.sources import Document


def events(text: str, subject: str = "Zorvamab") -> set[tuple[str, str]]:
    facts = extract_facts(Document(id="t.txt", text=text, sha256="0" * 64))
    return {(f.object.authority, f.object.action) for f in facts if f.predicate == "regulatory" and f.subject == subject}


@pytest.mark.parametrize("sentence", [
    "Zorvex Bio announced that the FDA has cleared the company's Investigational New Drug application for Zorvamab, "
    "a monoclonal antibody.",
    "Zorvex Bio announced FDA clearance of Zorvex's IND for Zorvamab, a monoclonal antibody.",
    "Zorvex Bio said it received a Study May Proceed letter from the FDA for Zorvamab, a monoclonal antibody.",
])
def test_ind_clearance_phrasings(sentence):
    assert events(sentence) == {("FDA", "IND clearance")}


def test_a_planned_submission_is_no_event():
    assert events("Zorvex Bio plans to submit a BLA for Zorvamab, a monoclonal antibody, to the FDA in 2027.") == set()


@pytest.mark.parametrize("sentence", [
    "Zorvex Bio said the FDA has not yet approved Zorvamab, a monoclonal antibody, for any indication.",
    "Zorvex Bio said Zorvamab, a monoclonal antibody, is not approved by the FDA or any other regulatory authority.",
    "Zorvex Bio said Zorvamab, a monoclonal antibody, may be eligible for Priority Review by the FDA.",
    "Zorvex Bio said the FDA requested additional data before it can approve the BLA for Zorvamab, a monoclonal "
    "antibody.",
])
def test_negated_and_conditional_events_are_no_events(sentence):
    assert events(sentence) == set()


def test_an_event_after_a_negated_clause_still_counts():
    text = ("Zorvex Bio said Zorvamab, a monoclonal antibody, which is not marketed in Europe, was approved by the FDA "
            "in 2024 for psoriasis.")
    assert ("FDA", "approval") in events(text)


def test_the_agent_after_by_is_the_authority_even_when_a_country_is_nearer_before():
    text = "Zorvex Bio said Zorvamab, a monoclonal antibody, first marketed in Japan, was approved by the FDA in 2024."
    assert events(text) == {("FDA", "approval")}


@pytest.mark.parametrize("designation, authority", [
    ("Fast Track designation", "FDA"), ("Regenerative Medicine Advanced Therapy (RMAT) designation", "FDA"),
    ("PRIME designation", "EMA"), ("Breakthrough Therapy designation", "other"),
])
def test_a_programme_with_one_owner_names_its_regulator(designation, authority):
    text = f"Zorvex Bio announced that Zorvamab, a monoclonal antibody, received {designation} for pemphigus."
    assert events(text) == {(authority, "designation")}


@pytest.mark.parametrize("verb", ["won", "secured", "earned", "gained", "nabbed"])
def test_news_verbs_of_a_designation(verb):
    text = f"Zorvex Bio said Zorvamab, a monoclonal antibody, {verb} Fast Track designation for myositis."
    assert events(text) == {("FDA", "designation")}


@pytest.mark.parametrize("sentence", [
    "Zorvex Bio said its investigational new drug application has been cleared by the US Food and Drug "
    "Administration for a phase 1 trial of Zorvamab, a monoclonal antibody.",
    "Zorvex Bio announced that its investigational new drug (IND) application for Zorvamab, a monoclonal antibody, "
    "has been cleared by the U.S. Food and Drug Administration (FDA) to begin enrolling patients.",
    "Zorvex Bio announced that its Zorvamab Investigational New Drug (IND) application received FDA clearance.",
    '"This allowance by the FDA of our Zorvamab IND application is a milestone," said the CEO of Zorvex Bio.',
    "The IND for Zorvamab, a monoclonal antibody, went into effect after the FDA's 30-day review.",
])
def test_an_ind_cleared_in_the_passive_is_an_ind_clearance(sentence):
    assert events(sentence) == {("FDA", "IND clearance")}


@pytest.mark.parametrize("sentence", [
    "Zorvex Bio plans to submit an IND for Zorvamab, a monoclonal antibody, which it expects will be cleared by the FDA.",
    "Zorvex Bio's IND application for Zorvamab, a monoclonal antibody, has not been cleared by the FDA.",
    "Zorvex Bio said the ind application forms for Zorvamab were cleared.",  # "ind" in lower case is no IND
])
def test_an_ind_not_cleared_is_no_event(sentence):
    assert events(sentence) == set()


def details(text: str, subject: str = "Zorvamab") -> set[tuple[str, str, str | None]]:
    facts = extract_facts(Document(id="t.txt", text=text, sha256="0" * 64))
    return {(f.object.authority, f.object.action, f.object.detail) for f in facts
            if f.predicate == "regulatory" and f.subject == subject}


@pytest.mark.parametrize("sentence, expected", [
    ("The US Food and Drug Administration issued a complete response letter for Zorvex's biologics license "
     "application for Zorvamab, a monoclonal antibody, the company said.", {("FDA", "filing", "BLA")}),
    ("Zorvex received a Complete Response Letter from the FDA regarding its New Drug Application for Zorvamab, "
     "a small molecule.", {("FDA", "filing", "NDA")}),
    ("The FDA issued a CRL for Zorvamab, a monoclonal antibody.", set()),  # no application named: nothing to file
])
def test_a_complete_response_letter_states_the_filing_it_answers(sentence, expected):
    assert details(sentence) == expected


def test_a_purpose_is_no_approval():
    assert details("No additional clinical trials were sought for FDA approval of Zorvamab, a monoclonal antibody.") == set()


def test_designations_joined_by_as_well_as_share_the_regulator():
    text = ("Zorvex Bio said the U.S. FDA granted Zorvamab, a monoclonal antibody, Fast Track designation for the "
            "treatment of lupus in January 2023, as well as Orphan Drug designation and Breakthrough Therapy "
            "designation in February 2024.")
    assert details(text) == {("FDA", "designation", "Fast Track"), ("FDA", "designation", "Orphan Drug"),
                             ("FDA", "designation", "Breakthrough Therapy")}


def test_a_designation_granted_in_the_passive_keeps_the_regulator_named_before():
    text = ("The U.S. Food and Drug Administration (FDA) has granted a “breakthrough therapy” designation to "
            "Zorvex's personalized cancer vaccine for melanoma. The “breakthrough therapy” designation has been "
            "granted to Zorvex’s ZV-4157, an investigational vaccine, for melanoma.")
    assert details(text, "ZV-4157") == {("FDA", "designation", "Breakthrough Therapy")}
