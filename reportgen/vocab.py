"""The fact vocabulary's one home: predicates, stages, modalities, authorities, actions, endpoints.

The words live in `data/vocab.yaml` (and the endpoint spellings in the
extractor's `extract/data/endpoints.yaml`); every other module imports them
from here instead of spelling them again.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

_DATA = Path(__file__).parent / "data" / "vocab.yaml"
_ENDPOINTS = Path(__file__).parent / "extract" / "data" / "endpoints.yaml"


@dataclass(frozen=True)
class PredicateInfo:
    """What a predicate's facts are about and what their object is."""

    name: str
    subject: str  # "asset", "organization" or "any"
    object: str  # "text", "modality", or the name of a typed object in reportgen.facts
    weight: int  # how much a change to such a fact matters (0 first)


@dataclass(frozen=True)
class ActionInfo:
    name: str
    stage: str | None  # the stage an asset has reached once the action is stated
    weight: int


def _load() -> dict:
    from reportgen import prepared  # the parse kept between processes when a build enabled it

    return prepared.load_yaml(_DATA, yaml.SafeLoader)


_V = _load()

PREDICATE_INFO: dict[str, PredicateInfo] = {
    name: PredicateInfo(name=name, subject=d["subject"], object=d["object"], weight=int(d["weight"]))
    for name, d in _V["predicates"].items()}
PREDICATES: tuple[str, ...] = tuple(PREDICATE_INFO)
ASSET_PREDICATES = frozenset(p.name for p in PREDICATE_INFO.values() if p.subject == "asset")
ORG_PREDICATES = frozenset(p.name for p in PREDICATE_INFO.values() if p.subject == "organization")
TEXT_PREDICATES: tuple[str, ...] = tuple(p.name for p in PREDICATE_INFO.values() if p.object == "text")

STAGES: tuple[str, ...] = tuple(_V["stages"])
STAGE_RANK: dict[str, int] = {stage: i for i, stage in enumerate(STAGES)}
MODALITIES: tuple[str, ...] = tuple(_V["modalities"])
AUTHORITIES: tuple[str, ...] = tuple(_V["authorities"])
ACTION_INFO: dict[str, ActionInfo] = {
    name: ActionInfo(name=name, stage=(d or {}).get("stage"), weight=int((d or {}).get("weight", 3)))
    for name, d in _V["regulatory_actions"].items()}
REGULATORY_ACTIONS: tuple[str, ...] = tuple(ACTION_INFO)
SAFETY_UNITS: tuple[str, ...] = tuple(_V["safety_units"])
ENDPOINT_NAMES: dict[str, str] = dict(_V["endpoint_names"])

assert set(STAGES) >= {a.stage for a in ACTION_INFO.values() if a.stage}, "an action names an unknown stage"


def _fold(text: str) -> str:
    return re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text)).strip().casefold().replace("–", "-")


@lru_cache(maxsize=1)
def _endpoint_spellings() -> dict[str, str]:
    """Every spelling of an endpoint in the endpoint lexicon, folded -> its canonical spelling."""
    from reportgen import prepared

    data = prepared.load_yaml(_ENDPOINTS, yaml.SafeLoader) or {}
    out: dict[str, str] = {}
    for canonical, spellings in (data.get("endpoints") or {}).items():
        for spelling in [canonical, *(spellings or [])]:
            out.setdefault(_fold(str(spelling)), str(canonical))
    return out


def endpoint_key(endpoint: str) -> str:
    """One key per endpoint however it is spelled: "ORR", "Overall response rate (ORR)" -> "objective response rate".

    Spellings are the endpoint lexicon's; the readable name is `endpoint_names`;
    an endpoint the lexicon does not know is its folded text.
    """
    text = _fold(endpoint).rstrip(" .:")
    spellings = _endpoint_spellings()
    canonical = spellings.get(text)
    if canonical is None:
        bare = re.sub(r"\s*\([^()]{1,12}\)$", "", text)  # "overall response rate (orr)"
        canonical = spellings.get(bare) or spellings.get(re.sub(r"^median\s+", "", bare))
        if canonical is None:
            return bare
    return ENDPOINT_NAMES.get(canonical, canonical).casefold()
