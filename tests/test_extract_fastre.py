"""The literal gates (reportgen/extract/fastre.py) find exactly what their regexes find.

A gate only skips the regex where none of its needles occurs, so every gated
pattern of the extractor is checked against its own ungated regex on invented
text built from its needles, look-alike words and the characters that
IGNORECASE folds unlike str.lower().
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings, strategies as st

from reportgen.extract import mesh_mentions, names, partners, references, relations, shapes, trials
from reportgen.extract.fastre import Gated, WordGated, gate, needles
from reportgen.extract.guards import load_guards


def _gated() -> list[tuple[str, Gated]]:
    out = []
    for mod in (names, relations, trials):
        for key, value in sorted(vars(mod).items()):
            if isinstance(value, Gated):
                out.append((f"{mod.__name__.rsplit('.', 1)[-1]}.{key}", value))
    for key, value in sorted(vars(load_guards()).items()):
        if isinstance(value, Gated):
            out.append((f"guards.{key}", value))
    for key, value in sorted(vars(references.load_cues()).items()):
        if isinstance(value, Gated):
            out.append((f"references.{key}", value))
    out += [(f"partners.{key}", value) for key, value in sorted(partners._cues().items())]
    out.append(("mesh_mentions.cue", mesh_mentions._config()[0]))
    out.append(("relations.prior_any", relations.prior_any()))
    out += [(f"shapes.{key}", value) for key, value in sorted(shapes._compiled().items()) if isinstance(value, Gated)]
    out.append(("shapes.BASED_ORG_RE", shapes.BASED_ORG_RE))
    return out


GATED = _gated()
WORDS = sorted({n for _, g in GATED for n in g.needles} | {
    "The", "the", "study", "Phase 2", "FDA", "Inc.", "(", ")", ",", ".", ";", ":", "“", "”", "’s", "-", "®",
    "Acme", "Quorvex Therapeutics", "ZX-101", "2025", "45%", "months", "patients", "with", "and", "in",
})
# IGNORECASE folds these onto ASCII letters; str.lower() does not
ODD = ["\u0130", "\u0131", "\u017f", "\u212a", "ß", "É"]


def _text(draw_words: list[str], upper: list[bool], seps: list[str]) -> str:
    parts = []
    for word, up, sep in zip(draw_words, upper, seps):
        parts.append((word.upper() if up else word) + sep)
    return "".join(parts)


texts = st.builds(
    _text,
    st.lists(st.sampled_from(WORDS + ODD), min_size=0, max_size=14),
    st.lists(st.booleans(), min_size=14, max_size=14),
    st.lists(st.sampled_from([" ", " ", "", "\n", "-", "  "]), min_size=14, max_size=14),
)


def _spans(it) -> list:
    return [(m.span(), m.groups()) for m in it]


def test_the_extractor_gates_its_scanning_regexes():
    assert len(GATED) >= 40
    assert isinstance(names.INN_RE, WordGated)


@settings(max_examples=300, deadline=None)
@given(texts, st.integers(0, 5), st.integers(0, 40))
def test_every_gate_finds_what_its_regex_finds(text, pos, width):
    for label, g in GATED:
        rx = g.rx
        got, want = g.search(text), rx.search(text)
        assert (got and (got.span(), got.groups())) == (want and (want.span(), want.groups())), label
        assert _spans(g.finditer(text)) == _spans(rx.finditer(text)), label
        end = pos + width
        got, want = g.search(text, pos, end), rx.search(text, pos, end)
        assert (got and got.span()) == (want and want.span()), label


def test_needles_are_what_every_match_must_contain():
    assert needles(re.compile(r"\b(?:announce[sd]?|said)\b", re.I)) == (("announce", "said"), True)
    assert needles(re.compile(r"R&D code\s*:")) == (("R&D code",), False)
    # a case-insensitive group inside a case-sensitive pattern folds the needles
    assert needles(re.compile(r"Study\s+(?i:No\.)"))[1] is True
    # an optional part, a class or a lookaround gives no needle
    assert needles(re.compile(r"(?:abc)?\d+")) is None
    assert needles(re.compile(r"(?=study)\w+")) is None
    assert needles(re.compile(r"[A-Z]{2,6}-\d+")) is None


def test_a_pattern_without_needles_is_left_as_it_is():
    rx = re.compile(r"[A-Z]\d+")
    assert gate(rx) is rx


@pytest.mark.parametrize("text", ["ſaid so", "İND filed", "The ıNDication", "KEY notes", "nothing here"])
def test_folded_gates_never_skip_what_ignorecase_would_match(text):
    for word in ("said", "ind", "key"):
        rx = re.compile(rf"\b{word}\b", re.I)
        g = gate(rx)
        assert isinstance(g, Gated)
        assert (g.search(text) and g.search(text).span()) == (rx.search(text) and rx.search(text).span())


stems = st.sampled_from(list(names.INN_RE.endings) + ["gene", "leucel", "able", "tion"])
words = st.builds(lambda a, b, c: a + b + c, st.sampled_from(["", "Ab", "cilta", "Zorb", "tisa", "x"]),
                  st.sampled_from(["", "cabta", "ima", "olu", "rel"]), stems)
inn_text = st.lists(st.one_of(words, st.sampled_from([" ", ", ", "-cqyv", " autoleucel", " vedotin", "-X",
                                                       " neparvovec", "(", ")", "é", "1", "-", "_", "ß"])),
                    max_size=12).map("".join)


@settings(max_examples=400, deadline=None)
@given(inn_text)
def test_inn_shapes_are_found_where_the_whole_regex_finds_them(text):
    raw = names.INN_RE.rx
    assert _spans(names.INN_RE.finditer(text)) == _spans(raw.finditer(text))
    got, want = names.INN_RE.search(text), raw.search(text)
    assert (got and got.span()) == (want and want.span())


@settings(max_examples=300, deadline=None)
@given(texts)
def test_one_prior_pass_starts_where_the_earlier_of_the_two_prior_regexes_starts(text):
    starts = [m.start() for m in (relations.PRIOR_RE.rx.search(text), load_guards().prior.rx.search(text)) if m]
    m = relations.prior_any().search(text)
    assert (m and m.start()) == (min(starts) if starts else None)
    blocked, _ = relations._regions(text, 7)
    assert (min(starts) + 7 in [a for a, _ in blocked]) if starts else True


def test_a_needle_holding_another_is_dropped():
    assert needles(re.compile(r"\b(?:submit|submitted|resubmitting)\b")) == (("submit",), False)


def test_a_remembered_search_answers_only_the_same_string_and_bounds():
    g = gate(re.compile(r"\bsaid\b", re.I))
    a, b = "He said so.", "Nothing here, he SAID."
    assert g.search(a).span() == g.search(a).span() == (3, 7)
    assert g.search(a, 5) is None and g.search(a).span() == (3, 7)
    assert g.search(b).span() == (17, 21) and g.search(a[:]).span() == (3, 7)


name_words = st.lists(st.sampled_from(["ZX", "ZX-1", "ZX-12", "Acme", "Acme Bio", "AB", "ab", "é1", "X_", "-", "Q’s"]),
                      min_size=1, max_size=6, unique=True)
name_text = st.lists(st.sampled_from(["ZX", "-1", "-12", "Acme", " Bio", "AB", "ab", "é", "1", "_", "-", "’s", "’sa",
                                      "®", " ", ", ", "\n", "Q"]), max_size=20).map("".join)


@settings(max_examples=400, deadline=None)
@given(name_words, name_text)
def test_the_name_scans_find_what_their_alternations_find(words, text):
    order = sorted(words, key=len, reverse=True)
    alt = "|".join(re.escape(w) for w in order)
    for tail, end_ok in ((r"(?![\w]|-\w)", names._asset_end), (r"(?![\w\-]|’s\w|®)", names._short_end)):
        want = [(m.span(), m.group(0)) for m in re.finditer(rf"(?<![\w\-])(?:{alt}){tail}", text)]
        got = [(m.span(), m.group(0)) for m in names._literals(order, text, names._free_before, end_ok)]
        assert got == want


def test_heads_are_the_literals_every_match_starts_with():
    from reportgen.extract.fastre import heads

    assert heads(re.compile(r"\b(?:who|that)\s+received|\bprior\s+therapy", re.I)) == (("prior", "that", "who"), True)
    # lookarounds and anchors consume nothing: the head is what follows them
    assert heads(re.compile(r"(?<![\w\-])(?:Inc\.|Ltd)")) == (("Inc.", "Ltd"), False)
    # a head that starts with another adds no start place
    assert heads(re.compile(r"\b(?:report|reported|reports)\b")) == (("report",), False)
    # an optional opening, a class or a one-letter opening gives no heads
    assert heads(re.compile(r"(?:the\s+)?study")) is None
    assert heads(re.compile(r"[A-Z]{2}\d+")) is None
    assert heads(re.compile(r"a\s+study|the\s+trial")) is None


head_text = st.lists(st.sampled_from(["that", "who", "THAT", "prior", "Prior", "received", "therapy", " ", "  ", "\n",
                                      "ſ", "İ", "x", "-", "thatthat", "prio"]), max_size=16).map("".join)


@settings(max_examples=400, deadline=None)
@given(head_text, st.integers(0, 8), st.one_of(st.none(), st.integers(0, 60)))
def test_a_search_tried_only_at_heads_is_the_regexs_own(text, pos, end):
    rx = re.compile(r"\b(?:who|that)\s+(?:have\s+)?received|\bprior\s+therapy|\bthat\b", re.I)
    g = gate(rx)
    assert g.heads
    args = (pos,) if end is None else (pos, end)
    got, want = g.search(text, *args), rx.search(text, *args)
    assert (got and got.span()) == (want and want.span())
    assert _spans(g.finditer(text, *args)) == _spans(rx.finditer(text, *args))


def _lexicon_words() -> list[str]:
    from reportgen.extract import load_lexicons

    lex = load_lexicons()
    out = set()
    for name in lex.NAMES:
        for key in list(getattr(lex, name).folded)[:40]:
            out.add(key)
    return sorted(out)


LEX_WORDS = _lexicon_words()
lex_text = st.lists(st.one_of(st.sampled_from(LEX_WORDS), st.sampled_from(LEX_WORDS).map(str.upper),
                              st.sampled_from(LEX_WORDS).map(str.title),
                              st.sampled_from([" ", "-", "’", "“", "®", "é", "É", "ß", "ſ", "\u212a", "İ", "ı", "Σ",
                                               "ς", "ǅ", "µ", "x", "1", "_", "\n"])), max_size=12).map("".join)


@settings(max_examples=300, deadline=None)
@given(lex_text)
def test_the_lowered_lexicon_pass_finds_what_the_ignorecase_trie_finds(text):
    from reportgen.extract import load_lexicons

    lex = load_lexicons()
    lex.scan("")  # builds the combined tries
    for rx, low in zip(lex._combined, lex._lowered):
        if low is None:
            continue
        lowered = low.text_for(text)
        if lowered is None:
            continue
        assert len(lowered) == len(text)
        assert [m.span() for m in low.rx.finditer(lowered)] == [m.span() for m in rx.finditer(text)]


@settings(max_examples=400, deadline=None)
@given(inn_text, st.integers(0, 12))
def test_inn_words_found_from_their_endings_are_the_words_the_word_scan_visits(text, pos):
    raw = names.INN_RE.rx
    visiting = WordGated(raw, names.INN_RE.word, names.INN_RE.endings)  # every word of the text tried
    assert names.INN_RE.min_letters == 5
    assert _spans(names.INN_RE.finditer(text, pos)) == _spans(visiting.finditer(text, pos)) == _spans(raw.finditer(text, pos))
