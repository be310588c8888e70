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
_LEAD = re.compile(r"[\s\-\*•·▪–—>#|]+")
_NEXT = re.compile(r"\s+([\"“‘'(\[]?[A-Z0-9•\-])")
_MAX_WORD = 40  # an abbreviation or initial is short; never look further back than this


def _last_word(text: str, start: int, end: int) -> str:
    """The non-blank run ending at `end` (scanned backwards, bounded: linear overall)."""
    i = end
    stop = max(start, end - _MAX_WORD)
    while i > stop and not text[i - 1].isspace():
        i -= 1
    return text[i:end]


def _is_abbreviation(before: str) -> bool:
    word = _last_word(before, 0, len(before))
    if not word:
        return False
    word = word.lstrip("(\"“‘[")
    low = word.lower()
    if low in ABBREVIATIONS:
        return True
    if len(word) == 1 and word.isalpha():
        # an initial follows a name ("John A. Smith"); after a lower-case word the letter ends a disease or
        # a part name and the sentence with it ("hemophilia B.", "hepatitis B.", "type A.")
        prev = before[:len(before) - len(word)].rstrip()
        prev_word = _last_word(prev, 0, len(prev))
        return not (prev_word[:1].islower() and prev_word.isalpha())

    return bool(re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]", word))  # U.S, e.g


def _decimal(segment: str, i: int) -> bool:
    """A period between two digits ("18.2"): a decimal, never a sentence end with a footnote number."""
    return segment[i] == "." and i > 0 and segment[i - 1].isdigit() and i + 1 < len(segment) and segment[i + 1].isdigit()


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans (start, end), each stripped of surrounding blanks and bullets."""
    spans: list[tuple[int, int]] = []
    for line in _LINE.finditer(text):
        ls, le = line.span()
        start = ls
        segment = text[ls:le]
        for m in _END.finditer(segment):
            cut = ls + m.end()
            if text[ls + m.start()] == "." and _is_abbreviation(text[max(start, ls + m.start() - _MAX_WORD):ls + m.start()]):
                continue
            if _decimal(segment, m.start()):
                continue  # "CLDN18.2 ADC", "RECIST 1.1 Criteria": a number, not a footnote after a period
            nxt = _NEXT.match(text, cut, le)
            if not nxt:
                continue
            _add(text, start, cut, spans)
            start = cut
        _add(text, start, le, spans)
    return spans


def _add(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    lead = _LEAD.match(text, start, end)
    s = lead.end() if lead else start
    e = end
    while e > s and (text[e - 1].isspace() or text[e - 1] == "|"):
        e -= 1
    if e > s:
        spans.append((s, e))
