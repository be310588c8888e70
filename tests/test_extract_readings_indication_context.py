"""Which asset a disease belongs to, and which diseases are none's indication (extract/lists.py,
extract/indications.py), pinned by invented sentences grouped by behaviour. No name here is real."""

from __future__ import annotations

import pytest

from reportgen.extract import extract_facts
from reportgen.sources import Document


def indications(text: str, subject: str = "ZT-101") -> set[str]:
    facts = extract_facts(Document(id="t.txt", text=text, sha256="0" * 64))
    return {f.object for f in facts if f.predicate == "indication" and f.subject == subject}


# --- bulleted items under an introduction ---------------------------------------------------------------

@pytest.mark.parametrize("marker", ["- ", "• ", "* ", "1. "])
def test_items_under_an_introduction_take_the_asset_it_was_about(marker):
    text = ("Zorvex Bio said the NMPA granted Breakthrough Therapy designation to ZT-101 for gastric cancer.\n"
            "ZT-101 has received earlier designations.\n"
            "Previous designations were received for:\n"
            f"{marker}Recurrent or metastatic nasopharyngeal carcinoma (April 2024)\n"
            f"{marker}Esophageal squamous cell carcinoma (October 2024)\n")
    assert {"nasopharyngeal carcinoma", "esophageal squamous cell carcinoma"} <= indications(text)


def test_items_take_the_asset_the_introduction_names():
    text = ("Zorvex Bio develops ZT-101 and ZT-202.\n"
            "Phase 3 trials of ZT-202 are ongoing in:\n"
            "- Two breast cancer indications\n"
            "- One nasopharyngeal carcinoma indication\n")
    assert {"breast cancer", "nasopharyngeal carcinoma"} <= indications(text, "ZT-202")
    assert "breast cancer" not in indications(text, "ZT-101")


def test_a_marker_alone_on_the_line_before_still_makes_an_item():
    text = ("ZT-101 is Zorvex Bio's lead antibody-drug conjugate.\nThe program includes trials in:\n-\n"
            "One esophageal squamous cell carcinoma indication\n")
    assert "esophageal squamous cell carcinoma" in indications(text)


def test_an_introduction_naming_two_assets_gives_its_items_to_neither():
    text = ("Zorvex Bio develops ZT-101.\nZT-303 and ZT-404, two antibodies, are studied in:\n- Breast cancer\n- Gastric cancer\n")
    assert "breast cancer" not in indications(text)


def test_lines_after_the_list_are_not_items():
    text = ("ZT-101 is Zorvex Bio's lead ADC.\nDesignations were received for:\n- Gastric cancer\n"
            "About cancer\nBreast cancer is the most common cancer in women.\n")
    assert indications(text) == {"gastric cancer"}


# --- the speaker's own study ------------------------------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "During the option period, we will conduct a Phase 2 study in systemic lupus erythematosus.",
    "We are currently running a Phase 1 trial in systemic lupus erythematosus.",
    "The company plans to initiate a pivotal study in patients with systemic lupus erythematosus.",
])
def test_a_study_the_speaker_runs_is_of_the_asset_last_named(sentence):
    text = f"Zorvex Bio granted Halden an option to license ZT-101, a dual costimulation antagonist. {sentence}"
    assert "systemic lupus erythematosus" in indications(text)


def test_a_first_person_sentence_without_a_study_gives_nothing():
    text = ("Zorvex Bio granted Halden an option to license ZT-101, a dual costimulation antagonist. "
            "We believe systemic lupus erythematosus remains a large market.")
    assert "systemic lupus erythematosus" not in indications(text)


# --- a sentence listing the diseases of a class named before ------------------------------------------------

@pytest.mark.parametrize("opening", ["Some of those malignancies include", "These cancers include",
                                     "Such indications are"])
def test_a_class_list_sentence_gives_its_diseases_to_the_current_asset(opening):
    text = ("Zorvex Bio plans to start testing ZT-101, its NK cell therapy, in patients with relapsed hematologic "
            "malignancies. "
            f"{opening} multiple myeloma (MM) and acute myelogenous leukemia (AML).")
    assert {"multiple myeloma", "acute myelogenous leukemia"} <= indications(text)  # as written


def test_patients_that_suffer_from_a_disease_group_state_it():
    text = ("Zorvex Bio will test ZT-101, its NK cell therapy, in patients that suffer from various relapsed hematologic "
            "malignancies.")
    assert "hematologic malignancies" in indications(text)  # as written


# --- what is not an indication ---------------------------------------------------------------------------

@pytest.mark.parametrize("phrase", ["engineered to abrogate graft-versus-host disease",
                                    "edited to minimize the risk of graft-versus-host disease",
                                    "armored to evade graft-versus-host disease"])
def test_what_a_product_is_engineered_to_avoid_is_no_indication(phrase):
    text = f"ZT-101 is an allogeneic anti-CD19 CAR T cell therapy {phrase}, studied in patients with lupus nephritis."
    got = indications(text)
    assert "graft-versus-host disease" not in got and "lupus nephritis" in got


def test_a_product_for_preventing_a_disease_keeps_it():
    text = "ZT-101 is a cell therapy developed for the prevention of acute graft-versus-host disease."
    assert "acute graft-versus-host disease" in indications(text)


def test_a_regimen_component_does_not_take_the_disease_of_the_studied_asset():
    text = ("We evaluated ZT-101 after lymphodepletion with an anti-CD52 antibody (ZT-647)-containing regimen in 40 "
            "patients with relapsed/refractory multiple myeloma.")
    assert "multiple myeloma" in indications(text)
    assert indications(text, "ZT-647") == set()


@pytest.mark.parametrize("headline", ["FDA nod marks first cellular immunotherapy approval for a solid tumor",
                                      "The first cell therapy approved in a solid tumor"])
def test_a_class_first_for_a_disease_group_is_no_indication(headline):
    text = f"{headline}.\nPatients with metastatic melanoma can now receive ZT-101, a T-cell therapy."
    assert indications(text) == {"melanoma"}


def test_non_squamous_lung_cancer_is_not_read_as_squamous():
    text = "ZT-101 is studied in advanced non-squamous non-small cell lung cancer with EGFR mutations."
    assert indications(text) == {"non-small cell lung cancer"}


# --- words sharing one plural head noun ----------------------------------------------------------------

@pytest.mark.parametrize("phrase, expected", [
    ("gastric and pancreatic cancers", {"gastric cancer", "pancreatic cancer"}),
    ("breast, ovarian or prostate cancers", {"breast cancer", "ovarian cancer", "prostate cancer"}),
])
def test_each_word_before_a_shared_plural_head_is_a_disease(phrase, expected):
    text = f"The FDA granted Orphan Drug Designation to ZT-101, Zorvex Bio's ADC, in {phrase}."
    assert expected <= indications(text)


def test_words_before_a_shared_head_that_name_no_disease_give_nothing():
    text = "The FDA granted Orphan Drug Designation to ZT-101, Zorvex Bio's ADC, in early and late cancers."
    assert not {"early cancer", "late cancer"} & indications(text)


# --- the patients' risk is not the asset's indication --------------------------------------------------------

@pytest.mark.parametrize("phrase", ["who were at risk for atherosclerotic cardiovascular disease",
                                    "at high risk of cardiovascular disease"])
def test_a_disease_the_patients_are_at_risk_of_is_no_indication(phrase):
    text = (f"ZT-101, Zorvex Bio's siRNA drug, enrolled 1,000 patients with severe hypertriglyceridemia {phrase}.")
    got = indications(text)
    assert "severe hypertriglyceridemia" in got and "cardiovascular disease" not in got


@pytest.mark.parametrize("phrase", ["gastric or gastroesophageal junction cancer", "gastric or GEJ adenocarcinoma",
                                    "gastric/GEJ cancer"])
def test_gastric_or_junction_cancer_is_written_as_the_source_writes_it(phrase):
    text = f"ZT-101, Zorvex Bio's ADC, is being evaluated in HER2-positive {phrase}."
    assert indications(text) == {phrase}
