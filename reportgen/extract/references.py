"""Reference resolution: "the therapy", "It", "the company" stand for a named subject.

A sentence that names no asset but speaks of "the candidate" or opens on "It
targets ..." states facts about the one clear antecedent: the only asset named
in the latest sentence that named any, else the document's single focal asset
(`document.DocumentModel`). "The company" is the organization named in the
latest sentence that named exactly one, else the single announcer. Nothing is
resolved when two candidates compete. The cue words live in
`data/references.yaml`; each regex is compiled once and searched once per
sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache


from reportgen.extract.fastre import gate as _gate
from reportgen.extract.lexicon import cue_alternation as _alt, read_data



@dataclass(frozen=True)
class Cues:
    asset_np: re.Pattern      # "the investigational therapy", "this candidate"
    pronoun: re.Pattern       # "It targets", "It was granted"
    org_singular: re.Pattern  # "the company"
    org_plural: re.Pattern    # "the companies"
    max_offset: int           # how far into its sentence a description may start


@lru_cache(maxsize=1)
def load_cues() -> Cues:
    data = read_data("references.yaml")
    dets = _alt(data["determiners"])
    heads = _alt(data["asset_heads"])
    not_mod = _alt(data["not_modifiers"])
    not_before = _alt(data["not_before"])
    n = int(data["max_modifiers"])
    # determiner (case-insensitive), modifiers that are not other products, then a lowercase head
    asset_np = re.compile(
        rf"\b(?i:{dets})\s+(?:(?!(?i:{not_mod})\b)(?:[a-z][\w\-’']*|[A-Z0-9][A-Z0-9\-/.]*[A-Za-z0-9]|[A-Z][A-Za-z0-9]*-\w[\w\-]*|\([A-Z0-9][\w.\-]{{0,12}}\)[\w\-]*)\s+){{0,{n}}}?"
        rf"(?:{heads})(?!\w|-)(?!\s+(?:{not_before})\b)")
    pronoun = re.compile(
        rf"^[\W_]*It\s+(?:{_alt(data['pronoun_verbs'])})\b(?!\s+(?i:{_alt(data['pronoun_not_after'])})\b)")
    org_singular = re.compile(rf"\b(?i:{_alt(data['org_singular'])})(?![\w’'])")
    org_plural = re.compile(rf"\b(?i:{_alt(data['org_plural'])})(?![\w’'])")
    # behind literal gates (fastre.py): the same matches, without the regex where no cue word occurs
    return Cues(_gate(asset_np), _gate(pronoun), _gate(org_singular), _gate(org_plural), int(data["max_offset"]))


# words before an asset that make it a drug named aside, not its sentence's subject ("progressed on X", "versus X")
_ASIDE_BEFORE = re.compile(r"\b(?:on|with|versus|vs|plus|after|than|against|like|including|besides|over|to|of|from|"
                           r"by|prior|previous|previously|standard|receiving|received|following)\b", re.I)

REACH = 4  # sentences a definite description reaches back for its antecedent


class Resolver:
    """Carries the latest named subjects through a document, sentence by sentence."""

    def __init__(self, single_focal: int | None, announcers: tuple[int, ...], is_regulator=lambda eid: False,
                 text: str = ""):
        self.cues = load_cues()
        self.text = text
        self.recent_subject = False  # the latest sentence's one asset is its subject, not a drug it names aside
        self.is_regulator = is_regulator
        self.single_focal = single_focal
        self.announcers = announcers
        self.recent_assets: tuple[int, ...] = ()  # distinct assets of the latest sentence naming any
        self.age = 0  # sentences since that one
        self.recent_orgs: tuple[int, ...] = ()

    def asset_antecedent(self, pronoun: bool = False) -> int | None:
        """The one asset an anaphor can mean: the only one named lately, else the single focal asset.
        "It" reaches back one sentence only; a description ("the therapy") a few."""
        if not self.recent_assets:
            return None if pronoun else self.single_focal
        if len(self.recent_assets) != 1:
            return None
        eid = self.recent_assets[0]
        if pronoun and self.age <= 1 and self.recent_subject:
            return eid  # "... QRN-202 entered Phase 1. It is a bispecific antibody.": the one asset just named
        if self.single_focal is not None and eid != self.single_focal:
            return None  # a side asset named lately, in a release about another: not clear enough
        if self.age <= (1 if pronoun else REACH) or (not pronoun and eid == self.single_focal):
            return eid
        return None

    def asset_reference(self, sent: str, base: int, blocked) -> tuple[int, int, int] | None:
        """(start, end, asset) of the first anaphor outside blocked clauses, when it has one antecedent."""
        m = self.cues.pronoun.match(sent)
        eid = self.asset_antecedent(pronoun=True) if m else None
        if eid is None:
            m = self.cues.asset_np.search(sent, 0, self.cues.max_offset + 40)
            if m is not None and (m.start() > self.cues.max_offset or any(a <= base + m.start() < b for a, b in blocked)):
                m = None
            eid = self.asset_antecedent() if m else None
        if eid is None:
            return None
        return base + m.start(), base + m.end(), eid

    def org_references(self, sent: str, base: int) -> list[tuple[int, int, int]]:
        """(start, end, org) for "the company" / "the companies" with a clear antecedent."""
        out = []
        m = self.cues.org_plural.search(sent)
        if m and len(self.announcers) >= 2:
            out += [(base + m.start(), base + m.end(), eid) for eid in self.announcers]
        m = self.cues.org_singular.search(sent)
        if m:
            eid = None
            if len(self.recent_orgs) == 1:
                eid = self.recent_orgs[0]
            elif len(self.announcers) == 1 and (not self.recent_orgs or self.announcers[0] in self.recent_orgs):
                eid = self.announcers[0]
            if eid is not None:
                out.append((base + m.start(), base + m.end(), eid))
        return out

    def saw(self, assets, orgs, unnamed: bool = False, start: int | None = None) -> None:
        """Record the subjects a sentence names (its asset and organization mentions); a sentence
        about an asset it does not name ("the company's CD19 CAR-T") leaves no clear antecedent.
        `start`: the sentence's offset, to tell its subject from a drug it names aside ("progressed on X")."""
        self.age += 1
        if unnamed:
            self.recent_assets, self.age = (-1, -2), 0
        elif assets:
            self.recent_assets, self.age = tuple(dict.fromkeys(m.eid for m in assets)), 0
            first = min(m.start for m in assets)
            self.recent_subject = start is not None and bool(self.text) and first - start <= 80 and \
                not _ASIDE_BEFORE.search(self.text, start, first)
        named = [m.eid for m in orgs if not self.is_regulator(m.eid)]
        if named:
            self.recent_orgs = tuple(dict.fromkeys(named))
