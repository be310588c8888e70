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
    "NSCLC", not a name it never prints. The written form is taken only where it means the same MeSH
    descriptor as the curated name (`resolve`: name -> descriptor or None), so a brief scoped by
    disease or area still finds it; a spelling MeSH does not know ("mCRPC") keeps the curated name.
    """
    for m in diseases.find_all(quote):
        if m.canonical != obj or m.surface == obj:
            continue
        if resolve is not None:
            written, curated = resolve(m.surface), resolve(obj)
            if written is None or (curated is not None and written.mesh_id != curated.mesh_id):
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
