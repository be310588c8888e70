"""Partner facts from deal language (cues in data/relations.yaml).

"A will acquire B" / "B will be acquired by A" pair the organizations on either side of the verb (the
nearest on each side); "in collaboration with B" / "a license agreement with B" pair B with the
organization the sentence names before the cue, else with "the company" resolved, else with the single
announcer of the release. Regulators are never partners (relations._pair checks).
"""

from __future__ import annotations

import re
from functools import lru_cache


from reportgen.extract.fastre import gate as _gate, hoisted
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
            "codevelop": _gate(re.compile(rf"\b(?:{_alt(data['codevelop_with'])})\s+"
                                          rf"(?:(?:the\s+|its\s+|a\s+)?(?:[A-Z][\w.]*-based\s+|[A-Z][a-z]+\s+)?"
                                          rf"(?:{_alt(data.get('codevelop_descriptor_nouns') or ['company'])}),?\s+)?", re.I)),
            "between": _gate(re.compile(rf"\b(?:{_alt(data['between_nouns'])})\s+between\s+", re.I)),
            "licensee_before": re.compile(rf"\b(?:{_alt(data['licensee_before'])})\s+$", re.I),
            "licensee_after": re.compile(rf"\s+(?:{_alt(data['licensee_after'])})\s+(?:an?\s+|the\s+)?(?:[\w\-]+\s+){{0,3}}?"
                                         rf"(?:{_alt(data['licence_nouns'])})\b", re.I)}

# how far (characters) from the cue the two parties may be
REACH = 120
_GAP = {k: int(v) for k, v in (("rights_from", read_data("relations.yaml")["rights_from_gap"]),
                               ("licensed_to", read_data("relations.yaml")["licensed_to_gap"]))}


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


# between "from" and the party: "from South Korea's Daeyon Bio", "from Chinese biotech Daeyon Bio"
_PARTY_LEAD = re.compile(r"(?:the\s+)?(?:[A-Z][\w.\-]*(?:\s+[A-Z][\w.\-]*)?(?:’s|'s)\s+)?(?:[a-z][\w\-]*\s+){0,2}")


def party_after(sent: str, base: int, pos: int, orgs):
    """The organization mention a deal cue ending at sentence offset `pos` names: within 12 characters, or after a
    possessive place and up to two lower-case descriptors ("from South Korea's biotech Daeyon Bio")."""
    near = [o for o in orgs if base + pos <= o.start <= base + pos + 12]
    if near:
        return near[0]
    lead = _PARTY_LEAD.match(sent, pos)
    return next((o for o in orgs if lead and o.start == base + lead.end() and lead.end() > pos), None)


def _rights_from(c, sent, base, orgs, announcers, pair, span, key="rights_from") -> None:
    """"A in-licensed the rights to X from B" (or, key licensed_to, "A licensed X to B"): B is A's (else the
    single announcer's) counterparty."""
    word = "to" if key == "licensed_to" else "from"
    for m in c[key].finditer(sent):
        a0, a1 = base + m.start(), base + m.end()
        first = party_after(sent, base, m.end(), orgs)
        after = [first] if first is not None else []
        if not after:
            # "licensed the rights to its antibody X to B": a later "to" (or "from") within the reach names B
            reach = base + m.start() + _GAP.get(key, 100) + 12
            for w in re.finditer(rf"\b{word}\s+", sent[m.end():]):
                pos = a1 + w.end()
                if pos > reach:
                    break
                after = [o for o in orgs if pos <= o.start <= pos + 12]
                if after:
                    break
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


@lru_cache(maxsize=1)
def _licence_cues() -> dict:
    data = read_data("relations.yaml")
    return {"grant": _gate(re.compile(rf"\b(?:{_alt(data['licensee_before'])})\s+$", re.I)),
            "receive": re.compile(rf"\s+(?:{_alt(data['licensee_after'])})\s+(?:an?\s+|the\s+)?(?:[\w\-]+\s+){{0,3}}?"
                                  rf"(?:{_alt(data['licence_nouns'])})\b", re.I),
            "joint": re.compile(rf"\s+(?:will\s+|to\s+|agreed\s+to\s+|plan\s+to\s+)?(?:{_alt(data['joint_verbs'])})\s+", re.I),
            "joint_deal": re.compile(rf"\s+(?:have\s+|has\s+)?(?:{_alt(data['joint_deal_verbs'])})\s+(?:an?\s+|the\s+)?(?:[\w\-,]+\s+){{0,4}}?"
                                     rf"(?:{_alt(data['between_nouns'])})\s+(?:on|for|to\s+(?:co-?)?develop(?:\s+and\s+commerciali[sz]e)?)\s+", re.I),
            "which": re.compile(r"(?:™|®)?,\s+which\s+"),
            "markets_with": re.compile(r"\s+(?:(?:has|have|is|are)\s+)?(?:jointly\s+|also\s+)?(?:co-?)?(?:develop(?:s|ed|ing)?|"
                                       r"commerciali[sz](?:es|ed|ing|e)|market(?:s|ed|ing)?|sell(?:s|ing)?|sold|co-?promot(?:es|ed|ing))"
                                       r"\s+(?:together\s+with|jointly\s+with|with|in\s+(?:collaboration|partnership)\s+with)\s+(?:the\s+)?", re.I),
            "deal_words": _gate(re.compile(rf"\b(?:{_alt(data['deal_sentence_words'])})\b", re.I)),
            # "A developed X with B", "A co-commercializes X in Europe with B"
            "developed": re.compile(r"\s+(?:has\s+|have\s+|is\s+|are\s+)?(?:co-?)?(?:develop(?:ed|s|ing)|commerciali[sz](?:es|ed|ing)|"
                                    r"co-?promot(?:es|ed|ing)|co-?market(?:s|ed|ing))\s+(?:its\s+|the\s+)?", re.I),
            "with_org": re.compile(r"(?:™|®)?,?\s+(?:together\s+with|jointly\s+with|with|in\s+(?:collaboration|partnership)\s+with)"
                                   r"\s+(?:the\s+)?", re.I),
            # "... X in Europe with B": a place between the asset and its partner
            "with_place": re.compile(r"(?:™|®)?\s+in\s+(?:the\s+)?[A-Z][\w.]*(?:\s[A-Z][\w.]*)?,?\s+(?:together\s+with|jointly\s+with|with)\s+(?:the\s+)?"),
            "rights_to": re.compile(rf"\b(?:(?:rights|license|licence|option)\s+(?:to|for|on)|{_alt(data['acquire_owned_verbs'])})\s+$", re.I),
            "owns": re.compile(r"(?:’s|'s|’|')\s"),
            "bought": re.compile(rf"\s+(?:{_alt(data['acquire_verbs'])})\b", re.I),
            "and": re.compile(r"\s*(?:,|and|&)\s*")}


def deal_sentence(sent: str, orgs, pair) -> None:
    """A sentence that states a deal ("an exclusive license agreement under which B will ...", "the company will
    receive $20 million upfront from B", "B, A's partner in Europe") and names exactly two organizations (a resolved
    "the company" counts) pairs them. Deal words in data/relations.yaml (deal_sentence_words)."""
    eids = []
    for o in orgs:
        if o.eid not in eids:
            eids.append(o.eid)
    if len(eids) != 2 or not _licence_cues()["deal_words"].search(sent):
        return
    pair(eids[0], eids[1])


def licensees(sent: str, base: int, assets, orgs, add_developer, pair) -> None:
    """A licensee develops what it licenses: "A grants B an exclusive license to develop X", "B will receive exclusive
    rights to X" give developer(X, B), the first asset after B in the sentence with no other organization between;
    "A and B will co-develop X" gives both (and pairs them). Cues in data/relations.yaml."""
    if not orgs:
        return
    deal_sentence(sent, orgs, pair)
    if not assets:
        return
    c = _licence_cues()
    for i, o in enumerate(orgs):
        rel = o.start - base
        granted = c["grant"].search(sent, max(0, rel - 40), rel) if rel > 0 else None
        if not granted and not c["receive"].match(sent, o.end - base):
            continue
        after = [a for a in assets if a.start >= o.end and a.start - o.end <= 160]
        if after and not any(o.end < x.start < after[0].start and x.eid != o.eid for x in orgs):
            add_developer(after[0].eid, o.eid)
            grantor = [x for x in orgs[:i] if x.eid != o.eid] if granted else []
            others = {x.eid for x in orgs if x.eid != o.eid}
            if not granted and len(others) == 1 and _AGREEMENT.search(sent) and not _RIVAL.search(sent):
                # "A and B entered into a license agreement, under which B obtained the rights to X": A licenses it out
                grantor = [x for x in orgs if x.eid in others]
            if grantor:  # "A grants B a license to X": A licenses it, so develops it too
                add_developer(after[0].eid, grantor[-1].eid)
    # "A in-licensed X from B" (B licenses it out), "A licensed X to B" (B takes it on): B develops X too
    for key, word in (("rights_from", "from"), ("licensed_to", "to")):
        for m in _cues()[key].finditer(sent):
            reach = m.start() + _GAP[key] + 12
            for w in re.finditer(rf"\b{word}\s+", sent[m.start():]):
                pos = m.start() + w.end()
                if pos > reach:
                    break
                b = [x for x in [party_after(sent, base, pos, orgs)] if x is not None]
                inside = [a for a in assets if base + m.start() <= a.start < base + pos]
                if b and not inside:  # "obtained an exclusive license from B to develop X"
                    link = _TO_DEVELOP.match(sent, b[0].end - base)
                    inside = [a for a in assets if link and a.start == base + link.end()]
                if b and not inside:  # "X, which it licensed out to B"
                    prior = [a for a in assets if a.end <= base + m.start()]
                    if prior and _WHICH_SUBJECT.fullmatch(sent, prior[-1].end - base, m.start()):
                        inside = [prior[-1]]
                if b and inside:
                    subject = [x for x in orgs if x.end <= base + m.start() and x.eid != b[0].eid]
                    for a in _joined(sent, base, inside):  # "acquire X and Y from B": each
                        add_developer(a.eid, b[0].eid)
                        if subject:  # the licensee ("A will license X from B") or licensor ("A licensed X to B")
                            add_developer(a.eid, subject[-1].eid)
                    break
    # "A struck a deal for rights to B's X": A takes rights to B's asset
    for i, o in enumerate(orgs):
        rel = o.start - base
        if rel <= 0 or not c["rights_to"].search(sent, max(0, rel - 30), rel) or not c["owns"].match(sent, o.end - base):
            continue
        subject = [x for x in orgs[:i] if x.eid != o.eid]
        after = [a for a in assets if 0 <= a.start - o.end <= 70]
        if subject:
            pair(subject[0].eid, o.eid)
            if after:
                add_developer(after[0].eid, subject[0].eid)
    # "A developed X with B", "A is co-developing X together with B": both develop X
    for i, a in enumerate(orgs):
        dm = c["developed"].match(sent, a.end - base)
        if not dm:
            continue
        x = [y for y in assets if 0 <= y.start - (base + dm.end()) <= 60]
        if not x:
            continue
        wm = c["with_org"].match(sent, x[0].end - base) or c["with_place"].match(sent, x[0].end - base)
        b = [o for o in orgs if wm and o.start == base + wm.end() and o.eid != a.eid]
        if b:
            add_developer(x[0].eid, a.eid)
            add_developer(x[0].eid, b[0].eid)
            pair(a.eid, b[0].eid)
    # "X, which A markets with B", "X, which A is jointly developing with B": both develop X
    for a in orgs:
        x = [y for y in assets if y.end <= a.start and c["which"].fullmatch(sent, y.end - base, a.start - base)]
        wm = c["markets_with"].match(sent, a.end - base) if x else None
        b = [o for o in orgs if wm and o.start == base + wm.end() and o.eid != a.eid]
        if b:
            add_developer(x[0].eid, a.eid)
            add_developer(x[0].eid, b[0].eid)
            pair(a.eid, b[0].eid)
    # "B, which A bought last year": A acquired B
    for i in range(len(orgs) - 1):
        b, a = orgs[i], orgs[i + 1]
        if a.eid != b.eid and c["which"].fullmatch(sent, b.end - base, a.start - base) and c["bought"].match(sent, a.end - base):
            pair(a.eid, b.eid)
    # "A and B (will) co-develop X", "A and B entered into a collaboration on X"
    for i in range(len(orgs) - 1):
        a, b = orgs[i], orgs[i + 1]
        if a.eid == b.eid or not c["and"].fullmatch(sent, a.end - base, b.start - base):
            continue
        jm = c["joint"].match(sent, b.end - base) or c["joint_deal"].match(sent, b.end - base)
        if not jm:
            continue
        nxt = [x for x in assets if 0 <= x.start - (base + jm.end()) <= 60]
        if nxt:
            add_developer(nxt[0].eid, a.eid)
            add_developer(nxt[0].eid, b.eid)
            pair(a.eid, b.eid)


_WHICH_SUBJECT = re.compile(r"(?:™|®)?\s*,\s*(?:which|that)\s+(?:it|they|we|the\s+company|[A-Z][\w\-]*(?:\s[A-Z][\w\-]*){0,3})\s+"
                            r"(?:has\s+|had\s+)?(?:also\s+|previously\s+|originally\s+)?")
_AGREEMENT = re.compile(r"\b(?:agreements?|deals?|licen[cs]e\s+from|licensing|collaboration|partnership|under\s+which)\b", re.I)
_RIVAL = re.compile(r"\b(?:rivals?|competing|competitors?|compared|versus|vs\.?|than|while|whereas)\b", re.I)
_TO_DEVELOP = re.compile(r"\s+(?:to\s+(?:co-?)?develop(?:\s+and\s+(?:co-?)?commerciali[sz]e)?|for|covering)\s+(?:the\s+|its\s+)?")
_LIST_JOIN = re.compile(r"\s*(?:\([^()]{0,60}\)\s*)?(?:,\s*(?:and\s+)?|and\s+|&\s+)")


def _joined(sent: str, base: int, assets) -> list:
    """The first asset and those joined to it by commas / "and" ("X, Y and Z")."""
    out = [assets[0]]
    for a in assets[1:]:
        if not _LIST_JOIN.fullmatch(sent, out[-1].end - base, a.start - base):
            break
        out.append(a)
    return out


_JV_AND = re.compile(r"(?:,\s*)?\band\s+(?:[\w\-]+\s+){0,4}?$")
_JV_APPOS = re.compile(r"\b(?:an?|the)\s+$")


def joint_ventures(sent: str, base: int, orgs, pair) -> None:
    """"JV launched in 2016 as a joint venture of A, a unit of C, and B": the venture is each parent's partner
    (the organization named before the cue with A, and with B named after an "and"; an apposition's
    organization, "a C company", is not a parent)."""
    low = sent.lower()
    if "venture" not in low and "jv" not in low:
        return  # the cues' literal words (data/relations.yaml joint_venture_cues): a cheap test first
    rx = _jv_cue()
    for m in rx.finditer(sent):
        a1 = base + m.end()
        venture = [o for o in orgs if o.end <= base + m.start()]
        first = [o for o in orgs if a1 <= o.start <= a1 + 12]
        if not venture or not first:
            continue
        parents = [first[0]]
        for o in orgs:
            if o.start <= first[0].start or o.start - parents[-1].end > 120:
                continue
            gap = sent[parents[-1].end - base:o.start - base]
            if re.search(r"[.;]", gap) or _JV_APPOS.search(gap):
                continue
            if _JV_AND.search(gap):
                parents.append(o)
                break
        for p in parents:
            if p.eid != venture[0].eid:
                pair(venture[0].eid, p.eid, None)


@lru_cache(maxsize=1)
def _jv_cue():
    return re.compile(rf"\b(?:{_alt(read_data('relations.yaml')['joint_venture_cues'])})\s+(?:the\s+)?", re.I)


_VOICE = hoisted(re.compile(r"(?<![\w\-])(?:we|We|our\s+company|Our\s+company|our\s+companies)(?![\w\-])"))  # fastre.hoisted
_OUR_PARTNER = re.compile(r"\b(?:our|Our)\s+(?:\w+\s+)?(?:partners?|collaborators?|licensees?|licensors?|counterparty)\s+(?:,\s*)?$")


def voice_counterparties(text: str, sentences, orgs) -> set[int]:
    """Organizations the release's own voice deals with: "we entered into an agreement with B", "our partner B".
    B is then not who "we" / "our" stands for, even when it is the first organization the page names (a partners
    page opening on B's logo). `orgs`: every organization mention, sorted by start."""
    if "we" not in text and "We" not in text and "our" not in text and "Our" not in text:
        return set()
    cue = _cues()["with"]
    out: set[int] = set()
    for s, e in sentences:
        voice = _VOICE.search(text, s, e)
        sent_orgs = [o for o in orgs if s <= o.start < e]
        if not sent_orgs:
            continue
        if voice:
            for m in cue.finditer(text[s:e]):
                a1 = s + m.end()
                if s + m.start() < voice.end():
                    continue
                after = [o for o in sent_orgs if a1 <= o.start <= a1 + 12]
                if after and not any(voice.end() <= o.start < s + m.start() for o in sent_orgs):
                    out.add(after[0].eid)
        for o in sent_orgs:
            if _OUR_PARTNER.search(text, max(s, o.start - 40), o.start):
                out.add(o.eid)
    return out
