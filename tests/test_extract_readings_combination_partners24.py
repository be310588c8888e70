"""A combination's second drug is an asset of its own (stop 24, assets helper): its apposition says who makes it
and what it is, while the combination's facts stay with the first. Every sentence is invented; no name here is
real."""

from __future__ import annotations

from tests.readings_support import facts


def of(text: str, subject: str, predicate: str) -> set[str]:
    return {str(f.object) if predicate != "phase" else f.object.stage
            for f in facts(text) if f.subject == subject and f.predicate == predicate}


PARTNER = ("Velorix Therapeutics announced Phase 3 results for zantolimab in combination with velipolimab, "
           "Halden Pharma's anti-PD-1 antibody, in non-small cell lung cancer.")


def test_partner_apposition_gives_the_partner_its_own_developer():
    assert of(PARTNER, "velipolimab", "developer") == {"Halden Pharma"}


def test_partner_apposition_gives_the_partner_its_target_and_modality():
    assert of(PARTNER, "velipolimab", "target") == {"PD-1"}
    assert of(PARTNER, "velipolimab", "modality") == {"monoclonal antibody"}


def test_combination_facts_stay_with_the_first_drug():
    assert of(PARTNER, "zantolimab", "phase") == {"phase 3"}
    assert of(PARTNER, "zantolimab", "indication") == {"non-small cell lung cancer"}
    assert of(PARTNER, "zantolimab", "target") == set()
    assert of(PARTNER, "velipolimab", "indication") == set()


def test_partner_apposition_from_a_company():
    text = ("Velorix Therapeutics announced Phase 2 results for zantolimab plus movretinib, an oral tyrosine kinase "
            "inhibitor from Halden Pharma, in colorectal cancer.")
    assert of(text, "movretinib", "developer") == {"Halden Pharma"}
    assert of(text, "movretinib", "modality") == {"small molecule"}
    assert of(text, "zantolimab", "modality") == set()


def test_partner_without_apposition_takes_no_class_said_of_a_later_clause():
    text = ("Velorix Therapeutics announced that zantolimab, in combination with velipolimab in patients with "
            "melanoma, is an anti-HER2 antibody.")
    assert of(text, "velipolimab", "target") == set()
