"""Partner facts from deal language (cues in data/relations.yaml).

"A will acquire B" / "B will be acquired by A" pair the organizations on either side of the verb (the
nearest on each side); "in collaboration with B" / "a license agreement with B" pair B with the
organization the sentence names before the cue, else with "the company" resolved, else with the single
announcer of the release. Regulators are never partners (relations._pair checks).
"""

from __future__ import annotations

import re
from functools import lru_cache


from reportgen.extract.fastre import gate as _gate
from reportgen.extract.lexicon import cue_alternation as _alt, read_data



@lru_cache(maxsize=1)
def _cues() -> dict:
    data = read_data("relations.yaml")
    return {k: _gate(v) for k, v in _patterns(data).items()}  # behind literal gates (fastre.py): same matches


def _patterns(data: dict) -> dict:
    return {"acquire": re.compile(rf"\b(?:{_alt(data['acquire_verbs'])})\b", re.I),
            "acquired_by": re.compile(rf"\b(?:{_alt(data['acquired_by_verbs'])})\b", re.I),
            "with": re.compile(rf"\b(?:{_alt(data['deal_with_cues'])})\b", re.I),
            "rights_from": _gate(re.compile(rf"\b(?:{_alt(data['rights_from_verbs'])})\b[^.;]{{0,{int(data['rights_from_gap'])}}}?"
                                      rf"\bfrom\s+", re.I)),
            "licensed_to": _gate(re.compile(rf"\b(?:{_alt(data['licensed_to_verbs'])})\b[^.;]{{0,{int(data['licensed_to_gap'])}}}?"
                                      rf"\bto\s+", re.I)),
            "codevelop": _gate(re.compile(rf"\b(?:{_alt(data['codevelop_with'])})\s+", re.I)),
            "between": _gate(re.compile(rf"\b(?:{_alt(data['between_nouns'])})\s+between\s+", re.I)),
            "licensee_before": re.compile(rf"\b(?:{_alt(data['licensee_before'])})\s+$", re.I),
            "licensee_after": re.compile(rf"\s+(?:{_alt(data['licensee_after'])})\s+(?:an?\s+|the\s+)?(?:[\w\-]+\s+){{0,3}}?"
                                         rf"(?:{_alt(data['licence_nouns'])})\b", re.I)}

# how far (characters) from the cue the two parties may be
REACH = 120


def deal_partners(sent: str, base: int, orgs, announcers, pair, span) -> None:
    """Call pair(a, b, span) for every deal the sentence states; `orgs` are its organization mentions
    (named and resolved), sorted by start."""
    if not orgs:
        return
    c = _cues()
    for key in ("acquired_by", "acquire"):
        for m in c[key].finditer(sent):
            a0, a1 = base + m.start(), base + m.end()
            left = [o for o in orgs if o.end <= a0 and a0 - o.end <= REACH]
            right = [o for o in orgs if o.start >= a1 and o.start - a1 <= REACH]
            if left and right:
                pair(left[-1].eid, right[0].eid, span)
        if key == "acquired_by" and c[key].search(sent):
            break  # "acquired by" also matches the active verb
    for m in c["with"].finditer(sent):
        a0, a1 = base + m.start(), base + m.end()
        after = [o for o in orgs if o.start >= a1 and o.start - a1 <= 12]
        if not after:
            continue
        before = [o for o in orgs if o.end <= a0 and o.eid != after[0].eid]
        if before:
            subj = before[0].eid
        elif len(announcers) == 1 and announcers[0] != after[0].eid:
            subj = announcers[0]
        else:
            continue
        pair(subj, after[0].eid, span)

    _rights_from(c, sent, base, orgs, announcers, pair, span)
    _rights_from(c, sent, base, orgs, announcers, pair, span, key="licensed_to")
    _between(c, sent, base, orgs, pair, span)

    # licensees: "A granted B an exclusive license ...", "B will receive exclusive rights to ..."
    text_end = base + len(sent)
    for o in orgs:
        rel = o.start - base
        before = c["licensee_before"].search(sent, max(0, rel - 40), rel) if rel > 0 else None
        after = c["licensee_after"].match(sent, o.end - base) if o.end <= text_end else None
        if not (before or after):
            continue
        others = [x for x in orgs if x.eid != o.eid and x.end <= o.start]
        if others:
            pair(others[0].eid, o.eid, span)
        elif len(announcers) == 1 and announcers[0] != o.eid:
            pair(announcers[0], o.eid, span)


_AND = re.compile(r"[\s,]*(?:\([^()]{0,40}\)[\s,]*)?(?:and|&)\s+")


def _rights_from(c, sent, base, orgs, announcers, pair, span, key="rights_from") -> None:
    """"A in-licensed the rights to X from B" (or, key licensed_to, "A licensed X to B"): B is A's (else the
    single announcer's) counterparty."""
    for m in c[key].finditer(sent):
        a0, a1 = base + m.start(), base + m.end()
        after = [o for o in orgs if a1 <= o.start <= a1 + 12]
        if not after:
            continue
        before = [o for o in orgs if o.end <= a0 and o.eid != after[0].eid]
        if before:
            pair(before[-1].eid, after[0].eid, span)
        elif len(announcers) == 1 and announcers[0] != after[0].eid:
            pair(announcers[0], after[0].eid, span)


def _between(c, sent, base, orgs, pair, span) -> None:
    """"a collaboration between A and B"."""
    for m in c["between"].finditer(sent):
        a1 = base + m.end()
        first = [o for o in orgs if a1 <= o.start <= a1 + 12]
        if not first:
            continue
        a = first[0]
        rest = [o for o in orgs if o.start >= a.end and o.eid != a.eid]
        if rest and _AND.fullmatch(sent, a.end - base, rest[0].start - base):
            pair(a.eid, rest[0].eid, span)



def codevelopers(sent: str, base: int, assets, orgs, add_developer) -> None:
    """"ASSET ... co-developed with B": add_developer(asset, org) for B and for the organization named before
    the cue (both develop it), the asset being the one named last before the cue."""
    if not assets or not orgs:
        return
    for m in _cues()["codevelop"].finditer(sent):
        a0, a1 = base + m.start(), base + m.end()
        after = [o for o in orgs if a1 <= o.start <= a1 + 12]
        before = [a for a in assets if a.end <= a0]
        if after and before:
            add_developer(before[-1].eid, after[0].eid)
            # "co-developed with B" says the sentence's other party develops it too
            own = [o for o in orgs if o.end <= a0 and o.eid != after[0].eid]
            if own:
                add_developer(before[-1].eid, own[-1].eid)
