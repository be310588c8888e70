"""Regulatory events of listed assets, decisions after an opinion, and designations named without their regulator
(relations.py `_regulatory`, regulatory_cues.py, data/regulators.yaml), pinned by invented sentences. No name here
is real."""

from __future__ import annotations

import pytest

from reportgen.extract import extract_facts
from reportgen.sources import Document


def events(text: str) -> set[tuple[str, str, str, str | None]]:
    facts = extract_facts(Document(id="t.txt", text=text, sha256="0" * 64))
    return {(f.subject, f.object.authority, f.object.action, f.object.detail) for f in facts if f.predicate == "regulatory"}


@pytest.mark.parametrize("sentence", [
    "Quarnix Bio announced that Quarnimab and Quarnicel were approved by the FDA for lung cancer.",
    "Quarnix Bio announced that the FDA approved Quarnimab and Quarnicel for lung cancer.",
])
def test_each_listed_asset_has_the_event(sentence):
    assert events(sentence) == {("Quarnimab", "FDA", "approval", None), ("Quarnicel", "FDA", "approval", None)}


def test_a_list_of_three_designated_assets():
    got = events("Quarnix Bio announced that the FDA granted Orphan Drug designations to Quarnimab, Quarnicel and Quarnitinib.")
    assert {s for s, *_ in got} == {"Quarnimab", "Quarnicel", "Quarnitinib"}


@pytest.mark.parametrize("sentence", [
    "Quarnix Bio announced that the FDA approved Quarnimab in combination with Quarnicel for lung cancer.",
    "Quarnix Bio announced that Quarnimab plus Quarnicel was approved by the FDA.",
])
def test_a_combination_partner_is_no_listed_asset(sentence):
    assert {s for s, *_ in events(sentence)} == {"Quarnimab"}


def test_the_decision_after_an_opinion_is_an_approval():
    got = events("Quarnix Bio announced that the Committee for Medicinal Products for Human Use recommended approval of "
                 "Quarnimab and the European Commission approved it in March 2025.")
    assert got == {("Quarnimab", "EMA", "approval", None)}


def test_an_opinion_alone_is_no_approval():
    assert not events("Quarnix Bio announced that the CHMP adopted a positive opinion recommending approval of Quarnimab.")


def test_a_breakthrough_designation_after_an_eu_sentence_is_not_the_ema_s():
    got = events("Quarnix Bio announced that Quarnimab received approval in the EU for lung cancer. "
                 "Quarnimab also received Breakthrough Therapy designation.")
    assert ("Quarnimab", "EMA", "designation", "Breakthrough Therapy") not in got
    assert ("Quarnimab", "EMA", "approval", None) in got


def test_an_orphan_designation_after_an_eu_sentence_stays_the_ema_s():
    got = events("Quarnix Bio announced that Quarnimab received approval in the EU for lung cancer. "
                 "Quarnimab also received Orphan Drug designation.")
    assert ("Quarnimab", "EMA", "designation", "Orphan Drug") in got


def test_a_relative_clause_after_a_partner_drug_is_the_partner_s_event():
    got = events("Quarnix Bio is testing Quarnimab in combination with pembrolizumab, which is approved by the FDA "
                 "for lung cancer.")
    assert got == {("pembrolizumab", "FDA", "approval", None)}


def test_the_head_of_a_regulator_phrase_is_the_authority():
    got = events("Quarnix Bio announced that the Center for Drug Evaluation (CDE) of the National Medical Products "
                 "Administration has approved the clinical trial application for Quarnimab.")
    assert got == {("Quarnimab", "CDE", "IND clearance", None)}


@pytest.mark.parametrize("sentence, expected", [
    ("Quarnix Bio announced its IND for Quarnimab was accepted by the CDE.", ("Quarnimab", "CDE", "filing accepted", "IND")),
    ("Quarnix Bio announced it submitted an IND to the FDA for Quarnimab.", ("Quarnimab", "FDA", "filing", "IND")),
    ("Quarnix Bio announced the FDA approved the IND for Quarnimab.", ("Quarnimab", "FDA", "IND clearance", None)),
])
def test_a_bare_ind_is_an_application(sentence, expected):
    assert events(sentence) == {expected}


def test_ind_enabling_is_no_application():
    assert not events("Quarnix Bio announced IND-enabling studies for Quarnimab with the FDA.")


@pytest.mark.parametrize("sentence, detail", [
    ("Quarnix Bio announced that the U.S. FDA has approved the supplemental BLA for Quarnimab.", "sBLA"),
    ("Quarnix Bio announced Health Canada has accepted the New Drug Submission for Quarnimab.", "NDS"),
])
def test_application_spellings(sentence, detail):
    assert {d for *_, d in events(sentence)} == {detail}
