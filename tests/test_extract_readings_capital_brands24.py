"""Brands written in capitals only (stop 24, assets helper): a capitals-only word introduced with its INN or code
is a name of the asset; capitals-only words not introduced so (acronyms, trial names, tickers) are not, and a
trial's name does not hide the drug it studies. Every sentence is invented; no name here is real."""

from __future__ import annotations

import pytest

from tests.readings_support import facts


def names_of(text: str) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for f in facts(text):
        if f.predicate == "name":
            out.setdefault(f.subject, set()).add(str(f.object))
    return out


def asset_subjects(text: str) -> set[str]:
    return {f.subject for f in facts(text) if f.predicate in ("indication", "regulatory", "trial", "modality")}


@pytest.mark.parametrize("brand", ["KELVARO (zentolimab)", "KELVARO™ (zentolimab)", "KELVARO® (zentolimab) injection",
                                   "KELVARO(TM) (QX-123)", "KELVARO® (code QX-123)", "KELVARO (QX-123)"])
def test_capitals_brand_introduced_with_its_inn_or_code_is_a_name_of_the_asset(brand):
    text = f"Quenlar Bio announced that the FDA approved {brand} for adults with generalized myasthenia gravis."
    joined = names_of(text)
    assert len(joined) == 1 and "KELVARO" in {n for ns in joined.values() for n in ns} | set(joined)


def test_capitals_brand_and_its_inn_take_the_same_facts():
    text = ("Quenlar Bio announced that the FDA approved KELVARO (zentolimab) for psoriasis. KELVARO was approved "
            "based on the ARDEN-2 trial.")
    assert asset_subjects(text) == {"zentolimab"}


@pytest.mark.parametrize("sentence", [
    "The label includes a BOXED WARNING for thrombosis.",
    "Quenlar Bio (NASDAQ: QNLB) shares rose 4%.",
    "Data were presented at the annual ASCO meeting.",
    "The ARDEN-2 trial met its primary endpoint.",
])
def test_capitals_word_not_introduced_is_no_asset(sentence):
    text = "Quenlar Bio announced that the FDA approved KELVARO (zentolimab) for psoriasis. " + sentence
    assert asset_subjects(text) == {"zentolimab"}


def test_trial_name_does_not_hide_the_code_it_studies():
    text = "Quenlar Bio announced results from the ARDEN-3 trial of QX-123 in psoriasis."
    got = {(f.predicate, str(f.object)) for f in facts(text) if f.subject == "QX-123"}
    assert ("indication", "psoriasis") in got and ("trial", "ARDEN-3") in got


def test_study_of_patients_gives_no_code_context():
    text = "Quenlar Bio announced that the ARDEN-3 study of 120 patients in psoriasis enrolled its last patient."
    assert not [f for f in facts(text) if f.subject in ("ARDEN-3", "120")]
