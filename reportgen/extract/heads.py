"""A class noun written right before a name belongs to that name: "Quenby Bio's gene therapy QB-102".

Roundups and trade news list several assets in one sentence, each after its maker and its class ("A's VLM-44 for X,
B's gene therapy QB-102 for Y"). Attaching the class to the nearest name before it gives it to the previous
asset; a name that follows the class noun with at most one word between (no punctuation) is its head.
"""

from __future__ import annotations

import re

_GAP = re.compile(r"[ \t]+(?:[\w\-]+[ \t]+)?")


def asset_named_after(text: str, assets, end: int) -> int | None:
    """The entity id of the asset whose name starts right after `end` ("<class noun> NAME"), else None."""
    for a in assets:
        if a.start < end:
            continue
        gap = _GAP.fullmatch(text, end, a.start)
        return a.eid if gap and a.end > a.start else None
    return None
