"""Literal gates for regexes: skip the regex engine where a match cannot occur.

Python's `re` tries a pattern at every position of a string, and a
case-insensitive pattern that opens on an alternation or `\\b` gets no fast
literal scan, so most of extraction's time went to searches that found
nothing. `gate(rx)` reads the pattern's parse tree once and derives *needles*:
literal strings at least one of which occurs in every possible match (for
`\\b(?:announce[sd]?|said)\\b`: "announce" or "said"). Its `search` and
`finditer` first test those with `in` (a fast C scan) and run the regex only
when one is present, so results are exactly the regex's own; `match`,
`fullmatch` and `sub` are the pattern's own methods, unwrapped.

Case-insensitive needles are tested against `str.lower()`. That is exact for
text without the few characters that `re.IGNORECASE` folds differently from
`str.lower()` (dotted capital I, dotless i, long s, ...); a string holding one
of them is always searched with the regex.
"""

from __future__ import annotations

import re
import re._casefix as _casefix
import re._constants as _c
import re._parser as _parser

from reportgen import regex_cache as _prepared
from reportgen.extract.hoist import hoisted_source

__all__ = ["gate", "needles", "heads", "hoisted", "Gated"]

_NO_MATCH = iter(())
_MIN_NEEDLE = 2  # a one-character needle ("(") rarely excludes anything


def _fold_ok(ch: str) -> bool:
    """A needle character whose IGNORECASE matches are exactly the characters with the same lower()."""
    low = ch.lower()
    return len(low) == 1 and ord(low) not in _casefix._EXTRA_CASES or ch.isascii()


# IGNORECASE matches these to an ASCII needle letter, str.lower() does not ("İ" lowers to two characters)
_RISKY = "\u0130\u0131\u017f"
assert all(chr(x) in _RISKY for k, v in _casefix._EXTRA_CASES.items() if k < 128 for x in v)


def _has_ignorecase(items, flags: int) -> bool:
    if flags & re.IGNORECASE:
        return True
    for op, av in items:
        if op is _c.SUBPATTERN:
            if av[1] & re.IGNORECASE or _has_ignorecase(av[3], 0):
                return True
        elif op is _c.BRANCH:
            if any(_has_ignorecase(a, 0) for a in av[1]):
                return True
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
            if _has_ignorecase(av[2], 0):
                return True
        elif op is _c.ATOMIC_GROUP and _has_ignorecase(av, 0):
            return True
    return False


def _literal_char(op, av, fold: bool) -> str | None:
    """The one character an item matches (folded: the one lower-case character), else None."""
    if op is _c.LITERAL:
        ch = chr(av)
        if not fold:
            return ch
        return ch.lower() if _fold_ok(ch) else None
    if op is _c.IN and fold and av and all(o is _c.LITERAL for o, _ in av):
        lows = {chr(v).lower() for _, v in av}
        if len(lows) == 1 and all(_fold_ok(chr(v)) for _, v in av):
            return lows.pop()
    if op is _c.IN and not fold and len(av) == 1 and av[0][0] is _c.LITERAL:
        return chr(av[0][1])
    return None


def _better(a: frozenset[str], b: frozenset[str] | None) -> bool:
    if b is None:
        return True
    return (min(map(len, a)), -len(a)) > (min(map(len, b)), -len(b))


def _required(items, fold: bool) -> frozenset[str] | None:
    """A set of strings one of which occurs in every match of the sequence `items` (None: none found)."""
    best: frozenset[str] | None = None
    run: list[str] = []

    def offer(cands: frozenset[str] | None) -> None:
        nonlocal best
        if cands and all(cands) and _better(cands, best):
            best = cands

    def flush() -> None:
        if run:
            offer(frozenset(["".join(run)]))
            run.clear()

    for op, av in items:
        ch = _literal_char(op, av, fold)
        if ch is not None:
            run.append(ch)
            continue
        flush()
        if op is _c.SUBPATTERN:
            offer(_required(av[3], fold))
        elif op is _c.ATOMIC_GROUP:
            offer(_required(av, fold))
        elif op is _c.BRANCH:
            alts = [_required(a, fold) for a in av[1]]
            if all(alts):
                offer(frozenset().union(*alts))
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT) and av[0] >= 1:
            offer(_required(av[2], fold))
    flush()
    return best


_MISSING = object()
_MAX_ANALYSES = 4096  # the extractor gates ~150 patterns, once per process (or per lexicon extension)


def _analysed(kind: str, rx: re.Pattern, compute):
    """`compute(rx)`, remembered per (pattern, flags) in `regex_cache.ANALYSES` (which a start-up cache
    file may have filled: parsing the pattern again is most of a gate's cost)."""
    if not isinstance(rx.pattern, str):
        return None
    key = (kind, rx.pattern, rx.flags)
    stored = _prepared.ANALYSES.get(key, _MISSING)
    if stored is None:
        return None
    if (stored is not _MISSING and isinstance(stored, list) and len(stored) == 2 and isinstance(stored[1], bool)
            and isinstance(stored[0], list) and stored[0] and all(isinstance(w, str) and w for w in stored[0])):
        return tuple(stored[0]), stored[1]
    found = compute(rx)  # not stored, or not of the shape this module writes: derived anew
    if len(_prepared.ANALYSES) < _MAX_ANALYSES:
        _prepared.ANALYSES[key] = None if found is None else [list(found[0]), found[1]]
    return found


def needles(rx: re.Pattern) -> tuple[tuple[str, ...], bool] | None:
    """(needles, folded) for a compiled str pattern: every match contains one needle
    (folded: one needle occurs in the match's lower()); None when no useful set exists."""
    return _analysed("needles", rx, _needles)


def _parsed(rx: re.Pattern) -> tuple[list, bool]:
    """The pattern's parse tree items and whether it matches case-insensitively (str patterns only)."""
    items = list(_parser.parse(rx.pattern, rx.flags))
    return items, _has_ignorecase(items, rx.flags)


def _needles(rx: re.Pattern) -> tuple[tuple[str, ...], bool] | None:
    items, fold = _parsed(rx)
    found = _required(items, fold)
    if not found or min(map(len, found)) < _MIN_NEEDLE:
        return None
    # a needle holding another is redundant ("submitted" occurs only where "submit" does): fewer `in` scans
    found = [n for n in found if not any(m != n and m in n for m in found)]
    return tuple(sorted(found, key=lambda s: (-len(s), s))), fold


def _heads_of(items, fold: bool) -> frozenset[str] | None:
    """The literal strings one of which every match of `items` starts with (zero-width items skipped)."""
    run: list[str] = []
    for op, av in items:
        ch = _literal_char(op, av, fold)
        if ch is not None:
            run.append(ch)
            continue
        if run:
            # "(?:the|this)" parses as "th" + (?:e|is): the heads go on into the branch where they can
            sub = _heads_of(av[3] if op is _c.SUBPATTERN else av, fold) if op in (_c.SUBPATTERN, _c.ATOMIC_GROUP) \
                else _heads_of([(op, av)], fold) if op is _c.BRANCH else None
            prefix = "".join(run)
            return frozenset(prefix + h for h in sub) if sub else frozenset([prefix])
        if op is _c.AT or op in (_c.ASSERT, _c.ASSERT_NOT):
            continue  # consumes nothing: the match starts where the next item does
        if op is _c.SUBPATTERN:
            return _heads_of(av[3], fold)
        if op is _c.ATOMIC_GROUP:
            return _heads_of(av, fold)
        if op is _c.BRANCH:
            alts = [_heads_of(a, fold) for a in av[1]]
            return frozenset().union(*alts) if all(alts) else None
        if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT) and av[0] >= 1:
            return _heads_of(av[2], fold)
        return None
    return frozenset(["".join(run)]) if run else None


_MAX_HEADS = 48


def heads(rx: re.Pattern) -> tuple[tuple[str, ...], bool] | None:
    """(heads, folded) for a compiled str pattern: every match *starts* with one head (folded: in the
    match's lower()); None when some alternative does not open on a literal of >= 2 characters."""
    return _analysed("heads", rx, _heads)


def _heads(rx: re.Pattern) -> tuple[tuple[str, ...], bool] | None:
    items, fold = _parsed(rx)
    found = _heads_of(items, fold)
    if not found or min(map(len, found)) < _MIN_NEEDLE or len(found) > _MAX_HEADS:
        return None
    # a head that starts with another is redundant: the shorter one's places include its places
    found = [h for h in found if not any(o != h and h.startswith(o) for o in found)]
    return tuple(sorted(found)), fold


def hoisted(rx: re.Pattern) -> re.Pattern:
    """`rx`, or the same pattern with its leading lookbehinds and \\b moved after its first atom so that
    `re` skips to the characters a match can start with (hoist.py); the rewritten string is remembered
    per (pattern, flags) in `regex_cache.ANALYSES`, as the gates' analyses are."""
    found = _analysed("hoist", rx, _hoisted)
    return re.compile(found[0][0], rx.flags) if found else rx


def _hoisted(rx: re.Pattern) -> tuple[tuple[str], bool] | None:
    src = hoisted_source(rx.pattern, rx.flags)
    return ((src,), False) if src else None


def _places(hay: str, words, lo: int, hi: int) -> list[int]:
    """Sorted start offsets in [lo, hi) of every occurrence of every word in hay (overlaps included)."""
    out = []
    find = hay.find
    for w in words:
        i = find(w, lo, hi)
        while i >= 0:
            out.append(i)
            i = find(w, i + 1, hi)
    out.sort()
    return out


_lower_memo: list = [None, None]


def _fold(s: str) -> str | None:
    """s.lower() (None where IGNORECASE folds a character otherwise), not remembered: for windows."""
    return None if not s.isascii() and any(c in s for c in _RISKY) else s.lower()


def _folded(s: str) -> str | None:
    """s.lower(), or None when `s` holds a character IGNORECASE folds otherwise; remembered for the
    last string (one sentence goes through many gates in a row)."""
    if _lower_memo[0] is not s:
        _lower_memo[0] = s
        _lower_memo[1] = None if not s.isascii() and any(c in s for c in _RISKY) else s.lower()
    return _lower_memo[1]


class Gated:
    """A compiled pattern whose `search`/`finditer` run only where one of its needles occurs,
    and (with heads) try the pattern only where a match can start. `scan`: the pattern those
    searches and matches run (`rx` itself, or its `hoisted` form: the same matches)."""

    __slots__ = ("rx", "scan", "needles", "folded", "heads", "hfolded", "match", "fullmatch", "sub", "split", "findall",
                 "pattern", "flags", "groupindex", "groups", "_last")

    def __init__(self, rx: re.Pattern, found: tuple[tuple[str, ...], bool] | None,
                 starts: tuple[tuple[str, ...], bool] | None = None, scan: re.Pattern | None = None):
        self.rx = rx
        self.scan = rx if scan is None else scan
        self.needles, self.folded = found if found else ((), False)
        self.heads, self.hfolded = starts if starts else (None, False)
        self.match, self.fullmatch, self.sub, self.split, self.findall = rx.match, rx.fullmatch, rx.sub, rx.split, rx.findall
        self.pattern, self.flags, self.groupindex, self.groups = rx.pattern, rx.flags, rx.groupindex, rx.groups
        self._last: tuple = (None, None, None)

    def possible(self, string: str, pos: int = 0, endpos: int | None = None) -> bool:
        """False only when no match can lie in string[pos:endpos]."""
        found = self.needles
        if not found:
            return True
        if pos > 0 or endpos is not None:
            string = string[max(pos, 0):None if endpos is None else max(endpos, 0)]
            if self.folded:
                string = _fold(string)  # a window: folded alone, the remembered sentence kept
                if string is None:
                    return True
        elif self.folded:
            string = _folded(string)
            if string is None:
                return True
        for n in found:
            if n in string:
                return True
        return False

    def _starts(self, string: str, pos: int, endpos: int | None) -> list[int] | None:
        """Offsets in string[pos:endpos] where a match may start, in order (None: not known)."""
        words = self.heads
        n = len(string)
        lo, hi = min(max(pos, 0), n), n if endpos is None else min(max(endpos, 0), n)
        if not self.hfolded:
            return _places(string, words, lo, hi)
        if lo == 0 and hi == n:
            hay = _folded(string)
            return None if hay is None else _places(hay, words, 0, n)
        hay = _fold(string[lo:hi])  # a window: only it is lowered (offsets kept: see _folded)
        return None if hay is None else [lo + i for i in _places(hay, words, 0, hi - lo)]

    def _first(self, string: str, pos: int = 0, endpos: int | None = None):
        starts = self._starts(string, pos, endpos)
        if starts is None:
            return self.scan.search(string, pos) if endpos is None else self.scan.search(string, pos, endpos)
        match = self.scan.match
        for i in starts:
            m = match(string, i) if endpos is None else match(string, i, endpos)
            if m:
                return m
        return None

    def _plain(self, string: str) -> tuple[str | None, list[int] | None]:
        """For a whole-string search: (None, None) when no match can occur, ("", None) when only the
        regex can tell, else ("", the places a match may start at, in order)."""
        low = None
        if self.folded or self.hfolded:
            memo = _lower_memo
            low = memo[1] if memo[0] is string else _folded(string)
            if low is None:
                return "", None
        found = self.needles
        if found:
            hay = low if self.folded else string
            for n in found:
                if n in hay:
                    break
            else:
                return None, None
        words = self.heads
        if words is None:
            return "", None
        hay = low if self.hfolded else string
        if len(words) == 1:
            w = words[0]
            i = hay.find(w)
            out = []
            while i >= 0:
                out.append(i)
                i = hay.find(w, i + 1)
            return "", out
        return "", _places(hay, words, 0, len(hay))

    def search(self, string: str, *args):
        # the last search remembered: several readers ask the same pattern about the same sentence
        last = self._last
        if last[0] is string and last[1] == args:
            return last[2]
        if args:
            if not self.possible(string, *args):
                found = None
            elif self.heads is None:
                found = self.scan.search(string, *args)
            else:
                found = self._first(string, *args)
        else:
            ok, starts = self._plain(string)
            if ok is None:
                found = None
            elif starts is None:
                found = self.scan.search(string)
            else:
                found = None
                match = self.scan.match
                for i in starts:
                    found = match(string, i)
                    if found:
                        break
        self._last = (string, args, found)
        return found

    def finditer(self, string: str, *args):
        if args:
            if not self.possible(string, *args):
                return _NO_MATCH
            if self.heads is None:
                return self.scan.finditer(string, *args)
            return self._iter(string, *args)
        ok, starts = self._plain(string)
        if ok is None:
            return _NO_MATCH
        if starts is None:
            return self.scan.finditer(string)
        return matches_at(self.scan.match, string, starts)

    def _iter(self, string: str, pos: int = 0, endpos: int | None = None):
        starts = self._starts(string, pos, endpos)
        if starts is None:
            yield from (self.scan.finditer(string, pos) if endpos is None else self.scan.finditer(string, pos, endpos))
            return
        match, last = self.scan.match, -1
        for i in starts:
            if i < last:
                continue
            m = match(string, i) if endpos is None else match(string, i, endpos)
            if m:
                last = m.end()
                yield m

    def __repr__(self) -> str:
        return f"gate({self.rx!r}, needles={self.needles!r}, heads={self.heads!r})"


def gate(rx: re.Pattern):
    """`rx` behind a literal gate, or `rx` itself when its matches share no literal and it cannot be
    hoisted.

    Heads (the literals a match starts with) are used where `re` itself cannot skip ahead: a
    case-insensitive pattern, or one that opens on an alternation. The searches and the matches tried at
    heads run the pattern's `hoisted` form where there is one (hoist.py: the same matches)."""
    found = needles(rx)
    starts = heads(rx)
    if starts and not starts[1] and len(starts[0]) == 1:
        starts = None  # one case-sensitive literal prefix: re's own prefix scan is as fast
    scan = hoisted(rx)
    return Gated(rx, found, starts, scan) if found or starts or scan is not rx else rx


class WordGated:
    """A pattern whose matches all start a word (`word` matches it) that ends on one of `endings`.

    `finditer` tries the pattern only at such words, with the regex's own non-overlapping
    left-to-right order; `search` is its first; `match`/`fullmatch` are the pattern's own.
    With `min_letters` = N, `word` must be `(?<![\\w\\-])[A-Za-z]{N,}`: the words are then found from
    the places of the endings (`str.find`) instead of visiting every word of the text.
    """

    __slots__ = ("rx", "word", "endings", "min_letters", "_tails", "_tail_words", "_runs", "match", "fullmatch", "pattern", "flags", "groups",
                 "groupindex")

    def __init__(self, rx: re.Pattern, word: re.Pattern, endings: tuple[str, ...], min_letters: int | None = None):
        self.rx, self.word, self.endings = rx, word, tuple(sorted(set(endings)))
        self.min_letters = min_letters
        if min_letters is not None:
            assert word.pattern == rf"(?<![\w\-])[A-Za-z]{{{min_letters},}}" and all(e.isascii() and e.isalpha() for e in endings)
        # an ending that ends on another adds no word: every word ending on it ends on the shorter one;
        # the rest as one trie-shaped pattern that matches only where a run of letters ends
        tails = [e for e in self.endings if not any(o != e and e.endswith(o) for o in self.endings)]
        self._tails = re.compile(_trie(tails) + "(?![A-Za-z])") if tails else None
        self._tail_words = tuple(tails)
        self._runs = re.compile(rf"(?<![A-Za-z])[A-Za-z]{{{min_letters},}}") if min_letters is not None else None
        self.match, self.fullmatch = rx.match, rx.fullmatch
        self.pattern, self.flags, self.groups, self.groupindex = rx.pattern, rx.flags, rx.groups, rx.groupindex

    def _word_starts(self, string: str, pos: int) -> list[int]:
        """Starts (>= pos), in order, of the words `word.finditer(string, pos)` yields that end on an ending."""
        starts: list[int] = []
        if self._tails is None:
            return starts
        # every maximal run of >= N ASCII letters (a C scan), kept when it ends on a tail (`str.endswith`,
        # C): the words the tail trie's finditer found, without trying the trie at every position
        tails = self._tail_words
        for m in self._runs.finditer(string, pos):
            if m.group().endswith(tails):
                s = m.start()
                if s == 0 or not (word_char(string[s - 1]) or string[s - 1] == "-"):
                    starts.append(s)
        return starts

    def finditer(self, string: str, pos: int = 0):
        match, endings, last = self.rx.match, self.endings, pos
        if self.min_letters is not None:
            yield from matches_at(match, string, self._word_starts(string, pos), pos)
            return
        for w in self.word.finditer(string, pos):
            if w.start() < last or not w.group().endswith(endings):
                continue
            m = match(string, w.start())
            if m:
                last = m.end()
                yield m

    def search(self, string: str, pos: int = 0):
        return next(self.finditer(string, pos), None)


def matches_at(match, string: str, starts, last: int = -1):
    """`match` tried at each start in order, as finditer would: a start inside the last match is skipped."""
    for i in starts:
        if i < last:
            continue
        m = match(string, i)
        if m:
            last = m.end()
            yield m


def trie_pattern(paths) -> str:
    """Sequences of regex atoms as one alternation shaped as a trie (re dispatches on the first atom);
    the lexicons' spellings and the gates' literal tails both use it."""
    node: dict = {}
    for atoms in paths:
        at = node
        for a in atoms:
            at = at.setdefault(a, {})
        at[""] = {}

    def build(at: dict) -> str:
        alts = [a + build(child) for a, child in sorted(at.items()) if a]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in at else body

    return build(node)


def _trie(words) -> str:
    """Literal words as one trie alternation."""
    return trie_pattern(tuple(map(re.escape, w)) for w in words)


def _ascii_letter(ch: str) -> bool:
    return "a" <= ch <= "z" or "A" <= ch <= "Z"


class Literal:
    """A match of `literal_finditer`: the parts of `re.Match` the name scans use."""

    __slots__ = ("_start", "_end", "_text")

    def __init__(self, start: int, end: int, text: str):
        self._start, self._end, self._text = start, end, text

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end

    def span(self) -> tuple[int, int]:
        return self._start, self._end

    def group(self, g: int = 0) -> str:
        if g:
            raise IndexError("no such group")
        return self._text


def literal_finditer(words, text: str, before_ok, after_ok) -> list[Literal]:
    """What `re.finditer(r"(?<!B)(?:w1|w2|...)(?!A)", text)` finds for literal, non-empty `words` in
    that order, without compiling a regex (a per-document name set never hits the regex cache):
    `before_ok(text, start)` / `after_ok(text, end)` stand for the lookarounds. As in the regex, the
    leftmost start wins, then the first word in order, and the scan goes on after the match."""
    best: dict[int, tuple[int, str]] = {}
    for rank, w in enumerate(words):
        i = text.find(w)
        while i >= 0:
            if (i not in best or rank < best[i][0]) and before_ok(text, i) and after_ok(text, i + len(w)):
                best[i] = (rank, w)
            i = text.find(w, i + 1)
    out, last = [], 0
    for s in sorted(best):
        if s >= last:
            w = best[s][1]
            out.append(Literal(s, s + len(w), w))
            last = s + len(w)
    return out


def word_char(ch: str) -> bool:
    """`\\w` of a str pattern."""
    return ch.isalnum() or ch == "_"


class StartsAt:
    """A pattern whose every match starts on one of `chars` (`after`: right after one, or at 0 when
    `at_zero`): `finditer` tries `rx.match` only at those places, so `re` does not try the pattern at
    every position (one opening on a lookbehind or `^` gets no prefix scan). The caller states the
    places from the pattern's own shape ("(?<=[A-Za-z])['’]...", "(?:^|(?<=[\\n;|]))..." under MULTILINE);
    tests check the matches against the regex's own."""

    __slots__ = ("rx", "chars", "after", "at_zero", "match", "fullmatch", "pattern", "flags", "groups", "groupindex")

    def __init__(self, rx: re.Pattern, chars: str, after: bool = False, at_zero: bool = False):
        self.rx, self.chars, self.after, self.at_zero = rx, tuple(chars), after, at_zero
        self.match, self.fullmatch = rx.match, rx.fullmatch
        self.pattern, self.flags, self.groups, self.groupindex = rx.pattern, rx.flags, rx.groups, rx.groupindex

    def places(self, string: str) -> list[int]:
        out = _places(string, self.chars, 0, len(string))
        if self.after:
            out = [i + 1 for i in out]
            if self.at_zero and string:
                out.insert(0, 0)
        return out

    def finditer(self, string: str):
        return matches_at(self.rx.match, string, self.places(string))

    def search(self, string: str):
        return next(self.finditer(string), None)
