"""A market rival keeps its own facts, and the sentence still speaks of the asset its opening reference names
(relations.py COMPARATOR_RE / RIVAL_RE "compete with", REFERENCE_WITH_RIVAL_RE). No name here is real."""

from __future__ import annotations

from reportgen.extract import extract_facts
from reportgen.sources import Document

TEXT = ("The FDA has approved Zorvex Bio's zorvamab for generalized myasthenia gravis. The drug, which binds FcRn, "
        "will compete with Rivalgen's efgartinib. Zorvex Bio said the approval was based on the Phase 3 ZEPHYR trial.")


def facts_of(subject: str, predicate: str) -> set:
    facts = extract_facts(Document(id="t.txt", text=TEXT, sha256="0" * 64))
    return {str(f.object) for f in facts if f.subject == subject and f.predicate == predicate}


def test_the_rival_gets_no_target_of_the_sentence():
    assert facts_of("efgartinib", "target") == set()


def test_the_reference_at_the_opening_is_the_asset():
    assert facts_of("zorvamab", "target") == {"FcRn"}


def test_the_next_sentence_stays_with_the_asset():
    assert facts_of("zorvamab", "trial") == {"ZEPHYR"}
    assert facts_of("efgartinib", "trial") == set()
