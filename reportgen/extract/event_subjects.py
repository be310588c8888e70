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

__all__ = ["unknown_event_subject"]

_WORD = r"(?P<w>[A-Z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*)(?:®|™|\(R\)|\(TM\))?"


@lru_cache(maxsize=1)
def _rules():
    data = read_data("regulators.yaml")
    subj = gate(re.compile(rf"(?<![\w\-]){_WORD}\s+(?:{cue_alternation(data['subject_verbs'])})\b"))
    follow = "|".join(re.escape(f) if not f[0].isalpha() else rf"{re.escape(f)}\b" for f in data["object_follow"])
    obj = gate(re.compile(rf"\b(?:{cue_alternation(data['object_verbs'])})\s+{_WORD}\s*(?:{follow})"))
    # "granted PRIME eligibility to X for ...": the recipient after "to"
    to = gate(re.compile(rf"\b(?:{cue_alternation(data['object_verbs'])})\b[^.;]{{0,80}}?\bto\s+{_WORD}\s*(?:{follow}|\.|$)"))
    return subj, obj, to, frozenset(str(data["subject_not"]).split())


def unknown_event_subject(sent: str, base: int, known: list[tuple[int, int]]) -> bool:
    """True when the sentence's event has a capitalized subject or object that is no known term.

    `known`: absolute spans of every mention the extractor recognised in the sentence (names,
    organizations, regulators, vocabulary terms)."""
    subj, obj, to, stop = _rules()
    for rx in (subj, obj, to):
        for m in rx.finditer(sent):
            w = m.group("w")
            s, e = base + m.start("w"), base + m.end("w")
            if w in stop or w.isupper() and len(w) <= 3:
                continue
            if any(a < e and s < b for a, b in known):
                continue
            return True
    return False
