"""Whether a sentence names its own subject for an event, unrecognized (data/regulators.yaml `subject_verbs`).

An event in a sentence that names no known asset falls back to the asset last named ("It was also granted
Fast Track designation"). A roundup names each asset with its own event: "Moravex was granted Fast Track
designation", "Health Canada approved Dexavir for ...". When the name is one the extractor does not know,
the fallback would hand the event to the previous asset. This reads the subject slot: a capitalized word
that is no reference word and no known term keeps the event from falling back.
"""

from __future__ import annotations

import re
from functools import lru_cache

from reportgen.extract.fastre import gate
from reportgen.extract.lexicon import cue_alternation, read_data

__all__ = ["unknown_event_subject", "unknown_subjects", "event_subject_names", "add_event_subjects"]

_WORD = r"(?P<w>[A-Z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*)(?:®|™|\(R\)|\(TM\))?"


@lru_cache(maxsize=1)
def _rules():
    data = read_data("regulators.yaml")
    # "X was granted ...", "X, an iPSC-derived cell product, received ..." (an apposition between)
    subj = gate(re.compile(rf"(?<![\w\-]){_WORD}(?:\s*\([^()]{{1,40}}\))?(?:,[^,;.()]{{3,100}}(?:\([^()]{{0,40}}\)[^,;.()]{{0,40}})?,)?\s+(?:(?:also|previously|recently|already|now)\s+)?"
                           rf"(?:{cue_alternation(data['subject_verbs'])})\b"))
    follow = "|".join(re.escape(f) if not f[0].isalpha() else rf"{re.escape(f)}\b" for f in data["object_follow"])
    obj = gate(re.compile(rf"\b(?:{cue_alternation(data['object_verbs'])})\s+{_WORD}\s*(?:{follow})"))
    # "granted PRIME eligibility to X for ...": the recipient after "to"
    to = gate(re.compile(rf"\b(?:{cue_alternation(data['object_verbs'])})\b[^.;]{{0,80}}?\bto\s+{_WORD}\s*(?:{follow}|\.|$)"))
    return subj, obj, to, frozenset(str(data["subject_not"]).split())


def unknown_subjects(sent: str, base: int, known: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """Absolute (start, end, word) of each capitalized subject or object of an event that is no known term.

    `known`: absolute spans of every mention the extractor recognised in the sentence (names,
    organizations, regulators, vocabulary terms)."""
    subj, obj, to, stop = _rules()
    out = []
    for rx in (subj, obj, to):
        for m in rx.finditer(sent):
            w = m.group("w")
            s, e = base + m.start("w"), base + m.end("w")
            if w in stop or w.isupper() and len(w) <= 3:
                continue
            if any(a < e and s < b for a, b in known):
                continue
            out.append((s, e, w))
    return sorted(set(out))


def unknown_event_subject(sent: str, base: int, known: list[tuple[int, int]]) -> bool:
    """True when the sentence's event has a capitalized subject or object that is no known term."""
    return bool(unknown_subjects(sent, base, known))


@lru_cache(maxsize=1)
def _org_like():
    shapes = read_data("shapes.yaml")
    after = cue_alternation(shapes.get("org_role_after") or [])
    before = cue_alternation(shapes.get("org_role_before") or [])
    return (re.compile(rf"\s*(?:,\s*)?(?:{after})\b|\s+(?:Inc|Ltd|LLC|Corp|Co|AG|SA|plc|GmbH|Bio|Pharma|Therapeutics|"
                       rf"Biotech|Biosciences|Biologics|Biopharma|Holdings|Group)\b"),
            re.compile(rf"\b(?:{before})\s+$", re.I))


_PLACE_POSSESSIVE = re.compile(r"(?<![\w\-])((?:[A-Z][a-z]+[ ])?[A-Z][A-Za-z.]+)(?:’s|'s)[ ]$")


@lru_cache(maxsize=1)
def _geo():
    from reportgen.extract.names import GEO_WORDS  # no cycle at import time
    return GEO_WORDS


def event_subject_names(text: str, found: list[tuple[int, int, str]], event_in_sentence) -> list[tuple[int, int, str]]:
    """Of the unknown subjects found, those that name an asset: a single capitalized word (not the second word
    of a name, not one written like an organization anywhere in the text) in a sentence stating an event."""
    after, before = _org_like()
    stop_words = frozenset(str(read_data("shapes.yaml").get("not_names", "")).split())
    out = []
    for s, e, w in found:
        if len(w) < 4 or w.casefold() in stop_words or not event_in_sentence(s):
            continue
        if re.search(r"[A-Z][\w\-]*\s+$", text[max(0, s - 40):s]) and not re.search(r"(?:^|[.!?]\s+|\n)\S*\s*$", text[max(0, s - 40):s]):
            continue  # "Norvik Pharma received": the second word of a longer name
        org = False
        # "South Korea's Kelmora received approval": a place's possessive right before the name makes it a company
        place = _PLACE_POSSESSIVE.search(text, max(0, s - 40), s)
        if place and all(x.casefold() in _geo() for x in place.group(1).split()[-1:]):
            continue
        for m in re.finditer(rf"(?<![\w\-]){re.escape(w)}(?![\w\-])", text):
            if after.match(text, m.end()) or before.search(text, max(0, m.start() - 40), m.start()):
                org = True
                break
        if not org:
            out.append((s, e, w))
    return out


def add_event_subjects(names, text: str, sentences, known_in, event_in) -> None:
    """Make each unknown event subject of a sentence naming no known asset an asset of its own, with every
    occurrence of its name a mention ("Lunavie received Orphan Drug Designation for ..." in a roundup).

    `known_in(s, e)`: recognised spans of a sentence; `event_in(s, e)`: whether it states an event."""
    from reportgen.extract.names import Entity, Mention  # names.py's types; no cycle at import time

    new: dict[str, int] = {}
    for s, e in sentences:
        if names.in_span(names.assets, s, e) or not event_in(s, e):
            continue
        sent = text[s:e]
        for a, b, w in event_subject_names(text, unknown_subjects(sent, s, known_in(s, e)), lambda pos: True):
            if w not in new and not any(w in ent.names for ent in names.entities):
                names.entities.append(Entity("asset", names={w: a}, rank={w: 1}))
                new[w] = len(names.entities) - 1
    if not new:
        return
    taken = [(m.start, m.end) for m in names.assets + names.orgs]
    for w, eid in new.items():
        for m in re.finditer(rf"(?<![\w\-]){re.escape(w)}(?![\w\-])", text):
            if not any(x < m.end() and m.start() < y for x, y in taken):
                names.assets.append(Mention(m.start(), m.end(), eid, w))
    names.assets.sort(key=lambda m: (m.start, -m.end))
    names._starts.clear()  # in_span's cached offsets are stale
