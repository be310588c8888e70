"""Whether a quote writes a name key from a word's start, without compiling a regex per name.

Quote choice (quotes.py) asks of each candidate quote whether it writes a form as `naming.name_key`
compares it: `(?<![0-9A-Za-z])(?=\\w)c1 SKIP* c2 SKIP* ... cn` with IGNORECASE, one regex per form.
On distinct documents every asset name is a new form, so that regex was compiled per document
(re's parser and `_optimize_charset`: ~12% of extraction on a varied corpus) and pushed the
extractor's own patterns out of re's 512-entry cache.

For an ASCII key the answer needs no regex: the key's characters are never SKIP characters
(`name_key` removes that very class) and none folds onto one, so the regex's `SKIP*` runs are
forced, and a match is an occurrence of the key in the quote with every SKIP character deleted and
letters lowered, starting on a letter or digit that no letter or digit precedes in the quote. That
holds for a quote without the three characters IGNORECASE folds onto an ASCII letter unlike
`str.lower()` (İ, ı, ſ; the Kelvin sign lowers to "k" in both). A non-ASCII key, or a quote with
one of those three, returns None: the caller runs the regex.
"""

from __future__ import annotations

import re
from itertools import accumulate

from reportgen.naming import IGNORED_CLASS

__all__ = ["Keyed"]

_SKIP_RE = re.compile(IGNORED_CLASS)
# the class's members: ASCII and Latin-1, the general punctuation block, the other Unicode spaces and
# the class's own characters (tests check this against every code point)
_CANDIDATES = {*map(chr, range(0x100)), *map(chr, range(0x2000, 0x2070)), "\u1680", "\u2122", "\u2212", "\u3000",
               *IGNORED_CLASS}
SKIP = frozenset(c for c in _CANDIDATES if _SKIP_RE.match(c))
_DROP = str.maketrans("", "", "".join(sorted(SKIP)))
_SKIP_RUN = re.compile(f"(?:{IGNORED_CLASS})+")
RISKY = "\u0130\u0131\u017f"  # IGNORECASE matches them to i, i, s; str.lower() does not (İ lowers to two)


def _alnum(ch: str) -> bool:
    return "a" <= ch <= "z" or "0" <= ch <= "9" or "A" <= ch <= "Z"


_MEMO: dict[str, "Keyed"] = {}
_MEMO_SIZE = 512


class Keyed:
    """One quote, asked about many keys; its reduced form is made once, on the first question."""

    __slots__ = ("quote", "_low", "_gaps")

    def __init__(self, quote: str):
        self.quote = quote
        self._low: str | bool | None = None  # False: a quote only the regex reads
        self._gaps: set[int] | None = None

    @classmethod
    def of(cls, quote: str) -> "Keyed":
        """The Keyed of `quote`, shared: quote choice asks about the same sentence for many facts."""
        memo = _MEMO
        k = memo.get(quote)
        if k is None:
            if len(memo) >= _MEMO_SIZE:
                memo.clear()  # bounded: memory stays flat over any number of documents
            k = memo[quote] = cls(quote)
        return k

    @staticmethod
    def forget() -> None:
        """Drop the shared quotes (the runner calls it after each document: nothing is kept between them)."""
        _MEMO.clear()

    def has(self, wanted: str) -> bool | None:
        """Whether the quote writes `wanted` (a non-empty `name_key`) from a word's start;
        None when only the regex can tell."""
        low = self._low
        if low is None:
            quote = self.quote
            risky = not quote.isascii() and any(c in quote for c in RISKY)
            low = self._low = False if risky else quote.translate(_DROP).lower()
        if low is False or not wanted.isascii():
            return None
        j = low.find(wanted)
        while j >= 0:
            if _alnum(low[j]):
                if j == 0 or not _alnum(low[j - 1]):
                    return True  # what precedes it in the quote is a SKIP run, nothing, or no letter/digit
                gaps = self._gaps
                if gaps is None:  # where, in the reduced quote, a SKIP run was deleted
                    gaps = self._gaps = set(accumulate(map(len, _SKIP_RUN.split(self.quote))))
                if j in gaps:
                    return True
            j = low.find(wanted, j + 1)
        return False
