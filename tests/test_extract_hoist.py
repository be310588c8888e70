"""Hoisted patterns (reportgen/extract/hoist.py) match exactly what the patterns they rewrite match.

`hoisted_source` moves a pattern's leading lookbehinds and \\b after its first atom, so that `re` can
skip to the characters a match starts with. Every rewritten pattern is checked against the original on
invented text: the hand-written shapes below, and every hoisted scan of the extractor's gates; with every way the extractor calls a pattern (whole-string and windowed
searches, finditer, match and fullmatch at each position).
"""

from __future__ import annotations

import re

from hypothesis import given, settings, strategies as st

from reportgen.extract.fastre import Gated, gate, hoisted
from reportgen.extract.hoist import hoisted_source

SHAPES = [
    r"(?<![\w\-])([A-Z][A-Za-z0-9]{0,6}[A-Z](?:-[A-Za-z0-9]{1,3}){0,2})(?:™|®)?\s+(?:study|trial)",
    r"(?<!\d)\d{2,3}m?(?!\d)",
    r"(?<=[A-Za-z0-9.])[x×](?=[A-Z])",
    r"(?<![\w\-])(?:we|We|our\s+company|Our\s+firm)(?![\w\-])",
    r"\bthe\s+(?P<name>[A-Z][a-z]+)",
    r"\b(?:patients|subjects)\b",
    r"\b\d+(?:\.\d+)?\s*%",
    r"(?<=[A-Za-z0-9])(?:\(TM\)|\[R\]|®)",
    r"(?<![\w\-/])(?:(?P<code>[A-Z]{2,4}-\d{1,3})|(?P<num>\d[A-Z]{1,2}))(?![\w\-])",
    r"(?<![\w])(?:(?:AB(?:C|D[\s\-]+E)|B7|X(?:Y|Z)))(?![\w])",
    r"\b[A-Z][\w.]*(?:[ \-][A-Z][\w.]*)?-based\b",
    r"(?<![a-z])(?<!\d)[A-Z]+?\d",
    r"\b\s+and\b",
    r"\b,\s",
]
ALPHABET = "aAbBcCdDeEmMpPrRsStTwWxXyYzZ01239-_/.,()[]% \n\t×®™éÉ’"
texts = st.text(alphabet=ALPHABET, max_size=40) | st.lists(
    st.sampled_from(["study", "STUDY", "Trial", "trials", "the study", "test", "team", "phase", "arm", "plan", "ab", "Ab", "bc",
                     "abc", "-x", "\u212a", "\u017f", "the ", "The ", "AB-12 ", "ABD E", "we ", "our company", "Our firm", "patients", "B7", "XY",
                     "12m", "3.5 %", "x", "×", "Q", "(TM)", "[R]", "®", "-based ", "Lumen", "study", "trial", " ", "-",
                     "and", ",", "7A", "XYZ"]), max_size=12).map("".join)


def _same(a: re.Pattern, b: re.Pattern, text: str, pos: int, width: int) -> None:
    def key(m):
        return m and (m.span(), m.groups(), m.groupdict(), m.lastgroup)

    assert [key(m) for m in a.finditer(text)] == [key(m) for m in b.finditer(text)]
    assert key(a.search(text)) == key(b.search(text))
    assert key(a.search(text, pos)) == key(b.search(text, pos))
    assert key(a.search(text, pos, pos + width)) == key(b.search(text, pos, pos + width))
    assert [key(m) for m in a.finditer(text, pos, pos + width)] == [key(m) for m in b.finditer(text, pos, pos + width)]
    for i in range(len(text) + 1):
        assert key(a.match(text, i)) == key(b.match(text, i))
        assert key(a.fullmatch(text, i)) == key(b.fullmatch(text, i))


# long alternations regrouped by their first character (case-insensitive ones too)
GROUPED = [
    (r"\b(?:study|trial|stage|test|the\s+study|phase|plan|part|arm|trials)\b", re.I),
    (r"(?<![\w\-])(?:Study|study|STUDY|trial|Trial|tests|test|team|the|The)(?![\w\-])", 0),
    (r"(?:ab|Ab|aB|b|bc|a|abc|\-x|\-|x)(?:c|$)", re.I),
    (r"(?:ab|Ab|aB|b|bc|a|abc|\-x|\-|x)(?:c|$)", 0),
]


def _hoisted_pairs() -> list[tuple[str, re.Pattern, re.Pattern]]:
    out = []
    for src, flags in [(src, 0) for src in SHAPES] + GROUPED:
        new = hoisted_source(src, flags)
        if new is not None:
            out.append((src, re.compile(src, flags), re.compile(new, flags)))
    return out


PAIRS = _hoisted_pairs()


def test_the_shapes_are_rewritten_as_documented():
    assert hoisted_source(r"(?<![\w\-])([A-Z][a-z]+)", 0) == r"([A-Z](?<!(?:[\w\-])[A-Z])[a-z]+)"
    assert hoisted_source(r"\b(?:we|our)\s", 0) == r"(?:we(?<!\wwe)|our(?<!\wour))\s"
    assert hoisted_source(r"(?<!\d)\d{2,3}", 0) == r"\d(?<!(?:\d)\d)\d{1,2}"
    assert hoisted_source(r"\b\d+x", 0) == r"\d(?<!\w\d)\d*x"
    assert hoisted_source(r"\b\s+and", 0) == r"\s(?<=\w\s)\s*and"  # \b before a non-word character
    assert hoisted_source(r"(?:ab|cd|Ae|ax|cq|zz)", re.I) == r"(?:a(?:b|e|x)|c(?:d|q)|zz)"
    assert hoisted_source(r"(?:ab|cd|ae|ax|cq|zz)", 0) == r"(?:a(?:b|e|x)|c(?:d|q)|zz)"
    assert hoisted_source(r"(?:ab|cd|éa|ax|cq|zz)", re.I) is None  # a non-ASCII cased first character
    assert hoisted_source(r"(?:ab|[cd]x|ae|ax|cq|zz)", 0) is None  # an alternative opening on a class
    assert len(PAIRS) >= 15


def test_what_is_not_recognised_is_left_alone():
    for src, flags in [
        (r"(?<![\w\-])[A-Z][a-z]+", re.I),  # case-insensitive (nothing to regroup)
        (r"(?<![A-Za-z])[A-Za-z]{5,}", 0),  # nearly every character could start a match
        (r"(?<![\w\-])(?:[A-Z]x)+", 0),  # a quantified group
        (r"(?<![\w\-])[A-Z]?x", 0),  # an atom that may be absent
        (r"(?=[A-Z])(?<!\w)[A-Z]", 0),  # a lookahead first
        (r"\b[\w.]+", 0),  # \b before word and non-word characters
        (r"[A-Z]\d", 0),  # nothing to move
        (r"^\s*[A-Z]", re.M),
    ]:
        assert hoisted_source(src, flags) is None, src
    rx = re.compile(r"[A-Z]\d")
    assert hoisted(rx) is rx and gate(rx) is rx


def test_a_gate_without_heads_scans_with_the_hoisted_pattern():
    g = gate(re.compile(r"(?<![\w\-])([A-Z][a-z]+)(?:™|®)?\s+(?:trial|study)"))
    assert isinstance(g, Gated) and g.scan is not g.rx and g.rx.pattern.startswith("(?<!")
    assert [m.span() for m in g.finditer("the Lumen trial and Nova study")] == [(4, 15), (20, 30)]


@settings(max_examples=400, deadline=None)
@given(texts, st.integers(0, 12), st.integers(0, 30))
def test_hoisted_shapes_match_what_the_originals_match(text, pos, width):
    for src, old, new in PAIRS:
        _same(old, new, text, pos, width)


def _extractor_hoisted() -> list[tuple[str, re.Pattern, re.Pattern]]:
    import gc

    from reportgen.extract import extract_facts
    from reportgen.sources import Document

    extract_facts(Document(id="d", text="Acme Bio announced that ZX-101 met its primary endpoint in the LUMEN-2 trial.", sha256="0" * 64))
    out = [(g.pattern, g.rx, g.scan) for g in gc.get_objects() if isinstance(g, Gated) and g.scan is not g.rx]
    # and every pattern hoisted anywhere (the module-level scans wrapped in fastre.hoisted): the analyses
    # remember each original with its rewritten form
    from reportgen import regex_cache

    for (kind, src, flags), found in sorted(regex_cache.ANALYSES.items(), key=lambda kv: (kv[0][0], kv[0][1], kv[0][2])):
        if kind == "hoist" and found:
            out.append((src, re.compile(src, flags), re.compile(found[0][0], flags)))
    return out


@settings(max_examples=150, deadline=None)
@given(texts, st.integers(0, 12), st.integers(0, 30))
def test_the_extractors_hoisted_scans_match_what_their_patterns_match(text, pos, width):
    found = _EXTRACTOR
    assert len(found) >= 15
    assert any("we|We" in src for src, _, _ in found) and any(r"\d{2,3}m?" in src for src, _, _ in found)
    for src, old, new in found:
        _same(old, new, text, pos, width)


_EXTRACTOR = _extractor_hoisted()
