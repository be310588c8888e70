"""Both parties of a licence or co-development deal develop its asset, in more of the ways releases and trade news
write the deal (developers.deal_for_asset, partners.licensees / party_after; data/relations.yaml
under_licence_cues). Invented sentences; no name here is real."""

from __future__ import annotations

import pytest

from readings_support import developers, partners

BOTH = {"Velmara Pharma", "Daeyon Bio"}


@pytest.mark.parametrize("sentence", [
    "Daeyon Bio inks $500M deal with Velmara Pharma for PD-L1 antibody HB-301",
    "Velmara Pharma entered into a strategic collaboration with Daeyon Bio to co-develop HB-301, a PD-L1 antibody.",
    "Velmara Pharma obtained an exclusive license from Daeyon Bio to develop HB-301, a PD-L1 antibody, in Asia.",
    "Velmara Pharma and Daeyon Bio entered into a license agreement, under which Velmara Pharma obtained the rights "
    "to HB-301, a PD-L1 antibody, in Japan.",
    "Velmara Pharma struck a deal to in-license HB-301, a PD-L1 antibody, from South Korea's Daeyon Bio.",
    "Velmara Pharma has the exclusive right to commercialize HB-301, a PD-L1 antibody, in Greater China under its "
    "agreement with Daeyon Bio.",
])
def test_both_parties_develop_the_deals_asset(sentence):
    assert developers(sentence, "HB-301") == BOTH
    assert frozenset(BOTH) in partners(sentence)


@pytest.mark.parametrize("sentence", [
    "Velmara Pharma entered into a clinical collaboration with Kinsel Oncology to evaluate HB-301, a PD-L1 antibody, "
    "in combination with ZL-1010.",
    "Velmara Pharma signed a supply agreement with Kinsel Oncology for HB-301, a PD-L1 antibody.",
    "Velmara Pharma inks $40M manufacturing deal with Kinsel Oncology for HB-301, a PD-L1 antibody",
    "Velmara Pharma obtained the rights to HB-301, a PD-L1 antibody, in 2020, while Kinsel Oncology markets the "
    "rival drug ZL-1010.",
])
def test_a_service_trial_or_rival_party_does_not_develop_it(sentence):
    assert "Kinsel Oncology" not in developers(sentence, "HB-301")


def test_co_commercializing_in_a_region_with_a_partner():
    text = ("The European Commission granted conditional marketing authorisation to KRV-55 (arlivetamab), a bispecific "
            "T-cell engager. Kiravo Pharma co-commercializes KRV-55 in Europe with Ostmark AG.")
    assert developers(text, "arlivetamab") >= {"Kiravo Pharma", "Ostmark AG"}


def test_a_headline_licence_and_the_licensee_developing_in_a_region():
    text = ("Hanseo Bio licenses ADC to Qilu Tianhe Pharmaceutical\n\nHS-2207, a Claudin 18.2 ADC, will be developed in "
            "China by Qilu Tianhe Pharmaceutical under the agreement.")
    assert frozenset(("Hanseo Bio", "Qilu Tianhe Pharmaceutical")) in partners(text)
    assert "Qilu Tianhe Pharmaceutical" in developers(text, "HS-2207")


@pytest.mark.parametrize("headline", [
    "Qilu Tianhe Pharmaceutical bets on Daeyon Bio's ADC",
    "Qilu Tianhe Pharmaceutical taps Daeyon Bio for cell therapy know-how",
    "Qilu Tianhe Pharmaceutical joins forces with Daeyon Bio on KRAS drugs",
    "Qilu Tianhe Pharmaceutical snaps up Daeyon Bio's KRAS program",
    "Qilu Tianhe Pharmaceutical signs with Daeyon Bio for Asian rights",
    "Qilu Tianhe Pharmaceutical hands Asian rights for its KRAS drug to Daeyon Bio",
])
def test_headline_deal_verbs_pair_the_companies(headline):
    assert frozenset(("Qilu Tianhe Pharmaceutical", "Daeyon Bio")) in partners(headline)


@pytest.mark.parametrize("text", [
    "Qilu Tianhe Pharmaceutical taps the market with a $50 million offering led by Orbimed Advisors.",
    "ZL-4410 taps into the immune system, Qilu Tianhe Pharmaceutical said.",
])
def test_the_same_verbs_without_a_counterparty_pair_no_one(text):
    assert partners(text) == set()


@pytest.mark.parametrize("second", [
    "Under the agreement, Daeyon Bio will be responsible for the development and commercialization of the drug in Korea.",
    "Daeyon Bio, which licensed the drug in 2023, will file a BLA in Korea.",
])
def test_the_partners_share_stated_of_the_drug_referred_to(second):
    text = "Velmara Pharma announced positive results for ZL-4410, a KRAS inhibitor. " + second
    assert developers(text, "ZL-4410") == {"Velmara Pharma", "Daeyon Bio"}


def test_a_share_of_another_thing_is_no_development():
    text = ("Velmara Pharma announced positive results for ZL-4410, a KRAS inhibitor. Kinsel Group will be responsible "
            "for the manufacturing of its own comparator.")
    assert "Kinsel Group" not in developers(text, "ZL-4410")
