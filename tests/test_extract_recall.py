"""Recall rules of extractor 1.8, pinned by small invented sentences grouped by behaviour: trial names
and registries (trial_names.py, data/trials.yaml), implied phases (phases.py), deal partners
(partners.py, data/relations.yaml), name links in words and organizations in parenthesis lists
(aliases.py, data/aliases.yaml). No name here is real."""

from __future__ import annotations

import pytest

from reportgen.extract import extract_facts, load_lexicons
from reportgen.extract.trial_names import more_trials
from reportgen.extract.trials import find_trials
from reportgen.facts import plain
from reportgen.sources import Document


def facts_of(text: str):
    return extract_facts(Document(id="t.txt", text=text, sha256="0" * 64))


def objects(facts, subject, predicate):
    return [plain(f.object) for f in facts if f.subject.casefold() == subject.casefold() and f.predicate == predicate]


def trials_in(text: str) -> list[str]:
    lex = load_lexicons(None)
    return [t[2] for t in more_trials(text, lex, find_trials(text, lex))]


# --- trial names and registries ---------------------------------------------------

@pytest.mark.parametrize("sentence, name", [
    ("The ABCDE-1 pivotal Phase 3 study enrolled 300 patients.", "ABCDE-1"),
    ("Results from the TORVEX-2 global, randomized, open-label Phase 3 trial were presented.", "TORVEX-2"),
    ("The QUILL-3 registrational study met its primary endpoint.", "QUILL-3"),
    ("ZT-118 is being evaluated in a Phase 3 study (ZENITH-3; NCT01234567).", "ZENITH-3"),
    ("Data from the Horizon-2 study were presented.", "Horizon-2"),
    ("The Apollo-1 Phase 1b/2 trial is ongoing.", "Apollo-1"),
    ("In the ORBIT-04/KESTREL-D19 study, ZT-118 improved survival.", "ORBIT-04"),
    ("Data from the Lumen study were presented.", "Lumen"),
    ("The Phase 3 Solstice trial enrolled 300 patients.", "Solstice"),
])
def test_study_names_in_general_phrasings(sentence, name):
    assert name in trials_in(sentence)


@pytest.mark.parametrize("sentence, number", [
    ("The study is registered as ACTRN12623000123456.", "ACTRN12623000123456"),
    ("See CTRI/2023/01/012345 for details.", "CTRI/2023/01/012345"),
    ("The trial (EU CT 2023-501234-12-00) is open.", "EU CT 2023-501234-12-00"),
    ("The Phase 2 study (NCT 01234567) is ongoing.", "NCT 01234567"),
    ("Registered in Korea as KCT0001234.", "KCT0001234"),
])
def test_registry_numbers_beyond_clinicaltrials_gov(sentence, number):
    assert number in trials_in(sentence)


@pytest.mark.parametrize("sentence", [
    "The Phase-2 trial and Part-2 study and Cohort-3 trial are separate.",
    "The Pivotal study, the Japanese trial and the Company study are separate.",
    "The Horizon study is one thing; a new horizon is another.",
    "Zentova Therapeutics said the Zentova study is ongoing.",
    "The ZT-118 Phase 3 study met its endpoint. ZT-118 was well tolerated. ZT-118 is an antibody.",
])
def test_study_parts_and_a_drug_code_before_its_study_are_not_names(sentence):
    assert trials_in(sentence) == []


def test_a_study_named_with_descriptors_is_the_asset_s_trial_not_an_asset():
    f = facts_of("Zentova Therapeutics today announced that velotamab met the primary endpoint of the "
                 "MERIDIAN-3 global Phase 3 trial in patients with multiple myeloma.")
    assert "MERIDIAN-3" in objects(f, "velotamab", "trial")
    assert not [x for x in f if x.subject == "MERIDIAN-3"]


# --- phases implied without a number -----------------------------------------------

def test_a_first_in_human_study_naming_its_trial_is_phase_1():
    f = facts_of("Zentova Therapeutics today announced that the first patient was dosed in the first-in-human "
                 "study of ZT-118 (NCT01234567), an antibody targeting CD38.")
    assert {"stage": "phase 1"} in objects(f, "ZT-118", "phase")
    ph = [x for x in f if x.predicate == "phase"]
    assert ph[0].score == pytest.approx(1.0)


def test_a_first_in_human_study_alone_is_below_the_threshold():
    f = facts_of("Zentova Therapeutics today announced that the first patient was dosed in the first-in-human "
                 "study of ZT-118, an antibody targeting CD38.")
    assert objects(f, "ZT-118", "phase") == []


def test_a_numbered_phase_wins_over_the_implied_one():
    f = facts_of("Zentova Therapeutics today announced the first patient dosed in the first-in-human Phase 1/2 "
                 "study of ZT-118 (NCT01234567), an antibody targeting CD38.")
    assert objects(f, "ZT-118", "phase") == [{"stage": "phase 1/2"}]


# --- partners from deal language -----------------------------------------------------

def partners(text: str) -> set[frozenset]:
    return {frozenset((x.subject, x.object)) for x in facts_of(text) if x.predicate == "partner"}


def test_in_licensed_from_names_the_licensor():
    p = partners("Zentova Therapeutics today announced that it has in-licensed the global rights to ZT-118 "
                 "from Morvane Biosciences. ZT-118 is an antibody.")
    assert frozenset(("Zentova Therapeutics", "Morvane Biosciences")) in p


def test_obtained_exclusive_rights_from_names_the_licensor():
    p = partners("Zentova Therapeutics obtained exclusive rights to develop ZT-118 in Asia from Morvane "
                 "Biosciences Inc. under the agreement.")
    assert any("Zentova Therapeutics" in x and any(y.startswith("Morvane") for y in x) for x in p)


def test_a_collaboration_between_two_organizations():
    p = partners("The agreement expands a collaboration between Zentova Therapeutics and Morvane Biosciences "
                 "on antibodies.")
    assert frozenset(("Zentova Therapeutics", "Morvane Biosciences")) in p


def test_an_acquisition_of_pairs_both_sides():
    p = partners("Zentova Therapeutics completed its acquisition of Morvane Biosciences in June.")
    assert frozenset(("Zentova Therapeutics", "Morvane Biosciences")) in p


def test_licensed_to_a_product_is_not_a_partner():
    assert partners("Zentova Therapeutics licensed ZT-118 in 2024 and it is approved from June.") == set()


# --- name links in words; organizations in parenthesis lists ------------------------

@pytest.mark.parametrize("sentence, a, b", [
    ("Zentova Therapeutics said velotamab, formerly ZT-118, is an antibody targeting CD38.", "velotamab", "ZT-118"),
    ("Zentova Therapeutics announced that ZT-118, also known as Velorix, was granted Fast Track designation "
     "by the FDA. ZT-118 is an antibody.", "Velorix", "ZT-118"),
    ("Zentova Therapeutics said velotamab, also called ZT-118, is an antibody targeting CD38.", "velotamab", "ZT-118"),
])
def test_also_known_as_and_formerly_join_the_names(sentence, a, b):
    f = facts_of(sentence)
    names = {(x.subject, x.object) for x in f if x.predicate == "name"}
    assert (a, b) in names or (b, a) in names


def test_a_word_after_previously_that_is_not_a_name_is_not_joined():
    f = facts_of("Zentova Therapeutics said velotamab, previously approved in Japan, is an antibody targeting CD38.")
    assert not [x for x in f if x.predicate == "name"]


def test_a_company_in_a_parenthesis_list_is_not_an_alias():
    f = facts_of("Morvane Biosciences today announced that velotamab (Velorix; ZT-118; Zentova Therapeutics) "
                 "was approved by the FDA.")
    names = {x.object for x in f if x.predicate == "name" and x.subject == "velotamab"}
    assert {"Velorix", "ZT-118"} <= names and "Zentova Therapeutics" not in names


def test_a_planned_first_in_human_study_is_vetoed_even_with_its_trial_named():
    f = facts_of("Zentova Therapeutics today announced that it plans to initiate a first-in-human study of ZT-118 "
                 "(NCT01234567), an antibody targeting CD38, in 2027.")
    assert objects(f, "ZT-118", "phase") == []


# --- vocabulary and context -----------------------------------------------------------

def test_prime_eligibility_granted_is_a_designation_but_eligibility_criteria_are_not():
    f = facts_of("Zentova Therapeutics today announced that the EMA has granted PRIME eligibility to ZT-118 "
                 "for the treatment of multiple myeloma.")
    assert any(o.get("detail") == "PRIME" and o["action"] == "designation" for o in objects(f, "ZT-118", "regulatory"))
    f = facts_of("Zentova Therapeutics said ZT-118, an antibody, may meet the PRIME eligibility criteria of the EMA.")
    assert objects(f, "ZT-118", "regulatory") == []


@pytest.mark.parametrize("lead", ["adults with", "children with", "people living with", "for the prevention of"])
def test_population_phrases_lead_to_a_disease(lead):
    f = facts_of(f"Zentova Therapeutics announced the FDA approval of velotamab for {lead} osteoporosis.")
    assert "osteoporosis" in [o.casefold() for o in objects(f, "velotamab", "indication")]


def test_an_aav_vector_is_a_gene_therapy():
    f = facts_of("Zentova Therapeutics announced that ZT-118, a recombinant AAV vector therapy, was granted "
                 "Orphan Drug designation by the FDA.")
    assert "gene therapy" in objects(f, "ZT-118", "modality")


@pytest.mark.parametrize("phrase, target", [
    ("a RANKL inhibitor", "RANKL"), ("an anti-TL1A antibody", "TL1A"), ("a CD73-targeting antibody", "CD73"),
    ("an antibody directed against TGF-beta", "TGF-β"), ("an oral IRAK4 degrader", "IRAK4"),
])
def test_widely_drugged_targets_are_read_in_a_target_context(phrase, target):
    f = facts_of(f"Zentova Therapeutics announced that ZT-118, {phrase}, was granted Fast Track designation by the FDA.")
    assert target in objects(f, "ZT-118", "target")


# --- forward references before the asset is first named ---------------------------------

FORWARD = ("Zentova Therapeutics Receives FDA Breakthrough Therapy Designation for Its Lupus Nephritis Program\n\n"
           "Zentova Therapeutics today announced that the U.S. Food and Drug Administration has granted Breakthrough "
           "Therapy designation to its investigational therapy for adults with lupus nephritis.\n"
           "The designation is based on data from the Phase 1 study of ZT-118, an allogeneic CAR-T cell therapy "
           "targeting CD19.\nZT-118 is being evaluated in patients with lupus nephritis and systemic sclerosis.\n")


def test_its_program_before_the_asset_is_named_is_the_focal_asset():
    f = facts_of(FORWARD)
    assert any(o["detail"] == "Breakthrough Therapy" for o in objects(f, "ZT-118", "regulatory"))
    assert "Zentova Therapeutics" in objects(f, "ZT-118", "developer")


def test_no_forward_reference_without_a_single_focal_asset():
    text = ("Zentova Therapeutics Receives FDA Fast Track Designation for Its Lupus Nephritis Program\n\n"
            "The company develops ZT-118, an antibody targeting CD38, and ZT-207, an antibody targeting CD19.\n"
            "ZT-118 and ZT-207 are in Phase 1 studies.\n")
    f = facts_of(text)
    assert not [x for x in f if x.predicate == "regulatory"]


def test_co_developed_with_names_both_developers():
    f = facts_of("ZT-118, an antibody targeting CD38, was discovered by Zentova Therapeutics and is being "
                 "co-developed with Morvane Biosciences.")
    assert {"Zentova Therapeutics", "Morvane Biosciences"} <= set(objects(f, "ZT-118", "developer"))


def test_licensed_an_asset_to_names_the_licensee_as_partner():
    p = partners("Zentova Therapeutics licensed ZT-118, an antibody targeting CD38, to Morvane Biosciences in 2024.")
    assert frozenset(("Zentova Therapeutics", "Morvane Biosciences")) in p


# --- applications accepted in other words ------------------------------------------------

def test_a_pdufa_date_for_an_application_means_it_was_accepted():
    f = facts_of("Zentova Therapeutics today announced that the FDA has assigned a PDUFA target action date of "
                 "March 3, 2027 to the BLA for ZT-118, an antibody targeting CD38.")
    assert any(o["action"] == "filing accepted" and o.get("detail") == "BLA" for o in objects(f, "ZT-118", "regulatory"))


def test_a_marketing_authorisation_application_is_a_filing_not_an_approval():
    f = facts_of("Zentova Therapeutics submitted a Marketing Authorisation Application (MAA) to the European "
                 "Medicines Agency for ZT-118, an antibody targeting CD38, which was validated by the agency.")
    actions = {o["action"] for o in objects(f, "ZT-118", "regulatory")}
    assert "approval" not in actions and "filing accepted" in actions


def test_a_headline_trial_before_any_asset_is_named_belongs_to_the_single_focal_asset():
    text = ("Zentova Therapeutics Announces Positive Topline Results from the Phase 3 MERIDIAN-3 Trial\n\n"
            "Zentova Therapeutics today announced that ZT-118, an antibody targeting CD38, met the primary endpoint.\n"
            "ZT-118 was well tolerated.\n")
    assert "MERIDIAN-3" in objects(facts_of(text), "ZT-118", "trial")


def test_a_name_before_a_link_cue_is_an_asset_when_the_name_after_it_is_one():
    from reportgen.extract import extract_facts
    from reportgen.sources import Document
    facts = extract_facts(Document(id="t.txt", text="Quorvex Bio's Zelvora, formerly known as QRV-12, was approved by the FDA.",
                                   sha256="0" * 64))
    assert ("Zelvora", "QRV-12") in {(f.subject, f.object) for f in facts if f.predicate == "name"}


def test_a_link_cue_reaches_an_asset_name_at_the_end_of_a_chemical_phrase():
    from reportgen.extract import extract_facts
    from reportgen.sources import Document
    text = ("FDA approves Lumvora for prostate cancer. Lumvora, also known as lutetium Lu 177 zoraxitide, "
            "is a radioligand therapy. Lumvora was approved for men with prostate cancer.")
    facts = extract_facts(Document(id="t.txt", text=text, sha256="0" * 64))
    names = {frozenset((f.subject, f.object)) for f in facts if f.predicate == "name"}
    # the whole isotope phrase is the name since 2.0 (radioligands.py); the link still reaches it
    assert frozenset(("lutetium Lu 177 zoraxitide", "Lumvora")) in names
