"""Lexicons (YAML data files) compiled once into one alternation regex each.

A lexicon maps a canonical term to its spellings. Each lexicon becomes a single
compiled regex (longest spelling first), so scanning a document costs one pass
per lexicon whatever its size, and a new target or disease is one YAML line.
"""

from __future__ import annotations

import hashlib
import json
import re
import re._casefix as _casefix
from dataclasses import dataclass, field, fields
from functools import lru_cache
from pathlib import Path
from typing import Iterable

import yaml

from reportgen.extract.fastre import trie_pattern

DATA_DIR = Path(__file__).parent / "data"
# The keys a landscape's `lexicon:` may extend (what `build_lexicons` reads): the one list both the
# extractor and landscape validation use.
EXTENSION_KEYS = ("targets", "modalities", "diseases", "generic_diseases", "organizations", "authorities",
                  "designations", "endpoints", "events")


def _is_abbrev(spelling: str) -> bool:
    """Short symbols and acronyms are matched case-sensitively."""
    letters = [c for c in spelling if c.isalpha()]
    upper = sum(1 for c in letters if c.isupper())
    return len(spelling) <= 8 and upper >= 2 or (len(spelling) <= 4 and upper >= 1)


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    canonical: str
    surface: str
    abbrev: bool


@dataclass
class Matcher:
    """One compiled alternation over every spelling of a lexicon."""

    entries: dict[str, list[str]]
    exact: dict[str, str] = field(init=False)
    folded: dict[str, str] = field(init=False)
    abbrevs: set[str] = field(init=False)

    def __post_init__(self) -> None:
        self.exact, self.folded, self.abbrevs = {}, {}, set()
        exact_atoms, folded_atoms = [], []
        for canonical, spellings in self.entries.items():
            for sp in spellings:
                sp = str(sp)
                if not sp.strip():
                    continue
                if _is_abbrev(sp):
                    self.exact[_squash(sp)] = canonical
                    self.abbrevs.add(_squash(sp))
                    exact_atoms.append(_atoms(sp))
                else:
                    self.folded[_squash(sp).casefold()] = canonical
                    folded_atoms.append(_atoms(sp.casefold()))
        self._atoms = (exact_atoms, folded_atoms)
        self._regexes = None

    @property
    def regexes(self) -> list:
        if self._regexes is None:
            exact_atoms, folded_atoms = self._atoms
            self._regexes = [rx for rx in (_trie_regex(exact_atoms, 0), _trie_regex(folded_atoms, re.I)) if rx]
        return self._regexes

    def lookup(self, surface: str) -> tuple[str | None, bool]:
        memo = self.__dict__.setdefault("_memo", {})  # bounded: surfaces recur within and across documents
        out = memo.get(surface)
        if out is None:
            key = _squash(surface)
            out = (self.exact[key], True) if key in self.exact else (self.folded.get(key.casefold()), False)
            if len(memo) < 50000:
                memo[surface] = out
        return out

    def find_all(self, text: str) -> list[Match]:
        """Non-overlapping matches, leftmost then longest."""
        hits = []
        for rx in self.regexes:
            for m in rx.finditer(text):
                canonical, abbrev = self.lookup(m.group(0))
                if canonical is not None:
                    hits.append(Match(m.start(), m.end(), canonical, m.group(0), abbrev))
        if len(self.regexes) > 1:
            hits.sort(key=lambda h: (h.start, -h.end))
            out, last = [], -1
            for h in hits:
                if h.start >= last:
                    out.append(h)
                    last = h.end
            return out
        return hits


def _atoms(spelling: str) -> tuple[str, ...]:
    """A spelling as regex atoms: spaces and hyphens interchangeable, apostrophes loose."""
    out = []
    for ch in spelling:
        if ch == " ":
            out.append(r"[\s\-]+")
        elif ch == "-":
            out.append(r"[\s\-]?")
        elif ch in "'’":
            out.append(r"['’]?")
        else:
            out.append(re.escape(ch))
    return tuple(out)


def _trie_regex(spellings: list[tuple[str, ...]], flags: int) -> re.Pattern | None:
    """One regex shaped as a trie of the spellings (fast first-atom dispatch, longest first)."""
    if not spellings:
        return None
    return re.compile(rf"(?<![\w])(?:{_trie_string(spellings)})(?![\w])", flags)


def _trie_string(spellings: list[tuple[str, ...]]) -> str:
    """`trie_pattern(spellings)`, kept between processes in the prepared-regex file (regex_cache.ANALYSES,
    under the sha256 of the spellings): building the lexicon tries' strings was ~0.05 s of each start-up,
    and the compiled pattern the file also holds is found again by this string."""
    from reportgen import regex_cache

    key = ("trie", hashlib.sha256(json.dumps(spellings, separators=(",", ":")).encode()).hexdigest(), 0)
    found = regex_cache.ANALYSES.get(key)
    if not isinstance(found, str):
        found = regex_cache.ANALYSES[key] = trie_pattern(spellings)
    return found


class _Lowered:
    """A case-insensitive trie run as a case-sensitive one over `text.lower()`: ~2x faster (`re` tries
    every IGNORECASE branch char by char). Exact where lowering keeps every offset and no character
    matches a letter of the pattern otherwise: ASCII, caseless characters (quotes, dashes, ®), and cased
    ones that neither the pattern nor IGNORECASE's extra case pairs (ſ, K, ı, ...) could match; any
    other text is searched with the IGNORECASE regex itself."""

    def __init__(self, rx: re.Pattern):
        src = rx.pattern  # the spellings are casefolded: a pattern with a capital letter is not run lowered
        self.rx = re.compile(src, rx.flags & ~re.I) if src == src.lower() else None
        letters = {c for c in src if c.isalpha()}
        self.variants = letters | {chr(x) for c in letters if len(c.lower()) == 1
                                   for x in _casefix._EXTRA_CASES.get(ord(c.lower()), ())}
        self._safe: dict[str, bool] = {}

    def _char_ok(self, c: str) -> bool:
        low, up = c.lower(), c.upper()
        if low == c == up:
            return True  # caseless
        return (len(low) == 1 and c.isalnum() == low.isalnum() and (c.isalnum() or c == "_") == (low.isalnum() or low == "_")
                and ord(c) not in _casefix._EXTRA_CASES and ord(low) not in _casefix._EXTRA_CASES
                and not ({c, low, up} & self.variants))

    def text_for(self, text: str) -> str | None:
        """text.lower() where the lowered search is exact for it, else None."""
        if self.rx is None:
            return None
        if not text.isascii():
            safe = self._safe
            for c in set(text) - _ASCII:
                ok = safe.get(c)
                if ok is None:
                    ok = self._char_ok(c)
                    if len(safe) < 10000:  # bounded: the characters texts use
                        safe[c] = ok
                if not ok:
                    return None
        return text.lower()


_ASCII = frozenset(map(chr, range(128)))
_SQUASH = re.compile(r"[\s\-]+")


def _squash(text: str) -> str:
    return _SQUASH.sub(" ", text.replace("’", "'").replace("'", "")).strip()


@dataclass
class Lexicons:
    targets: Matcher
    modalities: Matcher
    diseases: Matcher
    generic_diseases: set[str]
    organizations: Matcher
    authorities: Matcher
    country_authorities: Matcher
    designations: Matcher
    countries: Matcher
    country_adjectives: Matcher
    endpoints: Matcher
    events: Matcher
    exchanges: dict = field(default_factory=dict)  # country -> stock exchange names (a listing places a company)
    _combined: list = field(default_factory=list)
    _lowered: list = field(default_factory=list)
    _lookups: dict = field(default_factory=dict)  # surface -> [(lexicon, canonical, abbrev)], filled by scan

    NAMES = ("targets", "modalities", "diseases", "organizations", "authorities", "country_authorities",
             "designations", "countries", "country_adjectives", "endpoints", "events")

    def scan(self, text: str) -> dict[str, list[Match]]:
        """Every lexicon's matches in two passes over the text (one case-sensitive, one not).

        Across lexicons the longest match wins at a position; a spelling shared by
        several lexicons ("US": a country, a regulator's country) is reported to each.
        """
        if not self._combined:
            exact, folded = [], []
            for name in self.NAMES:
                e, f = getattr(self, name)._atoms
                exact += e
                folded += f
            self._combined = [rx for rx in (_trie_regex(exact, 0), _trie_regex(folded, re.I)) if rx]
            self._lowered = [_Lowered(rx) if rx.flags & re.I else None for rx in self._combined]
        hits = []
        for rx, low in zip(self._combined, self._lowered):
            lowered = low.text_for(text) if low is not None else None
            if lowered is not None:  # the same spans, without IGNORECASE (see _Lowered)
                hits += [(m.start(), -m.end(), text[m.start():m.end()]) for m in low.rx.finditer(lowered)]
            else:
                hits += [(m.start(), -m.end(), m.group(0)) for m in rx.finditer(text)]
        hits.sort()
        out: dict[str, list[Match]] = {name: [] for name in self.NAMES}
        cache = self._lookups
        last = -1
        for start, neg_end, surface in hits:
            if start < last:
                continue
            last = -neg_end
            found = cache.get(surface)
            if found is None:
                found = []
                for name in self.NAMES:
                    canonical, abbrev = getattr(self, name).lookup(surface)
                    if canonical is not None:
                        found.append((name, canonical, abbrev))
                if len(cache) < 50000:
                    cache[surface] = found
            for name, canonical, abbrev in found:
                out[name].append(Match(start, -neg_end, canonical, surface, abbrev))
        return out


@lru_cache(maxsize=None)
def read_data(name: str) -> dict:
    """One data file of the extractor, parsed once per process (shared: do not mutate); the parse is kept
    in the project's prepared file when the build enabled one (reportgen/prepared.py)."""
    from reportgen import prepared

    return prepared.load_yaml(DATA_DIR / name, getattr(yaml, "CSafeLoader", yaml.SafeLoader)) or {}  # libyaml: ~10x faster



def cue_alternation(words) -> str:
    """Cue phrases as one regex alternation: longest first, spaces as any whitespace."""
    # ties broken by the words themselves: the same pattern string in every process (a set's order
    # follows the string hash seed), so a compiled pattern can be found again (fastre's prepared cache)
    return "|".join(re.escape(str(w)).replace(r"\ ", r"\s+")
                    for w in sorted(set(map(str, words)), key=lambda w: (-len(w), w)))


def _merge(base: dict, extra: dict | None) -> dict:
    out = {k: list(v or []) for k, v in base.items()}
    for k, v in (extra or {}).items():
        out.setdefault(str(k), [])
        out[str(k)] += [str(s) for s in (v or [])]
    return out


@lru_cache(maxsize=8)
def _load(extra_key: str | None) -> Lexicons:
    from reportgen import prepared

    def build() -> Lexicons:
        extra = yaml.safe_load(extra_key) if extra_key else {}
        return build_lexicons(extra or {})

    if not prepared.enabled():
        return build()
    # built from every data file and this module's code: any change is a new key (reportgen/prepared.py)
    parts = [Path(__file__).read_bytes(), extra_key or ""]
    for path in sorted(DATA_DIR.glob("*.yaml")):
        parts += [path.name, path.read_bytes()]
    return prepared.cached("data", f"lexicons {extra_key or ''}", prepared.source_key(*parts), build,
                           _lexicons_data, _lexicons_from)


def _lexicons_data(lex: Lexicons) -> dict:
    """The built lexicons as JSON-shaped data: each Matcher's tables, sets sorted (their order is the hash seed's)."""
    out = {}
    for f in fields(Lexicons):
        if f.name.startswith("_"):
            continue  # filled on first use
        value = getattr(lex, f.name)
        if isinstance(value, Matcher):
            exact_atoms, folded_atoms = value._atoms
            out[f.name] = ["matcher", {"entries": value.entries, "exact": value.exact, "folded": value.folded,
                                       "abbrevs": sorted(value.abbrevs), "exact_atoms": [list(a) for a in exact_atoms],
                                       "folded_atoms": [list(a) for a in folded_atoms]}]
        elif isinstance(value, set):
            out[f.name] = ["set", sorted(value)]
        else:
            out[f.name] = ["value", value]
    return out


def _lexicons_from(data: dict) -> Lexicons:
    values = {}
    for name, (kind, value) in data.items():
        if kind == "matcher":
            m = Matcher.__new__(Matcher)
            m.entries, m.exact, m.folded, m.abbrevs = value["entries"], value["exact"], value["folded"], set(value["abbrevs"])
            m._atoms = ([tuple(a) for a in value["exact_atoms"]], [tuple(a) for a in value["folded_atoms"]])
            m._regexes = None
            values[name] = m
        else:
            values[name] = set(value) if kind == "set" else value
    return Lexicons(**values)


# US -> British spellings of medical words: every disease/endpoint spelling also matches its variant
_BRITISH = [(re.compile(a, re.I), b) for a, b in (
    (r"(?<![a-z])hem(?=at|o|ang)", "haem"), (r"(?<=[a-z])emia\b", "aemia"), (r"(?<![a-z])esophag", "oesophag"),
    (r"tumor", "tumour"), (r"(?<![a-z])edema", "oedema"), (r"(?<=[a-z])ization", "isation"), (r"(?<=[a-z])ized", "ised"),
    (r"(?<![a-z])pediatric", "paediatric"), (r"(?<=thalass)emia", "aemia"), (r"leukemia", "leukaemia"),
    (r"(?<![a-z])estrogen", "oestrogen"))]


def _with_british(entries: dict) -> dict:
    out = {}
    for canonical, spellings in entries.items():
        seen = list(spellings)
        for sp in spellings:
            v = str(sp)
            for rx, rep in _BRITISH:
                v = rx.sub(rep, v)
            if v != sp and v not in seen:
                seen.append(v)
        out[canonical] = seen
    return out


def build_lexicons(extra: dict) -> Lexicons:
    diseases = read_data("diseases.yaml")
    regs = read_data("regulators.yaml")
    countries = read_data("countries.yaml")
    ends = read_data("endpoints.yaml")
    generic = _merge(diseases.get("generic", {}), extra.get("generic_diseases"))
    specific = _merge(diseases.get("diseases", {}), extra.get("diseases"))
    return Lexicons(
        targets=Matcher(_merge(read_data("targets.yaml"), extra.get("targets"))),
        modalities=Matcher(_merge(read_data("modalities.yaml"), extra.get("modalities"))),
        diseases=Matcher(_with_british({**specific, **generic})),
        generic_diseases=set(generic),
        organizations=Matcher(_merge(read_data("organizations.yaml"), extra.get("organizations"))),
        authorities=Matcher(_merge(regs.get("authorities", {}), extra.get("authorities"))),
        country_authorities=Matcher(regs.get("countries", {})),
        designations=Matcher(_merge(regs.get("designations", {}), extra.get("designations"))),
        countries=Matcher(countries.get("names", {})),
        country_adjectives=Matcher(countries.get("adjectives", {})),
        endpoints=Matcher(_with_british(_merge(ends.get("endpoints", {}), extra.get("endpoints")))),
        events=Matcher(_with_british(_merge(ends.get("events", {}), extra.get("events")))),
        exchanges=countries.get("exchanges", {}),
    )


def load_lexicons(extra: dict | None = None) -> Lexicons:
    """The compiled lexicons, cached; `extra` adds spellings per lexicon.

    `extra` keys: targets, modalities, diseases, generic_diseases,
    organizations, authorities, designations, endpoints, events; each a
    mapping canonical -> list of spellings (a landscape's own vocabulary).
    """
    key = yaml.safe_dump(extra, sort_keys=True) if extra else None
    return _load(key)
