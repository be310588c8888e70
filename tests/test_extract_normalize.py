"""The normalize stage alone: what it reads differently, and that offsets still point into the original."""

from __future__ import annotations

from hypothesis import given, settings, strategies as st

from reportgen.extract.normalize import normalize, wrap_width

WRAPPED = (
    "Zentova Therapeutics Announces First Patient Dosed\n"
    "\n"
    "BOSTON, June 2, 2026 -- Zentova Therapeutics today announced that the first patient\n"
    "has been dosed in the Phase 1b/2 study of ZT-118, an investigational antibody-drug\n"
    "conjugate targeting a novel tumor antigen in patients with advanced solid tumors.\n"
    "The study will enroll approximately 120 patients across sites in the United States\n"
    "and Europe, and its primary endpoint is the objective response rate assessed by the\n"
    "investigators at twelve weeks after the first dose of the study drug in each cohort.\n"
    "- Bullet item one\n"
    "- Bullet item two\n"
)


def test_wrapped_paragraph_lines_are_joined_as_spaces():
    n = normalize(WRAPPED)
    assert n.identity and len(n.text) == len(WRAPPED)
    assert "first patient has been dosed" in n.text
    assert "antibody-drug conjugate" in n.text
    assert "United States and Europe" in n.text


def test_headings_sentence_ends_and_bullets_keep_their_breaks():
    n = normalize(WRAPPED)
    assert "Dosed\n" in n.text  # a heading: the next line is blank
    assert "solid tumors.\nThe study" in n.text  # a sentence end
    assert "each cohort.\n- Bullet" in n.text and "one\n- Bullet" in n.text


def test_a_lower_case_next_line_is_joined_even_when_not_wrapped():
    text = "Short heading\nThe drug was approved for adults\nwith moderate disease.\nNext Heading\n"
    n = normalize(text)
    assert "adults with moderate" in n.text
    assert "Short heading\nThe drug" in n.text  # upper case after a short line: a new line


def test_unwrapped_paragraphs_are_left_alone():
    para = "Zentova Therapeutics today announced results. " * 6
    text = f"Title Of The Release\n{para}\n{para}\nAbout Zentova\n{para}\n"
    assert normalize(text).text == text
    assert wrap_width([len(x) for x in text.splitlines() if x]) is None


def test_question_marks_standing_for_apostrophes_quotes_and_marks():
    text = "The company?s lead asset, ?Velora?, is Velorix? (velotamab) and we?re pleased. Is it safe?\n"
    n = normalize(text)
    assert n.text == "The company’s lead asset, “Velora”, is Velorix™ (velotamab) and we’re pleased. Is it safe?\n"
    assert n.identity


def test_a_real_question_mark_stays():
    text = "What does this mean for patients? The answer is clear.\n"
    assert normalize(text).text == text


def test_spelled_out_marks_map_back_to_the_original():
    text = "Velorix(TM) (velotamab) is approved. Brand(R) too.\n"
    n = normalize(text)
    assert n.text == "Velorix™ (velotamab) is approved. Brand® too.\n"
    assert not n.identity
    s = n.text.index("(velotamab)")
    os_, oe = n.span(s, s + len("(velotamab)"))
    assert text[os_:oe] == "(velotamab)"
    # a span over the mark takes the whole spelling in the original
    s, e = n.span(0, n.text.index(" (velotamab)"))
    assert text[s:e] == "Velorix(TM)"
    whole = n.span(0, len(n.text))
    assert whole == (0, len(text))


def test_crlf_breaks_are_joined_with_the_same_length():
    text = "The antibody was granted\r\nFast Track designation by the agency, and\r\ndosing continues.\r\n"
    n = normalize(text)
    assert n.identity and len(n.text) == len(text)
    assert "and  dosing" in n.text and "granted\r\nFast" in n.text


ALPHABET = st.sampled_from(list("ab Z?\n\r.-(TMR)[]’") + ["(TM)", "(R)", "?s ", " ?x? "])


@settings(max_examples=200, deadline=None)
@given(st.lists(ALPHABET, max_size=60).map("".join))
def test_every_span_maps_into_the_original_in_order(text):
    n = normalize(text)
    assert len(n.text) == len(n.text)  # built
    if n.identity:
        assert len(n.text) == len(text)
        return
    prev = 0
    for i in range(len(n.text)):
        s, e = n.span(i, i + 1)
        assert prev <= s < e <= len(text)
        prev = s
    assert n.span(0, len(n.text)) == (0, len(text))
