"""Whether a quote writes a name key from a word's start, without compiling a regex per name.

Quote choice (quotes.py) asks of each candidate quote whether it writes a form as `naming.name_key`
compares it: `(?<![0-9A-Za-z])(?=\\w)c1 SKIP* c2 SKIP* ... cn` with IGNORECASE, one regex per form.
On distinct documents every asset name is a new form, so that regex was compiled per document
(re's parser and `_optimize_charset`: ~12% of extraction on a varied corpus) and pushed the
extractor's own patterns out of re's 512-entry cache.

For an ASCII quote and an ASCII key the answer needs no regex: the key's characters are never
SKIP characters (`name_key` removes that very class), and none of them folds onto one, so the
regex's `SKIP*` runs are forced and a match is an occurrence of the key in the quote with every
SKIP character deleted and letters lowered, starting on an alphanumeric character that no ASCII
letter or digit precedes in the quote. Anything else (a non-ASCII quote or key, where IGNORECASE
folds characters `str.lower()` does not) returns None: the caller runs the regex.
"""

from __future__ import annotations

import re

from reportgen.naming import IGNORED_CLASS

__all__ = ["Keyed"]

_SKIP_RE = re.compile(IGNORED_CLASS)
_SKIP_ASCII = frozenset(chr(i) for i in range(128) if _SKIP_RE.match(chr(i)))
_DROP = str.maketrans("", "", "".join(sorted(_SKIP_ASCII)))


def _alnum(ch: str) -> bool:
    return "a" <= ch <= "z" or "0" <= ch <= "9" or "A" <= ch <= "Z"


class Keyed:
    """One quote, asked about many keys; its reduced form is made once, on the first question."""

    __slots__ = ("quote", "_low", "_pos")

    def __init__(self, quote: str):
        self.quote = quote
        self._low: str | None = None
        self._pos: list[int] | None = None

    def has(self, wanted: str) -> bool | None:
        """Whether the quote writes `wanted` (a non-empty `name_key`) from a word's start;
        None when only the regex can tell (non-ASCII quote or key)."""
        quote = self.quote
        if not (wanted.isascii() and quote.isascii()):
            return None
        low = self._low
        if low is None:
            low = self._low = quote.translate(_DROP).lower()
        j = low.find(wanted)
        while j >= 0:
            if _alnum(low[j]):
                if j == 0 or not _alnum(low[j - 1]):
                    return True  # what precedes it in the quote is a SKIP run or nothing, or no letter/digit
                pos = self._pos
                if pos is None:
                    pos = self._pos = [i for i, c in enumerate(quote) if c not in _SKIP_ASCII]
                if pos[j] - 1 != pos[j - 1]:
                    return True  # a SKIP character sits between the two
            j = low.find(wanted, j + 1)
        return False
