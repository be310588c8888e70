"""Disease mentions from the MeSH vocabulary, only where the context says disease.

data/diseases.yaml is the extractor's curated list; MeSH (reportgen/diseases.py) knows far more names but
also ordinary words. A MeSH name is taken only right after a treatment cue ("patients with X", "for the
treatment of X"; data/disease_context.yaml), longest first, and never where a curated disease already is.
"""

from __future__ import annotations

import re
from functools import lru_cache


from reportgen.diseases import normalize, vocabulary
from reportgen.extract.fastre import gate as _gate
from reportgen.extract.lexicon import Match, cue_alternation, read_data

_WORD = re.compile(r"[A-Za-z][\w\-’']*")
_STOP = re.compile(r"[,;:.()\[\]\"“”]|\b(?:who|and|or|that|which|with|in|at|after|than|whose)\b", re.I)


@lru_cache(maxsize=1)
def _config() -> tuple[re.Pattern, int, int]:
    data = read_data("disease_context.yaml")
    alt = cue_alternation(data["cues"])
    mods = cue_alternation(data.get("modifiers", [])) or "(?!)"
    # tried only where a cue word starts (fastre.py)
    cue = _gate(re.compile(rf"\b(?:{alt})\s+(?:the\s+)?(?:(?:{mods})[\s,]+)*", re.I))
    return (cue, int(data["max_words"]), int(data["min_single_word"]))


def mesh_diseases(text: str, taken: list[Match]) -> list[Match]:
    """Disease matches after a cue whose following words are a MeSH name not already matched."""
    cue, max_words, min_single = _config()
    variants = vocabulary().variants
    spans = [(m.start, m.end) for m in taken]
    out: list[Match] = []
    for c in cue.finditer(text):
        start = c.end()
        stop = _STOP.search(text, start, start + 120)
        seg_end = stop.start() if stop else min(len(text), start + 120)
        words = list(_WORD.finditer(text, start, seg_end))[:max_words]
        if not words or words[0].start() != start:
            continue
        inside = [(a, b) for a, b in spans if a < seg_end and start < b]
        if inside and inside[0][0] <= start:
            continue  # a curated disease starts here (or before): it stays
        for n in range(len(words), 0, -1):
            surface = text[start:words[n - 1].end()]
            if n == 1 and len(surface) < min_single:
                break
            end = start + len(surface)
            if any(start < b and a < end and b > end for a, b in inside):
                continue  # would cut a curated disease in two
            if normalize(surface) in variants:
                out.append(Match(start, end, surface, surface, False))  # as written; covers any curated inside
                break
    return out
