"""Modalities as trade news writes them (data/modalities.yaml; the headline's modality in relations.py), pinned
by invented sentences. No name here is real."""

from __future__ import annotations

import pytest

from reportgen.extract import extract_facts
from reportgen.sources import Document


def modalities(text: str, subject: str = "ZT-101") -> set[str]:
    facts = extract_facts(Document(id="t.txt", text=text, sha256="0" * 64))
    return {f.object for f in facts if f.predicate == "modality" and f.subject == subject}


@pytest.mark.parametrize("phrase, expected", [
    ("an allogeneic MSC therapy", "MSC"),
    ("an umbilical cord-derived MSC product", "MSC"),
    ("a mesenchymal precursor cell product", "MSC"),
    ("an engineered TCR therapy targeting MAGE-A4", "TCR-T"),
    ("a T-cell receptor (TCR) therapy", "TCR-T"),
    ("a tumor-infiltrating lymphocyte (TIL) therapy", "T cell"),
    ("a regulatory T cell (Treg) therapy", "T cell"),
    ("a fully human IgG1 antibody", "monoclonal antibody"),
    ("a humanized antibody", "monoclonal antibody"),
    ("a cell therapy derived from induced pluripotent stem cells", "iPSC-derived cell"),
    ("a pluripotent stem cell-derived islet product", "iPSC-derived cell"),
    ("an oral small-molecule inhibitor", "small molecule"),
])
def test_apposition_forms(phrase, expected):
    assert modalities(f"Zorvex Bio announced that ZT-101, {phrase}, dosed its first patient.") == {expected}


def test_plurals_are_the_modality():
    assert modalities("Zorvex Bio announced that ZT-101, one of its ADCs, was granted Fast Track designation.") == {"ADC"}
    assert modalities("Zorvex Bio announced that ZT-101, one of its MSCs, was granted Fast Track designation.") == {"MSC"}


def test_the_headline_modality_is_the_single_focal_asset_s():
    text = ("Zorvex Bio Receives Orphan Drug Designation for Its Gene Therapy\n"
            "Zorvex Bio today announced that the FDA has granted Orphan Drug Designation to ZT-101, an "
            "investigational product, for the treatment of Duchenne muscular dystrophy. ZT-101 is dosed once.")
    assert modalities(text) == {"gene therapy"}


def test_a_body_sentence_naming_no_asset_gives_no_modality():
    text = ("Zorvex Bio announced that ZT-101, an investigational antibody, was granted Fast Track designation. "
            "Gene therapy is a growing field.")
    assert "gene therapy" not in modalities(text)


@pytest.mark.parametrize("text, expected", [
    ("Zorvex Bio announced that ZT-101 and ZT-102, two ADCs, dosed their first patients.", {"ZT-101", "ZT-102"}),
    ("Zorvex Bio is developing ZT-101, ZT-102 and ZT-103, its investigational ADCs.", {"ZT-101", "ZT-102", "ZT-103"}),
    ("Zorvex Bio said ZT-101 and ZT-102 are CAR-Ts.", {"ZT-101", "ZT-102"}),
])
def test_a_plural_modality_after_a_list_is_each_asset_s(text, expected):
    facts = extract_facts(Document(id="t.txt", text=text, sha256="0" * 64))
    assert {f.subject for f in facts if f.predicate == "modality"} == expected


def test_a_singular_modality_stays_with_its_own_asset():
    facts = extract_facts(Document(id="t.txt", text="Zorvex Bio said ZT-101, a small molecule, and ZT-102, an ADC, dosed "
                                                     "patients.", sha256="0" * 64))
    got = {(f.subject, f.object) for f in facts if f.predicate == "modality"}
    assert got == {("ZT-101", "small molecule"), ("ZT-102", "ADC")}
