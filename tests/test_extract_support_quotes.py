"""Quote choice: a fact cites the sentence that writes its object (quotes.py, data/quote_forms.yaml).

Pinned by invented sentences: the fact is yielded twice, once without its object written out
and once with it; the quote must be the sentence that states it, whichever comes first.
"""

from __future__ import annotations

import pytest

from reportgen.extract import extract_facts
from reportgen.extract.quotes import choose, defined_before, elsewhere, names_any, repeats, states
from reportgen.facts import plain
from reportgen.sources import Document


def facts_of(text: str, predicate: str):
    facts = extract_facts(Document(id="t.txt", text=text, sha256="0" * 64))
    return [(plain(f.object), f.evidence.quote) for f in facts if f.predicate == predicate]


@pytest.mark.parametrize("predicate, obj, quote, expected", [
    ("phase", {"stage": "phase 3"}, "Zorvimab met the goal of a late-stage trial.", False),
    ("phase", {"stage": "phase 3"}, "Zorvimab is in a Phase III study.", True),
    ("phase", {"stage": "phase 1/2"}, "A Phase 1b/2 trial of Zorvimab began.", True),
    ("phase", {"stage": "phase 1/2"}, "A Phase 2 trial of Zorvimab began.", False),
    ("phase", {"stage": "approved"}, "Zorvimab was approved in May.", True),
    ("regulatory", {"authority": "FDA", "action": "approval"}, "The U.S. Food and Drug Administration approved it.", True),
    ("regulatory", {"authority": "other", "action": "approval"}, "It was approved in Brazil.", False),
    ("regulatory", {"authority": "other", "action": "designation", "detail": "Orphan Drug"},
     "It received orphan-drug designation.", True),
    ("modality", "CAR-T", "Zorvacel is an autologous chimeric antigen receptor T-cell therapy.", True),
    ("modality", "CAR-T", "Zorvacel is an autologous cell therapy.", False),
    ("indication", "multiple myeloma", "Zorvacel is studied in RRMM.", False),
    ("efficacy", {"endpoint": "ORR", "value": 62.5}, "The ORR was 62.5%.", True),
    ("efficacy", {"endpoint": "ORR", "value": 62.5}, "The ORR was 625 per mille.", False),
])
def test_states_the_object(predicate, obj, quote, expected):
    assert states(predicate, obj, quote) is expected


def test_an_organization_is_written_by_its_joined_aliases():
    assert not states("developer", "Quillon Therapeutics", "Quillon developed it.")
    assert states("developer", "Quillon Therapeutics", "Quillon developed it.", ["Quillon"])


def test_a_name_must_begin_a_word():
    assert names_any("Zorvimab is given weekly.", ["Zorvimab"])
    assert not names_any("Antizorvimab is given weekly.", ["Zorvimab"])


def test_choose_prefers_object_and_subject_then_object_then_first():
    text = ["The therapy is in a late-stage trial.", "A Phase 3 trial is ongoing.",
            "Zorvimab is in a Phase 3 trial."]
    spans = [(0, 1), (1, 2), (2, 3)]
    pick = lambda ss: choose(ss, lambda s: text[s[0]], "phase", {"stage": "phase 3"}, ["Zorvimab"])
    assert pick(spans) == (2, 3)
    assert pick(spans[:2]) == (1, 2)
    assert pick(spans[:1]) == (0, 1)
    assert pick([(0, 1), (0, 1)]) == (0, 1)


def test_a_fact_cites_the_sentence_that_writes_its_phase():
    text = ("Zorvimab is an investigational antibody from Quillon Therapeutics.\n"
            "Zorvimab met the main goal of a late-stage trial in psoriasis.\n"
            "Zorvimab is being evaluated in a Phase 3 trial in psoriasis.\n")
    found = [q for o, q in facts_of(text, "phase") if o["stage"] == "phase 3"]
    assert found == ["Zorvimab is being evaluated in a Phase 3 trial in psoriasis."]


def test_elsewhere_cites_the_nearest_sentence_naming_subject_and_object():
    text = ["Zorvacel is a CAR-T therapy.", "The therapy is an autologous product.",
            "Its rival Quorbacel is a CAR-T therapy.", "Zorvacel, a CAR-T therapy, is dosed once."]
    spans = [(i, i + 1) for i in range(len(text))]
    quote_of = lambda s: text[s[0]]  # noqa: E731
    assert elsewhere("modality", "CAR-T", (1, 2), spans, quote_of, ["Zorvacel"]) == (0, 1)
    assert elsewhere("modality", "CAR-T", (1, 2), spans[1:3], quote_of, ["Zorvacel"]) is None
    assert elsewhere("efficacy", {"endpoint": "ORR", "value": 1}, (1, 2), spans, quote_of, ["Zorvacel"]) is None


def test_elsewhere_needs_a_regulatory_sentence_to_write_its_event():
    text = ["The FDA met with Quillon about Zorvimab.", "Zorvimab was approved by the FDA in May."]
    spans = [(0, 1), (1, 2)]
    quote_of = lambda s: text[s[0]]  # noqa: E731
    approval = {"authority": "FDA", "action": "approval"}
    assert elsewhere("regulatory", approval, (0, 1), spans, quote_of, ["Zorvimab"]) == (1, 2)
    assert elsewhere("regulatory", approval, (0, 1), spans[:1], quote_of, ["Zorvimab"]) is None


def test_a_stem_read_modality_cites_the_sentence_that_writes_it():
    text = ("Quillon Therapeutics announced data for zorvacabtagene autoleucel in lupus.\n"
            "Quillon is a clinical-stage company.\n"
            "Zorvacabtagene autoleucel is an autologous CAR-T therapy targeting CD19.\n")
    assert facts_of(text, "modality") == [
        ("CAR-T", "Zorvacabtagene autoleucel is an autologous CAR-T therapy targeting CD19.")]


def test_every_joined_spelling_of_an_organization_is_a_name_fact():
    text = ("Quillon Therapeutics, Inc. today announced data for QL-7 in lupus.\n"
            "QL-7 is an antibody developed by Quillon Therapeutics.\n"
            "Zorvicel, an autologous CAR-T therapy from Quillon, is in a Phase 1 study.\n")
    facts = extract_facts(Document(id="t.txt", text=text, sha256="0" * 64))
    names = {(f.subject, plain(f.object)) for f in facts if f.predicate == "name"}
    assert {("Quillon Therapeutics, Inc.", "Quillon Therapeutics"), ("Quillon Therapeutics, Inc.", "Quillon")} <= names
    # so the developer fact quoting "from Quillon" writes its object under a joined name
    developer = [f.evidence.quote for f in facts if f.predicate == "developer" and f.subject == "Zorvicel"]
    aliases = [n for s, n in names if s == "Quillon Therapeutics, Inc."]
    assert developer and all(states("developer", "Quillon Therapeutics, Inc.", q, aliases) for q in developer)


def test_an_abbreviation_reaches_back_to_its_definition():
    text = ["Quillon studies QL-7 in non-small cell lung cancer (NSCLC).", "The study enrolled adults.",
            "Zorvitinib showed activity in NSCLC.", "Zorvitinib showed activity in SCLC."]
    spans = [(0, 1), (1, 2), (2, 3), (3, 4)]
    quote_of = lambda s: " ".join(text[s[0]:s[1]])  # noqa: E731
    assert defined_before("indication", "non-small cell lung cancer", (2, 3), spans, quote_of) == (0, 3)
    assert defined_before("indication", "non-small cell lung cancer", (3, 4), spans, quote_of) is None  # no NSCLC
    assert defined_before("modality", "non-small cell lung cancer", (2, 3), spans, quote_of) is None
    far = ["Quillon studies QL-7 in non-small cell lung cancer (NSCLC).", "A.", "B.", "Zorvitinib is active in NSCLC."]
    assert defined_before("indication", "non-small cell lung cancer", (3, 4), [(i, i + 1) for i in range(4)],
                          lambda s: " ".join(far[s[0]:s[1]])) is None  # beyond REACH


def test_a_repeat_not_stated_gives_way_to_one_stated_that_says_as_much():
    approval = {"authority": "FDA", "action": "approval"}
    dated = {**approval, "date": "2024"}
    facts = [("Zorvimab", "regulatory", approval, False), ("Zorvimab", "regulatory", dated, True),
             ("Zorvimab", "regulatory", dated, False), ("Zorvimab", "regulatory", {**approval, "date": "2023"}, False),
             ("Quorbimab", "regulatory", approval, False), ("Zorvimab", "indication", "lupus", False)]
    # the undated and the same-dated repeats go; another date says more, another subject is another fact
    assert repeats(facts) == {0, 2}
    assert repeats(facts[:1]) == set()


@pytest.mark.parametrize("quote, term, expected", [
    ("an autologous T-cell therapy", "T cell", True),
    ("an anti-CD19 CAR-T", "CD19", True),
    ("the XCD19 construct", "CD19", False),
    ("Zorvimab is dosed weekly", "mAb", False),      # an INN's -mab is no antibody word
    ("a humanized mAb", "monoclonal antibody", True),  # the form table (quote_forms.yaml)
    ("ZORVIMAB® (zorvimab)", "Zorvimab", True),
    ("in Non-Small-Cell Lung Cancer", "non-small cell lung cancer", True),
])
def test_a_term_is_compared_without_case_marks_or_hyphens_from_a_word_start(quote, term, expected):
    predicate = "modality" if term in ("mAb", "monoclonal antibody") else "indication"
    assert states(predicate, "monoclonal antibody" if term == "mAb" else term, quote) is expected
