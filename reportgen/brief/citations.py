"""Citation numbering: each quoted sentence gets one number, in the order it is first used."""

from __future__ import annotations

from typing import Iterable

from reportgen.brief.model import Reference
from reportgen.facts import Evidence, Fact
from reportgen.sources import Document


MAX_CITES = 3  # sources cited per value; all facts stay in the attached facts file


class Citations:
    """Numbers citations in the order they are first used."""

    def __init__(self, docs: dict[str, Document]):
        self.docs = docs
        self.numbers: dict[tuple, int] = {}
        self.refs: list[Reference] = []
        self.is_pending = None  # review: marked -> a function telling a fact not yet reviewed

    def pending(self, facts: Iterable[Fact]) -> bool:
        """A value is pending when none of the facts behind it is reviewed or curated."""
        facts = list(facts)
        return bool(self.is_pending and facts and all(self.is_pending(f) for f in facts))

    def cite(self, facts: Iterable[Fact]) -> tuple[int, ...]:
        return self.cite_evidence(self._pick((f.evidence, f.source == "curated") for f in facts))

    def _pick(self, items) -> list:
        """At most MAX_CITES sources per value: the analyst's first, then the newest documents.

        A value stated by eighty wire copies needs a few sources a reader can
        open, not eighty numbers; the attached facts file keeps them all.
        """
        items = list(items)
        by_doc: dict[str, tuple] = {}
        for ev, curated in sorted(items, key=lambda it: (it[0].doc, it[0].start, it[0].end)):
            by_doc.setdefault(ev.doc, (ev, curated))
        def rank(item):
            ev, curated = item
            doc = self.docs.get(ev.doc)
            date = doc.date.toordinal() if doc and doc.date else 0
            return (not curated, -date, ev.doc, ev.start)
        chosen = sorted(by_doc.values(), key=rank)[:MAX_CITES]
        return chosen

    def cite_evidence(self, items: Iterable[tuple[Evidence, bool]]) -> tuple[int, ...]:
        out = []
        for ev, curated in sorted(items, key=lambda item: (item[0].doc, item[0].start, item[0].end)):
            key = (ev.doc, ev.start, ev.end)
            if key not in self.numbers:
                doc = self.docs.get(ev.doc)
                self.numbers[key] = len(self.refs) + 1
                self.refs.append(Reference(
                    number=len(self.refs) + 1, doc=ev.doc,
                    title=doc.display_title if doc else ev.doc,
                    publisher=doc.publisher if doc else None,
                    date=doc.date.isoformat() if doc and doc.date else None,
                    url=doc.url if doc else None,
                    quote=ev.quote, start=ev.start, end=ev.end, curated=curated,
                ))
            if self.numbers[key] not in out:
                out.append(self.numbers[key])
        return tuple(out)
