"""Readings of regulatory words by their context.

A review status stated as the asset's state ("under priority review") is an accepted filing.

"Granted Priority Review" reads as a designation (the detail of an expedited programme); "is under
priority review by the FDA" says the application was accepted and is being reviewed. Cues in
data/regulators.yaml (`review_statuses`, `review_status_before`).
"""

from __future__ import annotations

import re
from functools import lru_cache


from reportgen.extract.lexicon import cue_alternation, read_data


@lru_cache(maxsize=1)
def _cues() -> tuple[frozenset, re.Pattern, re.Pattern, re.Pattern]:
    data = read_data("regulators.yaml")
    before = sorted(set(data.get("review_status_before") or []), key=len, reverse=True)
    alt = cue_alternation(before)
    apps = cue_alternation(data.get("review_status_applications") or ["application"])
    return (frozenset(data.get("review_statuses") or []), re.compile(rf"\b(?:{alt})\s+$", re.I),
            re.compile(rf"\s*(?:status\s+)?(?:to|for)\s+(?:the\s+|its\s+|a\s+|an\s+)?"
                       rf"(?:company['’]s\s+|[\w\-]+['’]s?\s+)?(?:supplemental\s+)?(?:{apps})\b", re.I),
            # "the NDA ... has been accepted ... and granted Priority Review": the application is the subject
            re.compile(rf"\b(?:{apps})\b[^.;]{{0,120}}?\b(?:accepted|validated|granted|given|receiv(?:ed|es)|assigned)\s+"
                       rf"(?:it\s+|a\s+|an\s+)?$", re.I))


def review_action(text: str, start: int, detail: str, end: int | None = None) -> str:
    """'filing accepted' for a review status the text puts the asset under, or grants to its application
    ("granted Priority Review to the BLA"), else 'designation'."""
    statuses, before, to_application, application_first = _cues()
    if detail in statuses and (before.search(text, max(0, start - 20), start)
                               or end is not None and to_application.match(text, end)
                               or application_first.search(text, max(0, start - 160), start)):
        return "filing accepted"
    return "designation"


@lru_cache(maxsize=1)
def _trial_start() -> re.Pattern:
    data = read_data("regulators.yaml")

    def alt(words):
        return cue_alternation(words)
    return re.compile(rf"\b(?:{alt(data['trial_start_verbs'])})\s+(?:(?:a|an|the|its|their)\s+)?"
                      rf"(?:{alt(data['trial_start_objects'])})(?![\w/])", re.I)


def approval_starts_trials(sent: str, end: int) -> bool:
    """Whether the sentence, after an approval word ending at `end`, goes on to start first trials."""
    return _trial_start().search(sent, end) is not None
