"""Study names joined before a plural study noun (trial_names.py), pinned by invented sentences. No name here
is real."""

from __future__ import annotations

import pytest

from reportgen.extract import extract_facts
from reportgen.sources import Document


def trials(text: str, subject: str = "Zorvamab") -> set[str]:
    facts = extract_facts(Document(id="t.txt", text=text, sha256="0" * 64))
    return {f.object for f in facts if f.predicate == "trial" and f.subject == subject}


@pytest.mark.parametrize("tail, expected", [
    ("the RESOLVE-1 and RESOLVE-2 trials.", {"RESOLVE-1", "RESOLVE-2"}),
    ("the ZEN-1, ZEN-2 and ZEN-3 Phase 3 studies.", {"ZEN-1", "ZEN-2", "ZEN-3"}),
    ("the ZEN-1 trial and a later analysis.", {"ZEN-1"}),
])
def test_joined_study_names(tail, expected):
    assert trials(f"Zorvex Bio said Zorvamab, a monoclonal antibody, was approved based on {tail}") == expected


# --- a study-shaped name after a results cue, without a study noun (trial_names.py, data/trials.yaml) -------------

def _trials(text: str) -> set[str]:
    return {f.object for f in extract_facts(Document(id="t.txt", text=text, sha256="0" * 64)) if f.predicate == "trial"}


@pytest.mark.parametrize("text", [
    "Quarnix Bio announced results from QUASAR-3 evaluating Quarnimab in lung cancer.",
    "Quarnix Bio said data from the Phase 2 portion of QUASAR-3 showed Quarnimab's activity.",
])
def test_a_study_name_after_a_results_cue(text):
    assert _trials(text) == {"QUASAR-3"}


def test_a_drug_code_after_a_results_cue_is_no_study():
    text = "Quarnix Bio reported data from QRNX-12 in lung cancer. QRNX-12, its lead antibody, targets BCMA."
    assert not _trials(text)


@pytest.mark.parametrize("text, name", [
    ("Quarnix Bio reported data for Quarnimab from the “QUORUM” trial.", "QUORUM"),
    ('Quarnix Bio reported data for Quarnimab from the "QRN-ONE" study.', "QRN-ONE"),
])
def test_a_quoted_study_name(text, name):
    assert _trials(text) == {name}


# --- names listed after a count of studies, and a one-capital name described as a study (trial_names.py) ---------

LEAD = "Zorvex Bio announced progress for Zorvamab, a monoclonal antibody in lung cancer. "


@pytest.mark.parametrize("sentence, expected", [
    ("Zorvex is evaluating Zorvamab in three Phase 3 clinical trials – HALON, HALON2 and MERIDA, all fully enrolled.",
     {"HALON", "HALON2", "MERIDA"}),
    ("Zorvex is evaluating Zorvamab in three Phase 3 clinical trials ? HALON, HALON2 and MERIDA.", {"HALON", "HALON2", "MERIDA"}),
    ("Zorvex is evaluating Zorvamab in two pivotal studies: Lumen and Solstice.", {"Lumen", "Solstice"}),
    ("Zorvex is running two Phase 2 trials (CORVA and TESSIN) of Zorvamab.", {"CORVA", "TESSIN"}),
])
def test_names_listed_after_a_count_of_studies(sentence, expected):
    assert trials(LEAD + sentence) == expected


@pytest.mark.parametrize("sentence", [
    "Zorvamab was tested in two Phase 3 trials: ORR and PFS were reported in both.",  # terms, not studies
    "Zorvex runs two Phase 1 trials: Phase 1a and Phase 1b.",
])
def test_terms_after_a_count_of_studies_are_no_study(sentence):
    assert trials(LEAD + sentence) == set()


@pytest.mark.parametrize("sentence, expected", [
    ("The application was based on positive results from Harbor, a global, multicenter, randomized, double-blind, "
     "placebo-controlled Phase 3 study of Zorvamab.", {"Harbor"}),
    ("Zorvex reported data from Solstice, a Phase 2 trial of Zorvamab.", {"Solstice"}),
    ("Zorvex reported data from Boston, a city where Zorvamab is in a Phase 1 trial.", set()),
])
def test_a_one_capital_name_described_as_a_study(sentence, expected):
    assert trials(LEAD + sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("Zorvamab is being studied in the Phase 2 trials Lumen-1 and Lumen-2.", {"Lumen-1", "Lumen-2"}),
    ("Zorvamab is in the studies ZEN-301, ZEN-302 and ZEN-303.", {"ZEN-301", "ZEN-302", "ZEN-303"}),
    ("Zorvamab showed benefit across trials ORR and PFS were improved.", set()),
])
def test_names_right_after_a_plural_study_noun(sentence, expected):
    assert trials(LEAD + sentence) == expected


def test_a_supportive_drug_does_not_take_the_trial():
    text = ("Zorvex Bio evaluated escalating doses of ZV-715, a CAR-T cell therapy, after lymphodepletion with an "
            "anti-CD52 antibody (ZV-647)-containing regimen in 43 patients as part A of the ongoing phase 1 HALCYON trial.")
    facts = extract_facts(Document(id="t.txt", text=text, sha256="0" * 64))
    assert {(f.subject, f.predicate) for f in facts if f.predicate in ("trial", "phase")} == {("ZV-715", "trial"), ("ZV-715", "phase")}


# --- stop 23: a spaced number, a protocol number, a named field, a middle part (trials.py, trial_names.py) ---------

_LEAD23 = "Velmorumab is a monoclonal antibody developed by Velmora Bio. "


@pytest.mark.parametrize("sentence, name", [
    ("Velmorumab data from the Phase 3 VOYAGER 1 trial were positive.", "VOYAGER 1"),
    ("The Phase III trial, CodeBreaK 300, of Velmorumab was positive.", "CodeBreaK 300"),
    ("Velmora Bio presented data from Study 301, a Phase 3 trial of Velmorumab in psoriasis.", "Study 301"),
    ("Velmora Bio initiated the Phase 3 clinical trial of Velmorumab (trial name: BEACON) in China.", "BEACON"),
    ("Velmora Bio completed enrollment in HERIZON-BTC-302 evaluating Velmorumab.", "HERIZON-BTC-302"),
])
def test_more_study_name_forms(sentence, name):
    assert trials(_LEAD23 + sentence, "Velmorumab") == {name}


@pytest.mark.parametrize("sentence", [
    "Velmorumab PART 2 study results were positive in melanoma.",
    "The NSCLC 2 trial evaluated Velmorumab.",
    "Velmora Bio said its 10 mg study of Velmorumab is ongoing.",
    "Velmorumab was studied in 2023; Study 2023 data are pending.",
    "In the trial, CHINA 2 patients were dosed with Velmorumab.",
])
def test_spaced_numbers_that_name_no_study(sentence):
    assert trials(_LEAD23 + sentence, "Velmorumab") == set()


@pytest.mark.parametrize("sentence, expected", [
    ('Velmora Bio started the Phase 3 trial "ASPEN" of Velmorumab.', {"ASPEN"}),
    ("Velmora Bio's study — named ‘CEDAR’ — evaluates Velmorumab.", {"CEDAR"}),
    ("Velmora Bio has three ongoing studies of Velmorumab — MAPLE-1, MAPLE-2 and MAPLE-3.", {"MAPLE-1", "MAPLE-2", "MAPLE-3"}),
    ("The trials (ELM-1 and ELM-2) evaluated Velmorumab.", {"ELM-1", "ELM-2"}),
])
def test_quoted_and_listed_names_after_the_noun(sentence, expected):
    assert trials(_LEAD23 + sentence, "Velmorumab") == expected


@pytest.mark.parametrize("sentence", [
    'Velmora Bio said the trial "met expectations" for Velmorumab.',
    "Velmora Bio has two ongoing studies of Velmorumab — in melanoma and in lung cancer.",
])
def test_quoted_and_listed_near_misses(sentence):
    assert trials(_LEAD23 + sentence, "Velmorumab") == set()


@pytest.mark.parametrize("sentence, expected", [
    ("The Phase 3 trial – ALPHA-2 – evaluated Velmorumab in melanoma.", {"ALPHA-2"}),
    ("Data from the Phase 2 study—BETA-7—showed Velmorumab was active.", {"BETA-7"}),
    ("The Phase 3 trial – ALPHA-204 – evaluated Velmorumab in melanoma.", {"ALPHA-204"}),
    # a drug code after the dash is the drug
    ("In the Phase 1 trial – VLX-202 was well tolerated, and Velmorumab too.", set()),
    ("The Phase 3 trial – NSCLC patients only – enrolled Velmorumab patients.", set()),
])
def test_a_name_set_off_by_dashes(sentence, expected):
    assert trials(_LEAD23 + sentence, "Velmorumab") == expected
