"""Forward references: facts stated before the release first names its asset.

Headlines and opening sentences often speak of "its investigational therapy" or "our lead program" and
name the asset only later ("Zentova Receives Breakthrough Therapy Designation for Its Lupus Program").
Before any asset is named, such a phrase can only be the release's single focal asset (document.py);
its possessor, the organization named before it, develops that asset. Cues in data/references.yaml.
"""

from __future__ import annotations

import re
from functools import lru_cache

from reportgen.extract.fastre import gate
from reportgen.extract.lexicon import cue_alternation, read_data

__all__ = ["forward_reference"]


@lru_cache(maxsize=1)
def _cue() -> re.Pattern:
    data = read_data("references.yaml")
    heads = cue_alternation(data["asset_heads"])
    n = int(data["forward_max_modifiers"])
    not_before = cue_alternation(data["not_before"])
    return gate(re.compile(rf"\b(?:{cue_alternation(data['forward_possessives'])})\s+(?:[\w\-/]+\s+){{0,{n}}}?"
                      rf"(?:{heads})s?\b(?!\s+(?:{not_before})\b)", re.I))


def forward_reference(sent: str) -> tuple[int, int] | None:
    """(start, end) within `sent` of the first possessive asset phrase ("its investigational therapy")."""
    m = _cue().search(sent)
    return m.span() if m else None
