"""The disease vocabulary: names resolve to MeSH descriptors, areas follow the hierarchy."""

import pytest

from reportgen.diseases import normalize, vocabulary
from reportgen.landscape import DiseaseArea
from reportgen.scope import indication_match, matches_indications


@pytest.fixture(scope="module")
def vocab():
    return vocabulary()


@pytest.mark.parametrize("spelling, descriptor", [
    ("systemic lupus erythematosus", "Lupus Erythematosus, Systemic"),
    ("SLE", "Lupus Erythematosus, Systemic"),
    ("relapsed/refractory multiple myeloma", "Multiple Myeloma"),
    ("Relapsed or Refractory Multiple Myeloma", "Multiple Myeloma"),
    ("HER2-positive breast cancer", "Breast Neoplasms"),
    ("Sjögren's syndrome", "Sjogren's Syndrome"),
    ("type 1 diabetes", "Diabetes Mellitus, Type 1"),
    ("acute myeloid leukaemia", "Leukemia, Myeloid, Acute"),
])
def test_spellings_resolve_to_one_descriptor(vocab, spelling, descriptor):
    assert vocab.resolve(spelling).name == descriptor


def test_unknown_words_resolve_to_nothing(vocab):
    assert vocab.resolve("quarterly revenue") is None
    assert vocab.resolve("") is None


def test_normalize_ignores_case_accents_and_punctuation():
    assert normalize("Non-Small-Cell Lung Cancer") == normalize("non small cell lung cancer")
    assert normalize("Waldenström") == "waldenstrom"


@pytest.mark.parametrize("disease", ["pemphigus", "ANCA-associated vasculitis", "IgG4-related disease",
                                     "myasthenia gravis", "rheumatoid arthritis", "systemic sclerosis"])
def test_autoimmune_area_takes_diseases_no_landscape_lists(disease):
    assert indication_match(disease, [DiseaseArea(area="autoimmune")]) == f"{disease}: autoimmune"


@pytest.mark.parametrize("disease", ["multiple myeloma", "diffuse large B-cell lymphoma", "acute myeloid leukemia"])
def test_haematological_cancers_area(disease):
    assert indication_match(disease, [DiseaseArea(area="blood cancers")]) is not None
    assert indication_match(disease, [DiseaseArea(area="autoimmune")]) is None


def test_a_disease_string_matches_as_written_or_by_descriptor():
    assert indication_match("lupus nephritis", ["lupus nephritis"]) == "lupus nephritis"
    assert indication_match("SLE", ["systemic lupus erythematosus"]) == "SLE: systemic lupus erythematosus"
    assert indication_match("gastric cancer", ["multiple myeloma"]) is None


def test_matches_lists_every_covered_indication():
    got = matches_indications(["multiple myeloma", "pemphigus", "heart failure"], [DiseaseArea(area="autoimmune")])
    assert got == ["pemphigus: autoimmune"]


def test_unknown_area_is_an_error_with_a_hint():
    with pytest.raises(ValueError, match="did you mean 'autoimmune'"):
        DiseaseArea(area="autoimune")


def test_every_curated_disease_of_the_extractor_has_a_mesh_descriptor():
    """A disease the extractor names but MeSH cannot place would fall out of every area-scoped brief."""
    from reportgen.diseases import vocabulary
    from reportgen.extract.lexicon import read_data

    data = read_data("diseases.yaml")
    names = [c for entries in data.values() if isinstance(entries, dict) for c in entries]
    assert names
    assert [c for c in names if vocabulary().resolve(c) is None] == []
