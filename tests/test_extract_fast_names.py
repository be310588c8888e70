"""Fast paths of name finding and fact construction pinned against the plain code they replace.

Each is a pure performance change: the same matches (or the same object) as the regex or the pydantic
call it stands for, on invented text drawn from the words the patterns look for.
"""

from __future__ import annotations

import re

from hypothesis import given, settings, strategies as st

from reportgen.extract import aliases, shapes, target_shapes
from reportgen.extract.fastre import Gated
from reportgen.extract.lexicon import read_data
from reportgen.facts import Evidence, Fact, plain

_ROLE_AFTER = read_data("shapes.yaml").get("org_role_after", [])
_LINK_CUES = read_data("aliases.yaml")["link_cues"]
WORDS = sorted(set(_ROLE_AFTER) | set(_LINK_CUES) | {
    "Quorvex", "Zentavo Bio", "ZX-101", "velnotamab", "inhibitor", "targeting", "TYK9", "the", "and", "company",
    "deal with", "partner", "’s", "'s", "’", "'", "s", "(", ")", ",", ":", "®", "\u0130", "\u017f",
})
texts = st.lists(st.tuples(st.sampled_from(WORDS), st.booleans(), st.sampled_from([" ", "", "  ", "\n", ", "])),
                 max_size=16).map(lambda xs: "".join((w.upper() if up else w) + sep for w, up, sep in xs))


def _spans(it) -> list:
    return [(m.span(), m.groups()) for m in it]


@settings(max_examples=400, deadline=None)
@given(texts)
def test_owner_mark_led_cue_starts_are_the_patterns_own(text):
    led = shapes._org_roles()[0][0]
    assert isinstance(led, shapes._ApostropheLed)
    assert led.starts(text) == [m.start() for m in led.rx.finditer(text)]


def test_owner_mark_led_cue_reads_the_mark_back():
    led = shapes._ApostropheLed(re.compile(r"(?:’s?|'s?)?[ ](?:said|says)\b"))
    text = "Quorvex said; Quorvex’s says; Zentavo' said; Acme's  said x’ssaid"
    assert led.starts(text) == [m.start() for m in led.rx.finditer(text)] == [7, 21, 37, 52]


_GATES = {
    "aliases.cue_before": aliases._cue_before(),
    "target_shapes.cue": target_shapes._compiled()[0],
    "shapes.org_role_before": shapes._org_roles()[1],
}


def test_the_name_scans_are_gated():
    assert all(isinstance(g, Gated) for g in _GATES.values())


@settings(max_examples=300, deadline=None)
@given(texts, st.integers(0, 30), st.integers(0, 80))
def test_gated_name_scans_find_what_their_regexes_find(text, pos, width):
    for label, g in _GATES.items():
        assert _spans(g.finditer(text)) == _spans(g.rx.finditer(text)), label
        got, want = g.search(text, pos, pos + width), g.rx.search(text, pos, pos + width)
        assert (got and (got.span(), got.groups())) == (want and (want.span(), want.groups())), label


def _state(model) -> tuple:
    """Everything model_construct sets on an instance, in order."""
    return (type(model), list(model.__dict__.items()), model.__pydantic_fields_set__, model.__pydantic_extra__,
            model.__pydantic_private__)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=40), st.integers(0, 40), st.integers(0, 40), st.text(min_size=1, max_size=12),
       st.one_of(st.none(), st.floats(0, 1)))
def test_trusted_facts_are_what_model_construct_builds(text, a, b, subject, score):
    s, e = min(a, b, len(text)), min(max(a, b), len(text))
    ev = Evidence.extracted("d.txt", text, s, e)
    assert _state(ev) == _state(Evidence.model_construct(doc="d.txt", start=s, end=e, quote=text[s:e]))
    fact = Fact.extracted(subject, "indication", "multiple myeloma", ev, score=score)
    kw = {} if score is None else {"score": score}
    want = Fact.model_construct(subject=subject, predicate="indication", object="multiple myeloma", evidence=ev, **kw)
    assert _state(fact) == _state(want)
    assert fact.model_dump_json() == want.model_dump_json() and fact == want and fact.score == score
    assert plain(fact.object) == "multiple myeloma"


# --- scans run only around their anchors (anchored.py) ------------------------------------------------

from reportgen.extract import names  # noqa: E402
from reportgen.extract.anchored import Anchored, reach  # noqa: E402

CODE_WORDS = ["ZX-101", "AB12", "ab-cel", "velo-cel", "Xy-cell", "HiCM-188", "T-DM1", "SHR-A1921", "Q-1", "A-", "-",
              "1", "12", "2025", "x", "AB", "CD19", "/", ".", "-cel", "cel", "l", "Zq", "nk-cel", "ZZZZZZZZ", "é"]
code_texts = st.lists(st.tuples(st.sampled_from(CODE_WORDS), st.sampled_from(["", " ", "-", ".", "\n", "/"])),
                      max_size=14).map(lambda xs: "".join(w + sep for w, sep in xs))


@settings(max_examples=500, deadline=None)
@given(code_texts)
def test_anchored_name_scans_find_what_their_regexes_find(text):
    for label, a in (("CODE_RE", names.CODE_RE), ("SHORT_CEL_RE", names.SHORT_CEL_RE)):
        assert isinstance(a, Anchored), label
        assert _spans(a.finditer(text)) == _spans(a.rx.finditer(text)), label
        got, want = a.search(text), a.rx.search(text)
        assert (got and got.span()) == (want and want.span()), label


def test_reach_bounds_what_a_match_can_read_and_refuses_unbounded_patterns():
    assert reach(re.compile(r"ab(?=cd)")) == 2 + 2 + 3
    assert reach(re.compile(r"[A-Z]{2,6}(?![\w])")) == 6 + 1 + 3
    for unbounded in (r"a+", r"a*b", r"(a)\1", r"(?=x)"):
        try:
            reach(re.compile(unbounded))
        except ValueError:
            continue
        raise AssertionError(unbounded)


def test_an_anchor_far_from_a_long_match_is_not_cut_short():
    # the anchor (letter before digit) sits 8 characters into the match; the match is found whole
    rx = re.compile(r"(?<![\w\-./])(?=[A-Za-z\-]{1,9}\d)[A-Za-z\-]{1,9}\d{2,7}(?![\w])")
    a = Anchored(rx, re.compile(r"[A-Za-z\-]\d"), 8)
    text = "see ABCDEFGHI1234567 and x-12, not 12AB3"
    assert _spans(a.finditer(text)) == _spans(rx.finditer(text)) == [((4, 20), ()), ((25, 29), ())]


from reportgen.extract.anchored import NameLed  # noqa: E402

LED_WORDS = ["Zentova", "ZX-101", "Ab-Cd", "Ab-", "x", "Q_1", "é", "®", "™", "[®]", "[™]", "(R)", "(R)&", ",", ", from",
             "from", "the", ", developed by", "marketed by", "by", "-", "Kelvin\u212a", "\u0130x", "\u00a0", "\t", ""]
led_texts = st.lists(st.tuples(st.sampled_from(LED_WORDS), st.sampled_from(["", " ", "  ", "\n", "-", ", "])),
                     max_size=16).map(lambda xs: "".join(w + sep for w, sep in xs))


@settings(max_examples=500, deadline=None)
@given(led_texts)
def test_names_found_from_their_tails_are_what_the_regexes_find(text):
    c = shapes._compiled()
    for label, led in (("BRAND_RE", names.BRAND_RE), ("appos_from", c["appos_from"]), ("appos_by", c["appos_by"])):
        assert isinstance(led, NameLed), label
        assert _spans(led.finditer(text)) == _spans(led.rx.finditer(text)), label


def test_overlapping_name_matches_are_left_to_the_regex():
    # a tail inside the previous match: the rest is the regex's own scan
    rx = re.compile(r"(?<![\w\-])([A-Z][a-z]*),(?:\s+[A-Z][a-z]*,)?")
    led = NameLed(rx, re.compile(","))
    text = "Abc, Def, Ghi, x"
    assert _spans(led.finditer(text)) == _spans(rx.finditer(text))


from reportgen.extract.anchored import SentenceLed  # noqa: E402

OPEN_WORDS = ["Quorvex", "Zentova Bio", "ZX-101", "iPharma", "Today", "today", "announced", "Announces", "reported",
              "unveils", "is", "is a", "is an", "is the first", "antibody", "(NASDAQ: QRV)", "(a b)", ", also QX,", ".",
              "!", "?", "\n", "\t", " ", "\u00a0", "the", "®", "a"]
open_texts = st.lists(st.tuples(st.sampled_from(OPEN_WORDS), st.sampled_from(["", " ", "  ", "\n", ". ", "\n "])),
                      max_size=16).map(lambda xs: "".join(w + sep for w, sep in xs))


@settings(max_examples=500, deadline=None)
@given(open_texts)
def test_scans_tried_at_sentence_openings_find_what_their_regexes_find(text):
    for label, led in (("ANNOUNCER_RE", names.ANNOUNCER_RE), ("copula", shapes._compiled()["copula"])):
        assert isinstance(led, SentenceLed) and led.gate is not None, label
        assert _spans(led.finditer(text)) == _spans(led.rx.finditer(text)), label


from reportgen.extract.anchored import WordsLed  # noqa: E402

ORG_WORDS = ["Quorvex", "Zentova Bio", "iPharma", "ACME", "x", "of", "Inc.", "’s", "'", ".", "&", "-", "Co-Op", "_u",
             ", a", ", an", ", a clinical-stage", "biotechnology company", "company", "firm", "drug maker", "subsidiary",
             ", a company", "\t", "é"]
org_texts = st.lists(st.tuples(st.sampled_from(ORG_WORDS), st.sampled_from(["", " ", "  ", "\t", "\n", ", "])),
                     max_size=16).map(lambda xs: "".join(w + sep for w, sep in xs))


@settings(max_examples=500, deadline=None)
@given(org_texts)
def test_organizations_found_before_their_tails_are_what_the_regex_finds(text):
    led = names.APPOS_ORG_RE
    assert isinstance(led, WordsLed)
    assert _spans(led.finditer(text)) == _spans(led.rx.finditer(text))


def test_the_farthest_word_that_can_start_a_name_starts_it():
    text = "said Quorvex Zentova Bio Labs, a company. Then x.Acme, a firm"
    led = names.APPOS_ORG_RE
    assert _spans(led.finditer(text)) == _spans(led.rx.finditer(text))
    assert [m.group(1) for m in led.finditer(text)] == ["Quorvex Zentova Bio Labs"]


def test_lexicon_trie_strings_are_kept_for_the_next_process():
    import hashlib
    import json

    from reportgen import regex_cache
    from reportgen.extract import lexicon
    from reportgen.extract.fastre import trie_pattern

    spellings = [("Q", "r", "x"), ("Q", "r", "v"), ("Z", r"[\s\-]+", "b")]
    key = ("trie", hashlib.sha256(json.dumps(spellings, separators=(",", ":")).encode()).hexdigest(), 0)
    regex_cache.ANALYSES.pop(key, None)
    assert lexicon._trie_string(spellings) == trie_pattern(spellings) == regex_cache.ANALYSES[key]
    regex_cache.ANALYSES[key] = "(?:stored)"  # what a prepared file gave is what is used
    try:
        assert lexicon._trie_string(spellings) == "(?:stored)"
    finally:
        regex_cache.ANALYSES.pop(key, None)


def test_make_object_checks_once_and_still_refuses():
    """make_object asks `problem` itself and tells the validator so (facts._CHECKED); what it builds equals the
    validating constructor's object, and a bad object is refused by both, each with its own message."""
    import pytest

    from reportgen.facts import Efficacy, Regulatory, make_object

    good = {"endpoint": "ORR", "value": 45, "unit": "%"}
    assert make_object("efficacy", good) == Efficacy.model_validate(good)
    assert make_object("regulatory", {"authority": "FDA", "action": "approval"}) == \
        Regulatory.model_validate({"authority": "FDA", "action": "approval"})
    bad = {"endpoint": "ORR", "value": "many", "unit": "%"}
    with pytest.raises(ValueError, match="value must be a number"):
        make_object("efficacy", bad)
    with pytest.raises(ValueError, match="value must be a number"):
        Efficacy.model_validate(bad)  # without make_object's context the validator asks `problem` itself
