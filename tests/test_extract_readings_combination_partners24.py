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


# --- "the combination of X and Y": Y is X's partner ---------------------------------------------------------

COMBINATION_OF = ("Korvana Bio reported that the combination of KV-221 and trelomab achieved an objective response "
                  "rate of 45% in gastric cancer. KV-221 is an oral small molecule KRAS G12C inhibitor.")


def test_combination_of_results_stay_with_the_first_named_asset():
    assert of(COMBINATION_OF, "KV-221", "indication") == {"gastric cancer"}
    assert {f.object.endpoint for f in facts(COMBINATION_OF) if f.subject == "KV-221" and f.predicate == "efficacy"} == {"ORR"}


def test_combination_of_partner_takes_none_of_them():
    assert of(COMBINATION_OF, "trelomab", "indication") == set()
    assert not [f for f in facts(COMBINATION_OF) if f.subject == "trelomab" and f.predicate == "efficacy"]


def test_combination_of_a_generic_therapy_blocks_nothing():
    text = "Korvana Bio reported that the combination of chemotherapy and trelomab achieved responses in gastric cancer."
    assert of(text, "trelomab", "indication") == {"gastric cancer"}


# --- a code combined with an INN is a drug ---------------------------------------------------------------

def test_code_combined_with_an_inn_is_an_asset():
    text = ("Korvana Bio announced that KB-4410 in combination with torbelisib reduced tumor size in patients with "
            "ovarian cancer.")
    assert of(text, "KB-4410", "indication") == {"ovarian cancer"}
    assert of(text, "KB-4410", "developer") == {"Korvana Bio"}


def test_code_alone_without_drug_context_stays_unread():
    text = "Korvana Bio announced that KB-4410 reduced costs in its ovarian cancer unit."
    assert not [f for f in facts(text) if f.subject == "KB-4410"]
