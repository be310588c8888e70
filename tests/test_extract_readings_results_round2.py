"""Efficacy, safety and target readings added at stop 23, round 2 (helper "results2"), pinned by invented
sentences, each family with the near-misses it must not fire on. No name here is real."""

from __future__ import annotations

import pytest

from readings_support import facts, stated_figures

LEAD = "Zentora Bio announced results for velumatinib in the Phase 2 trial. "


def _safety(text: str, subject: str = "velumatinib") -> set:
    return {(f.object.event, float(f.object.value), f.object.grade) for f in facts(text)
            if f.predicate == "safety" and f.subject == subject}


def _targets(text: str, subject: str) -> set:
    return {str(f.object) for f in facts(text) if f.predicate == "target" and f.subject == subject}


# --- endpoint and event spellings: "response duration", "annual bleeding rate", "bacterial infectious disorders" ----

@pytest.mark.parametrize("sentence, figure", [
    ("The median response duration was 21.2 months.", ("DOR", 21.2)),
    ("The median duration of remission was 6.7 months.", ("DOR", 6.7)),
    ("The mean annual bleeding rate was 2.6 bleeds per year.", ("ABR", 2.6)),
])
def test_endpoint_spellings(sentence, figure):
    assert figure in stated_figures(LEAD + sentence, "efficacy", "velumatinib")


def test_a_narrower_infection_class_is_its_own_event():
    text = LEAD + ("The most common adverse reactions included infections (32%), febrile neutropenia (24%), "
                   "and bacterial infectious disorders (11%).")
    got = stated_figures(text, "safety", "velumatinib")
    assert ("bacterial infections", 11) in got and ("infections", 32) in got
    assert ("infections", 11) not in got


# --- the severe share written "with grade 3 or higher events in 2.4%" after the event's rate (counts.py) ------------

@pytest.mark.parametrize("sentence, event, total, severe", [
    ("Cytokine release syndrome (CRS) occurred in 68.5% of patients, with Grade 3 or higher events in 2.4%.",
     "CRS", 68.5, 2.4),
    ("ICANS developed in 22.8% of patients, with Grade 3 or higher in 7%.", "ICANS", 22.8, 7.0),
])
def test_severe_share_in_a_rate(sentence, event, total, severe):
    got = _safety(LEAD + sentence)
    assert (event, total, None) in got
    assert (event, severe, ">=3") in got


def test_a_severe_share_in_patients_is_not_a_rate():
    got = _safety(LEAD + "CRS occurred in 68.5% of patients, with Grade 3 or higher events in 2 patients.")
    assert not any(g == ">=3" and v == 2 for _e, v, g in got)


def test_an_event_developed_in_a_share_of_patients():
    assert ("ICANS", 22.8, None) in _safety(LEAD + "ICANS developed in 22.8% of patients.")
    # a plan or a history with "developed" is no figure
    assert not _safety(LEAD + "The company developed in 2019 a test for CRS.")


# --- "the 6- and 12-month EFS rates were 65% and 49%, respectively": each landmark its figure -----------------------

def test_two_landmarks_take_their_figures_in_order():
    got = stated_figures(LEAD + "The estimated 6- and 12-month EFS rates were 65.4% and 49.5%, respectively.",
                         "efficacy", "velumatinib")
    assert ("6-month EFS rate", 65.4) in got and ("12-month EFS rate", 49.5) in got
    assert ("12-month EFS rate", 65.4) not in got


def test_one_landmark_stays_one():
    got = stated_figures(LEAD + "The 12-month EFS rate was 49.5%.", "efficacy", "velumatinib")
    assert got == {("12-month EFS rate", 49.5)}


# --- targets: "a BCMA and CD19 dual-targeting CAR-T", "an E7-specific TCR-T" ----------------------------------------

def test_both_symbols_of_a_dual_targeting_therapy():
    text = "Zentora Bio announced that velumatinib, a BCMA and CD19 dual-targeting CAR-T therapy, is in a Phase 1 trial."
    assert {"BCMA", "CD19"} <= _targets(text, "velumatinib")


def test_and_joined_symbols_without_dual_are_not_read_as_one_target_list():
    text = ("Zentora Bio announced that velumatinib, a CD19-directed CAR-T therapy, is in a Phase 1 trial in "
            "patients with BCMA and GPRC5D expression.")
    assert _targets(text, "velumatinib") == {"CD19"}


@pytest.mark.parametrize("text, target", [
    ("Zentora Bio's ZB-142, an HPV E7-specific T-cell receptor-engineered T-cell therapy, entered a Phase 1 trial.", "E7"),
    ("Zentora Bio's ZB-142, a QRK4-specific antibody, entered a Phase 1 trial.", "QRK4"),
])
def test_a_symbol_specific_therapy_targets_it(text, target):
    assert target in _targets(text, "ZB-142")


def test_a_word_specific_therapy_has_no_target():
    text = "Zentora Bio's ZB-142, a tumor-specific cell therapy, entered a Phase 1 trial."
    assert not _targets(text, "ZB-142")


# --- a rate in its printed unit, and "decreased from X to Y <unit>" (the value after treatment) -------------------

@pytest.mark.parametrize("sentence, unit", [
    ("After the infusion, the mean annual bleeding rate decreased from 5.4 to 2.6 bleeds per year.", "bleeds per year"),
    ("The mean ABR was 2.6 bleeds per year.", "bleeds per year"),
])
def test_a_rate_in_its_unit(sentence, unit):
    got = [f.object for f in facts(LEAD + sentence) if f.predicate == "efficacy"]
    assert [(o.endpoint, float(o.value), o.unit) for o in got] == [("ABR", 2.6, unit)]


def test_from_to_in_percent_is_not_read_as_a_result():
    # a marker's level before and after is a change the release does not state as one figure: nothing is read
    assert not stated_figures(LEAD + "HbA1c decreased from 8.1% to 6.9%.", "efficacy", "velumatinib")


# --- a count stated for the control arm first: "in two patients on placebo and four on X" (counts.py) -------------

def _sae(text: str) -> set:
    return {float(f.object.value) for f in facts(text) if f.predicate == "safety" and f.object.event == "SAE"}


def test_the_count_after_the_control_arms_is_the_assets():
    text = LEAD + "Serious adverse events occurred in two patients on placebo and four on velumatinib."
    assert _sae(text) == {4.0}


def test_the_control_arms_count_alone_is_no_figure():
    assert not _sae(LEAD + "Serious adverse events occurred in two patients on placebo.")


def test_the_asset_first_keeps_its_count():
    assert _sae(LEAD + "Serious adverse events occurred in three patients on velumatinib and one on placebo.") == {3.0}


# --- a flattened table: "63.1%Median Duration of Response (DoR): 9.7 monthsMedian PFS: 4.0 months" ---------------

def test_a_flattened_table_row_ends_its_unit_at_the_next_capital_word():
    text = ("Zentora Bio announced results for velumatinib. Disease Control Rate (DCR): 63.1%Median Duration of "
            "Response (DoR): 9.7 monthsMedian Progression-Free Survival (PFS): 4.0 months")
    got = stated_figures(text, "efficacy", "velumatinib")
    assert {("DCR", 63.1), ("DOR", 9.7), ("PFS", 4.0)} <= got


# --- "EVENT (X 6.6% compared to placebo 4.6%)": the asset named first in the bracket takes its rate -------------

def test_the_asset_named_in_the_bracket_takes_its_rate():
    text = LEAD + ("The most common adverse event was mild ocular pain upon instillation "
                   "(velumatinib 6.6% compared to placebo 4.6%).")
    assert _safety(text) == {("ocular pain", 6.6, None)}


def test_a_word_in_the_bracket_that_is_no_asset_gives_no_rate():
    text = LEAD + "The most common adverse event was headache (placebo 4.6%)."
    assert ("headache", 4.6, None) not in _safety(text)
