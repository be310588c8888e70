"""Two names of one asset joined by how releases write them, beyond parentheses and "also known as".

- A slashed pair of codes set in apposition as one thing: "Zeno's ZX-101/MK-77, an investigational vaccine,"
  or "ZX-101/MK-77 is a ..." (a combination of two codes reads "ZX-101/MK-77 combination" or "the combination
  of", and keeps its two assets).
- A brand written with its dosage form before a bracketed generic name, as Japanese releases do: "Zorvexa
  Subcutaneous Injection 60 mg Syringes [generic name: zorvimab]" or "Zorvexa Tablets (generic name: ...)".
- A short name after "or" in an INN's parenthesis: "zorvocogene ravaparvovec (ZRV-5, or zorvo)": one
  lower-case word that opens like the INN (names.py reads the parenthesis; `short_after_or` says yes).

Dosage-form words live in data/shapes.yaml (`dosage_form_words`).
"""

from __future__ import annotations

import re
from functools import lru_cache

from reportgen.extract.lexicon import cue_alternation, read_data

__all__ = ["slash_pair_links", "bracket_generic_links", "short_after_or"]

# after the second code: a singular apposition or copula says the pair is one thing
_ONE_THING = re.compile(r"(?:™|®)?(?:\s*,\s+(?:an?|the|its)\s+|\s+(?:is|was)\s+(?:an?|the)\s+)")
_COMBINATION_AFTER = re.compile(r"(?:™|®)?\s*(?:,\s*)?(?:combination|regimen|doublet|co-?formulation|fixed-dose)", re.I)
_COMBINATION_BEFORE = re.compile(r"\b(?:combination\s+of|combining|combined|plus|together\s+with)\s+(?:the\s+)?$", re.I)


def slash_pair_links(text: str, cands: dict, union, link_at: dict, norm) -> None:
    """Join "A/B" (two code candidates with only a slash between) when what follows says they are one asset."""
    by_start = {s: (e, w) for (s, e), (w, _rank) in cands.items()}
    for (s, e), (w, rank) in sorted(cands.items()):
        if text[e:e + 1] != "/" or (e + 1) not in by_start:
            continue
        e2, w2 = by_start[e + 1]
        if not _ONE_THING.match(text, e2) or _COMBINATION_AFTER.match(text, e2) or \
                _COMBINATION_BEFORE.search(text, max(0, s - 40), s):
            continue
        union(norm(w), norm(w2))
        link_at.setdefault(norm(w2), e + 1)
        link_at.setdefault(norm(w), s)


@lru_cache(maxsize=1)
def _bracket_generic() -> re.Pattern:
    words = cue_alternation(read_data("shapes.yaml").get("dosage_form_words", []))
    form = rf"(?:\s+(?:(?:{words})|\d+(?:\.\d+)?\s*(?:mg|mL|g|µg|mcg|IU|%)(?:/mL)?))" if words else r"(?!)"
    return re.compile(rf"(?<![\w\-])([A-Z][A-Za-z0-9]{{2,}})(?:\s?(?:®|™))?(?:{form})*\s*[\[(]\s*"
                      r"(?:generic|nonproprietary|international\s+nonproprietary|common)\s+name\s*:?\s*"
                      r"([a-z][a-z\-]{3,}(?:\s+[a-z][a-z\-]{3,})?)")


def bracket_generic_links(text: str, cands: dict, union, link_at: dict, norm, brand_ok) -> None:
    """Brand and generic name joined across the brand's dosage form: "Zorvexa Injection 60 mg [generic name: zorvimab]"."""
    if "name" not in text:
        return
    surfaces = {norm(w) for w, _ in cands.values()}
    for m in _bracket_generic().finditer(text):
        brand, inn = m.group(1), m.group(2)
        inn_first = inn.split()[0]
        key = norm(inn) if norm(inn) in surfaces else norm(inn_first)
        if key not in surfaces or not brand_ok(brand):
            continue
        cands.setdefault(m.span(1), (brand, 1))
        union(norm(brand), key)
        link_at.setdefault(norm(brand), m.start(1))


def short_after_or(seg: str, before: str) -> bool:
    """"(..., or zorvo)": one lower-case word of 4-12 letters opening with the first three letters of a name
    written before it (the owner of the parenthesis, or an INN earlier in it)."""
    if not re.fullmatch(r"[a-z]{4,12}", seg):
        return False
    return any(w[:3].casefold() == seg[:3] and w.casefold() != seg for w in re.findall(r"[A-Za-z]{5,}", before))
