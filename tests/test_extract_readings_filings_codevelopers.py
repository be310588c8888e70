"""Filings read by their goal, Priority Review designations, and co-developers named after a descriptor
(relations.py _filed_for_approval, review_status.py, partners.codevelopers), pinned by invented sentences.
No name here is real."""

from __future__ import annotations

import pytest

from tests.readings_support import developers, facts


def events(text: str, subject: str) -> set[tuple[str, str]]:
    return {(f.object.authority, f.object.action) for f in facts(text)
            if f.predicate == "regulatory" and f.subject == subject}


HEAD = "Merrow Bio Files Delsotinib\n\n"


@pytest.mark.parametrize("sentence, authority", [
    ("Merrow Bio has filed an application with the FDA for approval of delsotinib in non-small cell lung cancer.", "FDA"),
    ("Merrow Bio has submitted an application to the European Medicines Agency seeking approval of delsotinib "
     "for non-small cell lung cancer.", "EMA"),
    ("Tokyo-based Merrow Bio (TYO: 4321) has filed a regulatory application with the Ministry of Health, Labor and "
     "Welfare (MHLW), for approval of delsotinib for the treatment of non-small cell lung cancer.", "PMDA"),
])
def test_an_application_for_approval_is_a_filing_with_the_authority_it_names(sentence, authority):
    assert events(HEAD + sentence, "Delsotinib") == {(authority, "filing")}


def test_a_filing_then_a_received_approval_stays_an_approval():
    text = HEAD + ("Merrow Bio submitted the application in May and received approval for delsotinib in lung cancer "
                   "from the FDA on Monday.")
    assert ("FDA", "approval") in events(text, "Delsotinib")


def test_the_authority_inside_the_filing_wins_over_one_named_before():
    text = HEAD + ("After the EMA's approval in 2024, Merrow Bio filed an application with the FDA for approval of "
                   "delsotinib in lung cancer.")
    assert ("FDA", "filing") in events(text, "Delsotinib")
    assert ("EMA", "filing") not in events(text, "Delsotinib")


def _review(text: str, subject: str) -> set[tuple[str, str, str]]:
    return {(f.object.authority, f.object.action, f.object.detail) for f in facts(text)
            if f.predicate == "regulatory" and f.subject == subject}


def test_a_priority_review_designation_for_an_application_is_a_designation():
    text = ("Zentara Pharma Receives Priority Review for Velotinib\n\nZentara Pharma today announced the Center for Drug Evaluation of China's National Medical Products "
            "Administration has granted priority review designation for the new drug application of velotinib, "
            "a ROS1 tyrosine kinase inhibitor, for non-small cell lung cancer.")
    assert ("CDE", "designation", "Priority Review") in _review(text, "Velotinib")
    assert ("CDE", "filing accepted", "Priority Review") not in _review(text, "Velotinib")


def test_priority_review_granted_to_the_application_stays_an_accepted_filing():
    text = ("Zentara Pharma Receives Priority Review for Velotinib\n\nZentara Pharma announced that the FDA has granted Priority Review to the New Drug Application for "
            "velotinib, a ROS1 tyrosine kinase inhibitor, for non-small cell lung cancer.")
    assert ("FDA", "filing accepted", "Priority Review") in _review(text, "Velotinib")


@pytest.mark.parametrize("sentence", [
    "Brenzavo, which is being jointly developed and commercialized with US-based company, Norvik Biosciences, "
    "was approved in the USA in 2022.",
    "Brenzavo is co-developed with the Swiss drugmaker Norvik Biosciences.",
    "Brenzavo, co-developed and co-commercialized with its partner Norvik Biosciences, was approved in 2022.",
])
def test_a_codeveloper_after_a_descriptor_develops_the_asset(sentence):
    text = "Kavora Pharma Wins Approval for Brenzavo\n\nKavora Pharma has obtained approval for Brenzavo (velutamide). " + sentence
    assert "Norvik Biosciences" in developers(text, "velutamide")


def test_an_organization_far_after_the_descriptor_is_not_a_codeveloper():
    text = ("Kavora Pharma Wins Approval for Brenzavo\n\nKavora Pharma has obtained approval for Brenzavo (velutamide). "
            "Brenzavo is co-developed with a company that, according to Norvik Biosciences, is private.")
    assert "Norvik Biosciences" not in developers(text, "velutamide")


from tests.readings_support import partners  # noqa: E402

JAPAN = "Japan Approves Norvalin\n\n"


@pytest.mark.parametrize("verb", ["markets", "is jointly developing", "co-promotes", "sells"])
def test_which_a_markets_with_b_gives_both_developers_and_pairs_them(verb):
    text = JAPAN + f"Japan also approved Norvalin, which Kelso Pharma {verb} with Brantley Therapeutics, for breast cancer."
    assert {"Kelso Pharma", "Brantley Therapeutics"} <= developers(text, "Norvalin")
    assert frozenset(("Kelso Pharma", "Brantley Therapeutics")) in partners(text)


def test_which_a_markets_alone_names_no_partner():
    text = JAPAN + ("Japan also approved Norvalin, which Kelso Pharma markets in Japan, and which competes with a drug of "
                    "Brantley Therapeutics.")
    assert frozenset(("Kelso Pharma", "Brantley Therapeutics")) not in partners(text)
    assert "Brantley Therapeutics" not in developers(text, "Norvalin")


@pytest.mark.parametrize("org", ["Brantley Inc", "Brantley Corp", "Brantley Inc."])
def test_a_legal_form_without_its_period_ends_an_organization(org):
    text = JAPAN + f"Japan also approved Norvalin, which Kelso Pharma markets with {org}, for breast cancer."
    assert frozenset(("Kelso Pharma", org)) in partners(text)


def test_a_co_prefix_is_no_legal_form():
    text = JAPAN + "Japan also approved Norvalin, said Brantley Co-founder Dana Reyes, for breast cancer."
    assert not any("Brantley" in str(f.object) or "Brantley" in f.subject for f in facts(text))
