"""Targets by shape plus cue: a gene-like symbol the target vocabulary does not list yet (issue 9, mentions).

"a selective inhibitor of TYK9" names TYK9 as the target even though targets.yaml has no line for it, and
the symbol is then not mistaken for an asset code. Cues and excluded words live in data/target_shapes.yaml.
"""

from __future__ import annotations

import re
from functools import lru_cache

from reportgen.extract.lexicon import Lexicons, Match, cue_alternation, read_data

_SYMBOL = r"(?:[A-Z][A-Z0-9]{1,6}[a-z]?|[a-z]{1,2}\d{2,4})"  # "TYK9", "QRK4b", "gp100"


@lru_cache(maxsize=1)
def _compiled():
    data = read_data("target_shapes.yaml")
    before = cue_alternation(data["before"])
    after = "|".join(re.escape(c) if c[:1] in "- " else rf"\s+{re.escape(c)}" for c in data["after"])
    return (re.compile(rf"\b(?:{before})\s+(?:the\s+)?({_SYMBOL})(?![\w\-])", re.I),
            re.compile(rf"(?<![\w\-])({_SYMBOL})(?:{after})\b", re.I),
            frozenset(s.casefold() for s in data.get("not_symbols", [])))


def _symbol(word: str) -> bool:
    if not re.fullmatch(_SYMBOL, word):  # the case-insensitive cue regex let lower case through
        return False
    digits = sum(ch.isdigit() for ch in word)
    return digits >= 1 or 3 <= len(word) <= 6 and word[0].isupper()


def shaped_targets(text: str, lex: Lexicons, taken: list[Match]) -> list[Match]:
    """Target mentions by shape and cue, outside every span the lexicons already matched."""
    before, after, not_symbols = _compiled()
    spans = [(m.start, m.end) for m in taken]
    out: dict[tuple[int, int], Match] = {}
    for rx in (before, after):
        for m in rx.finditer(text):
            w, (s, e) = m.group(1), m.span(1)
            if not _symbol(w) or w.casefold() in not_symbols or any(a < e and s < b for a, b in spans):
                continue
            if any(x.lookup(w)[0] for x in (lex.organizations, lex.authorities, lex.diseases, lex.modalities,
                                            lex.countries, lex.endpoints)):
                continue
            out[(s, e)] = Match(s, e, w, w, False)
    # "a CD20xCD3 bispecific": two vocabulary targets joined by x / × without spaces
    for m in _JOINED.finditer(text):
        for g in (1, 2):
            w, (s, e) = m.group(g), m.span(g)
            canonical = lex.targets.lookup(w)[0]
            if canonical and not any(a < e and s < b for a, b in spans):
                out[(s, e)] = Match(s, e, canonical, w, False)
    return [out[k] for k in sorted(out)]


_JOINED = re.compile(r"(?<![\w\-])([A-Z][A-Za-z0-9.\-]{1,9}?)[x×]([A-Z][A-Za-z0-9.\-]{1,9})(?![\w])")
