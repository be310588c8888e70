"""The fact contract (shared FACTS.md): what a document states, tied to its words.

A `Fact` cannot exist without `Evidence`: a document name, character offsets
into that document's text, and the quote found there.
"""

from __future__ import annotations

import json
from typing import Any, Iterable, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

PREDICATES = (
    "name", "developer", "target", "modality", "indication", "regulatory",
    "trial", "phase", "efficacy", "safety", "partner", "focus", "country",
)
MODALITIES = (
    "CAR-T", "CAR-NK", "NK cell", "TCR-T", "T cell", "monoclonal antibody",
    "bispecific antibody", "ADC", "small molecule", "iPSC-derived cell", "MSC",
    "gene therapy", "vaccine", "other",
)
AUTHORITIES = ("NMPA", "CDE", "FDA", "EMA", "PMDA", "MHRA", "other")
REGULATORY_ACTIONS = (
    "approval", "filing", "filing accepted", "IND clearance", "designation",
    "clinical hold", "guideline",
)
STAGES = (
    "preclinical", "phase 1", "phase 1/2", "phase 2", "phase 2/3", "phase 3",
    "filed", "approved",
)
STAGE_RANK = {stage: i for i, stage in enumerate(STAGES)}

Predicate = str
ObjectValue = str | dict[str, Any]


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

    def holds_in(self, text: str) -> bool:
        return text[self.start:self.end] == self.quote


class Fact(BaseModel):
    """One statement about an asset or organization, with its evidence."""

    model_config = ConfigDict(frozen=True)

    subject: str
    predicate: Predicate
    object: ObjectValue
    evidence: Evidence
    source: Literal["extracted", "curated"] = "extracted"

    def object_key(self) -> str:
        """A stable string for the object, for sorting and de-duplication."""
        if isinstance(self.object, dict):
            return json.dumps(self.object, sort_keys=True, ensure_ascii=False)
        return self.object

    def sort_key(self) -> tuple:
        return (
            self.evidence.doc, self.evidence.start, self.evidence.end,
            self.subject, PREDICATES.index(self.predicate) if self.predicate in PREDICATES else 99,
            self.predicate, self.object_key(),
        )

    def to_json(self) -> str:
        data = {
            "subject": self.subject,
            "predicate": self.predicate,
            "object": self.object,
            "evidence": self.evidence.model_dump(exclude_none=True),
            "source": self.source,
        }
        return json.dumps(data, ensure_ascii=False, sort_keys=False)


def object_text(value: ObjectValue) -> str:
    """A short human reading of a fact's object, for tables and terminals."""
    if isinstance(value, str):
        return value
    if "endpoint" in value:
        unit = value.get("unit", "")
        num = format_number(value.get("value"))
        text = f"{value['endpoint']} {num}{'%' if unit == '%' else (' ' + unit if unit else '')}"
        if value.get("population"):
            text += f" ({value['population']})"
        return text
    if "event" in value:
        grade = f" grade {value['grade']}" if value.get("grade") else ""
        unit = value.get("unit", "")
        num = format_number(value.get("value"))
        return f"{value['event']}{grade}: {num}{'%' if unit == '%' else (' ' + unit if unit else '')}"
    if "authority" in value:
        parts = [value["authority"], value.get("action", "")]
        if value.get("detail"):
            parts.append(value["detail"])
        text = " ".join(p for p in parts if p)
        if value.get("indication"):
            text += f", {value['indication']}"
        if value.get("date"):
            text += f" ({value['date']})"
        return text
    if "title" in value:
        extras = [str(value[k]) for k in ("status", "date") if value.get(k)]
        return str(value["title"]).rstrip(".") + (f" ({', '.join(extras)})" if extras else "")
    if "stage" in value:
        text = value["stage"]
        if value.get("indication"):
            text += f" ({value['indication']})"
        return text
    return ", ".join(f"{k}: {v}" for k, v in sorted(value.items()))


def format_number(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def sort_facts(facts: Iterable[Fact]) -> list[Fact]:
    """Deterministic order: by document, position, then subject and predicate."""
    unique = {(f.sort_key(), f.source, f.evidence.via): f for f in facts}
    return [unique[k] for k in sorted(unique, key=lambda k: (k[0], k[1], k[2] or ""))]


def write_jsonl(facts: Iterable[Fact]) -> str:
    return "".join(f.to_json() + "\n" for f in sort_facts(facts))
