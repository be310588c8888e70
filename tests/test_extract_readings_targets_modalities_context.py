"""Whose target and modality a description is (extract/descriptors.py), the "other" modality class and targets
written in full (data/modalities.yaml, data/targets.yaml, data/target_shapes.yaml), pinned by invented sentences
grouped by behaviour. No name here is real."""

from __future__ import annotations

import pytest

from reportgen.extract import extract_facts
from reportgen.sources import Document


def values(text: str, predicate: str, subject: str = "ZT-101") -> set[str]:
    facts = extract_facts(Document(id="t.txt", text=text, sha256="0" * 64))
    return {f.object for f in facts if f.predicate == predicate and f.subject == subject}


# --- a description right before a parenthesised name is that name's ------------------------------------------

def test_a_description_before_a_parenthesised_code_is_that_codes():
    text = ("ZT-101 is an allogeneic anti-BCMA CAR T cell therapy. We evaluated ZT-101 after lymphodepletion with an "
            "anti-CD52 antibody (ZT-647)-containing regimen in 40 patients with multiple myeloma.")
    assert values(text, "target") == {"BCMA"}
    assert values(text, "modality") == {"CAR-T"}
    assert "CD52" in values(text, "target", "ZT-647")


# --- a combination partner's target and class ---------------------------------------------------------------

@pytest.mark.parametrize("phrase", ["in combination with an anti-PD-1 antibody",
                                    "combined with a PD-1 inhibitor",
                                    "plus an approved anti-PD-1 monoclonal antibody"])
def test_a_combination_partners_target_and_class_are_not_the_assets(phrase):
    text = f"ZT-101, Zorvex Bio's CD19-directed CAR-T cell therapy, is studied {phrase} in lymphoma."
    assert values(text, "target") == {"CD19"}
    assert values(text, "modality") == {"CAR-T"}


def test_a_combination_that_features_an_unnamed_class_gives_it_to_no_one():
    text = ("ZT-101 is Zorvex Bio's natural killer cell product. Zorvex plans to treat patients with multiple ZT-101 "
            "doses. This includes a combination that features a monoclonal antibody therapy that is FDA approved.")
    assert values(text, "modality") == {"NK cell"}


# --- a colon list after "target(s) two genes ...:" ---------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "ZT-101, an siRNA drug, is designed to target two genes critical in the growth of cancer: kinesin spindle "
    "protein, or KSP, "
    "required for proliferation; and vascular endothelial growth factor, or VEGF, required for tumor growth.",
    "ZT-101, an RNAi therapeutic, silences two proteins that drive tumors: KSP and VEGF.",
])
def test_the_targets_listed_after_a_colon_are_the_assets(sentence):
    assert {"KSP", "VEGF"} <= values(sentence, "target")


# --- roman numerals are no target symbol -------------------------------------------------------------------

def test_a_clotting_factors_number_is_no_target():
    text = ("ZT-101 is an AAV gene therapy for hemophilia A. It is for adults who have not been treated with Factor "
            "VIII inhibitors.")
    assert "VIII" not in values(text, "target")


# --- the "other" class: antisense, siRNA, radioligands, trispecifics ------------------------------------------

@pytest.mark.parametrize("phrase", ["an antisense oligonucleotide (ASO)", "a small interfering RNA (siRNA)",
                                    "an RNAi therapeutic", "a trispecific antibody", "a radioligand therapy",
                                    "a targeted alpha therapy"])
def test_classes_outside_the_list_are_other(phrase):
    text = f"ZT-101 is {phrase} developed by Zorvex Bio for the treatment of solid tumors."
    assert "other" in values(text, "modality")


def test_a_listed_class_is_still_its_own():
    assert values("ZT-101 is a bispecific antibody developed by Zorvex Bio.", "modality") == {"bispecific antibody"}


@pytest.mark.parametrize("phrase, partner", [
    ("in combination with Halden's anti-PD-1 therapy VORTAXA", "VORTAXA"),
    ("combined with the PD-1 inhibitor Quenzio®", "Quenzio"),
])
def test_a_named_combination_partner_keeps_its_own_target(phrase, partner):
    text = f"ZT-101, Zorvex Bio's personalized cancer vaccine, is studied {phrase} for melanoma."
    assert values(text, "target", partner) == {"PD-1"}
    assert "PD-1" not in values(text, "target")


# --- targets written out in full, Greek letters spelled out -----------------------------------------------

@pytest.mark.parametrize("phrase, target", [
    ("an interleukin-23 receptor antagonist", "IL-23R"),
    ("a tumor necrosis factor alpha inhibitor", "TNF"),
    ("a TNF-alpha blocker", "TNF"),
    ("an anti-interleukin-13 antibody", "IL-13"),
    ("an anti-IL-4R alpha antibody", "IL-4Rα"),
])
def test_a_target_written_in_full_is_its_symbol(phrase, target):
    assert values(f"ZT-101 is {phrase} developed by Zorvex Bio for ulcerative colitis.", "target") == {target}


def test_a_trispecific_alone_is_other():
    text = "Zorvex Bio's trispecific ZT-101 targets BCMA, GPRC5D and CD3 in multiple myeloma."
    assert values(text, "modality") == {"other"}


@pytest.mark.parametrize("phrase, modality", [
    ("an engineered T-cell receptor therapy", "TCR-T"),
    ("a DLL3-targeted T-cell engager", "bispecific antibody"),
    ("an oncolytic adenovirus", "other"),
    ("an enzyme replacement therapy", "other"),
    ("a splice-switching oligonucleotide", "other"),
])
def test_more_class_wordings(phrase, modality):
    assert modality in values(f"ZT-101 is {phrase} developed by Zorvex Bio for solid tumors.", "modality")


@pytest.mark.parametrize("phrase, target", [
    ("trophoblast cell-surface antigen 2", "TROP2"), ("delta-like ligand 3", "DLL3"), ("claudin 6", "CLDN6"),
    ("thymic stromal lymphopoietin", "TSLP"), ("ERBB3", "HER3"), ("CLEC12A", "CLL-1"), ("huntingtin", "HTT"),
])
def test_gene_and_protein_names_of_one_target(phrase, target):
    assert values(f"ZT-101 is an antibody targeting {phrase} developed by Zorvex Bio.", "target") == {target}
