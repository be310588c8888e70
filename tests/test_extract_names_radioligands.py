"""Radioligand names: an isotope written with its ligand is one asset name (extract/radioligands.py).

Invented ligands and companies only.
"""

from __future__ import annotations

import pytest

from reportgen.extract import extract_facts
from reportgen.extract.radioligands import radioligand_names
from reportgen.facts import plain
from reportgen.sources import Document


def facts_of(text: str):
    return extract_facts(Document(id="t.txt", text=text, sha256="0" * 64))


@pytest.mark.parametrize("phrase,ligand", [
    ("lutetium Lu 177 dotaverotide", "dotaverotide"),
    ("Lutetium Lu-177 vixotide tetraxetan", "vixotide"),
    ("lutetium (177Lu) vixotide", "vixotide"),
    ("lutetium-177 zorapeptin", "zorapeptin"),
    ("[177Lu]Lu-ornatide", "ornatide"),
    ("177Lu-VLM-617", "VLM-617"),
    ("Ac-225 ZX-11", "ZX-11"),
    ("actinium-225 zelotide tetraxetan", "zelotide"),
    ("piflutolastat F 18", "piflutolastat"),
])
def test_isotope_spellings(phrase, ligand):
    text = f"The agency approved {phrase} for adults."
    found = radioligand_names(text)
    assert [(text[a:b], text[c:d]) for a, b, c, d in found] == [(phrase, ligand)]


@pytest.mark.parametrize("text", [
    "Lu-177 supply remains tight this year.",
    "The company said lutetium-177 radioligands are a growing class.",
    "In 111 patients, the drug was well tolerated.",
    "Lu-177 PSMA imaging was used to select patients.",
])
def test_isotopes_without_a_ligand_name_nothing(text):
    assert radioligand_names(text) == []


def test_a_radioligand_and_its_brand_are_one_asset_with_its_facts():
    fs = facts_of("Astelline Pharma announced that the European Commission approved lutetium Lu 177 dotaverotide "
                  "(Radixa) for neuroendocrine tumors. Radixa is a radioligand therapy.")
    subject = "lutetium Lu 177 dotaverotide"
    assert [plain(f.object) for f in fs if f.subject == subject and f.predicate == "name"] == ["Radixa"]
    assert [plain(f.object) for f in fs if f.subject == subject and f.predicate == "developer"] == ["Astelline Pharma"]


def test_the_ligand_written_alone_is_another_name():
    fs = facts_of("Quorin Bio's actinium-225 zelotide tetraxetan showed a 40% response rate. Zelotide targets FAP.")
    names = {plain(f.object) for f in fs if f.predicate == "name"}
    assert "Zelotide" in names
    assert {f.subject for f in fs if f.predicate == "target"} == {"actinium-225 zelotide tetraxetan"}
