"""The fact store: entities merged across documents, extracted and curated facts together.

Names join entities: two subjects that any `name` fact links (in any document)
are one entity. Curated aliases join them too.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Iterable

from pydantic import BaseModel, ConfigDict

from reportgen.facts import Evidence, Fact, plain, sort_facts
from reportgen.landscape import CuratedEntity, find_quote
from reportgen.naming import LEGAL_SUFFIX_RE, UnionFind, name_key
from reportgen.sources import Document
from reportgen.vocab import ASSET_PREDICATES, ORG_PREDICATES





class Entity(BaseModel):
    """An asset or organization with every fact about it."""

    model_config = ConfigDict(frozen=True)

    key: str
    name: str
    kind: str  # "asset" or "organization"
    names: tuple[str, ...]
    facts: tuple[Fact, ...]

    def values(self, predicate: str) -> list[Fact]:
        return [f for f in self.facts if f.predicate == predicate]

    @property
    def documents(self) -> set[str]:
        return {f.evidence.doc for f in self.facts}


class Knowledge:
    """Every entity, found by any of its names."""

    def __init__(self, entities: list[Entity]):
        self.entities = sorted(entities, key=lambda e: (e.kind, e.name.casefold(), e.key))
        self._developer_docs: dict[str, set[str]] | None = None
        self._by_name = {}
        for entity in self.entities:
            for name in entity.names:
                self._by_name.setdefault(name_key(name), entity)

    def find(self, name: str) -> Entity | None:
        return self._by_name.get(name_key(name))

    def documents_of(self, entity: Entity) -> set[str]:
        """Documents with a fact about the entity, or naming it as a developer."""
        docs = set(entity.documents)
        if entity.kind == "organization":
            if self._developer_docs is None:
                self._developer_docs = defaultdict(set)
                for other in self.entities:
                    for f in other.values("developer"):
                        self._developer_docs[name_key(f.object)].add(f.evidence.doc)
            for n in entity.names:
                docs |= self._developer_docs.get(name_key(n), set())
        return docs

    def of_kind(self, kind: str) -> list[Entity]:
        return [e for e in self.entities if e.kind == kind]

    @property
    def facts(self) -> list[Fact]:
        return sort_facts(f for e in self.entities for f in e.facts)


def curated_facts(entities: Iterable[CuratedEntity], docs: dict[str, Document], via: str) -> list[Fact]:
    """The analyst's added facts, with evidence located in the cited document."""
    out = []
    for entity in entities:
        for item in entity.facts:
            doc = docs[item.cite.doc]
            span = find_quote(doc.text, item.cite.quote)
            if span is None:  # validated at load time; keep the store honest anyway
                continue
            evidence = Evidence.from_span(doc.id, doc.text, *span, via=via)
            out.append(Fact(subject=entity.name, predicate=item.predicate, object=item.object,
                            evidence=evidence, source="curated"))
    return out


def build_knowledge(facts: Iterable[Fact], curated: Iterable[CuratedEntity] = (),
                    removals: Iterable = ()) -> Knowledge:
    """Merge facts into entities; apply the analyst's aliases and removals.

    `removals`: project-wide removals from the review file (each with
    `entity`, `predicate`, `object`), applied like a landscape's `remove:`.
    """
    facts = list(facts)
    removals = list(removals)
    curated = list(curated)
    uf = UnionFind()
    display: dict[str, dict[str, int]] = defaultdict(dict)  # key -> surface form -> count

    def note(name: str, weight: int) -> str:
        key = name_key(name)
        if not key:
            return key
        uf.find(key)
        display[key][name] = display[key].get(name, 0) + weight
        return key

    for fact in facts:
        subject_key = note(fact.subject, 2)
        if fact.predicate == "name":
            uf.union(subject_key, note(fact.object, 1))
    for entity in curated:
        base = note(entity.name, 1000)  # the analyst's spelling wins
        for alias in entity.aliases:
            uf.union(base, note(alias, 1))
    for fact in facts:
        if fact.predicate in ("developer", "partner"):
            note(fact.object, 1)

    # "Innovent Biologics Inc." and "Innovent Biologics" are one organization
    # when both spellings occur; a legal suffix alone never creates a link
    for key in list(display):
        for form in display[key]:
            stripped = name_key(LEGAL_SUFFIX_RE.sub("", form))
            if stripped and stripped != key and stripped in display:
                uf.union(key, stripped)

    groups: dict[str, list[Fact]] = defaultdict(list)
    for fact in facts:
        key = name_key(fact.subject)
        if key:
            groups[uf.find(key)].append(fact)
    for key in list(display):
        groups.setdefault(uf.find(key), [])
    # partnership is symmetric: each side's profile shows it
    for fact in facts:
        if fact.predicate == "partner" and name_key(fact.object):
            other = uf.find(name_key(fact.object))
            if other != uf.find(name_key(fact.subject)):
                groups[other].append(fact.model_copy(update={"subject": fact.object, "object": fact.subject}))

    members: dict[str, set[str]] = defaultdict(set)
    for key in display:
        members[uf.find(key)].add(key)

    extra_removals = removals
    removals = {name_key(e.name): list(e.remove) for e in curated}
    for r in extra_removals:
        removals.setdefault(name_key(r.entity), []).append(r)
    kinds = {name_key(e.name): e.kind for e in curated if e.kind}
    org_keys = {name_key(f.object) for f in facts if f.predicate in ("developer", "partner")}

    entities = []
    for root, group in groups.items():
        surface: dict[str, int] = defaultdict(int)
        for key in members[root]:
            for form, count in display[key].items():
                surface[form] += count
        if not surface:
            continue
        names = sorted(surface, key=lambda s: (-surface[s], -len(s), s))
        name = names[0]
        keys = members[root]
        kind = next((kinds[k] for k in sorted(keys) if k in kinds), None) or _infer_kind(group, keys, org_keys)
        drops = [r for k in sorted(keys) for r in removals.get(k, [])]
        kept = [f for f in group if not _removed(f, drops)]
        # the entity's own name is not a fact worth a citation
        unique_names = []
        seen = set()
        for n in [name, *sorted(names[1:], key=str.casefold)]:
            if name_key(n) not in seen:
                seen.add(name_key(n))
                unique_names.append(n)
        entities.append(Entity(key=root, name=name, kind=kind, names=tuple(unique_names),
                               facts=tuple(sort_facts(kept))))
    return Knowledge(entities)


def _infer_kind(facts: list[Fact], keys: set[str], org_keys: set[str]) -> str:
    preds = {f.predicate for f in facts}
    if preds & ASSET_PREDICATES:
        return "asset"
    if preds & ORG_PREDICATES or keys & org_keys:
        return "organization"
    return "asset" if preds else "organization"


def _removed(fact: Fact, removals) -> bool:
    if fact.source == "curated":
        return False
    for r in removals:
        if r.predicate != fact.predicate:
            continue
        if r.object is None or r.object == plain(fact.object):
            return True
        if isinstance(r.object, str) and isinstance(fact.object, str) and name_key(r.object) == name_key(fact.object):
            return True
    return False
