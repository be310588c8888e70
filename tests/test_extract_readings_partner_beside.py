"""The partner named beside an asset's developer develops the asset too (developers.role_pairs / role_partners;
data/relations.yaml partner_roles, under_licence_cues). Invented sentences; no name here is real."""

from __future__ import annotations

import pytest

from readings_support import developers, partners

BOTH = {"Velmara Pharma", "Daeyon Bio"}


@pytest.mark.parametrize("sentence", [
    "Velmara Pharma, Daeyon Bio's partner for HB-301, will commercialize the antibody in Japan.",
    "Daeyon Bio said its partner Velmara Pharma had dosed the first patient with HB-301, a PD-L1 antibody.",
    "Daeyon Bio's licensee Velmara Pharma submitted a BLA for HB-301, a PD-L1 antibody.",
    "The drug, HB-301, is marketed in Korea by Velmara Pharma under license from Daeyon Bio.",
    "Daeyon Bio and its China partner Velmara Pharma received NMPA approval for HB-301, a PD-L1 antibody.",
])
def test_the_partner_beside_the_developer_develops_the_asset(sentence):
    text = "HB-301 is a PD-L1 antibody. " + sentence if sentence.startswith("Velmara Pharma,") else sentence
    assert developers(text, "HB-301") == BOTH
    assert frozenset(BOTH) in partners(text)


def test_a_partner_making_another_asset_of_the_sentence_takes_only_its_own():
    text = ("Daeyon Bio's partner Velmara Pharma is developing ZL-9010, a KRAS inhibitor, while Daeyon Bio is "
            "developing HB-301, a PD-L1 antibody.")
    assert developers(text, "HB-301") == {"Daeyon Bio"}
    assert developers(text, "ZL-9010") == {"Velmara Pharma"}


def test_a_hospital_partner_that_tests_the_asset_makes_nothing():
    text = "Daeyon Bio's HB-301, a PD-L1 antibody, will be tested by its partner, the Seoul Haneul University Hospital."
    assert developers(text, "HB-301") == {"Daeyon Bio"}


@pytest.mark.parametrize("sentence", [
    "Velmara Pharma's partner, Daeyon Bio, will commercialize HB-301, a PD-L1 antibody, in Korea.",
    "Velmara Pharma and Daeyon Bio's HB-301, a PD-L1 antibody, met its primary endpoint.",
    "HB-301 is a PD-L1 antibody being developed by Daeyon Bio's U.S. subsidiary, Velmara Pharma.",
])
def test_joint_owners_and_a_subsidiary_develop_the_asset(sentence):
    assert developers(sentence, "HB-301") == BOTH


def test_a_comparators_joint_owners_are_not_the_assets():
    text = "HB-301, a PD-L1 antibody, was compared with Kinsel Group and Daeyon Bio's ZL-1010."
    assert "Kinsel Group" not in developers(text, "ZL-1010") | developers(text, "HB-301")


@pytest.mark.parametrize("sentence, makers", [
    ("Hanseo Bio announced on the 3rd that its partner, Qilu Tianhe Pharmaceutical, received NMPA approval for "
     "HS-2207, a Claudin 18.2 ADC.", {"Hanseo Bio", "Qilu Tianhe Pharmaceutical"}),
    ("Hanseo Bio's HS-2207, which it licensed out to Qilu Tianhe Pharmaceutical, received NMPA approval.",
     {"Hanseo Bio", "Qilu Tianhe Pharmaceutical"}),
    ("Nordvik Therapeutics, the U.S. partner of Hanseo Bio, filed a BLA for HS-2207, a Claudin 18.2 ADC.",
     {"Hanseo Bio", "Nordvik Therapeutics"}),
])
def test_translated_news_forms_of_the_partner(sentence, makers):
    assert developers(sentence, "HS-2207") == makers
