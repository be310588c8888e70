"""Phases a sentence implies without a number ("the first-in-human study of X"): weak candidates.

Each cue in data/phases.yaml proposes its stage under its rule; a sentence that also names the trial
adds the `trial_named_rule` vote. Whether that is enough is the scoring stage's decision
(data/scoring.yaml), not this module's.
"""

from __future__ import annotations

import re
from functools import lru_cache

from reportgen.extract.fastre import gate
from reportgen.extract.lexicon import cue_alternation, read_data

__all__ = ["implied_phases"]


@lru_cache(maxsize=1)
def _rules() -> tuple[list[tuple[re.Pattern, str, str]], str]:
    data = read_data("phases.yaml")
    out = []
    for item in data["implied"]:
        out.append((gate(re.compile(rf"(?<![\w\-])(?:{cue_alternation(item['cues'])})(?![\w\-])", re.I)),
                    str(item["stage"]), str(item["rule"])))
    return out, str(data["trial_named_rule"])


def implied_phases(sent: str, base: int, names_trial: bool) -> list[tuple[int, str, tuple[str, ...]]]:
    """(absolute position, stage, rules voting) for each implied phase of the sentence."""
    cues, trial_rule = _rules()
    out = []
    for rx, stage, rule in cues:
        m = rx.search(sent)
        if m:
            out.append((base + m.start(), stage, (rule, trial_rule) if names_trial else (rule,)))
    return out
