"""Developers stated by the role a sentence gives an organization (cues in data/relations.yaml).

Each reader takes one sentence (`sent` at offset `base`), its asset and organization mentions (sorted by
start) and calls add(asset_eid, org_eid) for each developer it states; relations.run calls them from its
loop, as the other readers. Regulators, sites and persons are filtered by the caller's `is_maker`.
"""

from __future__ import annotations

import re
from functools import lru_cache

from reportgen.extract.document import code_after_inn
from reportgen.extract.fastre import gate
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


_REFERENCE_AFTER = re.compile(r"(?:the\s+|this\s+)?(?:drug|therapy|candidate|product|antibody|compound|asset|medicine|"
                              r"treatment|program|programme|molecule|vaccine)\b|it\b|them\b", re.I)


def responsible(text: str, base: int, end: int, assets, orgs, is_maker, add, referent=None) -> None:
    """"B will be responsible for ... commercialization of X": B develops X (the asset right after the cue; "of the
    drug": `referent`, the asset the text is about)."""
    rx = _cues()["responsible"]
    for o in orgs:
        m = rx.match(text, o.end, end)
        if not m or not is_maker(o.eid):
            continue
        after = [a for a in assets if 0 <= a.start - m.end() <= 40]
        if after and not _STOP.search(text, m.end(), after[0].start):
            add(after[0].eid, o.eid)
        elif not after and referent is not None and _REFERENCE_AFTER.match(text, m.end(), end):
            add(referent, o.eid)  # "B will be responsible for the development of the drug in Korea"


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



@lru_cache(maxsize=1)
def _subject_cues() -> dict:
    data = read_data("relations.yaml")
    return {"open": re.compile(rf"\W*(?:(?:{_alt(data['subject_openers'])})\s*,?\s+|On\s+\w+(?:\s+\d{{1,2}})?,\s+|"
                               rf"In\s+\w+(?:\s+\d{{4}})?,\s+)?"),
            "verb": re.compile(r"(?:,?\s+(?:Inc|Corp|Ltd|LLC|plc|AG|SA|Co)\.?)?(?:\s*\([^()]{1,40}\))?"
                               r"(?:\s*,\s+(?:an?|the)\s[^,;.]{3,90},)?\s+(?:has\s+|have\s+|had\s+|is\s+|will\s+|also\s+|today\s+)*[a-z]"),
            "stop": re.compile(rf"(?<![\w\-])(?:{_alt(data['subject_stops'])})(?![\w\-])|[;:]|\.\s|(?:’s|'s)\s", re.I),
            "reach": int(data.get("subject_reach", 140))}


_DOSED_WITH = re.compile(r"\b(?:dosed|treated|injected|enrolled)\s+(?:the\s+|a\s+|its\s+)?(?:first\s+)?(?:\w+\s+)?"
                         r"(?:patients?|participants?|subjects?|volunteers?)\s+with\b", re.I)
_JOINED = re.compile(r"\s*(?:\([^()]{0,60}\)\s*)?(?:,\s*(?:and\s+)?|and\s+|or\s+)")


_LEGAL_TAIL = r"(?:,?\s*(?:Inc|Corp|Corporation|Ltd|Limited|LLC|plc|PLC|AG|SA|Co|GmbH|N\.V|B\.V|K\.K)\.?)*(?:\s*\([^()]{1,40}\))?"


@lru_cache(maxsize=1)
def _group_cues() -> dict:
    data = read_data("relations.yaml")
    return {"join": re.compile(rf"{_LEGAL_TAIL}(?:\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*|,?\s+(?:{_alt(data['subject_joiners'])})\s+)"
                               rf"(?:its\s+(?:[\w\-]+\s+)?partners?\s+)?", re.I),
            "parent": re.compile(rf"{_LEGAL_TAIL}\s*,\s*(?:{_alt(data['parent_appositions'])})\s+(?:the\s+)?(?:[\w\-]+\s+)?", re.I),
            "at_subject": re.compile(r"(?:^|\bthat\s+|\n)\s*$")}


def subject_group(text: str, base: int, first, orgs, is_maker) -> tuple[list, int]:
    """The organizations that share one verb with `first` as its subject, walking forward ("A, B and C jointly
    submitted", "A, together with B, is developing"; a parent named in an apposition, "A, a subsidiary of B,", is
    skipped), and the offset where the verb's clause starts (after the last member, a closing comma included).
    A single member and first.end when nothing joins."""
    c = _group_cues()
    members, pos, skipped = [first], first.end, False
    for o in orgs:
        if o.start < pos:
            continue
        gap = text[pos:o.start]
        if c["join"].fullmatch(gap) and is_maker(o.eid):
            members.append(o)
        elif c["parent"].fullmatch(gap):
            skipped = True
        else:
            break
        pos = o.end
    if len(members) > 1 or skipped:
        tail = re.match(rf"{_LEGAL_TAIL},(?=\s+[a-z])", text[pos:pos + 60])
        if tail:
            pos += tail.end()
    return members, pos


def subject_of(text: str, base: int, o, orgs, is_maker) -> list:
    """The subject organizations of a verb that follows mention `o` ("A, B and C jointly submitted": A, B, C; "A, a
    subsidiary of B, is developing": A): walking back over joined members and a parent apposition. The first member
    must stand where a subject stands (the sentence's start, or after "that") for a group; `o` alone otherwise."""
    c = _group_cues()
    before = [x for x in orgs if base <= x.start and x.end <= o.start]
    members, cur = [o], o
    for p in reversed(before):
        gap = text[p.end:cur.start]
        if c["parent"].fullmatch(re.sub(r",\s*$", " ", gap)) and cur is members[0] and len(members) == 1 \
                and is_maker(p.eid):
            members, cur = [p], p  # "A, a subsidiary of B, is developing": A, not B
            continue
        if c["join"].fullmatch(gap) and is_maker(p.eid):
            members.insert(0, p)
            cur = p
            continue
        break
    if len(members) > 1 and not c["at_subject"].search(text, base, members[0].start):
        opener = _subject_cues()["open"].match(text, base, members[0].start)
        if opener is None or opener.end() != members[0].start:
            return [o]
    return members


_JOINT = re.compile(r"\b(?:together|along|jointly|joint|partners?|collaborat\w*|co-\w+)\b", re.I)


_OWNERS_JOIN = re.compile(rf"{_LEGAL_TAIL}\s*(?:,\s*(?:and\s+)?|and\s+|&\s+)")


def joint_owners(text: str, base: int, o, orgs, is_maker) -> list:
    """The organizations joined to a possessive owner ("Velmara Pharma and Daeyon Bio's X": Velmara too), walking
    back over commas and "and"; none when the first of them is a preposition's object ("with A and B's X")."""
    out, cur = [], o
    for p in reversed([x for x in orgs if base <= x.start and x.end <= o.start]):
        if p.eid == o.eid or not _OWNERS_JOIN.fullmatch(text, p.end, cur.start) or not is_maker(p.eid):
            break
        out.append(p)
        cur = p
    if out and re.search(r"\b(?:with|than|versus|vs\.?|against|to|from|by|of)\s+(?:the\s+)?$", text[max(base, cur.start - 12):cur.start], re.I):
        return []
    return out


def subject_org(text: str, base: int, end: int, assets, orgs, is_maker, add, pair=None) -> None:
    """A sentence opening on an organization as its subject ("Quorvex initiated a Phase 3 trial of X", "In addition,
    Quorvex has submitted a BLA for X") speaks of its own asset: the first asset of the clause, and those joined to it
    by "and" / commas, when no other organization, comparison, combination or deal word comes between."""
    if not assets or not orgs:
        return
    c = _subject_cues()
    opener = c["open"].match(text, base, end)
    first = orgs[0]
    if opener is None or first.start != opener.end() or not is_maker(first.eid):
        return
    members, pos = subject_group(text, base, first, orgs, is_maker)
    if len(members) == 1 and pos == first.end:
        _subject_clause(text, end, assets, orgs, first, add, c)
        return
    # "A, B and C jointly submitted a BLA for X": the clause after the group, read for each member
    later = [o for o in orgs if o.start >= pos]
    found: list = []
    _subject_clause(text, end, assets, later, first, lambda a, o: found.append(a), c, pos)
    for a in found:
        for o in members:
            add(a, o.eid)
    if found and pair is not None and _JOINT.search(text, first.start, min(end, pos + 30)):
        for i, o in enumerate(members):  # "A, B and C jointly submitted": co-developers are partners
            for o2 in members[i + 1:]:
                pair(o.eid, o2.eid)


_THAT_CLAUSE = re.compile(r"\b(?:announced|announces|said|says|reported|reports|noted|confirmed|disclosed)\s+(?:today\s+)?that\s+"
                          r"(?:its\s+(?:[\w\-]+\s+)?(?:subsidiary|affiliate|unit|partner|licensee)\s+)?")


def that_clause_org(text: str, base: int, end: int, assets, orgs, is_maker, add) -> None:
    """"Velnora announced that its subsidiary Tarsen Therapeutics dosed the first patient with X", "ORG said that
    Tarsen has submitted a BLA for X": the organization opening a reported clause is its subject, read as
    subject_org reads a sentence's."""
    if not assets or len(orgs) < 2 or "that" not in text[base:end]:
        return
    c = _subject_cues()
    for m in _THAT_CLAUSE.finditer(text, base, end):
        first = next((o for o in orgs if o.start == m.end()), None)
        if first is not None and is_maker(first.eid):
            _subject_clause(text, end, assets, orgs, first, add, c)


def _subject_clause(text: str, end: int, assets, orgs, first, add, c, pos: int | None = None) -> None:
    """The assets of the clause whose subject is the organization mention `first` (subject_org's rule); `pos`: where
    the verb's clause starts when the subject is a group (subject_group), else right after `first`."""
    pos = first.end if pos is None else pos
    verb = c["verb"].match(text, pos, end)
    if not verb:
        return
    after = [a for a in assets if a.start >= verb.end() - 1 and a.end > a.start]
    if not after or after[0].start - pos > c["reach"]:
        return
    if any(pos <= o.start < after[0].start and o.eid != first.eid for o in orgs):
        return
    gap = _DOSED_WITH.sub(" ", text[pos:after[0].start])  # "dosed the first patient with X" is no comparison
    if c["stop"].search(gap):
        return
    if len(after) > 1 and code_after_inn(text, after[0], after[1]):
        after = after[1:]  # "ORG announced that pembrolizumab plus KVR-201 ...": the code is ORG's (document.py)
    add(after[0].eid, first.eid)
    prev = after[0]
    for a in after[1:]:
        if not _JOINED.fullmatch(text, prev.end, a.start):
            break
        add(a.eid, first.eid)
        prev = a


@lru_cache(maxsize=1)
def _role_apposition() -> re.Pattern:
    nouns = _alt(read_data("relations.yaml")["role_nouns"])
    return re.compile(rf"(?:,?\s+(?:Inc|Corp|Ltd|LLC|plc|AG|SA|Co)\.?)?(?:\s*\([^()]{{1,40}}\))?,\s+(?:(?:the|a|an)\s+(?:[\w\-]+\s+){{0,2}}?"
                      rf"(?:{nouns})\s+(?:of\s+)?(?:the\s+)?(?:[\w\-]+\s+){{0,3}}?|whose\s+(?:[\w\-]+\s+){{0,3}}?)", re.I)


def role_apposition(text: str, base: int, end: int, assets, orgs, is_maker, add) -> None:
    """"Quorvex, the developer of X, said ...", "Quorvex, whose lead drug X is in Phase 2, ...": the apposition says
    the organization makes X (the asset right after the role words)."""
    rx = _role_apposition()
    for o in orgs:
        m = rx.match(text, o.end, end)
        if not m or not is_maker(o.eid):
            continue
        after = [a for a in assets if a.start == m.end()]
        if after:
            add(after[0].eid, o.eid)


@lru_cache(maxsize=1)
def _origin_cue() -> tuple[re.Pattern, re.Pattern]:
    data = read_data("relations.yaml")
    words = int(data.get("origin_words", 3))
    return re.compile(rf"\b(?:{_alt(data['origin_cues'])})\s+(?:the\s+)?", re.I), \
        re.compile(rf"(?:[\w\-’']+\s+){{0,{words}}}")


_ORIGIN_STOP = re.compile(r"[;:]|\.\s|\b(?:than|versus|vs\.?|compared|combination|combined|plus|with|like|unlike|such\s+as|including|other)\b", re.I)


def origin(text: str, base: int, end: int, assets, orgs, is_maker, add, academic=lambda eid: False) -> None:
    """"X, the first antibody drug created by ORG", "X is an antibody originating from ORG", "X was discovered at
    ORG", "X, licensed from ORG", "the trial of X is sponsored by ORG": the organization an asset comes from (its
    licensor, partner or trial sponsor) develops it (the asset named last before the cue, no other organization,
    comparison or combination word between them). Cues in data/relations.yaml (origin_cues)."""
    if not assets or not orgs:
        return
    rx, words = _origin_cue()
    for m in rx.finditer(text, base, end):
        org = next((o for o in orgs if o.start >= m.end()), None)
        if org is None or not words.fullmatch(text, m.end(), org.start) or not is_maker(org.eid):
            continue  # "created by the team, ORG said": the words after the cue name no one
        if re.match(r"(?:’s|'s|’|')\s", text[org.end:org.end + 3]):
            continue  # "X is partnered with ORG's anti-PD-1 drug": the organization's own product, not X's maker
        if m.group(0)[:9].lower() == "sponsored" and academic(org.eid):
            continue  # a university or hospital sponsoring an investigator-initiated trial runs it, it makes nothing
        before = [a for a in assets if a.end <= m.start()]
        if not before:
            continue
        a = before[-1]
        if any(a.end <= o.start < m.start() for o in orgs) or _ORIGIN_STOP.search(text, a.end, m.start()):
            continue
        add(a.eid, org.eid)


@lru_cache(maxsize=1)
def _holder_cues() -> dict:
    data = read_data("relations.yaml")
    words = int(data.get("holder_words", 3))
    return {"holder": re.compile(rf"(?:,?\s+(?:Inc|Corp|Ltd|LLC|plc|AG|SA|Co)\.?)?(?:\s*\([^()]{{1,40}}\))?\s+"
                                 rf"(?:(?:also|today|has|have|had)\s+)*(?:{_alt(data['holder_verbs'])})\s+(?:an?\s+|the\s+)?"
                                 rf"(?:[\w\-]+\s+){{0,{words}}}?(?:{_alt(data['holder_nouns'])})\b", re.I),
            "for": re.compile(r"\b(?:for|of)\b", re.I),
            "reach": int(data.get("holder_reach", 200))}


_HOLDER_STOP = re.compile(r"[;]|\.\s|\b(?:than|versus|vs\.?|compared|combination|combined|plus|with|like|unlike|"
                          r"such\s+as|including|other|after|following|based\s+on)\b", re.I)


def approval_holder(text: str, base: int, end: int, assets, orgs, is_maker, add) -> None:
    """"ORG (hereafter, ORG) obtained regulatory approval from the Ministry of Health (MHLW) for the anti-IL-99
    antibody X": the holder of an approval, designation or clearance develops the first asset the decision is for
    (after "for" / "of", within the reach, no other maker, comparison or combination word before it)."""
    if not assets or not orgs:
        return
    c = _holder_cues()
    for o in orgs:
        m = c["holder"].match(text, o.end, end)
        if not m or not is_maker(o.eid):
            continue
        after = [a for a in assets if m.end() <= a.start <= m.end() + c["reach"] and a.end > a.start]
        if not after:
            continue
        a = after[0]
        if not c["for"].search(text, m.end(), a.start) or _HOLDER_STOP.search(text, m.end(), a.start):
            continue
        if any(m.end() <= x.start < a.start and x.eid != o.eid and is_maker(x.eid) for x in orgs):
            continue  # "... approval for ORG2's X": the other organization's asset
        add(a.eid, o.eid)


@lru_cache(maxsize=1)
def _set_cues() -> dict:
    data = read_data("relations.yaml")
    return {"set": gate(re.compile(rf"\b(?:{_alt(data['set_rights_verbs'])})\s+(?:the\s+)?(?:(?:exclusive|global|worldwide|"
                                   rf"development|commercial)\s+)*(?:rights|licen[cs]es?|options?)\s+(?:to|for|on)\s+"
                                   rf"(?:{_alt(data['set_quantities'])})\s+(?:[\w\-,]+\s+){{0,4}}?(?:{_alt(data['set_nouns'])})\b",
                                   re.I)),  # behind a literal gate (fastre.py): the same matches
            "acquired_set": re.compile(rf"\b(?:{_alt(data['set_acquire_verbs'])})\s+(?:the\s+|its\s+)?"
                                       rf"(?:{_alt(data['set_quantities'])})\s+(?:[\w\-,]+\s+){{0,4}}?(?:{_alt(data['set_nouns'])})\b", re.I),
            "opener": re.compile(rf"\W*(?:{_alt(data['set_list_openers'])})\b", re.I),
            "including": re.compile(r"\b(?:including|includ(?:es|ed)|such\s+as|namely)\b|:", re.I)}


_RUN_JOIN = re.compile(r"(?:™|®)?\s*(?:\([^()]{0,80}\)\s*)?(?:[,;]\s*(?:and\s+|as\s+well\s+as\s+)?|and\s+|&\s+|as\s+well\s+as\s+)")


def _list_run(text: str, listed: list) -> list:
    """The listed assets up to the first one not joined to the one before by a comma, semicolon or "and"."""
    out = listed[:1]
    for a in listed[1:]:
        if not _RUN_JOIN.fullmatch(text, out[-1].end, a.start):
            break
        out.append(a)
    return out


_FROM_PARTY = re.compile(r"(?<!backed )(?<!funded )(?<!financed )(?<!led )(?<!supported )\b(?:from|of|by|with)\s+(?:the\s+)?$")  # the licensor: "spun off of B", "from B"


def licensed_sets(text: str, sentences, names, is_maker, add) -> None:
    """"A was spun off of B and granted rights to a handful of clinical-stage assets. Included are X; Y; and Z.": each
    listed asset is developed by the licensee (the organization before the cue) and by the other organizations of
    the sentence named after from / of / by / with (the licensor: "spun off of B"). The list is the same sentence's after "including" / a colon, else the next
    sentence's when it opens on a list opener; add(asset, org, span) with the span over both sentences."""
    if "right" not in text and "icen" not in text and "option" not in text and "cquir" not in text and \
            "urchas" not in text and "buy" not in text and "bought" not in text:
        return
    c = _set_cues()
    for i, (s, e) in enumerate(sentences):
        m = c["set"].search(text, s, e) or c["acquired_set"].search(text, s, e)  # "will acquire three programs from B"
        if not m:
            continue
        orgs = [o for o in names.in_span(names.orgs, s, e) if is_maker(o.eid)]
        subject = [o for o in orgs if o.end <= m.start()]
        if not subject:
            continue
        parties = [subject[0].eid] + [o.eid for o in orgs if o.eid != subject[0].eid and
                                      _FROM_PARTY.search(text, max(s, o.start - 12), o.start)]
        listed, span = [], (s, e)
        inc = c["including"].search(text, m.end(), e)
        if inc and not re.search(r"[;]|\.\s", text[m.end():inc.start()]):
            listed = [a for a in names.in_span(names.assets, inc.end(), e) if a.end > a.start]
            listed = _list_run(text, listed)  # "including X and Y, which is tested against Z": X and Y
        elif i + 1 < len(sentences) and c["opener"].match(text, sentences[i + 1][0], sentences[i + 1][1]):
            s2, e2 = sentences[i + 1]
            listed = [a for a in names.in_span(names.assets, s2, e2) if a.end > a.start]
            span = (s, e2)
        seen = set()
        for a in listed:
            if a.eid in seen:
                continue
            seen.add(a.eid)
            for org in dict.fromkeys(parties):
                add(a.eid, org, span)


_SPONSORED = re.compile(r"[\-\s]sponsored\s+(?:[\w\-/]+\s+){0,3}?(?:trials?|stud(?:y|ies))\s+(?:of|with|evaluating|testing)\s+(?:the\s+|its\s+)?", re.I)


def sponsored_trial(text: str, base: int, end: int, assets, orgs, is_maker, add, academic=lambda eid: False) -> None:
    """"the Quorvex-sponsored Phase 2 trial of X", "a Quorvex sponsored study evaluating X": the sponsor develops X (the
    asset right after the trial words), unless it is a university or hospital (an investigator-initiated trial)."""
    if "ponsored" not in text[base:end]:
        return
    for o in orgs:
        m = _SPONSORED.match(text, o.end, end)
        if not m or not is_maker(o.eid) or academic(o.eid):
            continue
        after = [a for a in assets if a.start == m.end()]
        if after:
            add(after[0].eid, o.eid)


# what may follow a company's name before the words that tie it to an asset: a legal suffix, a "(Nasdaq: X)"
_AFTER_NAME = r"(?:,?\s+(?:Inc|Corp|Ltd|LLC|plc|AG|SA|Co)\.?)?(?:\s*\([^()]{1,40}\))?"

@lru_cache(maxsize=1)
def _deal_asset_cues() -> dict:
    data = read_data("relations.yaml")
    return {"takeover": re.compile(rf"\b(?:{_alt(data['takeover_verbs'])})\s+(?:the\s+)?", re.I),
            "its": re.compile(_AFTER_NAME +
                              r"(?:\s+and\s+(?:its|their)|,\s+(?:including\s+its|the\s+(?:developer|maker|owner)\s+of|"
                              r"whose|and\s+its))\s+", re.I),
            # "a license agreement with B", "inks $500M deal with B" (a headline's paid deal: no article)
            "deal": re.compile(rf"(?:\b(?:an?|the|its)\s+|(?<![\w.])(?=[$€£¥]))(?:[\w\-,$€£¥.]+\s+){{0,6}}?(?:agreement|deal|collaboration|partnership|"
                               rf"alliance|pact)\s+with\s+(?:the\s+)?", re.I),
            "paid": re.compile(r"[$€£¥]\s?\d|\b(?:upfront|up-front|milestones?|royalt(?:y|ies))\b", re.I),
            "develop_link": re.compile(r"\bto\s+(?:co-?)?develop\b|\bco-?commerciali[sz]e\b", re.I),
            "words": re.compile(rf"\b(?:{_alt(data['codevelopment_deal_words'])})\b", re.I),
            "not": re.compile(rf"\b(?:{_alt(data['codevelopment_deal_not'])})\b", re.I),
            "for": re.compile(_AFTER_NAME + r"\s+(?:for|on|covering|"
                              r"regarding|to\s+(?:co-?)?develop(?:\s+and\s+(?:co-?)?commerciali[sz]e)?|for\s+the\s+"
                              r"(?:co-?)?development\s+(?:and\s+commerciali[sz]ation\s+)?of)\s+(?:the\s+|its\s+)?", re.I),
            "words4": re.compile(r"(?:[\w\-]+\s+){0,4}")}


def _both_develop_next(text: str, end: int, assets, a, b, link: re.Pattern, add) -> None:
    """Both parties develop the first asset after B's `link` words ("B and its lead asset X", "B for X"), at most
    four words further."""
    m = link.match(text, b.end, end)
    x = next((x for x in assets if m and x.start >= m.end() and x.end > x.start), None)
    if x is not None and _deal_asset_cues()["words4"].fullmatch(text, m.end(), x.start):
        add(x.eid, a.eid)
        add(x.eid, b.eid)


def acquired_assets(text: str, base: int, end: int, assets, orgs, is_maker, add) -> None:
    """"A will acquire B and its lead asset X", "A completed its acquisition of B, the developer of X": the buyer
    (the organization named last before the verb) and the company bought both develop X."""
    if not assets or len(orgs) < 2:
        return
    c = _deal_asset_cues()
    for m in c["takeover"].finditer(text, base, end):
        b = next((o for o in orgs if o.start == m.end()), None)
        buyer = [o for o in orgs if o.end <= m.start() and m.start() - o.end <= 120 and is_maker(o.eid)]
        if b is None or not buyer or buyer[-1].eid == b.eid or not is_maker(b.eid):
            continue
        _both_develop_next(text, end, assets, buyer[-1], b, c["its"], add)


def deal_for_asset(text: str, base: int, end: int, assets, orgs, is_maker, add) -> None:
    """"A entered into a co-development and co-commercialization agreement with B for X", "A signed a license
    agreement with B to develop X": both parties develop X (the deal words say they share it; a supply or clinical
    trial collaboration agreement does not)."""
    if not assets or len(orgs) < 2:
        return
    c = _deal_asset_cues()
    for m in c["deal"].finditer(text, base, end):
        phrase = text[m.start():m.end()]
        if c["not"].search(phrase):
            continue
        b = next((o for o in orgs if o.start == m.end()), None)
        link = c["for"].match(text, b.end, end) if b is not None else None
        # the deal words say they share it, or money changes hands for it ("a $500M deal with B for X"), or the
        # link does ("a strategic collaboration with B to co-develop X")
        if not (c["words"].search(phrase) or c["paid"].search(phrase) or
                link is not None and c["develop_link"].search(link.group(0))):
            continue
        a_org = [o for o in orgs if o.end <= m.start() and is_maker(o.eid)]
        if b is None or not a_org or a_org[-1].eid == b.eid or not is_maker(b.eid):
            continue
        _both_develop_next(text, end, assets, a_org[-1], b, c["for"], add)


_COPULA_COMPANY = re.compile(r"\W*(?:The|Its|The\s+drug[’']s|The\s+therapy[’']s)\s+(?:company|developer|maker|sponsor|"
                             r"manufacturer|owner)\s+(?:is|was)\s+(?:the\s+)?$")


def copula_company(text: str, base: int, end: int, orgs, current, is_maker, add) -> None:
    """"The drug was called QX-1. The company was Quorvex, based in Shenzhen.": a sentence naming an organization as
    "the company" / "its developer" develops the asset the text is about (`current`, the one named last)."""
    if current is None or not orgs:
        return
    named = [o for o in orgs if o.surface]  # "The company" itself may be resolved to an organization (no surface)
    o = named[0] if named else None
    if o is not None and _COPULA_COMPANY.fullmatch(text, base, o.start) and is_maker(o.eid):
        add(current, o.eid)


@lru_cache(maxsize=1)
def _partner_role_cues() -> dict:
    data = read_data("relations.yaml")
    roles = _alt(data["partner_roles"])
    return {"owned": re.compile(rf"(?:’s|'s|’|')\s+(?:[\w\-.]+\s+){{0,2}}?(?:{roles})(?:\s+for\s+[^,;.]{{1,40}}?)?\s*,?\s+$", re.I),
            "appos": re.compile(rf"{_LEGAL_TAIL}\s*,\s+$"),
            "appos_after": re.compile(rf"(?:’s|'s|’|')\s+(?:[\w\-.]+\s+){{0,2}}?(?:{roles})\b", re.I),
            "its": re.compile(rf"\b(?:its|their)\s+(?:[\w\-.]+\s+){{0,2}}?(?:{roles})\s*,?\s+$", re.I),
            # "B, the U.S. partner of A,"
            # (a parent named in apposition is background: "B, a subsidiary of A," gives A nothing; subject_of)
            "partner_of": re.compile(rf"{_LEGAL_TAIL}\s*,\s+(?:the|a|an)\s+(?!(?:[\w\-.]+\s+){{0,2}}?(?:subsidiary|affiliate)\b)"
                                     rf"(?:[\w\-.]+\s+){{0,2}}?(?:{roles})\s+of\s+(?:the\s+)?$", re.I),
            "licence": re.compile(rf"\b(?:{_alt(data['under_licence_cues'])})\s+(?:the\s+)?$", re.I),
            "stop": re.compile(r"\b(?:than|versus|vs\.?|compared|rival|competing|competitor)\b", re.I)}


def role_pairs(text: str, base: int, end: int, orgs) -> list[tuple]:
    """(A, B) mention pairs a sentence links by a partner role: "A's partner B", "B, A's partner", "A said its
    partner B", "A ... under license from B" (partner_roles, under_licence_cues of data/relations.yaml)."""
    c = _partner_role_cues()
    out = []
    for i, b in enumerate(orgs):
        before = [o for o in orgs[:i] if o.eid != b.eid]
        if not before:
            continue
        a = before[-1]
        lo = max(base, a.end)
        if c["owned"].search(text, lo, b.start) and c["owned"].search(text, lo, b.start).start() == a.end:
            out.append((a, b))  # "A's partner B"
        elif c["its"].search(text, max(base, b.start - 60), b.start) or c["licence"].search(text, max(base, b.start - 60), b.start):
            out.append((a, b))  # "A said its partner B", "marketed by A under license from B"
    for i, b in enumerate(orgs[:-1]):
        a = orgs[i + 1]  # "B, A's partner for X,", "B, the U.S. partner of A,"
        if a.eid != b.eid and (c["appos"].fullmatch(text, b.end, a.start) and c["appos_after"].match(text, a.end, end)
                               or c["partner_of"].fullmatch(text, b.end, a.start)):
            out.append((a, b))
    return out


def role_partners(text: str, base: int, end: int, assets, orgs, is_maker, developers_of, add) -> None:
    """The partner named beside an organization that develops an asset of the sentence develops it too: "Velmara,
    Daeyon's partner for X, will commercialize it", "Daeyon said its partner Velmara dosed the first patient with
    X", "X is marketed by Velmara under license from Daeyon" (developers_of(asset) -> org ids read so far)."""
    if not assets or len(orgs) < 2 or _partner_role_cues()["stop"].search(text, base, end):
        return
    for a, b in role_pairs(text, base, end, orgs):
        if not (is_maker(a.eid) and is_maker(b.eid)):
            continue
        named = list(dict.fromkeys(m.eid for m in assets))
        for x in named:
            devs = developers_of(x)
            # (not to one who makes another asset of the sentence: "A's partner B markets Y, and A develops X")
            if a.eid in devs and b.eid not in devs and not any(b.eid in developers_of(y) for y in named if y != x):
                add(x, b.eid)
            elif b.eid in devs and a.eid not in devs and not any(a.eid in developers_of(y) for y in named if y != x):
                add(x, a.eid)

