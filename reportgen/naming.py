"""How names compare: one key per spelling of a name, and joining names that stand for one thing.

The extractor (within a document) and the fact store (across documents) both
use these, so "Eque-cel" and "eque cel" are one name everywhere.
"""

from __future__ import annotations

import re
import unicodedata

# The legal forms that end an organization's name ("Inc.", "Co., Ltd.", "Holdings Limited"): the
# extractor reads them as part of the name, the fact store joins a name with and without them.
LEGAL_FORM = (r"Incorporated|Inc\.?|Ltd\.?|Co\.,?\s*Ltd\.?|Co\.\s*Limited|Limited|LLC|GmbH|AG|plc|PLC|S\.A\.|N\.V\.|"
              r"B\.V\.|K\.K\.|Corp\.?|Corporation|Holdings(?:\s+(?:Limited|Ltd\.?|Inc\.?))?|Group|Company")
LEGAL_SUFFIX_RE = re.compile(rf"(?:,?\s+(?:{LEGAL_FORM}))+$")

_IGNORED = re.compile(r"[\s\-–_.,'\"’‘“”®™©\[\]]")


def name_key(name: str) -> str:
    """Names compare without case, spaces, hyphens and dashes, punctuation, ® / ™ (as FACTS.md matches)."""
    return _IGNORED.sub("", unicodedata.normalize("NFKC", name).casefold())


class UnionFind:
    """Disjoint sets of keys; the smallest key is its set's root, whatever order unions come in."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            lo, hi = sorted((ra, rb))
            self.parent[hi] = lo
