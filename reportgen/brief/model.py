"""The brief's view model: the typed values a template prints, each with its citation numbers."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict

from reportgen.sources import SkippedSource

NOT_REPORTED = "not reported"
# the order sections appear in, whatever order a landscape lists them in
SECTION_ORDER = ("summary", "changes", "notes", "charts", "table", "comparators", "guidelines", "profiles", "references")


class ViewModel(BaseModel):
    model_config = ConfigDict(frozen=True)


class Reference(ViewModel):
    """One numbered citation: the source and the sentence it quotes."""

    number: int
    doc: str
    title: str
    publisher: str | None
    date: str | None
    url: str | None
    quote: str
    start: int
    end: int
    curated: bool

    @property
    def anchor(self) -> str:
        return f"s-{self.start}-{self.end}"

    @property
    def is_headline(self) -> bool:
        """The quoted sentence is the source's title: the PDF prints the number by the title, not the title twice.

        An analyst's citation keeps its own line, with its note.
        """
        return not self.curated and _headline_key(self.quote) == _headline_key(self.title)

    @property
    def source_page(self) -> str:
        """The document's page (relative to the brief), opened at the quoted sentence."""
        return f"sources/{source_page_name(self.doc)}#{self.anchor}"

    @property
    def link(self) -> str | None:
        """The source's url, when it is one a browser may follow."""
        return self.url if self.url and self.url.lower().startswith(("https://", "http://")) else None


def source_page_name(doc: str) -> str:
    """A safe, unique, bounded file name for a source's page (also a valid URL path).

    Plain lower-case names keep their name; any other (spaces, non-ASCII,
    quotes, %, #, ?, newlines, upper case that a case-insensitive disk would
    merge, or a name too long for the file system) becomes an ASCII slug plus
    a hash of the full name, so two sources never share a page.
    """
    import hashlib
    import re
    from urllib.parse import quote

    if re.fullmatch(r"[a-z0-9][a-z0-9._-]{0,99}", doc):
        return doc + ".html"
    slug = re.sub(r"[^a-z0-9._-]+", "_", doc.lower()).strip("._-")[:80] or "source"
    digest = hashlib.sha256(doc.encode("utf-8", "surrogatepass")).hexdigest()[:12]
    return quote(f"{slug}-{digest}.html", safe="")


class Value(ViewModel):
    """A value as printed, with its citation numbers."""

    text: str
    cites: tuple[int, ...]
    curated: bool = False
    conflict: bool = False
    pending: bool = False  # review: marked, and no analyst has reviewed a fact behind it


class Cell(ViewModel):
    column: str
    values: tuple[Value, ...]
    sort_key: str | None = None  # what the browser sorts by when the text would sort wrongly

    @property
    def empty(self) -> bool:
        return not self.values


class Row(ViewModel):
    anchor: str
    name: str
    cells: tuple[Cell, ...]


class ProfileGroup(ViewModel):
    label: str
    values: tuple[Value, ...]


class Profile(ViewModel):
    anchor: str
    name: str
    kind: str
    groups: tuple[ProfileGroup, ...]
    matched: tuple[str, ...] = ()  # why the scope takes it: "systemic sclerosis: autoimmune", "LX-3: iPSC-derived cell"


class Sentence(ViewModel):
    text: str
    cites: tuple[int, ...]


class NoteView(ViewModel):
    html: str
    cites: tuple[int, ...]


class Column(ViewModel):
    key: str
    label: str


class TocItem(ViewModel):
    id: str
    label: str


class ChangeView(ViewModel):
    kind: str
    subject: str
    text: str
    cites: tuple[int, ...]
    old_quote: str | None
    old_doc: str | None
    pending: bool = False
    old_cites: tuple[int, ...] = ()   # the old statement, where its document is still a source
    label: str = ""                  # what the reader sees as the kind: "new asset", "no longer supported", ...


class Measure(ViewModel):
    """One efficacy or safety figure in long form, for spreadsheets (one row per figure)."""

    asset: str
    role: str                  # "in scope" or "comparator"
    kind: str                  # "efficacy" or "safety"
    endpoint: str              # endpoint (efficacy) or adverse event (safety)
    grade: str | None
    value: float | None
    unit: str | None
    population: str | None
    cites: tuple[int, ...]


class SourceGroup(ViewModel):
    """One cited document, named once, with the sentences quoted from it (each keeps its number)."""

    doc: str
    title: str
    publisher: str | None
    date: str | None
    url: str | None
    link: str | None
    refs: tuple[Reference, ...]


class Brief(ViewModel):
    """What `templates/brief.html` renders (documented field by field)."""

    id: str
    title: str
    subtitle: str | None
    as_of: str                     # ISO date of the brief's edition
    source_count: int              # documents cited in the brief
    rows_kind: str                 # "assets" or "organizations"
    sections: tuple[str, ...]
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    comparators: tuple[Row, ...]
    summary: tuple[Sentence, ...]
    notes: tuple[NoteView, ...]
    profiles: tuple[Profile, ...]
    guidelines: tuple[Value, ...]
    references: tuple[Reference, ...]
    skipped: tuple[SkippedSource, ...]
    toc: tuple[TocItem, ...] = ()      # the sections present, in order
    charts: tuple[Any, ...] = ()       # reportgen.charts.Chart, inline SVG
    changes_since: str | None = None   # the edition "What changed" compares with
    changes_same_date: bool = False    # that edition has the same as-of date as this one
    changes: tuple[ChangeView, ...] = ()
    not_reported: str = NOT_REPORTED
    review_mode: str = "off"           # the landscape's `review:` (required | marked | off)
    pending_count: int = 0             # marked: values shown not yet reviewed; required: values hidden
    review_note: str | None = None     # the review mode, said on the cover (None when off)
    measures: tuple[Measure, ...] = ()  # efficacy and safety figures, long form (exports)
    omitted_columns: tuple[str, ...] = ()  # columns not reported for any row, left out of the table
    wide_table: bool = True                # the PDF gives the table landscape pages (a short one stays portrait)
    transposed_print: bool = False         # the PDF turns a short, wide table: a column per row, a line per column

    @property
    def many_columns(self) -> bool:
        """More columns than a text column holds: the screen gives the table the window's width."""
        return len(self.columns) > 6

    @property
    def sources(self) -> tuple[SourceGroup, ...]:
        """References grouped by document, in order of first citation; numbers unchanged."""
        groups: dict[str, list[Reference]] = {}
        for ref in sorted(self.references, key=lambda r: r.number):
            groups.setdefault(ref.doc, []).append(ref)
        return tuple(SourceGroup(doc=doc, title=refs[0].title, publisher=refs[0].publisher, date=refs[0].date,
                                 url=refs[0].url, link=refs[0].link, refs=tuple(refs))
                     for doc, refs in groups.items())


def _headline_key(text: str) -> str:
    return " ".join(text.split()).rstrip(".").casefold()


def anchor(name: str) -> str:
    key = "".join(c if c.isalnum() else "-" for c in name.casefold()).strip("-")
    while "--" in key:
        key = key.replace("--", "-")
    return "e-" + (key or "x")
