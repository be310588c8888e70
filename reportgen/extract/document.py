"""The document model: which asset(s) a release is about and who announces it.

Press releases are about one or two assets and are issued by one or two
organizations; facts stated without a name ("The therapy targets ...", "the
company's candidate") belong to those. The model is read once per document
from the headline (first sentence), the first sentence naming an organization
with an announcing verb, and mention frequency.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

from reportgen.extract.lexicon import cue_alternation, read_data
from reportgen.extract.names import Names

ANNOUNCE_RE = re.compile(r"\b(?:announce[sd]?|announcing|report(?:s|ed)?|present(?:s|ed)|unveil(?:s|ed)?|said|today)\b", re.I)
COMPARED_BEFORE_RE = re.compile(r"\b(?:versus|vs\.?|compared\s+(?:with|to)|over|against)\s+(?:[\w\-]+\s+){0,2}$", re.I)
# a mention that names a drug as another's partner or comparator
PARTNER_BEFORE_RE = re.compile(r"\b(?:plus|versus|vs\.?|compared\s+(?:with|to)|(?:in\s+)?combination\s+with|combined\s+with|together\s+with|"
                               r"(?:used|given|co-administered|administered)\s+with|added\s+to|alongside|on\s+top\s+of)\s+"
                               r"(?:[\w\-]+\s+){0,2}$", re.I)
DOMINANCE = 2  # a focal asset is "single" when named at least this many times as often as any other


@dataclass(frozen=True)
class DocumentModel:
    """Focal assets (most central first) and announcing organizations (entity ids)."""

    focal_assets: tuple[int, ...]
    announcers: tuple[int, ...]
    single_focal: int | None  # the one asset the document is clearly about, if there is one

    @property
    def announcer(self) -> int | None:
        return self.announcers[0] if self.announcers else None


def build_model(names: Names, sentences: list[tuple[int, int]], text: str,
                is_regulator: Callable[[int], bool]) -> DocumentModel:
    """Focal assets: those in the headline, else by frequency; announcers: the organizations that
    open the first sentence with an announcing verb, else the first organization named."""
    count, first = mention_counts(names, text)
    by_freq = sorted(count, key=lambda e: (-count[e], first[e]))
    head: list[int] = []
    if sentences:
        s, e = sentences[0]
        for m in names.in_span(names.assets, s, e):
            if m.eid not in head and not COMPARED_BEFORE_RE.search(text, max(s, m.start - 30), m.start):
                head.append(m.eid)  # "... vs. <comparator>" in a headline is not what the release is about
    focal = tuple(head + [e for e in by_freq if e not in head])
    single = None
    if len(head) == 1:
        single = head[0]
    elif not head and by_freq:
        top = by_freq[0]
        rest = [count[e] for e in by_freq[1:]]
        if not rest or count[top] >= DOMINANCE * max(rest):
            single = top
        else:  # a tie broken by the mentions that name a drug as a partner or comparator ("used with Y", "X plus Y")
            own = dict(count)
            for m in names.assets:
                if PARTNER_BEFORE_RE.search(text, max(0, m.start - 40), m.start):
                    own[m.eid] -= 1
            ranked = sorted(own, key=lambda e: (-own[e], first[e]))
            others = [own[e] for e in ranked[1:]]
            if own[ranked[0]] > 0 and own[ranked[0]] >= DOMINANCE * max(others + [0]):
                single = ranked[0]
    if single is not None and len(head) == 1 and len(by_freq) > 1:
        # a headline asset that the body hardly names is not the document's single subject
        other = max(count[e] for e in by_freq if e != single)
        if count[single] * DOMINANCE <= other:
            single = None
    return DocumentModel(focal_assets=focal, announcers=_announcers(names, sentences, text, is_regulator),
                         single_focal=single)


# how surely a drug named after these words is another drug of the sentence, not its subject: 2 a combination
# partner, comparator or prior therapy; 1 a drug of the background ("after the 2023 approval of Y", "such as Y")
SIDE_CUES = (
    (2, re.compile(r"\b(?:versus|vs\.?|compared\s+(?:with|to)|than|against|in\s+combination\s+with|combined\s+with|plus|"
                   r"together\s+with|added\s+to|on\s+top\s+of|co-administered\s+with|failed|failing|progressed\s+(?:on|after)|"
                   r"(?:tested|evaluated|studied|investigated|administered|paired)\s+(?:together\s+)?(?:with|alongside)|"
                   r"refractory\s+to|previously\s+treated\s+with|prior)\s+(?:(?:a|an|the|standard|approved|existing)\s+)*"
                   r"(?:[\w\-]+\s+){0,1}$", re.I)),
    (1, re.compile(r"\b(?:approval\s+of|after|following|such\s+as|like|including|besides)\s+"
                   r"(?:(?:a|an|the|its|their)\s+)?(?:[\w\-]+\s+){0,1}$", re.I)),
)
_AFTER_DRUG_WITH = re.compile(r"\s+(?:with|alongside)\s+$")  # "SLV-401 with nivolumab"
# "pembrolizumab plus KVR-201": a partner's INN written first, the company's code after the cue
_PAIR_CUE = re.compile(r"(?:™|®)?\s+(?:plus|\+|and|with|in\s+combination\s+with|combined\s+with)\s+$", re.I)


def code_after_inn(text: str, prev, m) -> bool:
    """Whether mention m, right after a combination cue, is a code or brand following a lower-case INN: in "A plus
    B" the code is the release's drug, the INN (an approved partner) the drug named aside."""
    return prev is not None and prev.end <= m.start and bool(_PAIR_CUE.fullmatch(text, prev.end, m.start)) \
        and prev.surface[:1].islower() and not m.surface[:1].islower() and any(ch.isdigit() for ch in m.surface)
_JOINED = re.compile(r"\s*(?:,|and|or|,\s*and)\s+$")


def least_side(text: str, start: int, mentions: list) -> list:
    """Of asset mentions in a sentence (in order), those named least as another drug: none after a combination,
    comparison or prior-therapy cue (level 2) or a background cue (level 1), else the least such; a name listed
    after another ("A and B") shares its level."""
    if len(mentions) < 2:
        return mentions
    levels = side_levels(text, start, mentions)
    least = min(levels)
    return [m for m, lv in zip(mentions, levels) if lv == least]


def side_levels(text: str, start: int, mentions: list) -> list[int]:
    """The side level (SIDE_CUES) of each asset mention of a sentence starting at `start`, in order."""
    levels, prev = [], None
    for m in mentions:
        lo = max(start, m.start - 50)
        level = next((lv for lv, rx in SIDE_CUES if rx.search(text, lo, m.start)), 0)
        if prev is not None and prev.end <= m.start:
            gap = text[prev.end:m.start]
            if code_after_inn(text, prev, m):
                level, levels[-1] = levels[-1], max(levels[-1], 2)
            elif _AFTER_DRUG_WITH.fullmatch(gap):
                level = 2
            elif _JOINED.fullmatch(gap):
                level = levels[-1]
        levels.append(level)
        prev = m
    return levels


def mention_counts(names: Names, text: str = "") -> tuple[dict[int, int], dict[int, int]]:
    """How often each asset is named as a subject (not right after a combination or comparison cue), and where
    it is first named."""
    count: dict[int, int] = {}
    first: dict[int, int] = {}
    prev = None
    for m in names.assets:
        side = bool(text) and SIDE_CUES[0][1].search(text, max(0, m.start - 40), m.start) is not None
        if side and code_after_inn(text, prev, m):
            side = False  # "pembrolizumab plus KVR-201": the code is the subject, the INN before it the partner
            count[prev.eid] = count.get(prev.eid, 0) - 1
        count[m.eid] = count.get(m.eid, 0) + (0 if side else 1)
        first.setdefault(m.eid, m.start)
        prev = m
    return {k: max(v, 0) for k, v in count.items()}, first


def _announcers(names: Names, sentences, text: str, is_regulator) -> tuple[int, ...]:
    for s, e in sentences[:4]:
        verb = ANNOUNCE_RE.search(text, s, e)
        if not verb:
            continue
        subj: list[int] = []
        for m in names.in_span(names.orgs, s, verb.start()):
            if not is_regulator(m.eid) and m.eid not in subj:
                subj.append(m.eid)
        if subj:
            return tuple(subj)
    first = next((m.eid for m in names.orgs if not is_regulator(m.eid)), None)
    return (first,) if first is not None else ()


ACADEMIC_RE = re.compile(rf"\b(?:{cue_alternation(read_data('shapes.yaml')['academic_words'])})\b")  # data/shapes.yaml


def nearby_developers(names: Names, sentences: list[tuple[int, int]], model: DocumentModel, developers: dict,
                      is_regulator: Callable[[int], bool], text: str = "", reach: int = 2) -> list[tuple[int, int, tuple[int, int]]]:
    """(asset, organization, span) for focal assets still without a developer: the release's announcer when it
    is named within `reach` sentences before the asset's first sentence ("Zentavo wins approval ..." then "The
    ministry approved ZTV-101 ..."); the span runs from the organization's sentence to the asset's, so the quote
    names both. A university, hospital or institute announcing is not taken for the maker."""
    labelled = _labelled_sponsors(names, sentences, text, developers, is_regulator, set()) if text else []
    announcer = model.announcer
    if announcer is None or is_regulator(announcer) or any(ACADEMIC_RE.search(n) for n in names.entities[announcer].names):
        return labelled
    focal = list(model.focal_assets[:1])
    if model.single_focal is not None and model.single_focal not in focal:
        focal.append(model.single_focal)
    out = _sole_company_assets(names, sentences, text, announcer, developers, is_regulator, focal) if text else []
    out = labelled + [x for x in out if x[0] not in {a for a, _, _ in labelled}]
    count, _ = mention_counts(names, text)
    for eid in focal:
        if developers.get(eid) or text and not count.get(eid):
            continue  # (named only as a partner, comparator or prior therapy)
        first = next((i for i, (s, e) in enumerate(sentences)
                      if any(m.eid == eid for m in names.in_span(names.assets, s, e))), None)
        if first is None:
            continue
        for j in range(first - 1, max(-1, first - 1 - reach), -1):
            s, e = sentences[j]
            if any(m.eid == announcer and not _credited(text, s, m.start) for m in names.in_span(names.orgs, s, e)):
                out.append((eid, announcer, (s, sentences[first][1])))
                break
    return out


def _credited(text: str, start: int, pos: int) -> bool:
    """Whether an organization at pos sits in a parenthesis opened in its sentence: "BI 123 (Kinora Pharma), ..." credits
    the item before it, so a list of such items is no release by that organization."""
    if not text:
        return False
    before = text[start:pos]
    return before.rfind("(") > before.rfind(")")


SITE_BEFORE_RE = re.compile(r"\b(?:at|from)\s+(?:the\s+)?$")


def speakers_site(text: str, org, names: Names) -> bool:
    """Whether an organization before "said"/"reported" is where the speakers work, not who announces: "analysts at
    X said", "investigators at X reported", or a university, hospital or institute (it runs trials of others' assets)."""
    if SITE_BEFORE_RE.search(text, max(0, org.start - 12), org.start):
        return True
    return any(ACADEMIC_RE.search(n) for n in names.entities[org.eid].names)


OTHER_DRUG_RE = re.compile(r"\b(?:versus|vs\.?|compared|comparator|plus|combination|combined|prior|previously|"
                           r"standard|placebo|than|like|such\s+as|including)\b", re.I)


def _sole_company_assets(names: Names, sentences, text: str, announcer: int, developers: dict, is_regulator, skip) -> list:
    """Other assets of a release with one company: an asset without a developer that a sentence names after the
    announcer, with no other organization in that sentence and no comparison or combination word between them."""
    companies = {m.eid for m in names.orgs if not is_regulator(m.eid)}
    if companies != {announcer}:
        return []
    out, done = [], set(skip)
    for s, e in sentences:
        orgs = [m for m in names.in_span(names.orgs, s, e) if m.eid == announcer]
        if not orgs:
            continue
        mentions = names.in_span(names.assets, s, e)
        for a, level in zip(mentions, side_levels(text, s, mentions)):
            if a.eid in done or developers.get(a.eid) or a.start < orgs[0].end:
                continue
            if OTHER_DRUG_RE.search(text, orgs[0].end, a.start) or level:
                continue  # (a partner, comparator or earlier drug: "after the 2023 approval of Y", "X with Y")
            out.append((a.eid, announcer, (s, e)))
            done.add(a.eid)
    return out


def _labelled_sponsors(names: Names, sentences, text: str, developers: dict, is_regulator, skip) -> list:
    """"Drug: X / Sponsor: Y" lists: an organization after a sponsor label develops the asset named last before it,
    in its line or one of the two lines before (a list item), quoted from that asset's line to the sponsor's."""
    from reportgen.extract.shapes import sponsor_labels

    spans = set(sponsor_labels(text))
    if not spans:
        return []
    out = []
    for m in names.orgs:
        if not any(a <= m.start < b for a, b in spans) or is_regulator(m.eid):
            continue
        i = next((k for k, (s, e) in enumerate(sentences) if s <= m.start < e), None)
        if i is None:
            continue
        lo = sentences[max(0, i - 2)][0]
        before = [a for a in names.in_span(names.assets, lo, m.start)]
        if before and before[-1].eid not in skip:
            a = before[-1]
            j = next(k for k, (s, e) in enumerate(sentences) if s <= a.start < e)
            out.append((a.eid, m.eid, (sentences[j][0], sentences[i][1])))
    return out
