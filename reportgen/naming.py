"""How names compare: one key per spelling of a name, and joining names that stand for one thing.

The extractor (within a document) and the fact store (across documents) both
use these, so "Eque-cel" and "eque cel" are one name everywhere.
"""

from __future__ import annotations

import functools
import re
import unicodedata

# The legal forms that end an organization's name ("Inc.", "Co., Ltd.", "Holdings Limited"): the
# extractor reads them as part of the name, the fact store joins a name with and without them.
LEGAL_FORM = (r"Incorporated|Inc\.?|Ltd\.?|Co\.,?\s*Ltd\.?|Co\.\s*Limited|Limited|LLC|GmbH|AG|plc|PLC|S\.A\.|N\.V\.|"
              r"B\.V\.|K\.K\.|Corp\.?|Corporation|Holdings(?:\s+(?:Limited|Ltd\.?|Inc\.?))?|Group|Company")
LEGAL_SUFFIX_RE = re.compile(rf"(?:,?\s+(?:{LEGAL_FORM}))+$")

# What a name key leaves out between the characters it keeps: space, every hyphen and dash, punctuation,
# quotes and primes, brackets and marks. A regex character class, so a search can skip the same characters
# (the extractor's quote choice finds a name in a sentence this way without normalizing the sentence).
IGNORED_CLASS = "[\\s\\-_.,'\"`´‐‑‒–—―−‘’‚‛“”„‟′″®™©\\[\\]]"
_IGNORED = re.compile(IGNORED_CLASS)
_MARKS = str.maketrans("", "", "®™©")  # before NFKC, which would spell ™ as "TM"


@functools.lru_cache(maxsize=1 << 16)  # called for every name of every fact and mention, many times
def name_key(name: str) -> str:
    """Names compare without case, spaces, hyphens and dashes, punctuation, ® / ™ (as FACTS.md matches)."""
    return _IGNORED.sub("", unicodedata.normalize("NFKC", name.translate(_MARKS)).casefold())


class UnionFind:
    """Disjoint sets of keys, with kept-apart pairs; the smallest key is its set's root, whatever
    order unions come in, so results do not depend on the order documents were read."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}
        self.members: dict[str, set[str]] = {}
        self.apart: dict[str, set[str]] = {}

    def find(self, x: str) -> str:
        if x not in self.parent:
            self.parent[x] = x
            self.members[x] = {x}
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def forbid(self, a: str, b: str) -> None:
        """a and b never end in one set (an analyst's kept-apart pair), unless a union is forced."""
        self.apart.setdefault(a, set()).add(b)
        self.apart.setdefault(b, set()).add(a)

    def union(self, a: str, b: str, force: bool = False) -> bool:
        """Join a and b; False when a kept-apart pair forbids it (unless forced)."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        if not force and self.apart:
            small, big = sorted((self.members[ra], self.members[rb]), key=len)
            if any(self.apart.get(k, set()) & big for k in small):
                return False
        lo, hi = sorted((ra, rb))
        self.parent[hi] = lo
        self.members[lo] |= self.members.pop(hi)
        return True
