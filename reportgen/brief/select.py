"""Scope selection: which entities are a brief's rows and comparators, and what of each it shows."""

from __future__ import annotations

from collections import defaultdict
from typing import Iterable

from reportgen.brief.stages import stated_indication, highest_stage
from reportgen.facts import Fact
from reportgen.knowledge import Entity, Knowledge
from reportgen.landscape import Landscape, Scope
from reportgen.naming import name_key
from reportgen.scope import indication_match, matches_indications, modality_forms
from reportgen.vocab import STAGE_RANK


def _matches_any(values: Iterable[str], wanted: list[str], substring: bool = False) -> bool:
    keys = [name_key(v) for v in values]
    for w in wanted:
        wk = name_key(w)
        for k in keys:
            if k == wk or (substring and (wk in k or k in wk)):
                return True
    return False


def string_values(entity: Entity, predicate: str) -> list[str]:
    return [f.object for f in entity.values(predicate) if isinstance(f.object, str)]


def in_scope(entity: Entity, scope: Scope, knowledge: Knowledge) -> bool:
    return scope_reasons(entity, scope, knowledge) is not None


def org_assets(org: Entity, knowledge: Knowledge) -> list[Entity]:
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
    assets = org_assets(entity, knowledge) if entity.kind == "organization" else [entity]
    if scope.targets:
        hits = [a.name for a in assets if _matches_any(string_values(a, "target"), scope.targets)]
        if not hits:
            return None
        if entity.kind == "organization":
            reasons.append("develops " + ", ".join(hits))
    if scope.modalities:
        hits = [f"{a.name}: {m}" for a in assets for m in string_values(a, "modality") if _matches_any([m], scope.modalities)]
        if entity.kind == "organization":
            hits += _modality_in_focus(entity, scope.modalities)
        if not hits:
            return None
        if entity.kind == "organization":
            reasons.extend(hits)
    if scope.indications:
        hits = [why for a in assets for why in matches_indications(string_values(a, "indication"), scope.indications)]
        if entity.kind == "organization":
            hits += matches_indications(string_values(entity, "focus"), scope.indications)
        if not hits:
            return None
        reasons.extend(dict.fromkeys(hits))
    if scope.countries:
        orgs = [entity] if entity.kind == "organization" else [
            o for o in (knowledge.find(d) for d in string_values(entity, "developer")) if o is not None]
        countries = string_values(entity, "country") + [c for o in orgs if o is not entity for c in string_values(o, "country")]
        if countries:
            if not _matches_any(countries, scope.countries):
                return None
        elif scope.countries_unstated != "include":
            return None
        else:
            reasons.append("country not stated")
    return list(dict.fromkeys(reasons))  # one line per reason: two sources stating "ADC" are one reason


def _has_scope(scope: Scope) -> bool:
    return any(v for k, v in scope.model_dump().items() if k not in ("exclude", "comparators", "countries_unstated"))


def guideline_facts(scope: Scope, rows: list[Entity], knowledge: Knowledge) -> list[Fact]:
    """The guidelines the rows' own sources cite (or the scoped documents'), oldest first."""
    row_docs = set().union(*(knowledge.documents_of(e) for e in rows)) if rows else set()
    docs = set(scope.documents) if scope.documents else row_docs
    gfacts = [f for e in knowledge.entities for f in e.values("guideline") if f.evidence.doc in docs]
    gfacts.sort(key=lambda f: (f.object.date or "", f.evidence.start))
    return gfacts


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

    Indications are kept when in scope. Data, stages and regulatory events are kept when they name an in-scope
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
        if f.predicate == "indication":  # a myeloma indication is no row of an autoimmunity matrix
            return isinstance(f.object, str) and indication_match(f.object, scope.indications) is not None
        if f.predicate not in _INDICATION_BOUND:
            return True
        stated = stated_indication(f)
        if stated:
            return indication_match(stated, scope.indications) is not None
        inds = doc_indications.get(f.evidence.doc, [])
        return bool(inds) and all(indication_match(i, scope.indications) is not None for i in inds)

    return entity.model_copy(update={"facts": tuple(f for f in entity.facts if keep(f))})


def brief_facts(entities: Iterable[Entity]) -> list[Fact]:
    """The facts a brief shows, each under its entity's display name."""
    return [f.model_copy(update={"subject": e.name}) for e in entities for f in e.facts]


