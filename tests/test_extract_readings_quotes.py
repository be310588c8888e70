"""Quote choice for regulatory facts whose sentence names the regulator only by a reference (quotes.py
`regulator_before`), pinned by invented sentences. No name here is real."""

from __future__ import annotations

from reportgen.extract import extract_facts
from reportgen.extract.quotes import regulator_before
from reportgen.sources import Document


def regulatory(text: str, subject: str = "Zorvamab"):
    facts = extract_facts(Document(id="t.txt", text=text, sha256="0" * 64))
    return [f for f in facts if f.predicate == "regulatory" and f.subject == subject]


def test_a_short_form_quote_reaches_back_to_the_long_form():
    text = ("The European Commission (EC) adopted new rules for biologics last year. Zorvex Bio plans a launch "
            "in Germany. Zorvamab, a monoclonal antibody, received EC approval for psoriatic arthritis.")
    facts = regulatory(text)
    assert facts and all(f.evidence.quote.startswith("The European Commission (EC)")
                         and f.evidence.quote.endswith("arthritis.") for f in facts)


def test_the_regulator_three_sentences_back_is_too_far():
    sentences = [(0, 10), (11, 20), (21, 30), (31, 40)]
    quotes = {(0, 10): "The FDA said", (11, 20): "a", (21, 30): "b", (31, 40): "the agency approved it"}
    quote_of = lambda span: quotes.get(span, "")  # noqa: E731
    assert regulator_before({"authority": "FDA"}, (31, 40), sentences, quote_of) is None
    assert regulator_before({"authority": "FDA"}, (21, 30), sentences, quote_of) == (0, 30)


def test_an_authority_without_forms_is_not_widened():
    sentences = [(0, 10), (11, 20)]
    assert regulator_before({"authority": "other"}, (11, 20), sentences, lambda span: "Health Canada") is None


def test_unstated_repeats_keep_the_one_saying_most():
    from reportgen.extract.quotes import repeats

    bare = {"authority": "PMDA", "action": "approval"}
    full = {"authority": "PMDA", "action": "approval", "indication": "heart failure"}
    assert repeats([("X", "regulatory", bare, False), ("X", "regulatory", full, False)]) == {0}
    assert repeats([("X", "regulatory", bare, False), ("X", "regulatory", dict(bare), False)]) == {1}
    # a stated repeat is never dropped for an unstated one, and stated repeats all stay
    assert repeats([("X", "regulatory", bare, True), ("X", "regulatory", full, False)]) == set()
    assert repeats([("X", "regulatory", bare, True), ("X", "regulatory", full, True)]) == set()
    # another indication is not "no more": both stay
    other = {"authority": "PMDA", "action": "approval", "indication": "angina"}
    assert repeats([("X", "regulatory", full, False), ("X", "regulatory", other, False)]) == set()


def test_a_japanese_approval_written_twice_is_one_fact():
    text = ("Japan approves first iPS cell therapy\n\nJapan's health ministry approved Zorvacel, an iPS cell-derived "
            "cardiomyocyte sheet developed by Quillon Heart, for severe heart failure.")
    assert len(regulatory(text, "Zorvacel")) == 1
