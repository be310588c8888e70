"""Extraction rules pinned by small invented sentences, grouped by the behaviour they specify.

No drug, company or trial here is real; each name is built to have a shape, not to be looked up.
"""

from __future__ import annotations

import pytest

from reportgen.extract import extract_facts
from reportgen.extract.names import INN_RE, NOT_INN
from reportgen.facts import plain
from reportgen.sources import Document


def facts_of(text: str):
    return extract_facts(Document(id="t.txt", text=text, sha256="0" * 64))


def objects(facts, subject, predicate):
    return [plain(f.object) for f in facts if f.subject.casefold() == subject.casefold() and f.predicate == predicate]


# --- asset names by WHO INN stem (data/inn_stems.yaml) --------------------------------

@pytest.mark.parametrize("name", [
    "zorvamenib", "quelarasib", "trabolisib", "velantug", "moxaparib", "dariciclib",
    "quorbazumab vedotin", "xelotumab pamirtecan", "tavimagene zorlaracel", "orbanogene autotemcel",
    "velostrocel", "temparvovec", "dorastemcel-L-abcd",
])
def test_inn_stems_are_asset_names(name):
    m = INN_RE.search(f"the company's {name} was well tolerated")
    assert m and m.group(0) == name


@pytest.mark.parametrize("word", ["cancel", "parcel", "concept", "accept", "worsen", "excel"])
def test_ordinary_words_that_end_like_a_stem_are_not(word):
    m = INN_RE.search(f"they {word} the plan")
    assert m is None or m.group(0).casefold() in NOT_INN


def test_an_inn_asset_gets_its_facts():
    fs = facts_of("Quorvex Therapeutics announced that zorvamenib, a menin inhibitor, received FDA approval "
                  "for acute myeloid leukemia.")
    assert "menin" in objects(fs, "zorvamenib", "target")
    assert any(o.get("authority") == "FDA" and o.get("action") == "approval" for o in objects(fs, "zorvamenib", "regulatory"))


# --- targets stated as the drug class ----------------------------------------------------

@pytest.mark.parametrize("phrase,target", [
    ("an oral KRAS G12C inhibitor", "KRAS G12C"), ("a selective BTK inhibitor", "BTK"),
    ("a MAGE-A4–directed T-cell therapy", "MAGE-A4"),
])
def test_inhibitor_and_directed_phrases_name_the_target(phrase, target):
    fs = facts_of(f"Velnorasib is {phrase} developed by Quorvex Therapeutics.")
    assert target in objects(fs, "Velnorasib", "target") or target in objects(fs, "velnorasib", "target")


# --- organizations ------------------------------------------------------------------------

def test_location_prefix_is_not_part_of_the_organization():
    fs = facts_of("San Diego-based Quorvex Therapeutics announced that QVX-2207 received FDA clearance "
                  "of its Investigational New Drug application.")
    devs = objects(fs, "QVX-2207", "developer")
    assert devs == ["Quorvex Therapeutics"]


# --- trials -------------------------------------------------------------------------------

def test_a_code_led_by_a_phase_or_enrolling_patients_is_a_study():
    fs = facts_of("Velnorasib is a KRAS G12C inhibitor. Results from the Phase 2 ZOLTA-001 trial were presented. "
                  "ZOLTA-001 enrolled 112 patients with non-small cell lung cancer.")
    assert "ZOLTA-001" in objects(fs, "velnorasib", "trial") + objects(fs, "Velnorasib", "trial")


# --- regulators ---------------------------------------------------------------------------

def test_a_designation_takes_the_regulator_named_just_before():
    fs = facts_of("The Center for Drug Evaluation (CDE) published its list on Monday. "
                  "Velnorasib has obtained breakthrough therapy designation for gastric cancer.")
    regs = objects(fs, "Velnorasib", "regulatory") + objects(fs, "velnorasib", "regulatory")
    assert any(r.get("authority") == "CDE" and r.get("detail") == "Breakthrough Therapy" for r in regs)


def test_breakthrough_designation_spelling_is_a_designation():
    fs = facts_of("The FDA awarded a breakthrough designation for zorvamenib in April 2024.")
    regs = objects(fs, "zorvamenib", "regulatory")
    assert any(r.get("action") == "designation" and r.get("detail") == "Breakthrough Therapy" for r in regs)


# --- vocabularies: British spellings, specific disease forms ----------------------------

def test_british_spellings_match_the_same_disease():
    fs = facts_of("Zorvamenib is being developed for acute myeloid leukaemia and beta thalassaemia.")
    inds = objects(fs, "zorvamenib", "indication")
    # recognised as the curated diseases, and stated as the quote writes them (indications.as_written)
    from reportgen.diseases import vocabulary
    resolve = vocabulary().resolve
    assert "acute myeloid leukaemia" in inds and resolve("acute myeloid leukaemia") == resolve("acute myeloid leukemia")
    assert {"beta-thalassemia", "beta thalassaemia"} & set(inds)


def test_a_disease_subtype_is_kept_specific():
    fs = facts_of("Quorbazumab vedotin is approved for triple-negative breast cancer.")
    assert objects(fs, "quorbazumab vedotin", "indication") == ["triple-negative breast cancer"]


# --- name shapes ---------------------------------------------------------------------------

@pytest.mark.parametrize("code", ["QRX-A1921", "TED-B9"])
def test_letter_hyphen_letter_digit_codes_are_assets(code):
    fs = facts_of(f"{code} is an antibody-drug conjugate targeting TROP2.")
    assert "TROP2" in objects(fs, code, "target")


# --- organizations by position and apposition ------------------------------------------------

def test_the_announcer_at_a_sentence_start_is_an_organization():
    fs = facts_of("Quellora announced that the NMPA accepted the NDA for zorvamenib. "
                  "Zorvamenib was independently developed by Quellora.")
    assert objects(fs, "zorvamenib", "developer") == ["Quellora"]


def test_a_country_possessive_is_not_part_of_the_organization():
    fs = facts_of("China’s Quellora Biopharma announced that zorvamenib met its primary endpoint.")
    assert objects(fs, "zorvamenib", "developer") == ["Quellora Biopharma"]


def test_developed_through_a_partnership_names_both_developers():
    fs = facts_of("Zorvamenib is a menin inhibitor. It was developed through a partnership between "
                  "Quorvex Therapeutics and Velnor Pharmaceuticals.")
    assert set(objects(fs, "zorvamenib", "developer")) == {"Quorvex Therapeutics", "Velnor Pharmaceuticals"}


# --- regulatory actions ----------------------------------------------------------------------

def test_an_fda_accepted_ind_is_a_clearance_an_nmpa_accepted_one_a_filing():
    us = facts_of("The FDA accepted the Investigational New Drug (IND) application for QRX-2207, a CAR-T cell therapy.")
    assert any(r.get("action") == "IND clearance" for r in objects(us, "QRX-2207", "regulatory"))


# --- licensees ----------------------------------------------------------------------------

def test_an_in_licensing_organization_is_a_developer():
    fs = facts_of("Zorvamenib is a menin inhibitor. Quorvex Therapeutics, which in-licensed zorvamenib in 2022, "
                  "plans a filing.")
    assert "Quorvex Therapeutics" in objects(fs, "zorvamenib", "developer")


def test_an_organization_does_not_span_a_sentence_end():
    fs = facts_of("It is given at Qualified Treatment Centers. Quorvex Therapeutics developed zorvamenib "
                  "for acute myeloid leukemia; zorvamenib was developed by Quorvex Therapeutics.")
    assert all("Centers" not in d for d in objects(fs, "zorvamenib", "developer"))


# --- efficacy figures in sentences that do not repeat the asset ----------------------------

def test_counts_with_a_percentage_and_percent_words_carry_to_the_current_asset():
    fs = facts_of("Zorvamenib is a menin inhibitor for type 1 diabetes. Ten of 12 (83%) reached insulin "
                  "independence at one year.\nIn the study, 64 percent of patients achieved an objective response rate.\n")
    eff = {(o["endpoint"], o["value"]) for o in objects(fs, "zorvamenib", "efficacy")}
    assert ("insulin independence", 83) in eff and ("ORR", 64) in eff


# --- reference resolution: facts in sentences that do not repeat the name ------------------

def test_a_definite_description_speaks_of_the_asset_named_just_before():
    fs = facts_of("Quorvex Therapeutics announced FDA clearance for QRX-2207. "
                  "The candidate is a bispecific antibody targeting CLDN18.2 for gastric cancer.")
    assert "CLDN18.2" in objects(fs, "QRX-2207", "target")
    assert "bispecific antibody" in objects(fs, "QRX-2207", "modality")
    assert "gastric cancer" in objects(fs, "QRX-2207", "indication")


def test_it_opening_a_sentence_speaks_of_the_asset_of_the_previous_one():
    fs = facts_of("Quorvex Therapeutics today presented data on QRX-2207. "
                  "It targets CLDN18.2 and was granted Orphan Drug designation by the FDA.")
    assert "CLDN18.2" in objects(fs, "QRX-2207", "target")
    assert any(o.get("detail") == "Orphan Drug" for o in objects(fs, "QRX-2207", "regulatory"))


def test_an_impersonal_it_is_not_the_asset():
    fs = facts_of("Quorvex Therapeutics today presented data on QRX-2207. "
                  "It is expected that gastric cancer rates will rise.")
    assert "gastric cancer" not in objects(fs, "QRX-2207", "indication")


def test_no_resolution_when_two_assets_compete():
    fs = facts_of("Quorvex Therapeutics develops QRX-2207 and QRX-3301. "
                  "The candidate is a bispecific antibody targeting CLDN18.2.")
    assert not objects(fs, "QRX-2207", "target") and not objects(fs, "QRX-3301", "target")


def test_another_product_description_is_not_the_asset():
    fs = facts_of("Quorvex Therapeutics announced data on QRX-2207. "
                  "The standard therapy is a CD20 antibody for follicular lymphoma.")
    assert "CD20" not in objects(fs, "QRX-2207", "target")


def test_an_unnamed_other_asset_breaks_the_chain():
    fs = facts_of("QRX-2207 is a CAR-T cell therapy. Additionally, the company's CD22 CAR-T cell therapy "
                  "entered Phase 1. The therapy was granted Orphan Drug designation for acute lymphoblastic leukemia.")
    assert "acute lymphoblastic leukemia" not in objects(fs, "QRX-2207", "indication")


def test_the_company_is_the_announcer():
    fs = facts_of("Quorvex Therapeutics announced topline results today. "
                  "The company is developing QRX-2207, a menin inhibitor, for acute myeloid leukemia.")
    assert "Quorvex Therapeutics" in objects(fs, "QRX-2207", "developer")


def test_the_company_after_a_regulator_is_still_the_announcer():
    from reportgen.extract.references import Resolver

    r = Resolver(single_focal=None, announcers=(1,), is_regulator=lambda eid: eid == 2)
    r.saw([], [type("M", (), {"eid": 2})()])
    assert [eid for _, _, eid in r.org_references("The company said so.", 0)] == [1]


# --- planned and future events are not facts ---------------------------------------------------

@pytest.mark.parametrize("clause", [
    "plans to initiate a Phase 3 study in 2027",
    "expects to start a Phase 2 trial next year",
    "is on track to begin a Phase 3 program",
])
def test_a_planned_trial_gives_no_phase(clause):
    fs = facts_of(f"Zorvamenib is a menin inhibitor. Quorvex Therapeutics {clause} of zorvamenib.")
    assert {"stage": "phase 3"} not in objects(fs, "zorvamenib", "phase")
    assert {"stage": "phase 2"} not in objects(fs, "zorvamenib", "phase")


@pytest.mark.parametrize("clause", [
    "will apply for approval from the FDA",
    "expects to submit a Biologics License Application to the FDA",
    "is on track to receive FDA approval",
])
def test_a_planned_filing_or_approval_is_not_a_regulatory_fact(clause):
    fs = facts_of(f"Zorvamenib is a menin inhibitor. Quorvex Therapeutics {clause} for zorvamenib in 2027.")
    assert not [o for o in objects(fs, "zorvamenib", "regulatory") if o.get("action") in ("approval", "filing")]


def test_a_trial_that_is_under_way_still_gives_its_phase():
    fs = facts_of("Zorvamenib is a menin inhibitor. Data from the Phase 3 trial of zorvamenib will be presented in June.")
    assert {"stage": "phase 3"} in objects(fs, "zorvamenib", "phase")


# --- the patients' treatment history names no target -----------------------------------------

@pytest.mark.parametrize("history", [
    "whose disease progressed after BCMA CAR-T therapy",
    "with prior anti-CD38 antibody therapy",
    "previously treated with a CD19-directed therapy",
])
def test_what_patients_received_before_is_not_the_target(history):
    fs = facts_of(f"Zorvacabtagene autoleucel is a GPRC5D-directed CAR-T therapy studied in patients {history}.")
    targets = objects(fs, "zorvacabtagene autoleucel", "target")
    assert "GPRC5D" in targets and not ({"BCMA", "CD38", "CD19"} & set(targets))


# --- asset names by shape (extract/shapes.py, data/shapes.yaml) --------------------------------

def asset_names(text: str) -> set[str]:
    from reportgen.extract.lexicon import load_lexicons
    from reportgen.extract.names import build_names
    from reportgen.extract.sentences import split_sentences
    from reportgen.extract.trials import find_trials

    lex = load_lexicons()
    names = build_names(text, split_sentences(text), lex, find_trials(text, lex))
    return {m.surface for m in names.assets}


@pytest.mark.parametrize("sentence, name", [
    ("Quorvex dosed the first patient with 7Q-418, an AAV gene therapy.", "7Q-418"),
    ("The ADC XR-B07D2 showed activity in the clinical study.", "XR-B07D2"),
    ("The candidate Veltrix-08 is an oral inhibitor for adults.", "Veltrix-08"),
    ("The antibody-drug conjugate Zor-DXd was well tolerated at every dose.", "Zor-DXd"),
])
def test_code_shapes_in_a_drug_context_are_assets(sentence, name):
    assert name in asset_names(sentence)


def test_a_code_with_a_space_is_an_asset_when_repeated():
    text = "The antibody QRV 412 was generally well tolerated. Patients received QRV 412 every three weeks."
    assert "QRV 412" in asset_names(text)
    assert "QRV 412" not in asset_names("QRV 412 was generally well tolerated in patients with lymphoma.")
    assert "QRV 836858" in asset_names("The agency granted the designation to QRV 836858, an antibody, for leukemia.")


@pytest.mark.parametrize("sentence, name", [
    ("Quorvex is developing a gene therapy called Lumavex for a rare retinal disease.", "Lumavex"),
    ("The cell therapy, dubbed Corvanta, was infused once.", "Corvanta"),
    ("The agency approved the antibody “Zelmora” for adults.", "Zelmora"),
])
def test_cue_introduced_and_quoted_names_are_assets(sentence, name):
    assert name in asset_names(sentence)


def test_named_without_a_drug_noun_before_it_is_not_an_asset():
    assert "Jordan" not in asset_names("The board named Jordan as chief executive in June.")


def test_a_name_in_apposition_to_a_drug_noun_is_an_asset_when_repeated():
    text = ("Quorvex reported data for Lumidrel, an investigational AAV gene therapy. "
            "Lumidrel was well tolerated in all patients.")
    assert "Lumidrel" in asset_names(text)
    facts = facts_of(text)
    assert any(f.subject == "Lumidrel" for f in facts)


def test_an_organization_in_apposition_to_a_company_noun_is_not_an_asset():
    text = ("Zentavo, a clinical-stage company developing gene therapies, announced data. "
            "Zentavo said the therapy was well tolerated.")
    assert "Zentavo" not in asset_names(text)


def test_an_unmarked_headline_brand_repeated_in_the_body_is_an_asset():
    text = ("ZELVORA Shows Durable Responses in Rare Lymphoma\n\n"
            "Quorvex Bio announced that ZELVORA, its CD19-directed therapy, achieved a response rate of 60%. "
            "ZELVORA was well tolerated.")
    assert "ZELVORA" in asset_names(text)


# --- false codes: shapes that look like R&D codes and name no asset ------------------------------

@pytest.mark.parametrize("sentence, code", [
    ("The antibody was tested in HEK293 cells and CHO-K1 cells before the clinical study.", "HEK293"),
    ("The candidate will be presented at ASCO 2026 and ASCO 2026 attendees may visit the booth.", "ASCO 2026"),
    ("The drug candidate was described in the study NCT01234567 in patients.", "NCT01234567"),
    ("The candidate reduced IL-6 and IL-17 levels in patients.", "IL-17"),
    ("The therapy is manufactured under ISO 13485 and ISO 13485 controls.", "ISO 13485"),
    ("Non-US patients received the candidate therapy in the clinical program.", "Non-US"),
])
def test_false_codes_are_not_assets(sentence, code):
    assert code not in asset_names(sentence)


def test_false_code_prefixes_cover_periods_registries_cell_lines_and_years():
    from reportgen.extract.shapes import false_code
    assert false_code("FY2025") and false_code("MCF-7") and false_code("EudraCT 2021") and false_code("2026")
    assert not false_code("QRV-412") and not false_code("7Q-418")


# --- INN stems the WHO list adds beyond the corpus -----------------------------------------------

@pytest.mark.parametrize("name", ["zorvelstat", "quelmatide", "velonakin", "trabeplermin"])
def test_more_inn_stems_are_asset_names(name):
    assert INN_RE.fullmatch(name)


@pytest.mark.parametrize("word", ["thermostat", "peptide", "oligonucleotide"])
def test_words_ending_in_stat_or_tide_are_not_inns(word):
    assert word in NOT_INN


def test_an_enzyme_inn_with_alfa_is_one_asset_name():
    assert "velaglucosidase alfa" in asset_names("The enzyme therapy velaglucosidase alfa was approved for adults.")


# --- organizations by shape ------------------------------------------------------------------------

def test_a_hospital_of_a_university_is_one_organization():
    text = ("Quorvex Therapeutics and the First Affiliated Hospital of Zentavo Medical University "
            "entered into a collaboration to study QX-101, a gene therapy.")
    partners = {f.object for f in facts_of(text) if f.predicate == "partner"}
    assert "First Affiliated Hospital of Zentavo Medical University" in partners


def test_big_pharma_is_not_an_organization():
    facts = facts_of("Quorvex Therapeutics said the Big Pharma will pay $1 billion to acquire Zentavo Bio.")
    assert not any("Big Pharma" in (f.subject, f.object) for f in facts)


# --- partners from deal language (data/relations.yaml) ----------------------------------------------

def partner_pairs(text: str) -> set[frozenset]:
    return {frozenset((f.subject, f.object)) for f in facts_of(text) if f.predicate == "partner"}


def test_an_acquirer_and_its_target_are_partners():
    assert frozenset(("Quorvex Therapeutics", "Zentavo Bio")) in partner_pairs(
        "Quorvex Therapeutics will acquire Zentavo Bio for $500 million in cash.")


def test_acquired_by_pairs_the_parties_the_other_way():
    assert frozenset(("Quorvex Therapeutics", "Zentavo Bio")) in partner_pairs(
        "Zentavo Bio will be acquired by Quorvex Therapeutics, the companies said.")


def test_in_collaboration_with_pairs_the_announcer_when_the_sentence_names_no_subject():
    text = ("Quorvex Therapeutics today announced data for QX-101, a gene therapy. "
            "The study was conducted in collaboration with Zentavo University Hospital.")
    assert frozenset(("Quorvex Therapeutics", "Zentavo University Hospital")) in partner_pairs(text)


def test_a_regulator_after_with_is_not_a_partner():
    text = ("Quorvex Therapeutics today announced data for QX-101, a gene therapy. "
            "The company reached an agreement with the FDA on the trial design.")
    assert not any("FDA" in p for pair in partner_pairs(text) for p in pair)


# --- phase of the focal asset from a trial sentence that does not name it ------------------------

def test_a_trial_sentence_before_the_asset_is_named_gives_the_focal_asset_its_phase():
    text = ("QX-101 Meets Primary Endpoint\n\n"
            "The Phase 3 trial enrolled 300 patients with lupus. "
            "Quorvex Therapeutics said QX-101 was well tolerated.")
    assert {"stage": "phase 3"} in objects(facts_of(text), "QX-101", "phase")


def test_a_single_letter_code_is_an_asset_when_repeated_next_to_a_drug_noun():
    text = "The antibody R418 was well tolerated. Patients received R418 every three weeks."
    assert "R418" in asset_names(text)
    assert "R418" not in asset_names("Patients in room R418 were discharged.")
    assert "A549" not in asset_names("The antibody killed A549 cells; A549 cells were resistant to the drug.")


def test_a_false_code_prefix_needs_a_digit_or_a_separated_letter_code_after_it():
    from reportgen.extract.shapes import false_code
    assert false_code("CHO-K1") and false_code("HL-60")
    assert not false_code("HLQ22") and not false_code("CDQ301")


def test_a_headline_comparator_is_not_the_focal_asset():
    from reportgen.extract.document import build_model
    from reportgen.extract.lexicon import load_lexicons
    from reportgen.extract.names import build_names
    from reportgen.extract.sentences import split_sentences
    from reportgen.extract.trials import find_trials

    text = ("Phase 3 Win Versus Zorvatumab for Lymphoma Patients\n\n"
            "Quorvex Therapeutics announced that R418, an antibody, met the primary endpoint. "
            "Patients received R418 every three weeks.")
    lex = load_lexicons()
    sentences = split_sentences(text)
    names = build_names(text, sentences, lex, find_trials(text, lex))
    model = build_model(names, sentences, text, lambda eid: False)
    assert names.entities[model.single_focal].canonical == "R418"


# --- organizations by position --------------------------------------------------------------------

def test_a_location_based_name_is_an_organization():
    text = "Osaka-based Velmora and Quorvex Therapeutics announced a collaboration on QX-101, a gene therapy."
    assert frozenset(("Velmora", "Quorvex Therapeutics")) in partner_pairs(text)


# --- licensees ----------------------------------------------------------------------------------

def test_a_licensee_receiving_rights_is_a_partner_of_the_announcer():
    text = ("Quorvex Therapeutics today announced a deal for QX-101, a gene therapy. "
            "Under the terms, Zentavo Bio will receive exclusive rights to QX-101 in Japan.")
    assert frozenset(("Quorvex Therapeutics", "Zentavo Bio")) in partner_pairs(text)


# --- indications stated about the current asset by its developer (extract/indications.py) ---------

def test_a_developer_subject_sentence_gives_its_asset_the_listed_indications():
    fs = facts_of("Velnostat is an ADC developed by Quorvex Therapeutics for gastric cancer.\n"
                  "Quorvex Therapeutics is conducting multiple trials targeting tumors with HER2 expression, "
                  "including breast cancer, bladder cancer, and non-small cell lung cancer.")
    got = set(objects(fs, "Velnostat", "indication"))
    assert {"bladder cancer", "breast cancer", "non-small cell lung cancer"} <= got


def test_a_sentence_about_other_programs_gives_the_asset_no_indication():
    fs = facts_of("Velnostat is an ADC developed by Quorvex Therapeutics for gastric cancer.\n"
                  "Data from these programs support the treatment of bladder cancer.")
    assert "bladder cancer" not in objects(fs, "Velnostat", "indication")


# --- disease names from MeSH, only after a treatment cue (extract/mesh_mentions.py) ----------------

def test_a_mesh_disease_after_a_treatment_cue_is_an_indication():
    fs = facts_of("Velnolimab is an antibody developed by Quorvex Therapeutics for the treatment of patients "
                  "with Kawasaki disease.")
    assert "Kawasaki disease" in objects(fs, "Velnolimab", "indication")


def test_a_mesh_disease_without_a_cue_is_not():
    fs = facts_of("Velnolimab is an antibody developed by Quorvex Therapeutics. Kawasaki disease was discussed "
                  "at the meeting.")
    assert objects(fs, "Velnolimab", "indication") == []


def test_acute_gvhd_abbreviations_are_diseases():
    fs = facts_of("Velnostrocel is an MSC therapy developed by Quorvex Therapeutics for the treatment of "
                  "steroid-refractory-aGVHD.")
    # the curated disease, stated as the quote writes it (indications.as_written) where MeSH reads it the same
    from reportgen.diseases import vocabulary
    resolve = vocabulary().resolve
    inds = objects(fs, "Velnostrocel", "indication")
    assert inds and all(resolve(i) == resolve("steroid-refractory acute graft-versus-host disease") for i in inds)


# --- trials listed after "trials," and phases of studies named apart from the asset ---------------

def test_codes_listed_after_trials_are_trials_not_assets():
    fs = facts_of("Velnocabtagene autoleucel is a CAR-T therapy from Quorvex Therapeutics.\n"
                  "It has been authorised by the MHRA following two global clinical trials, KORU-111 and KORU-121, "
                  "with a hospital leading the UK arm.")
    assert {"KORU-111", "KORU-121"} <= set(objects(fs, "Velnocabtagene autoleucel", "trial"))
    assert objects(fs, "KORU-111", "regulatory") == []


def test_a_combination_clause_ends_at_its_verb():
    fs = facts_of("Quorvex Therapeutics announced that the NMPA approved velnolimab for cervical cancer.\n"
                  "The approval for velnolimab's use in combination with chemotherapy in first-line cervical cancer "
                  "is based on the clinical data from the Phase III KORU-16 study.")
    assert {"stage": "phase 3"} in objects(fs, "velnolimab", "phase")


def test_a_phase_study_sentence_without_the_asset_is_about_the_asset_last_named():
    fs = facts_of("Velnolimab is an antibody developed by Quorvex Therapeutics.\n"
                  "Preclinical studies have shown that velnolimab kills tumor cells. "
                  "A Phase I dose escalation study has been completed.")
    assert {"stage": "phase 1"} in objects(fs, "Velnolimab", "phase")


def test_a_pipeline_count_gives_no_phase():
    fs = facts_of("Velnolimab is an antibody developed by Quorvex Therapeutics.\n"
                  "Six assets are in Phase III or pivotal clinical trials.")
    assert objects(fs, "Velnolimab", "phase") == []


# --- a name in apposition to its maker ("X, developed by ORG") ------------------------------------

def test_a_name_before_developed_by_is_an_asset_with_its_own_facts():
    fs = facts_of("Quorvex Therapeutics announced that the NMPA approved Velnostrocel for steroid-refractory aGVHD.\n"
                  "Zelvorin, developed by Australia’s Mestrix for treating SR-aGVHD, won approval in the United States "
                  "last month.")
    assert any(o.get("authority") == "FDA" for o in objects(fs, "Zelvorin", "regulatory"))
    assert not any(o.get("authority") == "FDA" for o in objects(fs, "Velnostrocel", "regulatory"))


def test_a_dosage_form_before_developed_by_is_not_a_name():
    fs = facts_of("QVX4410 Injection, developed by Quorvex Therapeutics, is a CAR-T therapy for lupus nephritis.")
    assert objects(fs, "Injection", "developer") == []


# --- a review status is an accepted filing, a granted one a designation (extract/review_status.py) --

def test_under_priority_review_is_an_accepted_filing():
    fs = facts_of("Velnostrocel is a gene therapy developed by Quorvex Therapeutics.\n"
                  "Velnostrocel is under priority review by the US Food and Drug Administration.")
    assert {"authority": "FDA", "action": "filing accepted", "detail": "Priority Review"} in \
        objects(fs, "Velnostrocel", "regulatory")


def test_granted_priority_review_stays_a_designation():
    fs = facts_of("Velnostrocel is a gene therapy developed by Quorvex Therapeutics.\n"
                  "The FDA granted Priority Review to Velnostrocel.")
    assert all(o["action"] == "designation" for o in objects(fs, "Velnostrocel", "regulatory"))


def test_a_phase_the_trial_means_to_reach_is_planned():
    fs = facts_of("Velnostrocel is a CAR-T therapy developed by Quorvex Therapeutics.\n"
                  "Quorvex Therapeutics is running the trial to find a dose to take into phase 2 studies.")
    assert objects(fs, "Velnostrocel", "phase") == []


def test_an_approval_that_starts_first_trials_is_an_ind_clearance():
    fs = facts_of("Velnostrocel is a base-editing therapy developed by Quorvex Therapeutics.\n"
                  "The therapy was approved by the National Medical Products Administration and initiated Phase I "
                  "clinical trials in April.")
    assert [o["action"] for o in objects(fs, "Velnostrocel", "regulatory")] == ["IND clearance"]


def test_an_approval_followed_by_a_later_phase_stays_an_approval():
    fs = facts_of("Velnostrocel is a base-editing therapy developed by Quorvex Therapeutics.\n"
                  "The therapy was approved by the National Medical Products Administration for beta-thalassemia.")
    assert [o["action"] for o in objects(fs, "Velnostrocel", "regulatory")] == ["approval"]


# --- focal assets named without a stem or a hyphenated code (lead, 1.8) --------------------------

def test_a_short_capital_code_with_one_digit_is_an_asset_in_a_drug_context():
    text = ("The agency granted the designation to QRV7, its CD22 CAR T cell therapy, for adults. "
            "QRV7 is being studied in a Phase 1 trial.")
    assert "QRV7" in asset_names(text)
    assert "QRV7" not in asset_names("The QRV7 region of the chromosome was sequenced.")


def test_a_name_that_opens_a_sentence_is_a_drug_noun_is_an_asset():
    text = ("Zelmiro, also known as lutetium Lu 177 vexatide, is a radioligand therapy that targets PSMA. "
            "Zelmiro reduced the risk of death.")
    assert "Zelmiro" in asset_names(text)


def test_a_name_that_is_a_company_or_a_platform_is_not_an_asset_by_copula():
    text = ("Quorvia is a clinical-stage regenerative medicine company. Quorvia said the data were strong. "
            "Lumetra is a proprietary platform for producing therapeutic products. Lumetra was licensed.")
    names = asset_names(text)
    assert "Quorvia" not in names and "Lumetra" not in names


def test_a_capitalized_word_an_organization_owns_or_an_approval_is_of_is_an_asset_when_repeated():
    text = ("The FDA on Friday approved Westvane Pharmaceuticals' Solvexa for adults with renal cell carcinoma. "
            "Solvexa improved progression-free survival.")
    assert "Solvexa" in asset_names(text)
    once = "The FDA on Friday approved Westvane Pharmaceuticals' Solvexa for adults with renal cell carcinoma."
    assert "Solvexa" not in asset_names(once)


def test_filed_for_approval_is_a_filing_not_an_approval():
    facts = facts_of("Quorvex has also filed QRV-112 for approval with the European Medicines Agency.")
    regulatory = objects(facts, "QRV-112", "regulatory")
    assert {"authority": "EMA", "action": "filing"} in regulatory
    assert not any(r["action"] == "approval" for r in regulatory)


def test_a_letter_after_a_disease_word_ends_the_sentence():
    from reportgen.extract.sentences import split_sentences
    text = "The FDA approved QRV-112 for adults with hemophilia B. QRV-112 was licensed in 2021."
    assert len(split_sentences(text)) == 2
    assert len(split_sentences("The letter was signed by John A. Smith in June.")) == 1


def test_a_gene_like_symbol_after_an_inhibitor_cue_is_a_target_not_an_asset():
    text = "The agency granted the designation to velnoparib, a small molecule inhibitor of QRK7, for adults."
    facts = facts_of(text)
    assert "QRK7" in objects(facts, "velnoparib", "target")
    assert not [f for f in facts if f.subject == "QRK7"]


def test_codes_with_a_lower_case_prefix_or_a_long_spaced_number_are_assets():
    assert "hxQV27" in asset_names("The FDA placed a clinical hold on the gene therapy hxQV27 after a death.")
    text = "The FDA granted the designation to QT 448812 for leukemia. QT 448812 is an antibody."
    assert "QT 448812" in asset_names(text)


def test_the_holder_of_a_designation_is_the_developer():
    facts = facts_of("Zymorta Inc. received orphan drug designation for ZM-525, a gene therapy.")
    assert "Zymorta Inc." in objects(facts, "ZM-525", "developer")


def test_an_apposition_ending_in_from_org_names_the_developer():
    made = facts_of("The agency granted the status to QRV-112. It also granted the status to velnoparib, "
                    "a small molecule inhibitor from Norvane Oncology, for adults.")
    assert "Norvane Oncology" in objects(made, "velnoparib", "developer")
    assert "Norvane Oncology" not in objects(made, "QRV-112", "developer")


def test_collaborate_with_names_a_partner():
    facts = facts_of("Quorvex Bio announced data for QRV-112. Quorvex Bio will also collaborate with "
                     "Westvane Children's Hospital on the program.")
    partners = {f.object for f in facts if f.predicate == "partner"} | {f.subject for f in facts if f.predicate == "partner"}
    assert "Westvane Children's Hospital" in partners


def test_a_longer_mesh_disease_after_stage_words_replaces_the_curated_short_one_everywhere():
    text = ("Quorvex Wins Approval for QRV-112 in Metastatic Uveal Melanoma\n\n"
            "The FDA approved QRV-112 for adults with unresectable or metastatic uveal melanoma.")
    facts = facts_of(text)
    assert set(objects(facts, "QRV-112", "indication")) == {"uveal melanoma"}


def test_a_lower_case_antigen_after_targets_is_the_target():
    facts = facts_of("QRV-112 is a bispecific protein that targets gp100 and was well tolerated.")
    assert "gp100" in objects(facts, "QRV-112", "target")
    assert not [f for f in facts if f.subject == "gp100"]


@pytest.mark.parametrize("text", [
    "Quorvexa said the FDA accepted its Biologics License Application for velnotamab in ovarian cancer.",
    "Velnotamab, which Quorvexa acquired in 2020, was approved by the FDA for ovarian cancer.",
    "Velnotamab is being developed by Quorvexa for ovarian cancer.",
])
def test_an_organization_without_a_company_word_is_named_by_its_role(text):
    facts = facts_of(text)
    assert "Quorvexa" in objects(facts, "velnotamab", "developer")


@pytest.mark.parametrize("text", [
    "Jane Quorvexa, chief executive, spoke. Quorvexa said velnotamab was approved by the FDA for ovarian cancer.",
    "Analysts said velnotamab was approved by the FDA for ovarian cancer, as analysts expected.",
    "Velnotamab received Orphan Drug designation from the FDA for ovarian cancer. Velnotamab is an antibody.",
])
def test_people_ordinary_words_and_assets_are_not_organizations_by_role(text):
    facts = facts_of(text)
    assert not [f for f in facts if f.predicate == "developer"]


def test_the_owner_in_a_possessive_before_an_asset_name_is_an_organization():
    facts = facts_of("The FDA approved Quorvexa's velnotamab for ovarian cancer.")
    assert "Quorvexa" in objects(facts, "velnotamab", "developer")


@pytest.mark.parametrize("sentence, target", [
    ("The FDA approved velnotamab, a CD20xCD3 bispecific antibody, for follicular lymphoma.", "CD20"),
    ("Quorvex Bio's QRV-12 is a third-generation EGFR tyrosine kinase inhibitor for lung cancer.", "EGFR"),
    ("QRV-12 (Quorvex Bio) is an investigational TIGIT antibody for lung cancer.", "TIGIT"),
    ("Quorvex Bio said QRV-12 targets Claudin 18.2 and is in a Phase 2 trial in gastric cancer.", "CLDN18.2"),
])
def test_more_ways_of_stating_a_target(sentence, target):
    facts = facts_of(sentence)
    assert any(f.predicate == "target" and f.object == target for f in facts)


def test_granted_prime_eligibility_is_a_designation_but_eligibility_criteria_are_not():
    granted = facts_of("The European Medicines Agency granted PRIME eligibility to the CAR-T therapy QRV-12 for adults with leukemia.")
    assert {"authority": "EMA", "action": "designation", "detail": "PRIME"} in [
        {k: v for k, v in r.items() if k in ("authority", "action", "detail")} for r in objects(granted, "QRV-12", "regulatory")]
    criteria = facts_of("QRV-12 is an antibody. The PRIME eligibility criteria of the EMA are strict.")
    assert not objects(criteria, "QRV-12", "regulatory")


@pytest.mark.parametrize("sentence, endpoint, value", [
    ("QRV-12 is an antibody. Progression-free survival at six months was 31% with QRV-12.", "PFS", 31),
    ("QRV-12 is an antibody. The overall response rate with QRV-12 was 80% in the study.", "ORR", 80),
])
def test_a_time_point_or_the_asset_between_endpoint_and_value(sentence, endpoint, value):
    values = objects(facts_of(sentence), "QRV-12", "efficacy")
    assert any(v["endpoint"] == endpoint and v["value"] == value for v in values)


def test_a_comparator_between_endpoint_and_value_keeps_the_value_off_the_asset():
    values = objects(facts_of("QRV-12 is an antibody. The overall response rate with placebo was 10% in the study."),
                     "QRV-12", "efficacy")
    assert not any(v["value"] == 10 for v in values)


def test_a_deal_payment_names_partners_and_a_possessive_apposition_the_developer():
    facts = facts_of("Halvora Behring will pay uniQova $450 million upfront for exclusive global rights to HQ-061, "
                     "uniQova's investigational gene therapy for hemophilia B.")
    assert "uniQova" in objects(facts, "HQ-061", "developer")
    pairs = {frozenset((f.subject, f.object)) for f in facts if f.predicate == "partner"}
    assert frozenset(("Halvora Behring", "uniQova")) in pairs


def test_one_designation_granted_to_two_assets_goes_to_each_with_its_own_indication():
    facts = facts_of("QT-448 is an antibody. Velnotamab is an antibody. The FDA has granted orphan drug designation "
                     "to QT-448 for acute myeloid leukemia and to velnotamab for ovarian cancer.")
    first = objects(facts, "QT-448", "regulatory")
    second = objects(facts, "velnotamab", "regulatory")
    assert any(r.get("detail") == "Orphan Drug" and r.get("indication") == "acute myeloid leukemia" for r in first)
    assert any(r.get("detail") == "Orphan Drug" and r.get("indication") == "ovarian cancer" for r in second)


@pytest.mark.parametrize("sentence", [
    "The FDA has extended the review period for the Biologics License Application for QRV-12 by three months.",
    "The FDA granted Priority Review to the BLA for QRV-12 and set a PDUFA date of May 2026.",
])
def test_an_application_under_review_is_an_accepted_filing(sentence):
    regulatory = objects(facts_of(sentence), "QRV-12", "regulatory")
    assert any(r["action"] == "filing accepted" for r in regulatory)
    assert not any(r.get("date") == "2026-05" for r in regulatory)  # a PDUFA date is when a decision is due


@pytest.mark.parametrize("text, pair", [
    ("The FDA approved velnotamab (Zelvora®; Quorvexa) for adults. Quorvexa said velnotamab is an antibody.",
     ("velnotamab", "Zelvora")),
    ("velno-cel (velnogene autotemcel; Velnovo) is a CAR-T therapy from Quorvex Bio.",
     ("velnogene autotemcel", "Velnovo")),
])
def test_a_brand_in_a_parenthesis_list_is_a_name_and_the_company_there_is_not(text, pair):
    names = {(f.subject, f.object) for f in facts_of(text) if f.predicate == "name"}
    assert pair in names
    assert not any("Quorvex" in o for _, o in names)


@pytest.mark.parametrize("name", ["velnotuzumab duocarmazine", "zelvotatug vedotin", "quorbart deruxtecan"])
def test_conjugate_inns_with_newer_antibody_stems_and_payloads_are_one_name(name):
    assert INN_RE.fullmatch(name)


def test_a_time_point_in_words_names_the_rate():
    values = objects(facts_of("QRV-12 is an antibody. The six-month complete response rate with QRV-12 was 53.5%."),
                     "QRV-12", "efficacy")
    assert any(v["endpoint"] == "6-month CR rate" and v["value"] == 53.5 for v in values)


def test_a_name_set_off_by_from_org_is_an_asset_of_that_organization():
    text = ("Two iPSC-derived products were approved. CardiaVex, from Corvexa Inc., is a sheet of iPSC-derived "
            "heart cells. CardiaVex was approved by the MHLW.")
    assert "Corvexa Inc." in objects(facts_of(text), "CardiaVex", "developer")
    plain = "Results, from the study, were strong. Results were shared."
    assert "Results" not in asset_names(plain)
