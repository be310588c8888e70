"""Planned trials and filings state no stage or event (guards.py, data/guards.yaml), pinned by invented
sentences; and a supportive drug given beside the asset is no asset of its own. No name here is real."""

from __future__ import annotations

import pytest

from reportgen.extract import extract_facts
from reportgen.sources import Document


def facts(text: str, predicate: str):
    return [f for f in extract_facts(Document(id="t.txt", text=text, sha256="0" * 64)) if f.predicate == predicate]


def stages(text: str) -> set[str]:
    return {f.object.stage for f in facts(text, "phase")}


@pytest.mark.parametrize("text", [
    "Quarnix Bio plans a Phase 3 study of Quarnimab in lung cancer.",
    "Quarnix Bio is planning a pivotal Phase 3 trial of Quarnimab.",
    "Quarnix Bio reported data for Quarnimab. A Phase 3 trial is planned for 2026.",
    "Quarnix Bio reported data for Quarnimab. A Phase 3 trial is planned.",
    "Quarnix Bio reported data for Quarnimab. A Phase 3 study, scheduled to begin next year, will enroll 400 patients.",
    "Quarnix Bio reported data for Quarnimab. The Phase 3 study is expected to start in 2026.",
])
def test_a_planned_phase_is_no_stage(text):
    assert "phase 3" not in stages(text)


@pytest.mark.parametrize("text, stage", [
    # a running trial whose read-out or enrolment is expected is still at its stage
    ("Quarnix Bio reported data for Quarnimab. The Phase 2 trial, expected to read out in 2026, enrolled 120 patients.",
     "phase 2"),
    ("Quarnix Bio reported data for Quarnimab. The Phase 2 trial is expected to complete enrollment in 2026.",
     "phase 2"),
    ("Quarnix Bio announced Quarnimab is in a Phase 2 trial for lung cancer. A Phase 3 trial is planned for 2026.",
     "phase 2"),
])
def test_an_ongoing_trial_keeps_its_stage(text, stage):
    assert stages(text) == {stage}


def test_a_filing_expected_later_is_no_filing():
    text = "Quarnix Bio reported data for Quarnimab. A BLA submission to the FDA is expected in the first half of 2026."
    assert not facts(text, "regulatory")


@pytest.mark.parametrize("text", [
    "Quarnix Bio reported results for Quarnicel in lymphoma. Patients with neutropenia were given G-CSF, a supportive drug.",
    "G-CSF support reduced neutropenia, Quarnix Bio said.",
])
def test_a_supportive_cytokine_is_no_asset(text):
    subjects = {f.subject for f in extract_facts(Document(id="t.txt", text=text, sha256="0" * 64))}
    assert "G-CSF" not in subjects


@pytest.mark.parametrize("clause", ["The approval for the new drug in Korea is approaching.",
                                    "The completion of the assessment indicates that approval is nearing.",
                                    "Approval of velprazan is imminent."])
def test_an_approval_said_to_be_near_is_no_approval(clause):
    from reportgen.extract import extract_facts
    from reportgen.sources import Document
    text = ("The Ministry of Food and Drug Safety (MFDS) has completed the safety and efficacy assessment of "
            f"velprazan, a new drug from Halvora Pharmaceutical. {clause}")
    facts = extract_facts(Document(id="t.txt", text=text, sha256="0" * 64))
    assert not [f for f in facts if f.predicate == "regulatory" and f.object.action == "approval"]


# --- stop 23: preparing or paying for a trial, or designing it, is no stage yet (data/guards.yaml) ------------------

import pytest as _pytest  # noqa: E402

from readings_support import facts as _facts  # noqa: E402

_LEAD23 = "Velmorumab is a monoclonal antibody developed by Velmora Bio. "


@_pytest.mark.parametrize("sentence, expected", [
    ("Velmora Bio is preparing for a Phase 3 trial of Velmorumab.", set()),
    ("Velmora Bio is seeking a partner to fund a Phase 3 trial of Velmorumab.", set()),
    ("The company discussed the design of a Phase 3 trial of Velmorumab with the FDA.", set()),
    # a trial begun, or one a regulator cleared, is stated
    ("Velmora Bio has initiated a Phase 3 trial of Velmorumab.", {"phase 3"}),
    ("Velmora Bio received FDA clearance to proceed with a Phase 2 trial of Velmorumab.", {"phase 2"}),
])
def test_preparing_funding_designing_a_trial(sentence, expected):
    got = {f.object.stage for f in _facts(_LEAD23 + sentence) if f.predicate == "phase" and f.subject == "Velmorumab"}
    assert got == expected


@_pytest.mark.parametrize("sentence, expected", [
    ("VLX-303 (CD19 CAR-T): IND cleared by FDA for lupus nephritis; Phase 1 to start in Q1 2027.", set()),
    ("A Phase 2 study to be initiated next year will test VLX-303, a CD19 CAR-T.", set()),
    # an infinitive of the regulator's leave before the phase: the trial the clearance opens is stated (dev convention)
    ("The IND clearance enables Velmora Bio to begin a Phase 1 trial of VLX-303, a CD19 CAR-T.", {"phase 1"}),
])
def test_an_infinitive_after_the_phase_makes_it_a_plan(sentence, expected):
    got = {f.object.stage for f in _facts(sentence) if f.predicate == "phase" and f.subject == "VLX-303"}
    assert got == expected


def test_a_trial_that_failed_its_endpoint_is_no_patients_history():
    text = ("Quarnix Therapeutics reported that QX-220, a bispecific antibody, failed to meet the primary endpoint of its "
            "Phase 3 trial in gastric cancer.")
    got = {f.object.stage for f in _facts(text) if f.predicate == "phase" and f.subject == "QX-220"}
    assert got == {"phase 3"}
