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
