"""The fact store: entities merged across documents, extracted and curated facts together.

Names join entities: two subjects that any `name` fact links (in any document)
are one entity, and so are an organization's spellings with and without a legal
suffix. The analyst has the last word: curated `aliases:` force a join,
`distinct_from:` forbids one, whatever the sources state. Each entity keeps how
its names were joined (`Entity.joins`), so a profile can cite the sentences.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Iterable, Literal, Mapping

from pydantic import BaseModel, ConfigDict

from reportgen.facts import Evidence, Fact, plain, sort_facts
from reportgen.landscape import CuratedEntity, find_quote
from reportgen.naming import LEGAL_SUFFIX_RE, UnionFind, name_key
from reportgen.sources import Document
from reportgen.vocab import ASSET_PREDICATES, ORG_PREDICATES





class Join(BaseModel):
    """Why two names are one entity: a source's sentence, the analyst's alias, or a legal suffix."""

    model_config = ConfigDict(frozen=True)

    names: tuple[str, str]
    how: Literal["stated", "analyst", "legal suffix"]
    fact: Fact | None = None  # the `name` fact whose sentence states it ("stated" only)


class Entity(BaseModel):
    """An asset or organization with every fact about it."""

    model_config = ConfigDict(frozen=True)

    key: str
    name: str
    kind: str  # "asset" or "organization"
    names: tuple[str, ...]
    facts: tuple[Fact, ...]
    joins: tuple[Join, ...] = ()   # how its names came together, in a stable order
    apart: tuple[str, ...] = ()    # names the analyst keeps apart from it (`distinct_from:`)

    def values(self, predicate: str) -> list[Fact]:
        return list(self._index().get(predicate, ()))

    def _index(self) -> dict[str, tuple[Fact, ...]]:
        """The facts per predicate, in fact order: built once, as a brief asks each entity for many predicates.

        Kept in the instance's __dict__ beside the fields (pydantic compares, hashes
        and dumps fields only) with the facts tuple it was built from, so a
        `model_copy(update={"facts": ...})` that carries it over rebuilds it.
        """
        cached = self.__dict__.get("_facts_index")
        if cached is not None and cached[0] is self.facts:
            return cached[1]
        index: dict[str, list[Fact]] = defaultdict(list)
        for f in self.facts:
            index[f.predicate].append(f)
        built = {k: tuple(v) for k, v in index.items()}
        self.__dict__["_facts_index"] = (self.facts, built)
        return built

    @property
    def documents(self) -> set[str]:
        return {f.evidence.doc for f in self.facts}


class Knowledge:
    """Every entity, found by any of its names."""

    def __init__(self, entities: list[Entity]):
        self.entities = sorted(entities, key=lambda e: (e.kind, e.name.casefold(), e.key))
        self._developer_docs: dict[str, set[str]] | None = None
        self._assets_by_developer: dict[str, list[int]] | None = None
        self._kinds: dict[str, list[Entity]] = {}
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
        if kind not in self._kinds:
            self._kinds[kind] = [e for e in self.entities if e.kind == kind]
        return list(self._kinds[kind])

    def assets_of(self, names: Iterable[str]) -> list[Entity]:
        """Assets with a developer fact naming any of `names`, in entity order.

        An index from developer name to assets, built once: scoping an
        organization brief asks this for every organization, and scanning
        every asset each time made planning grow with orgs x assets.
        """
        if self._assets_by_developer is None:
            self._assets_by_developer = defaultdict(list)
            for i, entity in enumerate(self.entities):
                if entity.kind != "asset":
                    continue
                for f in entity.values("developer"):
                    if isinstance(f.object, str):
                        self._assets_by_developer[name_key(f.object)].append(i)
        found = sorted({i for n in names for i in self._assets_by_developer.get(name_key(n), ())})
        return [self.entities[i] for i in found]

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
    facts = _curated_indications(facts)
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

    # the analyst's word first: kept-apart pairs, then forced joins (which no kept-apart pair refuses)
    edges: list[tuple[str, str, Join]] = []
    for entity in curated:
        base = note(entity.name, 1000)  # the analyst's spelling wins
        for other in entity.distinct_from:
            other_key = note(other, 0)
            if other_key and other_key != base:
                uf.forbid(base, other_key)
    for entity in curated:
        base = name_key(entity.name)
        for alias in entity.aliases:
            alias_key = note(alias, 1)
            if alias_key and alias_key != base:
                uf.union(base, alias_key, force=True)
                edges.append((base, alias_key, Join(names=(entity.name, alias), how="analyst")))
    stated = []
    for fact in facts:
        subject_key = note(fact.subject, 2)
        if fact.predicate == "name" and isinstance(fact.object, str):
            object_key = note(fact.object, 1)
            if subject_key and object_key and subject_key != object_key:
                stated.append((subject_key, object_key, fact))
    # in a stable order, so a refused join does not depend on the order documents were read
    for a, b, fact in sorted(stated, key=lambda t: (t[0], t[1], t[2].evidence.doc, t[2].evidence.start)):
        if uf.union(a, b):
            edges.append((a, b, Join(names=(fact.subject, str(fact.object)), how="stated", fact=fact)))
    for fact in facts:
        if fact.predicate in ("developer", "partner"):
            note(fact.object, 1)

    # "Innovent Biologics Inc." and "Innovent Biologics" are one organization
    # when both spellings occur; a legal suffix alone never creates a link
    for key in sorted(display):
        for form in sorted(display[key]):
            stripped = name_key(LEGAL_SUFFIX_RE.sub("", form))
            if stripped and stripped != key and stripped in display and uf.union(key, stripped):
                plain = max(display[stripped], key=lambda f: (display[stripped][f], f))
                edges.append((key, stripped, Join(names=(form, plain), how="legal suffix")))

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
    joins: dict[str, list[Join]] = defaultdict(list)
    for a, _, join in edges:
        joins[uf.find(a)].append(join)

    extra_removals = removals
    removals = {name_key(e.name): list(e.remove) for e in curated}
    for r in extra_removals:
        removals.setdefault(name_key(r.entity), []).append(r)
    kinds = {name_key(e.name): e.kind for e in curated if e.kind}
    org_keys = {name_key(f.object) for f in facts if f.predicate in ("developer", "partner") and isinstance(f.object, str)}
    apart_names = {name_key(e.name): list(e.distinct_from) for e in curated if e.distinct_from}

    entities = []
    for root, group in groups.items():
        surface: dict[str, int] = defaultdict(int)
        for key in members[root]:
            for form, count in display[key].items():
                surface[form] += count
        if not surface or not any(surface.values()):
            continue
        keys = members[root]
        kind = next((kinds[k] for k in sorted(keys) if k in kinds), None) or _infer_kind(group, keys, org_keys)
        name = display_name(surface, kind)
        drops = [r for k in sorted(keys) for r in removals.get(k, [])]
        kept = [f for f in group if not _removed(f, drops)]
        # the entity's own name is not a fact worth a citation
        unique_names = []
        seen = set()
        for n in [name, *sorted(surface, key=lambda s: (-surface[s], -len(s), s))]:
            if name_key(n) not in seen and surface.get(n, 1):
                seen.add(name_key(n))
                unique_names.append(display_form(n, kind) if n != name else name)
        unique_names = [name, *sorted(unique_names[1:], key=str.casefold)]
        entity_joins = sorted(joins.get(root, []), key=lambda j: (
            ("analyst", "stated", "legal suffix").index(j.how), j.names[0].casefold(), j.names[1].casefold(),
            j.fact.evidence.doc if j.fact else "", j.fact.evidence.start if j.fact else 0))
        apart = sorted({a for k in sorted(keys) for a in apart_names.get(k, [])}, key=str.casefold)
        entities.append(Entity(key=root, name=name, kind=kind, names=tuple(unique_names),
                               facts=tuple(sort_facts(kept)), joins=tuple(entity_joins), apart=tuple(apart)))
    return Knowledge(entities)


def _curated_indications(facts: Iterable[Fact]) -> list[Fact]:
    """Indications by their curated disease name: extracted facts write a disease as their quote does
    ("SLE"), and one asset's "SLE" and "systemic lupus erythematosus" are one indication in a brief."""
    from reportgen.extract.indications import curated_name

    out = []
    for fact in facts:
        if fact.predicate == "indication" and isinstance(fact.object, str):
            name = curated_name(fact.object)
            if name != fact.object:
                fact = fact.model_copy(update={"object": name})
        out.append(fact)
    return out


def _is_inn(name: str) -> bool:
    """An international nonproprietary name ("isatuximab", "ciltacabtagene autoleucel"), by its WHO stem."""
    from reportgen.extract.names import INN_RE

    return "®" not in name and "™" not in name and bool(INN_RE.fullmatch(name.strip()))


def display_form(name: str, kind: str = "asset") -> str:
    """How one name of an entity is written: an asset's INN in lower case; brands, codes and organizations as written."""
    return name.lower() if kind == "asset" and _is_inn(name) else name


def display_name(forms: Mapping[str, int], kind: str = "asset") -> str:
    """The one name an entity is shown by in every section and format.

    The most used spelling (the analyst's, weighted far above any source's),
    the longer one on a tie; then written by its kind (`display_form`), so
    "Isatuximab" at the start of one sentence and "isatuximab" in the next give
    one name, "isatuximab", never changing case mid-sentence.
    """
    best = sorted(forms, key=lambda s: (-forms[s], -len(s), s))[0]
    return display_form(best, kind)


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
