"""Figures written as counts of patients: "Nine of 12 patients (75%) had a response", "three patients achieved a
complete response", "38 (88.0%) of patients", "with 1 grade ≥3 event (2.3%)".

relations.py's results reader reads a rate after its term ("the ORR was 75%"). Releases as often lead with the
patients: a count, written in digits or words, with the rate in a parenthesis after it, or the count alone;
and a safety figure is often followed by the share of it that was severe. These helpers read those shapes;
which term and asset a figure belongs to stays the reader's decision.
"""

from __future__ import annotations

import re

__all__ = ["WORD_NUM", "count_before", "count_rate", "responders", "graded_parts", "count_value", "marker_changes", "counted_term", "subject_count", "breakdown"]

WORD_NUM = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
             "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
             "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50}
_COUNT = r"(?:\d{1,4}|" + "|".join(sorted(WORD_NUM, key=len, reverse=True)) + r")"
_PEOPLE = r"(?:patients?|participants?|subjects?|children|adults|people|individuals|women|men)"
# a count that is a time, a dose or a grade, not patients: "at week 12 patients achieved ...", "grade 3 CRS"
_NOT_PATIENTS = re.compile(r"(?:(?<![\w])|(?=[=≥>≤<×]))(?:week|weeks|month|months|day|days|year|years|cycle|cycles|grade|phase|dose|level|cohort|part|"
                           r"arm|study|trial|of|than|to|the|over|about|approximately|nearly|least|in|among|enrolled|treated|=|≥|>|≤|<|×|x|n)\s*$", re.I)
_PCT = r"(?P<pct>\d{1,3}(?:\.\d+)?)\s?(?:%|percent\b|per\s+cent\b)"


def count_value(word: str) -> int:
    """ "Twenty" -> 20, "12" -> 12."""
    w = word.lower()
    return WORD_NUM[w] if w in WORD_NUM else int(w)


# "Nine of 12 patients (75%) achieved a CR", "three patients across all cohorts have achieved complete responses",
# "12 who achieved stringent complete remission", "1 patient reached a partial response", "2 with VGPR"
_BEFORE = re.compile(
    rf"(?<![\w.,\-])(?P<n>{_COUNT})(?:\s+(?:of|out\s+of)\s+(?:the\s+)?(?:{_COUNT}\s+)?(?:(?:evaluable|treated|enrolled|evaluated|infused)\s+)?"
    rf"(?:{_PEOPLE}\s+)?)?(?:\s*(?:(?:evaluable|treated|enrolled|evaluated|infused|additional)\s+)?{_PEOPLE}\b)?"
    rf"(?:\s*\(\s*{_PCT}\s*\))?"
    r"(?:\s+(?:across|in|at|from|with|on|treated|dosed|receiving)\s+(?:[\w\-/.]+\s+){0,4}?)?"
    r"(?:\s*,?\s*(?:who|which)\b)?\s*(?:(?:have|has|had)\s+)?(?:(?:also|already|subsequently|ultimately)\s+)?"
    r"\s*(?:achieved|reached|attained|showed|had|experienced|developed|with|obtained|demonstrated|were\s+in|remained\s+in|"
    r"maintained)\s+(?:an?\s+|the\s+)?(?:(?:confirmed|ongoing|durable|sustained|deep|objective)\s+)?", re.I)
_COUNT_RE = re.compile(rf"(?<![\w.,\-]){_COUNT}(?![\w.\-])", re.I)


def count_before(text: str, lo: int, term_start: int, people_required: bool = False) -> tuple[int, str, str] | None:
    """(offset in `text`, value, unit) of a count of patients written right before a term at `term_start`:
    its rate ("Nine of 12 patients (75%) achieved CR" -> 75 %) or the count ("three patients achieved CR" -> 3
    patients), else None."""
    window = max(lo, term_start - 120)
    for c in _COUNT_RE.finditer(text, window, term_start):
        m = _BEFORE.fullmatch(text, c.start(), term_start)
        if m is None:
            continue
        if _NOT_PATIENTS.search(text, max(lo, m.start() - 12), m.start()):
            return None
        if m.group("pct"):
            return m.start("pct"), m.group("pct"), "%"
        said = m.group(0)
        if people_required and not re.search(_PEOPLE, said, re.I):
            return None
        # a bare count needs the patients named, "who", or a list's "N with ..." after a colon
        if not re.search(rf"{_PEOPLE}|\bwho\b|\bwhich\b", said, re.I) and (
                not re.search(r"(?:[:;,]\s*(?:and\s+)?|\s+and\s+)$", text[max(lo, m.start() - 6):m.start()])
                or re.search(r"\d{4},\s*$", text[max(lo, m.start() - 8):m.start()])):
            return None
        return m.start("n"), str(count_value(m.group("n"))), "patients"
    return None


# "38 (88.0%) of patients", "20 (90.9%) patients", "24 patients (55.8%)", "8 of 12 patients (67%)"
_RATE = re.compile(rf"(?P<n>{_COUNT})(?:\s+(?:of|out\s+of)\s+(?:the\s+)?{_COUNT}|\s*/\s*\d{{1,4}})?(?:\s+(?:\w+\s+)?{_PEOPLE})?\s*\(\s*{_PCT}\s*\)"
                   rf"(?:\s+(?:of\s+(?:the\s+|all\s+)?)?(?:\w+\s+)?{_PEOPLE}\b)?", re.I)


def count_rate(tail: str) -> tuple[int, str] | None:
    """(offset, rate) of a count with its rate at the start of `tail` ("38 (88.0%) of patients"), else None."""
    m = _RATE.match(tail)
    return (m.start("pct"), m.group("pct")) if m else None


# "Overall, 24 patients (55.8%) had a response", "Twenty of the 22 patients (90.9%) responded",
# "27 (90%) responded to treatment": a response of any kind is the overall response rate
_RESPONDERS = re.compile(
    rf"(?<![\w.\-])(?P<n>{_COUNT})(?:\s+(?:of|out\s+of)\s+(?:the\s+)?(?:{_COUNT}\s+)?(?:(?:evaluable|treated|enrolled)\s+)?(?:{_PEOPLE})?)?"
    rf"(?:\s+(?:(?:evaluable|treated|enrolled)\s+)?{_PEOPLE})?\s*\(\s*{_PCT}\s*\)\s*(?:{_PEOPLE}\s+)?"
    r"(?:(?:had|achieved|showed|demonstrated|experienced)\s+(?:an?\s+)?(?:(?:objective|overall|clinical|confirmed)\s+)?"
    r"(?:response|responses)\b(?!\s+(?:to|of|rate|after))|responded\b)", re.I)


# "Responses were observed in 8 of 12 evaluable patients (67%)", "responses were seen in 40% of patients"
_RESPONSES_IN = rf"(?<![\w\-])(?:[Rr]esponses|[Aa]\s+response)\s+(?:was|were|has\s+been|have\s+been)\s+(?:observed|seen|reported|achieved|documented|noted)\s+in\s+"
_RESPONSES_IN_COUNT = re.compile(rf"{_RESPONSES_IN}{_COUNT}(?:\s+(?:of|out\s+of)\s+(?:the\s+)?{_COUNT})?(?:\s+(?:\w+\s+)?{_PEOPLE})?\s*\(\s*{_PCT}\s*\)")
_RESPONSES_IN_RATE = re.compile(rf"{_RESPONSES_IN}{_PCT}\s+of\s+(?:the\s+)?(?:\w+\s+)?{_PEOPLE}")
# "X produced responses in 9 of 20 patients (45%)", "elicited objective responses in 40% of patients": the drug's verb
_RESPONSES_VERB = (rf"\b(?:produced|induced|elicited|showed|achieved|demonstrated|generated)\s+(?:(?:objective|overall|confirmed|"
                   rf"clinical|durable|tumor|tumour)\s+)?responses\s+in\s+")
_RESPONSES_VERB_COUNT = re.compile(rf"{_RESPONSES_VERB}{_COUNT}(?:\s+(?:of|out\s+of)\s+(?:the\s+)?{_COUNT})?(?:\s+(?:\w+\s+)?{_PEOPLE})?\s*\(\s*{_PCT}\s*\)", re.I)
_RESPONSES_VERB_RATE = re.compile(rf"{_RESPONSES_VERB}{_PCT}\s+of\s+(?:the\s+)?(?:\w+\s+)?{_PEOPLE}", re.I)


def responders(sent: str) -> list[tuple[int, str]]:
    """(offset, rate) of each "N patients (P%) had a response" in `sent`: values of the overall response rate."""
    if "espon" not in sent or ("%" not in sent and "per" not in sent):
        return []
    out = [(m.start("pct"), m.group("pct")) for m in _RESPONDERS.finditer(sent)]
    for rx in (_RESPONSES_IN_COUNT, _RESPONSES_IN_RATE):
        for m in rx.finditer(sent):
            before = re.search(r"([A-Za-z\-]+)\s*$", sent[max(0, m.start() - 30):m.start()])
            if before is None or before.group(1).lower() in _ANY_RESPONSE:  # not "Complete responses were seen in ..."
                out.append((m.start("pct"), m.group("pct")))
    for rx in (_RESPONSES_VERB_COUNT, _RESPONSES_VERB_RATE):
        out += [(m.start("pct"), m.group("pct")) for m in rx.finditer(sent)]
    return sorted(set(out))


# words before "responses" that keep them responses of any kind (others name a kind: "complete responses")
_ANY_RESPONSE = {"objective", "overall", "clinical", "confirmed", "durable", "tumor", "tumour", "radiographic", "and", "of",
                 "with", "that", "in", "the", "total", "cumulative"}

# "3 complete responses and 5 partial responses": a count right before a plural response noun
_COUNTED = re.compile(rf"(?<![\w.,\-])(?P<n>{_COUNT})\s+(?:(?:confirmed|durable|ongoing|objective)\s+)?", re.I)


def counted_term(text: str, lo: int, term_start: int, surface: str) -> tuple[int, str, str] | None:
    """(offset, count, "patients") of a count written right before a plural response term ("3 complete
    responses"), else None."""
    if not re.search(r"(?:responses|remissions)$", surface, re.I):
        return None
    for c in _COUNT_RE.finditer(text, max(lo, term_start - 30), term_start):
        m = _COUNTED.fullmatch(text, c.start(), term_start)
        if m and not _NOT_PATIENTS.search(text, max(lo, m.start() - 12), m.start()):
            return m.start("n"), str(count_value(m.group("n"))), "patients"
    return None


# "Two patients discontinued treatment due to adverse events", "4% discontinued due to AEs": the count or the
# rate is the subject of a term that is itself a verb phrase
_SUBJECT = re.compile(
    rf"(?<![\w.,\-])(?:(?P<n>{_COUNT})(?:\s+(?:\w+\s+)?{_PEOPLE})?(?:\s*\(\s*{_PCT}\s*\))?|"
    rf"(?P<pct2>\d{{1,3}}(?:\.\d+)?)\s?%(?:\s+of\s+(?:the\s+|all\s+)?(?:\w+\s+)?{_PEOPLE})?)\s+(?:(?:have|had|has)\s+)?", re.I)


_NUMBER_RE = re.compile(rf"(?<![\w.,\-])(?:{_COUNT}|\d{{1,3}}\.\d+)(?![\w\-])", re.I)


def subject_count(text: str, lo: int, term_start: int, surface: str) -> tuple[int, str, str] | None:
    """(offset, value, unit) of the count or rate that is the subject of a verb-led term ("two patients
    discontinued due to adverse events"), else None."""
    if not re.match(r"discontinu|withdr[ae]w|died\b", surface, re.I):
        return None
    window = max(lo, term_start - 60)
    for c in _NUMBER_RE.finditer(text, window, term_start):
        start = c.start()
        m = _SUBJECT.fullmatch(text, start, term_start)
        if m is None or _NOT_PATIENTS.search(text, max(lo, start - 12), start):
            continue
        if m.group("pct2"):
            return m.start("pct2"), m.group("pct2"), "%"
        if m.group("pct"):
            return m.start("pct"), m.group("pct"), "%"
        if not re.search(_PEOPLE, m.group(0), re.I):
            return None
        return m.start("n"), str(count_value(m.group("n"))), "patients"
    return None


# the severe share after an event's figure: ", with 1 grade ≥3 event (2.3%)", ", with 10 (23.3%) of grade ≥3",
# ", 5 of whom experienced severe cases (22.73%)", "including 3 (10%) grade 3 or higher"
def _grade(k: str) -> str:
    return (rf"(?:(?P<sev{k}>severe|serious)|(?P<pre{k}>[≥>]=?\s*)?grades?\s*(?P<op{k}>[≥>]=?\s*)?(?P<g{k}>[345])"
            rf"(?:\s*(?:-|–|to)\s*(?P<h{k}>[45])|(?P<hi{k}>\s+or\s+(?:higher|above|greater|more)))?)")


_LEAD = r"^\s*,?\s*(?:with|including|of\s+(?:which|whom)|and)\s+"
_PARTS = (
    re.compile(rf"{_LEAD}{_COUNT}\s+{_grade('a')}\s+(?:adverse\s+)?(?:events?|cases?)?\s*\(\s*{_PCT}\s*\)", re.I),
    re.compile(rf"{_LEAD}{_COUNT}\s*\(\s*{_PCT}\s*\)\s+(?:(?:of|at|were|was)\s+)?{_grade('a')}", re.I),
    re.compile(rf"^\s*,?\s*{_COUNT}\s+of\s+(?:whom|which|them|these)\s+(?:(?:experienced|had|developed|were|was)\s+)?"
               rf"{_grade('a')}\s+(?:\w+\s+){{0,2}}?(?:cases?|events?)?\s*\(\s*{_PCT}\s*\)", re.I),
    # "occurred in 53% of patients (grade ≥3: 2%)", "(grade 3 or higher, 4%)", "; grade ≥3: 2%"
    re.compile(rf"^\s*[,;]?\s*[(\[]\s*{_grade('a')}(?:\s+(?:events?|cases?))?\s*(?::|,|=|in)\s*{_PCT}\s*[)\]]", re.I),
    # "occurred in 68% of patients, with grade 3 or higher events in 2.4%", ", with grade ≥3 in 7%", "and grade 3 in 5%"
    re.compile(rf"{_LEAD}{_grade('a')}(?:\s+(?:adverse\s+)?(?:events?|cases?|reactions?))?\s+(?:in|at|of)\s+"
               rf"(?:only\s+)?{_PCT}", re.I),
)


def graded_parts(seg: str) -> list[tuple[int, str, str]]:
    """(offset, rate, grade) of the severe share stated right after an event's figure, at the start of `seg`."""
    for rx in _PARTS:
        m = rx.match(seg)
        if m is None:
            continue
        if m.group("seva"):
            grade = "severe"
        elif m.group("ha"):
            grade = f"{m.group('ga')}-{m.group('ha')}"
        elif m.group("prea") or m.group("opa") or m.group("hia"):
            grade = f">={m.group('ga')}"
        else:
            grade = m.group("ga")
        return [(m.start("pct"), m.group("pct"), grade)]
    return []


# "a median percentage reduction in Lp(a) of 90%", "mean percent change from baseline in triglycerides of -55%",
# "a placebo-adjusted reduction in ApoB of 40%": the change in a marker is the endpoint, as the release names it
_MARKER_CHANGE = re.compile(
    r"(?<![\w\-])(?P<ep>(?:(?:median|mean|average|placebo[\s\-]adjusted|least[\s\-]squares\s+mean|LS\s+mean)\s+){0,2}"
    r"(?:(?:percentage|percent|relative)\s+)?(?:reduction|change|decrease|lowering|improvement)s?\s+(?:from\s+baseline\s+)?in\s+"
    r"(?:(?:serum|plasma|blood|circulating|fasting)\s+)?(?P<marker>[A-Za-z][\w\-]*(?:\([\w\-]{1,6}\))?(?:\s+[A-Z][\w\-]*(?:\([\w\-]{1,6}\))?)?))"
    r"(?:\s*\([^()]{1,25}\))?(?:\s+(?:levels?|concentrations?))?(?:\s+(?:at|through|to|by)\s+(?:week|month|day)\s+\d{1,3})?"
    r"\s+(?:of|was|were|reached|:)\s+(?:up\s+to\s+|more\s+than\s+|over\s+|approximately\s+|about\s+|nearly\s+|at\s+least\s+)?"
    r"(?P<sign>[-−–])?(?P<num>\d{1,3}(?:\.\d+)?)\s?(?:%|percent\b)", re.I)


# the figure first: "a 48% reduction in Lp(a) levels", "an 80% placebo-adjusted decrease in ApoB" (not "a 30% reduction
# in the risk of death": hazard.py; nor in a word of comparison)
_MARKER_CHANGE_BEFORE = re.compile(
    r"(?<![\w.\-])(?P<num>\d{1,3}(?:\.\d+)?)\s?(?:%|percent\b)\s+(?P<ep>(?:(?:median|mean|average|placebo[\s\-]adjusted|relative|sustained)\s+){0,2}"
    r"(?:reduction|decrease|lowering|decline|drop)\s+(?:from\s+baseline\s+)?in\s+(?:(?:serum|plasma|blood|circulating|fasting)\s+)?"
    r"(?!(?:the|a|an|risk|hazard|odds|their|its|mortality|deaths?|progression|relapse|recurrence|events?|hospitali[sz]ations?)\b)"
    r"(?P<marker>[A-Za-z][\w\-]*(?:\([\w\-]{1,6}\))?(?:\s+(?-i:[A-Z])[\w\-]*(?:\([\w\-]{1,6}\))?)?))", re.I)


def marker_changes(sent: str) -> list[tuple[int, int, str, str]]:
    """(offset of the phrase, offset of the value, endpoint as written, value) of each change in a marker."""
    out = []
    if " in " not in sent or ("%" not in sent and "percent" not in sent):
        return out
    for m in _MARKER_CHANGE.finditer(sent):
        endpoint = " ".join(m.group("ep").split())
        # the figure as printed, without its sign ("a mean percent change of -55%" gives 55): the direction is in
        # the endpoint's words, and a quote states the number only as its digits (the scorer's support check)
        out.append((m.start("ep"), m.start("num"), endpoint, m.group("num")))
    for m in _MARKER_CHANGE_BEFORE.finditer(sent):
        out.append((m.start("ep"), m.start("num"), " ".join(m.group("ep").split()), m.group("num")))
    return out


# "Twenty patients (90.9%) had a response: 12 who achieved sCR, 2 with VGPR": a list after a colon that itemizes
# the responders just counted
_BREAKDOWN = re.compile(r"(?:\b(?:had|achieved|showed)\s+an?\s+(?:(?:objective|overall|clinical)\s+)?response|\bresponded|"
                        r"\bresponses?\s+(?:included|were))\s*(?:\([^()]*\)\s*)?:\s*", re.I)


def breakdown(text: str, lo: int, pos: int) -> bool:
    """Whether the count at `pos` stands in a list that itemizes a response just stated ("...had a response: 12 who
    achieved sCR, 2 with VGPR")."""
    for m in _BREAKDOWN.finditer(text, max(lo, pos - 200), pos):
        if not re.search(r"[.;]", text[m.end():pos]):
            return True
    return False


# "Serious adverse events occurred in two patients on placebo and four on X": the count after the control arm's is
# the asset's (the asset must be named right after it; relations.py checks that)
_ARM_TAKER = r"(?:on|in|receiving|given|taking|treated\s+with|with)"
_CONTROL_THEN = re.compile(
    rf"\s+(?:{_PEOPLE}\s+)?{_ARM_TAKER}\s+(?:the\s+)?(?:placebo|vehicle|sham|control|comparator)(?:\s+(?:arm|group))?\s*,?\s*"
    rf"(?:and|versus|vs\.?|compared\s+(?:with|to))\s+(?P<n>{_COUNT})\s+(?:{_PEOPLE}\s+)?{_ARM_TAKER}\s+(?:the\s+)?", re.I)


def control_then_asset(text: str, end: int) -> tuple[int, str, int] | None:
    """(offset, count, asset offset) of the count after a control arm's ("two patients on placebo and four on X"),
    the count ending at `end`; else None."""
    m = _CONTROL_THEN.match(text, end)
    if m is None:
        return None
    return m.start("n"), str(count_value(m.group("n"))), m.end()


_ON_CONTROL = re.compile(rf"\s+(?:{_PEOPLE}\s+)?{_ARM_TAKER}\s+(?:the\s+)?(?:placebo|vehicle|sham|control|comparator)\b", re.I)


def on_control(text: str, end: int) -> bool:
    """ "in two patients on placebo": the count ending at `end` is the control arm's."""
    return _ON_CONTROL.match(text, end) is not None
