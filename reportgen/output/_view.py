"""The brief as plain text pieces for the office writers (PPTX, DOCX): the one place they read `Brief`.

Both writers lay out the same things: cited sentences, a comparison table whose
cells are lists of cited values, chart data, numbered references. Reading the
view model here, once, keeps each writer about layout only, and keeps a rename
of a `Brief` field to one edit.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from dataclasses import dataclass
from html.parser import HTMLParser

# characters XML 1.0 forbids (python-pptx and python-docx refuse them); source text is untrusted
_XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")

LEGEND = "† added by an analyst · ‡ sources disagree (each value shown with its own source) · [n] the sources that state a value"


def clean(text: object) -> str:
    return _XML_BAD.sub("", str(text))


def cite_text(numbers) -> str:
    return "[" + ",".join(str(n) for n in numbers) + "]" if numbers else ""


def cited(text: str, numbers) -> str:
    marks = cite_text(numbers)
    return clean(f"{text} {marks}" if marks else text)


@dataclass(frozen=True)
class TableView:
    header: tuple[str, ...]
    rows: tuple[tuple[tuple[str, ...], ...], ...]   # row -> cell -> values (first cell: the row name)


@dataclass(frozen=True)
class ChartView:
    id: str
    title: str
    kind: str                                   # "bar" (values per label), "count" (items per group), "table"
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    categories: tuple[str, ...] = ()
    values: tuple[float, ...] = ()
    unit: str = ""


@dataclass(frozen=True)
class ReferenceView:
    number: int
    source: str        # title, publisher, date
    doc: str
    url: str | None
    quote: str


@dataclass(frozen=True)
class ProfileView:
    name: str
    kind: str
    groups: tuple[tuple[str, tuple[str, ...]], ...]


@dataclass(frozen=True)
class BriefView:
    id: str
    title: str
    subtitle: str
    meta: str
    stamp: dt.datetime
    sections: tuple[str, ...]
    rows_kind: str
    summary: tuple[str, ...]
    changes_title: str
    changes: tuple[str, ...]
    notes: tuple[str, ...]
    charts: tuple[ChartView, ...]
    table: TableView
    comparators: TableView | None
    guidelines: tuple[str, ...]
    profiles: tuple[ProfileView, ...]
    references: tuple[ReferenceView, ...]
    skipped: tuple[str, ...]
    not_reported: str
    legend: str = LEGEND


def as_of_stamp(as_of: str | None) -> dt.datetime:
    """Document dates come from the brief's as-of date, never the clock."""
    try:
        day = dt.date.fromisoformat((as_of or "")[:10])
    except ValueError:
        day = dt.date(1980, 1, 1)
    return dt.datetime(max(day.year, 1980), day.month, day.day)


def _value(v) -> str:
    text = v.text + ("†" if v.curated else "") + ("‡" if v.conflict else "")
    return cited(text, v.cites)


def _table(brief, rows) -> TableView:
    header = tuple(clean(c.label) for c in brief.columns)
    out = []
    for row in rows:
        cells = []
        for i, cell in enumerate(row.cells):
            if i == 0:
                cells.append((clean(row.name),))
            elif not cell.values:
                cells.append((clean(brief.not_reported),))
            else:
                cells.append(tuple(_value(v) for v in cell.values))
        out.append(tuple(cells))
    return TableView(header=header, rows=tuple(out))


_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")


def _chart(chart) -> ChartView:
    header = tuple(clean(h) for h in chart.header)
    rows = tuple(tuple(clean(c) for c in r) for r in chart.rows)
    base = dict(id=chart.id, title=clean(chart.title), header=header, rows=rows)
    if "Value" in header and "Asset" in header:
        vi, ai = header.index("Value"), header.index("Asset")
        parsed = [(_NUMBER.search(r[vi]), r) for r in rows]
        if parsed and all(m for m, _ in parsed):
            unit = rows[0][vi][parsed[0][0].end():].strip()
            if all(r[vi][m.end():].strip() == unit for m, r in parsed):
                return ChartView(kind="bar", categories=tuple(r[ai] for _, r in parsed),
                                 values=tuple(float(m.group()) for m, _ in parsed), unit=unit, **base)
    if chart.id.startswith("chart-orgs-") and all(r[1].isdigit() for r in rows):  # organizations per category
        return ChartView(kind="count", categories=tuple(r[0] for r in rows),
                         values=tuple(float(r[1]) for r in rows), **base)
    if header[:1] == ("Highest stage",):
        counts: dict[str, int] = {}
        for r in rows:
            counts[r[0]] = counts.get(r[0], 0) + 1
        return ChartView(kind="count", categories=tuple(counts), values=tuple(float(v) for v in counts.values()),
                         **base)
    return ChartView(kind="table", **base)


class _Text(HTMLParser):
    """Analyst notes are Markdown rendered to (escaped) HTML; the office formats want the text."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data):
        self.parts.append(data)

    def handle_starttag(self, tag, attrs):
        if tag in ("p", "li", "br") and self.parts:
            self.parts.append("\n")

    def text(self) -> str:
        return re.sub(r"\n\s*\n+", "\n", "".join(self.parts)).strip()


def html_text(fragment: str) -> str:
    parser = _Text()
    parser.feed(fragment)
    parser.close()
    return clean(html.unescape(parser.text()))


def brief_view(brief) -> BriefView:
    """Everything the office writers show, read from the brief in one place."""
    sources = f"{brief.source_count} source{'' if brief.source_count == 1 else 's'}"
    meta = f"As of {brief.as_of} · {sources} · {len(brief.rows)} {brief.rows_kind}"
    if not brief.changes_since:
        changes_title, changes = "What changed", ("First edition of this brief: nothing to compare with yet.",)
    else:
        changes_title = f"What changed since {brief.changes_since}"
        changes = tuple(
            cited(f"{c.kind}: {c.subject}" + ("" if c.kind == "new row" else f" — {c.text}"), c.cites)
            + (clean(f" (previously: “{c.old_quote}” in {c.old_doc})") if c.old_quote else "")
            for c in brief.changes) or (f"No change since the {brief.changes_since} edition.",)
    references = tuple(
        ReferenceView(number=r.number, doc=clean(r.doc), url=r.link, quote=clean(r.quote),
                      source=clean(", ".join(p for p in (r.title, r.publisher, r.date) if p)))
        for r in brief.references)
    return BriefView(
        id=brief.id, title=clean(brief.title), subtitle=clean(brief.subtitle or ""), meta=clean(meta),
        stamp=as_of_stamp(brief.as_of), sections=tuple(brief.sections), rows_kind=brief.rows_kind,
        summary=tuple(cited(s.text, s.cites) for s in brief.summary),
        changes_title=clean(changes_title), changes=changes,
        notes=tuple(cited(html_text(n.html), n.cites) for n in brief.notes),
        charts=tuple(_chart(c) for c in brief.charts),
        table=_table(brief, brief.rows),
        comparators=_table(brief, brief.comparators) if brief.comparators else None,
        guidelines=tuple(_value(g) for g in brief.guidelines),
        profiles=tuple(ProfileView(name=clean(p.name), kind=clean(p.kind),
                                   groups=tuple((clean(g.label), tuple(_value(v) for v in g.values))
                                                for g in p.groups))
                       for p in brief.profiles),
        references=references,
        skipped=tuple(clean(f"{s.id}: {s.reason}") for s in brief.skipped),
        not_reported=clean(brief.not_reported),
    )


def _char_em(ch: str) -> float:
    if ch in "il.,;:'|!ftrIj ()[]":
        return 0.32
    if "\u2e80" <= ch <= "\uffef":
        return 1.0
    if ch.isupper() or ch in "mwMW%@":
        return 0.72
    return 0.6


def text_width(text: str, size: float, bold: bool = False) -> float:
    """Estimated width in points of `text` at `size` pt, on the wide side (DejaVu/Arial-like metrics)."""
    return sum(_char_em(ch) for ch in text) * size * (1.1 if bold else 1.0)


def line_count(text: str, width: float, size: float, bold: bool = False) -> int:
    """Lines `text` wraps to in a box `width` points wide (word wrap, estimated)."""
    lines = 0
    for paragraph in text.split("\n"):
        used, n = 0.0, 1
        for word in paragraph.split(" "):
            w = text_width(word + " ", size, bold)
            if used and used + w > width:
                n, used = n + 1, 0.0
            while w > width:  # a word longer than the box breaks
                n, w = n + 1, w - width
            used += w
        lines += n
    return lines
