"""Trial names the patterns of trials.py miss, by general phrasing (cues in data/trials.yaml).

- a name before a title-case study noun (headlines: "Results from the ABCDE-3 Trial");
- a name followed by descriptors before the study noun: "ABCDE-1 pivotal Phase 3 study", "the XYZ-2
  global, randomized, open-label trial" (trials.py needs the noun right after the name);
- a name in parentheses right after the study noun: "a Phase 3 study (ABCDE-3)";
- registries beyond ClinicalTrials.gov and the Chinese, Japanese, ISRCTN and EudraCT ones.

A name shaped like a drug code ("AB-123") is a study only when most of its uses are study uses (a
drug's own "AB-123 Phase 3 study" is the study *of* AB-123), as trials.py decides for its patterns.
"""

from __future__ import annotations

import re
from functools import lru_cache

from reportgen.extract.fastre import gate
from reportgen.extract.lexicon import Lexicons, cue_alternation, read_data
from reportgen.extract.trials import _NAMED, _plausible

__all__ = ["more_trials"]

# a word used as an organization's name elsewhere ("Zentova Therapeutics", "Zentova's"): not a study name
_ORG_USE = re.compile(r"\0(?:\s+(?:Therapeutics|Bio\w*|Pharma\w*|Inc\b|Ltd\b|Corp\w*|Holdings|Group|Medical|Health\w*|"
                      r"University|Institute|Hospital|Labs?\b|Laboratories|Sciences?|Oncology|Genetics|Medicines?)|[’']s\b|"
                      r"\s+(?:today\s+)?(?:announce|report|said|says))")
_CODE_SHAPE = re.compile(r"[A-Za-z]{1,6}-?\d{2,7}[A-Za-z]?")
# a name in a list after "three Phase 3 trials –": capitals with digits or none ("ALPHA2", "OMEGA"), or one capital ("Lumen")
_LIST_NAME = r"(?:[A-Z][A-Z0-9]{2,19}(?:-[A-Za-z0-9]{1,12})?|[A-Z][a-z]{3,15}(?:-\d{1,3})?)"
_PLURAL_NAME = r"(?:[A-Z][a-z]{2,15}-\d{1,3}[A-Za-z]?|[A-Z]{2,}[A-Z0-9]*(?:-[A-Za-z0-9]{1,12})?)"
_PHASE = r"phase\s*(?:IV|I{1,3}|[1-4]|[ⅠⅡⅢⅣ])[ab]?(?:\s*/\s*(?:phase\s*)?(?:IV|I{1,3}|[1-4]|[ⅠⅡⅢⅣ])[ab]?)?"


@lru_cache(maxsize=1)
def _rules() -> dict:
    data = read_data("trials.yaml")
    desc = rf"(?:{cue_alternation(data['descriptors'])}|{_PHASE})"
    n = int(data["max_descriptors"])
    sep = r"(?:\s*,\s*|\s+)(?:and\s+)?"
    return {
        "registry": gate(re.compile(rf"(?<![\w/\-])(?:{'|'.join(f'(?:{p})' for p in data['registries'])})(?![\w\-])")),
        "descr": gate(re.compile(
            rf"(?<![\w\-])({_NAMED})(?:™|®)?\s+(?i:{desc}(?:{sep}{desc}){{0,{n - 1}}})\s+(?i:studies|study|trials|trial)\b")),
        # a headline in title case: "... from the Phase 3 ABCDE-3 Trial"
        "title": gate(re.compile(rf"(?<![\w\-])({_NAMED})(?:™|®)?\s+(?:Clinical\s+)?(?:Studies|Study|Trials|Trial)\b")),
        "descr_tail": re.compile(rf"\s+(?i:{desc}(?:{sep}{desc}){{0,{n - 1}}})\s+(?i:studies|study|trials|trial)\b"),
        "mixed": gate(re.compile(rf"(?<![\w\-/])([A-Z][a-z]{{2,20}}-\d{{1,3}}[A-Za-z]?)(?:™|®)?(?=(?i:\s+(?:clinical\s+)?(?:studies|study|trials|trial)\b|"
                            rf"\s+{desc}(?:{sep}{desc}){{0,{n - 1}}}\s+(?:studies|study|trials|trial)\b))")),
        "not_mixed": frozenset(str(w).casefold() for w in data.get("mixed_case_not_names") or ()),
        "word": gate(re.compile(rf"(?:\b[Tt]he\s+|\b(?i:{_PHASE})\s+)([A-Z][a-z]{{3,15}})(?:™|®)?"
                           rf"(?=(?i:\s+(?:{desc}(?:{sep}{desc}){{0,{n - 1}}}\s+)?(?:clinical\s+)?(?:study|trial)\b))")),
        "descriptor_words": frozenset(str(w).casefold() for w in data["descriptors"]),
        "not_word": frozenset(str(w).casefold() for w in data.get("word_not_names") or ()),
        "slash_before": re.compile(rf"(?<![\w\-/])({_NAMED})/$"),
        # "the ABCDE-1 and ABCDE-2 trials", "the AB-1, AB-2 and AB-3 studies": names joined before a plural noun
        "joined_before": re.compile(rf"(?<![\w\-/])({_NAMED})(?:™|®)?(?:\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*)$"),
        "plural_after": re.compile(r"(?:™|®)?\s+(?:[\w\-]+\s+){0,3}?(?i:studies|trials)\b"),
        "paren": gate(re.compile(rf"(?i:\b(?:study|trial))\s*\(\s*({_NAMED})\s*(?=[;,)])")) if data.get("paren_after_study") else None,
        # "results from ZENITH-3", "the Phase 2 portion of ALPHA-2": a study-shaped name after a results cue
        "cue_before": gate(re.compile(rf"\b(?i:{cue_alternation(data.get('cue_before_names') or ['results from'])})\s+(?:the\s+)?"
                                      r"(?P<name>(?P<head>[A-Z][A-Z]{2,19})-(?P<tail>(?:[A-Z]{2,6}-)?[A-Za-z]{0,12}(?P<digits>\d{1,4})[A-Za-z]?))(?![\w\-])")),
        # ("HERIZON-BTC-302": a middle part of capitals between the head and the number)
        # a name in quotes before the study noun: "the “HORIZON” trial", "the 'Zenith-2' study"
        "quoted": gate(re.compile(r"[“\"‘']([A-Z][A-Za-z0-9]{1,30}(?:-[A-Za-z0-9]{1,20}){0,4})[”\"’']\s+(?i:(?:clinical\s+)?(?:studies|study|trials|trial))\b")),
        # the quoted name after the noun: 'the Phase 3 trial "ASPEN"', "the study — named ‘CEDAR’ —"
        "quoted_after": gate(re.compile(r"\b(?i:study|trial)\s*(?:,|—|–|\s-)?\s*(?:(?i:known\s+as|called|named|dubbed)\s+)?"
                                        r"[“\"‘']([A-Z][A-Za-z0-9]{1,30}(?:-[A-Za-z0-9]{1,20}){0,4})[”\"’']")),
        # "the trials (ELM-1 and ELM-2)": names listed in parentheses after a plural study noun
        "paren_plural": gate(re.compile(
            rf"\b(?i:trials|studies)\s*\(\s*(?P<list>{_PLURAL_NAME}(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+){_PLURAL_NAME})+)\s*\)")),
        "counted_list": gate(re.compile(
            rf"\b(?i:{cue_alternation(data.get('list_counts') or ['two', 'three'])})\s+(?:[\w/\-]+\s+){{0,5}}?(?i:trials|studies)"
            rf"(?:\s+(?i:of|evaluating|with|for)\s+[\w\-]+)?\s*(?:[:–—(]|\s-\s|\s\?\s)\s*(?P<list>{_LIST_NAME}(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+){_LIST_NAME})+)(?![\w\-])")),
        # "the Phase 2 trials Lumen-1 and Lumen-2": names right after a plural study noun (a number or capitals only)
        "plural_list": gate(re.compile(
            rf"\b(?i:trials|studies)\s+(?P<list>{_PLURAL_NAME}(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+){_PLURAL_NAME})+)(?![\w\-])")),
        "appos_word": gate(re.compile(
            rf"\b(?i:{cue_alternation(data.get('cue_before_names') or ['results from'])})\s+(?:the\s+)?(?P<name>[A-Z][a-z]{{3,15}}(?:-\d{{1,3}})?),\s+"
            rf"(?i:(?:an?|the)\s+{desc}(?:{sep}{desc}){{0,{n + 1}}}\s+(?:study|trial)\b)"))
        if data.get("appositive_word_names") else None,
        "cue_min": int(data.get("cue_name_min_letters") or 4), "cue_digits": int(data.get("cue_name_max_digits") or 2),
        "cue_long": int(data.get("cue_name_long_letters") or 6),
    }


def _study_uses_win(name: str, text: str, r: dict) -> bool:
    """For a drug-code-shaped name: most of its uses are followed by a study noun (directly, or after
    descriptors), or led by a phase."""
    study = other = 0
    for m in re.finditer(rf"(?<![\w\-]){re.escape(name)}(?![\w\-])", text):
        after = text[m.end():m.end() + 120]
        before = text[max(0, m.start() - 25):m.start()]
        if re.match(r"\s*(?:™|®)?\s*(?:clinical\s+)?(?:stud|trial)", after, re.I) or r["descr_tail"].match(after) or \
                re.search(r"\bPhase\s+(?:[0-9IVⅠⅡⅢⅣ]+[ab]?(?:/[0-9IVⅠⅡⅢⅣ]+[ab]?)?)\s+$", before, re.I):
            study += 1
        else:
            other += 1
    return study > other


def more_trials(text: str, lex: Lexicons, found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """`found` (trials.find_trials) with the trials these phrasings add, sorted, none overlapping."""
    r = _rules()
    extra: dict[tuple[int, int], str] = {}
    memo: dict[str, bool] = {}
    for m in r["registry"].finditer(text):
        extra[m.span()] = re.sub(r"\s+", " ", m.group(0))
    for m in r["title"].finditer(text):
        if _plausible(m.group(1), text, lex, memo):
            extra.setdefault(m.span(1), m.group(1))
    for m in r["descr"].finditer(text):
        name = m.group(1)
        if _CODE_SHAPE.fullmatch(name):
            ok = _study_uses_win(name, text, r) and _plausible(name, "", lex)
        else:
            ok = _plausible(name, text, lex, memo)
        if ok:
            extra.setdefault(m.span(1), name)
    for m in r["mixed"].finditer(text):
        name = m.group(1)
        if name.split("-")[0].casefold() not in r["not_mixed"] and _plausible(name, "", lex):
            extra.setdefault(m.span(1), name)
    for m in r["word"].finditer(text):
        name = m.group(1)
        if name.casefold() in r["not_word"] or name.casefold() in r["descriptor_words"] or \
                re.search(rf"(?<![\w\-]){name.lower()}(?![\w\-])", text) or _ORG_USE.search(text.replace(name, "\0")) \
                or not _plausible(name, "", lex):
            continue
        extra.setdefault(m.span(1), name)
    # "ABCDE-04/XYZ-D19 study": the name before the slash is the same study's other name
    for s0, _e0, _n in list(found) + [(a, b, n) for (a, b), n in extra.items()]:
        if s0 > 0 and text[s0 - 1] == "/":
            m = r["slash_before"].search(text, max(0, s0 - 60), s0)
            if m and _plausible(m.group(1), "", lex):
                extra.setdefault(m.span(1), m.group(1))
    # "the ABCDE-1 and ABCDE-2 trials": each name joined to a study name before a plural noun is a study
    for s0, e0, _n in sorted(list(found) + [(a, b, n) for (a, b), n in extra.items()], reverse=True):
        if not r["plural_after"].match(text, e0):
            continue
        while True:
            m = r["joined_before"].search(text, max(0, s0 - 60), s0)
            if not (m and m.end() == s0 and _plausible(m.group(1), "", lex)):
                break
            extra.setdefault(m.span(1), m.group(1))
            s0 = m.start(1)
    if r["paren"] is not None:
        for m in r["paren"].finditer(text):
            name = m.group(1)
            if re.search(r"\d", name) and _plausible(name, "", lex):
                extra.setdefault(m.span(1), name)
    for rx in (r["quoted"], r["quoted_after"]):
        for m in rx.finditer(text):
            if _plausible(m.group(1), "", lex) and m.group(1).casefold() not in r["not_word"]:
                extra.setdefault(m.span(1), m.group(1))
    for m in r["cue_before"].finditer(text):
        head, digits = m.group("head"), m.group("digits")
        if len(head) >= r["cue_long"] or (len(head) >= r["cue_min"] and len(digits) <= r["cue_digits"]):
            described = re.search(rf"(?<![\w\-]){re.escape(m.group('name'))}(?:™|®)?(?:,\s+(?:an?|its|the|our)\s+|\s+is\s+(?:an?|the|its)\s+)", text)
            if not described and _plausible(m.group("name"), "", lex) and head.casefold() not in r["not_mixed"]:
                # (a name described elsewhere, "ABCD-12, its lead antibody", is a drug's: a study's description is read
                # by trials.py, which found it already)
                extra.setdefault(m.span("name"), m.group("name"))
    # "in three Phase 3 trials – ALPHA, ALPHA2 and OMEGA", "the Phase 2 trials Lumen-1 and Lumen-2"
    listed = [(m, _LIST_NAME) for m in r["counted_list"].finditer(text)] + [(m, _PLURAL_NAME) for m in r["plural_list"].finditer(text)] \
        + [(m, _PLURAL_NAME) for m in r["paren_plural"].finditer(text)]
    for m, shape in listed:
        for c in re.finditer(shape, m.group("list")):
            name = c.group(0)
            if name.casefold() not in r["not_word"] and name.casefold() not in r["descriptor_words"] and _plausible(name, "", lex):
                s0 = m.start("list") + c.start()
                extra.setdefault((s0, s0 + len(name)), name)
    if r["appos_word"] is not None:  # "results from Harbor, a global, randomized Phase 3 study"
        for m in r["appos_word"].finditer(text):
            name = m.group("name")
            if name.casefold() not in r["not_word"] and name.casefold() not in r["descriptor_words"] and _plausible(name, "", lex):
                extra.setdefault(m.span("name"), name)
    if not extra:
        return found
    taken = [(s, e) for s, e, _ in found]
    out = list(found)
    for (s, e), name in sorted(extra.items(), key=lambda kv: (kv[0][0], -kv[0][1])):
        if any(s < b and a < e for a, b in taken):
            continue
        out.append((s, e, name))
        taken.append((s, e))
    return sorted(out)
