"""A code opening a parenthesis after one capitalized word is that word's asset: "Yelvora (ZT-294640, Quellan
Biopharma)" names a brand, its code and its developer; a company's name before a parenthesis is not a brand.
Every name here is invented."""

from __future__ import annotations

from reportgen.extract import extract_facts
from reportgen.sources import Document

TEXT = ("The FDA granted orphan drug designation to several agents.\n"
        "  • Yelvora (ZT-294640, Quellan Biopharma), an oral inhibitor in development for cholangiocarcinoma;\n"
        "  • Pallas Pharma (PP-12) reported data.\n")


def facts_of(predicate: str) -> set:
    facts = extract_facts(Document(id="t.txt", text=TEXT, sha256="0" * 64))
    return {(f.subject, str(f.object)) for f in facts if f.predicate == predicate}


def test_the_brand_before_a_code_parenthesis_joins_the_code():
    assert ("Yelvora", "ZT-294640") in facts_of("name")


def test_the_organization_in_that_parenthesis_develops_the_brand():
    assert ("Yelvora", "Quellan Biopharma") in facts_of("developer")


def test_a_company_before_a_code_parenthesis_is_no_brand():
    assert not any("Pallas" in subject or "Pallas" in obj for subject, obj in facts_of("name"))
