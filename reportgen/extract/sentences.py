"""Sentence spans for press-release prose, as exact offsets into the text.

Lines are hard boundaries (headings, bullets, captions have no final period).
Inside a line a period ends a sentence only when it is followed by space and a
capital/digit/quote, and the word before it is not an abbreviation (Inc., Dr.,
U.S., No., vs.) or an initial.
"""

from __future__ import annotations

import re

ABBREVIATIONS = frozenset("""
inc ltd co corp dr mr ms mrs prof vs no nos st jr sr e.g i.e etc fig figs approx calif
jan feb mar apr jun jul aug sep sept oct nov dec u.s u.k ph.d phd m.d al vol ref dept
univ est mt gen rev gov sen rep ave blvd dist div intl assn bros cf ca approx incl pp
ltd.co nat semin immunol neurol mass conn penn ill fla wash minn mich n.j n.y
""".split())

_LINE = re.compile(r"[^\n\r]+")
_END = re.compile(r"[.!?]+(?:\d{1,2}(?:[,\-–]\d{1,2})*(?=\s+[A-Z“\"]))?[\"”’'\)\]]*(?=\s)")
_LEAD = re.compile(r"^[\s\-\*•·▪–—>#|]+")
_TRAIL = re.compile(r"[\s|]+$")
_NEXT = re.compile(r"\s+([\"“‘'(\[]?[A-Z0-9•\-])")
_WORD = re.compile(r"(\S+)$")


def _is_abbreviation(before: str) -> bool:
    m = _WORD.search(before)
    if not m:
        return False
    word = m.group(1).lstrip("(\"“‘[")
    low = word.lower()
    if low in ABBREVIATIONS:
        return True
    if len(word) == 1 and word.isalpha():  # initials: "John A. Smith"
        return True
    return bool(re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]", word))  # U.S, e.g


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans (start, end), each stripped of surrounding blanks and bullets."""
    spans: list[tuple[int, int]] = []
    for line in _LINE.finditer(text):
        ls, le = line.span()
        start = ls
        segment = text[ls:le]
        for m in _END.finditer(segment):
            cut = ls + m.end()
            if _is_abbreviation(text[start:ls + m.start()]) and text[ls + m.start()] == ".":
                continue
            nxt = _NEXT.match(text, cut, le)
            if not nxt:
                continue
            _add(text, start, cut, spans)
            start = cut
        _add(text, start, le, spans)
    return spans


def _add(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    piece = text[start:end]
    lead = _LEAD.match(piece)
    s = start + (lead.end() if lead else 0)
    trail = _TRAIL.search(text, s, end)
    e = trail.start() if trail else end
    if e > s:
        spans.append((s, e))
