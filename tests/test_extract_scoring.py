"""One scored decision per candidate fact (extract/scoring.py, data/scoring.yaml), and the pipeline's
use of the normalize stage: scores on facts, never exported; quotes verbatim in the original."""

from __future__ import annotations

import json

import pytest

from reportgen.extract import extract_facts
from reportgen.extract.scoring import Ballot, Weights, weights
from reportgen.sources import Document


def facts_of(text: str):
    return extract_facts(Document(id="t.txt", text=text, sha256="0" * 64))


W = Weights(threshold=1.0, default=1.0, rules={"weak": 0.6, "context": 0.4, "veto": -1.0})


def test_a_default_rule_alone_decides_as_before():
    b = Ballot(W)
    b.vote("k", "payload")
    assert b.decided() == [("k", "payload", 1.0)]


def test_a_weak_rule_needs_a_second_vote():
    b = Ballot(W)
    b.vote("alone", 1, ["weak"])
    b.vote("helped", 2, ["weak"])
    b.vote("helped", 3, ["context"])
    assert [(k, p) for k, p, _ in b.decided()] == [("helped", 2)]  # the first proposal's payload is kept


def test_a_rule_firing_twice_counts_once_and_a_veto_overrules():
    b = Ballot(W)
    b.vote("twice", 1, ["weak"])
    b.vote("twice", 1, ["weak"])
    b.vote("vetoed", 1, [None])
    b.vote("vetoed", 1, ["veto"])
    assert b.decided() == []
    assert b.score("twice") == 0.6 and b.score("vetoed") == 0.0


def test_an_unknown_rule_names_the_data_file():
    with pytest.raises(KeyError, match="scoring.yaml.*'nonesuch'"):
        Ballot(W).vote("k", 1, ["nonesuch"])


def test_the_shipped_weights_keep_every_older_rule_at_the_threshold():
    w = weights()
    assert w.default >= w.threshold
    assert all(isinstance(v, float) for v in w.rules.values())


TEXT = ("Zentova Therapeutics Announces FDA Approval of Velorix(TM)\n\n"
        "Zentova Therapeutics today announced that the FDA has approved Velorix(TM) (velotamab), a\n"
        "monoclonal antibody targeting CD38, for the treatment of adults with relapsed or refractory\n"
        "multiple myeloma who have received at least three prior lines of therapy, in the United States.\n")


def test_facts_carry_their_score_but_the_export_does_not():
    facts = facts_of(TEXT)
    assert facts and all(f.score is not None and f.score >= weights().threshold for f in facts)
    assert all("score" not in json.loads(f.to_json()) for f in facts)


def test_quotes_are_verbatim_in_the_original_after_normalizing():
    facts = facts_of(TEXT)
    for f in facts:
        assert TEXT[f.evidence.start:f.evidence.end] == f.evidence.quote
    # the wrapped sentence is one sentence: the indication is stated with the asset two lines earlier
    ind = [f for f in facts if f.predicate == "indication" and f.object == "multiple myeloma"]
    assert ind and "\n" in ind[0].evidence.quote and "(TM)" in ind[0].evidence.quote
