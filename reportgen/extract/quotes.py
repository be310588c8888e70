"""Quote choice: of the sentences that yield a fact, cite the one that states it best.

FACTS.md: "the quote is the shortest sentence (or sentences) that states the fact". A fact is often
yielded by several sentences: one that repeats only a reference ("The therapy ... in Phase 2"), one
that spells the object out ("... a Phase 2 trial of Zorvacel in lupus"), one that writes the object
in another form (a stem, an abbreviation, a country for its regulator). The reader, and any check
of the brief, needs the sentence that writes the object itself and, best, names the subject too.

`states(predicate, obj, quote)` says whether a quote writes the object (its term, the forms in
data/quote_forms.yaml, its `value` number, its phase digits, the regulator or the designation);
`choose` ranks the candidate spans: states the object and names the subject > states the object >
the first span (the order the rules proposed them in, so a tie keeps the old choice).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Callable, Iterable, Sequence

from reportgen.extract.keyed import Keyed
from reportgen.extract.lexicon import read_data
from reportgen.naming import IGNORED_CLASS, name_key

__all__ = ["repeats", "states", "names_any", "choose", "elsewhere", "defined_before", "regulator_before", "forms", "ELSEWHERE", "DEFINED"]

# Predicates whose object a sentence may write as an abbreviation defined a little before it
# ("non-small cell lung cancer (NSCLC)" ... "in patients with NSCLC"): the quote then reaches back to
# the definition (`defined_before`).
DEFINED = ("indication", "target")
REACH = 2  # sentences back

# Predicates whose object, once written beside the subject's name, states the fact: a sentence no rule
# read may be cited for them (`elsewhere`). Figures are left out: a number beside a name is too often
# another figure.
ELSEWHERE = ("indication", "target", "modality", "phase", "trial", "developer", "partner", "regulatory")

_WORD_START = re.compile(r"(?<![0-9A-Za-z])(?=\w)")
_NUMBER = re.compile(r"(?<![0-9A-Za-z.,])\d+(?:,\d{3})*(?:\.\d+)?")
_PHASE = re.compile(r"\bphase\s*(iii|ii|i|[1-3])[ab]?\b"
                    r"(?:\s*(?:/|-|–|and|or|to)\s*(?:phase\s*)?(iii|ii|i|[1-3])[ab]?\b)?", re.I)
_ROMAN = {"i": "1", "ii": "2", "iii": "3"}
_TOLERANCE = 0.051
STRUCTURED = ("regulatory", "efficacy", "safety", "phase")


_key = name_key  # names and terms compare as everywhere else in reportgen


@lru_cache(maxsize=1)
def forms() -> dict[str, dict[str, tuple[str, ...]]]:
    """{table: {normalized term: spellings}} from data/quote_forms.yaml."""
    data = read_data("quote_forms.yaml")
    return {table: {_key(term): tuple(str(s) for s in (spellings or ())) for term, spellings in rows.items()}
            for table, rows in data.items()}


def _spellings(term, table: str) -> tuple[str, ...]:
    if not isinstance(term, str):
        return ()
    return forms().get(table, {}).get(_key(term), (term,))


_SKIP = IGNORED_CLASS + "*"  # what `_key` drops between two kept characters


@lru_cache(maxsize=4096)
def _form_re(form: str) -> re.Pattern | None:
    """A search for `form` as `_key` compares it, beginning a word: one regex per form, so a quote
    is never normalized (quote choice runs on every fact of every document)."""
    wanted = _key(form)
    if not wanted:
        return None
    body = _SKIP.join(re.escape(c) for c in wanted)
    return re.compile(r"(?<![0-9A-Za-z])(?=\w)" + body, re.I)


class _Words:
    """A quote, asked whether it writes a form (compared as `_key` compares, from a word's start)."""

    __slots__ = ("quote", "_keyed")

    def __init__(self, quote: str):
        self.quote = quote
        self._keyed = Keyed.of(quote)

    def has(self, form: str) -> bool:
        wanted = _key(form)
        known = self._keyed.has(wanted) if wanted else False  # no per-form regex where it is exact (keyed.py)
        if known is not None:
            return known
        pattern = _form_re(form)
        return pattern is not None and pattern.search(self.quote) is not None

    def has_any(self, wanted: Iterable[str]) -> bool:
        return any(self.has(form) for form in wanted)


def _field(obj, name: str):
    if isinstance(obj, dict):
        return obj.get(name)
    return getattr(obj, name, None)


def _phase_digits(quote: str) -> set[str]:
    return {_ROMAN.get(g.lower(), g) for m in _PHASE.finditer(quote) for g in m.groups() if g}


def states(predicate: str, obj, quote: str, object_names: Iterable[str] = ()) -> bool:
    """Whether `quote` writes the fact's object. `object_names`: every name of an organization
    object (developer, partner) the fact store joins."""
    if predicate in ("efficacy", "safety"):
        value = _field(obj, "value")
        try:
            value = float(value)
        except (TypeError, ValueError):
            return False
        return any(abs(float(n.replace(",", "")) - value) <= _TOLERANCE for n in _NUMBER.findall(quote))
    if predicate == "phase":
        stage = _field(obj, "stage")
        digits = set(re.findall(r"\d", stage)) if isinstance(stage, str) else set()
        if digits:
            return digits <= _phase_digits(quote)
        spellings = _spellings(stage, "stages")
    elif predicate == "regulatory":
        spellings = (*_spellings(_field(obj, "authority"), "authorities"), _field(obj, "detail"))
    elif predicate in ("developer", "partner"):
        spellings = (obj, *object_names) if isinstance(obj, str) else tuple(object_names)
    elif predicate == "modality":
        spellings = _spellings(obj, "modalities")
    else:
        spellings = (obj,) if isinstance(obj, str) else ()
    words = _Words(quote)
    return any(isinstance(form, str) and words.has(form) for form in spellings)


def names_any(quote: str, names: Iterable[str]) -> bool:
    """Whether the quote writes one of the subject's names."""
    words = _Words(quote)
    return any(words.has(n) for n in names)


def choose(spans: Sequence[tuple[int, int]], quote_of: Callable[[tuple[int, int]], str], predicate: str, obj,
           subject_names: Iterable[str], object_names: Iterable[str] = ()) -> tuple[int, int]:
    """The span to cite: the first that states the object and names the subject, else the first
    that states the object, else the first."""
    if len(spans) == 1:
        return spans[0]
    subject_names, object_names = tuple(subject_names), tuple(object_names)
    best, best_rank = spans[0], -1
    for span in dict.fromkeys(spans):
        quote = quote_of(span)
        rank = 0
        if states(predicate, obj, quote, object_names):
            rank = 2 if names_any(quote, subject_names) else 1
        if rank > best_rank:
            best, best_rank = span, rank
            if rank == 2:
                break
    return best


def elsewhere(predicate: str, obj, at: tuple[int, int], sentences: Sequence[tuple[int, int]],
              quote_of: Callable[[tuple[int, int]], str], subject_names: Iterable[str],
              object_names: Iterable[str] = ()) -> tuple[int, int] | None:
    """For a fact whose rules read no sentence writing its object (a stem read as a modality, a
    late-stage trial as phase 3), the sentence nearest `at` that names the subject and writes the
    object (for a regulatory fact, its event word too); None when no sentence does."""
    if predicate not in ELSEWHERE:
        return None
    subject_names, object_names = tuple(subject_names), tuple(object_names)
    action = _field(obj, "action") if predicate == "regulatory" else None
    action_forms = forms().get("actions", {}).get(_key(action), ()) if isinstance(action, str) else ()
    if predicate == "regulatory" and not action_forms:
        return None
    order = sorted(sentences, key=lambda span: (abs(span[0] - at[0]), span[0]))
    for span in order:
        quote = quote_of(span)
        if not (states(predicate, obj, quote, object_names) and names_any(quote, subject_names)):
            continue
        if action_forms and not (_field(obj, "detail") and states("regulatory", {"detail": _field(obj, "detail")}, quote)
                                 or _Words(quote).has_any(action_forms)):
            continue
        return span
    return None


def defined_before(predicate: str, obj, at: tuple[int, int], sentences: Sequence[tuple[int, int]],
                   quote_of: Callable[[tuple[int, int]], str]) -> tuple[int, int] | None:
    """The quote widened back to the sentence (at most REACH before `at`) that defines the
    abbreviation `at` writes its object as: "<object> (<ABBR>)" there, ABBR in `at`; else None."""
    if predicate not in DEFINED or not isinstance(obj, str):
        return None
    quote, starts = quote_of(at), [span[0] for span in sentences]
    index = next((i for i, span in enumerate(sentences) if span[0] <= at[0] < span[1]), None)
    if index is None:
        return None
    pattern = re.compile(re.escape(obj).replace(r"\ ", r"[\s-]+") + r"\s*\(\s*([A-Za-z][\w\-/.]{1,12})\s*[),;]", re.I)
    for i in range(index - 1, max(index - REACH, 0) - 1, -1):
        for m in pattern.finditer(quote_of(sentences[i])):
            abbr = m.group(1)
            if re.search(rf"(?<![\w\-]){re.escape(abbr)}(?![\w\-])", quote):
                return (starts[i], at[1])
    return None


def regulator_before(obj, at: tuple[int, int], sentences: Sequence[tuple[int, int]],
                     quote_of: Callable[[tuple[int, int]], str]) -> tuple[int, int] | None:
    """A regulatory fact whose quote names its regulator only by a reference ("the agency", "the EC" after
    "the European Commission (EC)"): the quote widened back to the sentence (at most REACH before `at`)
    that writes the regulator; None when none does."""
    authority = _field(obj, "authority")
    if not isinstance(authority, str) or not forms().get("authorities", {}).get(_key(authority)):
        return None
    index = next((i for i, span in enumerate(sentences) if span[0] <= at[0] < span[1]), None)
    if index is None:
        return None
    wanted = {"authority": authority}
    for i in range(index - 1, max(index - REACH, 0) - 1, -1):
        if states("regulatory", wanted, quote_of(sentences[i])):
            return (sentences[i][0], at[1])
    return None


# The keys a structured fact is identified by (FACTS.md: facts differing only in other keys are one fact).
IDENTITY = {"regulatory": ("authority", "action", "detail"), "efficacy": ("endpoint", "value"),
            "safety": ("event", "value"), "phase": ("stage",)}


def repeats(facts: Sequence[tuple[str, str, object, bool]]) -> set[int]:
    """Indexes of the repeats to drop among (subject, predicate, object, quote states it) candidates:
    a structured fact whose quote does not state it, when another with the same identity is quoted
    where it is stated and says all the repeat says (its other keys absent or equal there); where no
    quote of that identity states it, every repeat that says no more than another of them."""
    by_identity: dict = {}
    for i, (subject, predicate, obj, _ok) in enumerate(facts):
        if predicate in IDENTITY and isinstance(obj, dict):
            ident = (subject, predicate, tuple(str(obj.get(k)) for k in IDENTITY[predicate]))
            by_identity.setdefault(ident, []).append(i)
    drop = set()
    for members in by_identity.values():
        stated = [facts[i][2] for i in members if facts[i][3]]
        for i in members:
            obj = facts[i][2]
            if facts[i][3] or not stated:
                continue
            if any(all(other.get(k) == v for k, v in obj.items()) for other in stated):
                drop.add(i)
        # none stated where it is quoted (a regulator written only as its country or ministry, twice): each
        # repeat that says no more than another of them goes, the first of equals stays. (Repeats whose
        # quotes state the fact all stay: each cites its own sentence.)
        if not stated:
            for i in members:
                obj = facts[i][2]
                for j in members:
                    other = facts[j][2]
                    if j != i and j not in drop and all(other.get(k) == v for k, v in obj.items()) and \
                            (len(other) > len(obj) or j < i):
                        drop.add(i)
                        break
    return drop
