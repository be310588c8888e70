"""Monoclonal antibodies named by what they bind: "an anti-IL-23 antibody", "an antibody targeting TSLP".

The modality lexicon (data/modalities.yaml) knows "monoclonal antibody", "mAb", "humanized antibody"; trade
news as often writes the antibody by its target alone. Such a phrase is a monoclonal antibody unless the words
around it make it a bispecific, a conjugate, an anti-drug or neutralizing antibody, or a lab finding (cues in
data/antibodies.yaml). A phrase overlapping a modality the lexicon already read is left to it.
"""

from __future__ import annotations

import re
from functools import lru_cache

from reportgen.extract.lexicon import Match, cue_alternation, read_data

__all__ = ["antibody_modalities"]

# a target written after "anti-": "anti-IL-23", "anti-CD38", "anti-PD-L1", "anti-TNFα"; not a pair
# ("anti-PD-1/VEGF", "anti-CD20xCD3": two targets are a bispecific's)
_WORD = re.compile(r"antibod(?:y|ies)", re.I)
_TARGET = r"anti-?\s?(?!drug\b)[A-Za-z0-9α-ω][\w.\-α-ω]*(?<![x×])"


# the symbol opens the antibody's noun phrase ("MRW-7, a TIGIT antibody", "its novel CD38 antibody")
_ARTICLE_BEFORE = re.compile(r"(?:,\s+|\bis\s+|\bas\s+)(?:a|an)\s+(?:(?:novel|new|first-in-class|investigational|proprietary|"
                             r"humanized|humanised|fully\s+human|potent|selective|long-acting)\s+){0,2}$", re.I)


@lru_cache(maxsize=1)
def _config() -> tuple[re.Pattern, re.Pattern, re.Pattern, int, re.Pattern]:
    data = read_data("antibodies.yaml")
    between = cue_alternation(data["between"])
    binding = cue_alternation(data["binding"])
    phrase = re.compile(
        rf"(?<![\w\-/]){_TARGET}(?![/×])\s+(?:(?:{between})\s+){{0,3}}(?:monoclonal\s+)?antibod(?:y|ies)\b"
        rf"|\bantibod(?:y|ies)\s+(?:{binding})\s+(?:the\s+)?[A-Za-z0-9]", re.I)
    before = re.compile(rf"(?:{cue_alternation(data['other_before'])})", re.I)
    after = re.compile(rf"\s*(?:{cue_alternation(data['other_after'])})\b", re.I)
    # "a FGFR2b antibody", "a CD38-targeting antibody": a target symbol the lexicon read, then the antibody
    after_target = re.compile(
        rf"(?:-?(?:targeting|targeted|directed|specific)|\s+(?:targeting|directed))?\s+(?:(?:{between})\s+){{0,3}}"
        r"(?:monoclonal\s+)?antibod(?:y|ies)\b", re.I)
    return phrase, before, after, int(data["other_before_window"]), after_target


# the substrings one of which a fragment spelling holds: a text with none needs no fragment scan
_FRAGMENT_GATE = ("Fab", "scFv", "anobod", "VHH", "omain antibod", "fragment", "ingle-chain")


# a definite reference opening its sentence: "This nanobody targets IL-6", "The humanized Fab fragment binds X"
_DEFINITE_BEFORE = re.compile(r"(?:^|[.!?]\s+|\n)(?:The|This)\s+(?:(?:novel|humanized|humanised|fully\s+human|investigational|"
                              r"bivalent|half-life\s+extended)\s+){0,2}$")


@lru_cache(maxsize=1)
def _fragments() -> tuple[re.Pattern, re.Pattern]:
    data = read_data("antibodies.yaml")
    words = sorted(data["fragments"], key=len, reverse=True)
    phrase = re.compile(rf"(?<![\w\-])(?:{'|'.join(re.escape(w) for w in words)})(?![\w])")
    not_after = re.compile(rf"\s*(?:{cue_alternation(data['fragment_not_after'])})(?![\w])", re.I)
    return phrase, not_after


def fragment_modalities(text: str, taken: list[Match]) -> list[Match]:
    """"monoclonal antibody" matches for an antibody fragment that heads the asset's description ("ZX-12, a Fab
    fragment", "is a humanized nanobody"), outside modalities already read."""
    if not any(g in text for g in _FRAGMENT_GATE):
        return []
    phrase, not_after = _fragments()
    _, before, _, window, _ = _config()
    out = []
    for m in phrase.finditer(text):
        start, end = m.span()
        if any(t.start < end and start < t.end for t in taken):
            continue
        if not (_ARTICLE_BEFORE.search(text, max(0, start - 40), start) or _DEFINITE_BEFORE.search(text, max(0, start - 40), start)) \
                or not_after.match(text, end) \
                or before.search(text, max(0, start - window), start) or text[end:end + 1] == "-":
            continue  # ("a bispecific nanobody", "an scFv-based CAR", "a Fab-drug conjugate")
        out.append(Match(start, end, "monoclonal antibody", m.group(0), False))
    return out


def antibody_modalities(text: str, taken: list[Match], targets: list[Match] = ()) -> list[Match]:
    """"monoclonal antibody" matches for antibodies written by their target, outside modalities already read.
    `targets`: the target lexicon's matches, for an antibody named by the symbol alone ("a TIGIT antibody")."""
    if "ntibod" not in text:
        return []
    phrase, before, after, window, after_target = _config()
    out = []
    for t in targets:
        m = after_target.match(text, t.end)
        if not m or not _ARTICLE_BEFORE.search(text, max(0, t.start - 40), t.start) \
                or re.search(r"[/x×]\s*$|[/×-]$", text[max(0, t.start - 2):t.start]) or re.match(r"\s*(?:/|x\s|×)", text[t.end:t.end + 3]):
            continue  # ("a PD-1/VEGF antibody": two targets are a bispecific's)
        start, word_end = t.start, m.end()
        if any(x.start < word_end and start < x.end for x in taken) or any(o.start < word_end and start < o.end for o in out):
            continue
        if before.search(text, max(0, start - window), start) or after.match(text, word_end):
            continue
        out.append(Match(start, word_end, "monoclonal antibody", text[start:word_end], False))
    for m in phrase.finditer(text):
        start = m.start()
        word_end = start + _WORD.search(m.group(0)).end()  # the mention ends on "antibody", not on its target
        if any(t.start < word_end and start < t.end for t in taken) or any(o.start < word_end and start < o.end for o in out):
            continue
        if before.search(text, max(0, start - window), start) or after.match(text, word_end):
            continue
        if "/" in m.group(0).split()[0] or re.search(r"[a-z0-9][x×][A-Z]", m.group(0).split()[0]):
            continue
        out.append(Match(start, word_end, "monoclonal antibody", text[start:word_end], False))
    return out
