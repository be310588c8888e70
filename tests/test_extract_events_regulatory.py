"""Regulatory events in the usual phrasings, and what is not one (a recommendation, a condition, a plan),
pinned by invented sentences (relations.py `_regulatory`, regulatory_cues.py, data/regulators.yaml,
data/guards.yaml). No name here is real."""

from __future__ import annotations

import pytest

from reportgen.extract import extract_facts
from reportgen.facts import plain
from reportgen.sources import Document


def regulatory(text: str, subject: str | None = None):
    facts = extract_facts(Document(id="t.txt", text=text, sha256="0" * 64))
    return [(f.subject, plain(f.object)["authority"], plain(f.object)["action"], plain(f.object).get("detail"))
            for f in facts if f.predicate == "regulatory" and (subject is None or f.subject == subject)]


# --- a recommendation is not the decision -------------------------------------------

@pytest.mark.parametrize("sentence", [
    "The CHMP adopted a positive opinion recommending approval of Belmotamab for multiple myeloma.",
    "The CHMP recommended granting a conditional marketing authorisation for Belmotamab in gastric cancer.",
    "Belmotamab Receives Positive CHMP Opinion Recommending Approval in Multiple Myeloma",
])
def test_a_positive_opinion_is_not_an_approval(sentence):
    assert not [r for r in regulatory(sentence) if r[2] == "approval"]


def test_the_commission_decision_after_an_opinion_is_an_approval():
    got = regulatory("The European Commission approved Belmotamab for multiple myeloma, following a positive "
                     "CHMP opinion in May.")
    assert ("Belmotamab", "EMA", "approval", None) in got


# --- conditions and expectations are not events -------------------------------------

@pytest.mark.parametrize("sentence", [
    "If approved, Belmotamab would be the first antibody-drug conjugate approved in the EU for this indication.",
    "A decision on approval of Belmotamab by the European Commission is expected within 67 days.",
    "Belmotamab, an antibody-drug conjugate, is awaiting FDA approval for multiple myeloma.",
    "The company expects FDA approval of Belmotamab, an antibody-drug conjugate, in 2027.",
    "Belmotamab, an antibody-drug conjugate, is pending approval by the NMPA.",
])
def test_a_conditional_or_expected_approval_is_not_a_fact(sentence):
    assert not [r for r in regulatory(sentence) if r[2] == "approval"]


# --- an event of an asset the extractor does not know stays off the asset named before --------

@pytest.mark.parametrize("sentence", [
    "Moravex was granted Fast Track designation by the FDA for idiopathic pulmonary fibrosis.",
    "Health Canada approved Dexavir for the treatment of hepatitis B.",
    "Separately, Lunavie received Orphan Drug Designation from the FDA for cystic fibrosis.",
    "The EMA also granted PRIME eligibility to Quelvora for sickle cell disease.",
])
def test_an_event_with_its_own_unknown_subject_does_not_fall_back(sentence):
    text = ("The FDA has granted Orphan Drug Designation to Velotinib, an oral kinase inhibitor, for acute "
            "myeloid leukemia.\n" + sentence)
    assert [r for r in regulatory(text, "Velotinib")] == [("Velotinib", "FDA", "designation", "Orphan Drug")]


@pytest.mark.parametrize("sentence, detail", [
    ("It was also granted Fast Track designation by the FDA.", "Fast Track"),
    ("The FDA also granted the antibody Fast Track designation.", "Fast Track"),
])
def test_an_event_of_the_asset_referred_to_still_falls_back(sentence, detail):
    text = ("The FDA has granted Orphan Drug Designation to Velotinib, an oral kinase antibody, for acute "
            "myeloid leukemia.\n" + sentence)
    assert ("Velotinib", "FDA", "designation", detail) in regulatory(text, "Velotinib")


# --- authorities and events in their usual phrasings --------------------------------

def _doc(*sentences: str) -> str:
    return "ZT-201 is an investigational antibody.\n" + "\n".join(sentences)


@pytest.mark.parametrize("sentence, authority, action", [
    ("Japan's MHLW granted conditional and time-limited approval for ZT-201 for severe heart failure.", "PMDA", "approval"),
    ("ZT-201 has been designated as a SAKIGAKE product by the MHLW.", "PMDA", "designation"),
    ("The NMPA has granted ZT-201 Breakthrough Therapy Designation for gastric cancer.", "NMPA", "designation"),
    ("ZT-201 received IND approval from the NMPA to begin clinical trials in solid tumors.", "NMPA", "IND clearance"),
    ("The FDA placed ZT-201's Phase 1 study on clinical hold following the death of a patient.", "FDA", "clinical hold"),
    ("The FDA has placed a partial clinical hold on ZT-201 after a Grade 5 event.", "FDA", "clinical hold"),
    ("Health Canada has granted a Notice of Compliance for ZT-201.", "other", "approval"),
    ("ZT-201 has received clearance from the FDA to proceed with a Phase 1 trial.", "FDA", "IND clearance"),
    ("Swissmedic approved ZT-201 for multiple sclerosis.", "other", "approval"),
    ("The MHRA granted a conditional marketing authorisation to ZT-201.", "MHRA", "approval"),
    ("The FDA granted accelerated approval to ZT-201 for relapsed follicular lymphoma.", "FDA", "approval"),
    ("ZT-201 was granted Regenerative Medicine Advanced Therapy (RMAT) designation by the FDA.", "FDA", "designation"),
])
def test_events_of_each_authority(sentence, authority, action):
    assert ("ZT-201", authority, action) in [r[:3] for r in regulatory(_doc(sentence), "ZT-201")]


def test_priority_review_granted_to_an_application_named_first_is_its_acceptance():
    got = regulatory(_doc("The NDA for ZT-201 has been accepted by the NMPA and granted priority review."), "ZT-201")
    assert ("ZT-201", "NMPA", "filing accepted", "Priority Review") in got
    assert not [r for r in got if r[2] == "designation"]


# --- a roundup names each asset with its own event ------------------------------------

ROUNDUP = """FDA and Japanese regulators clear a batch of rare-disease products

The MHLW has approved Amnicel, an allogeneic iPSC-derived cardiomyocyte sheet developed by Hanaro Therapeutics, for severe heart failure.
Separately, Kiyomi Bio's Retacel, an iPS cell-derived retinal pigment epithelium product, received conditional, time-limited approval in Japan for age-related macular degeneration.
Moravex was granted Fast Track designation by the FDA for idiopathic pulmonary fibrosis.
Orphan status was also awarded to Lumiprost, an oral small molecule from Norvik Pharma, for the treatment of pulmonary arterial hypertension.
"""


@pytest.mark.parametrize("subject, authority, action", [
    ("Amnicel", "PMDA", "approval"),
    ("Retacel", "PMDA", "approval"),
    ("Moravex", "FDA", "designation"),
])
def test_each_asset_of_a_roundup_gets_its_own_event(subject, authority, action):
    assert (subject, authority, action) in [r[:3] for r in regulatory(ROUNDUP, subject)]


def test_a_roundup_event_is_not_handed_to_the_asset_before_it():
    assert [r[0] for r in regulatory(ROUNDUP, "Amnicel")] == ["Amnicel"]


@pytest.mark.parametrize("sentence", [
    "Norvik said the FDA granted Orphan Drug Designation to its lead program. Norvik said it was pleased.",
    "Shares of Norvik rose after Norvik received Fast Track designation from the FDA for its lead program.",
])
def test_an_organization_taking_the_event_is_not_made_an_asset(sentence):
    assert not [r for r in regulatory(sentence) if r[0] == "Norvik"]


# --- clinical holds ----------------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "The FDA placed the ZT-201 trial on hold after a patient died.",
    "The FDA put the Phase 1 study of ZT-201 on a full clinical hold following a patient death.",
    "Dosing in the ZT-201 study was paused after the FDA imposed a clinical hold.",
])
def test_a_clinical_hold_in_its_usual_phrasings(sentence):
    assert ("ZT-201", "FDA", "clinical hold") in [r[:3] for r in regulatory(_doc(sentence), "ZT-201")]


def test_the_agency_is_the_regulator_named_before():
    text = _doc("The FDA cleared the IND for ZT-201 in 2024.",
                "In March, the agency placed the Phase 1 study of ZT-201 on clinical hold after a patient death.")
    assert ("ZT-201", "FDA", "clinical hold") in [r[:3] for r in regulatory(text, "ZT-201")]


def test_the_agency_with_no_regulator_named_before_gives_no_fact():
    text = _doc("In March, the agency placed the Phase 1 study of ZT-201 on clinical hold.")
    assert not regulatory(text, "ZT-201")


@pytest.mark.parametrize("sentence, authority, action", [
    ("FDA OKs ZT-201 for psoriasis.", "FDA", "approval"),
    ("ZT-201 gets FDA nod in myasthenia gravis.", "FDA", "approval"),
    ("ZT-201 got the green light from the European Commission for atopic dermatitis.", "EMA", "approval"),
    ("The FDA has given the go-ahead for a Phase 1 trial of ZT-201.", "FDA", "IND clearance"),
    ("The FDA has set a PDUFA target action date of August 30, 2026 for ZT-201.", "FDA", "filing accepted"),
])
def test_news_words_for_events(sentence, authority, action):
    assert ("ZT-201", authority, action) in [r[:3] for r in regulatory(_doc(sentence), "ZT-201")]


@pytest.mark.parametrize("sentence, authority, action", [
    ("ZT-201 received implied approval for clinical trials from the CDE.", "CDE", "IND clearance"),
    ("ZT-201 was included in the list of Breakthrough Therapies by the CDE.", "CDE", "designation"),
    ("ZT-201 has been granted Breakthrough Therapy Designation (BTD) by China's CDE.", "CDE", "designation"),
    ("The IND application for ZT-201 was approved by the NMPA.", "NMPA", "IND clearance"),
])
def test_chinese_regulator_phrasings(sentence, authority, action):
    got = [r[:3] for r in regulatory(_doc(sentence), "ZT-201")]
    assert got == [("ZT-201", authority, action)]


# --- approvals of a class, and a company's counted record, are not the asset's events -------

@pytest.mark.parametrize("sentence", [
    "There are currently no FDA-approved treatments that address the underlying cause of the disease.",
    "Patients have limited options, and currently approved therapies in the EU offer modest benefit.",
    "The company has received four IND clearances from the FDA and two from the NMPA.",
    "Standard of care in the U.S. includes approved anti-CD38 antibodies.",
])
def test_class_and_counted_statements_are_not_events_of_the_asset(sentence):
    assert not regulatory(_doc(sentence), "ZT-201")


def test_a_named_asset_with_counted_designations_keeps_them():
    got = regulatory(_doc("ZT-201 has received two designations from the FDA, Fast Track and Orphan Drug."), "ZT-201")
    assert ("ZT-201", "FDA", "designation", "Fast Track") in got


def test_an_approved_application_is_not_a_class():
    got = regulatory(_doc("The FDA has approved the Biologics License Application (BLA) for ZT-201."), "ZT-201")
    assert ("ZT-201", "FDA", "approval", "BLA") in got


def test_a_headline_event_before_any_asset_is_named_belongs_to_the_single_focal_asset():
    text = ("FDA Approves First CD19-Directed CAR-T for Lupus Nephritis\n\nKorvent Therapeutics announced that the "
            "FDA's decision covers Korvacel, an autologous CAR-T cell therapy, for adults with lupus nephritis.\n")
    assert ("Korvacel", "FDA", "approval") in [r[:3] for r in regulatory(text, "Korvacel")]


def test_without_a_single_focal_asset_a_headline_event_is_not_guessed():
    text = ("FDA Approves Two CAR-T Therapies\n\nThe decision covers Korvacel, an autologous CAR-T cell therapy, "
            "and Lintacel, an allogeneic CAR-T cell therapy. Korvacel and Lintacel are CAR-T cell therapies.\n")
    assert not [r for r in regulatory(text) if r[2] == "approval"]


# --- a comparator keeps its own events ---------------------------------------------

COMPARATORS = """ZT-201 is an investigational BCMA-directed CAR-T therapy for multiple myeloma.
ZT-201 was compared with ZT-209, an anti-CD38 antibody approved by the FDA in 2015.
Unlike QR-55, which received FDA approval in 2021, ZT-201 is manufactured in five days.
"""


def test_an_event_in_a_comparator_clause_is_the_comparator_s():
    got = regulatory(COMPARATORS)
    assert ("ZT-209", "FDA", "approval", None) in got and ("QR-55", "FDA", "approval", None) in got
    assert not [r for r in got if r[0] == "ZT-201"]


def test_a_combination_regimen_s_approval_is_the_asset_s():
    got = regulatory(_doc("ZT-201 in combination with dexamethasone was approved by the FDA for multiple myeloma."))
    assert ("ZT-201", "FDA", "approval", None) in got
