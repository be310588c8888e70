"""A modality or target stated in a sentence that does not repeat the asset's name reaches the focal asset through
reference resolution (stop 24, assets helper). Every sentence is invented; no name here is real."""

from __future__ import annotations

import pytest

from tests.readings_support import facts


def of(text: str, subject: str, predicate: str) -> set[str]:
    return {str(f.object) for f in facts(text) if f.subject == subject and f.predicate == predicate}


@pytest.mark.parametrize("second, target, modality", [
    ("The therapy is an autologous CAR-T that targets BCMA.", "BCMA", "CAR-T"),
    ("The candidate is a CRISPR-edited allogeneic CAR-T targeting CD70.", "CD70", "CAR-T"),
    ("The monoclonal antibody binds to TL1A and blocks its signaling.", "TL1A", "monoclonal antibody"),
    ("This nanobody targets IL-6.", "IL-6", "monoclonal antibody"),
    ("The drug is a Fab fragment that binds CD40L.", "CD40L", "monoclonal antibody"),
    ("The tyrosine kinase inhibitor targets EGFR.", "EGFR", "small molecule"),
])
def test_description_without_the_name_reaches_the_focal_asset(second, target, modality):
    text = f"Telvaro Bio announced IND clearance for TV-31 in lupus. {second}"
    assert target in of(text, "TV-31", "target")
    assert of(text, "TV-31", "modality") == {modality}


def test_gene_vector_described_without_the_name():
    text = ("Telvaro Bio announced that TV-35 received Orphan Drug designation. The therapy uses an AAV9 vector "
            "to deliver a functional copy of the gene.")
    assert of(text, "TV-35", "modality") == {"gene therapy"}


def test_description_after_two_assets_resolves_to_neither():
    text = ("Telvaro Bio announced IND clearance for TV-37 and TV-38 in lupus. This nanobody targets IL-6.")
    assert not of(text, "TV-37", "modality") and not of(text, "TV-38", "modality")
