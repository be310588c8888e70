"""Modality of newer asset classes (stop 24, assets helper): antibody fragments heading a description, gene-edited
cell products, kinase inhibitors in the plural, AAV vectors named by serotype. Every sentence is invented; no
name here is real."""

from __future__ import annotations

import pytest

from tests.readings_support import facts


def modalities(text: str, subject: str) -> set[str]:
    return {f.object for f in facts(text) if f.subject == subject and f.predicate == "modality"}


# --- antibody fragments: a monoclonal antibody when the fragment is the asset -----------------------------

@pytest.mark.parametrize("fragment", ["a Fab fragment", "a nanobody", "an scFv", "a humanized nanobody",
                                      "a single-chain variable fragment", "a VHH"])
def test_fragment_heading_the_description_is_a_monoclonal_antibody(fragment):
    text = f"Quorvel Bio announced that QV-12, {fragment} targeting IL-6, entered Phase 2 in rheumatoid arthritis."
    assert modalities(text, "QV-12") == {"monoclonal antibody"}


def test_fragment_in_a_later_sentence_reaches_the_asset():
    text = ("Quorvel Bio announced Phase 1 data for QV-14 in asthma. It is a humanized nanobody that binds TSLP.")
    assert modalities(text, "QV-14") == {"monoclonal antibody"}


def test_fragment_inside_a_car_is_a_part_not_the_modality():
    text = ("Quorvel Bio announced that QV-16, an autologous CAR-T with a fully human scFv targeting BCMA, "
            "entered Phase 1 in multiple myeloma.")
    assert modalities(text, "QV-16") == {"CAR-T"}


@pytest.mark.parametrize("phrase", ["a bispecific nanobody", "an scFv-based CAR-T", "a Fab-drug conjugate"])
def test_fragment_as_part_of_another_class_is_no_monoclonal_antibody(phrase):
    text = f"Quorvel Bio announced that QV-18, {phrase} targeting CD3, entered Phase 1 in prostate cancer."
    assert "monoclonal antibody" not in modalities(text, "QV-18")


# --- gene-edited cell products -------------------------------------------------------------------------------

@pytest.mark.parametrize("phrase", ["a base-edited cell therapy", "a gene-edited autologous hematopoietic stem cell therapy",
                                    "a CRISPR-edited cell therapy"])
def test_gene_edited_cell_product_is_a_gene_therapy(phrase):
    text = f"Quorvel Bio announced that QV-21, {phrase}, entered Phase 1 in sickle cell disease."
    assert modalities(text, "QV-21") == {"gene therapy"}


def test_crispr_edited_car_t_stays_a_car_t():
    text = "Quorvel Bio announced that QV-23, a CRISPR-edited allogeneic CAR-T cell therapy, entered Phase 1 in lupus."
    assert modalities(text, "QV-23") == {"CAR-T"}


# --- small molecules and AAV vectors ----------------------------------------------------------------------

def test_kinase_inhibitors_in_the_plural_are_small_molecules():
    text = ("Quorvel Bio announced that QV-25 and QV-26, two next-generation tyrosine kinase inhibitors, "
            "entered Phase 1 in chronic myeloid leukemia.")
    assert modalities(text, "QV-25") == {"small molecule"} and modalities(text, "QV-26") == {"small molecule"}


@pytest.mark.parametrize("phrase", ["an AAV9 vector-based therapy", "an AAVrh74 vector encoding micro-dystrophin"])
def test_aav_vector_by_serotype_is_a_gene_therapy(phrase):
    text = f"Quorvel Bio announced that QV-27, {phrase}, entered Phase 1 in Duchenne muscular dystrophy."
    assert modalities(text, "QV-27") == {"gene therapy"}


def test_gene_edited_cell_therapy_yields_to_the_cell_class_stated_elsewhere():
    text = ("Quorvel Bio announced that QV-29, a CRISPR-edited allogeneic CAR-T, entered Phase 1. "
            "QV-29 is a gene-edited cell therapy targeting CD70.")
    assert modalities(text, "QV-29") == {"CAR-T"}
