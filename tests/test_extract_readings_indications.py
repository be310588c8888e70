"""Indications as releases state them (extract/mesh_mentions.py, extract/indications.py), pinned by invented
sentences grouped by behaviour. No name here is real; the diseases are MeSH's."""

from __future__ import annotations

from reportgen.extract import extract_facts
from reportgen.sources import Document

HEADLINE = "Zorvex Bio Announces FDA Clearance of IND for ZT-101\n"


def indications(body: str, subject: str = "ZT-101") -> set[str]:
    facts = extract_facts(Document(id="t.txt", text=HEADLINE + body, sha256="0" * 64))
    return {f.object for f in facts if f.predicate == "indication" and f.subject == subject}


# --- every disease of a list after a cue ----------------------------------------------------------

def test_each_mesh_disease_listed_after_a_cue_is_an_indication():
    got = indications("ZT-101 is being evaluated in patients with bullous pemphigoid, pemphigus vulgaris and "
                      "celiac disease.")
    assert {"bullous pemphigoid", "pemphigus vulgaris", "celiac disease"} <= got


def test_a_list_after_a_cue_ends_at_the_first_word_that_is_no_disease():
    got = indications("ZT-101 is being evaluated for polycythemia vera and the company plans more studies.")
    assert got == {"polycythemia vera"}


# --- stage words that belong to the disease's name -----------------------------------------------

def test_a_stage_word_the_name_begins_with_is_kept():
    got = indications("ZT-101 is being developed for the treatment of chronic spontaneous urticaria.")
    assert got == {"chronic spontaneous urticaria"}


def test_a_stage_word_outside_the_name_is_still_skipped():
    got = indications("ZT-101 is being studied in patients with metastatic uveal melanoma.")
    assert got == {"uveal melanoma"}


# --- "<disease> patients" and other cues ---------------------------------------------------------

def test_a_disease_written_before_patients_is_an_indication():
    assert indications("ZT-101 showed benefit in glaucoma patients.") == {"glaucoma"}


def test_a_word_before_patients_that_is_no_disease_gives_nothing():
    assert indications("ZT-101 showed benefit in elderly patients.") == set()


def test_a_trial_in_a_disease_names_the_indication():
    assert indications("Zorvex Bio's ZT-101 met its primary endpoint in a Phase 3 trial in dry eye disease.") == {
        "dry eye disease"}


def test_a_mesh_disease_without_a_cue_is_still_not_an_indication():
    assert indications("ZT-101 was well tolerated. Dry eye disease was discussed at the meeting.") == set()


# --- a sentence about the asset's study ----------------------------------------------------------

def test_a_study_sentence_without_the_name_gives_the_last_named_asset_its_disease():
    got = indications("Zorvex Bio announced first patient dosed with ZT-101. The Phase 2 trial is enrolling "
                      "patients with primary sclerosing cholangitis.")
    assert got == {"primary sclerosing cholangitis"}


def test_a_sentence_about_the_disease_itself_gives_nothing():
    got = indications("Zorvex Bio announced first patient dosed with ZT-101. Primary sclerosing cholangitis "
                      "affects about 30,000 people.")
    assert got == set()


# --- "X secondary to Y" is one disease ----------------------------------------------------------

def test_the_cause_named_after_secondary_to_is_not_a_second_indication():
    got = indications("ZT-101 is a treatment for geographic atrophy secondary to age-related macular degeneration.")
    assert "geographic atrophy" in got
    assert not any("macular degeneration" in g for g in got)


def test_two_diseases_joined_by_and_are_both_indications():
    got = indications("ZT-101 is in development for thyroid eye disease and Graves' disease.")
    assert {"thyroid eye disease", "Graves' disease"} <= got


def test_a_sentence_referring_back_gives_the_current_asset_the_disease_after_a_treatment_cue():
    got = indications("Zorvex Bio announced first patient dosed with ZT-101. In the study, 12 patients with "
                      "ulcerative colitis responded.")
    assert got == {"ulcerative colitis"}


def test_a_disease_after_a_bare_in_in_a_sentence_without_the_asset_is_not_its_indication():
    got = indications("Zorvex Bio announced first patient dosed with ZT-101. The data were presented at a meeting "
                      "in ulcerative colitis research.")
    assert got == set()


# --- a short abbreviation the text never spells out ------------------------------------------------

def test_a_short_abbreviation_after_a_treatment_cue_is_the_disease():
    assert indications("ZT-101 is a CAR-T therapy being studied in patients with SLE.") == {"SLE"}


def test_a_short_abbreviation_that_starts_another_token_is_not():
    assert indications("ZT-101 showed activity in PD-1 resistant tumors.") == set()


def test_a_short_abbreviation_without_a_cue_still_needs_the_disease_spelled_out():
    assert indications("ZT-101 is a CAR-T therapy. SLE was discussed at the meeting.") == set()


# --- findings, complications and whole fields after a cue are no indication ------------------------

def test_a_subgroup_finding_after_a_cue_is_not_an_indication():
    got = indications("ZT-101 is being studied in patients with uveal melanoma, and in patients with brain metastases.")
    assert got == {"uveal melanoma"}


def test_an_adverse_event_after_a_cue_is_not_an_indication():
    assert indications("ZT-101 was well tolerated; patients with neutropenia recovered.") == set()


def test_a_company_field_after_a_cue_is_not_an_indication():
    assert indications("Zorvex Bio develops ZT-101 and other medicines for the treatment of rare diseases.") == set()


# --- a disease that is also a side effect, in a sentence about safety -------------------------------

def test_a_complication_named_in_a_safety_sentence_is_not_an_indication():
    got = indications("ZT-101 is being studied in patients with uveal melanoma. Grade 3 thrombocytopenia occurred in "
                      "two patients treated with ZT-101.")
    assert got == {"uveal melanoma"}


def test_the_same_disease_outside_a_safety_sentence_is_an_indication():
    assert indications("ZT-101 is being developed for the treatment of immune thrombocytopenia and "
                       "thrombocytopenia.") >= {"thrombocytopenia"}


# --- a regulator's act stated without the asset's name ---------------------------------------------

def test_a_designation_sentence_without_the_name_gives_the_current_asset_the_disease():
    got = indications("Zorvex Bio announced that the FDA cleared the IND for ZT-101, a CAR-T cell therapy. The company "
                      "hired a CFO. The FDA previously granted Fast Track designation for ulcerative colitis.")
    assert got == {"ulcerative colitis"}


def test_a_regulator_sentence_about_a_disease_in_general_gives_nothing():
    got = indications("Zorvex Bio announced that the FDA cleared the IND for ZT-101, a CAR-T cell therapy. The company "
                      "hired a CFO. The FDA has approved few medicines in ulcerative colitis.")
    assert got == set()


def test_a_dosing_milestone_without_the_name_gives_the_current_asset_the_disease():
    got = indications("Zorvex Bio announced that the FDA cleared the IND for ZT-101, a CAR-T cell therapy. The company "
                      "hired a CFO. The first patient with ulcerative colitis was dosed.")
    assert got == {"ulcerative colitis"}
