"""Results and safety figures written around a count of patients (reportgen/extract/counts.py, relations.py
`_results`), pinned by invented sentences. No name here is real."""

from __future__ import annotations

import pytest

from reportgen.extract.counts import count_before, count_rate, graded_parts, marker_changes, responders

from readings_support import stated_figures

CELL = "Quarnix Bio announced results for Quarnicel, a CAR-T cell therapy, in lymphoma. "
MAB = "Velmora Inc. announced results for Velmorumab, a monoclonal antibody, in hyperlipidemia. "


def cell(text: str, predicate: str = "efficacy") -> set[tuple[str, float]]:
    return stated_figures(CELL + text, predicate, "Quarnicel")


@pytest.mark.parametrize("sentence, expected", [
    ("Overall, 24 patients (55.8%) had a response.", ("ORR", 55.8)),
    ("Twenty of the 22 patients (90.9%) had a response.", ("ORR", 90.9)),
    ("Of 30 patients, 27 (90%) responded to Quarnicel.", ("ORR", 90.0)),
    ("In total, 14 of 20 evaluable patients (70%) achieved an objective response.", ("ORR", 70.0)),
])
def test_a_count_of_responders_with_its_rate_is_the_response_rate(sentence, expected):
    assert expected in cell(sentence)


@pytest.mark.parametrize("sentence, expected", [
    ("Nine of 12 patients (75%) achieved a complete response.", {("CR", 75.0)}),
    ("Eight patients achieved a complete response.", {("CR", 8.0)}),
    ("To date, three patients across all dose levels have achieved complete responses.", {("CR", 3.0)}),
    ("By week eight, one patient achieved a complete response, three patients reached a very good partial "
     "response, and one patient reached a partial response.", {("CR", 1.0), ("VGPR", 3.0), ("PR", 1.0)}),
    ("Of the 6 evaluable patients, 2 achieved stringent complete remission.", {("sCR", 2.0)}),
])
def test_a_count_of_patients_before_a_response_is_its_value(sentence, expected):
    assert cell(sentence) == expected


@pytest.mark.parametrize("sentence", [
    "At week 12 patients achieved a complete response.",  # a time point, not a count
    "Of 30 patients with a complete response, most remained in remission.",
    "In 2024, 5 achieved a complete response.",
])
def test_numbers_that_count_no_responders_give_no_figure(sentence):
    assert cell(sentence) == set()


def test_a_sentence_that_gives_rates_gives_no_bare_count():
    # the rate is the term's value; the count beside another term's rate is not read as a value
    assert ("CR", 12.0) not in cell("The ORR was 90%: 12 who achieved a complete response and 5 with partial responses.")


@pytest.mark.parametrize("sentence, expected", [
    ("Quarnicel showed an ORR of more than 80% and a DCR of nearly 95%.", {("ORR", 80.0), ("DCR", 95.0)}),
    ("Quarnicel achieved an objective response rate of 40% and a disease control rate of up to 90%.",
     {("ORR", 40.0), ("DCR", 90.0)}),
    ("The complete response rate was approximately 60% and ORR was over 85%.", {("CR", 60.0), ("ORR", 85.0)}),
])
def test_a_qualified_figure_is_the_term_s_value(sentence, expected):
    assert cell(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("Grade 3 or higher adverse events were reported in 38 (88.0%) of patients.", ("adverse events", 88.0)),
    ("Neutropenia was observed in 12 (40%) patients.", ("neutropenia", 40.0)),
    ("Three patients experienced hepatotoxicity and one had nephrotoxicity.", ("hepatotoxicity", 3.0)),
    ("Two experienced renal toxicity.", ("nephrotoxicity", 2.0)),
    ("Cytokine release syndrome occurred in 10 patients (50%), and neurotoxicity in 3 patients (15%).",
     ("neurotoxicity", 15.0)),
])
def test_safety_counts_and_their_rates(sentence, expected):
    assert expected in cell(sentence, "safety")


@pytest.mark.parametrize("sentence, main, severe", [
    ("Cytokine release syndrome was observed in 24 patients (55.8%), with 1 grade 3 or higher event (2.3%).",
     ("CRS", 55.8), ("CRS", 2.3)),
    ("Infections occurred in 23 patients (53.5%), with 10 (23.3%) of grade ≥3.", ("infections", 53.5), ("infections", 23.3)),
    ("Cytokine release syndrome occurred in 20 patients (90%), 4 of whom experienced severe cases (18%).",
     ("CRS", 90.0), ("CRS", 18.0)),
    ("Neutropenia occurred in 40% of patients, including 6 (12%) grade 3 or higher.", ("neutropenia", 40.0), ("neutropenia", 12.0)),
])
def test_the_severe_share_after_an_event_s_figure_is_a_figure_too(sentence, main, severe):
    got = cell(sentence, "safety")
    assert main in got and severe in got


def test_no_severe_event_gives_no_severe_figure():
    assert cell("Cytokine release syndrome occurred in 12 patients (40%), with no grade 3 or higher events.",
                "safety") == {("CRS", 40.0)}


@pytest.mark.parametrize("sentence, expected", [
    ("The study showed a median percentage reduction in Lp(a) of 90% or greater at week 36.",
     ("median percentage reduction in Lp(a)", 90.0)),
    ("Velmorumab gave a placebo-adjusted reduction in ApoB of 40% at week 12.", ("placebo-adjusted reduction in ApoB", 40.0)),
    ("The mean percent change from baseline in triglycerides was -55%.",
     ("mean percent change from baseline in triglycerides", 55.0)),
])
def test_a_change_in_a_marker_is_an_endpoint_as_written(sentence, expected):
    assert expected in stated_figures(MAB + sentence, "efficacy", "Velmorumab")


@pytest.mark.parametrize("sentence, expected", [
    ("The trial included 3 complete responses and 5 partial responses among 20 patients.", {("CR", 3.0), ("PR", 5.0)}),
    ("Responses were observed in 8 of 12 evaluable patients (67%).", {("ORR", 67.0)}),
    ("Responses were seen in 40% of patients.", {("ORR", 40.0)}),
])
def test_counted_responses(sentence, expected):
    assert cell(sentence) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("Two patients discontinued treatment due to adverse events.", ("discontinuation due to adverse events", 2.0)),
    ("Grade 3 or higher adverse events occurred in 12% of patients, and 4% discontinued due to adverse events.",
     ("discontinuation due to adverse events", 4.0)),
])
def test_the_count_that_discontinued_is_the_event_s_value(sentence, expected):
    assert expected in cell(sentence, "safety")


def test_a_change_in_a_known_endpoint_keeps_the_lexicon_s_name():
    got = stated_figures(MAB + "Velmorumab gave a mean reduction in LDL-C of 55%.", "efficacy", "Velmorumab")
    assert got == {("LDL-C", 55.0)}


def test_helpers_give_offsets_of_the_values_they_read():
    text = "Overall, 24 patients (55.8%) had a response."
    (off, num), = responders(text)
    assert text[off:off + len(num)] == num == "55.8"
    tail = "38 (88.0%) of patients."
    off, num = count_rate(tail)
    assert tail[off:off + 4] == "88.0"
    seg = ", with 1 grade ≥3 event (2.3%), and"
    (off, num, grade), = graded_parts(seg)
    assert (seg[off:off + 3], grade) == ("2.3", ">=3")
    phrase = "a median reduction in Lp(a) of 80%"
    (_ep, off, endpoint, num), = marker_changes(phrase)
    assert (endpoint, phrase[off:off + 2]) == ("median reduction in Lp(a)", "80")
    text = "Of the 5 evaluable patients, 1 achieved a CR"
    assert count_before(text, 0, text.index("CR")) == (29, "1", "patients")


def test_a_list_that_itemizes_the_responders_gives_each_count():
    got = cell("Twenty of the 22 patients (90.9%) had a response: 12 who achieved stringent complete remission, "
               "2 with very good partial response and 5 with partial responses.")
    assert got == {("ORR", 90.9), ("sCR", 12.0), ("VGPR", 2.0), ("PR", 5.0)}


@pytest.mark.parametrize("sentence, expected", [
    ("The ORR was 6/10 (60%).", ("ORR", 60.0)),
    ("Complete responses were achieved in 40% of patients.", ("CR", 40.0)),  # a kind of response keeps its kind
])
def test_rates_written_with_their_counts(sentence, expected):
    assert cell(sentence) == {expected}


@pytest.mark.parametrize("sentence, expected", [
    ("Treatment-related adverse events (TRAEs) of grade 3 or higher occurred in 15.2% of patients.", ("TRAE", 15.2, ">=3")),
    ("TRAEs leading to discontinuation occurred in 3% of patients.", ("discontinuation due to adverse events", 3.0, None)),
])
def test_an_event_s_grade_or_consequence_written_after_it(sentence, expected):
    from reportgen.extract import extract_facts
    from reportgen.sources import Document
    facts = extract_facts(Document(id="t.txt", text=CELL + sentence, sha256="0" * 64))
    assert {(f.object.event, float(f.object.value), f.object.grade) for f in facts if f.predicate == "safety"} == {expected}
