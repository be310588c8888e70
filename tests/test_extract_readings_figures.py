"""Results and safety figures as releases state them (relations.py `_results`, figures.py, data/endpoints.yaml),
pinned by invented sentences. No name here is real."""

from __future__ import annotations

import pytest

from reportgen.extract import extract_facts
from reportgen.sources import Document

from readings_support import stated_figures

LEAD = "Quarnix Bio announced results for Quarnimab, a monoclonal antibody, in lung cancer. "
CELL = "Quarnix Bio announced results for Quarnicel, a CAR-T cell therapy, in lymphoma. "


def figures(text: str, predicate: str = "efficacy", subject: str = "Quarnimab") -> set[tuple[str, float]]:
    return stated_figures(text, predicate, subject)


@pytest.mark.parametrize("sentence, expected", [
    ("Placebo had an ORR of 10%, compared with 45% for Quarnimab.", {("ORR", 45.0)}),
    ("In the control arm, median PFS was 4.1 months versus 9.8 months with Quarnimab.", {("PFS", 9.8)}),
    ("Patients on chemotherapy had a median overall survival of 11.2 months, compared to 16.4 months for patients "
     "treated with Quarnimab.", {("OS", 16.4)}),
    # the asset's own figure first, the comparator's after it: unchanged
    ("The ORR was 45% with Quarnimab versus 10% with placebo.", {("ORR", 45.0)}),
])
def test_a_control_arm_s_figure_is_not_the_asset_s(sentence, expected):
    assert figures(LEAD + sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("Objective responses were observed in 42% of patients.", ("ORR", 42.0)),
    ("Clinical remission was achieved by 32% of patients at week 12, versus 11% on placebo.", ("clinical remission", 32.0)),
    ("At week 24, 62% of patients on Quarnimab achieved ACR20 versus 28% on placebo.", ("ACR20", 62.0)),
    ("At week 52, 58% of patients achieved an SRI-4 response.", ("SRI-4", 58.0)),
    ("Quarnimab reduced proteinuria by 52% at week 36.", ("proteinuria", 52.0)),
    ("Quarnimab lowered HbA1c by 1.8 percentage points.", ("HbA1c", 1.8)),
    ("MG-ADL scores improved by a mean of 6.2 points.", ("MG-ADL", 6.2)),
    ("The 12-month OS rate was 68%.", ("12-month OS rate", 68.0)),
    ("Best overall response rate was 88%, and complete metabolic response was 60%.", ("CMR", 60.0)),
])
def test_result_phrasings(sentence, expected):
    assert expected in figures(LEAD + sentence)


@pytest.mark.parametrize("sentence, expected", [
    ("The CR/CRi rate was 81%.", ("CR/CRi", 81.0)),
    ("The complete response (CR) rate was 60%, and MRD negativity was achieved in 75% of patients.", ("MRD negativity", 75.0)),
])
def test_cell_therapy_responses(sentence, expected):
    assert expected in figures(CELL + sentence, subject="Quarnicel")


@pytest.mark.parametrize("sentence, expected", [
    ("Grade 3 or higher adverse events occurred in 22% of patients.", ("adverse events", 22.0)),
    ("12% of patients experienced grade 3 or higher neutropenia.", ("neutropenia", 12.0)),
    ("Treatment discontinuation due to adverse events occurred in 5% of patients.",
     ("discontinuation due to adverse events", 5.0)),
])
def test_safety_phrasings(sentence, expected):
    assert expected in figures(CELL + sentence, "safety", "Quarnicel")


def test_the_longer_event_wins_over_any_adverse_event():
    got = figures(CELL + "Treatment-related adverse events occurred in 12% of patients.", "safety", "Quarnicel")
    assert got == {("TRAE", 12.0)}


def test_an_event_limited_to_a_grade_in_a_count_of_patients():
    facts = extract_facts(Document(id="t.txt", text=CELL + "Cytokine release syndrome was limited to grade 1 in three patients.",
                                   sha256="0" * 64))
    got = [(f.object.event, f.object.value, f.object.unit, f.object.grade) for f in facts if f.predicate == "safety"]
    assert got == [("CRS", 3, "patients", "1")]


def test_a_score_dropping_by_a_median_of_points():
    assert ("SLEDAI-2K", 12.0) in figures(LEAD + "The data showed SLEDAI-2K scores dropping by a median of 12 points.")


@pytest.mark.parametrize("sentence, expected", [
    ("The overall response rate in the study was 45%.", {("ORR", 45.0)}),
    ("ORR in treated patients was 45%; median PFS in treated patients was 7.1 months.", {("ORR", 45.0), ("PFS", 7.1)}),
    # each term its own value: before, the value before the second term went to it ("45% and CR")
    ("ORR in the trial reached 45% and CR in the trial reached 20%.", {("ORR", 45.0), ("CR", 20.0)}),
    ("ORR was 45%, DCR was 80%, and median DoR was 9.2 months.", {("ORR", 45.0), ("DCR", 80.0), ("DOR", 9.2)}),
])
def test_an_endpoint_measured_in_a_population_or_study(sentence, expected):
    assert figures(LEAD + sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("The proportion of patients with an ACR20 response was 62%.", ("ACR20", 62.0)),
    ("SRI-4 response rates were 58% versus 31% for placebo.", ("SRI-4", 58.0)),
])
def test_a_response_word_after_the_endpoint(sentence, expected):
    assert figures(LEAD + sentence) == {expected}


@pytest.mark.parametrize("sentence, expected", [
    ("CRS, reported in 45% of patients, was mostly grade 1.", ("CRS", 45.0)),
    ("ICANS, seen in 3 patients, resolved.", ("ICANS", 3.0)),
])
def test_an_event_with_its_rate_set_off_by_commas(sentence, expected):
    assert figures(CELL + sentence, "safety", "Quarnicel") == {expected}


@pytest.mark.parametrize("sentence, expected", [
    ("There were two treatment-related deaths.", {("death", 2.0)}),
    # deaths from the disease itself are no adverse event of the drug
    ("Three patients died of disease progression, and 1 death was attributed to infection.", {("death", 1.0)}),
    ("Quarnicel reduced the risk of death by 30%.", set()),
])
def test_counted_deaths(sentence, expected):
    assert figures(CELL + sentence, "safety", "Quarnicel") == expected


def test_a_control_arm_is_no_population_of_the_asset():
    facts = extract_facts(Document(id="t.txt", text=LEAD + "In the control arm, median PFS was 4.1 months versus 9.8 months "
                                   "with Quarnimab. In patients treated with chemotherapy, the ORR was 40%.",
                                   sha256="0" * 64))
    got = {(f.object.endpoint, f.object.population) for f in facts if f.predicate == "efficacy"}
    assert got == {("PFS", None), ("ORR", "patients treated with chemotherapy")}


def test_each_figure_goes_to_the_asset_named_right_after_it():
    facts = extract_facts(Document(id="t.txt", text=LEAD + "The ORR was 45% for Quarnimab and 30% for vexalitinib.",
                                   sha256="0" * 64))
    got = {(f.subject, float(f.object.value)) for f in facts if f.predicate == "efficacy"}
    assert got == {("Quarnimab", 45.0), ("vexalitinib", 30.0)}
