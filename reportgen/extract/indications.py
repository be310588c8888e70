"""Indications stated about the current asset in a sentence that does not name it.

"The company is conducting trials in X, Y and Z" follows a sentence about the company's asset: when the
sentence's subject is that asset's developer (relations._subject_is_developer), a disease reached from a
study or treatment cue (data/relations.yaml `study_context_cues`) is the asset's. Without the developer as
subject the sentence may be about anyone's patients, so nothing attaches (a bare "for the treatment of X"
cost precision on dev when tried alone).
"""

from __future__ import annotations

import re
from functools import lru_cache


from reportgen.extract.lexicon import cue_alternation, read_data


@lru_cache(maxsize=1)
def _cue() -> tuple[re.Pattern, int]:
    data = read_data("relations.yaml")
    words = sorted(set(data["study_context_cues"]), key=len, reverse=True)
    alt = cue_alternation(words)
    return re.compile(rf"\b(?:{alt})\b", re.I), int(data["study_context_gap"])


def in_study_context(text: str, sent_start: int, pos: int) -> bool:
    """Whether a study/treatment cue leads up to the disease at `pos` within its sentence, with no
    sentence-internal clause break (";") between them."""
    cue, gap = _cue()
    lo = max(sent_start, pos - gap)
    before = text[lo:pos]
    hits = list(cue.finditer(before))
    return bool(hits) and ";" not in before[hits[-1].end():]


def as_written(obj: str, quote: str, diseases, resolve=None) -> str | None:
    """The spelling `quote` writes the curated disease `obj` in ("SLE", "lupus", "solid tumours"), when
    the quote does not write `obj` itself; None when it writes none of its spellings.

    A fact's object is the disease its quote states: a release that writes only "NSCLC" states
    "NSCLC", not a name it never prints. A brief reads it by its curated name again (`curated_name`,
    knowledge.py), so scoping by disease or area is unchanged. With `resolve` (name -> MeSH descriptor
    or None) the written form is refused only where MeSH reads it as a disease outside the curated
    one's branch; a spelling MeSH does not know ("mCRPC") is the curated list's word for it.
    """
    for m in diseases.find_all(quote):
        if m.canonical != obj or m.surface == obj:
            continue
        if resolve is not None:
            written, curated = resolve(m.surface), resolve(obj)
            if written is not None and curated is not None and written.mesh_id != curated.mesh_id and \
                    not written.under(curated.trees):
                continue
        return m.surface
    return None


def curated_name(disease: str) -> str:
    """The curated name of a disease an indication fact writes as its source did ("SLE" -> "systemic lupus
    erythematosus"), so a brief lists one disease once whichever spelling each source used (the inverse of
    `as_written`); a spelling the disease lexicon does not know is returned as it is."""
    from reportgen.extract.lexicon import load_lexicons

    canonical, _ = load_lexicons().diseases.lookup(disease)
    return canonical or disease


# "The Phase 2 trial ...", "This study ...", "The ongoing pivotal trials ...": a sentence whose subject is a study
_STUDY_SUBJECT = re.compile(r"^\W*(?:The|This|These)\s+(?:[\w\-/]+\s+){0,4}?(?:trials?|stud(?:y|ies))\b", re.I)


def study_sentence_disease(text: str, sent: str, sent_start: int, pos: int) -> bool:
    """Whether a disease in a sentence that names no asset is the studied disease of a study the sentence
    is about ("The Phase 2 trial is enrolling patients with X"): the study is the one of the asset last
    named (relations.py attaches it to the current asset), and a study cue leads up to the disease."""
    return bool(_STUDY_SUBJECT.match(sent)) and in_study_context(text, sent_start, pos)


# "<disease> secondary to", "<disease> (GA) due to": what follows names the cause, not a second indication
_SECONDARY = re.compile(r"(?:\s*\([^()]{1,20}\))?\s+(?:secondary\s+to|due\s+to|caused\s+by|resulting\s+from|"
                        r"associated\s+with)\s+(?:the\s+|an?\s+)?$", re.I)


def secondary_disease(text: str, sent_start: int, pos: int, before) -> bool:
    """Whether the disease at `pos` is the cause named after another disease ("X secondary to Y", "X due to
    Y"): the indication is X alone (the corpus conventions: one disease)."""
    return any(m.end <= pos and _SECONDARY.fullmatch(text, m.end, pos) for m in before if m.start >= sent_start)


def anaphoric_disease(anaphoric: bool, current, text: str, sent_start: int, pos: int) -> bool:
    """Whether a disease in a sentence that names no asset but refers back ("the study", "the therapy",
    "patients": relations.ANAPHOR_RE) is the current asset's: only after a study or treatment cue
    (`in_study_context`); or, in a dosing milestone ("The first patient with X was dosed"), after
    "patient(s) with/in". Tried and dropped: a bare "for"/"in" before the disease (one unseen true
    fact for two false ones, bench/RESULTS.md)."""
    if current is None:
        return False
    if anaphoric and in_study_context(text, sent_start, pos):
        return True
    # "The first patient with X was dosed", "first participant in the X cohort": a dosing milestone
    lo = max(sent_start, pos - 80)
    return bool(_FIRST_PATIENT.search(text, lo, pos)) and bool(_PATIENT_CUE.search(text, lo, pos))


_FIRST_PATIENT = re.compile(r"\b(?:first|initial)\s+(?:[\w\-]+\s+){0,2}?(?:patients?|participants?|subjects?)\b", re.I)
_PATIENT_CUE = re.compile(r"\b(?:patients?|participants?|subjects?)\s+(?:with|in)\s+(?:[\w\-/]+\s+){0,3}$", re.I)


# "patients with SLE", "in r/r MM", "for AML": a treatment or study cue right before a short abbreviation
_ABBREV_CUE = re.compile(r"(?:\b(?:patients|adults|children|people|subjects|participants)\s+with|\btreatment\s+of|\btreat|"
                         r"\btreating|\bfor|\bin|\bwith)\s+(?:(?:r/r|R/R|relapsed|refractory|relapsed/refractory|"
                         r"newly\s+diagnosed|active|severe|moderate|early|advanced)\s+(?:or\s+|and\s+)?)*$")
_ABBREV_AFTER = re.compile(r"[\-/\w]")


def abbreviation_in_context(text: str | None, m) -> bool:
    """Whether a disease abbreviation of three letters or fewer, in a text that never spells the disease out,
    is still the disease: written in capitals right after a treatment or study cue ("patients with SLE",
    "in AML"), and not the start of another token ("PD-1", "MS/MS")."""
    if text is None or not m.surface.isupper() or _ABBREV_AFTER.match(text, m.end):
        return False
    return bool(_ABBREV_CUE.search(text, max(0, m.start - 60), m.start))


@lru_cache(maxsize=1)
def _adverse() -> tuple[frozenset[str], re.Pattern]:
    data = read_data("disease_context.yaml")
    words = cue_alternation(data["safety_words"])
    return frozenset(data["adverse_event_diseases"]), re.compile(rf"\b(?:{words})\b", re.I)


def adverse_event_disease(canonical: str, sent: str) -> bool:
    """Whether a disease that is also a side effect or complication ("thrombocytopenia", "GVHD"; data/
    disease_context.yaml) is named in a sentence about safety, where it is an event, not an indication."""
    diseases, safety = _adverse()
    return canonical in diseases and bool(safety.search(sent))


# "... granted Fast Track designation for (the treatment of) (patients with) X"
_FOR_DISEASE = re.compile(r"\bfor\s+(?:the\s+)?(?:treatment\s+of\s+)?(?:(?:patients|adults|children)\s+with\s+)?"
                          r"(?:[\w\-/]+\s+){0,3}$", re.I)


def regulatory_disease(text: str, sent_start: int, pos: int) -> bool:
    """Whether a disease in a sentence about a regulator's act that names no asset ("The FDA previously granted
    Fast Track designation for X") is what the act is for: "for" leads up to it. relations.py calls this only
    where the sentence names a regulator or a designation, and gives the disease to the current asset, as the
    regulatory reading gives it the act."""
    return bool(_FOR_DISEASE.search(text, max(sent_start, pos - 60), pos))


# "We will conduct a Phase 2 study in X", "During the option period, the company will run a trial in X":
# the speaker's own study, in a sentence that names no asset, is of the asset the text is about
_FIRST_PERSON_STUDY = re.compile(
    r"^\W*(?:(?:In|During|Under|Following|After|Later|Next|This|Separately|Additionally|Also)\b[^,.;]{0,60},\s*)?"
    r"(?:we|the\s+company|it)\s+(?:(?:will|plans?\s+to|intends?\s+to|expects?\s+to|are|is|has|have|also|currently|"
    r"now|then|recently|already|to)\s+)*(?:conduct|run|initiat|start|launch|complet|evaluat|test|enrol|dos|began|begun)\w*"
    r"\s+(?:[\w\-/]+\s+){0,5}?(?:study|trial|studies|trials)\b", re.I)


def first_person_study(sent: str) -> bool:
    """Whether the sentence's subject ("we", "the company", "it") runs a study: a disease the study cue leads up to
    (`in_study_context`) is then the current asset's (relations.py gives it to the asset last named)."""
    return bool(_FIRST_PERSON_STUDY.match(sent))


# "Some of those malignancies include X, Y and Z", "These indications are X and Y": a sentence listing the
# diseases the sentence before gave as a class
_CLASS_LIST = re.compile(
    r"^\W*(?:(?:Some|Several|Many|Examples)\s+of\s+)?(?:these|those|such|the|its|their)\s+(?:[\w\-]+\s+){0,2}?"
    r"(?:malignancies|cancers|tumou?rs|tumou?r\s+types|indications|diseases|disorders|conditions)\s+"
    r"(?:include|includes|included|including|are|were|such\s+as|comprise)\b", re.I)


def class_list_sentence(sent: str) -> bool:
    """Whether a sentence that names no asset lists the diseases of a class the text just named ("Some of those
    malignancies include X and Y"): they are the current asset's, as the class was."""
    return bool(_CLASS_LIST.match(sent))


# "an allogeneic CAR-T engineered to abrogate graft-versus-host disease": what the product is made to avoid
_ENGINEERED_AGAINST = re.compile(
    r"\b(?:engineered|edited|modified|knocked\s+out|armou?red)\s+(?:[\w\-]+\s+){0,3}?to\s+(?:[\w\-]+\s+){0,2}?"
    r"(?:abrogate|avoid|minimi[sz]e|eliminate|mitigate|evade|resist|reduce\s+the\s+risk\s+of|lower\s+the\s+risk\s+of)\s+"
    r"(?:the\s+)?(?:risk\s+of\s+|incidence\s+of\s+|likelihood\s+of\s+)?(?:[\w\-]+\s+){0,1}$", re.I)


def engineered_against(text: str, sent_start: int, pos: int) -> bool:
    """Whether the disease at `pos` is what a product is engineered to avoid ("edited to abrogate GvHD"): a design
    property, not an indication."""
    return bool(_ENGINEERED_AGAINST.search(text, max(sent_start, pos - 90), pos))


# "(ZX-647)-containing regimen", "a ZX-647-based lymphodepletion": a component of the regimen another asset follows
_COMPONENT_AFTER = re.compile(r"\)?\s*-\s*(?:containing|based)\b|\)?\s+(?:lymphodepletion|conditioning|pre-?conditioning)\b", re.I)


def regimen_components(text: str, assets) -> list:
    """The assets of a sentence less those written as a regimen's component ("an (ZX-647)-containing regimen"): a
    disease after it is the studied asset's, not the component's."""
    kept = [a for a in assets if not _COMPONENT_AFTER.match(text, a.end)]
    return kept if kept else assets


# "gastric and pancreatic cancers", "breast, ovarian or prostate tumors": words sharing one plural head noun,
# found from the conjunction and head (tried only where "and/or <word> <head>s" is) back to the words before
_SHARED_TAIL = re.compile(r"\s+(?:and|or|and/or)\s+([A-Za-z][a-z\-]{2,})\s+"
                          r"(cancer|tumou?r|carcinoma|lymphoma|leukaemia|leukemia|sarcoma|adenocarcinoma)s\b")
_SHARED_HEAD = re.compile(r"(?<![\w\-])((?:[A-Za-z][a-z\-]{2,}\s*,\s*){0,4}[A-Za-z][a-z\-]{2,}),?$")


def shared_head_diseases(text: str, taken) -> list:
    """Disease matches for each word of a list that shares one plural head ("gastric and pancreatic cancers" is
    gastric cancer and pancreatic cancer), where the curated lexicon knows "<word> <head>" and no disease was
    read there already."""
    from reportgen.extract.lexicon import Match, load_lexicons

    if " and " not in text and " or " not in text:
        return []
    diseases = None
    spans = [(m.start, m.end) for m in taken]
    out = []
    for t in _SHARED_TAIL.finditer(text):
        lead = _SHARED_HEAD.search(text, max(0, t.start() - 120), t.start())
        if not lead:
            continue
        diseases = diseases or load_lexicons().diseases
        head = t.group(2)
        words = [(w.start() + lead.start(1), w.end() + lead.start(1), w.group(0))
                 for w in re.finditer(r"[A-Za-z][a-z\-]{2,}", lead.group(1))]
        words.append((t.start(1), t.end(2) + 1, t.group(1)))
        for a, b, w in words:
            canonical = diseases.lookup(f"{w} {head}")[0]
            if canonical and not any(x < b and a < y for x, y in spans):
                out.append(Match(a, b, canonical, text[a:b], False))
    return out


# "patients at risk for X", "a key risk factor for X", "the risk of developing X": the patients' risk, not what
# the asset is for
_AT_RISK = re.compile(r"\b(?:at\s+(?:high\s+|increased\s+|elevated\s+)?risk\s+(?:for|of)|risk\s+factors?\s+(?:for|of)|"
                      r"risk\s+of\s+developing)\s+(?:[\w\-]+\s+){0,2}$", re.I)


def at_risk_disease(text: str, sent_start: int, pos: int) -> bool:
    """Whether the disease at `pos` is one the patients are at risk of ("at risk for atherosclerotic X"), or one that
    excludes them from the trial ("patients with a history of autoimmune disease or hepatitis B were excluded")."""
    return bool(_AT_RISK.search(text, max(sent_start, pos - 60), pos)) or excluded_disease(text, sent_start, pos)


# a trial's exclusion criteria: "a history of X", "excluding patients with X", "X ... were excluded / ineligible"
_HISTORY = re.compile(r"\b(?:(?:a\s+|any\s+|prior\s+|known\s+)?history\s+of|excluding(?:\s+(?:patients|those|people|subjects))?(?:\s+with)?|"
                      r"except(?:\s+for)?(?:\s+(?:patients|those))?(?:\s+with)?)\s+(?:[\w\-]+\s+(?:or|and)\s+|[\w\-]+\s+){0,4}?$", re.I)
# (the disease right before the verb, no relative clause between: "with melanoma who had brain metastases were excluded"
# excludes the metastases, not the melanoma)
_EXCLUDED_AFTER = re.compile(r"(?:(?!\b(?:who|that|whose|which)\b)[^.;]){0,40}?\b(?:were|was|are|is|will\s+be)\s+(?:excluded|ineligible|"
                             r"not\s+eligible|not\s+enrolled)\b", re.I)


def excluded_disease(text: str, sent_start: int, pos: int) -> bool:
    """Whether the disease at `pos` is named as a reason to exclude patients: after "a history of" or "excluding" in its
    clause, or in a subject that the sentence then says "were excluded"."""
    if _HISTORY.search(text, max(sent_start, pos - 60), pos):
        return True
    return bool(re.search(r"\bpatients\s+with\s+", text[max(sent_start, pos - 80):pos], re.I)) and \
        _EXCLUDED_AFTER.match(text, pos) is not None
