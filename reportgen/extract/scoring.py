"""One scored decision per candidate fact, with a single threshold (data/scoring.yaml).

Rules propose candidates; a candidate is (subject, predicate, object). Each rule that proposes or
vetoes it votes with its weight (a rule counts once however often it fires); the candidate becomes a
fact when the sum reaches the threshold, and the sum is kept on the fact (`Fact.score`). A rule with no
weight in the data votes `default`, so the rules that predate scoring decide exactly as before, and a
weak rule (weight below the threshold) needs a second rule to agree.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Hashable, Iterable

from reportgen.extract.lexicon import DATA_DIR, read_data

__all__ = ["Weights", "weights", "Ballot", "DEFAULT_RULE"]

DEFAULT_RULE = "default"


@dataclass(frozen=True)
class Weights:
    threshold: float
    default: float
    rules: dict[str, float]

    def of(self, rule: str | None) -> float:
        if rule is None or rule == DEFAULT_RULE:
            return self.default
        try:
            return self.rules[rule]
        except KeyError:
            raise KeyError(f"{DATA_DIR / 'scoring.yaml'}: no weight for rule {rule!r} (rules: "
                           f"{', '.join(sorted(self.rules))})") from None


@lru_cache(maxsize=1)
def weights() -> Weights:
    """The weights and threshold in data/scoring.yaml, checked (a misspelt key fails here, not silently)."""
    path = DATA_DIR / "scoring.yaml"
    data = read_data("scoring.yaml")
    unknown = set(data) - {"threshold", "default", "rules"}
    if unknown:
        raise ValueError(f"{path}: unknown key {sorted(unknown)[0]!r} (keys: threshold, default, rules)")
    rules = data.get("rules") or {}
    for name, w in rules.items():
        if isinstance(w, bool) or not isinstance(w, (int, float)):
            raise ValueError(f"{path}: rules.{name}: weight must be a number, not {w!r}")
    for key in ("threshold", "default"):
        if isinstance(data.get(key), bool) or not isinstance(data.get(key), (int, float)):
            raise ValueError(f"{path}: {key} must be a number, not {data.get(key)!r}")
    return Weights(float(data["threshold"]), float(data["default"]), {str(k): float(v) for k, v in rules.items()})


@dataclass
class Ballot:
    """The votes on every candidate of one document, in the order candidates were first proposed."""

    w: Weights = field(default_factory=weights)
    _first: dict[Hashable, object] = field(default_factory=dict)
    _votes: dict[Hashable, dict[str, float]] = field(default_factory=dict)

    def vote(self, key: Hashable, payload: object, rules: Iterable[str | None] = (None,)) -> None:
        """Rules voting for (or, with a negative weight, against) candidate `key`; the first payload
        proposed is the one kept (its evidence is the first sentence stating the fact)."""
        self._first.setdefault(key, payload)
        votes = self._votes.setdefault(key, {})
        for rule in rules:
            name = rule or DEFAULT_RULE
            votes[name] = self.w.of(rule)

    def score(self, key: Hashable) -> float:
        return round(sum(self._votes.get(key, {}).values()), 6)

    def decided(self) -> list[tuple[Hashable, object, float]]:
        """(key, first payload, score) of every candidate whose score reaches the threshold."""
        out = []
        for key, payload in self._first.items():
            s = self.score(key)
            if s >= self.w.threshold:
                out.append((key, payload, s))
        return out
