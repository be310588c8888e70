"""Focal assets recognised and facts given to the right one, by phrasing family (stop 23, assets helper):
WHO INN stems of current classes, brands and codes written once, tokens that are no assets, combination
partners and comparators, modality of newer classes. Every sentence is invented; no name here is real."""

from __future__ import annotations

import pytest

from tests.readings_support import facts


def subjects(text: str) -> set[str]:
    return {f.subject for f in facts(text) if f.predicate != "name"}


def of(text: str, subject: str, predicate: str) -> set[str]:
    out = set()
    for f in facts(text):
        if f.subject == subject and f.predicate == predicate:
            o = f.object
            out.add(o if isinstance(o, str) else getattr(o, "stage", None) or getattr(o, "detail", None)
                    or getattr(o, "endpoint", None) or str(o))
    return out


# --- INNs of current classes by their WHO stem ------------------------------------------------------------

@pytest.mark.parametrize("inn", [
    "zelvoraglipron",   # non-peptide GLP-1 agonists
    "tavorifexor",      # FXR agonists
    "lumitirom",        # thyromimetics
    "zanucopan",        # complement factor B / D inhibitors
    "ravocamten",       # cardiac myosin inhibitors
    "tigurinurad",      # URAT1 inhibitors
    "norvexian",        # factor XIa inhibitors
    "imelomeran",       # mRNA
    "pozelavirine",     # NNRTIs
    "obrocetrapib",     # CETP inhibitors
    "ciforadenant",     # adenosine A2A antagonists
    "kelvostim",        # colony-stimulating factors
    "bexobrutideg",     # BTK degraders
    "zivorevir",        # antivirals (-vir)
    "selvanexor",       # XPO1 inhibitors
    "brigomadlin",      # MDM2 inhibitors
    "zelacoplan",       # complement peptides
    "mitavopivat",      # pyruvate kinase activators
    "ibrexafungerp",    # triterpenoid antifungals
])
def test_an_inn_of_a_current_class_is_the_focal_asset(inn):
    text = (f"Vexora Therapeutics announced that the FDA granted Fast Track designation to {inn} for the "
            f"treatment of obesity.")
    assert of(text, inn, "developer") == {"Vexora Therapeutics"}
    assert "Fast Track" in of(text, inn, "regulatory")


def test_a_plasmid_gene_therapy_inn_is_one_two_word_name():
    text = "Brightcell announced that the FDA granted RMAT designation to detalimogene voraplasmid for bladder cancer."
    assert "detalimogene voraplasmid" in subjects(text)


@pytest.mark.parametrize("word", ["plasmid", "peptide-drug", "peptide-like"])
def test_words_that_end_like_a_stem_are_no_assets(word):
    text = f"ABX-128 is a {word} conjugate. ABX-128 entered a Phase 2 trial."
    assert subjects(text) == {"ABX-128"}


# --- brands and codes written once ----------------------------------------------------------------------

def test_the_brand_before_a_combination_with_an_inn_is_the_focal_asset():
    text = ("Norvant Pharma announced that the European Commission granted marketing authorization for Zelquira in "
            "combination with tavolizumab for the first-line treatment of advanced endometrial cancer.")
    assert of(text, "Zelquira", "developer") == {"Norvant Pharma"}
    assert of(text, "tavolizumab", "developer") == set()


@pytest.mark.parametrize("text", [
    # the word before the cue opens its sentence, or the drug after it is unknown: nothing is read
    "Chemotherapy in combination with tavolizumab remains the standard.",
    "Norvant Pharma said the study compares Cohort in combination with chemotherapy.",
])
def test_a_combination_cue_alone_names_no_brand(text):
    assert not {"Chemotherapy", "Cohort"} & subjects(text)


def test_an_approval_object_with_its_use_is_an_asset_written_once():
    text = "The FDA approved Vyrexa for the treatment of adults with generalized myasthenia gravis, the agency said."
    assert "approval" in {f.object.action for f in facts(text) if f.subject == "Vyrexa" and f.predicate == "regulatory"}


@pytest.mark.parametrize("text", [
    "The FDA approved Monday for the treatment of the disease.",
    "The agency approved Pfizer's drug for the treatment of adults with migraine.",
])
def test_an_approval_object_that_is_a_day_or_a_company_is_no_asset(text):
    assert not {"Monday", "Pfizer"} & subjects(text)


def test_an_owned_drug_noun_then_a_name_set_off_by_commas_names_it_once():
    text = ("Corbel Pharma today announced that the NMPA approved its novel drug, Corbelix, for gastric cancer. "
            "The drug is a bispecific antibody.")
    assert of(text, "Corbelix", "developer") == {"Corbel Pharma"}
    assert of(text, "Corbelix", "modality") == {"bispecific antibody"}


def test_a_code_followed_by_a_reference_to_the_drug_is_an_asset():
    text = ("Zentra Bio announced positive topline data for ZNT-5. The candidate achieved a complete response rate "
            "of 61%.")
    assert of(text, "ZNT-5", "developer") == {"Zentra Bio"}
    assert "ZNT-52" in subjects("Zentra Bio announced positive topline data for ZNT-52. It was generally well tolerated.")


@pytest.mark.parametrize("text", [
    "Zentra Bio reported revenue growth in its ZN-2024 period. The company expects growth.",
    "Zentra Bio filed a Form S-1 with the SEC. The filing describes risks.",
])
def test_a_code_followed_by_no_reference_to_a_drug_is_no_asset(text):
    assert subjects(text) <= {"Zentra Bio"}


def test_a_short_code_with_a_designation_is_an_asset():
    text = ("Ivory Bio said the FDA has granted Orphan Drug Designation (ODD) for IVB-7 in Duchenne muscular "
            "dystrophy (DMD).")
    assert "Orphan Drug" in of(text, "IVB-7", "regulatory")


# --- tokens that are no assets --------------------------------------------------------------------------

@pytest.mark.parametrize("token", ["PSA50", "PASI-90", "SF-36", "FEV1", "DAS28"])
def test_an_endpoint_scale_written_like_a_code_is_no_asset(token):
    text = f"Brixen Therapeutics announced that BRX-101 achieved a {token} response of 55% in the Phase 2 trial."
    assert token not in subjects(text)
    assert "BRX-101" in subjects(text)


def test_a_gene_listed_before_mutations_is_no_asset():
    text = ("Elmwood Bio announced dosing of the first patient with EW-301 in patients with BRCA2 or PALB2 "
            "mutations. EW-301 is an inhibitor.")
    assert subjects(text) == {"EW-301"}


# --- a combination partner is not the release's subject --------------------------------------------------

@pytest.mark.parametrize("text", [
    "Kavira Bio announced that the FDA granted Breakthrough Therapy designation to KVR-201 in combination with "
    "tavolizumab for first-line NSCLC. Tavolizumab is already approved for NSCLC.",
    "Lorent Therapeutics announced Phase 2 results for KVR-201 plus tavolizumab in melanoma. The combination "
    "achieved an ORR of 38%. Tavolizumab alone achieved an ORR of 20% in a prior study.",
])
def test_a_combination_partner_takes_no_developer_of_the_announcer(text):
    assert of(text, "tavolizumab", "developer") == set()
    assert of(text, "KVR-201", "developer")


def test_the_partner_named_first_keeps_its_developer_when_it_is_the_subject():
    text = ("Kavira Bio announced that the FDA approved kavitamab for NSCLC. Kavitamab is also studied in "
            "combination with KVR-201.")
    assert of(text, "kavitamab", "developer") == {"Kavira Bio"}


# --- modality of newer classes --------------------------------------------------------------------------

@pytest.mark.parametrize("description, modality", [
    ("an oral PROTAC degrader of the androgen receptor", "small molecule"),
    ("a molecular glue degrader of GSPT1", "small molecule"),
    ("a bispecific antibody-drug conjugate targeting EGFR and HER3", "ADC"),
    ("an exosome-based therapeutic for ARDS", "other"),
    ("a peptide-drug conjugate", "other"),
    ("an mRNA therapeutic encoding a missing enzyme", "other"),
    ("an oncolytic virus", "other"),
    ("an allogeneic gamma-delta T cell therapy", "T cell"),
    ("a CAR-M cell therapy", "other"),
    ("an autologous CD19-directed CAR therapy", "CAR-T"),
    ("a tri-specific T-cell engager", "other"),
    ("an antibody-oligonucleotide conjugate (AOC)", "other"),
    ("a prime editing therapy", "gene therapy"),
])
def test_the_modality_of_a_newer_class(description, modality):
    text = f"ABX-104 is {description}. ABX-104 entered a Phase 2 trial."
    assert of(text, "ABX-104", "modality") == {modality}


def test_a_quoted_name_after_an_application_is_an_asset():
    text = ('Dovera Pharma announced that the FDA accepted its Biologics License Application for "Trevanza" for the '
            'treatment of hemophilia A.')
    assert "BLA" in of(text, "Trevanza", "regulatory")


def test_a_quoted_word_after_no_drug_or_application_noun_is_no_asset():
    text = 'Dovera Pharma (the "Company") announced that its partner reported "Strong" demand.'
    assert not {"Company", "Strong"} & subjects(text)


def test_an_inn_written_as_a_likeness_is_no_mention():
    text = "Shanghai Qivan announced that its torvalimab-like PD-1 antibody QV-001b was approved in China."
    assert "torvalimab" not in subjects(text)
    assert "QV-001b" in subjects(text)


def test_a_spaced_code_an_organization_owns_is_an_asset_written_once():
    text = ("Telvira Bio's TLV 1101, a first-in-class anti-Siglec-15 antibody, received IND clearance from the FDA.")
    assert of(text, "TLV 1101", "developer") == {"Telvira Bio"}


# --- "It" right after a sentence about another asset of the release ------------------------------------

def test_it_after_a_sentence_whose_subject_is_a_second_asset_is_that_asset():
    text = ("Quorin Bio announced that QRN-101 received Fast Track designation from the FDA for IgA nephropathy. "
            "Separately, the company's other candidate QRN-202 entered Phase 1. It is a bispecific antibody.")
    assert of(text, "QRN-202", "modality") == {"bispecific antibody"}
    assert of(text, "QRN-101", "modality") == set()


def test_it_after_a_sentence_naming_a_prior_drug_aside_stays_with_the_focal_asset():
    text = ("Quorin Bio announced that QRN-101 received Fast Track designation from the FDA for lung cancer. "
            "Patients in the trial had progressed on osvertinib. It is a bispecific antibody.")
    assert of(text, "osvertinib", "modality") == set()


# --- codes as big and small companies write them -----------------------------------------------------------

@pytest.mark.parametrize("code", ["S-309309", "ORV-101-CAR", "JNJ-90301900", "TQB-2102b"])
def test_a_code_of_a_less_common_shape_is_the_focal_asset(code):
    text = f"Orvane announced that the first patient was dosed with {code} in a Phase 2 trial for obesity."
    assert of(text, code, "developer") == {"Orvane"}


def test_a_code_after_a_phase_trial_of_is_an_asset():
    text = "Orvane announced the Phase 1 trial of ABBV-383 in multiple myeloma."
    assert "phase 1" in of(text, "ABBV-383", "phase")


@pytest.mark.parametrize("text", [
    "Orvane announced that SRI-4 response rates were 58% versus 31% for placebo.",
    "Orvane said patients improved on the ZXQ-7 score by 12 points in the Phase 2 trial.",
])
def test_a_scale_written_like_a_code_is_no_asset(text):
    assert not {"SRI-4", "ZXQ-7"} & subjects(text)


# --- a drug named aside in the focal asset's sentence takes none of its facts ------------------------------

@pytest.mark.parametrize("text, other", [
    ("Selvane Bio announced that the FDA accepted the BLA for SLV-401, which would follow the 2023 approval of "
     "selvatinib for the same indication.", "selvatinib"),
    ("Selvane Bio announced that the NMPA approved SLV-401 for NSCLC, making it the second EGFR ADC approved in "
     "China after selvatamab.", "selvatamab"),
    ("Selvane Bio announced the Phase 1b/2 trial of SLV-401 with novelumab, a PD-1 inhibitor approved in 2014.",
     "novelumab"),
    ("Selvane Bio announced that SLV-401 demonstrated a median OS of 14.2 months versus 9.8 months with "
     "soravafenib.", "soravafenib"),
])
def test_a_background_partner_or_comparator_drug_is_not_the_announcers(text, other):
    assert of(text, "SLV-401", "developer") == {"Selvane Bio"}
    assert of(text, other, "developer") == set()


def test_two_assets_listed_after_one_cue_share_the_announcer():
    text = "Selvane Bio announced the approval of selvatinib and selvatamab in China."
    assert of(text, "selvatinib", "developer") == of(text, "selvatamab", "developer") == {"Selvane Bio"}


def test_a_comparators_figure_then_its_name_leave_the_trial_to_the_asset():
    text = ("Selvane Bio announced that SLV-401 achieved an ORR of 45% compared with 20% for dovetaxel in the "
            "Phase 3 SELVA-2 trial.")
    assert of(text, "SLV-401", "trial") == {"SELVA-2"}
    assert "phase 3" in of(text, "SLV-401", "phase")
    assert of(text, "dovetaxel", "trial") == of(text, "dovetaxel", "phase") == set()


def test_a_drug_named_only_as_a_prior_therapy_is_not_the_release_subject():
    text = ("Selvane Bio announced data from a study in which patients who had failed travotuzumab deruxtecan "
            "received a new treatment.")
    assert of(text, "travotuzumab deruxtecan", "developer") == set()


# --- translated trade news: quoted product names, dosage forms, spaced codes ------------------------------

def test_a_quoted_product_name_of_two_words_after_a_drug_noun():
    text = ('Recently, the self-developed Class 1 new drug "Huaxin Tablets" of Hengsheng Pharmaceutical was approved '
            'for marketing by the NMPA.')
    assert of(text, "Huaxin Tablets", "developer") == {"Hengsheng Pharmaceutical"}


def test_a_dosage_form_before_a_trade_name_parenthesis_is_no_name():
    text = ("According to the company, the marketing application of its PD-1 monoclonal antibody Qivalimab Injection "
            "(trade name: Qivanza) was accepted.")
    names = {str(f.object) for f in facts(text) if f.predicate == "name"}
    assert "Qivanza" in names and "Injection" not in names


def test_a_spaced_code_with_three_digits_after_a_drug_noun():
    text = "Lumin Therapeutics' lead product, LTX 315, entered a Phase 2 trial in melanoma."
    assert "phase 2" in of(text, "LTX 315", "phase")


def test_a_spaced_number_after_no_drug_noun_is_no_code():
    text = "Lumin Therapeutics reported that Route 128 traffic delayed its office move."
    assert "Route 128" not in subjects(text)


@pytest.mark.parametrize("text", [
    "Arvix Bio announced that its ARX-5 platform produced ARX-101, a bispecific antibody. ARX-101 entered Phase 1.",
    "Arvix Bio announced that ARX-101, a bispecific antibody, came from the TMAB-3 discovery technology.",
])
def test_a_platform_named_like_a_code_is_no_asset(text):
    assert subjects(text) == {"ARX-101"}


@pytest.mark.parametrize("text", [
    "Arvix Bio announced that ARX-101, built on the company's proprietary discovery engine, entered a Phase 1 trial.",
    "Arvix Bio announced that ARX-101 advanced into a pivotal Phase 3 study in gastric cancer.",
])
def test_a_code_that_enters_a_phase_is_a_drug(text):
    assert of(text, "ARX-101", "developer") == {"Arvix Bio"}


def test_a_spaced_code_right_after_an_event_cue_is_an_asset_written_once():
    text = "Orlan Pharma announced that the first patient was dosed with ORL 2211 in a Phase 1 trial."
    assert "phase 1" in of(text, "ORL 2211", "phase")


def test_a_headline_opening_on_a_name_before_its_event_names_the_asset():
    text = ("Zorvana Wins EU Nod for Rare Kidney Disease\nVantor Bio said the European Commission approved the drug "
            "for adults with C3 glomerulopathy.")
    assert "Zorvana" in subjects(text)


@pytest.mark.parametrize("text", [
    "Kestrel Wins Contract for Vaccine Plant\nKestrel Bio said it will build a plant for vaccines.",
    "Vaccine Shows Promise in Early Study\nKestrel Bio said its vaccine showed promise in a Phase 1 study.",
])
def test_a_headline_opening_on_a_company_or_a_common_word_names_no_asset(text):
    assert not {"Kestrel", "Vaccine"} & subjects(text)


@pytest.mark.parametrize("text", [
    "Orlan Pharma announced that ORL-7 is a CD3 TCE targeting DLL3.",
    "Orlan Pharma said its half-life extended TCE ORL-7 entered the clinic.",
])
def test_a_tce_is_a_bispecific(text):
    assert of(text, "ORL-7", "modality") == {"bispecific antibody"}


# --- "The drug" for the focal asset takes its designation as its name would ---------------------------------

@pytest.mark.parametrize("text", [
    "Kestrel Bio announced that the FDA approved Velcora (velcotamab) for myeloma. The drug was granted "
    "Breakthrough Therapy designation in 2023.",
    'Kestrel Bio announced that the FDA approved Velcora (velcotamab) for myeloma. "This approval marks a '
    'milestone," said Jane Doe, CEO of Kestrel. The drug was granted Breakthrough Therapy designation in 2023.',
])
def test_a_designation_of_the_drug_referred_to_is_the_focal_assets(text):
    assert "Breakthrough Therapy" in of(text, "velcotamab", "regulatory")


def test_a_designation_of_a_class_referred_to_is_no_assets():
    text = ("Kestrel Bio announced that the FDA approved Velcora (velcotamab) for myeloma. The standard therapy was "
            "granted Breakthrough Therapy designation in 2019.")
    assert "Breakthrough Therapy" not in of(text, "velcotamab", "regulatory")


def test_a_drug_the_asset_is_tested_with_keeps_its_own_class_but_takes_neither_the_phase_nor_the_announcer():
    # its apposition ("orvetumab vedotin, an approved ADC") states its class; the trial and the announcer are KVR-201's
    text = ("Kavira Bio announced that KVR-201 is being tested with orvetumab vedotin, an approved ADC, in a Phase 1b "
            "trial.")
    assert of(text, "orvetumab vedotin", "developer") == set()
    assert of(text, "orvetumab vedotin", "modality") == {"ADC"}
    assert of(text, "orvetumab vedotin", "phase") == set()
    assert of(text, "KVR-201", "modality") == set()
    assert of(text, "KVR-201", "developer") == {"Kavira Bio"}


# --- an antibody named by its target's symbol alone ------------------------------------------------------

@pytest.mark.parametrize("description", ["a TIGIT antibody", "a CD38-targeting antibody", "an IL-23p19 antibody",
                                         "a humanized TIGIT antibody"])
def test_an_antibody_set_in_apposition_by_its_target_is_a_monoclonal_antibody(description):
    text = f"Merrow Bio announced that MRW-7, {description}, entered Phase 3."
    assert of(text, "MRW-7", "modality") == {"monoclonal antibody"}


@pytest.mark.parametrize("description", ["a PD-1/VEGF antibody", "a bispecific TIGIT antibody",
                                         "a TIGIT antibody conjugated to a payload"])
def test_a_pair_a_bispecific_or_a_conjugate_named_by_target_is_no_monoclonal_antibody(description):
    text = f"Merrow Bio announced that MRW-7, {description}, entered Phase 3."
    assert "monoclonal antibody" not in of(text, "MRW-7", "modality")


# --- an INN whose stem the list lacks, in the slots that make it a drug name --------------------------------

@pytest.mark.parametrize("text", [
    "Corvane Pharma announced that the FDA approved Zelquira (velnorastine) for schizophrenia.",
    "Corvane Pharma announced that the FDA approved velnorastine (Zelquira) for schizophrenia.",
    "Corvane Pharma announced that velnorastine (CRV-101) met its primary endpoint in a Phase 3 trial.",
    "Corvane Pharma announced that CRV-101 (velnorastine) met its primary endpoint in a Phase 3 trial.",
    "Corvane Pharma announced positive Phase 3 results for velnorastine, an oral muscarinic agonist, in "
    "schizophrenia.",
])
def test_an_inn_of_an_unlisted_stem_in_a_name_slot_is_the_asset(text):
    assert of(text, "velnorastine", "developer") == {"Corvane Pharma"}


@pytest.mark.parametrize("text", [
    "Corvane Pharma announced results in diffuse large B-cell lymphoma (DLBCL) with CRV-101, an antibody.",
    "Corvane Pharma said that, furthermore, a new therapy is needed. CRV-101 is an antibody.",
    "Corvane Pharma (headquartered in Boston) announced that CRV-101, an antibody, entered Phase 3.",
    "Corvane Pharma announced that CRV-101 (subcutaneous) was approved for patients with psoriasis.",
])
def test_ordinary_words_in_those_slots_are_no_assets(text):
    assert subjects(text) <= {"CRV-101", "Corvane Pharma"}


def test_a_copula_opener_counts_the_name_in_either_case():
    text = "Corvane Pharma announced that velnorastine met its primary endpoint. Velnorastine is a first-in-class M4 agonist."
    assert {s.casefold() for s in subjects(text)} == {"velnorastine"}


def test_a_drug_noun_before_a_code_parenthesis_is_no_inn():
    text = ("We evaluated ZT-101 after lymphodepletion with an anti-CD52 antibody (ZT-647)-containing regimen in 40 "
            "patients with multiple myeloma.")
    assert "antibody" not in subjects(text)


def test_a_background_drug_in_apposition_is_no_new_asset():
    text = ("Corvane Pharma said patients first received fluvarabine, a standard chemotherapy drug, and then CRV-101, "
            "a CAR-T cell therapy.")
    assert "fluvarabine" not in subjects(text)


def test_a_short_code_with_an_approval_or_a_phase_is_an_asset():
    text = ("Velos Bio announced that VLS-9, which received FDA approval in 2023 for psoriasis, met the primary "
            "endpoint in a Phase 3 trial in psoriatic arthritis.")
    assert "phase 3" in of(text, "VLS-9", "phase")


def test_two_assets_listed_before_a_received_designation_both_take_it():
    text = "Velos Bio announced that VLS-9 and VLS-10 received Fast Track designation. VLS-10 is an ADC."
    assert "Fast Track" in of(text, "VLS-9", "regulatory") and "Fast Track" in of(text, "VLS-10", "regulatory")


def test_an_asset_set_off_before_another_ones_designation_does_not_take_it():
    text = ("Velos Bio announced that VLS-9, its lead program, is in Phase 2, while VLS-10 received Fast Track "
            "designation.")
    assert "Fast Track" not in of(text, "VLS-9", "regulatory")


def test_a_name_set_off_as_the_first_of_a_drug_noun_is_an_asset_written_once():
    text = ("Norvant Pharma announced the launch of Zelquira, the first oral treatment for IgA nephropathy, in "
            "Germany.")
    assert of(text, "Zelquira", "developer") == {"Norvant Pharma"}


@pytest.mark.parametrize("text", [
    "Norvant Pharma said that in Germany, the first country to reimburse it, the oral treatment is sold widely.",
    "Norvant Pharma announced that on Tuesday, the first patient was dosed with NRV-101, an oral treatment.",
    "Norvant Pharma, the first company to develop an oral treatment for IgA nephropathy, announced results.",
])
def test_a_place_a_day_or_a_company_set_off_as_the_first_is_no_asset(text):
    assert not {"Germany", "Tuesday", "Norvant", "Norvant Pharma"} & subjects(text)


def test_a_name_with_its_dose_in_parentheses_is_the_subject_of_its_approval():
    text = "Norvant Pharma announced that Zelquira (100 mg) was approved by the MHRA for IgA nephropathy."
    assert "approval" in {f.object.action for f in facts(text) if f.subject == "Zelquira" and f.predicate == "regulatory"}


@pytest.mark.parametrize("gene, phrase", [("CDKN2A", "patients with CDKN2A loss"), ("SMARCA4", "SMARCA4 deficient tumors"),
                                          ("NRG1", "NRG1+ tumors"), ("STK11", "STK11-altered NSCLC"),
                                          ("RET", "tumors with RETX1 fusions")])
def test_a_gene_with_its_alteration_is_no_asset(gene, phrase):
    text = f"Orvane announced that ORV-55 is being studied in {phrase} in a Phase 1 trial."
    assert subjects(text) == {"ORV-55"}


def test_a_code_being_studied_is_a_drug_and_its_dose_words_do_not_unmake_it():
    assert "phase 1" in of("Orvane announced that ORV-55 is being studied in a Phase 1 trial.", "ORV-55", "phase")
    text = "Orvane announced that ORV-55 high dose cohort achieved an ORR of 40%. ORV-55 is an antibody."
    assert "ORR" in of(text, "ORV-55", "efficacy")


@pytest.mark.parametrize("text", [
    "Kavira Bio announced that tavolizumab plus KVR-201 met the primary endpoint in a Phase 2 study in melanoma.",
    "Kavira Bio announced that KVR-201 plus tavolizumab met the primary endpoint in a Phase 2 study in melanoma.",
])
def test_in_a_pair_of_an_inn_and_a_code_the_code_is_the_releases_drug(text):
    assert of(text, "KVR-201", "developer") == {"Kavira Bio"}
    assert of(text, "KVR-201", "indication") == {"melanoma"}
    assert of(text, "tavolizumab", "developer") == of(text, "tavolizumab", "indication") == set()


def test_in_a_pair_of_two_inns_the_first_stays_the_subject():
    text = "Kavira Bio announced that kavitamab plus tavolizumab met the primary endpoint in melanoma."
    assert of(text, "kavitamab", "developer") == {"Kavira Bio"}
    assert of(text, "tavolizumab", "developer") == set()


@pytest.mark.parametrize("text, name", [
    ("Daewoong Pharmaceutical said its diabetes drug Envlo has been approved in Mexico.", "Envlo"),
    ("Celltrion said the European Commission approved its biosimilar Zymfentra for ulcerative colitis.", "Zymfentra"),
    ("SK Biopharm announced that its epilepsy treatment cenobamate received approval in Korea.", "cenobamate"),
])
def test_an_owned_drug_noun_then_a_name_and_its_verb_names_it_once(text, name):
    assert name in subjects(text)


@pytest.mark.parametrize("text", [
    "Daewoong Pharmaceutical said its drug discovery unit Phase has grown.",
    "Daewoong Pharmaceutical said its drug pipeline In 2025 will expand.",
])
def test_an_owned_drug_noun_then_a_common_capitalized_word_is_no_asset(text):
    assert not {"Phase", "In"} & subjects(text)


def test_the_combination_is_the_focal_assets_regimen():
    text = ("Kavira Bio announced Phase 2 results for KVR-201 in combination with tavolizumab. The combination "
            "achieved an ORR of 40%.")
    assert "ORR" in of(text, "KVR-201", "efficacy")
    assert of(text, "tavolizumab", "efficacy") == set()


def test_a_combination_of_other_drugs_is_no_reference():
    text = ("Kavira Bio announced Phase 2 results for KVR-201. The combination of novelumab and ivelimumab achieved "
            "an ORR of 30% in an earlier study.")
    assert "ORR" not in of(text, "KVR-201", "efficacy")


def test_an_fda_prefix_before_an_inn_keeps_the_inn_whole_and_its_brand():
    text = "Orvane announced that Travexa (fam-travotuzumab deruxtecan-nxki) was approved for HER2-low breast cancer."
    names = {str(f.object) for f in facts(text) if f.predicate == "name"}
    assert "Travexa" in names
    assert "deruxtecan" not in subjects(text) and "deruxtecan-nxki" not in names


# --- codes of three segments and INN-shaped words after a study noun (lead, stop 23) ---------------------------------

@pytest.mark.parametrize("code", ["ORV-RD-05", "KSTL-CAB-484"])
def test_a_code_of_three_segments_is_an_asset(code):
    text = f"Orvex Bio said its autologous hematopoietic stem cell (HSC) gene therapy {code} was cleared to enter a phase 1/2 trial."
    assert "phase 1/2" in of(text, code, "phase")


def test_a_three_segment_word_without_digits_or_with_a_year_is_no_code():
    text = "Orvex Bio said its gene therapy was cleared under the EU-CTR-REG rules in 2024."
    assert subjects(text) == set()


def test_an_inn_shaped_word_after_a_study_noun_named_twice_is_an_asset():
    text = ("Velora Pharma said its Phase 3 study of velnorastine for the treatment of hypertension did not meet the "
            "primary endpoint. Adverse events were mild on velnorastine.")
    assert "phase 3" in of(text, "velnorastine", "phase")


@pytest.mark.parametrize("text", [
    # named once: not enough
    "Velora Pharma said its Phase 3 study of velnorastine for the treatment of hypertension did not meet the endpoint.",
    # an ordinary word after the noun, named twice
    "Velora Pharma started a study of effectiveness in adults. The study of effectiveness, in children, follows.",
])
def test_a_word_after_a_study_noun_needs_the_inn_shape_and_a_second_mention(text):
    assert not any(s.islower() and len(s) >= 8 for s in subjects(text))
