"""Disease mentions from the MeSH vocabulary, only where the context says disease.

data/diseases.yaml is the extractor's curated list; MeSH (reportgen/diseases.py) knows far more names but
also ordinary words. A MeSH name is taken only right after a treatment cue ("patients with X", "for the
treatment of X"; data/disease_context.yaml), in the list that follows one ("X, Y and Z"), or right before
"patients" ("glaucoma patients"); longest first, and never where a curated disease already is.
"""

from __future__ import annotations

import re
from functools import lru_cache


from reportgen.diseases import normalize, vocabulary
from reportgen.extract.fastre import gate as _gate, hoisted
from reportgen.extract.lexicon import Match, cue_alternation, read_data

_WORD = re.compile(r"[A-Za-z][\w\-’']*")
_STOP = re.compile(r"[,;:.()\[\]\"“”]|\b(?:who|and|or|that|which|with|in|at|after|than|whose)\b", re.I)


@lru_cache(maxsize=1)
def _config() -> tuple[re.Pattern, int, int]:
    data = read_data("disease_context.yaml")
    alt = cue_alternation(data["cues"])
    mods = cue_alternation(data.get("modifiers", [])) or "(?!)"
    # tried only where a cue word starts (fastre.py)
    cue = _gate(re.compile(rf"\b(?:{alt})\s+(?:the\s+)?(?:(?:{mods})[\s,]+)*", re.I))
    return (cue, int(data["max_words"]), int(data["min_single_word"]))


def mesh_diseases(text: str, taken: list[Match]) -> list[Match]:
    """Disease matches after a cue whose following words are a MeSH name not already matched; the
    names listed after it ("patients with X, Y and Z"), and a name right before "patients"
    ("glaucoma patients": `_before_patients`)."""
    cue, max_words, min_single = _config()
    variants = vocabulary().variants
    spans = [(m.start, m.end) for m in taken]
    out: list[Match] = []
    for c in cue.finditer(text):
        start = c.end()
        found = _mesh_at(text, start, spans, variants, max_words, min_single)
        if found is None:
            # "chronic spontaneous urticaria": a stage word the cue skipped may begin the MeSH name
            for w in reversed(_skipped_modifiers(text, c)):
                found = _mesh_at(text, w, spans, variants, max_words, min_single)
                if found is not None:
                    break
        end = found.end if found is not None else _curated_end(spans, start)
        if found is not None:
            out.append(found)
        while end is not None:  # "patients with X, Y and Z": each listed name is read the same way
            sep = _list_sep().match(text, end)
            if not sep:
                break
            nxt = _mesh_at(text, sep.end(), spans, variants, max_words, min_single)
            if nxt is not None:
                out.append(nxt)
                end = nxt.end
            else:
                end = _curated_end(spans, sep.end())
    out += _before_patients(text, spans, variants, max_words, min_single)
    seen, kept = set(), []
    for m in sorted(out, key=lambda m: (m.start, -m.end)):
        if (m.start, m.end) not in seen and not any(a < m.end and m.start < b for a, b in seen):
            seen.add((m.start, m.end))
            kept.append(m)
    return kept


def _mesh_at(text: str, start: int, spans, variants, max_words: int, min_single: int) -> Match | None:
    """The longest MeSH name (at most `max_words` words) beginning at `start`, unless a curated disease
    starts there (or before, running into it) or the name would cut one in two."""
    stop = _STOP.search(text, start, start + 120)
    seg_end = stop.start() if stop else min(len(text), start + 120)
    words = list(_WORD.finditer(text, start, seg_end))[:max_words]
    if not words or words[0].start() != start:
        return None
    inside = [(a, b) for a, b in spans if a < seg_end and start < b]
    if inside and inside[0][0] <= start:
        return None  # a curated disease starts here (or before): it stays
    for n in range(len(words), 0, -1):
        surface = text[start:words[n - 1].end()]
        if n == 1 and len(surface) < min_single:
            break
        end = start + len(surface)
        if any(start < b and a < end and b > end for a, b in inside):
            continue  # would cut a curated disease in two
        key = normalize(surface)
        if key in variants:
            if key in _not_indications():
                return None  # "patients with brain metastases": a finding, not the disease (disease_context.yaml)
            return Match(start, end, surface, surface, False)  # as written; covers any curated inside
    return None


def _skipped_modifiers(text: str, c: re.Match) -> list[int]:
    """Starts of the stage words the cue match ran over ("treatment of [chronic] ..."), in order."""
    mods = _modifier_words()
    return [w.start() for w in _WORD.finditer(text, c.start(), c.end())
            if w.group(0).casefold() in mods and w.group(0).casefold() not in ("and", "or", "and/or")]


def _curated_end(spans, pos: int) -> int | None:
    """The end of the curated disease at `pos` (one that starts there or runs over it), or None."""
    return next((b for a, b in spans if a <= pos < b), None)


def _before_patients(text: str, spans, variants, max_words: int, min_single: int) -> list[Match]:
    """A MeSH name written right before "patients" ("in glaucoma patients", "for ALS patients"):
    the name of the patients' disease, read as after a cue."""
    out = []
    for p in _PATIENTS.finditer(text):
        lo = max(0, p.start() - 100)
        window = text[lo:p.start()]
        if not window.endswith(" ") or window.endswith("  "):
            continue
        cut = 0
        for st in _STOP.finditer(window):
            cut = st.end()
        words = list(_WORD.finditer(window, cut))[-max_words:]
        if not words or words[-1].end() != len(window) - 1:
            continue
        end = lo + words[-1].end()
        for w in words:  # longest first
            start = lo + w.start()
            surface = text[start:end]
            if (" " not in surface and len(surface) < min_single) or any(a < end and start < b for a, b in spans):
                continue
            if normalize(surface) in variants:
                if normalize(surface) not in _not_indications():
                    out.append(Match(start, end, surface, surface, False))
                break
    return out


@lru_cache(maxsize=1)
def _not_indications() -> frozenset[str]:
    return frozenset(normalize(str(n)) for n in read_data("disease_context.yaml").get("not_indications", []))


@lru_cache(maxsize=1)
def _modifier_words() -> frozenset[str]:
    return frozenset(str(w).casefold() for w in read_data("disease_context.yaml").get("modifiers", []))


@lru_cache(maxsize=1)
def _list_sep() -> re.Pattern:
    """Between two listed diseases: ", ", " and ", ", or ", an abbreviation in parentheses first."""
    mods = cue_alternation(read_data("disease_context.yaml").get("modifiers", [])) or "(?!)"
    return re.compile(rf"(?:\s*\([^()]{{1,20}}\))?\s*(?:,\s*(?:and\s+|or\s+|and/or\s+)?|\s+(?:and|or|and/or)\s+)"
                      rf"(?:the\s+)?(?:(?:{mods})[\s,]+)*", re.I)


_PATIENTS = hoisted(re.compile(r"\b(?:patients|subjects|participants)\b"))  # re skips to p/s (fastre.hoisted)

