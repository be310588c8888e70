"""The brief's view model: everything a template prints, computed here.

Every value shown carries citation numbers; numbers are given in reading order
(summary, table, profiles, ...), and each points to a `Reference` holding the
quoted sentence.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any, Iterable

from pydantic import BaseModel, ConfigDict

from reportgen.facts import Efficacy, Evidence, Fact, Phase, Regulatory, Safety, object_text
from reportgen.knowledge import Entity, Knowledge
from reportgen.naming import name_key
from reportgen.landscape import Landscape, Scope, find_quote
from reportgen.scope import indication_match, matches_indications, modality_forms
from reportgen.sources import Document, SkippedSource
from reportgen.vocab import STAGE_RANK, STAGES, endpoint_key

NOT_REPORTED = "not reported"
MAX_CITES = 3  # sources cited per value; all facts stay in the attached facts file
# the order sections appear in, whatever order a landscape lists them in
SECTION_ORDER = ("summary", "changes", "notes", "charts", "table", "comparators", "guidelines", "profiles", "references")


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True)


class Reference(_Model):
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


class Value(_Model):
    """A value as printed, with its citation numbers."""

    text: str
    cites: tuple[int, ...]
    curated: bool = False
    conflict: bool = False
    pending: bool = False  # review: marked, and no analyst has reviewed a fact behind it


class Cell(_Model):
    column: str
    values: tuple[Value, ...]
    sort_key: str | None = None  # what the browser sorts by when the text would sort wrongly

    @property
    def empty(self) -> bool:
        return not self.values


class Row(_Model):
    anchor: str
    name: str
    cells: tuple[Cell, ...]


class ProfileGroup(_Model):
    label: str
    values: tuple[Value, ...]


class Profile(_Model):
    anchor: str
    name: str
    kind: str
    groups: tuple[ProfileGroup, ...]
    matched: tuple[str, ...] = ()  # why the scope takes it: "systemic sclerosis: autoimmune", "LX-3: iPSC-derived cell"


class Sentence(_Model):
    text: str
    cites: tuple[int, ...]


class NoteView(_Model):
    html: str
    cites: tuple[int, ...]


class Column(_Model):
    key: str
    label: str


class TocItem(_Model):
    id: str
    label: str


class ChangeView(_Model):
    kind: str
    subject: str
    text: str
    cites: tuple[int, ...]
    old_quote: str | None
    old_doc: str | None
    pending: bool = False
    old_cites: tuple[int, ...] = ()   # the old statement, where its document is still a source
    label: str = ""                  # what the reader sees as the kind: "new asset", "no longer supported", ...


class Measure(_Model):
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


class SourceGroup(_Model):
    """One cited document, named once, with the sentences quoted from it (each keeps its number)."""

    doc: str
    title: str
    publisher: str | None
    date: str | None
    url: str | None
    link: str | None
    refs: tuple[Reference, ...]


class Brief(_Model):
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


class _Citations:
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


# --- scope -------------------------------------------------------------------

def _matches_any(values: Iterable[str], wanted: list[str], substring: bool = False) -> bool:
    keys = [name_key(v) for v in values]
    for w in wanted:
        wk = name_key(w)
        for k in keys:
            if k == wk or (substring and (wk in k or k in wk)):
                return True
    return False


def _strings(entity: Entity, predicate: str) -> list[str]:
    return [f.object for f in entity.values(predicate) if isinstance(f.object, str)]


def in_scope(entity: Entity, scope: Scope, knowledge: Knowledge) -> bool:
    return scope_reasons(entity, scope, knowledge) is not None


def _assets_of(org: Entity, knowledge: Knowledge) -> list[Entity]:
    return knowledge.assets_of(org.names)


def _modality_in_focus(org: Entity, wanted: list[str]) -> list[str]:
    """Focus statements whose sentence names a wanted modality ("iPSC" for iPSC-derived cell)."""
    out = []
    for f in org.values("focus"):
        for w in wanted:
            forms = modality_forms(w)
            quote = f.evidence.quote if f.evidence else ""
            if any(name_key(x) in name_key(quote) or name_key(x) in name_key(str(f.object)) for x in forms):
                out.append(f"{f.object}: {w}")
                break
    return out


def scope_reasons(entity: Entity, scope: Scope, knowledge: Knowledge) -> list[str] | None:
    """Why an entity is a row ("systemic sclerosis: autoimmune"), or None when it is not.

    An organization matches a filter through its own facts or through the
    assets it develops: "develops an iPSC-derived cell asset" puts it in an
    iPSC landscape as "focus: iPSC" does.
    """
    if scope.exclude and _matches_any(entity.names, scope.exclude):
        return None
    if scope.names and not _matches_any(entity.names, scope.names):
        return None
    if scope.documents and not (knowledge.documents_of(entity) & set(scope.documents)):
        return None
    reasons: list[str] = []
    assets = _assets_of(entity, knowledge) if entity.kind == "organization" else [entity]
    if scope.targets:
        hits = [a.name for a in assets if _matches_any(_strings(a, "target"), scope.targets)]
        if not hits:
            return None
        if entity.kind == "organization":
            reasons.append("develops " + ", ".join(hits))
    if scope.modalities:
        hits = [f"{a.name}: {m}" for a in assets for m in _strings(a, "modality") if _matches_any([m], scope.modalities)]
        if entity.kind == "organization":
            hits += _modality_in_focus(entity, scope.modalities)
        if not hits:
            return None
        if entity.kind == "organization":
            reasons.extend(hits)
    if scope.indications:
        hits = [why for a in assets for why in matches_indications(_strings(a, "indication"), scope.indications)]
        if entity.kind == "organization":
            hits += matches_indications(_strings(entity, "focus"), scope.indications)
        if not hits:
            return None
        reasons.extend(dict.fromkeys(hits))
    if scope.countries:
        orgs = [entity] if entity.kind == "organization" else [
            o for o in (knowledge.find(d) for d in _strings(entity, "developer")) if o is not None]
        countries = _strings(entity, "country") + [c for o in orgs if o is not entity for c in _strings(o, "country")]
        if countries:
            if not _matches_any(countries, scope.countries):
                return None
        elif scope.countries_unstated != "include":
            return None
        else:
            reasons.append("country not stated")
    return reasons


def _has_scope(scope: Scope) -> bool:
    return any(v for k, v in scope.model_dump().items() if k not in ("exclude", "comparators", "countries_unstated"))


# --- values ------------------------------------------------------------------

def _group_values(facts: list[Fact], cites: _Citations, text_of=None, conflict_key=None) -> tuple[Value, ...]:
    """One value per distinct reading, its citations merged; disagreements flagged."""
    text_of = text_of or (lambda f: object_text(f.object))
    by_text: dict[str, list[Fact]] = {}
    order: list[str] = []
    for fact in facts:
        text = text_of(fact)
        k = name_key(text) or text
        if k not in by_text:
            by_text[k] = []
            order.append(k)
        by_text[k].append(fact)
    conflicts: set[str] = set()
    if conflict_key:
        # readings of one thing (an endpoint, a target) that differ between
        # documents; one document stating two values is a subgroup, not a dispute
        seen: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
        for k in order:
            for fact in by_text[k]:
                ck = conflict_key(fact)
                if ck is not None:
                    seen[ck][k].add(fact.evidence.doc)
        for readings in seen.values():
            if len(readings) > 1:
                docs_per_reading = list(readings.values())
                if any(a != b for a in docs_per_reading for b in docs_per_reading):
                    for k, docs in readings.items():
                        others = set().union(*(d for kk, d in readings.items() if kk != k))
                        if docs - others or others - docs:
                            conflicts.add(k)
    values = []
    for k in order:
        group = by_text[k]
        values.append(Value(
            text=text_of(group[0]), cites=cites.cite(group),
            curated=all(f.source == "curated" for f in group), conflict=k in conflicts,
            pending=cites.pending(group),
        ))
    return tuple(values)


def _merge_less_specific(facts: list[Fact]) -> list[tuple[Fact, list[Fact]]]:
    """Regulatory facts: a statement that a more specific one contains is merged into it.

    "NMPA approval" and "NMPA approval NDA, multiple myeloma (2023-07-03)" are one
    event told twice; the reader sees the specific one with both citations.
    """
    def fields(f: Fact) -> dict:
        obj = f.object.dump() if isinstance(f.object, Regulatory) else {}
        return {k: name_key(str(v)) for k, v in obj.items()}

    known = [(f, fields(f)) for f in facts]
    known.sort(key=lambda p: (-len(p[1]), p[0].evidence.doc, p[0].evidence.start))
    groups: list[tuple[Fact, list[Fact]]] = []
    # each group is found by every subset of its head's fields (at most 2**5): the first group
    # whose head contains a fact's fields is one lookup, not a scan of every group
    containing: dict[frozenset, tuple[Fact, list[Fact]]] = {}
    for fact, mine in known:
        home = containing.get(frozenset(mine.items()))
        if home is None:
            home = (fact, [fact])
            groups.append(home)
            items = list(mine.items())
            for mask in range(1 << len(items)):
                containing.setdefault(frozenset(items[i] for i in range(len(items)) if mask >> i & 1), home)
        else:
            home[1].append(fact)
    groups.sort(key=lambda g: (g[0].object.date or "9999" if isinstance(g[0].object, Regulatory) else "",
                               g[0].evidence.doc, g[0].evidence.start))
    return groups


def _regulatory_values(facts: list[Fact], cites: _Citations) -> tuple[Value, ...]:
    return tuple(Value(text=object_text(head.object), cites=cites.cite(group),
                       curated=all(f.source == "curated" for f in group), pending=cites.pending(group))
                 for head, group in _merge_less_specific(facts))


def _stage_facts(entity: Entity) -> list[Fact]:
    """Facts that state the highest stage: phase facts, and approvals or filings."""
    ranked = [(STAGE_RANK[f.stage], f) for f in [*entity.values("phase"), *entity.values("regulatory")] if f.stage]
    if not ranked:
        return []
    top = max(rank for rank, _ in ranked)
    return [f for rank, f in ranked if rank == top]


def highest_stage(entity: Entity) -> str | None:
    facts = _stage_facts(entity)
    return facts[0].stage if facts else None


def _endpoint_key(fact: Fact):
    obj = fact.object
    if isinstance(obj, Efficacy):
        return name_key(obj.endpoint) + "|" + name_key(obj.population or "")
    if isinstance(obj, Safety):
        return name_key(obj.event) + "|" + ("" if obj.grade is None else str(obj.grade))
    return None


def _cell(entity: Entity, key: str, cites: _Citations, knowledge: Knowledge, scope: Scope) -> tuple[Value, ...]:
    if key == "name":
        return (Value(text=entity.name, cites=()),)
    if key == "names":
        name_facts = [f for f in entity.facts if f.predicate == "name"]
        by_name: dict[str, list[Fact]] = defaultdict(list)
        for f in name_facts:
            for n in (f.object, f.subject):
                if isinstance(n, str) and name_key(n) != name_key(entity.name):
                    by_name[name_key(n)].append(f)
        out = []
        for n in entity.names[1:]:
            facts = by_name.get(name_key(n))
            if facts:  # a name is shown only where a sentence states it
                out.append(Value(text=n, cites=cites.cite(facts), curated=all(f.source == "curated" for f in facts),
                                 pending=cites.pending(facts)))
        return tuple(out)
    if key == "stage":
        facts = _stage_facts(entity)
        return _group_values(facts, cites, text_of=lambda f: f.stage)
    if key == "assets":
        keys = {name_key(n) for n in entity.names}
        out = []
        for asset in knowledge.assets_of(entity.names):
            facts = [f for f in asset.values("developer") if name_key(f.object) in keys]
            out.append(Value(text=asset.name, cites=cites.cite(facts)))
        return tuple(out)
    facts = entity.values(key)
    if key == "indication" and scope.indications and entity.kind == "asset":
        facts = [f for f in facts if indication_match(f.object, scope.indications)] or facts
    if key in ("developer", "partner"):
        return _group_values(facts, cites, text_of=lambda f: _display_org(f.object, knowledge))
    if key == "regulatory":
        return _regulatory_values(facts, cites)
    conflict_key = _endpoint_key if key in ("efficacy", "safety") else None
    if key in ("target", "modality"):
        conflict_key = lambda f: key  # noqa: E731 - one target or modality expected
    return _group_values(facts, cites, conflict_key=conflict_key)


def _display_org(name: str, knowledge: Knowledge) -> str:
    entity = knowledge.find(name)
    return entity.name if entity else name


# --- profiles ----------------------------------------------------------------

PROFILE_GROUPS = {
    "asset": [("Names", "names"), ("Developers", "developer"), ("Target", "target"), ("Modality", "modality"),
              ("Indications", "indication"), ("Stage", "phase"), ("Regulatory history", "regulatory"),
              ("Trials", "trial"), ("Efficacy", "efficacy"), ("Safety", "safety")],
    "organization": [("Names", "names"), ("Focus", "focus"), ("Country", "country"), ("Partners", "partner"),
                     ("Assets", "assets"), ("Guidelines issued", "guideline")],
}


# what a profile leaves to the table when the table has the column: short values the row already shows
_TABLE_ENOUGH = {"names": "names", "developer": "developer", "target": "target", "modality": "modality",
                 "country": "country", "focus": "focus"}


def _profile(entity: Entity, cites: _Citations, knowledge: Knowledge, table_columns: Iterable[str] = ()) -> Profile:
    """What the table cannot carry: every regulatory event with its date, every figure with its population, trials."""
    groups = []
    shown = set(table_columns)
    for label, key in PROFILE_GROUPS[entity.kind]:
        if _TABLE_ENOUGH.get(key) in shown:
            if key == "names":
                groups.extend(_join_groups(entity, cites))
            continue
        if key in ("names", "assets"):
            values = _cell(entity, key, cites, knowledge, Scope())
        elif key in ("developer", "partner"):
            values = _group_values(entity.values(key), cites, text_of=lambda f: _display_org(f.object, knowledge))
        elif key == "regulatory":
            values = _regulatory_values(entity.values(key), cites)
        elif key == "guideline":
            values = _group_values(entity.values(key), cites)
        else:
            values = _group_values(entity.values(key), cites, conflict_key=_endpoint_key)
        if values:
            groups.append(ProfileGroup(label=label, values=values))
        if key == "names":
            groups.extend(_join_groups(entity, cites))
    return Profile(anchor=anchor(entity.name), name=entity.name, kind=entity.kind, groups=tuple(groups))


_JOIN_NOTE = {"analyst": " (the analyst's alias)", "legal suffix": " (the same name but for its legal suffix)"}


def _join_groups(entity: Entity, cites: _Citations) -> list[ProfileGroup]:
    """Which sentences (and which analyst decisions) made this entity's names one, each cited.

    One line per pair of names, citing every document that states it (up to
    MAX_CITES); the analyst's forced and forbidden merges are said as such.
    """
    from reportgen.knowledge import display_form

    pairs: dict[tuple, list] = {}
    for j in entity.joins:
        a, b = (display_form(n, entity.kind) for n in j.names)
        if j.how == "analyst":  # the analyst's aliases of one name: one line, "A = B = C"
            line = pairs.setdefault(("analyst", name_key(a)), [[a], j.how, []])
            if b not in line[0]:
                line[0].append(b)
            continue
        key = (j.how, *sorted((name_key(a), name_key(b))))
        pairs.setdefault(key, [[a, b], j.how, []])[2].extend([j.fact] if j.fact else [])
    notes = dict(_JOIN_NOTE, analyst=" (the analyst's aliases)")
    values = [Value(text=" = ".join(names) + (notes if how == "analyst" and len(names) > 2 else _JOIN_NOTE).get(how, ""),
                    cites=cites.cite(facts), curated=how == "analyst", pending=cites.pending(facts))
              for names, how, facts in pairs.values()]
    out = [ProfileGroup(label="Names joined by", values=tuple(values))] if values else []
    if entity.apart:
        out.append(ProfileGroup(label="Kept apart by the analyst", values=tuple(
            Value(text=display_form(n, entity.kind), cites=(), curated=True) for n in entity.apart)))
    return out


def anchor(name: str) -> str:
    key = "".join(c if c.isalnum() else "-" for c in name.casefold()).strip("-")
    while "--" in key:
        key = key.replace("--", "-")
    return "e-" + (key or "x")


# --- summary -----------------------------------------------------------------

def _countries(entity: Entity, knowledge: Knowledge) -> list[Fact]:
    """Country facts of an organization, or of an asset's developers."""
    if entity.kind == "organization":
        return entity.values("country")
    out = []
    for dev in _strings(entity, "developer"):
        org = knowledge.find(dev)
        if org is not None:
            out.extend(org.values("country"))
    return out


def _summary(landscape: Landscape, rows: list[Entity], knowledge: Knowledge, cites: _Citations) -> list[Sentence]:
    """Sentences generated from the facts: scope, leaders, newest events, best data."""
    kind = "assets" if landscape.rows == "assets" else "organizations"
    noun = kind if len(rows) != 1 else kind[:-1]
    listed = f"{len(rows)} {noun} in scope" + (
        ": " + ", ".join(e.name for e in rows[:8]) + (" and others" if len(rows) > 8 else "") if rows else "")
    # a name ending "Co., Ltd." ends the sentence itself
    out = [Sentence(text=listed if listed.endswith(".") else listed + ".", cites=())]
    if landscape.rows == "assets":
        staged = [(STAGE_RANK.get(highest_stage(e) or "", -1), e) for e in rows]
        staged = [(r, e) for r, e in staged if r >= 0]
        if staged:
            top = max(r for r, _ in staged)
            stage = STAGES[top]
            leaders = [e for r, e in staged if r == top]
            by_region: dict[str, list[str]] = defaultdict(list)
            region_facts: list[Fact] = []
            for e in leaders:
                countries = _countries(e, knowledge)
                region_facts.extend(countries)
                for c in sorted({f.object for f in countries if isinstance(f.object, str)}) or ["region not stated"]:
                    by_region[c].append(e.name)
            regions = "; ".join(f"{r}: {', '.join(n)}" for r, n in sorted(by_region.items()))
            facts = [f for e in leaders for f in _stage_facts(e)]
            text = f"Furthest along ({stage}): {', '.join(e.name for e in leaders)}"
            if len(by_region) > 1 or "region not stated" not in by_region:
                text += f" (by region: {regions})"
            out.append(Sentence(text=text + ".", cites=cites.cite(facts + region_facts)))
        others = sorted(((r, e) for r, e in staged if r != top), key=lambda x: (-x[0], x[1].name.casefold()))[:4] if staged else []
        if others:
            out.append(Sentence(text="Next: " + "; ".join(f"{e.name} ({highest_stage(e)})" for _, e in others) + ".",
                                cites=cites.cite([f for _, e in others for f in _stage_facts(e)])))
    # each event under its entity's display name, never the spelling its sentence happened to use
    dated = [(e.name, f) for e in rows for f in e.values("regulatory") if f.object.date]
    if dated:
        dated.sort(key=lambda nf: (nf[1].object.date, nf[0]), reverse=True)
        newest = []
        for shown_name, f in dated:
            label = f"{f.object.date} {shown_name}: {f.object.without('date').text()}"
            if label not in [n for n, _ in newest]:
                newest.append((label, f))
            if len(newest) == 3:
                break
        newest.sort(key=lambda nf: (nf[1].object.date, nf[0]))  # told in date order
        out.append(Sentence(text="Newest regulatory events, in date order: " + "; ".join(n for n, _ in newest) + ".",
                            cites=cites.cite([f for _, f in newest])))
    efficacy = [(e, f) for e in rows for f in e.values("efficacy") if f.object.unit == "%"]
    if efficacy:
        counts: dict[str, int] = defaultdict(int)
        for _, f in efficacy:
            counts[name_key(f.object.endpoint)] += 1
        endpoint = sorted(counts, key=lambda k: (-counts[k], k))[0]
        same = [(e, f) for e, f in efficacy if name_key(f.object.endpoint) == endpoint]
        # overall populations before subgroups: a subgroup's 98.9% is not the asset's result
        overall = [(e, f) for e, f in same if not is_subgroup(f)]
        best_e, best_f = max(overall or same, key=lambda ef: (ef[1].object.value, ef[0].name))
        pop = best_f.object.population
        across = len({name_key(e.name) for e, _ in same}) > 1
        text = (f"Best reported {best_f.object.endpoint}"
                + (" across different trials (not head to head)" if across else "")
                + f": {best_f.object.without('population').text()}"
                f" for {best_e.name}"
                + (f", in {pop}" if pop else
                   ", overall population (size not stated)" if overall and len(overall) < len(same)
                   else ", population size not stated") + ".")
        out.append(Sentence(text=text, cites=cites.cite([best_f])))
    if landscape.rows == "organizations":
        # only what the brief's own sources state: a country another document gives is not this brief's finding
        in_scope_docs = set(landscape.scope.documents)
        by_country: dict[str, list[Fact]] = defaultdict(list)
        orgs_in: dict[str, set[str]] = defaultdict(set)  # an organization named two ways counts once
        stated: set[str] = set()
        for e in rows:
            for f in e.values("country"):
                if isinstance(f.object, str) and (not in_scope_docs or f.evidence.doc in in_scope_docs):
                    by_country[f.object].append(f)
                    orgs_in[f.object].add(e.key)
                    stated.add(e.key)
        unstated = len([e for e in rows if e.key not in stated])
        if rows:
            parts = [f"{c} {len(orgs_in[c])}" for c, fs in sorted(by_country.items())]
            text = ("By country, where the sources state it: " + ", ".join(parts) + "; " if parts else "")
            text += (f"{unstated} of {len(rows)} organizations have no stated country." if unstated
                     else "every organization's country is stated.")
            out.append(Sentence(text=_cap(text), cites=cites.cite([f for fs in by_country.values() for f in fs])))
    if landscape.rows == "assets" and rows:
        out.extend(_outlook(rows, cites))
    return out


# efficacy stated for part of a trial's patients (data over code would put these in a lexicon; they are few)
SUBGROUP_CUES = ("subgroup", "subset", "sub-group", "subpopulation", "post hoc", "post-hoc", "high-risk",
                 "without prior", "with prior", "cohort of patients with")


def is_subgroup(fact: Fact) -> bool:
    """Whether an efficacy figure is for a subgroup: its population or its sentence says so."""
    population = fact.object.population if isinstance(fact.object, Efficacy) else None
    text = f"{population or ''} {fact.evidence.quote}".casefold()
    overall = "overall population" in text or "all patients" in text
    return not overall and any(cue in text for cue in SUBGROUP_CUES)


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _outlook(rows: list[Entity], cites: _Citations) -> list[Sentence]:
    """What the landscape means: who leads, who follows, which target x indication pairs are empty."""
    staged = []
    for e in rows:
        per = [(STAGE_RANK[st], ind, facts) for ind, st, facts in indication_stages(e) if st]
        if per:
            staged.append((max(per, key=lambda p: p[0]), e))
    out = []
    if staged:
        top = max(p[0] for p, _ in staged)
        leaders = sorted((e for p, e in staged if p[0] == top), key=lambda e: e.name.casefold())
        followers = sorted(((p, e) for p, e in staged if p[0] < top), key=lambda pe: (-pe[0][0], pe[1].name.casefold()))
        stage_name = STAGES
        lead_facts = [f for p, e in staged if p[0] == top for f in p[2]]
        text = (f"In short: {', '.join(e.name for e in leaders)} lead{'s' if len(leaders) == 1 else ''} "
                f"({stage_name[top]}")
        lead_ind = sorted({p[1] for p, e in staged if p[0] == top and p[1] != INDICATION_NOT_STATED})
        text += f" in {', '.join(lead_ind)})" if lead_ind else ")"
        if followers:
            text += "; " + ", ".join(f"{e.name} ({stage_name[p[0]]})" for p, e in followers[:4])
            text += " follow" + ("s" if len(followers) == 1 else "")
        out.append(Sentence(text=text + ".", cites=cites.cite(lead_facts)))
    targets = sorted({f.object for e in rows for f in chart_targets(e)}, key=str.casefold)
    indications = sorted({f.object for e in rows for f in e.values("indication") if isinstance(f.object, str)},
                         key=str.casefold)
    filled = {(name_key(f.object), name_key(ind)) for e in rows for f in chart_targets(e)
              for ind, st, _ in indication_stages(e) if st}
    empty = [f"{t} × {i}" for t in targets for i in indications if (name_key(t), name_key(i)) not in filled]
    if targets and indications and empty:
        shown = empty[:5]
        out.append(Sentence(text="No asset in scope has a reported stage for " + "; ".join(shown)
                            + (f" and {len(empty) - 5} more target × indication pairs" if len(empty) > 5 else "")
                            + ".", cites=()))
    return out


# --- charts ------------------------------------------------------------------

def _population_size(population: str | None) -> int | None:
    import re

    m = re.search(r"\b(\d{1,5})\b", population or "")
    return int(m.group(1)) if m else None


INDICATION_NOT_STATED = "indication not stated"
# the effector arm of a T-cell engager: what it binds on the T cell, not what it targets
EFFECTOR_ARMS = ("CD3", "CD3e", "CD3ε", "CD3 epsilon")


def _stated_indication(fact: Fact) -> str | None:
    """The indication a stage or regulatory fact names itself, if any."""
    return fact.object.indication if isinstance(fact.object, (Regulatory, Phase)) else None


def _fact_indication(fact: Fact, indications: list[str], doc_indications: dict[str, set[str]]) -> str:
    """The indication a stage fact is about, or INDICATION_NOT_STATED.

    In order: the indication the fact carries; the asset's only indication;
    the only one of its indications the quoted sentence names; the only one its
    document names for it. Otherwise the stage is the asset's, not any one
    disease's: spreading it over every indication is what made an approval in
    one disease show in four it is only in early trials for.
    """
    stated = _stated_indication(fact)
    if stated:
        key = name_key(stated)
        for i in indications:
            if name_key(i) == key:
                return i
        for i in indications:  # "relapsed multiple myeloma" is about "multiple myeloma"
            if name_key(i) in key or key in name_key(i):
                return i
        return str(stated)
    if len(indications) == 1:
        return indications[0]
    quote = fact.evidence.quote.casefold()
    named = [i for i in indications if i.casefold() in quote]
    if len(named) == 1:
        return named[0]
    in_doc = doc_indications.get(fact.evidence.doc, set())
    if len(in_doc) == 1:
        return next(iter(in_doc))
    return INDICATION_NOT_STATED


def indication_stages(entity: Entity) -> list[tuple[str, str | None, list[Fact]]]:
    """Per indication: the furthest stage reported for it and the facts that state it.

    An indication with no stage stated for it is listed with None; stages no
    indication can be attached to are listed under INDICATION_NOT_STATED.
    """
    indications = []
    for f in entity.values("indication"):
        if isinstance(f.object, str) and f.object not in indications:
            indications.append(f.object)
    doc_indications: dict[str, set[str]] = defaultdict(set)
    for f in entity.values("indication"):
        if isinstance(f.object, str):
            doc_indications[f.evidence.doc].add(f.object)
    best: dict[str, tuple[int, list[Fact]]] = {}
    for f in [*entity.values("phase"), *entity.values("regulatory")]:
        if f.stage is None:
            continue
        r = STAGE_RANK[f.stage]
        ind = _fact_indication(f, indications, doc_indications)
        if ind not in best or r > best[ind][0]:
            best[ind] = (r, [f])
        elif r == best[ind][0]:
            best[ind][1].append(f)
    out = []
    for ind in [*indications, *sorted(k for k in best if k not in indications)]:
        if ind in best:
            out.append((ind, STAGES[best[ind][0]], best[ind][1]))
        else:
            out.append((ind, None, []))
    return out


def chart_targets(entity: Entity) -> list[Fact]:
    """Target facts for the matrix: the CD3 arm of a T-cell engager is not a target."""
    targets = [f for f in entity.values("target") if isinstance(f.object, str)]
    arms = {name_key(a) for a in EFFECTOR_ARMS}
    others = [f for f in targets if name_key(f.object) not in arms]
    return others if others else targets


def _guideline_facts(scope: Scope, rows: list[Entity], knowledge: Knowledge) -> list[Fact]:
    """The guidelines the rows' own sources cite (or the scoped documents'), oldest first."""
    row_docs = set().union(*(knowledge.documents_of(e) for e in rows)) if rows else set()
    docs = set(scope.documents) if scope.documents else row_docs
    gfacts = [f for e in knowledge.entities for f in e.values("guideline") if f.evidence.doc in docs]
    gfacts.sort(key=lambda f: (f.object.date or "", f.evidence.start))
    return gfacts


def _organization_charts(rows: list[Entity], knowledge: Knowledge, scope: Scope, cites: _Citations) -> list:
    """An organization brief's charts: its organizations by country and by focus (what the sources
    state, with the count no source places), their assets by stage, and a timeline of their
    regulatory events and of the guidelines their sources cite."""
    from reportgen import charts

    out = []
    in_scope_docs = set(scope.documents)
    for predicate, label, unstated_label in (("country", "Country", "country not stated"),
                                              ("focus", "Focus", "focus not stated")):
        items, unstated = [], []
        for org in rows:
            # only what the sources state: an organization no sentence places is counted apart, never guessed
            facts = [f for f in org.values(predicate) if isinstance(f.object, str)
                     and (not in_scope_docs or f.evidence.doc in in_scope_docs)]
            if not facts:
                unstated.append(org.name)
            by_value: dict[str, list[Fact]] = defaultdict(list)
            for f in facts:
                by_value[name_key(f.object)].append(f)
            for group in by_value.values():
                items.append(charts.CountItem(category=sorted(str(f.object) for f in group)[0], member=org.name,
                                              cites=cites.cite(group)))
        if items:
            chart = charts.count_chart(items, chart_id=f"chart-orgs-{predicate}", category=label,
                                       title=f"Organizations by {predicate}, as the sources state it",
                                       unstated=unstated, unstated_label=unstated_label)
            if chart is not None:
                out.append(chart)
    assets = {a.key: a for org in rows for a in _assets_of(org, knowledge)}
    guidelines = [f for f in _guideline_facts(scope, rows, knowledge) if f.object.date]
    return out + _charts(sorted(assets.values(), key=lambda a: a.name.casefold()), cites, guidelines, knowledge)


def _charts(rows: list[Entity], cites: _Citations, guidelines: list[Fact] = (), knowledge: Knowledge | None = None) -> list:
    """The charts, from the same facts as the table; each number cited."""
    from reportgen import charts

    out = []
    bars, events, efficacy, matrix = [], [], [], []
    for f in guidelines:  # a guideline is an event of its issuer's, on the same timeline
        issuer = knowledge.find(f.subject) if knowledge is not None else None
        events.append(charts.TimelineEvent(asset=issuer.name if issuer else f.subject, date=f.object.date,
                                           label=f"guideline ({f.object.status or 'issued'})",
                                           kind="guideline", cites=cites.cite([f])))
    for e in rows:
        modality = next(iter(_strings(e, "modality")), None)
        per_indication = indication_stages(e)
        ind_facts = {f.object: f for f in e.values("indication") if isinstance(f.object, str)}
        for ind, stage, facts in per_indication:
            if stage is None and ind == INDICATION_NOT_STATED:
                continue
            source = facts if facts else [ind_facts[ind]] if ind in ind_facts else []
            bars.append(charts.PipelineBar(asset=e.name, indication=ind, stage=stage, group=modality,
                                           cites=cites.cite(source)))
        for f in e.values("regulatory"):
            reg = f.object
            if reg.date:
                label = (f"{reg.authority} {reg.action}" if reg.action != "designation"
                         else " ".join(p for p in (reg.authority, reg.detail) if p))
                events.append(charts.TimelineEvent(asset=e.name, date=reg.date, label=label,
                                                   kind=reg.action, cites=cites.cite([f])))
        endpoint_counts: dict[str, int] = defaultdict(int)
        for f in e.values("efficacy"):
            endpoint_counts[endpoint_key(f.object.endpoint)] += 1
        for f in e.values("efficacy"):
            eff = f.object
            several = endpoint_counts[endpoint_key(eff.endpoint)] > 1
            label = f"{e.name} ({eff.population})" if several and eff.population else e.name
            efficacy.append(charts.EfficacyPoint(
                asset=label, endpoint=eff.endpoint, value=float(eff.value), unit=eff.unit,
                n=_population_size(eff.population), population=eff.population, cites=cites.cite([f])))
        for t in chart_targets(e):
            for ind, stage, facts in per_indication:
                if ind == INDICATION_NOT_STATED:
                    continue
                source = [t, *facts] if facts else [t, *([ind_facts[ind]] if ind in ind_facts else [])]
                matrix.append(charts.MatrixCell(target=t.object, indication=ind, asset=e.name, stage=stage,
                                                cites=cites.cite(source)))
    for chart in (charts.pipeline_chart(bars), charts.timeline_chart(events)):
        if chart is not None:
            out.append(chart)
    out.extend(charts.efficacy_charts(efficacy))
    matrix_chart = charts.matrix_chart(matrix)
    if matrix_chart is not None:
        out.append(matrix_chart)
    return out


# --- the brief ---------------------------------------------------------------

def select_entities(landscape: Landscape, knowledge: Knowledge) -> tuple[list[Entity], list[Entity]]:
    """The brief's rows and its comparators, in display order (furthest along first)."""
    kind = "asset" if landscape.rows == "assets" else "organization"
    scope = landscape.scope
    candidates = knowledge.of_kind(kind)
    rows = [e for e in candidates if _has_scope(scope) and in_scope(e, scope, knowledge)]
    comparators = []
    if scope.comparators is not None:
        row_keys = {e.key for e in rows}
        comparators = [e for e in candidates if e.key not in row_keys and in_scope(e, scope.comparators, knowledge)]
    rows = [scoped_view(e, scope) for e in rows]
    rows.sort(key=lambda e: (-STAGE_RANK.get(highest_stage(e) or "", -1), e.name.casefold()))
    comparators.sort(key=lambda e: e.name.casefold())
    return rows, comparators


_INDICATION_BOUND = ("efficacy", "safety", "phase", "regulatory", "trial")


def scoped_view(entity: Entity, scope: Scope) -> Entity:
    """An asset as a brief scoped to some indications should show it.

    Data, stages and regulatory events are kept when they name an in-scope
    indication, or name none and come from a document whose indications for
    this asset are all in scope: a myeloma response rate has no place in an
    autoimmunity brief.
    """
    if not scope.indications or entity.kind != "asset":
        return entity
    doc_indications: dict[str, list[str]] = defaultdict(list)
    for f in entity.values("indication"):
        if isinstance(f.object, str):
            doc_indications[f.evidence.doc].append(f.object)

    def keep(f: Fact) -> bool:
        if f.predicate not in _INDICATION_BOUND:
            return True
        stated = _stated_indication(f)
        if stated:
            return indication_match(stated, scope.indications) is not None
        inds = doc_indications.get(f.evidence.doc, [])
        return bool(inds) and all(indication_match(i, scope.indications) is not None for i in inds)

    return entity.model_copy(update={"facts": tuple(f for f in entity.facts if keep(f))})


def brief_facts(entities: Iterable[Entity]) -> list[Fact]:
    """The facts a brief shows, each under its entity's display name."""
    return [f.model_copy(update={"subject": e.name}) for e in entities for f in e.facts]


def resolve_as_of(landscape: Landscape, entities: Iterable[Entity], docs: dict[str, Document]) -> str:
    if landscape.as_of:
        return landscape.as_of.isoformat()
    cited = {f.evidence.doc for e in entities for f in e.facts}
    # only the documents the brief rests on: an unrelated new source must not date it
    newest = _newest_date([docs[d] for d in cited if d in docs])
    return newest.isoformat() if newest else "undated"


def build_brief(landscape: Landscape, knowledge: Knowledge, docs: dict[str, Document],
                skipped: Iterable[SkippedSource] = (), notes_html: list[str] | None = None,
                changes=None, selection: tuple[list[Entity], list[Entity]] | None = None,
                is_pending=None, hidden_pending: int = 0) -> Brief:
    scope = landscape.scope
    rows, comparators = selection or select_entities(landscape, knowledge)
    cites = _Citations(docs)
    cites.is_pending = is_pending
    summary = _summary(landscape, rows, knowledge, cites) if "summary" in landscape.sections else []
    change_views: list[ChangeView] = []
    if changes is not None and "changes" in landscape.sections:
        labels = {"new row": "new " + ("asset" if landscape.rows == "assets" else "organization"),
                  "changed": "changed", "new": "new", "removed": "no longer supported"}
        for c in changes.changes:
            old = [(f.evidence, f.source == "curated") for f in c.old_facts
                   if f.evidence.doc in docs and f.evidence.holds_in(docs[f.evidence.doc].text)]
            old_doc = docs[c.old_doc].display_title if c.old_doc in docs else c.old_doc
            # a new row's line states several things: each cites its own sentence
            numbers = (cites.cite_evidence([(f.evidence, f.source == "curated") for f in c.facts])
                       if c.kind == "new row" else cites.cite(c.facts))
            change_views.append(ChangeView(kind=c.kind, subject=c.subject, text=c.text, cites=numbers,
                                           old_quote=c.old_quote, old_doc=old_doc,
                                           old_cites=cites.cite_evidence(old[:1]) if old else (),
                                           label=labels.get(c.kind, c.kind), pending=c.pending))
    notes = []
    for note, html in zip(landscape.notes, notes_html or []):
        evidence = []
        for c in note.cite:
            doc = docs[c.doc]
            span = find_quote(doc.text, c.quote)
            if span:
                evidence.append((Evidence.from_span(doc.id, doc.text, *span, via=landscape.id), True))
        notes.append(NoteView(html=html, cites=cites.cite_evidence(evidence)))
    columns = [Column(key=c.key, label=c.label or c.key) for c in landscape.column_defs]
    chart_list = [] if "charts" not in landscape.sections else (
        _charts(rows, cites) if landscape.rows == "assets" else _organization_charts(rows, knowledge, scope, cites))

    def row(entity: Entity) -> Row:
        cells = []
        for c in columns:
            values = _cell(entity, c.key, cites, knowledge, scope)
            sort_key = None
            if c.key == "stage":
                sort_key = f"{STAGE_RANK.get(highest_stage(entity) or '', -1) + 1:02d}"
            cells.append(Cell(column=c.key, values=values, sort_key=sort_key))
        return Row(anchor=anchor(entity.name), name=entity.name, cells=tuple(cells))

    table = [row(e) for e in rows]
    comparator_rows = [row(e) for e in comparators]
    # a column no source reports for any row is left out and said once
    empty_keys = [c.key for i, c in enumerate(columns)
                  if i > 0 and (table or comparator_rows) and all(r.cells[i].empty for r in [*table, *comparator_rows])]
    omitted = tuple(c.label for c in columns if c.key in empty_keys)
    if empty_keys:
        keep = [i for i, c in enumerate(columns) if c.key not in empty_keys]
        columns = [columns[i] for i in keep]
        table = [r.model_copy(update={"cells": tuple(r.cells[i] for i in keep)}) for r in table]
        comparator_rows = [r.model_copy(update={"cells": tuple(r.cells[i] for i in keep)}) for r in comparator_rows]
    table_keys = [c.key for c in columns] if "table" in landscape.sections else []
    profiles = ([_profile(e, cites, knowledge, table_keys).model_copy(update={"matched": tuple(
                    scope_reasons(e, scope if i < len(rows) else (scope.comparators or scope), knowledge) or ())})
                 for i, e in enumerate([*rows, *comparators])]
                if "profiles" in landscape.sections else [])
    guidelines: list[Value] = []
    if "guidelines" in landscape.sections:
        gfacts = _guideline_facts(scope, rows, knowledge)
        guidelines = list(_group_values(gfacts, cites, text_of=lambda f: f"{_display_org(f.subject, knowledge)}: {object_text(f.object)}"))

    # after the table, profiles and guidelines, so the figures reuse the numbers those gave
    measures = ([*_measures(rows, "in scope", cites), *_measures(comparators, "comparator", cites)]
                if landscape.rows == "assets" else [])
    present = {
        "summary": bool(summary), "changes": changes is not None, "notes": bool(notes), "charts": bool(chart_list),
        "table": True, "comparators": bool(comparator_rows), "guidelines": bool(guidelines),
        "profiles": bool(profiles), "references": bool(cites.refs),
    }
    labels = {"summary": "Summary", "changes": "What changed", "notes": "Analyst notes", "charts": "Charts",
              "table": "Comparison", "comparators": "Comparators", "guidelines": "Regulatory guidelines",
              "profiles": "Profiles", "references": "Sources"}
    ids = {"table": "comparison"}
    toc = [TocItem(id=ids.get(s_, s_), label=labels[s_]) for s_ in SECTION_ORDER
           if s_ in landscape.sections and present.get(s_)]
    pending_count = (hidden_pending if landscape.review == "required"
                     else _count_pending(table, comparator_rows, profiles) + sum(g.pending for g in guidelines))
    summary = [*summary, *_review_sentence(landscape.review, pending_count, "summary" in landscape.sections)]
    return Brief(
        review_mode=landscape.review, pending_count=pending_count,
        review_note=_review_note(landscape.review, pending_count),
        toc=tuple(toc), charts=tuple(chart_list),
        id=landscape.id, title=landscape.title, subtitle=landscape.subtitle,
        as_of=resolve_as_of(landscape, [*rows, *comparators], docs),
        source_count=len({r.doc for r in cites.refs}), rows_kind=landscape.rows, sections=tuple(landscape.sections),
        columns=tuple(columns), rows=tuple(table), comparators=tuple(comparator_rows),
        summary=tuple(summary), notes=tuple(notes), profiles=tuple(profiles), guidelines=tuple(guidelines),
        references=tuple(cites.refs), skipped=tuple(skipped),
        changes_since=changes.since if changes is not None else None, changes=tuple(change_views),
        changes_same_date=bool(changes is not None and getattr(changes, "same_date", False)),
        measures=tuple(measures), omitted_columns=omitted,
        wide_table=len(columns) > 6 and len(table) + len(comparator_rows) > 3,
        # eleven columns do not fit a portrait page, and two rows should not get a landscape page of their own
        transposed_print=len(columns) > 6 and len(table) + len(comparator_rows) <= 3,
    )


def _count_pending(table: list[Row], comparators: list[Row], profiles: list[Profile]) -> int:
    """Distinct values (per row) shown but not yet reviewed, in the table and profiles."""
    seen = {(r.anchor, c.column, v.text) for r in [*table, *comparators] for c in r.cells for v in c.values if v.pending}
    shown = {(a, t) for a, _, t in seen}
    for p in profiles:
        for g in p.groups:
            for v in g.values:
                if v.pending and (p.anchor, v.text) not in shown:
                    shown.add((p.anchor, v.text))
                    seen.add((p.anchor, g.label, v.text))
    return len(seen)


def _review_sentence(mode: str, count: int, wanted: bool) -> list[Sentence]:
    if not wanted or mode == "off" or not count:
        return []
    plural = "value" if count == 1 else "values"
    if mode == "marked":
        return [Sentence(text=f"{count} {plural} not yet reviewed (marked ◦).", cites=())]
    return [Sentence(text=f"{count} extracted {plural} not yet reviewed, not shown.", cites=())]


def _review_note(mode: str, count: int) -> str | None:
    if mode == "required":
        return ("Review mode: required. Only values an analyst accepted or added are shown"
                + (f"; {count} not yet reviewed are left out." if count else "."))
    if mode == "marked":
        return ("Review mode: marked. Values no analyst has reviewed yet are marked ◦"
                + (f" ({count} in this brief)." if count else "; none in this brief."))
    return None


def _measures(entities: list[Entity], role: str, cites: _Citations) -> list[Measure]:
    """Each distinct efficacy or safety reading of each asset once, its sources merged."""
    out = []
    for e in entities:
        groups: dict[tuple, list[Fact]] = {}
        for f in [*e.values("efficacy"), *e.values("safety")]:
            obj = f.object
            label = obj.endpoint if isinstance(obj, Efficacy) else obj.event
            grade = str(obj.grade) if isinstance(obj, Safety) and obj.grade else None
            population = obj.population if isinstance(obj, Efficacy) else None
            key = (f.predicate, name_key(label), grade or "", obj.value, obj.unit, name_key(population or ""))
            groups.setdefault(key, []).append(f)
        for key, facts in groups.items():
            obj = facts[0].object
            out.append(Measure(
                asset=e.name, role=role, kind=facts[0].predicate,
                endpoint=obj.endpoint if isinstance(obj, Efficacy) else obj.event,
                grade=str(obj.grade) if isinstance(obj, Safety) and obj.grade else None, value=obj.value,
                unit=obj.unit or None,
                population=obj.population if isinstance(obj, Efficacy) and obj.population else None,
                cites=cites.cite(facts)))
    return out


def _newest_date(docs: list[Document]) -> dt.date | None:
    dates = [d.date for d in docs if d.date]
    return max(dates) if dates else None


# --- source pages ------------------------------------------------------------

class BackLink(_Model):
    brief_id: str
    brief_title: str
    number: int


class Segment(_Model):
    text: str
    marked: bool
    anchors: tuple[str, ...]        # span ids that start here
    backlinks: tuple[BackLink, ...]  # citations whose span ends here


class SourcePage(_Model):
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
