"""Landscapes: what a brief covers, which columns it compares, what an analyst adds.

`load_landscape(path, documents)` parses the YAML, validates it against the
schema (unknown keys rejected), cross-checks every citation against the
sources, and reports every problem as `path:line:column: message`.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any, Literal, Mapping

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, ValidationError, field_validator, model_validator

from reportgen.errors import InputError, Location, Problem
from reportgen.facts import hint as _hint
from reportgen.facts import KnownPredicate, object_problem
from reportgen.vocab import AUTHORITIES, MODALITIES
from reportgen.sources import EARLIEST_DATE, LATEST_DATE
from reportgen.yamlpos import load_yaml_with_positions, locate, read_yaml_mapping

ASSET_COLUMNS = {
    "name": "Asset",
    "names": "Other names",
    "developer": "Developer",
    "target": "Target",
    "modality": "Modality",
    "indication": "Indications",
    "stage": "Highest stage",
    "regulatory": "Regulatory",
    "trial": "Trials",
    "efficacy": "Efficacy",
    "safety": "Safety",
}
ORGANIZATION_COLUMNS = {
    "name": "Organization",
    "names": "Other names",
    "focus": "Focus",
    "country": "Country",
    "partner": "Partners",
    "assets": "Assets",
}
SECTIONS = ("summary", "notes", "charts", "table", "comparators", "profiles", "guidelines", "changes", "references")
ID_PATTERN = r"^[a-z0-9][a-z0-9-]{0,63}$"
REVIEW_FILE_NAME = "review.yaml"  # the project's reviewed facts, beside the landscapes
# Ids the build cannot give a brief: it writes out/index.html and out/sources/ itself.
RESERVED_IDS = ("index", "sources")


# lexicons whose words are the fact vocabulary's: a landscape adds spellings, not words
_CLOSED_LEXICONS = {"modalities": MODALITIES, "authorities": AUTHORITIES}


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Citation(_Strict):
    """A pointer to the sentence an analyst's statement rests on."""

    doc: str
    quote: str = Field(min_length=3)


class CuratedFact(_Strict):
    predicate: KnownPredicate
    object: str | dict[str, Any]
    cite: Citation

    @model_validator(mode="after")
    def _typed_object(self) -> "CuratedFact":
        problem = object_problem(self.predicate, self.object)
        if problem:
            raise ValueError(f"object of a {self.predicate!r} fact: {problem}")
        return self


class Removal(_Strict):
    """An extracted value the analyst has checked and found wrong."""

    predicate: KnownPredicate
    object: str | dict[str, Any] | None = None  # None: every value of the predicate
    reason: str | None = None


class CuratedEntity(_Strict):
    """An entity as the analyst corrects it; `aliases` force a merge, `distinct_from` forbids one.

    Both win over the automatic merge (a sentence stating two names are one,
    or a name with and without its legal suffix).
    """

    name: str
    kind: Literal["asset", "organization"] | None = None
    aliases: list[str] = []
    distinct_from: list[str] = []
    facts: list[CuratedFact] = []
    remove: list[Removal] = []

    @model_validator(mode="after")
    def _not_both(self) -> "CuratedEntity":
        from reportgen.knowledge import name_key

        own = {name_key(self.name)} | {name_key(a) for a in self.aliases}
        for other in self.distinct_from:
            if name_key(other) in own:
                raise ValueError(f"{other!r} is both joined to {self.name!r} (its name or an alias) and kept "
                                 f"apart from it (distinct_from); keep one")
        return self


class DiseaseArea(_Strict):
    """`{area: autoimmune}`: every disease the vocabulary files under that area (reportgen/diseases.py)."""

    area: str

    @field_validator("area")
    @classmethod
    def _known_area(cls, value: str) -> str:
        from .diseases import vocabulary  # loaded only when a landscape scopes by area

        vocab = vocabulary()
        if vocab.area(value) is None:
            raise ValueError(f"unknown disease area {value!r}{_hint(value, vocab.area_names())} "
                             f"(areas: {', '.join(vocab.area_names())})")
        return value


class Scope(_Strict):
    """Which entities are rows: every listed filter must match (any of its values)."""

    targets: list[str] = []
    modalities: list[str] = []
    indications: list[str | DiseaseArea] = []
    countries: list[str] = []
    names: list[str] = []
    documents: list[str] = []
    exclude: list[str] = []
    # Rows whose country no source states: left out (exclude) or kept and counted (include).
    countries_unstated: Literal["exclude", "include"] = "exclude"


class ScopeWithComparators(Scope):
    comparators: Scope | None = None


class Column(_Strict):
    key: str
    label: str | None = None


class Note(_Strict):
    text: str  # Markdown; raw HTML is not rendered
    cite: list[Citation] = []


class Landscape(_Strict):
    id: str = Field(pattern=ID_PATTERN)
    title: str = Field(min_length=1)
    subtitle: str | None = None
    as_of: dt.date | None = None
    rows: Literal["assets", "organizations"] = "assets"
    scope: ScopeWithComparators = ScopeWithComparators()
    columns: list[str | Column] = []
    sections: list[str] = list(SECTIONS)
    entities: list[CuratedEntity] = []
    notes: list[Note] = []
    # extra spellings for the extractor's lexicons, e.g. {targets: {ZEBRA1: [ZEBRA1, ZB1]}}
    lexicon: dict[str, dict[str, list[str]]] = {}
    # what the brief shows of facts no analyst has reviewed (landscapes/review.yaml):
    # required hides them, marked flags them, off shows them as reviewed ones
    review: Literal["required", "marked", "off"] = "off"
    # where each key sits in the file (yamlpos tree), kept from load_landscape for later messages
    _positions: Any = PrivateAttr(default=None)

    @field_validator("as_of")
    @classmethod
    def _storable_date(cls, v: dt.date | None) -> dt.date | None:
        if v is not None and not EARLIEST_DATE <= v <= LATEST_DATE:
            raise ValueError(f"{v} is outside {EARLIEST_DATE}..{LATEST_DATE}, the dates every output format can store")
        return v

    @property
    def column_defs(self) -> list[Column]:
        labels = ASSET_COLUMNS if self.rows == "assets" else ORGANIZATION_COLUMNS
        cols = self.columns or [Column(key=k) for k in labels]
        out = []
        for col in cols:
            col = Column(key=col) if isinstance(col, str) else col
            out.append(Column(key=col.key, label=col.label or labels.get(col.key, col.key)))
        return out


# --- loading -----------------------------------------------------------------

def load_landscape(path: Path, documents: Mapping[str, str] | None = None) -> Landscape:
    """Parse, validate and cross-check one landscape file.

    `documents` maps source file names to their text; when given, every
    citation must name one of them and quote it verbatim.
    """
    shown = str(path)
    data, tree, _ = read_yaml_mapping(path, shown, "landscape", "a landscape must be a YAML mapping (id, title, ...)")
    problems: list[Problem] = []
    landscape = None
    try:
        landscape = Landscape.model_validate(data)
    except ValidationError as exc:
        problems.extend(_problem_from_pydantic(err, tree, shown) for err in exc.errors())
    # cross-checks run on the raw data, so a file's every problem is told at once
    problems.extend(_cross_check(data, path, tree, documents))
    if problems or landscape is None:
        raise InputError(_dedupe(problems))
    landscape._positions = tree  # check_removals locates its problems without reading the file again
    return landscape


def _problem_from_pydantic(err: dict, tree, path: str) -> Problem:
    loc = tuple(p for p in err["loc"] if not (isinstance(p, str) and ("[" in p or p in ("str", "Column", "dict[str,any]"))))
    where = locate(tree, loc, path)
    dotted = ".".join(str(p) for p in loc) or "(top level)"
    kind = err["type"]
    if kind == "extra_forbidden":
        key = str(loc[-1])
        model_keys = _keys_at(loc[:-1])
        return Problem(where, f"unknown key {key!r}", _hint(key, model_keys).lstrip("; ") or None)
    if kind == "missing":
        return Problem(where, f"missing required key {dotted!r}")
    message = err["msg"].removeprefix("Value error, ")  # pydantic's prefix says nothing to a reader
    return Problem(where, f"{dotted}: {message}")


def _keys_at(loc: tuple) -> list[str]:
    """The valid keys of the model that sits at `loc` (for did-you-mean hints)."""
    model: Any = Landscape
    for part in loc:
        if isinstance(part, int):
            continue
        field = getattr(model, "model_fields", {}).get(part)
        if field is None:
            return []
        model = _model_of(field.annotation)
        if model is None:
            return []
    return list(getattr(model, "model_fields", {}))


def _model_of(annotation) -> Any:
    import typing

    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in typing.get_args(annotation):
        found = _model_of(arg)
        if found is not None:
            return found
    return None


def _dedupe(problems: list[Problem]) -> list[Problem]:
    seen, out = set(), []
    for p in problems:
        if str(p) not in seen:
            seen.add(str(p))
            out.append(p)
    return out


def _key(name: str) -> str:
    from reportgen.knowledge import name_key

    return name_key(name)


def _list(value) -> list:
    return value if isinstance(value, list) else []


def _dict(value) -> dict:
    return value if isinstance(value, dict) else {}


def _cross_check(data: dict, path: Path, tree, documents) -> list[Problem]:
    """Checks the schema cannot make: names, ids, and citations against the sources."""
    shown = str(path)
    problems = []
    if isinstance(data.get("id"), str) and path.stem != data["id"]:
        problems.append(Problem(locate(tree, ("id",), shown), f"id {data['id']!r} differs from the file name {path.stem!r}"))
    if data.get("id") in RESERVED_IDS:
        problems.append(Problem(locate(tree, ("id",), shown), f"id {data['id']!r} is reserved: the build writes "
                                f"out/{data['id']}{'.html' if data['id'] == 'index' else '/'} itself",
                                "rename the landscape file and its id"))
    rows = data.get("rows", "assets")
    valid_cols = ORGANIZATION_COLUMNS if rows == "organizations" else ASSET_COLUMNS
    for i, col in enumerate(_list(data.get("columns"))):
        key = col.get("key") if isinstance(col, dict) else col
        if isinstance(key, str) and key not in valid_cols:
            problems.append(Problem(locate(tree, ("columns", i), shown), f"unknown column {key!r} for rows: {rows}",
                                    _hint(key, valid_cols).lstrip("; ") or f"columns: {', '.join(valid_cols)}"))
    for i, section in enumerate(_list(data.get("sections"))):
        if isinstance(section, str) and section not in SECTIONS:
            problems.append(Problem(locate(tree, ("sections", i), shown), f"unknown section {section!r}",
                                    _hint(section, SECTIONS).lstrip("; ") or f"sections: {', '.join(SECTIONS)}"))
    from reportgen.extract.lexicon import EXTENSION_KEYS

    lexicons = list(EXTENSION_KEYS)
    for key, terms in _dict(data.get("lexicon")).items():
        if key not in lexicons:
            problems.append(Problem(locate(tree, ("lexicon", key), shown), f"unknown lexicon {key!r}",
                                    _hint(key, lexicons).lstrip("; ") or f"lexicons: {', '.join(lexicons)}"))
        elif key in _CLOSED_LEXICONS:
            # new spellings of a vocabulary word only: a fact cannot carry a word the vocabulary lacks
            words = _CLOSED_LEXICONS[key]
            for term in _dict(terms):
                if term not in words:
                    problems.append(Problem(locate(tree, ("lexicon", key, term), shown),
                                            f"{key}: {term!r} is not one of {', '.join(words)}{_hint(term, words)}",
                                            "add it as a spelling of one of them; the words are in reportgen/data/vocab.yaml"))
    seen: set[str] = set()
    joined: dict[str, tuple[str, int]] = {}  # name key -> (entity, index) whose aliases join it
    for i, entity in enumerate(_list(data.get("entities"))):
        name = _dict(entity).get("name")
        if isinstance(name, str):
            if name.casefold() in seen:
                problems.append(Problem(locate(tree, ("entities", i, "name"), shown), f"duplicate entity {name!r}"))
            seen.add(name.casefold())
            for alias in [name, *_list(_dict(entity).get("aliases"))]:
                if isinstance(alias, str):
                    joined.setdefault(_key(alias), (name, i))
    # a merge one entity forces and another forbids is a contradiction, not a choice to make silently
    for i, entity in enumerate(_list(data.get("entities"))):
        name = _dict(entity).get("name")
        for j, other in enumerate(_list(_dict(entity).get("distinct_from"))):
            if not isinstance(name, str) or not isinstance(other, str):
                continue
            owner = joined.get(_key(other))
            if owner and owner[1] != i and joined.get(_key(name), (None, -1))[1] == owner[1]:
                problems.append(Problem(locate(tree, ("entities", i, "distinct_from", j), shown),
                                        f"distinct_from: {other!r} is kept apart from {name!r} here, but entity {owner[0]!r} "
                                        f"joins them (aliases); keep one"))
    if documents is not None:
        for loc, cite in _citations(data):
            doc, quote = cite.get("doc"), cite.get("quote")
            if not isinstance(doc, str) or not isinstance(quote, str):
                continue
            where = locate(tree, loc, shown)
            if doc not in documents:
                problems.append(Problem(where, f"cite: no source document {doc!r}",
                                        _hint(doc, documents).lstrip("; ") or "see landscapes/sources/"))
            elif find_quote(documents[doc], quote) is None:
                problems.append(Problem(where, f"cite: quote not found verbatim in {doc}: {quote[:60]!r}"))
        for loc, doc in _scope_documents(data):
            if isinstance(doc, str) and doc not in documents:
                problems.append(Problem(locate(tree, loc, shown), f"scope: no source document {doc!r}",
                                        _hint(doc, documents).lstrip("; ") or None))
    return problems


def _citations(data: dict):
    for i, entity in enumerate(_list(data.get("entities"))):
        for j, fact in enumerate(_list(_dict(entity).get("facts"))):
            if isinstance(_dict(fact).get("cite"), dict):
                yield ("entities", i, "facts", j, "cite"), fact["cite"]
    for i, note in enumerate(_list(data.get("notes"))):
        for j, cite in enumerate(_list(_dict(note).get("cite"))):
            if isinstance(cite, dict):
                yield ("notes", i, "cite", j), cite


def _scope_documents(data: dict):
    scope = _dict(data.get("scope"))
    for i, doc in enumerate(_list(scope.get("documents"))):
        yield ("scope", "documents", i), doc
    for i, doc in enumerate(_list(_dict(scope.get("comparators")).get("documents"))):
        yield ("scope", "comparators", "documents", i), doc


def check_removals(path: Path, landscape: Landscape, knowledge) -> list[Problem]:
    """Every `remove:` must name an entity that exists and a value it has.

    `knowledge` is built from the extracted facts with no removal applied. A
    removal that matches nothing removes nothing, silently: that is an error,
    with a did-you-mean hint from the entity's names or values.
    """
    problems: list[Problem] = []
    if not any(e.remove or e.distinct_from for e in landscape.entities):
        return problems
    shown = str(path)
    tree = landscape._positions
    if tree is None:  # a landscape not made by load_landscape
        try:
            _, tree = load_yaml_with_positions(path.read_text(encoding="utf-8"), shown)
        except (OSError, UnicodeDecodeError, InputError):
            tree = None
    known = {_key(n) for e in knowledge.entities for n in e.names}
    names = None
    for i, entity in enumerate(landscape.entities):
        for j, removal in enumerate(entity.remove):
            problem = removal_problem(knowledge, entity.name, removal.predicate, removal.object,
                                      locate(tree, ("entities", i, "name"), shown),
                                      locate(tree, ("entities", i, "remove", j,
                                                    "object" if removal.object is not None else "predicate"), shown))
            if problem:
                problems.append(problem)
        # a name kept apart that no source uses keeps nothing apart: a typo, most likely
        for j, other in enumerate(entity.distinct_from):
            if _key(other) not in known:
                names = names or sorted({n for e in knowledge.entities for n in e.names})
                problems.append(Problem(locate(tree, ("entities", i, "distinct_from", j), shown),
                                        f"distinct_from: no entity named {other!r}; nothing kept apart",
                                        _hint(other, names).lstrip("; ") or "see `reportgen facts` for the names found"))
    return problems


def removal_problem(knowledge, name: str, predicate: str, obj, name_at: Location, value_at: Location) -> Problem | None:
    """Why a removal of (`name`, `predicate`, `obj`) removes nothing, or None when it matches a fact."""
    from reportgen.facts import object_text
    from reportgen.knowledge import _removed

    entity = knowledge.find(name)
    if entity is None or not any(f.source == "extracted" for f in entity.facts):
        names = sorted({n for e in knowledge.entities if any(f.source == "extracted" for f in e.facts) for n in e.names})
        return Problem(name_at, f"remove: no extracted entity named {name!r}",
                       _hint(name, names).lstrip("; ") or "see `reportgen review` for the entities found")
    extracted = [f for f in entity.values(predicate) if f.source == "extracted"]
    probe = Removal(predicate=predicate, object=obj)
    if any(_removed(f, [probe]) for f in extracted):
        return None
    if not extracted:
        return Problem(value_at, f"remove: {entity.name} has no extracted {predicate!r} value; nothing to remove")
    values = sorted({f.object if isinstance(f.object, str) else object_text(f.object) for f in extracted})
    shown_obj = obj if isinstance(obj, str) else object_text(obj) if obj else ""
    hint = _hint(shown_obj, values).lstrip("; ") or f"its {predicate} values: {', '.join(map(repr, values[:6]))}"
    return Problem(value_at, f"remove: {entity.name} has no {predicate} {shown_obj!r}; nothing removed", hint)


def find_quote(text: str, quote: str) -> tuple[int, int] | None:
    """Where `quote` stands in `text`: exactly, or with whitespace differences."""
    start = text.find(quote)
    if start >= 0:
        return start, start + len(quote)
    pattern = r"\s+".join(re.escape(part) for part in quote.split())
    match = re.search(pattern, text) if pattern else None
    return (match.start(), match.end()) if match else None


def find_landscapes(project: Path, names: list[str] | None = None) -> list[Path]:
    """Landscape files by id or path; default: every landscapes/*.yaml."""
    folder = project / "landscapes"
    if not names:
        # landscapes/review.yaml holds the reviewed facts (reportgen/review.py), not a landscape
        return sorted(p for p in folder.glob("*.yaml") if p.name != REVIEW_FILE_NAME)
    paths = []
    for name in names:
        candidate = Path(name)
        if candidate.suffix in (".yaml", ".yml") and candidate.exists():
            paths.append(candidate)
        elif re.fullmatch(ID_PATTERN, name) and name != "review" and (folder / f"{name}.yaml").exists():
            paths.append(folder / f"{name}.yaml")
        else:
            known = [p.stem for p in folder.glob("*.yaml") if p.name != REVIEW_FILE_NAME]
            raise InputError(Problem(Location(name), "no such landscape", _hint(name, known).lstrip("; ") or None))
    return paths
