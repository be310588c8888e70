"""An antibody written by its target is a monoclonal antibody (extract/antibodies.py), unless the words around it
make it another modality or no product at all. Invented sentences; no name here is real."""

from __future__ import annotations

import pytest

from reportgen.extract import extract_facts
from reportgen.sources import Document

HEADLINE = "Zorvex Bio Announces FDA Clearance of IND for ZT-101\n"


def modalities(body: str) -> set[str]:
    facts = extract_facts(Document(id="t.txt", text=HEADLINE + body, sha256="0" * 64))
    return {f.object for f in facts if f.predicate == "modality" and f.subject == "ZT-101"}


@pytest.mark.parametrize("body", [
    "ZT-101 is an anti-IL-23 antibody.",
    "ZT-101 is a humanized anti-CD38 IgG1 antibody for multiple myeloma.",
    "ZT-101 is an antibody targeting TSLP.",
    "ZT-101 is a fully human anti-TL1A monoclonal antibody.",
])
def test_an_antibody_named_by_its_target_is_a_monoclonal_antibody(body):
    assert modalities(body) == {"monoclonal antibody"}


@pytest.mark.parametrize("body, expected", [
    ("ZT-101 is a bispecific anti-PD-1/VEGF antibody.", {"bispecific antibody"}),
    ("ZT-101 is an anti-PD-1/VEGF antibody.", set()),          # two targets: not a monoclonal antibody
    ("ZT-101 is an anti-CD20xCD3 antibody.", set()),
    ("ZT-101 is an anti-TROP2 antibody-drug conjugate.", {"ADC"}),
    ("No anti-drug antibodies were seen with ZT-101.", set()),
    ("ZT-101 was given in combination with an anti-PD-1 antibody.", set()),
    ("ZT-101 lowered anti-AChR antibody titers.", set()),
])
def test_other_antibodies_are_not_the_asset_s_monoclonal_antibody(body, expected):
    assert modalities(body) == expected
