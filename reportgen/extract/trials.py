"""Trial identifiers: registry numbers and named studies ("FUMANBA-1 study")."""

from __future__ import annotations

import re

from reportgen.extract.lexicon import Lexicons

REGISTRY_RE = re.compile(
    r"(?<![\w])(NCT\d{8}|CTR\d{8}|ChiCTR[-\w]*\d{6,}|jRCT\w{6,}|ISRCTN\d{6,}|"
    r"EudraCT(?:\s+(?:No\.?|Number:?))?\s*\d{4}-\d{6}-\d{2})(?![\w])")
# bounded repeats: a 20,000-character token must not cost quadratic backtracking
# ("VOYAGER 1", "CodeBreaK 300": a number after a space, never a dose, a count or a time)
_NAMED = (r"[A-Z][A-Za-z0-9]{0,30}[A-Z][A-Za-z0-9]{0,30}(?:-[A-Za-z0-9]{1,20}){0,4}(?:\s+STUDY\s+\d+|"
          r"\s\d{1,3}[a-z]?(?![\d.\-]|\s*(?:%|mg|mcg|µg|ml|mL|kg|patients|subjects|participants|months?|weeks?|days?|years?|"
          r"cycles?|doses?|percent|sites|centers|centres|countries|and\s+\d)))?")
NAMED_BEFORE_RE = re.compile(rf"(?<![\w\-])({_NAMED})(?:™|®)?\s+(?:clinical\s+)?(?:study|studies|trial|trials)\b")
# ("the Phase 3 trial – ALPHA-2 –", "the study—BETA-7—": a name set off by dashes)
NAMED_AFTER_RE = re.compile(rf"\b(?:study|trial)(?:\s*,?\s+|\s*[–—]\s*|\s+-\s+)(?:(?:known\s+as|called|named|dubbed)\s+)?({_NAMED})(?![\w\-])")
# "Study 301", "Study 1002A": a study named by its protocol number (not a year)
STUDY_NUMBER_RE = re.compile(r"(?<![\w\-])(Study\s+(?!19\d\d|20\d\d)\d{3,4}[A-Z]?)(?![\w\-])"
                             # "(trial name: BEACON)", "study name: ALPHA-2"
                             rf"|\b(?i:trial|study)\s+(?i:name)\s*:\s*({_NAMED})(?![\w\-])")
# "(Study No.: AB-C01-305)", "Protocol No. XYZ-301"
STUDY_NO_RE = re.compile(r"\b(?:Study|Protocol|Trial)\s+(?:No\.?|Number|ID)\s*:?\s*([A-Z][A-Z0-9]{1,10}(?:-[A-Z0-9]{1,10}){1,4})(?![\w\-])")
# "ELM-PC4, a pivotal, international, randomized Phase 3 trial"
NAMED_APPOS_RE = re.compile(
    rf"(?<![\w\-])({_NAMED}),\s+(?i:(?:an?|the)\s+(?:[\w\-]+,?\s+){{0,8}}?(?:phase\s*[\dIVⅠⅡⅢⅣ]+[ab]?(?:/[\dIVⅠⅡⅢⅣ]+)?\s+)?"
    r"(?:clinical\s+)?)$")
# "the Phase III ALPHA-16 (AB104-303) study": a study name with its protocol code in parentheses
NAMED_PAREN_RE = re.compile(rf"(?<![\w\-])({_NAMED})\s*\(\s*({_NAMED})\s*\)\s+(?:clinical\s+)?(?:study|studies|trial|trials)\b")
# "two global clinical trials, ALPHA-111 and ALPHA-121," / "trials: A, B and C"
LIST_AFTER_RE = re.compile(
    rf"\b(?:trials|studies)\s*[,:]\s*({_NAMED}(?:\s*,\s*{_NAMED})*(?:,?\s+and\s+{_NAMED}))(?=\s*[,.;)]|\s+(?:with|in|which|that)\b)")
# "a Phase 3 trial, ALPHA-04, evaluating ...", "the study named ALPHA-04": the name stands where a study's name stands
_STUDY_BEFORE = re.compile(r"(?<!\bin the )(?<!\bIn the )(?<!\bthe )\b(?:study|trial)\s*,\s+$|\b(?:study|trial)\s*[–—]\s*$|\b(?:study|trial),?\s+(?:known\s+as|called|named|dubbed)\s+$", re.I)
# (closed by a comma, a parenthesis or a verb of study; a drug's own description after it, "AB-101, a small molecule,",
# and "In the trial, AB-101 ..." name the drug)
_STUDY_APPOS_AFTER = re.compile(r"(?!,\s+(?:an?|the|its|our|their|which|is|was)\s)\s*(?:[,(–—]|\s(?:evaluating|investigating|assessing|"
                                r"testing|comparing|studying|of|in)\b)")
TRIAL_WORD_RE = re.compile(r"\b(?:study|trial)\b", re.I)
STUDY_N_RE = re.compile(r"(?<![\w\-])([A-Z]{3,40}(?:-[A-Z0-9]{1,20}){0,4}\s+STUDY\s+\d+)")
PAREN_LIST_RE = re.compile(r"\b(?:trials?|stud(?:y|ies))\s*\(\s*([A-Z]{2,}\d{2,}[A-Za-z]?(?:\s*\[\d+\])?(?:\s*(?:,|and)\s*[A-Z]{2,}\d{2,}[A-Za-z]?(?:\s*\[\d+\])?)*)\s*\)")
NOT_TRIAL = frozenset("""PHASE IIT ITT IST RCT IND NDA BLA MAA MRI CAR CAR-T CRS ICANS THE THIS US USA EU FDA EMA NMPA
CDE ASCO ASH EHA ESMO AACR ASGCT EULAR ACR IMS NIH PRNEWSWIRE REGISTRATIONAL PIVOTAL OPEN-LABEL""".split())


def find_trials(text: str, lex: Lexicons) -> list[tuple[int, int, str]]:
    """(start, end, name) of every trial identifier; registry numbers as written."""
    found: dict[tuple[int, int], str] = {}
    memo: dict[str, bool] = {}
    for m in REGISTRY_RE.finditer(text):
        found[m.span(1)] = re.sub(r"\s+", " ", m.group(1))
    for w in TRIAL_WORD_RE.finditer(text):
        lo = max(0, w.start() - 160)
        m = NAMED_APPOS_RE.search(text, lo, w.start())
        if m and _plausible(m.group(1), text, lex, memo):
            found.setdefault(m.span(1), m.group(1))
    for m in STUDY_NO_RE.finditer(text):
        found.setdefault(m.span(1), m.group(1))
    for m in STUDY_NUMBER_RE.finditer(text):
        g = 1 if m.group(1) else 2
        found.setdefault(m.span(g), m.group(g))
    for rx in (STUDY_N_RE, NAMED_BEFORE_RE, NAMED_AFTER_RE):
        for m in rx.finditer(text):
            name = m.group(1)
            if _plausible(name, text, lex, memo):
                found.setdefault(m.span(1), name)
    for m in NAMED_PAREN_RE.finditer(text):
        for g in (1, 2):
            if _plausible(m.group(g), text, lex, memo) or g == 2:
                found.setdefault(m.span(g), m.group(g))
    for m in LIST_AFTER_RE.finditer(text):
        for c in re.finditer(_NAMED, m.group(1)):
            name = c.group(0)
            # listed right after "trials," the position itself says study: only the lexicon checks apply
            if re.search(r"\d", name) and _plausible(name, "", lex):
                s0 = m.start(1) + c.start()
                found.setdefault((s0, s0 + len(name)), name)
    for m in PAREN_LIST_RE.finditer(text):
        for c in re.finditer(r"[A-Z]{2,}\d{2,}[A-Za-z]?", m.group(1)):
            s = m.start(1) + c.start()
            found.setdefault((s, s + len(c.group(0))), c.group(0))
    spans = sorted(found, key=lambda k: (k[0], -k[1]))
    out, last = [], -1
    for s, e in spans:
        if s >= last:
            out.append((s, e, found[(s, e)]))
            last = e
    return out


def _plausible(name: str, text: str, lex: Lexicons, memo: dict | None = None) -> bool:
    """Whether a study-like name is a trial (memoized per name: a name repeated n times costs n once)."""
    if memo is None:
        return _plausible_uncached(name, text, lex)
    if name not in memo:
        memo[name] = _plausible_uncached(name, text, lex)
    return memo[name]


# a capital word before a spaced number that names a part, a unit or a meeting, not a study ("PART 2", "ASCO 25")
NOT_SPACED_HEAD = frozenset("""PART STAGE STEP COHORT ARM WEEK WEEKS DAY DAYS MONTH YEAR YEARS TYPE GRADE LEVEL DOSE CYCLE GROUP
STUDY TRIAL PHASE TABLE FIGURE MODULE SECTION VERSION CLASS""".split())


def _plausible_uncached(name: str, text: str, lex: Lexicons) -> bool:
    if name.upper() in NOT_TRIAL or REGISTRY_RE.fullmatch(name) or len(name) < 4:
        return False
    spaced = re.fullmatch(r"(\S+)\s\d{1,3}[a-z]?", name)
    if spaced:  # "VOYAGER 1": the word must be a study's name, not a part, a unit or a term of the lexicons
        head = spaced.group(1)
        if head.upper() in NOT_TRIAL or head.upper() in NOT_SPACED_HEAD or len(head) < 4 or \
                not _plausible_uncached(head, "", lex):
            return False
    for matcher in (lex.diseases, lex.authorities, lex.targets, lex.modalities, lex.organizations,
                    lex.countries, lex.endpoints, lex.events):
        if matcher.lookup(name)[0]:
            return False
    # a code also used outside "... study/trial" is a drug, not a study
    # (unless most uses name it as a study, or a phase word leads it: "Phase I/II KOMET-001 trial")
    # (no text: the caller's position already says study, "trials, A-111 and A-121")
    if text and re.fullmatch(r"[A-Za-z]{1,6}-?\d{2,7}[A-Za-z]?", name):
        study = other = 0
        for m in re.finditer(rf"(?<![\w\-]){re.escape(name)}(?![\w\-])", text):
            after = text[m.end():m.end() + 25]
            before = text[max(0, m.start() - 25):m.start()]
            if re.match(r"\s*(?:™|®)?\s*(?:clinical\s+)?(?:stud|trial)", after, re.I) or \
                    re.search(r"\bPhase\s+(?:[0-9IVⅠⅡⅢⅣ]+[ab]?(?:/[0-9IVⅠⅡⅢⅣ]+[ab]?)?)\s+$", before, re.I) or \
                    (_STUDY_BEFORE.search(before) and _STUDY_APPOS_AFTER.match(after)) or \
                    re.match(r"\s+(?:enrolled|enrolls|enrolling|randomi[sz]ed)\b", after):
                study += 1
            else:
                other += 1
        return study > other
    return True


# --- literal gates (fastre.py): the same matches, without running a regex where none can occur -------
from reportgen.extract.fastre import gate as _gate  # noqa: E402

(REGISTRY_RE, NAMED_BEFORE_RE, NAMED_AFTER_RE, STUDY_NO_RE, NAMED_PAREN_RE, LIST_AFTER_RE, TRIAL_WORD_RE, STUDY_N_RE,
 PAREN_LIST_RE, STUDY_NUMBER_RE) = map(_gate, (REGISTRY_RE, NAMED_BEFORE_RE, NAMED_AFTER_RE, STUDY_NO_RE, NAMED_PAREN_RE,
                                               LIST_AFTER_RE, TRIAL_WORD_RE, STUDY_N_RE, PAREN_LIST_RE, STUDY_NUMBER_RE))
