"""Comparative survival figures: hazard ratios and relative risk reductions (data/endpoints.yaml `hazard`).

Trial news reports randomized results as "HR 0.62 (95% CI 0.48-0.80)" or "reduced the risk of disease
progression or death by 38%", often without a median beside them; both are efficacy values of the
survival endpoint the sentence names (PFS, OS ...), else of the one its risk words stand for
("risk of death" is OS). A confidence interval or p-value after the figure is not a second value. A percentage reduction only
names the endpoint of a ratio after it unless `reduction_label` is set: emitted as "risk reduction" it
matched no annotated fact on the dev corpus or the fresh batch (one false positive on each, measured).
"""

from __future__ import annotations

import re
from functools import lru_cache

from reportgen.extract.fastre import gate
from reportgen.extract.lexicon import cue_alternation, read_data

__all__ = ["hazard_figures"]

_NUM = r"(?<![\w\-.])(?P<num>\d?\.\d{1,3}|\d(?:\.\d{1,3})?)(?![\d\-])"
_PCT = r"(?P<pct>\d{1,2}(?:\.\d+)?)\s?(?:%|percent\b|per\s+cent\b)"


@lru_cache(maxsize=1)
def _rules():
    data = read_data("endpoints.yaml")["hazard"]
    ratio = cue_alternation(data["ratio"])
    # "hazard ratio [HR] 0.62", "HR=0.62", "HR: 0.62", "HR, 0.62", "hazard ratio of 0.62", "HR was 0.62"
    ratio_rx = gate(re.compile(
        rf"(?<![\w\-])(?:{ratio})(?![\w\-])(?:\s*[\[(](?:{ratio})[\])])?(?:\s+(?:for|of)\s+(?P<for>[\w\s\-]{{2,40}}?))?\s*(?:[:=,]\s*|(?:of|was|is|was\s+of)\s+)?"
        rf"(?:\[|\()?\s*{_NUM}(?![\d.]*\s*(?:%|months?|-fold))", re.I))
    verbs, nouns = cue_alternation(data["reduce_verbs"]), cue_alternation(data["reduce_nouns"])
    risk = rf"(?:the\s+)?risk\s+of\s+(?P<words>[\w\s\-]{{2,40}}?)"
    # "reduced the risk of death by 35%", "lowered the risk of progression or death by 35 percent"
    # ("... the risk of progression or death in patients with HCC (HCC) by 37%": the population may stand between)
    verb_rx = gate(re.compile(rf"\b(?:{verbs})\s+{risk}(?:\s+(?:in|among|for)\s+[^.;%]{{1,80}}?)?\s+by\s+(?:approximately\s+|about\s+|nearly\s+)?{_PCT}", re.I))
    # "a 35% reduction in the risk of death", "a 35% lower risk of progression"
    noun_rx = gate(re.compile(
        rf"(?<![\w.]){_PCT}\s+(?:relative\s+)?(?:{nouns})\s+(?:in\s+(?:the\s+)?)?{risk}(?=\W|$)", re.I))
    # abbreviations ("OS", "PFS") in their own case: "os" is no endpoint
    ends = {c: re.compile(r"(?<![\w\-])(?:" + "|".join(f"(?-i:{re.escape(w)})" if w.isupper() else re.escape(w).replace(r"\ ", r"\s+")
                                               for w in sorted(ws, key=len, reverse=True)) + r")(?![\w\-])", re.I)
            for c, ws in data["survival_endpoints"].items()}
    words = sorted(((w.casefold(), c) for c, ws in data["risk_words"].items() for w in ws), key=lambda x: -len(x[0]))
    return ratio_rx, verb_rx, noun_rx, ends, words, data["ratio_label"], data["reduction_label"]


def _endpoint_before(sent: str, pos: int, ends) -> tuple[int, int, str] | None:
    best = None
    for canon, rx in ends.items():
        for m in rx.finditer(sent, 0, pos):
            if best is None or m.start() > best[0] or (m.start() == best[0] and m.end() > best[1]):
                best = (m.start(), m.end(), canon)
    return best


def _endpoint_of_risk(words: str, table) -> str | None:
    w = " ".join(words.casefold().split())
    for spelling, canon in table:
        if w == spelling or w.startswith(spelling + " "):
            return canon
    return None


def hazard_figures(sent: str) -> list[tuple[int, str, str, float | int, str]]:
    """(offset of the value in `sent`, survival endpoint, endpoint label, value, unit) for each figure."""
    ratio_rx, verb_rx, noun_rx, ends, risk_words, ratio_label, reduction_label = _rules()
    out: list[tuple[int, str, str, float | int, str]] = []
    risk_ends: list[tuple[int, str]] = []
    for rx in (verb_rx, noun_rx):
        for m in rx.finditer(sent):
            canon = _endpoint_of_risk(m.group("words"), risk_words)
            if canon is None:
                named = _endpoint_before(sent, m.start(), ends)
                canon = named[2] if named else None
            if canon is None:
                continue
            num, pos = m.group("pct"), m.start("pct")
            risk_ends.append((m.end(), canon))
            out.append((pos, canon, (reduction_label or "{endpoint}").format(endpoint=canon), _number(num), "%"))
    for m in ratio_rx.finditer(sent):
        value = _number(m.group("num"))
        if not 0 < value < 5:
            continue
        # the endpoint named nearest before the ratio: a survival term, or the risk words of a reduction
        named = _endpoint_before(sent, m.start(), ends)
        canon = named[2] if named else None
        near = [(e, c) for e, c in risk_ends if e <= m.start()]
        if near and (named is None or near[-1][0] > named[1]):
            canon = near[-1][1]
        if m.group("for"):  # "the hazard ratio for OS was 0.71", "HR for death, 0.69"
            after = _endpoint_before(m.group("for") + " ", len(m.group("for")) + 1, ends)
            canon = _endpoint_of_risk(m.group("for"), risk_words) or (after[2] if after else canon)
        if canon is None:  # "a hazard ratio of 0.62 for OS": the endpoint just after the value
            after = re.match(r"\s*(?:\([^()]*\)\s*)?(?:for|in)\s+(?:the\s+)?([\w\-]+(?:\s+[\w\-]+){0,3})", sent[m.end():])
            hit = _endpoint_before(after.group(1) + " ", len(after.group(1)) + 1, ends) if after else None
            canon = hit[2] if hit and hit[0] == 0 else None
        if canon is None:
            continue
        out.append((m.start("num"), canon, ratio_label.format(endpoint=canon), value, "ratio"))
    if reduction_label is None:  # reductions only name the endpoint of a ratio after them (endpoints.yaml)
        out = [f for f in out if f[4] == "ratio"]
    return sorted(out)


def _number(x: str):
    v = float(x)
    return int(v) if v.is_integer() and "." not in x else v
