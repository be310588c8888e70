"""Whose target and modality a description is, where the nearest name is the wrong answer.

- A description written right before a parenthesised name is that name's: "after lymphodepletion with an
  anti-CD52 antibody (ZX-647)" describes ZX-647, not the asset named before it (relations.py `_described`
  reads the opposite order, "ZX-647 (an anti-CD52 antibody)").
- A target or class named after a combination cue belongs to the combination partner, named or not: "ZX-1 in
  combination with an anti-PD-1 antibody", "a combination that features a monoclonal antibody therapy".
- A target or class in the apposition right after a combination partner's name is that partner's: "X in
  combination with Y, Halden's anti-PD-1 antibody, in NSCLC" says what Y is, not X.
- A colon list after "target(s) two genes ...:" names the asset's targets however far the list runs:
  "ZX-VS is designed to target two genes critical in cancer: kinesin spindle protein, or KSP, ...; and VEGF".
"""

from __future__ import annotations

import re

__all__ = ["described_before", "combination_partner", "colon_list_target", "partner_apposition"]

_BEFORE_PAREN = re.compile(r"(?:^|[,;:]\s*|\b(?:a|an|the|its|their|our|with|by)\s+)((?:[\w\-/]+\s+){0,5}?[\w\-/]+)\s*\(\s*$", re.I)


def described_before(text: str, assets, s: int, e: int) -> list[tuple[int, int, int]]:
    """(start, end, eid) of the words an article or comma opens right before "(NAME)" in the sentence (s, e)."""
    out = []
    for a in assets:
        if not re.match(r"\s*\)", text[a.end:a.end + 3]):
            continue
        m = _BEFORE_PAREN.search(text, max(s, a.start - 80), a.start)
        if m and m.group(1).strip():
            out.append((m.start(1), m.end(1), a.eid))
    return out


_COMBINATION = re.compile(
    r"\b(?:in\s+combination\s+with|combined\s+with|combination\s+(?:that\s+)?(?:features|includes|including|with|of)|"
    r"together\s+with|plus|alongside|added\s+to|on\s+top\s+of|co-administered\s+with)\s+"
    r"(?:(?:a|an|the|another|other|approved|standard|existing)\s+)*(?:[\w\-/]+\s+){0,2}?$", re.I)


def combination_partner(text: str, sent_start: int, pos: int) -> bool:
    """Whether the term at `pos` is said of a combination partner ("with an anti-PD-1 antibody")."""
    return bool(_COMBINATION.search(text, max(sent_start, pos - 70), pos))


_TARGETS_LIST = re.compile(
    r"\b(?:target|targets|targeting|inhibit|inhibits|inhibiting|block|blocks|blocking|silence|silences|silencing)\s+"
    r"(?:two|three|four|both|multiple|several|\d)\s+(?:[\w\-]+\s+){0,3}?"
    r"(?:genes|proteins|targets|pathways|receptors|antigens|kinases|cytokines)\b[^.:;]{0,90}:", re.I)


def colon_list_target(text: str, sent_start: int, pos: int) -> bool:
    """Whether the target at `pos` stands in the colon list after "target(s) two genes ...:" in its sentence."""
    m = _TARGETS_LIST.search(text, sent_start, pos)
    return m is not None and m.end() <= pos


_CLASS_TAIL = re.compile(r"(?:-(?:directed|targeted|targeting|specific))?[ \t]+(?:[\w\-]+[ \t]+){0,2}?(?=[A-Z])")


def partner_named_after(text: str, assets, end: int) -> int | None:
    """The combination partner named right after its class ("with Halden's anti-PD-1 therapy BRANDX"): the asset
    starting after at most two more words, else None."""
    m = _CLASS_TAIL.match(text, end)
    if not m:
        return None
    return next((a.eid for a in assets if a.start == m.end()), None)


# the apposition after a name, up to the term: ", Halden's anti-PD-1 ", ", an approved " (no second comma or clause)
_APPOSITION = re.compile(r"(?:™|®)?,\s+(?![^,;.()]*\b(?:is|was|are|were|has|had|and|which|that|who|for|in|to)\s)[^,;.()]{0,60}")


def partner_apposition(text: str, assets, pos: int) -> int | None:
    """The asset whose apposition holds the term at `pos` ("with Y, Halden's anti-PD-1 antibody"), else None."""
    before = [a for a in assets if a.end <= pos]
    if before and _APPOSITION.fullmatch(text, before[-1].end, pos):
        return before[-1].eid
    return None
