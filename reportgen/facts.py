"""The fact contract (shared FACTS.md): what a document states, tied to its words.

A `Fact` cannot exist without `Evidence` (a document name, character offsets
into its text and the quote found there), and its object is checked against
its predicate when it is made: text, or the predicate's typed object.
"""

from __future__ import annotations

import difflib
import json
from typing import Annotated, Any, ClassVar, Iterable, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, ValidationInfo, field_serializer, model_validator

from reportgen.sources import partial_date
from reportgen.vocab import (
    ACTION_INFO, AUTHORITIES, MODALITIES, PREDICATE_INFO, PREDICATES, REGULATORY_ACTIONS, SAFETY_UNITS,
    STAGES,
)



def known_predicate(value: str) -> str:
    """`value` when it is a predicate of the vocabulary; else a ValueError that suggests the closest."""
    if value not in PREDICATES:
        raise ValueError(f"unknown predicate {value!r}{hint(value, PREDICATES)}")
    return value


# a predicate named in a hand-edited file (landscape, review file), checked against the vocabulary
KnownPredicate = Annotated[str, AfterValidator(known_predicate)]
Predicate = str


_set = object.__setattr__


def _trusted(cls, values: dict, fields_set: set):
    """What `cls.model_construct(**given)` returns, without its per-field loop (~2% of extraction):
    `values` holds every field in declaration order, the defaults of those not given included,
    and `fields_set` the names given. Checked against `model_construct` in tests/test_facts_trusted.py;
    `_TRUSTED` below checks at import that the models still have no hook model_construct would run."""
    m = cls.__new__(cls)
    _set(m, "__dict__", values)
    _set(m, "__pydantic_fields_set__", fields_set)
    _set(m, "__pydantic_extra__", None)
    _set(m, "__pydantic_private__", None)
    return m


class Evidence(BaseModel):
    """Where a fact is stated: `text[start:end] == quote` in document `doc`."""

    model_config = ConfigDict(frozen=True)

    doc: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    quote: str
    via: str | None = None  # the landscape file, for curated facts

    @model_validator(mode="after")
    def _span(self) -> "Evidence":
        if self.end < self.start:
            raise ValueError("evidence end before start")
        if self.end - self.start != len(self.quote):
            raise ValueError("evidence span length differs from quote length")
        return self

    @classmethod
    def from_span(cls, doc: str, text: str, start: int, end: int, **kw: Any) -> "Evidence":
        return cls(doc=doc, start=start, end=end, quote=text[start:end], **kw)

    @classmethod
    def extracted(cls, doc: str, text: str, start: int, end: int) -> "Evidence":
        """`from_span` without validation: the extractor's spans hold by construction (0 <= start <= end).
        The same object as `model_construct(doc=..., start=..., end=..., quote=...)` (`_trusted`)."""
        return _trusted(cls, {"doc": doc, "start": start, "end": end, "quote": text[start:end], "via": None},
                        {"doc", "start", "end", "quote"})

    def holds_in(self, text: str) -> bool:
        """Whether the quote still stands at its offsets in `text` (an older edition's evidence)."""
        return text[self.start:self.end] == self.quote


# --- typed objects -------------------------------------------------------------

_CHECKED = "reportgen.facts: problem checked"  # a validation context key: make_object has asked `problem`
_CHECKED_CONTEXT = {_CHECKED: True}

class FactObject(BaseModel):
    """A structured object; its fields in FACTS.md export order, absent ones left out of the export."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    CHOICES: ClassVar[dict[str, tuple[str, ...]]] = {}  # field -> the vocabulary it draws from
    NUMBERS: ClassVar[tuple[str, ...]] = ()  # fields that hold a number
    DATES: ClassVar[tuple[str, ...]] = ()  # fields that hold YYYY-MM-DD, YYYY-MM or YYYY

    @model_validator(mode="before")
    @classmethod
    def _shape(cls, data: Any, info: ValidationInfo) -> Any:
        if info.context is not None and info.context.get(_CHECKED):
            return data  # make_object asked `problem` already: the same answer twice is ~1% of extraction
        problem = cls.problem(data)
        if problem:
            raise ValueError(problem)
        return data

    @classmethod
    def required(cls) -> tuple[str, ...]:
        return tuple(k for k, f in cls.model_fields.items() if f.is_required())

    @classmethod
    def problem(cls, data: Any) -> str | None:
        """Why `data` cannot be this object, in words an analyst can act on, or None."""
        if isinstance(data, cls):
            return None
        keys = tuple(cls.model_fields)
        required = cls.required()
        if not isinstance(data, dict):
            return f"must be a mapping with {', '.join(required)}"
        missing = [k for k in required if k not in data]
        if missing:
            return f"missing {', '.join(missing)}"
        unknown = [str(k) for k in data if k not in keys]
        if unknown:
            return f"unknown key {unknown[0]!r} (keys: {', '.join(keys)})"
        for key, value in data.items():
            if value is None and key not in required:
                continue
            if key in cls.NUMBERS:
                if not _is_number(value):
                    return f"{key} must be a number, not {value!r}"[:120]
            elif key == "grade" and _is_number(value):
                continue
            elif not isinstance(value, str) or not value.strip():
                return f"{key} must be non-empty text, not {type(value).__name__} {value!r}"[:120]
            elif key in cls.CHOICES and value not in cls.CHOICES[key]:
                return _choice_problem(key, value, cls.CHOICES[key])
            elif key in cls.DATES:
                problem = date_text_problem(value)
                if problem:
                    return problem
        return None

    def dump(self) -> dict[str, Any]:
        """The object as FACTS.md exports it."""
        return self.model_dump(exclude_none=True)

    def without(self, *keys: str) -> "FactObject":
        """The same object with optional fields left out (for labels that show them apart)."""
        return self.model_copy(update={k: None for k in keys if k in type(self).model_fields and k not in self.required()})

    @property
    def stage_reached(self) -> str | None:
        """The stage on the ladder this object states its asset has reached, if any."""
        return None

    def text(self) -> str:
        return ", ".join(f"{k}: {v}" for k, v in sorted(self.dump().items()))


class Regulatory(FactObject):
    """A regulator's action on an asset: approval, filing, designation..."""

    CHOICES: ClassVar = {"authority": AUTHORITIES, "action": REGULATORY_ACTIONS}
    DATES: ClassVar = ("date",)

    authority: str
    action: str
    detail: str | None = None
    indication: str | None = None
    date: str | None = None

    @property
    def stage_reached(self) -> str | None:
        return ACTION_INFO[self.action].stage

    def text(self) -> str:
        text = " ".join(p for p in (self.authority, self.action, self.detail) if p)
        if self.indication:
            text += f", {self.indication}"
        if self.date:
            text += f" ({self.date})"
        return text


class Phase(FactObject):
    """The development stage an asset is in, optionally for one indication."""

    CHOICES: ClassVar = {"stage": STAGES}

    stage: str
    indication: str | None = None

    @property
    def stage_reached(self) -> str | None:
        return self.stage

    def text(self) -> str:
        return self.stage + (f" ({self.indication})" if self.indication else "")


class Efficacy(FactObject):
    """A reported efficacy figure: endpoint, value and unit, in a population."""

    NUMBERS: ClassVar = ("value",)

    endpoint: str
    value: int | float
    unit: str
    population: str | None = None

    def text(self) -> str:
        text = f"{self.endpoint} {format_number(self.value)}{_unit_text(self.unit)}"
        return text + (f" ({self.population})" if self.population else "")


class Safety(FactObject):
    """A reported adverse event figure, optionally of a grade."""

    CHOICES: ClassVar = {"unit": SAFETY_UNITS}
    NUMBERS: ClassVar = ("value",)

    event: str
    value: int | float
    unit: str
    grade: str | int | float | None = None

    def text(self) -> str:
        grade = f" grade {self.grade}" if self.grade else ""
        return f"{self.event}{grade}: {format_number(self.value)}{_unit_text(self.unit)}"


class Guideline(FactObject):
    """A guideline a regulator issued or drafted."""

    DATES: ClassVar = ("date",)

    title: str
    status: str | None = None
    date: str | None = None

    def text(self) -> str:
        extras = [str(v) for v in (self.status, self.date) if v]
        return self.title.rstrip(".") + (f" ({', '.join(extras)})" if extras else "")


# the typed object of each predicate whose object is not text (named in data/vocab.yaml)
OBJECT_TYPES: dict[str, type[FactObject]] = {
    cls.__name__: cls for cls in (Regulatory, Phase, Efficacy, Safety, Guideline)}
OBJECT_TYPE: dict[str, type[FactObject]] = {
    p.name: OBJECT_TYPES[p.object] for p in PREDICATE_INFO.values() if p.object in OBJECT_TYPES}
assert all(p.object in ("text", "modality") or p.name in OBJECT_TYPE for p in PREDICATE_INFO.values()), \
    "data/vocab.yaml names an object type reportgen/facts.py does not define"

ObjectValue = str | Regulatory | Phase | Efficacy | Safety | Guideline


def object_problem(predicate: str, obj: Any) -> str | None:
    """Why `obj` cannot be the object of a `predicate` fact, or None."""
    info = PREDICATE_INFO.get(predicate)
    if info is None:
        return f"unknown predicate {predicate!r}{hint(predicate, PREDICATES)}"
    if info.object == "modality":
        return None if obj in MODALITIES else \
            f"must be one of {', '.join(MODALITIES)}{hint(str(obj), MODALITIES)}"
    if info.object == "text":
        return None if isinstance(obj, str) and obj.strip() else "must be non-empty text"
    return OBJECT_TYPE[predicate].problem(obj)


def make_object(predicate: str, obj: Any) -> ObjectValue:
    """The typed object of a `predicate` fact from its plain form (ValueError when it does not fit)."""
    problem = object_problem(predicate, obj)
    if problem:
        raise ValueError(f"object of a {predicate!r} fact: {problem}")
    kind = OBJECT_TYPE.get(predicate)
    if kind is None or isinstance(obj, kind):
        return obj
    return kind.model_validate(obj, context=_CHECKED_CONTEXT)


class Fact(BaseModel):
    """One statement about an asset or organization, with its evidence."""

    model_config = ConfigDict(frozen=True)

    subject: str
    predicate: Predicate
    object: ObjectValue
    evidence: Evidence
    source: Literal["extracted", "curated"] = "extracted"
    # the extractor's decision score (extract/scoring.py): kept for review and analysis, never exported
    # (`to_json` writes the FACTS.md contract only) and left out of comparisons between facts
    score: float | None = Field(default=None, exclude=True)

    @model_validator(mode="before")
    @classmethod
    def _typed(cls, data: Any) -> Any:
        if isinstance(data, dict) and "predicate" in data and "object" in data:
            data = {**data, "object": make_object(data["predicate"], data["object"])}
        return data

    @classmethod
    def extracted(cls, subject: str, predicate: str, obj: Any, evidence: Evidence,
                  score: float | None = None) -> "Fact":
        """A fact the extractor built: the object is still checked and typed (`make_object`), the
        rest is taken as given (plain strings and an `Evidence.extracted`), which skips ~4% of
        extraction time. Facts read from files go through the validating constructor."""
        values = {"subject": subject, "predicate": predicate, "object": make_object(predicate, obj),
                  "evidence": evidence, "source": "extracted", "score": score}
        if score is None:
            return _trusted(cls, values, {"subject", "predicate", "object", "evidence"})
        return _trusted(cls, values, {"subject", "predicate", "object", "evidence", "score"})

    @field_serializer("object")
    def _plain(self, value: ObjectValue) -> Any:
        return plain(value)

    def _contract(self) -> tuple:
        return (self.subject, self.predicate, self.object, self.evidence, self.source)

    def __eq__(self, other: object) -> bool:
        """Equal when the contract fields are (the score is how a fact was decided, not what it states:
        a fact read back from the cache or an edition equals the one just extracted)."""
        if not isinstance(other, Fact):
            return NotImplemented
        return self._contract() == other._contract()

    def __hash__(self) -> int:
        return hash(self._contract())

    @property
    def stage(self) -> str | None:
        """The stage this fact states its subject has reached (phase facts, approvals, filings)."""
        return None if isinstance(self.object, str) else self.object.stage_reached

    def object_key(self) -> str:
        """A stable string for the object, for sorting and de-duplication."""
        if isinstance(self.object, str):
            return self.object
        return json.dumps(self.object.dump(), sort_keys=True, ensure_ascii=False)

    def sort_key(self) -> tuple:
        return (
            self.evidence.doc, self.evidence.start, self.evidence.end,
            self.subject, PREDICATES.index(self.predicate), self.predicate, self.object_key(),
        )

    def to_json(self) -> str:
        data = {
            "subject": self.subject,
            "predicate": self.predicate,
            "object": plain(self.object),
            "evidence": self.evidence.model_dump(exclude_none=True),
            "source": self.source,
        }
        return json.dumps(data, ensure_ascii=False, sort_keys=False)


def plain(value: ObjectValue) -> str | dict[str, Any]:
    """A fact object as FACTS.md writes it: text, or a mapping of the fields given."""
    return value if isinstance(value, str) else value.dump()


def object_text(value: ObjectValue) -> str:
    """A short human reading of a fact's object, for tables and terminals."""
    return value if isinstance(value, str) else value.text()


def format_number(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _unit_text(unit: str) -> str:
    return "%" if unit == "%" else (" " + unit if unit else "")


def _is_number(value: Any) -> bool:
    return not isinstance(value, bool) and isinstance(value, (int, float)) and -1e12 < value < 1e12


def hint(value: str, choices) -> str:
    """"; did you mean 'X'?" for the closest of `choices`, or ""."""
    close = difflib.get_close_matches(str(value), list(choices), n=1, cutoff=0.6)
    return f"; did you mean {close[0]!r}?" if close else ""


def _choice_problem(key: str, value: str, choices: tuple[str, ...]) -> str:
    if len(choices) == 2:
        return f"{key} must be {choices[0]!r} or {choices[1]!r}, not {value!r}"
    return f"{key} {value!r} is not one of {', '.join(choices)}{hint(value, choices)}"


def date_text_problem(value: str) -> str | None:
    """Why `value` is not a real YYYY-MM-DD, YYYY-MM or YYYY date every writer can store, or None."""
    return partial_date(value)[1]


def sort_facts(facts: Iterable[Fact]) -> list[Fact]:
    """Deterministic order: by document, position, then subject and predicate."""
    unique = {(f.sort_key(), f.source, f.evidence.via): f for f in facts}
    return [unique[k] for k in sorted(unique, key=lambda k: (k[0], k[1], k[2] or ""))]


def write_jsonl(facts: Iterable[Fact]) -> str:
    return "".join(f.to_json() + "\n" for f in sort_facts(facts))


def _check_trusted(cls, order: tuple[str, ...], defaults: dict) -> None:
    """`_trusted`'s premises for `cls`: fields in this order with these defaults, nothing model_construct
    would add (post-init hook, extra fields, private attributes, a root model)."""
    fields = cls.__pydantic_fields__
    assert tuple(fields) == order, (cls, tuple(fields))
    assert {n: f.get_default() for n, f in fields.items() if not f.is_required()} == defaults, cls
    assert not cls.__pydantic_post_init__ and not cls.__pydantic_root_model__ and not cls.__private_attributes__
    assert cls.model_config.get("extra") != "allow", cls


_TRUSTED = (_check_trusted(Evidence, ("doc", "start", "end", "quote", "via"), {"via": None}),
            _check_trusted(Fact, ("subject", "predicate", "object", "evidence", "source", "score"),
                           {"source": "extracted", "score": None}))
