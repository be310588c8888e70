"""Name links stated in words, and parenthesis items that are organizations, not names.

- "X, also known as Y" / "X, formerly Y" / "X (now called Y)" join Y to the asset X (cues in
  data/aliases.yaml; the parenthesis form with the cue first is names.py's).
- "X (Brand; XB-12; Zentova)": an item that is an organization of the document (a surface found as
  one anywhere in it, or a name with a company word or legal form) is not another name of X.
"""

from __future__ import annotations

import re
from functools import lru_cache

from reportgen.extract.fastre import gate as _gate
from reportgen.extract.lexicon import cue_alternation, read_data

__all__ = ["phrase_links", "is_org_item"]

_TOKEN = re.compile(r"[“\"‘']?([A-Za-z0-9][A-Za-z0-9]*(?:[-/][A-Za-z0-9]+)*)(?:®|™)?[”\"’']?")


@lru_cache(maxsize=1)
def _cue_before() -> re.Pattern:
    """A capitalized name and a link cue ending where an asset name starts: "Zelvora, formerly known as ZV-12"."""
    data = read_data("aliases.yaml")
    gap = int(data["max_gap"])
    # behind a literal gate (fastre.py): asked about the 80 characters before every candidate, it mostly
    # finds no cue word there, which the gate's `in` tests tell without running the regex
    return _gate(re.compile(rf"(?<![\w\-])([A-Z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*)(?:®|™)?[\s,(]{{0,{gap}}}"
                            rf"(?:{cue_alternation(data['link_cues'])})(?:\s*:)?\s+$", re.I))


@lru_cache(maxsize=1)
def _cue() -> re.Pattern:
    data = read_data("aliases.yaml")
    gap = int(data["max_gap"])
    return re.compile(rf"[\s,(]{{0,{gap}}}(?:{cue_alternation(data['link_cues'])})(?:\s*:)?\s+", re.I)


def phrase_links(text: str, cands: dict, union, link_at: dict, norm, alias_ok, org_spans) -> None:
    """For each asset candidate followed by a link cue, the name after the cue joins it: an existing
    candidate starting there, else one word that `alias_ok(word, owner_rank)` accepts."""
    if not cands:
        return
    cue = _cue()
    by_start = {}
    for (s, e), v in cands.items():
        if (s not in by_start) or e > by_start[s][0]:
            by_start[s] = (e, v)
    # the other direction: the asset comes after the cue and the name before it is not yet a candidate
    before = _cue_before()
    for (s, e), (w, rank) in sorted(cands.items()):
        b = before.search(text, max(0, s - 80), s)
        if not b or not b.group(1)[:1].isupper():
            continue
        b0, b1 = b.span(1)
        if any(a < b1 and b0 < z for a, z in cands) or any(a <= b0 < z for a, z in org_spans) \
                or not alias_ok(b.group(1), rank):
            continue
        cands[(b0, b1)] = (b.group(1), 1)
    for (s, e), (w, rank) in sorted(cands.items()):
        m = cue.match(text, e)
        if not m:
            continue
        pos = m.end()
        hit = by_start.get(pos) or by_start.get(pos + 1)
        if not hit:  # "also known as lutetium Lu 177 toraxitide": the name ends the phrase after the cue
            later = [k for k in by_start if pos < k <= pos + 40 and not re.search(r"[,;()\n]|\.\s", text[pos:k])]
            hit = by_start[min(later)] if later else None
        if hit:
            alias = hit[1][0]
        else:
            t = _TOKEN.match(text, pos)
            if not t:
                continue
            alias = t.group(1)
            a0 = t.start(1)
            if any(a <= a0 < b for a, b in org_spans) or not alias_ok(alias, rank):
                continue
            cands[(a0, a0 + len(alias))] = (alias, 1 if alias[:1].isupper() and not re.search(r"\d", alias) else 3)
        if norm(alias) == norm(w):
            continue
        union(norm(w), norm(alias))
        link_at.setdefault(norm(alias), pos)
        link_at.setdefault(norm(w), pos)


def is_org_item(text: str, start: int, end: int, org_spans, org_word) -> bool:
    """Whether the parenthesis item text[start:end] is an organization: inside an organization span,
    the same words as one found elsewhere in the document, or shaped like one (`org_word`)."""
    item = text[start:end]
    for a, b in org_spans:
        if a <= start < b or text[a:b] == item:
            return True
    return bool(org_word.search(item))
