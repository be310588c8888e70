"""Results as releases report them (relations.py `_results`, data/endpoints.yaml), pinned by invented sentences.
No name here is real."""

from __future__ import annotations

import pytest

from readings_support import stated_figures

LEAD = "Zorvex Bio announced results for Zorvamab, a monoclonal antibody, in lung cancer. "


def figures(text: str, predicate: str = "efficacy", subject: str = "Zorvamab") -> set[tuple[str, float]]:
    return stated_figures(text, predicate, subject)


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


SAFETY_LEAD = "Zorvex Bio announced results for Zorvacel, a CAR-T cell therapy, in lupus. "


@pytest.mark.parametrize("sentence, expected", [
    ("Grade 3 or higher CRS occurred in 2 patients.", ("CRS", 2.0)),
    ("CRS was reported in 15% of patients (all Grade 1 or 2).", ("CRS", 15.0)),
    ("Cytokine release syndrome (CRS) occurred in 8 of 12 patients (67%), all low grade.", ("CRS", 67.0)),
    ("Interstitial lung disease was reported in 3.5% of patients.", ("interstitial lung disease", 3.5)),
])
def test_safety_phrasings(sentence, expected):
    assert expected in figures(SAFETY_LEAD + sentence, "safety", "Zorvacel")


def test_a_fraction_without_its_rate_gives_no_count():
    # "8 of 12 patients" is neither 8 patients of the whole study nor a rate the sentence writes
    assert not figures(SAFETY_LEAD + "CRS occurred in 8 of 12 patients.", "safety", "Zorvacel")


@pytest.mark.parametrize("sentence, expected", [
    ("ORR and CR rates were 90% and 60%, respectively.", {("ORR", 90.0), ("CR", 60.0)}),
    ("ORR and CR rates were 90% and 60%.", {("ORR", 90.0), ("CR", 60.0)}),
    ("The ORR, CR and VGPR rates were 90%, 60% and 20%, respectively.", {("ORR", 90.0), ("CR", 60.0), ("VGPR", 20.0)}),
])
def test_listed_endpoints_take_listed_values_in_order(sentence, expected):
    assert figures("Zorvex Bio announced results for Zorvacel, a CAR-T cell therapy, in myeloma. " + sentence,
                   subject="Zorvacel") == expected


def test_listed_events_take_listed_rates_in_order():
    got = figures(SAFETY_LEAD + "CRS and ICANS occurred in 45% and 12% of patients, respectively.", "safety", "Zorvacel")
    assert got == {("CRS", 45.0), ("ICANS", 12.0)}


def test_an_endpoint_improved_to_a_value():
    assert ("OS", 25.3) in figures(LEAD + "Zorvamab improved median OS to 25.3 months from 17.1 months.")


def test_the_asset_after_a_compared_figure_is_the_comparator():
    text = LEAD + "The ORR was 45% vs 20% for docetaxel."
    assert ("ORR", 45.0) in figures(text)
    assert not figures(text, subject="docetaxel")


def test_a_paired_list_leaves_the_sentence_s_other_figures_alone():
    got = figures("Zorvex Bio announced results for Zorvacel, a CAR-T cell therapy, in myeloma. ORR and CR rates were "
                  "90% and 60%, and median PFS was 11.2 months.", subject="Zorvacel")
    assert got == {("ORR", 90.0), ("CR", 60.0), ("PFS", 11.2)}
