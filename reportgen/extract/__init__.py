"""Rule-based, deterministic fact extraction (stub: replaced by the real extractor)."""

from __future__ import annotations

from reportgen.facts import Fact
from reportgen.sources import Document

EXTRACTOR_VERSION = "0"


def extract_facts(doc: Document) -> list[Fact]:
    return []
