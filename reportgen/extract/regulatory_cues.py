"""Regulatory cues beyond relations.py's verbs, as data (data/regulators.yaml `accepted_cues`).

An application the regulator has validated, or given a PDUFA date, has been accepted for review: the
same reading as "accepted", under the same condition (an application noun within reach).
"""

from __future__ import annotations

import re
from functools import lru_cache

from reportgen.extract.fastre import gate
from reportgen.extract.lexicon import cue_alternation, read_data

__all__ = ["describes_a_class", "counted_event", "accepted_alone", "accepted_cues", "agency_reference", "names_an_application", "recommended_approval"]


@lru_cache(maxsize=1)
def accepted_cues() -> re.Pattern:
    return gate(re.compile(rf"(?<![\w\-])(?:{cue_alternation(read_data('regulators.yaml')['accepted_cues'])})(?![\w\-])", re.I))


_APPLICATION_AFTER = re.compile(r"\s+applications?\b", re.I)


def names_an_application(sent: str, end: int) -> bool:
    """"Marketing Authorisation Application": the approval words open an application's name."""
    return bool(_APPLICATION_AFTER.match(sent, end))


@lru_cache(maxsize=1)
def _opinion():
    data = read_data("regulators.yaml")
    rx = gate(re.compile(rf"(?<![\w\-])(?:{cue_alternation(data['opinion_cues'])})(?![\w\-])[^.;]*$", re.I))
    return rx, int(data.get("opinion_window") or 80), data.get("opinion_action")


def recommended_approval(sent: str, start: int) -> tuple[bool, str | None]:
    """Whether the approval word at `start` is only recommended ("a positive opinion recommending approval"),
    and what the sentence states instead (data/regulators.yaml `opinion_action`; None: nothing)."""
    rx, window, action = _opinion()
    return rx.search(sent, max(0, start - window), start) is not None, action


@lru_cache(maxsize=1)
def _agency() -> re.Pattern:
    return gate(re.compile(rf"(?<![\w\-])(?:{cue_alternation(read_data('regulators.yaml')['agency_references'])})(?![\w\-])", re.I))


def agency_reference(sent: str) -> bool:
    """"The agency placed the study on hold": a regulator referred to, not named (regulators.yaml)."""
    return _agency().search(sent) is not None


def accepted_alone(cue: str) -> bool:
    """An accepted-filing cue that needs no application named beside it ("set a PDUFA date for X")."""
    alone = {" ".join(str(w).casefold().split()) for w in read_data("regulators.yaml").get("accepted_cues_alone") or []}
    return " ".join(cue.casefold().split()) in alone


@lru_cache(maxsize=1)
def _class_rules():
    data = read_data("regulators.yaml")
    n = int(data.get("class_words") or 3)
    nouns = cue_alternation(data["class_nouns"])
    # the class noun ends the phrase: "approved products" but not "approved the Biologics License Application"
    after = re.compile(rf"(?:[\s\-]+(?![\w\-]*(?:for|to|by|in|of|on|the|a|an|its)\b)[\w\-/]+){{0,{n}}}?[\s\-]+(?:{nouns})"
                       rf"(?![\w\-])(?!\s+(?:License|Licence|Application|Drug)\b)", re.I)
    count = re.compile(rf"(?<![\w\-])(?:{cue_alternation(str(w) for w in data['count_words'])})\s+(?:[\w\-]+\s+){{0,2}}$", re.I)
    return after, count


def describes_a_class(sent: str, end: int) -> bool:
    """"approved therapies", "FDA-approved treatments": the approval word ending at `end` qualifies a class."""
    return _class_rules()[0].match(sent, end) is not None


def counted_event(sent: str, start: int, end: int) -> bool:
    """"four IND clearances", "several approvals": a count before the plural event word at `start:end`."""
    plural = re.search(r"(?:[a-z]s|INDs|BLAs|NDAs)$", sent[start:end]) is not None
    return plural and _class_rules()[1].search(sent, max(0, start - 40), start) is not None
