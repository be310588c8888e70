"""Regulators outside FACTS.md's enumerated authorities are `other` (data/regulators.yaml), a national "FDA" of
another country is not the U.S. FDA (regulatory_cues.national_fda), a bare "Ministry of Health" is not Japan's
MHLW, a regulator's name cut short is no company, and an approval by an `other` regulator stands beside the
FDA's. Invented sentences; no name here is real."""

from __future__ import annotations

import pytest

from readings_support import developers, facts


def events(text: str, subject: str = "ZL-4410") -> set[tuple[str, str]]:
    return {(f.object.authority, f.object.action) for f in facts(text)
            if f.predicate == "regulatory" and f.subject == subject}


@pytest.mark.parametrize("sentence", [
    "The Ministry of Food and Drug Safety (MFDS) approved ZL-4410 for multiple myeloma.",
    "Korea's Ministry of Food and Drug Safety approved ZL-4410 for multiple myeloma.",
    "The Korea Food and Drug Administration (KFDA) approved ZL-4410.",
    "Taiwan Food and Drug Administration (TFDA) approved ZL-4410 for multiple myeloma.",
    "The Thai Food and Drug Administration approved ZL-4410 for multiple myeloma.",
    "The Thai FDA approved ZL-4410 for multiple myeloma.",
    "The FDA of the Philippines approved ZL-4410.",
    "The Saudi Food and Drug Authority (SFDA) approved ZL-4410 for multiple myeloma.",
    "The Central Drugs Standard Control Organisation (CDSCO) granted approval for ZL-4410 in India.",
    "The Drug Controller General of India (DCGI) approved ZL-4410.",
    "Singapore's Health Sciences Authority (HSA) approved ZL-4410.",
    "Mexico's COFEPRIS granted marketing authorization to ZL-4410.",
    "ZL-4410 received approval from New Zealand's Medsafe.",
    "Israel's Ministry of Health approved ZL-4410 for multiple myeloma.",
    "ZL-4410 was approved by Swissmedic for the treatment of multiple myeloma.",
])
def test_a_regulator_outside_the_list_is_other(sentence):
    assert events(sentence) == {("other", "approval")}


@pytest.mark.parametrize("sentence", [
    "Japan's Ministry of Health, Labour and Welfare (MHLW) approved ZL-4410 for multiple myeloma.",
    "The Ministry of Health, Labor, and Welfare approved ZL-4410 for multiple myeloma.",
])
def test_japans_ministry_is_still_japans(sentence):
    assert events(sentence) == {("PMDA", "approval")}


def test_chinas_old_fda_is_the_nmpa():
    assert events("The China Food and Drug Administration approved ZL-4410 in 2017.") == {("NMPA", "approval")}


@pytest.mark.parametrize("sentence", [
    "The U.S. Food and Drug Administration approved ZL-4410 for multiple myeloma.",
    "The FDA approved ZL-4410 for multiple myeloma.",
    "The US FDA approved ZL-4410 for multiple myeloma.",
])
def test_the_us_fda_stays_the_fda(sentence):
    assert events(sentence) == {("FDA", "approval")}


def test_a_regulators_name_is_no_developer():
    assert developers("Singapore's Health Sciences Authority (HSA) approved ZL-4410.", "ZL-4410") == set()


@pytest.mark.parametrize("text", [
    "ZL-4410 is approved by the FDA, Health Canada and Swissmedic for multiple myeloma.",
    "ZL-4410 was approved by the FDA in 2023. In 2024, Health Canada also approved ZL-4410 for multiple myeloma.",
    "The Thai FDA approved ZL-4410. The U.S. FDA approved ZL-4410 in 2022.",
])
def test_an_other_regulators_approval_stands_beside_the_fdas(text):
    assert events(text) == {("FDA", "approval"), ("other", "approval")}


def test_a_headline_designation_without_regulator_still_yields_to_the_named_one():
    text = ("ZL-4410 Receives Orphan Drug Designation\n\nQuorvex Bio announced that the FDA granted Orphan Drug "
            "Designation to ZL-4410 for multiple myeloma.")
    assert events(text) == {("FDA", "designation")}


def details(text: str, subject: str = "ZL-4410") -> set[tuple[str, str, str | None]]:
    return {(f.object.authority, f.object.action, f.object.detail) for f in facts(text)
            if f.predicate == "regulatory" and f.subject == subject}


@pytest.mark.parametrize("sentence, expected", [
    ("The Korean MFDS granted ZL-4410, a KRAS inhibitor, Global Innovative products on Fast Track (GIFT) "
     "designation.", ("other", "designation", "GIFT")),
    ("The TGA granted provisional determination to ZL-4410, a KRAS inhibitor.",
     ("other", "designation", "Provisional Determination")),
    ("ZL-4410, a KRAS inhibitor, received Qualified Infectious Disease Product designation.",
     ("FDA", "designation", "QIDP")),
    ("Swissmedic granted temporary authorisation to ZL-4410, a KRAS inhibitor.", ("other", "approval", None)),
])
def test_national_programmes_and_authorisations(sentence, expected):
    assert details(sentence) == {expected}


@pytest.mark.parametrize("sentence", [
    "ZL-4410, a KRAS inhibitor, received approval in South Korea for NSCLC.",
    "ZL-4410, a KRAS inhibitor, is approved in Canada, Australia and Switzerland.",
])
def test_a_country_outside_the_list_after_in_is_its_regulator(sentence):
    assert events(sentence) == {("other", "approval")}


@pytest.mark.parametrize("text, expected", [
    ("SEOUL, South Korea, Dec. 2, 2026 /PRNewswire/ -- Daeyon Bio announced that ZL-4410, a KRAS inhibitor, "
     "received Fast Track designation.", {("FDA", "designation")}),
    ("Daeyon Bio, based in South Korea, received FDA approval for ZL-4410, a KRAS inhibitor.", {("FDA", "approval")}),
])
def test_a_dateline_or_home_country_is_no_regulator(text, expected):
    assert events(text) == expected


def test_a_pdufa_date_names_the_fda():
    text = "The BLA for ZL-4410, a KRAS inhibitor, is under Priority Review, with a PDUFA date of June 1, 2027."
    assert events(text) == {("FDA", "filing accepted")}


def test_no_regulator_and_no_process_word_is_no_event():
    assert events("The BLA for ZL-4410, a KRAS inhibitor, is under review.") == set()


def test_a_combination_partners_relative_clause_keeps_its_approval():
    text = ("ZL-4410, a KRAS inhibitor, is being tested in combination with Brandex (velotumab), which the FDA "
            "approved in 2020 for melanoma.")
    assert events(text) == set()
    assert events(text, "velotumab") == {("FDA", "approval")}


def test_a_regulator_across_a_semicolon_is_the_other_clauses():
    text = ("ZL-4410, a KRAS inhibitor, received Orphan Drug designation; velotumab, a PD-1 antibody, was approved "
            "by the EMA in 2019.")
    assert events(text) == {("other", "designation")}
    assert events(text, "velotumab") == {("EMA", "approval")}


def test_which_received_is_the_relative_clauses_asset():
    text = "Unlike sotorasib, which received accelerated approval in 2021, ZL-4410, a KRAS inhibitor, targets KRAS G12D."
    assert events(text) == set()


@pytest.mark.parametrize("text", [
    "Hanseo Bio Receives MFDS Approval for Phase 3 Trial of ZL-4410 in Gastric Cancer\n\nZL-4410 is a Claudin "
    "18.2-targeting antibody-drug conjugate.",
    "ZL-4410, a KRAS inhibitor, won approval of its Phase 1 trial from the MFDS.",
])
def test_approval_for_a_phased_trial_is_an_ind_clearance(text):
    assert events(text) == {("other", "IND clearance")}


def test_an_approval_based_on_a_phase_3_trial_stays_an_approval():
    assert events("The FDA approved ZL-4410, a KRAS inhibitor, for NSCLC based on the Phase 3 trial.") == \
        {("FDA", "approval")}


@pytest.mark.parametrize("sentence", [
    "Nordvik Therapeutics, which holds the rights to ZL-4410 outside China, filed a BLA for the KRAS inhibitor.",
    "Nordvik Therapeutics, which holds ex-China rights to ZL-4410, a KRAS inhibitor, filed a BLA.",
])
def test_a_rights_territory_is_no_regulator(sentence):
    assert not {a for a, _ in events(sentence)} & {"NMPA"}


@pytest.mark.parametrize("sentence, expected", [
    ("ZL-4410, a KRAS inhibitor, was designated an orphan regenerative medicine product by the MHLW.",
     ("PMDA", "designation", "Orphan Drug")),
    ("ZL-4410, a KRAS inhibitor, entered the UK's Innovative Licensing and Access Pathway (ILAP).",
     ("MHRA", "designation", "Innovation Passport")),
])
def test_more_programme_spellings(sentence, expected):
    assert details(sentence) == {expected}


@pytest.mark.parametrize("sentence, expected", [
    ("Korea's drug regulator approved a Phase 3 trial of ZL-4410, a KRAS inhibitor, the company said on Monday.",
     {("other", "IND clearance")}),
    ("South Korea's health authorities approved ZL-4410, a KRAS inhibitor, for gastric cancer.", {("other", "approval")}),
])
def test_a_regulator_named_by_its_country_and_role(sentence, expected):
    assert events(sentence) == expected
