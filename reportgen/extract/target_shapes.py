"""Targets by shape plus cue: a gene-like symbol the target vocabulary does not list yet (issue 9, mentions).

"a selective inhibitor of TYK9" names TYK9 as the target even though targets.yaml has no line for it, and
the symbol is then not mistaken for an asset code. Cues and excluded words live in data/target_shapes.yaml.
"""

from __future__ import annotations

import re
from functools import lru_cache

from reportgen.extract.fastre import gate as _gate, hoisted
from reportgen.extract.lexicon import Lexicons, Match, cue_alternation, read_data

_SYMBOL = r"(?:[A-Z][A-Z0-9]{1,6}[a-z]?|[a-z]{1,2}\d{2,4})"  # "TYK9", "QRK4b", "gp100"


@lru_cache(maxsize=1)
def _compiled():
    """One cue scan: each cue word is found once, then the symbol is read after it ("inhibitor of X") or before
    it ("X inhibitor"). A pattern that opened on the symbol's character class would be tried everywhere."""
    data = read_data("target_shapes.yaml")
    words = sorted({w for c in data["before"] + data["after"] for w in [c.strip(" -").split()[0]]}, key=lambda w: (-len(w), w))
    # behind a literal gate with heads (fastre.py): a case-insensitive alternation gets no prefix scan from re
    cue = _gate(re.compile(rf"(?<![\w])(?:{'|'.join(map(re.escape, words))})(?![\w])", re.I))
    before = re.compile(rf"(?:{cue_alternation(data['before'])})\s+(?:the\s+)?({_SYMBOL})(?![\w\-])", re.I)
    after_words = "|".join(re.escape(c.strip(" -")) for c in data["after"])
    tail = re.compile(rf"(?<![\w\-])({_SYMBOL})[\s\-]$")
    after = re.compile(rf"(?:{after_words})(?![\w])", re.I)
    return cue, before, after, tail, frozenset(s.casefold() for s in data.get("not_symbols", []))


def _symbol(word: str) -> bool:
    if not re.fullmatch(_SYMBOL, word):  # the case-insensitive cue regex let lower case through
        return False
    digits = sum(ch.isdigit() for ch in word)
    return digits >= 1 or 3 <= len(word) <= 6 and word[0].isupper()


def shaped_targets(text: str, lex: Lexicons, taken: list[Match]) -> list[Match]:
    """Target mentions by shape and cue, outside every span the lexicons already matched."""
    cue, before, after, tail, not_symbols = _compiled()
    spans = [(m.start, m.end) for m in taken]
    out: dict[tuple[int, int], Match] = {}
    hits = []
    for c in cue.finditer(text):
        b = before.match(text, c.start())
        if b:
            hits.append((b.group(1), b.span(1)))
        if after.match(text, c.start()):
            t = tail.search(text, max(0, c.start() - 12), c.start())
            if t:
                hits.append((t.group(1), t.span(1)))
    for w, (s, e) in hits:
        if not _symbol(w) or w.casefold() in not_symbols or any(a < e and s < b for a, b in spans):
            continue
        if any(x.lookup(w)[0] for x in (lex.organizations, lex.authorities, lex.diseases, lex.modalities,
                                        lex.countries, lex.endpoints)):
            continue
        out[(s, e)] = Match(s, e, w, w, False)
    # "a CD20xCD3 bispecific": two vocabulary targets joined by x / × without spaces
    for x in _JOIN.finditer(text):
        left = _LEFT.search(text, max(0, x.start() - 10), x.start())
        right = _RIGHT.match(text, x.end())
        if not (left and right):
            continue
        for w, (s, e) in ((left.group(1), left.span(1)), (right.group(1), right.span(1))):
            canonical = lex.targets.lookup(w)[0]
            if canonical and not any(a < e and s < b for a, b in spans):
                out[(s, e)] = Match(s, e, canonical, w, False)
    return [out[k] for k in sorted(out)]


_JOIN = hoisted(re.compile(r"(?<=[A-Za-z0-9.])[x×](?=[A-Z])"))  # re skips to x/× (fastre.hoisted)
_LEFT = re.compile(r"(?<![\w\-])([A-Z][A-Za-z0-9.\-]{1,9})$")
_RIGHT = re.compile(r"([A-Z][A-Za-z0-9.\-]{1,9})(?![\w])")


@lru_cache(maxsize=1)
def _effector_arms() -> frozenset[str]:
    return frozenset(read_data("target_shapes.yaml").get("effector_arms") or [])


def without_effector_arms(found: list[tuple[int | None, str]]) -> list[tuple[int | None, str]]:
    """(asset, target) pairs of one sentence, less an engager's effector arm (CD3) where the same asset has
    another target there (data/target_shapes.yaml `effector_arms`)."""
    arms = _effector_arms()
    others = {eid for eid, t in found if t not in arms}
    return [(eid, t) for eid, t in found if not (t in arms and eid in others)]
