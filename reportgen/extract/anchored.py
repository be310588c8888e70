"""Whole-text scans searched for only around their anchors (issue 9 / issue 15 throughput).

A name shape such as `(?<![\\w\\-./])(?=[A-Za-z\\-]{1,9}\\d)[A-Z]{2,6}-?\\d{2,7}` opens on a lookbehind and a
character class, so `re` tries it at every position of a document. Every one of its matches holds an
*anchor* a few characters after its start (here: a letter or hyphen right before a digit), and no match
is longer than a bound read from the pattern itself. `Anchored` finds the anchors with a cheap scan and
runs the pattern only in a window around each: the matches are exactly `finditer`'s own, in order,
non-overlapping (see `Anchored._iter` for why), and tests check them against the plain regex.
"""

from __future__ import annotations

import re
import re._constants as _c
import re._parser as _parser

from reportgen.extract.fastre import matches_at

__all__ = ["Anchored", "reach"]


def _assert_width(items) -> int:
    """The widest lookahead or lookbehind anywhere in a parsed pattern (0 if none)."""
    widest = 0
    for op, av in items:
        if op in (_c.ASSERT, _c.ASSERT_NOT):
            widest = max(widest, av[1].getwidth()[1], _assert_width(av[1]))
        elif op is _c.SUBPATTERN:
            widest = max(widest, _assert_width(av[3]))
        elif op is _c.BRANCH:
            widest = max([widest] + [_assert_width(b) for b in av[1]])
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
            widest = max(widest, _assert_width(av[2]))
        elif op is _c.ATOMIC_GROUP:
            widest = max(widest, _assert_width(av))
        elif op in (_c.GROUPREF, _c.GROUPREF_EXISTS, _c.GROUPREF_IGNORE, _c.GROUPREF_LOC_IGNORE, _c.GROUPREF_UNI_IGNORE):
            raise ValueError("a back-reference: no width bound")
    return widest


def reach(rx: re.Pattern) -> int:
    """How far past a match's start the engine can read while trying it there: the longest match, then
    the widest lookaround, plus the two characters `$` and `\\b` look at. ValueError if unbounded."""
    parsed = _parser.parse(rx.pattern, rx.flags)
    lo, hi = parsed.getwidth()
    if hi >= _c.MAXREPEAT or lo < 1:
        raise ValueError(f"no finite, non-empty width bound: {rx.pattern!r}")
    return hi + _assert_width(parsed) + 3


class _Scan:
    """What the four scans share: they stand in for `rx` (its `match`, `fullmatch` and attributes), and
    `finditer` / `search` with a position or window are the pattern's own; only a whole-string scan
    (`_iter`) is theirs."""

    __slots__ = ("rx", "match", "fullmatch", "pattern", "flags", "groups", "groupindex")

    def __init__(self, rx: re.Pattern):
        self.rx, self.match, self.fullmatch = rx, rx.match, rx.fullmatch
        self.pattern, self.flags, self.groups, self.groupindex = rx.pattern, rx.flags, rx.groups, rx.groupindex

    def finditer(self, string: str, *args):
        return self.rx.finditer(string, *args) if args else self._iter(string)

    def search(self, string: str, *args):
        return self.rx.search(string, *args) if args else next(self._iter(string), None)

    def _iter(self, string: str):
        raise NotImplementedError


class Anchored(_Scan):
    """`rx` whose every match, starting at q, holds the start a of an `anchor` match with
    q <= a <= q + `lead`: `finditer`/`search` run `rx` only in [a - lead, a + reach) for each anchor a.
    `match`, `fullmatch` and windowed `search(text, pos, endpos)` are the pattern's own."""

    __slots__ = ("anchor", "lead", "reach")

    def __init__(self, rx: re.Pattern, anchor: re.Pattern, lead: int):
        super().__init__(rx)
        self.anchor, self.lead, self.reach = anchor, lead, reach(rx)

    def _iter(self, string: str):
        # Invariant: no match of rx starts in [0, floor) that has not been yielded. A match starting at q holds
        # an anchor a in [q, q + lead], so a match starting in [floor, a] for the next anchor a >= floor is found
        # by a search from max(floor, a - lead); every character the engine reads for a start <= a lies before
        # a + reach, so cutting the string there changes nothing for those starts. A match found starting
        # after a may be cut short: it is left for the next anchor's window.
        n, lead, span = len(string), self.lead, self.reach
        search = self.rx.search
        floor = 0
        for hit in self.anchor.finditer(string):
            a = hit.start()
            if a < floor:
                continue
            lo = a - lead
            m = search(string, lo if lo > floor else floor, min(n, a + span))
            if m is not None and m.start() <= a:
                yield m
                floor = m.end()  # matches do not overlap; rx has no empty match (reach)
            else:
                floor = a + 1

    def __repr__(self) -> str:
        return f"Anchored({self.rx!r}, anchor={self.anchor.pattern!r}, lead={self.lead})"


_RUN_BACK = re.compile(r"[\w\-]*")  # matched on the reversed text: the word run ending at a place


class NameLed(_Scan):
    """`rx` of the shape `(?<![\\w\\-])NAME` + an optional mark (one of `marks`) or whitespace character
    (`space`) + TAIL, NAME being characters of `[\\w-]` only: `finditer` finds each TAIL (`tail`, a pattern
    with a literal first character that `re` scans for) and tries `rx.match` once, at the start of the
    word run before it (the lookbehind allows no other start). Matches are `finditer`'s own and in its
    order; should two ever overlap, the rest is left to the regex itself."""

    __slots__ = ("tail", "marks", "space")

    def __init__(self, rx: re.Pattern, tail: re.Pattern, marks: str = "", space: bool = False):
        assert rx.pattern.startswith(r"(?<![\w\-])"), rx.pattern
        super().__init__(rx)
        self.tail, self.marks, self.space = tail, marks, space

    def _iter(self, string: str):
        n, marks, space, match = len(string), self.marks, self.space, self.rx.match
        rev, last = None, 0
        for t in self.tail.finditer(string):
            e = t.start()
            if e and (space and string[e - 1].isspace() or marks and string[e - 1] in marks):
                e -= 1  # \s or the mark between the name and its tail (re's \s is str.isspace())
            if rev is None:
                rev = string[::-1]
            q = e - (_RUN_BACK.match(rev, n - e).end() - (n - e))
            if q < last:  # would overlap the last match: re resumes after it
                yield from self.rx.finditer(string, last)
                return
            m = match(string, q)
            if m is not None:
                yield m
                last = m.end()

    def __repr__(self) -> str:
        return f"NameLed({self.rx!r}, tail={self.tail.pattern!r})"


class SentenceLed(_Scan):
    """`rx` whose every match starts at the text's start, right after a newline, or two characters after
    one of `after_mark` followed by whitespace (`(?:^|(?<=[.!?]\\s)|(?<=\\n))...`): `finditer` tries
    `rx.match` only there, in order, as `finditer` would (fastre.matches_at); with `gate` (a fastre
    gate of the same pattern), not at all where its needles say no match can occur."""

    __slots__ = ("gate", "after_mark")

    def __init__(self, rx: re.Pattern, after_mark: str, gate=None):
        super().__init__(rx)
        self.after_mark, self.gate = tuple(after_mark), gate if hasattr(gate, "possible") else None

    def places(self, string: str) -> list[int]:
        out = {0}
        find = string.find
        i = find("\n")
        while i >= 0:
            out.add(i + 1)
            i = find("\n", i + 1)
        n = len(string)
        for ch in self.after_mark:
            i = find(ch)
            while i >= 0:
                if i + 1 < n and string[i + 1].isspace():  # re's \s is str.isspace()
                    out.add(i + 2)
                i = find(ch, i + 1)
        return sorted(out)

    def _iter(self, string: str):
        if self.gate is not None and not self.gate.possible(string):
            return iter(())
        return matches_at(self.rx.match, string, self.places(string))

    def __repr__(self) -> str:
        return f"SentenceLed({self.rx!r}, after={''.join(self.after_mark)!r})"


class WordsLed(_Scan):
    """`rx` of the shape `(?<![\\w\\-&’'.])(W(?:[ \\t]+W){0,k-1})` + TAIL, each W made of `[\\w&\\-]` characters
    (an organization's name before ", a ... company"): `finditer` finds each TAIL (`tail`, opening on a
    literal) and tries `rx.match` at the starts of the up to `words` words right before it, the farthest
    first (as `re` tries the leftmost start first). The lookbehind allows no start inside a word, and a
    name cannot pass the tail's first character, so these are the only places. Matches are `finditer`'s
    own, in order; should two ever overlap, the rest is left to the regex itself."""

    __slots__ = ("tail", "back")

    _WORD = re.compile(r"[\w&\-]+")

    def __init__(self, rx: re.Pattern, tail: re.Pattern, words: int):
        assert rx.pattern.startswith(r"(?<![\w\-&’'\.])"), rx.pattern
        super().__init__(rx)
        self.tail = tail
        self.back = re.compile(rf"[\w&\-]+(?:[ \t]+[\w&\-]+){{0,{words - 1}}}")  # on the reversed text

    def _iter(self, string: str):
        n, match, back, word = len(string), self.rx.match, self.back, self._WORD
        rev, last = None, 0
        for t in self.tail.finditer(string):
            p = t.start()
            if rev is None:
                rev = string[::-1]
            b = back.match(rev, n - p)
            if b is None:
                continue
            lo = p - (b.end() - (n - p))
            if lo < last:  # would overlap the last match: re resumes after it
                yield from self.rx.finditer(string, last)
                return
            for w in word.finditer(string, lo, p):  # farthest word first: re's leftmost start
                m = match(string, w.start())
                if m is not None:
                    yield m
                    last = m.end()
                    break

    def __repr__(self) -> str:
        return f"WordsLed({self.rx!r}, tail={self.tail.pattern!r})"
