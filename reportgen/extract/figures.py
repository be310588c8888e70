"""Figures stated for a control arm first: "Placebo had an ORR of 10%, compared with 45% for X".

relations.py's results reader gives a term the first value after it. Where the sentence states that value for a
control arm (data/endpoints.yaml `control_arms`) before any asset, and the asset is named only after a compared
figure ("compared with 45% for X"), the compared figure is the asset's and the first one is the control's.
"""

from __future__ import annotations

import re
from functools import lru_cache

from reportgen.extract.counts import WORD_NUM, count_value
from reportgen.extract.lexicon import cue_alternation, read_data

__all__ = ["change_is_result", "control_led", "compared_figure", "names_a_control_arm", "score_change", "death_counts"]

# "... compared with 45% for X", "versus 12.1 months with X", "vs 40% in patients treated with X"
_COMPARED = re.compile(
    r"\b(?:vs\.?|versus|compared\s+(?:with|to)|against)\s+(?P<num>\d{1,3}(?:\.\d+)?)\s*(?P<unit>%|percent\b|per\s+cent\b|months?\b)?\s*"
    r"(?:\([^()]{0,40}\)\s*)?(?:for|with|in|on|among)\s+(?:the\s+|patients\s+(?:receiving|treated\s+with|given|on)\s+|those\s+(?:receiving|treated\s+with|on)\s+)?$",
    re.I)


@lru_cache(maxsize=1)
def _control() -> re.Pattern:
    words = read_data("endpoints.yaml").get("control_arms") or []
    return re.compile(rf"(?<![\w\-])(?:{cue_alternation(words)})(?![\w\-])", re.I)


def control_led(sent: str, first_asset: int | None, first_term: int) -> bool:
    """Whether a control arm is named before the sentence's first term (offsets in `sent`) and before any asset."""
    m = _control().search(sent, 0, first_term)
    return m is not None and (first_asset is None or m.start() < first_asset)


def compared_figure(text: str, lo: int, asset_start: int) -> tuple[int, str, str] | None:
    """(offset, number, unit) of the compared figure written right before an asset at `asset_start`, if any."""
    m = _COMPARED.search(text, max(lo, asset_start - 70), asset_start)
    if m is None:
        return None
    unit = (m.group("unit") or "%").lower()
    return m.start("num"), m.group("num"), "months" if unit.startswith("month") else "%"


# "by a mean of 6.2 points", "by 1.8 percentage points", "of 9.1 letters": a score's change in its own unit
# "2.6 bleeds per year", "0.8 attacks per month": an annualized (or monthly) rate in the unit the release prints
_SCORE = re.compile(r"[-−–]?(\d{1,3}(?:\.\d+)?)\s+((?:bleeds?|bleeding\s+episodes?|attacks?|episodes?|exacerbations?|relapses?)"
                    r"\s+per\s+(?:year|month|patient[\s\-]year)|percentage\s+points?|points?|letters?|days?)\b", re.I)  # "by 4.2 days": migraine days  # "was -4.5 points": 4.5 as printed


def score_change(tail: str) -> list[tuple[int, str, str]]:
    """(offset, number, unit) of a change in score units at the start of `tail` ("9.1 letters"), else []."""
    m = _SCORE.match(tail)
    if m is None:
        return []
    unit = " ".join(m.group(2).lower().split())
    return [(m.start(1), m.group(1), unit if unit.endswith("s") or " per " in unit else unit + "s")]


_SMALL_COUNT = "|".join(w for w, n in WORD_NUM.items() if n <= 10)  # counts.py holds the number words
# "There were two treatment-related deaths", "3 fatal adverse events ... deaths", "two patients died"
_DEATHS = re.compile(rf"(?<![\w.\-])(?P<n>\d{{1,3}}|{_SMALL_COUNT})\s+(?:(?:treatment|drug|study[\s\-]drug)[\s\-]related\s+|"
                     r"fatal\s+|on[\s\-]study\s+|additional\s+)?(?:deaths\b|death\b(?=\s+(?:was|occurred|due|related|attributed))|"
                     r"(?:patients?|participants?|subjects?)\s+died\b)"
                     # deaths from the disease itself are no adverse event of the drug
                     r"(?!\s+(?:\w+\s+){0,2}?(?:of|from|due\s+to|because\s+of|attributed\s+to|related\s+to)\s+(?:the\s+|their\s+|underlying\s+)?"
                     r"(?:disease|progressi|progressive\s+disease|the\s+underlying))", re.I)


def death_counts(sent: str) -> list[tuple[int, int]]:
    """(offset in `sent`, count) of each count of deaths the sentence states ("two treatment-related deaths")."""
    out = []
    for m in _DEATHS.finditer(sent):
        out.append((m.start("n"), count_value(m.group("n"))))
    return out


def names_a_control_arm(population: str) -> bool:
    """Whether a population phrase is a control arm ("control arm", "placebo group"): no population of the asset."""
    words = read_data("endpoints.yaml").get("control_arms") or []
    return re.fullmatch(rf"(?:the\s+)?(?:{cue_alternation(words)})(?:\s+(?:arm|group|cohort|patients))?", population.strip(), re.I) is not None


_FOR_ASSET = re.compile(r"\s?(?:%|percent\b|per\s+cent\b|months?\b)?\s*(?:\([^()]{0,40}\)\s*)?(?:for|with|in\s+the|on)\s+(?:the\s+)?"
                        r"(?:patients\s+(?:receiving|treated\s+with|on)\s+)?$", re.I)


def value_owner(text: str, end: int, assets) -> int | None:
    """The entity id of the asset named right after a figure ending at `end` ("45% for X"), else None."""
    for a in assets:
        if end <= a.start <= end + 60 and _FOR_ASSET.fullmatch(text, end, a.start):
            return a.eid
    return None


# "a 65% reduction in LDL-C", "a 1.8% decrease in HbA1c": for a marker (data/endpoints.yaml `change_endpoints`) the
# change is the result; "a 30% improvement in PFS" stays a comparison, not the endpoint's value
_CHANGE_NOUN = re.compile(r"\b(?:reductions?|decreases?|declines?|drops?|lowering|changes?|improvements?|increases?)\s+(?:from\s+baseline\s+)?(?:in\s+(?:the\s+)?)?$", re.I)


@lru_cache(maxsize=1)
def _change_endpoints() -> frozenset:
    return frozenset(str(w) for w in read_data("endpoints.yaml").get("change_endpoints") or ())


def change_is_result(endpoint: str, before: str) -> bool:
    """Whether the figure before `endpoint` ("65% reduction in ") is the endpoint's result: a marker's change."""
    return endpoint in _change_endpoints() and _CHANGE_NOUN.search(before) is not None
