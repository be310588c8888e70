"""Developers stated by the role a sentence gives an organization (cues in data/relations.yaml).

Each reader takes one sentence (`sent` at offset `base`), its asset and organization mentions (sorted by
start) and calls add(asset_eid, org_eid) for each developer it states; relations.run calls them from its
loop, as the other readers. Regulators, sites and persons are filtered by the caller's `is_maker`.
"""

from __future__ import annotations

import re
from functools import lru_cache

from reportgen.extract.lexicon import cue_alternation as _alt, read_data


@lru_cache(maxsize=1)
def _cues() -> dict:
    data = read_data("relations.yaml")
    words = int(data.get("responsible_words", 8))
    return {
        "responsible": re.compile(rf"\s*,?\s+(?:(?:which|that|who)\s+)?(?:also\s+)?(?:{_alt(data['responsible_cues'])})\s+"
                                  rf"(?:(?:the|all|its)\s+)?(?:[\w\-,]+\s+){{0,{words}}}?"
                                  rf"(?:{_alt(data['responsible_nouns'])})\s+(?:of|for)\s+(?:the\s+)?", re.I),
        "said": re.compile(rf"(?:,?\s+(?:Inc|Corp|Corporation|Ltd|Limited|LLC|plc|PLC|AG|SA|N\.V|SE|GmbH|Co)\.?)?"
                           rf"\s*(?:\([^()]{{1,30}}\)\s*)?(?:(?:also|has|had|previously)\s+)?(?:{_alt(data['said_after_verbs'])})\b", re.I),
        "product": re.compile(rf"(?:’s|'s)?\s+(?:[\w\-]+\s+)?(?:{_alt(data['org_product_nouns'])})\b", re.I),
    }


_THE_BEFORE = re.compile(r"\b(?:the|The|this|This)\s+$")
_STOP = re.compile(r"[.;]\s|\b(?:than|versus|vs\.?|compared)\b", re.I)


def responsible(text: str, base: int, end: int, assets, orgs, is_maker, add) -> None:
    """"B will be responsible for ... commercialization of X": B develops X (the asset right after the cue)."""
    rx = _cues()["responsible"]
    for o in orgs:
        m = rx.match(text, o.end, end)
        if not m or not is_maker(o.eid):
            continue
        after = [a for a in assets if 0 <= a.start - m.end() <= 40]
        if after and not _STOP.search(text, m.end(), after[0].start):
            add(after[0].eid, o.eid)


def said_after(text: str, base: int, end: int, assets, orgs, is_maker, has_developer, add) -> None:
    """"... X and Y, ORG said": the reporting organization makes the assets named before it that have no maker
    named (a comparator's clause is already left out of `assets`)."""
    rx = _cues()["said"]
    for o in orgs:
        if not is_maker(o.eid) or not rx.match(text, o.end, end):
            continue
        if not re.search(r",\s*(?:the\s+)?$", text[max(base, o.start - 6):o.start]):
            continue  # "..., ORG said": the clause before the comma is what ORG says
        if any(x.start < o.start and x.eid != o.eid for x in orgs if is_maker(x.eid)):
            continue  # another organization named before speaks of its own
        for a in assets:
            if a.end <= o.start and not has_developer(a.eid):
                add(a.eid, o.eid)


def org_product(text: str, base: int, end: int, assets, orgs, referent, is_maker, add) -> None:
    """"the ORG product was injected", "the ORG drug X": ORG makes the product (the asset named within a few
    words after the noun, else `referent`, the asset the sentence refers to)."""
    rx = _cues()["product"]
    for o in orgs:
        if not _THE_BEFORE.search(text, max(base, o.start - 5), o.start) or not is_maker(o.eid):
            continue
        m = rx.match(text, o.end, end)
        if not m:
            continue
        after = [a for a in assets if 0 <= a.start - m.end() <= 3 and a.end > a.start]
        eid = after[0].eid if after else referent
        if eid is not None:
            add(eid, o.eid)


_UNNAMED_DRUG = re.compile(r"\b(?:an?|its|the)\s+(?:[\w\-()]+\s+){0,6}?(?:therapy|drug|candidate|antibody|vaccine|medicine|"
                           r"compound|treatment|inhibitor|product|therapeutic|conjugate)\b", re.I)


def unnamed_licence(text: str, base: int, end: int, orgs, is_maker, add_focal) -> None:
    """"A has agreed to acquire rights to an AAV gene therapy for X from B" before the release names the therapy:
    both parties develop the release's single focal asset (add_focal(org)); the caller checks that the sentence
    names no asset and that none was named before it."""
    from reportgen.extract.partners import _cues as deal_cues  # the rights cues of partner facts

    for m in deal_cues()["rights_from"].finditer(text, base, end):
        if not _UNNAMED_DRUG.search(text, m.start(), m.end()):
            continue
        licensor = [o for o in orgs if m.end() <= o.start <= m.end() + 12 and is_maker(o.eid)]
        licensee = [o for o in orgs if o.end <= m.start() and is_maker(o.eid)]
        if licensor:
            add_focal(licensor[0].eid)
            if licensee and licensee[-1].eid != licensor[0].eid:
                add_focal(licensee[-1].eid)

