"""Extraction rules pinned by small invented sentences, grouped by the behaviour they specify.

No drug, company or trial here is real; each name is built to have a shape, not to be looked up.
"""

from __future__ import annotations

import pytest

from reportgen.extract import extract_facts
from reportgen.extract.names import INN_RE, NOT_INN
from reportgen.facts import plain
from reportgen.sources import Document


def facts_of(text: str):
    return extract_facts(Document(id="t.txt", text=text, sha256="0" * 64))


def objects(facts, subject, predicate):
    return [plain(f.object) for f in facts if f.subject.casefold() == subject.casefold() and f.predicate == predicate]


# --- asset names by WHO INN stem (data/inn_stems.yaml) --------------------------------

@pytest.mark.parametrize("name", [
    "zorvamenib", "quelarasib", "trabolisib", "velantug", "moxaparib", "dariciclib",
    "quorbazumab vedotin", "xelotumab pamirtecan", "tavimagene zorlaracel", "orbanogene autotemcel",
    "velostrocel", "temparvovec", "dorastemcel-L-abcd",
])
def test_inn_stems_are_asset_names(name):
    m = INN_RE.search(f"the company's {name} was well tolerated")
    assert m and m.group(0) == name


@pytest.mark.parametrize("word", ["cancel", "parcel", "concept", "accept", "worsen", "excel"])
def test_ordinary_words_that_end_like_a_stem_are_not(word):
    m = INN_RE.search(f"they {word} the plan")
    assert m is None or m.group(0).casefold() in NOT_INN


def test_an_inn_asset_gets_its_facts():
    fs = facts_of("Quorvex Therapeutics announced that zorvamenib, a menin inhibitor, received FDA approval "
                  "for acute myeloid leukemia.")
    assert "menin" in objects(fs, "zorvamenib", "target")
    assert any(o.get("authority") == "FDA" and o.get("action") == "approval" for o in objects(fs, "zorvamenib", "regulatory"))


# --- targets stated as the drug class ----------------------------------------------------

@pytest.mark.parametrize("phrase,target", [
    ("an oral KRAS G12C inhibitor", "KRAS G12C"), ("a selective BTK inhibitor", "BTK"),
    ("a MAGE-A4–directed T-cell therapy", "MAGE-A4"),
])
def test_inhibitor_and_directed_phrases_name_the_target(phrase, target):
    fs = facts_of(f"Velnorasib is {phrase} developed by Quorvex Therapeutics.")
    assert target in objects(fs, "Velnorasib", "target") or target in objects(fs, "velnorasib", "target")


# --- organizations ------------------------------------------------------------------------

def test_location_prefix_is_not_part_of_the_organization():
    fs = facts_of("San Diego-based Quorvex Therapeutics announced that QVX-2207 received FDA clearance "
                  "of its Investigational New Drug application.")
    devs = objects(fs, "QVX-2207", "developer")
    assert devs == ["Quorvex Therapeutics"]


# --- trials -------------------------------------------------------------------------------

def test_a_code_led_by_a_phase_or_enrolling_patients_is_a_study():
    fs = facts_of("Velnorasib is a KRAS G12C inhibitor. Results from the Phase 2 ZOLTA-001 trial were presented. "
                  "ZOLTA-001 enrolled 112 patients with non-small cell lung cancer.")
    assert "ZOLTA-001" in objects(fs, "velnorasib", "trial") + objects(fs, "Velnorasib", "trial")


# --- regulators ---------------------------------------------------------------------------

def test_a_designation_takes_the_regulator_named_just_before():
    fs = facts_of("The Center for Drug Evaluation (CDE) published its list on Monday. "
                  "Velnorasib has obtained breakthrough therapy designation for gastric cancer.")
    regs = objects(fs, "Velnorasib", "regulatory") + objects(fs, "velnorasib", "regulatory")
    assert any(r.get("authority") == "CDE" and r.get("detail") == "Breakthrough Therapy" for r in regs)


def test_breakthrough_designation_spelling_is_a_designation():
    fs = facts_of("The FDA awarded a breakthrough designation for zorvamenib in April 2024.")
    regs = objects(fs, "zorvamenib", "regulatory")
    assert any(r.get("action") == "designation" and r.get("detail") == "Breakthrough Therapy" for r in regs)


# --- vocabularies: British spellings, specific disease forms ----------------------------

def test_british_spellings_match_the_same_disease():
    fs = facts_of("Zorvamenib is being developed for acute myeloid leukaemia and beta thalassaemia.")
    inds = objects(fs, "zorvamenib", "indication")
    assert "acute myeloid leukemia" in inds and "beta-thalassemia" in inds


def test_a_disease_subtype_is_kept_specific():
    fs = facts_of("Quorbazumab vedotin is approved for triple-negative breast cancer.")
    assert objects(fs, "quorbazumab vedotin", "indication") == ["triple-negative breast cancer"]


# --- name shapes ---------------------------------------------------------------------------

@pytest.mark.parametrize("code", ["QRX-A1921", "TED-B9"])
def test_letter_hyphen_letter_digit_codes_are_assets(code):
    fs = facts_of(f"{code} is an antibody-drug conjugate targeting TROP2.")
    assert "TROP2" in objects(fs, code, "target")


# --- organizations by position and apposition ------------------------------------------------

def test_the_announcer_at_a_sentence_start_is_an_organization():
    fs = facts_of("Quellora announced that the NMPA accepted the NDA for zorvamenib. "
                  "Zorvamenib was independently developed by Quellora.")
    assert objects(fs, "zorvamenib", "developer") == ["Quellora"]


def test_a_country_possessive_is_not_part_of_the_organization():
    fs = facts_of("China’s Quellora Biopharma announced that zorvamenib met its primary endpoint.")
    assert objects(fs, "zorvamenib", "developer") == ["Quellora Biopharma"]


def test_developed_through_a_partnership_names_both_developers():
    fs = facts_of("Zorvamenib is a menin inhibitor. It was developed through a partnership between "
                  "Quorvex Therapeutics and Velnor Pharmaceuticals.")
    assert set(objects(fs, "zorvamenib", "developer")) == {"Quorvex Therapeutics", "Velnor Pharmaceuticals"}


# --- regulatory actions ----------------------------------------------------------------------

def test_an_fda_accepted_ind_is_a_clearance_an_nmpa_accepted_one_a_filing():
    us = facts_of("The FDA accepted the Investigational New Drug (IND) application for QRX-2207, a CAR-T cell therapy.")
    assert any(r.get("action") == "IND clearance" for r in objects(us, "QRX-2207", "regulatory"))


# --- licensees ----------------------------------------------------------------------------

def test_an_in_licensing_organization_is_a_developer():
    fs = facts_of("Zorvamenib is a menin inhibitor. Quorvex Therapeutics, which in-licensed zorvamenib in 2022, "
                  "plans a filing.")
    assert "Quorvex Therapeutics" in objects(fs, "zorvamenib", "developer")


def test_an_organization_does_not_span_a_sentence_end():
    fs = facts_of("It is given at Qualified Treatment Centers. Quorvex Therapeutics developed zorvamenib "
                  "for acute myeloid leukemia; zorvamenib was developed by Quorvex Therapeutics.")
    assert all("Centers" not in d for d in objects(fs, "zorvamenib", "developer"))


# --- efficacy figures in sentences that do not repeat the asset ----------------------------

def test_counts_with_a_percentage_and_percent_words_carry_to_the_current_asset():
    fs = facts_of("Zorvamenib is a menin inhibitor for type 1 diabetes. Ten of 12 (83%) reached insulin "
                  "independence at one year.\nIn the study, 64 percent of patients achieved an objective response rate.\n")
    eff = {(o["endpoint"], o["value"]) for o in objects(fs, "zorvamenib", "efficacy")}
    assert ("insulin independence", 83) in eff and ("ORR", 64) in eff
