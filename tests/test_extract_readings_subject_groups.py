"""Several organizations as one subject, and a parent named in an apposition (developers.subject_group /
subject_of; data/relations.yaml subject_joiners, parent_appositions). Invented sentences; no name is real."""

from __future__ import annotations

import pytest

from readings_support import developers, partners


@pytest.mark.parametrize("sentence, makers", [
    ("Hanvel Pharmaceutical, Daeyon Bio and Seorak Biologics jointly submitted a Biologics License Application for "
     "HB-301 to the MFDS.", {"Hanvel Pharmaceutical", "Daeyon Bio", "Seorak Biologics"}),
    ("Hanvel Pharmaceutical and Daeyon Bio submitted a new drug application for HB-301 to the MFDS.",
     {"Hanvel Pharmaceutical", "Daeyon Bio"}),
    ("Hanvel Pharmaceutical, together with Daeyon Bio, is developing HB-301 for gastric cancer.",
     {"Hanvel Pharmaceutical", "Daeyon Bio"}),
    ("Separately, Hanvel Pharmaceutical and its partner Daeyon Bio initiated a Phase 2 trial of HB-301, a PD-L1 "
     "antibody.",
     {"Hanvel Pharmaceutical", "Daeyon Bio"}),
])
def test_every_member_of_a_subject_group_develops_the_asset(sentence, makers):
    assert developers(sentence, "HB-301") == makers


def test_joint_submitters_are_partners():
    text = ("Hanvel Pharmaceutical, Daeyon Bio and Seorak Biologics jointly submitted a Biologics License Application "
            "for HB-301 to the MFDS.")
    pairs = partners(text)
    assert frozenset(("Hanvel Pharmaceutical", "Seorak Biologics")) in pairs
    assert frozenset(("Daeyon Bio", "Seorak Biologics")) in pairs


@pytest.mark.parametrize("sentence", [
    "Ostrava Bio, a subsidiary of Meridan Holdings, is developing ZL-4410 for solid tumors.",
    "Ostrava Bio, a wholly owned subsidiary of Meridan Holdings, submitted a BLA for ZL-4410 to the FDA.",
])
def test_a_parent_in_apposition_is_not_the_subject(sentence):
    assert developers(sentence, "ZL-4410") == {"Ostrava Bio"}


def test_no_group_where_the_first_is_no_subject():
    # "by Ostrava Bio" is an agent of another clause, not a subject joined to the second company
    text = "ZL-4410 was compared with a drug sold by Ostrava Bio, and Meridan Pharma is developing ZL-4410 in Japan."
    assert developers(text, "ZL-4410") == {"Meridan Pharma"}


def test_no_group_reading_across_another_companys_clause():
    text = ("Ostrava Bio and Meridan Pharma have entered into an agreement under which Kelvo Therapeutics will "
            "develop ZL-4410.")
    assert "Meridan Pharma" not in developers(text, "ZL-4410")


@pytest.mark.parametrize("sentence", [
    "The BLA for HB-301, a PD-L1 antibody, was jointly submitted by Hanvel Pharmaceutical, Daeyon Bio and Seorak "
    "Biologics.",
    "The three companies, Hanvel Pharmaceutical, Daeyon Bio and Seorak Biologics, filed an NDA for HB-301, a PD-L1 "
    "antibody.",
    "Hanvel Pharmaceutical, Daeyon Bio, and Seorak Biologics (collectively, the \"Companies\") announced that they have "
    "submitted a BLA for HB-301, a PD-L1 antibody, to the MFDS.",
])
def test_three_co_submitters_of_a_filing(sentence):
    assert developers(sentence, "HB-301") == {"Hanvel Pharmaceutical", "Daeyon Bio", "Seorak Biologics"}


def test_submitted_by_without_an_application_names_no_maker():
    text = "The data on ZL-4410, a KRAS inhibitor, were submitted by Kinsel Group for publication."
    assert "Kinsel Group" not in developers(text, "ZL-4410")
