"""Regulatory cues beyond relations.py's verbs, as data (data/regulators.yaml `accepted_cues`).

An application the regulator has validated, or given a PDUFA date, has been accepted for review: the
same reading as "accepted", under the same condition (an application noun within reach).
"""

from __future__ import annotations

import re
from functools import lru_cache

from reportgen.extract.fastre import gate
from reportgen.extract.lexicon import cue_alternation, read_data

__all__ = ["relative_antecedent", "head_authority", "listed_with", "runs_programme", "programme_owner", "describes_a_class", "counted_event", "accepted_alone", "accepted_cues", "agency_reference", "names_an_application", "recommended_approval", "ind_cleared", "response_letters", "national_fda", "implied_authority"]


@lru_cache(maxsize=1)
def accepted_cues() -> re.Pattern:
    return gate(re.compile(rf"(?<![\w\-])(?:{cue_alternation(read_data('regulators.yaml')['accepted_cues'])})(?![\w\-])", re.I))


_APPLICATION_AFTER = re.compile(r"\s+applications?\b", re.I)


def names_an_application(sent: str, end: int) -> bool:
    """"Marketing Authorisation Application": the approval words open an application's name."""
    return bool(_APPLICATION_AFTER.match(sent, end))


@lru_cache(maxsize=1)
def _opinion():
    data = read_data("regulators.yaml")
    rx = gate(re.compile(rf"(?<![\w\-])(?:{cue_alternation(data['opinion_cues'])})(?![\w\-])[^.;]*$", re.I))
    return rx, int(data.get("opinion_window") or 80), data.get("opinion_action")


def recommended_approval(sent: str, start: int) -> tuple[bool, str | None]:
    """Whether the approval word at `start` is only recommended ("a positive opinion recommending approval"),
    and what the sentence states instead (data/regulators.yaml `opinion_action`; None: nothing)."""
    rx, window, action = _opinion()
    m = rx.search(sent, max(0, start - window), start)
    if m is not None and _NEW_CLAUSE.search(sent, m.start(), start):
        return False, None  # "the CHMP recommended approval ... and the European Commission approved it": the decision
    return m is not None, action


# a coordinated clause with its own subject between an opinion and an approval word: "..., and the European
# Commission approved", "; the EC then granted"
_NEW_CLAUSE = re.compile(r"(?:;|\b(?:and|but|after\s+which|following\s+which|whereupon)\s+(?:the\s+)?(?:[A-Z][\w.\-]*\s+){1,5}"
                         r"(?:\([A-Z]{2,6}\)\s+)?(?:has\s+|have\s+|had\s+|then\s+|subsequently\s+|formally\s+|now\s+)*$)")


@lru_cache(maxsize=1)
def _agency() -> re.Pattern:
    return gate(re.compile(rf"(?<![\w\-])(?:{cue_alternation(read_data('regulators.yaml')['agency_references'])})(?![\w\-])", re.I))


def agency_reference(sent: str) -> bool:
    """"The agency placed the study on hold": a regulator referred to, not named (regulators.yaml)."""
    return _agency().search(sent) is not None


def accepted_alone(cue: str) -> bool:
    """An accepted-filing cue that needs no application named beside it ("set a PDUFA date for X")."""
    alone = {" ".join(str(w).casefold().split()) for w in read_data("regulators.yaml").get("accepted_cues_alone") or []}
    return " ".join(cue.casefold().split()) in alone


@lru_cache(maxsize=1)
def _class_rules():
    data = read_data("regulators.yaml")
    n = int(data.get("class_words") or 3)
    nouns = cue_alternation(data["class_nouns"])
    # the class noun ends the phrase: "approved products" but not "approved the Biologics License Application"
    after = re.compile(rf"(?:[\s\-]+(?![\w\-]*(?:for|to|by|in|of|on|the|a|an|its)\b)[\w\-/]+){{0,{n}}}?[\s\-]+(?:{nouns})"
                       rf"(?![\w\-])(?!\s+(?:License|Licence|Application|Drug)\b)", re.I)
    count = re.compile(rf"(?<![\w\-])(?:{cue_alternation(str(w) for w in data['count_words'])})\s+(?:[\w\-]+\s+){{0,2}}$", re.I)
    return after, count


def describes_a_class(sent: str, end: int) -> bool:
    """"approved therapies", "FDA-approved treatments": the approval word ending at `end` qualifies a class."""
    return _class_rules()[0].match(sent, end) is not None


def counted_event(sent: str, start: int, end: int) -> bool:
    """"four IND clearances", "several approvals": a count before the plural event word at `start:end`."""
    plural = re.search(r"(?:[a-z]s|INDs|BLAs|NDAs)$", sent[start:end]) is not None
    return plural and _class_rules()[1].search(sent, max(0, start - 40), start) is not None


def runs_programme(authority: str, detail: str | None) -> bool:
    """Whether `authority` runs the designation programme `detail` (data/regulators.yaml `programmes`; a
    regulator or programme it does not list: yes)."""
    programmes = read_data("regulators.yaml").get("programmes") or {}
    if detail is None or authority not in programmes:
        return True
    known = {str(d) for ds in programmes.values() for d in ds}
    return detail not in known or detail in programmes[authority]


def programme_owner(detail: str | None) -> str:
    """The regulator a designation named without one belongs to: its single owner, else 'other'."""
    return (read_data("regulators.yaml").get("designation_owners") or {}).get(detail) or "other"


# the words between the listed assets and their event: "X and Y were approved", "X and Y have both received"
_LIST_TO_EVENT = re.compile(r"(?:™|®)?\s*(?:\([^()]{0,40}\)\s*)?(?:,\s*)?(?:(?:were|are|have|has|had|been|both|each|now|also|"
                            r"jointly|together|all|previously|recently|today|subsequently)\s+){0,4}"
                            # "X and Y received Fast Track designation": a designation the list's verb takes
                            r"(?:(?:received|receive|obtained|won|secured|gained|earned|granted|awarded|given)\s+(?:an?\s+|the\s+)?)?$", re.I)
# the words between an event and its listed objects: "approved X and Y", "granted Orphan Drug designations to X and Y"
_EVENT_TO_LIST = re.compile(r"\s*(?:designations?\s+|status\s+)?(?:(?:to|for|of)\s+)?(?:both\s+|the\s+)?$", re.I)
_JOIN = re.compile(r"(?:™|®)?\s*(?:\([^()]{0,40}\)\s*)?(?:,\s*(?:and\s+)?|and\s+|&\s*)$")


def listed_with(text: str, assets, start: int, end: int) -> list[int]:
    """Entity ids of the other assets of a list that is the subject or object of the event at `start:end`:
    "X and Y were approved by the FDA", "the FDA approved X and Y" (each is approved). `assets`: the sentence's
    asset mentions (start, end, eid), sorted. [] when the nearest asset is not in such a list."""
    before = [a for a in assets if a.end <= start]
    after = [a for a in assets if a.start >= end]
    out: list[int] = []
    if before and _LIST_TO_EVENT.fullmatch(text, before[-1].end, start):
        chain = [before[-1]]
        for a in reversed(before[:-1]):
            if not _JOIN.fullmatch(text, a.end, chain[-1].start):
                break
            chain.append(a)
        out = [a.eid for a in chain[1:]]
    elif after and _EVENT_TO_LIST.fullmatch(text, end, after[0].start):
        chain = [after[0]]
        for a in after[1:]:
            if not _JOIN.fullmatch(text, chain[-1].end, a.start):
                break
            chain.append(a)
        out = [a.eid for a in chain[1:]]
    first = (before[-1] if out and before and _LIST_TO_EVENT.fullmatch(text, before[-1].end, start) else
             after[0] if out else None)
    return [eid for eid in dict.fromkeys(out) if first is None or eid != first.eid]


_OF_REGULATOR = re.compile(r"\s*(?:\([A-Za-z]{2,6}\)\s*)?,?\s*(?:of|under|within|at)\s+(?:the\s+|China['’]s\s+|Japan['’]s\s+)?")


def head_authority(text: str, auths, a):
    """The regulator a phrase "the Center for Drug Evaluation (CDE) of the NMPA" names: its head, the first one
    (`auths`: the sentence's (start, end, canonical) regulator mentions; `a`: the one picked for an action)."""
    for b in auths:
        if b[1] <= a[0] and b[2] != a[2] and _OF_REGULATOR.fullmatch(text, b[1], a[0]):
            return b
    return a


# "..., Y, which is approved for Z": the relative clause right after an asset speaks of that asset
_ADVERBS = r"(?:(?:been|already|also|previously|currently|now|since|recently|first|fully|conditionally|widely)\s+){0,3}"
_RELATIVE = re.compile(r"(?:™|®)?\)?\s*(?:\([^()]{0,40}\)\s*)?,?\s*(?:which|that)\s+(?:"
                       r"(?:is|was|are|were|has|have|had)\s+" + _ADVERBS +
                       # "Y, which the FDA approved in 2020", "Y, which China's NMPA has approved"
                       r"|(?:the\s+)?(?:[A-Z][\w.’'\-]*\s+){1,6}(?:has\s+|had\s+)?" + _ADVERBS +
                       # "Y, which received accelerated approval in 2021", "Y, which previously won FDA approval"
                       r"|(?:has\s+|had\s+)?" + _ADVERBS + r"(?:received|obtained|won|gained|secured|earned)\s+(?:[\w\-]+\s+){0,3}"
                       r")$", re.I)


def relative_antecedent(text: str, assets, start: int):
    """The entity id of the asset whose relative clause holds the event word at `start` ("Y, which is approved
    for ..."), else None. `assets`: every asset mention of the sentence."""
    before = [a for a in assets if a.end <= start]
    if before and _RELATIVE.fullmatch(text, before[-1].end, start):
        return before[-1].eid
    return None


def _cased(words) -> str:
    """An alternation in which a word written in capitals ("IND") keeps its case: "ind" is no application."""
    return "|".join(re.sub(r"\b([A-Z]{2,})\b", r"(?-i:\1)", re.escape(str(w))).replace(r"\ ", r"\s+")
                    for w in sorted(set(map(str, words)), key=lambda w: (-len(w), w)))


@lru_cache(maxsize=1)
def _ind_rules() -> tuple[re.Pattern, re.Pattern]:
    data = read_data("regulators.yaml")
    nouns = _cased(data["ind_nouns"])
    # "received FDA clearance", "obtained U.S. FDA approval": the regulator may stand inside the passive
    passive = (rf"{cue_alternation(data['ind_passive'])}|(?:has\s+)?(?:received|obtained|was\s+granted)\s+"
               rf"(?:(?:the\s+)?[A-Z][\w.\-’']*\s+){{1,3}}(?:clearance|approval)")
    gap = int(data.get("ind_gap") or 60)
    subject = gate(re.compile(rf"(?<![\w\-])(?P<noun>{nouns})(?![\w\-])(?:\s+(?:for|of)\s+[^.;]{{1,{gap}}}?)?\s+(?:{passive})\b", re.I))
    allowance = gate(re.compile(rf"\b(?:{cue_alternation(data['ind_allowance'])})\s+(?:by\s+(?:the\s+)?[\w.\s]{{2,40}}?\s+)?of\s+"
                                rf"(?:its|our|their|the|an|the\s+company(?:’s|'s))\s+(?:[\w\-]+\s+){{0,2}}?(?P<noun>{nouns})(?![\w\-])", re.I))
    return subject, allowance


def ind_cleared(sent: str) -> list[tuple[int, int]]:
    """Spans in `sent` of an IND stated as cleared in the passive ("its IND application for X has been cleared by
    the FDA", "the X IND application received FDA clearance", "allowance by the FDA of our X IND"): the
    application's words only, so that the regulator named in the clause stays outside the action."""
    subject, allowance = _ind_rules()
    return [m.span("noun") for rx in (subject, allowance) for m in rx.finditer(sent)]


@lru_cache(maxsize=1)
def _letters() -> re.Pattern:
    return gate(re.compile(rf"(?<![\w\-])(?:{_cased(read_data('regulators.yaml').get('response_letter_cues') or ['complete response letter'])})(?![\w\-])", re.I))


def response_letters(sent: str) -> list[re.Match]:
    """Each "complete response letter" / "CRL" in `sent`: the answer to a filed application."""
    return list(_letters().finditer(sent))


@lru_cache(maxsize=1)
def _national_fda() -> tuple[re.Pattern, re.Pattern, dict]:
    data = read_data("regulators.yaml")
    words = cue_alternation(data.get("foreign_fda") or [])
    before = re.compile(rf"(?<![\w\-])(?:{words})(?:[’']s)?\s+$")
    after = re.compile(rf"\s*(?:\([A-Z]{{2,6}}\)\s*)?\s+of\s+(?:the\s+)?(?:{words})(?![\w\-])")
    return before, after, {str(k): str(v) for k, v in (data.get("foreign_fda_to") or {}).items()}


def national_fda(text: str, start: int, end: int) -> str | None:
    """The regulator a "Food and Drug Administration" / "FDA" at text[start:end] is when a country other than the
    U.S. qualifies it ("the Thai FDA", "Taiwan's Food and Drug Administration", "the FDA of the Philippines"):
    `other` (or the country's listed regulator, data/regulators.yaml `foreign_fda_to`); None for the U.S. one."""
    before, after, to = _national_fda()
    m = before.search(text, max(0, start - 30), start) or after.match(text, end)
    if not m:
        return None
    word = re.sub(r"(?:[’']s)?\s+$", "", m.group(0)) if m.re is before else None
    if word is None:
        word = re.sub(r"^.*\bof\s+(?:the\s+)?", "", m.group(0), flags=re.S)
    return to.get(word, "other")


@lru_cache(maxsize=1)
def _implied() -> list[tuple[str, re.Pattern]]:
    data = read_data("regulators.yaml").get("implied_authorities") or {}
    return [(str(k), re.compile(rf"(?<![\w\-])(?:{cue_alternation(v)})(?![\w\-])")) for k, v in data.items()]


def implied_authority(sent: str) -> str | None:
    """The regulator a sentence's own process word names when it names no regulator ("PDUFA": the FDA)."""
    for auth, rx in _implied():
        if rx.search(sent):
            return auth
    return None

