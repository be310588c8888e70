"""Organization names written next to another form of the same name.

A news page that drops the stock-quote link's brackets writes the ticker right after the company's name:
"Silence Therapeutics  SLN announced ...", "Velnora Bio Inc. VLNB said". The capitals found there (by their role,
"SLN announced") are that company, not a second organization.
"""

from __future__ import annotations

import re
from functools import lru_cache

from reportgen.extract.lexicon import read_data

_TICKER = re.compile(r"[A-Z]{2,5}")
_GAP = re.compile(r"[ \t]{1,3}")


def join_tickers(text: str, entities, org_mentions) -> None:
    """Give a ticker-shaped organization mention written right after another organization's name (spaces only
    between) that organization's entity; the ticker's own entity becomes kind "ticker" (no facts of its own, and no
    name fact: a ticker is no name of the company). `org_mentions` sorted by start; changed in place."""
    moved: dict[int, int] = {}
    for prev, m in zip(org_mentions, org_mentions[1:]):
        if m.eid == prev.eid or not _TICKER.fullmatch(m.surface) or not _GAP.fullmatch(text, prev.end, m.start):
            continue
        if prev.surface.isupper() or m.eid in moved:
            continue  # "FDA EMA ...": two acronyms side by side are two names
        moved[m.eid] = moved.get(prev.eid, prev.eid)
    if not moved:
        return
    for m in org_mentions:
        if m.eid in moved:
            m.eid = moved[m.eid]
    for eid in moved:
        entities[eid].kind = "ticker"


_ACADEMIC_OF_KEYS = ("University", "Institute", "Institutes", "College", "Hospital", "Cancer Center", "Medical Center")
_OF_NAME = re.compile(r"\s+of\s+(?:the\s+)?[A-Z]")
_CAPITAL_BEFORE = re.compile(r"[A-Z][\w\-’'.]*[ \t]+$")


def academic_of(text: str, key, end: int) -> bool:
    """Whether an academic key word with nothing capitalized before it opens its own name: "the University of Halvor",
    "researchers at the Institute of Cell Biology" (`key` the key word's match, `end` where its "of ..." part ends)."""
    if key.group(0) not in _ACADEMIC_OF_KEYS or not _OF_NAME.match(text, key.end(), end):
        return False
    return not _CAPITAL_BEFORE.search(text, max(0, key.start() - 40), key.start())  # "American College of X" is longer


# role verbs of shapes.yaml org_role_after that are also plural nouns ("two oral reports", "its shares")
_NOUN_VERBS = re.compile(r"(?:’s?|'s?)?[ ](?:reports|shares|plans|licenses|signs|hands|bets|taps|cuts|closes|completes|sells|"
                         r"raises|stock)\b")
_DETERMINER_BEFORE = re.compile(r"(?<![\w\-])(?:two|three|four|five|six|several|many|multiple|these|those|the|its|our|their|"
                                r"his|her|both|all|some|new|\d+)[ ]+$", re.I)


def noun_phrase_before_verb(text: str, name_start: int, cue_at: int) -> bool:
    """Whether a capitalized phrase before a role verb that is also a plural noun is a noun phrase: "will present two
    Mini Oral reports (...)", "the Annual Meeting reports": a determiner or number before it, so no organization."""
    if not _NOUN_VERBS.match(text, cue_at):
        return False
    return bool(_DETERMINER_BEFORE.search(text, max(0, name_start - 16), name_start))


@lru_cache(maxsize=1)
def _places() -> frozenset:
    return frozenset(str(w).casefold() for w in read_data("countries.yaml").get("org_places") or [])


def _words(name: str) -> list[str]:
    return [w.strip(",.’'()\"“”") for w in re.split(r"[\s]+", name) if w.strip(",.’'()\"“”")]


def place_free_word(surface: str, geo, skip) -> str | None:
    """The word after the places a company's name opens on ("Jiangsu Hengyu Medicine Co., Ltd." -> "Hengyu",
    "Shanghai Yunhai Pharmaceutical" -> "Yunhai"), when it is distinctive (not in `skip`, the generic and stop
    words, at least three letters); None when the name opens on no place. `geo`: the place words names.py knows."""
    words = _words(surface)
    i = 0
    while i < len(words) - 1 and (words[i].casefold() in geo or words[i].casefold() in _places()):
        i += 1
    if i == 0:
        return None
    w = words[i]
    if len(w) < 3 or not w[:1].isupper() or w.casefold() in skip or w.casefold() in geo or w.casefold() in _places():
        return None
    return w


def is_place(word: str) -> bool:
    """A place a company's legal name may open on (data/countries.yaml org_places)."""
    return word.casefold().strip(",.’'") in _places()


def shortens(short: str, long: str, geo, skip) -> bool:
    """Whether a defined short name is the long name without its place ("Jiangsu Hengyu Medicine Co., Ltd.
    ("Hengyu")", "Shanghai Yunhai Pharmaceutical Co., Ltd. (Yunhai Pharma)"): its first word is the long name's
    first word after the place."""
    first = _words(short)[:1]
    return bool(first) and place_free_word(long, geo, skip) == first[0]
