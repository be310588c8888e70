"""Precision guards: clauses of a sentence whose terms are not facts about its asset.

Planned or future events ("plans to initiate a Phase 3 study", "expects to
submit a BLA", "on track to receive approval") state no phase or regulatory
fact; what a sentence says about the patients' treatment history ("progressed
after anti-BCMA therapy", "prior anti-CD38 treatment") names no target or
asset of the drug. The cue words live in `data/guards.yaml`; each pattern is
compiled once and searched once per sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache


from reportgen.extract.lexicon import cue_alternation as _alt, read_data
from reportgen.extract.fastre import gate as _gate



@dataclass(frozen=True)
class Guards:
    planned: re.Pattern       # "plans to initiate", "expects to submit"
    planned_adj: re.Pattern   # "a planned Phase 3", "a potential BLA"
    clause_end: re.Pattern
    prior: re.Pattern         # "progressed after", "prior anti-CD38 therapy"


@lru_cache(maxsize=1)
def load_guards() -> Guards:
    data = read_data("guards.yaml")
    planned = re.compile(
        rf"\b(?:{_alt(data['planned_leads'])})\s+(?:(?:also|then|now|further|first|soon|subsequently|formally|"
        rf"potentially|ultimately|jointly)\s+)?(?:{_alt(data['planned_verbs'])})\b", re.I)
    planned_adj = re.compile(rf"\b(?:{_alt(data['planned_adjectives'])})\s+(?:[\w\-/]+\s+){{0,2}}?", re.I)
    clause_end = re.compile("|".join(re.escape(c) for c in data["clause_end"]), re.I)
    prior = re.compile(
        rf"\b(?:{_alt(data['prior_cues'])})\b|\bprior\s+(?:[\w\-/]+\s+){{0,3}}?(?:therap|treatment|regimen|agent|antibod|lines?\b)"
        rf"|-(?:exposed|refractory|pretreated)\b", re.I)
    # behind literal gates (fastre.py): the same matches, without the regex on sentences holding no cue word
    return Guards(_gate(planned), _gate(planned_adj), clause_end, _gate(prior))


def planned_regions(sent: str, base: int) -> list[tuple[int, int]]:
    """Absolute spans of the sentence that speak of planned events (to the end of each clause)."""
    g = load_guards()
    out = []
    for m in g.planned.finditer(sent):
        end = g.clause_end.search(sent, m.end())
        out.append((base + m.start(), base + (end.start() if end else len(sent))))
    return out


def planned_before(text: str, pos: int) -> bool:
    """A phase or application at pos qualified as a plan: "a planned Phase 3", "a potential BLA"."""
    # the adjective may stand up to two words before ("expects FDA approval"): any match ending at pos
    rx = load_guards().planned_adj
    lo = max(0, pos - 40)
    return any(rx.fullmatch(text, m.start(), pos) for m in rx.finditer(text, lo, pos)) or planned_after(text, pos)


@lru_cache(maxsize=1)
def _planned_after() -> re.Pattern:
    data = read_data("guards.yaml")
    verbs = "|".join(r"\s*," if v == "," else r"\s+" + re.escape(v).replace(r"\ ", r"\s+") for v in
                     sorted(map(str, data["planned_after_verbs"]), key=lambda w: (-len(w), w)))
    n = int(data.get("planned_after_gap") or 4)
    # the phase or application word itself, then up to n whole words of the same clause, then "is planned ..."
    # (words are split only at whitespace: no backtracking into a word)
    return re.compile(
        rf"(?:phase\s*[\dIV]+[ab]?(?:\s*/\s*[\dIV]+[ab]?)?|[\w/][\w\-/]*)(?:\s+[\w/][\w\-/]*){{0,{n}}}?(?:{verbs})\s+"
        rf"(?:{_alt(data['planned_after_words'])})(?:\s+(?:{_alt(data['planned_after_follow'])})\b|\s*(?:[.;]|$))", re.I)


@lru_cache(maxsize=1)
def _planned_infinitive() -> re.Pattern:
    words = read_data("guards.yaml").get("planned_infinitives") or ["to begin"]
    return re.compile(rf"phase\s*[\dIVⅠⅡⅢⅣ]+[ab]?(?:\s*/\s*[\dIVⅠⅡⅢⅣ]+[ab]?)?(?:\s+(?:[\w\-]+\s+)?(?:trials?|stud(?:y|ies)|program(?:me)?s?))?"
                      rf"\s+(?:{_alt(words)})\b", re.I)


def planned_after(text: str, pos: int) -> bool:
    """The phase or application at `pos` made a plan in its own clause: "A Phase 3 trial is planned for 2026",
    "a BLA submission is expected in 2026" (data/guards.yaml planned_after_*), or by an infinitive right after it:
    "Phase 1 to start in Q1 2027", "a Phase 2 study to be initiated next year" (planned_infinitives)."""
    end = min(len(text), pos + 120)
    return _planned_after().match(text, pos, end) is not None or _planned_infinitive().match(text, pos, end) is not None


def prior_start(sent: str) -> int | None:
    """Where the sentence starts speaking of the patients' treatment history, if it does."""
    m = load_guards().prior.search(sent)
    return m.start() if m else None


@lru_cache(maxsize=1)
def _unrealised() -> re.Pattern:
    words = read_data("guards.yaml")["unrealised_cues"]
    return re.compile(rf"\b(?:{_alt(words)})\s+(?:[\w\-/]+\s+){{0,2}}?$", re.I)


def unrealised_before(text: str, pos: int) -> bool:
    """A regulatory word at `pos` negated, made an eligibility or an ability ("has not been approved",
    "may be eligible for Priority Review", "before it can approve"): data/guards.yaml unrealised_cues."""
    return _unrealised().search(text, max(0, pos - 60), pos) is not None


@lru_cache(maxsize=1)
def _supportive() -> tuple[re.Pattern, re.Pattern]:
    data = read_data("guards.yaml")
    before = re.compile(rf"\b(?:{_alt(data.get('supportive_before') or [])})\b[^.;]{{0,60}}$", re.I)
    after = re.compile(rf"\)?\s*(?:{_alt(data.get('supportive_after') or [])})", re.I)
    return before, after


# the words that join a combination's drugs: "X with Y", "Y plus X", "X in combination with Y", "X and Y", "X + Y"
_JOINED = re.compile(r"\s*(?:\([^()]{0,40}\)\s*)?,?\s*(?:in\s+combination\s+with|combined\s+with|together\s+with|plus|with|and|"
                     r"alongside|\+|/)\s+(?:the\s+)?(?:approved\s+|standard\s+)?", re.I)


def combined_focal(text: str, assets_all, assets, focal: int | None, excluded) -> list:
    """The sentence's assets when the release's focal asset is named as the second drug of a combination ("evaluating
    pembrolizumab plus X", "Y in combination with X"): the combination clause hid X (relations._regions), so its partner
    would take the sentence's trial, phase and results. X comes back and the partner joined to it goes; `excluded` says
    whether a position is in a comparator's or a prior therapy's clause (those stay out)."""
    if focal is None or any(a.eid == focal for a in assets):
        return assets
    back = [f for f in assets_all if f.eid == focal and f not in assets and not excluded(f.start)]
    if not back:
        return assets
    partners = {id(a) for a in assets for f in back if _JOINED.fullmatch(text, a.end, f.start)}
    if not partners:
        return assets
    return sorted([a for a in assets if id(a) not in partners] + back, key=lambda m: m.start)


# the main clause's treatment verb after a history clause: "patients who had failed X received Y"
_TREATED_AFTER = re.compile(r"\b(?:received|receive|were\s+(?:then\s+)?(?:treated|dosed)\s+with|were\s+given|were\s+administered|"
                            r"(?:are|were)\s+(?:being\s+)?(?:treated|dosed)\s+with)\s+(?:the\s+)?$", re.I)


def treated_after_prior(text: str, assets_all, assets, prior_end: int | None, excluded) -> list:
    """The sentence's assets with the one treated in its main clause after a history clause ("25 patients who had
    failed osimertinib received X"): the prior-therapy region (relations._regions) runs to the sentence's end and hid X.
    Only a treatment verb after the history cue brings an asset back ("previously treated with Y" keeps Y out)."""
    if prior_end is None:
        return assets
    back = [a for a in assets_all if a not in assets and a.start >= prior_end and not excluded(a.start)
            and (v := _TREATED_AFTER.search(text, max(prior_end, a.start - 45), a.start)) is not None and v.start() >= prior_end]
    return sorted(assets + back, key=lambda m: m.start) if back else assets


def study_assets(text: str, assets, focal: int | None = None):
    """The assets of a sentence a trial or phase it names belongs to: those not given only to prepare for or support
    another ("after lymphodepletion with X", "an X-containing regimen"), unless none is left; and where the release's
    focal asset is named, not the drug it is combined with ("studying X with nivolumab, ..., in a Phase 1b trial")."""
    if len(assets) < 2:
        return assets
    before, after = _supportive()
    kept = [a for a in assets if not (before.search(text, max(0, a.start - 90), a.start) or after.match(text, a.end))]
    kept = kept or assets
    if focal is not None and any(a.eid == focal for a in kept):
        mine = [a for a in kept if a.eid == focal]
        kept = [a for a in kept if a.eid == focal or not any(
            _JOINED.fullmatch(text, f.end, a.start) or _JOINED.fullmatch(text, a.end, f.start) for f in mine)]
    return kept
