"""Target shapes, pinned by invented sentences (relations.py target reading, target_shapes.py, data/targets.yaml,
data/target_shapes.yaml). No name here is real."""

from __future__ import annotations

import pytest

from reportgen.extract import extract_facts, target_shapes
from reportgen.sources import Document


def targets(text: str, subject: str = "ZT-101") -> set[str]:
    facts = extract_facts(Document(id="t.txt", text=text, sha256="0" * 64))
    return {f.object for f in facts if f.predicate == "target" and f.subject == subject}


@pytest.mark.parametrize("sentence, expected", [
    ("ZT-101 is a PSMA-targeted radioligand therapy.", {"PSMA"}),
    ("ZT-101 is a CD19-directed CAR T-cell therapy.", {"CD19"}),
    ("ZT-101 is an anti-CD19 CAR-T.", {"CD19"}),
    ("ZT-101 is a KRAS G12C inhibitor.", {"KRAS G12C"}),
    ("ZT-101, a B7-H3-targeting antibody-drug conjugate, was approved.", {"B7-H3"}),
    ("ZT-101 binds to Claudin 18.2 on tumor cells.", {"CLDN18.2"}),
    ("ZT-101 is a monoclonal antibody against IL-23.", {"IL-23"}),
    ("ZT-101 is an EGFR/MET bispecific antibody.", {"EGFR", "MET"}),
    ("ZT-101 is a tyrosine kinase 2 (TYK2) inhibitor.", {"TYK2"}),
    ("ZT-101 is a lutetium-177 labeled somatostatin receptor (SSTR2) targeting agent.", {"SSTR2"}),
    ("ZT-101 is a dual CD19/CD20 CAR-T.", {"CD19", "CD20"}),
    ("ZT-101 is an antibody-drug conjugate directed against Nectin-4.", {"Nectin-4"}),
])
def test_the_usual_target_shapes(sentence, expected):
    assert targets(sentence) == expected


def test_a_target_of_the_patients_history_is_not_the_asset_s():
    got = targets("ZT-101 is an allogeneic CAR-T cell therapy targeting BCMA for patients who progressed after "
                  "anti-CD38 therapy.")
    assert got == {"BCMA"}


def test_bare_met_is_a_target_only_in_a_target_context():
    assert "MET" not in targets("ZT-101 is an investigational antibody. The ZT-101 study MET its primary endpoint.")


def test_effector_arms_are_dropped_only_beside_another_target_of_the_same_asset(monkeypatch):
    monkeypatch.setattr(target_shapes, "_effector_arms", lambda: frozenset({"CD3"}))
    assert target_shapes.without_effector_arms([(1, "DLL3"), (1, "CD3")]) == [(1, "DLL3")]
    assert target_shapes.without_effector_arms([(1, "CD3")]) == [(1, "CD3")]
    assert target_shapes.without_effector_arms([(2, "DLL3"), (1, "CD3")]) == [(2, "DLL3"), (1, "CD3")]


def test_the_cd3_arm_is_kept_as_measured():
    # data/target_shapes.yaml effector_arms is empty: the dev annotation lists CD3 for "X x CD3" engagers
    assert targets("ZT-101 is a GPRC5D x CD3 bispecific antibody.") == {"GPRC5D", "CD3"}


@pytest.mark.parametrize("sentence, expected", [
    ("ZT-101 is a CD19/BCMA dual-target CAR-T.", {"CD19", "BCMA"}),
    ("ZT-101 is a CD20xCD3 T-cell engaging bispecific antibody.", {"CD20", "CD3"}),
    ("ZT-101 is a bispecific antibody that binds CD20 on B cells and CD3 on T cells.", {"CD20", "CD3"}),
    ("ZT-101 is a selective EGFR exon 20 insertion inhibitor.", {"EGFR exon 20"}),
    ("ZT-101 is a lutetium-177-labeled PSMA ligand therapy.", {"PSMA"}),
    ("ZT-101 is an antibody that blocks TSLP.", {"TSLP"}),
])
def test_more_target_contexts(sentence, expected):
    assert targets(sentence) == expected


@pytest.mark.parametrize("sentence", [
    "ZT-101 is an investigational antibody. Patients had CD19 counts measured at baseline.",
    "ZT-101 is an investigational antibody. The study enrolled HER2 testing sites in Europe.",
])
def test_a_target_word_without_a_target_context_is_no_target(sentence):
    assert targets(sentence) == set()


def test_a_target_spelling_belongs_to_one_symbol():
    from reportgen.extract.lexicon import read_data
    seen: dict[str, str] = {}
    for symbol, spellings in read_data("targets.yaml").items():
        for sp in spellings:
            key = str(sp).casefold()
            assert seen.setdefault(key, symbol) == symbol, f"{sp!r} is listed for {seen[key]} and {symbol}"


@pytest.mark.parametrize("sentence, expected", [
    ("ZT-101 is a monoclonal antibody targeting IL-17A.", {"IL-17A"}),
    ("ZT-101 is a selective JAK1 inhibitor.", {"JAK1"}),
])
def test_the_specific_symbol_wins(sentence, expected):
    assert targets(sentence) == expected


HEADLINE = """FDA Approves First CD19-Directed CAR-T for Lupus Nephritis

Korvent Therapeutics announced that the FDA approved Korvacel, an autologous CAR-T cell therapy, for adults with lupus nephritis.
"""


def test_a_headline_target_before_any_asset_is_named_belongs_to_the_single_focal_asset():
    assert targets(HEADLINE, "Korvacel") == {"CD19"}


def test_a_target_in_a_later_sentence_before_the_asset_is_not_guessed():
    text = ("Korvent Therapeutics Reports Progress\n\nCD19-directed CAR-T therapies have changed lymphoma care.\n"
            "The FDA approved Korvacel, an autologous CAR-T cell therapy, for adults with lupus nephritis.\n")
    assert targets(text, "Korvacel") == set()


def test_a_headline_indication_before_any_asset_is_named_belongs_to_the_single_focal_asset():
    text = ("FDA Approves First CAR-T Therapy for Lupus Nephritis\n\nKorvent Therapeutics announced that the FDA "
            "approved Korvacel, an autologous CD19-directed CAR-T cell therapy, for adults.\n")
    facts = extract_facts(Document(id="t.txt", text=text, sha256="0" * 64))
    assert "lupus nephritis" in {f.object for f in facts if f.predicate == "indication" and f.subject == "Korvacel"}
