"""Cell values: an entity's facts for one column, grouped into cited values."""

from __future__ import annotations

from collections import defaultdict

from reportgen.brief.citations import Citations
from reportgen.brief.model import Value
from reportgen.brief.stages import stage_facts
from reportgen.facts import Efficacy, Fact, Regulatory, Safety, object_text
from reportgen.knowledge import Entity, Knowledge
from reportgen.landscape import Scope
from reportgen.naming import name_key
from reportgen.scope import indication_match


def group_values(facts: list[Fact], cites: Citations, text_of=None, conflict_key=None) -> tuple[Value, ...]:
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


def regulatory_values(facts: list[Fact], cites: Citations) -> tuple[Value, ...]:
    return tuple(Value(text=object_text(head.object), cites=cites.cite(group),
                       curated=all(f.source == "curated" for f in group), pending=cites.pending(group))
                 for head, group in _merge_less_specific(facts))


def fact_endpoint_key(fact: Fact):
    obj = fact.object
    if isinstance(obj, Efficacy):
        return name_key(obj.endpoint) + "|" + name_key(obj.population or "")
    if isinstance(obj, Safety):
        return name_key(obj.event) + "|" + ("" if obj.grade is None else str(obj.grade))
    return None


def cell_values(entity: Entity, key: str, cites: Citations, knowledge: Knowledge, scope: Scope) -> tuple[Value, ...]:
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
        facts = stage_facts(entity)
        return group_values(facts, cites, text_of=lambda f: f.stage)
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
        return group_values(facts, cites, text_of=lambda f: display_org(f.object, knowledge))
    if key == "regulatory":
        return regulatory_values(facts, cites)
    conflict_key = fact_endpoint_key if key in ("efficacy", "safety") else None
    if key in ("target", "modality"):
        conflict_key = lambda f: key  # noqa: E731 - one target or modality expected
    return group_values(facts, cites, conflict_key=conflict_key)


def display_org(name: str, knowledge: Knowledge) -> str:
    entity = knowledge.find(name)
    return entity.name if entity else name
