"""The fact vocabulary and the typed objects: one home, checked when a fact is made, exported as FACTS.md says."""

import json

import pytest
import yaml
from pydantic import ValidationError

from reportgen import vocab
from reportgen.extract.lexicon import DATA_DIR
from reportgen.facts import (
    OBJECT_TYPE, Efficacy, Evidence, Fact, Guideline, Phase, Regulatory, Safety, make_object, object_problem,
    object_text, sort_facts,
)

TEXT = "Acme Bio said ZX-1 won approval. The ORR was 80%. CRS occurred in 2 patients."


def fact(predicate, obj, start=0, end=8, subject="ZX-1"):
    return Fact(subject=subject, predicate=predicate, object=obj,
                evidence=Evidence.from_span("a.txt", TEXT, start, end))


def test_every_predicate_has_a_subject_kind_an_object_and_a_weight():
    for info in vocab.PREDICATE_INFO.values():
        assert info.subject in ("asset", "organization", "any")
        assert info.object in ("text", "modality") or info.name in OBJECT_TYPE
    assert "guideline" in vocab.PREDICATES and vocab.PREDICATES[0] == "name"


def test_a_mapping_becomes_its_predicates_typed_object():
    f = fact("regulatory", {"authority": "FDA", "action": "approval", "date": "2024-05"})
    assert isinstance(f.object, Regulatory) and f.object.date == "2024-05" and f.object.detail is None
    assert isinstance(fact("phase", {"stage": "phase 2"}).object, Phase)
    assert isinstance(fact("efficacy", {"endpoint": "ORR", "value": 80, "unit": "%"}).object, Efficacy)
    assert isinstance(fact("safety", {"event": "CRS", "value": 2, "unit": "patients"}).object, Safety)
    assert isinstance(fact("guideline", {"title": "On cell products"}, subject="NMPA").object, Guideline)
    assert fact("target", "CD19").object == "CD19"


def test_export_keeps_the_contracts_key_order_and_leaves_out_what_is_not_stated():
    # keys in an unusual order come out in FACTS.md order; an absent key is not written as null
    f = fact("safety", {"grade": ">=3", "unit": "%", "value": 12.5, "event": "CRS"})
    line = json.loads(f.to_json())
    assert list(line["object"]) == ["event", "value", "unit", "grade"]
    assert json.loads(fact("efficacy", {"endpoint": "ORR", "value": 80, "unit": "%"}).to_json())["object"] == \
        {"endpoint": "ORR", "value": 80, "unit": "%"}
    assert '"value": 80,' in fact("efficacy", {"endpoint": "ORR", "value": 80, "unit": "%"}).to_json()  # int stays int
    assert '"value": 80.0,' in fact("efficacy", {"endpoint": "ORR", "value": 80.0, "unit": "%"}).to_json()


def test_a_fact_read_back_from_its_json_is_the_same_fact():
    f = fact("regulatory", {"authority": "NMPA", "action": "designation", "detail": "Breakthrough Therapy"})
    data = json.loads(f.to_json())
    again = Fact(subject=data["subject"], predicate=data["predicate"], object=data["object"],
                 evidence=Evidence(**data["evidence"]))
    assert again == f and again.to_json() == f.to_json()


@pytest.mark.parametrize("predicate, obj, message", [
    ("regulatory", {"authority": "XYZ", "action": "approval"}, "authority 'XYZ' is not one of"),
    ("regulatory", {"authority": "FDA", "action": "guideline"}, "action 'guideline' is not one of"),
    ("regulatory", {"authority": "FDA"}, "missing action"),
    ("phase", {"stage": "phase 9"}, "stage 'phase 9' is not one of"),
    ("efficacy", {"endpoint": "ORR", "value": True, "unit": "%"}, "value must be a number"),
    ("safety", {"event": "CRS", "value": 1, "unit": "mg"}, "unit must be '%' or 'patients'"),
    ("guideline", {"title": "T", "date": "2023-13"}, "is not a real date"),
    ("modality", "laser", "must be one of"),
    ("target", {"name": "CD19"}, "must be non-empty text"),
    ("targte", "CD19", "unknown predicate 'targte'; did you mean 'target'?"),
])
def test_an_object_that_does_not_fit_its_predicate_is_refused_when_the_fact_is_made(predicate, obj, message):
    assert message in object_problem(predicate, obj)
    with pytest.raises((ValidationError, ValueError), match=message.split("'")[0].strip() or message):
        fact(predicate, obj)
    with pytest.raises(ValueError):
        make_object(predicate, obj)


def test_the_extractors_fast_constructor_builds_the_validated_fact_and_files_are_still_validated():
    fast = Fact.extracted("ZX-1", "efficacy", {"endpoint": "ORR", "value": 80, "unit": "%"},
                          Evidence.extracted("a.txt", TEXT, 37, 49))
    slow = Fact(subject="ZX-1", predicate="efficacy", object={"endpoint": "ORR", "value": 80, "unit": "%"},
                evidence=Evidence.from_span("a.txt", TEXT, 37, 49))
    assert fast == slow and fast.to_json() == slow.to_json() and isinstance(fast.object, Efficacy)
    # the object is still checked on the fast path
    with pytest.raises(ValueError, match="value must be a number"):
        Fact.extracted("ZX-1", "efficacy", {"endpoint": "ORR", "value": True, "unit": "%"},
                       Evidence.extracted("a.txt", TEXT, 37, 49))
    # what a hand-edited file holds goes through validation: bad spans, subjects and predicates raise
    data = json.loads(slow.to_json())
    bad_span = {**data, "evidence": {**data["evidence"], "end": data["evidence"]["end"] + 3}}
    with pytest.raises(ValidationError, match="span length differs"):
        Fact.model_validate(bad_span)
    with pytest.raises(ValidationError):
        Fact.model_validate({**data, "subject": ["ZX-1"]})
    with pytest.raises((ValidationError, ValueError), match="unknown predicate"):
        Fact.model_validate({**data, "predicate": "efficacyy"})


def test_neighbours_that_fit_are_accepted():
    assert object_problem("regulatory", {"authority": "other", "action": "clinical hold"}) is None
    assert object_problem("safety", {"event": "CRS", "value": 1, "unit": "patients", "grade": 3}) is None
    assert object_problem("modality", "CAR-T") is None


def test_stage_reached_comes_from_the_vocabulary():
    assert fact("phase", {"stage": "phase 1/2"}).stage == "phase 1/2"
    assert fact("regulatory", {"authority": "FDA", "action": "approval"}).stage == "approved"
    assert fact("regulatory", {"authority": "FDA", "action": "filing accepted"}).stage == "filed"
    assert fact("regulatory", {"authority": "FDA", "action": "designation"}).stage is None
    assert fact("target", "CD19").stage is None
    assert {a.stage for a in vocab.ACTION_INFO.values() if a.stage} <= set(vocab.STAGES)


def test_readings_for_tables_and_terminals():
    assert object_text(make_object("efficacy", {"endpoint": "ORR", "value": 80.0, "unit": "%",
                                                "population": "20 patients"})) == "ORR 80% (20 patients)"
    assert object_text(make_object("safety", {"event": "CRS", "grade": ">=3", "value": 2, "unit": "patients"})) == \
        "CRS grade >=3: 2 patients"
    reg = make_object("regulatory", {"authority": "EMA", "action": "approval", "indication": "MM", "date": "2021"})
    assert object_text(reg) == "EMA approval, MM (2021)" and reg.without("date").text() == "EMA approval, MM"
    assert object_text(make_object("guideline", {"title": "On X.", "status": "draft"})) == "On X (draft)"


def test_a_guideline_sorts_after_every_other_predicate_at_the_same_place():
    g = fact("guideline", {"title": "On X"}, subject="ZX-1")
    t = fact("country", "China", subject="ZX-1")
    assert sort_facts([g, t]) == [t, g]


def test_the_extractors_words_are_the_vocabularys():
    modalities = yaml.safe_load((DATA_DIR / "modalities.yaml").read_text(encoding="utf-8"))
    regulators = yaml.safe_load((DATA_DIR / "regulators.yaml").read_text(encoding="utf-8"))
    assert set(modalities) <= set(vocab.MODALITIES)
    assert set(regulators["authorities"]) | set(regulators["countries"]) <= set(vocab.AUTHORITIES)


@pytest.mark.parametrize("spelling", ["ORR", "overall response rate", "Objective response rate (ORR)",
                                      "objective  response rate."])
def test_one_endpoint_key_however_it_is_spelled(spelling):
    assert vocab.endpoint_key(spelling) == "objective response rate"


def test_endpoints_the_lexicon_does_not_know_keep_their_own_words():
    assert vocab.endpoint_key("Median PFS") == "progression-free survival"
    assert vocab.endpoint_key("Zorbic index") == "zorbic index"
    assert vocab.endpoint_key("CR") != vocab.endpoint_key("ORR")


def test_the_charts_present_every_stage_of_the_ladder():
    from reportgen import charts

    assert set(charts.STAGE_COLORS) == set(vocab.STAGES)
    assert set(charts._PIPE_HEAD) == set(vocab.STAGES)
    assert charts.DARK_STAGES <= set(vocab.STAGES)
