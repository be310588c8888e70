"""The brief: `build_brief` puts the view model together from the parts in this package.

Data moves one way: `model` (the typed view model) <- `citations` <- `stages`
<- `select` <- `cells` <- `profiles`, `chart_inputs`, `summary`, `measures`
<- here; `source_pages` builds the cited documents' pages from `model`.
Every value shown carries citation numbers, given in reading order (summary,
table, profiles, ...), each pointing to a `Reference` holding the quoted sentence.
"""

from __future__ import annotations

import datetime as dt
from typing import Iterable

from reportgen.brief.cells import cell_values, display_org, group_values
from reportgen.brief.chart_inputs import EFFECTOR_ARMS, asset_charts, organization_charts, chart_targets
from reportgen.brief.citations import MAX_CITES, Citations
from reportgen.brief.measures import brief_measures
from reportgen.brief.model import (NOT_REPORTED, SECTION_ORDER, Brief, Cell, ChangeView, Column, Measure, NoteView,
                                   Profile, ProfileGroup, Reference, Row, Sentence, SourceGroup, TocItem, Value, anchor,
                                   source_page_name)
from reportgen.brief.profiles import PROFILE_GROUPS, build_profile
from reportgen.brief.select import (guideline_facts, brief_facts, in_scope, scope_reasons, scoped_view,
                                    select_entities)
from reportgen.brief.source_pages import BackLink, Segment, SourcePage, build_source_pages_from_spans
from reportgen.brief.stages import INDICATION_NOT_STATED, highest_stage, indication_stages
from reportgen.brief.summary import SUBGROUP_CUES, count_pending, review_note, review_sentence, summary_lines, is_subgroup
from reportgen.facts import Evidence, object_text
from reportgen.knowledge import Entity, Knowledge
from reportgen.landscape import Landscape, find_quote
from reportgen.sources import Document, SkippedSource
from reportgen.vocab import STAGE_RANK

__all__ = [
    "BackLink", "Brief", "Cell", "ChangeView", "Column", "EFFECTOR_ARMS", "INDICATION_NOT_STATED", "MAX_CITES",
    "Measure", "NOT_REPORTED", "NoteView", "PROFILE_GROUPS", "Profile", "ProfileGroup", "Reference", "Row",
    "SECTION_ORDER", "SUBGROUP_CUES", "Segment", "Sentence", "SourceGroup", "SourcePage", "TocItem", "Value",
    "anchor", "brief_facts", "build_brief", "build_source_pages_from_spans", "chart_targets", "highest_stage",
    "in_scope", "indication_stages", "is_subgroup", "resolve_as_of", "scope_reasons", "scoped_view",
    "select_entities", "source_page_name",
]


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
    cites = Citations(docs)
    cites.is_pending = is_pending
    summary = summary_lines(landscape, rows, knowledge, cites) if "summary" in landscape.sections else []
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
        asset_charts(rows, cites) if landscape.rows == "assets" else organization_charts(rows, knowledge, scope, cites))

    def row(entity: Entity) -> Row:
        cells = []
        for c in columns:
            values = cell_values(entity, c.key, cites, knowledge, scope)
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
    profiles = ([build_profile(e, cites, knowledge, table_keys).model_copy(update={"matched": tuple(
                    scope_reasons(e, scope if i < len(rows) else (scope.comparators or scope), knowledge) or ())})
                 for i, e in enumerate([*rows, *comparators])]
                if "profiles" in landscape.sections else [])
    guidelines: list[Value] = []
    if "guidelines" in landscape.sections:
        gfacts = guideline_facts(scope, rows, knowledge)
        guidelines = list(group_values(gfacts, cites, text_of=lambda f: f"{display_org(f.subject, knowledge)}: {object_text(f.object)}"))

    # after the table, profiles and guidelines, so the figures reuse the numbers those gave
    measures = ([*brief_measures(rows, "in scope", cites), *brief_measures(comparators, "comparator", cites)]
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
                     else count_pending(table, comparator_rows, profiles) + sum(g.pending for g in guidelines))
    summary = [*summary, *review_sentence(landscape.review, pending_count, "summary" in landscape.sections)]
    return Brief(
        review_mode=landscape.review, pending_count=pending_count,
        review_note=review_note(landscape.review, pending_count),
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


def _newest_date(docs: list[Document]) -> dt.date | None:
    dates = [d.date for d in docs if d.date]
    return max(dates) if dates else None
