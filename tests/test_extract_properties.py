"""Property tests: arbitrary and adversarial text never breaks the extractor or its spans."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reportgen.extract import extract_facts, split_sentences
from reportgen.facts import Fact
from reportgen.sources import Document

FRAGMENTS = [
    "Zorbatec Bio, Inc.", "(\"Zorbatec\")", "ZT-101", "zorbacabtagene autoleucel", "VELORA®", "[®]", "anti-CD19",
    "CAR-T", "FDA", "approved", "Phase 1/2", "NCT01234567", "ORR was", "96%", "grade ≥ 3", "CRS", "(", ")", "((",
    "R&D code:", "U.S.", "Dr.", "vs.", "\n", "- ", "“", "”", "99999999999999999999%", "1e308", "’s", "its",
    "multiple myeloma (MM)", "Breakthrough Therapy designation", "in China and the U.S.", "\u200b", "🧬", "Ⅱ",
]


def check(text: str) -> None:
    facts = extract_facts(Document(id="x.txt", text=text, sha256="0" * 64))
    for f in facts:
        assert text[f.evidence.start:f.evidence.end] == f.evidence.quote
        assert 0 <= f.evidence.start <= f.evidence.end <= len(text)
        # the extractor's fast constructor (Fact.extracted) builds what validation would build
        assert Fact.model_validate(f.model_dump()) == f
        assert Fact.model_validate(f.model_dump()).to_json() == f.to_json()
    for s, e in split_sentences(text):
        assert 0 <= s < e <= len(text)


SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(st.text(max_size=400))
def test_random_unicode(text):
    check(text)


@SETTINGS
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=60).map(" ".join))
def test_press_release_fragments(text):
    check(text)


@SETTINGS
@given(st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=20)), max_size=40).map("".join))
def test_fragments_without_spaces(text):
    check(text)


@settings(max_examples=20, deadline=None)
@given(st.integers(min_value=1_000, max_value=20_000))
def test_very_long_tokens_and_unbalanced_parentheses(n):
    check("A" * n + " (" * 50 + "ZT-" + "9" * n + " was approved by the FDA (" + "x" * n)


LONG_PIECES = ["e.g. ", "x. ", "Dr. ", "U.S. ", "word ", "a.b ", "   ", "|", "“Q.” ", "1.5% ", ". . ", "A. "]


@given(st.lists(st.sampled_from(LONG_PIECES), min_size=1, max_size=40), st.integers(min_value=50, max_value=400))
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_sentences_on_long_single_lines_are_ordered_disjoint_and_trimmed(pieces, repeat):
    """A one-line source of any shape (no newline at all) still splits into ordered, disjoint,
    trimmed spans (the splitter is linear in length: bench/sentence_speed.py times it)."""
    text = "".join(pieces) * repeat
    spans = split_sentences(text)
    last = 0
    for s, e in spans:
        assert last <= s < e <= len(text)
        assert not text[s].isspace() and not text[e - 1].isspace()
        last = e
