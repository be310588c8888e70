"""Bulleted lists: an item that names no asset speaks of the asset its introduction named.

Releases list indications, designations and studies under a line that ends with a colon ("Previous Breakthrough
Therapy designations were received for:", "Phase 3 trials of ZX-101 are ongoing in:") and then one item a line,
each set off by "-", "•", "*" or "1." (or a marker alone on the line before). The items name only the disease;
the asset is the one the introduction named, or, when the introduction names none, the one the text was about
(the current asset). An introduction naming two assets gives the items to neither.
"""

from __future__ import annotations

import re

__all__ = ["ListScope"]

# the start of the item's line (or the line before, when the marker stands alone): a bullet or a number
_MARKER_BEFORE = re.compile(r"(?:^|\n)[ \t]*(?:[-•*▪◦–·]|\d{1,2}[.)])[ \t]*(?:\n[ \t]*)?$")


_MARKER_ONLY = re.compile(r"\s*(?:[-•*▪◦–·]|\d{1,2}[.)])\s*$")


class ListScope:
    """Walked sentence by sentence (relations.run): `step` says whose item each sentence is."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.owner: int | None = None
        self.open = False  # an introduction was seen and the items under it have not ended

    def is_item(self, s: int) -> bool:
        return bool(_MARKER_BEFORE.search(self.text, max(0, s - 12), s))

    def step(self, s: int, e: int, asset_ids: list[int], current: int | None) -> int | None:
        """The asset an item sentence (s, e) belongs to, or None (not an item, or no clear owner).
        `asset_ids`: the assets the sentence names; `current`: the asset last named before it."""
        if _MARKER_ONLY.match(self.text, s, e):
            return None  # "1." split off as a sentence of its own: the item follows
        item = self.open and self.is_item(s)
        owner = self.owner if item else None
        if self.text[s:e].rstrip().endswith(":"):
            ids = set(asset_ids)
            self.owner = next(iter(ids)) if len(ids) == 1 else (current if not ids else None)
            self.open = self.owner is not None
        elif not item:
            self.open, self.owner = False, None
        return owner
