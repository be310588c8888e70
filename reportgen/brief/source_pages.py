"""Source pages: each cited document with the sentences briefs quote highlighted and linked back."""

from __future__ import annotations

from collections import defaultdict
from typing import Iterable

from reportgen.brief.model import ViewModel, source_page_name
from reportgen.sources import Document


class BackLink(ViewModel):
    brief_id: str
    brief_title: str
    number: int


class Segment(ViewModel):
    text: str
    marked: bool
    anchors: tuple[str, ...]        # span ids that start here
    backlinks: tuple[BackLink, ...]  # citations whose span ends here


class SourcePage(ViewModel):
    """One source document, with every sentence a brief cites highlighted."""

    doc: str
    file_name: str
    title: str
    publisher: str | None
    date: str | None
    url: str | None
    segments: tuple[Segment, ...]


def build_source_pages_from_spans(spans: Iterable[tuple[str, int, int, BackLink]],
                                  docs: dict[str, Document]) -> list[SourcePage]:
    by_doc: dict[str, dict[tuple[int, int], list[BackLink]]] = defaultdict(lambda: defaultdict(list))
    for doc_id, start, end, link in spans:
        by_doc[doc_id][(start, end)].append(link)
    pages = []
    for doc_id in sorted(by_doc):
        doc = docs.get(doc_id)
        if doc is None:
            continue
        cited = {span: links for span, links in by_doc[doc_id].items() if 0 <= span[0] <= span[1] <= len(doc.text)}
        cuts = sorted({0, len(doc.text), *(p for span in cited for p in span)})
        segments = []
        for a, b in zip(cuts, cuts[1:]):
            if a == b:
                continue
            marked = any(s <= a and b <= e for s, e in cited)
            anchors = tuple(f"s-{s}-{e}" for s, e in sorted(cited) if s == a)
            backs = tuple(link for (s, e) in sorted(cited) if e == b for link in cited[(s, e)])
            segments.append(Segment(text=doc.text[a:b], marked=marked, anchors=anchors, backlinks=backs))
        pages.append(SourcePage(
            doc=doc_id, file_name=source_page_name(doc_id), title=doc.display_title, publisher=doc.publisher,
            date=doc.date.isoformat() if doc.date else None,
            url=doc.url if doc.url and doc.url.lower().startswith(("https://", "http://")) else None,
            segments=tuple(segments),
        ))
    return pages
