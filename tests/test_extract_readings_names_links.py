"""Two names of one asset joined by how releases write them (extract/name_links.py), and asset-name shapes
(extract/shapes.py, names.py), pinned by invented sentences grouped by behaviour. No name here is real."""

from __future__ import annotations

import pytest

from reportgen.extract import extract_facts
from reportgen.sources import Document


def facts(text: str):
    return extract_facts(Document(id="t.txt", text=text, sha256="0" * 64))


def joined(text: str, a: str, b: str) -> bool:
    """Whether the facts make `a` and `b` one asset (a name fact links them, either way round)."""
    for f in facts(text):
        if f.predicate == "name" and {f.subject.casefold(), str(f.object).casefold()} == {a.casefold(), b.casefold()}:
            return True
    return False


def subjects(text: str) -> set[str]:
    return {f.subject for f in facts(text) if f.predicate != "name"}


# --- a slashed pair of codes set in apposition is one asset ---------------------------------------------

@pytest.mark.parametrize("text", [
    "The FDA granted Breakthrough Therapy designation to Zelvio's ZX-4157/QT940, an investigational cancer vaccine, "
    "for melanoma.",
    "ZX-4157/QT940 is an investigational personalized cancer vaccine developed by Zelvio Bio.",
    "Zelvio Bio dosed the first patient with ZX-4157/QT940, the company's lead mRNA vaccine, in a Phase 2 trial.",
])
def test_a_slashed_pair_described_as_one_thing_is_one_asset(text):
    assert joined(text, "ZX-4157", "QT940")


@pytest.mark.parametrize("text", [
    "Zelvio Bio started a Phase 2 trial of the ZX-415/QT-940 combination in patients with melanoma, a "
    "deadly cancer.",
    "Zelvio Bio tested the combination of ZX-415/QT-940, an antibody pairing, in patients with melanoma.",
])
def test_a_slashed_pair_written_as_a_combination_stays_two(text):
    assert not joined(text, "ZX-415", "QT-940")


# --- a brand with its dosage form before a bracketed generic name ------------------------------------------

@pytest.mark.parametrize("text", [
    "Tokura Pharma announced approval of the anti-IL-99 humanized monoclonal antibody Velmira Subcutaneous Injection "
    "60 mg Syringes [generic name: zorvalimab] for the treatment of atopic dermatitis. Velmira is the first such drug.",
    "Tokura Pharma announced approval of Velmira Tablets 10 mg (generic name: zorvalimab) for atopic dermatitis. "
    "Velmira will launch in May.",
    "Tokura Pharma obtained approval for Velmira for Intravenous Infusion 100 mg [generic name: zorvalimab] in "
    "atopic dermatitis.",
])
def test_a_brand_and_its_bracketed_generic_name_are_one_asset(text):
    assert joined(text, "Velmira", "zorvalimab")


# --- a short name after "or" in an INN's parenthesis -------------------------------------------------------

@pytest.mark.parametrize("text", [
    "The EC granted conditional approval to Zorvadia (zorvocogene ravaparvovec, or zorvo) gene therapy for "
    "hemophilia A.",
    "Kelso Bio reported data for zorvocogene ravaparvovec (or zorvo), an AAV gene therapy, in hemophilia A.",
])
def test_a_short_name_after_or_that_opens_like_the_inn_joins_it(text):
    assert joined(text, "zorvocogene ravaparvovec", "zorvo")


def test_a_word_after_or_that_does_not_open_like_the_inn_is_no_name():
    text = ("Kelso Bio reported data for zorvocogene ravaparvovec (alone, or together), an AAV gene therapy, in "
            "hemophilia A.")
    assert not joined(text, "zorvocogene ravaparvovec", "together")


# --- a brand in capitals or marked right after a drug noun ---------------------------------------------

@pytest.mark.parametrize("text, brand", [
    ("The vaccine is given in combination with Halden's anti-PD-1 therapy VORTAXA for melanoma.", "VORTAXA"),
    ("Patients received the PD-1 inhibitor Quenzio® with chemotherapy in a Phase 3 trial.", "Quenzio"),
    ("Halden's kinase inhibitor BRAVELTA was approved for melanoma.", "BRAVELTA"),
])
def test_a_brand_after_a_drug_noun_is_an_asset(text, brand):
    assert brand in subjects(text)


def test_a_title_case_headline_word_after_a_drug_noun_is_no_asset():
    assert "Gets" not in subjects("Halden mRNA Cancer Vaccine Gets FDA Breakthrough Therapy Designation\n")


# --- "called X" before a disease word names a disease, not an asset -----------------------------------

@pytest.mark.parametrize("disease", ["Danon disease", "Rett syndrome"])
def test_a_word_called_that_heads_a_disease_is_no_asset(disease):
    text = (f"Kelso Bio's trial of its gene therapy KB-501 for a genetic disorder called {disease} was halted in May "
            "by the FDA.")
    got = facts(text)
    assert {f.subject for f in got} <= {"KB-501", "Kelso Bio"}
    assert disease in {f.object for f in got if f.predicate == "indication" and f.subject == "KB-501"}


# --- a code whose letters are a cell type's ------------------------------------------------------------

def test_a_code_opening_with_nk_is_an_asset():
    text = ("Kelso Cell received NMPA clearance for NK077. NK077 is a universal genetically modified NK cell "
            "injection for solid tumors.")
    assert "NK077" in subjects(text)


# --- "the <Name> therapy developed by ORG" ------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "The government approval will be given to the Velcaria therapy developed by Swiss drugmaker Halden.",
    "Regulators backed the Velcaria vaccine marketed by Halden Pharma in adults.",
])
def test_a_name_between_the_and_a_drug_noun_its_maker_follows_is_an_asset(text):
    assert "Velcaria" in subjects(text)


def test_a_name_between_the_and_a_drug_noun_without_its_maker_is_not_read_so():
    assert "Velcaria" not in subjects("The Velcaria therapy approach was discussed at the meeting.")


# --- study names listed after "trials" and a dash are no assets ---------------------------------------------

@pytest.mark.parametrize("dash", ["?", "–", ":", " -"])
def test_codes_listed_after_trials_and_a_dash_are_study_names_everywhere(dash):
    text = ("Zorvex is evaluating ZT-101, its antisense medicine, for severe hypertriglyceridemia in three Phase 3 "
            f"clinical trials{dash} ABC, ABC2 and XYZ, all of which completed enrollment. ABC2 enrolled 1,000 patients "
            "with severe hypertriglyceridemia.")
    assert subjects(text) == {"ZT-101"}
