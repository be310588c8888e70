"""Helpers the extractor's reading tests share (invented sentences in, facts out)."""

from __future__ import annotations

from reportgen.extract import extract_facts
from reportgen.sources import Document


def stated_figures(text: str, predicate: str, subject: str) -> set[tuple[str, float]]:
    """(endpoint or event, value) of every efficacy or safety fact of `subject` that `text` gives."""
    facts = extract_facts(Document(id="t.txt", text=text, sha256="0" * 64))
    key = "endpoint" if predicate == "efficacy" else "event"
    return {(getattr(f.object, key), float(f.object.value)) for f in facts
            if f.predicate == predicate and f.subject == subject}


def facts(text: str) -> list:
    """Every fact the extractor reads in `text` (one invented document)."""
    return extract_facts(Document(id="t.txt", text=text, sha256="0" * 64))


def developers(text: str, subject: str) -> set:
    """The developers `text` gives `subject`."""
    return {str(f.object) for f in facts(text) if f.subject == subject and f.predicate == "developer"}


def partners(text: str) -> set:
    """Each pair of organizations `text` makes partners."""
    return {frozenset((f.subject, str(f.object))) for f in facts(text) if f.predicate == "partner"}
