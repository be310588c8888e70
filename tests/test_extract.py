"""Extractor rules on short invented press-release text (no corpus needed)."""

from __future__ import annotations

import datetime as dt

import pytest

from reportgen.extract import EXTRACTOR_VERSION, extract_facts, load_lexicons, split_sentences
from reportgen.facts import plain
from reportgen.sources import Document


def doc(text: str, date: dt.date | None = None, name: str = "fixture.txt") -> Document:
    return Document(id=name, text=text, sha256="0" * 64, date=date)


def facts_of(text: str, **kw):
    return extract_facts(doc(text, **kw))


def has(facts, subject, predicate, obj=None, **keys):
    for f in facts:
        if f.subject.casefold() != subject.casefold() or f.predicate != predicate:
            continue
        if obj is not None and (f.object if isinstance(f.object, str) else None) != obj:
            continue
        if keys and not (not isinstance(f.object, str) and all(getattr(f.object, k, None) == v for k, v in keys.items())):
            continue
        return f
    return None


def assert_grounded(facts, text):
    for f in facts:
        assert text[f.evidence.start:f.evidence.end] == f.evidence.quote
        assert f.evidence.quote.strip() == f.evidence.quote


RELEASE = (
    "BOSTON, May 2, 2024 /PRNewswire/ -- Zorbatec Bio, Inc. (\"Zorbatec\", Nasdaq: ZRBT) and Quillon "
    "Therapeutics today announced that the U.S. Food and Drug Administration (FDA) has approved the "
    "Biologics License Application (BLA) for VELORA® (zorbacabtagene autoleucel, zorba-cel, Zorbatec R&D "
    "code: ZT-101), an autologous anti-CD19 chimeric antigen receptor (CAR) T-cell therapy, for the "
    "treatment of relapsed or refractory diffuse large B-cell lymphoma (DLBCL).\n"
    "The approval is based on the pivotal ZEPHYR-2 study (NCT01234567), a Phase 2 trial.\n"
    "- Among 80 evaluable patients, the overall response rate (ORR) was 82.5%, and 61% achieved a complete "
    "response (CR).\n"
    "- Of the 95 treated patients, only two experienced grade ≥3 cytokine release syndrome (CRS); "
    "neutropenia (41%) was the most common adverse event.\n"
    "Zorba-cel also received Breakthrough Therapy designation from the FDA in March 2022.\n"
)


@pytest.fixture(scope="module")
def release():
    return facts_of(RELEASE, date=dt.date(2024, 5, 2))


def test_version_string():
    assert isinstance(EXTRACTOR_VERSION, str) and EXTRACTOR_VERSION


def test_names_merge_into_inn(release):
    names = {f.object for f in release if f.predicate == "name" and f.subject == "zorbacabtagene autoleucel"}
    assert {"VELORA", "zorba-cel", "ZT-101"} <= names
    # every other fact about the drug uses the INN as its subject
    assert {f.subject for f in release if f.predicate in ("target", "modality", "trial")} == {"zorbacabtagene autoleucel"}


def test_company_short_name_is_a_name_fact_but_not_the_company_placeholder(release):
    assert has(release, "Zorbatec Bio, Inc.", "name", "Zorbatec")
    assert not any(f.object == "the Company" for f in release if f.predicate == "name")


def test_developers_and_partners(release):
    assert has(release, "zorbacabtagene autoleucel", "developer", "Zorbatec Bio, Inc.")
    assert has(release, "zorbacabtagene autoleucel", "developer", "Quillon Therapeutics")
    pair = {(f.subject, f.object) for f in release if f.predicate == "partner"}
    assert ("Zorbatec Bio, Inc.", "Quillon Therapeutics") in pair or ("Quillon Therapeutics", "Zorbatec Bio, Inc.") in pair


def test_target_modality_indication(release):
    assert has(release, "zorbacabtagene autoleucel", "target", "CD19")
    assert has(release, "zorbacabtagene autoleucel", "modality", "CAR-T")
    assert has(release, "zorbacabtagene autoleucel", "indication", "diffuse large B-cell lymphoma")


def test_regulatory_approval_and_designation(release):
    approval = has(release, "zorbacabtagene autoleucel", "regulatory", authority="FDA", action="approval")
    assert approval and approval.object.detail == "BLA"
    assert approval.object.date == "2024-05-02"
    btd = has(release, "zorbacabtagene autoleucel", "regulatory", authority="FDA", action="designation",
              detail="Breakthrough Therapy")
    assert btd and btd.object.date == "2022-03"


def test_trials_and_phase(release):
    assert has(release, "zorbacabtagene autoleucel", "trial", "ZEPHYR-2")
    assert has(release, "zorbacabtagene autoleucel", "trial", "NCT01234567")
    assert has(release, "zorbacabtagene autoleucel", "phase", stage="phase 2")


def test_efficacy_without_drug_name_in_sentence(release):
    assert has(release, "zorbacabtagene autoleucel", "efficacy", endpoint="ORR", value=82.5)
    assert has(release, "zorbacabtagene autoleucel", "efficacy", endpoint="CR", value=61)


def test_safety_counts_grades_and_percentages(release):
    crs = has(release, "zorbacabtagene autoleucel", "safety", event="CRS", value=2)
    assert crs and crs.object.unit == "patients" and crs.object.grade == ">=3"
    assert has(release, "zorbacabtagene autoleucel", "safety", event="neutropenia", value=41, unit="%")


def test_every_evidence_span_is_exact(release):
    assert_grounded(release, RELEASE)
    for f in release:
        assert f.evidence.doc == "fixture.txt"


def test_deterministic(release):
    again = facts_of(RELEASE, date=dt.date(2024, 5, 2))
    assert [f.to_json() for f in again] == [f.to_json() for f in release]


def test_code_and_brand_shapes():
    text = ("Kestrel Pharmaceuticals announced that its bispecific antibody KST-204 (brevitamab) targeting "
            "BCMA and CD3 received Orphan Drug Designation from the European Medicines Agency (EMA) for "
            "multiple myeloma. Brevitamab is being evaluated in the Phase 1/2 KESTREL-1 trial.")
    fs = facts_of(text)
    assert has(fs, "brevitamab", "name", "KST-204")
    assert has(fs, "brevitamab", "developer", "Kestrel Pharmaceuticals")
    assert has(fs, "brevitamab", "modality", "bispecific antibody")
    assert has(fs, "brevitamab", "target", "BCMA") and has(fs, "brevitamab", "target", "CD3")
    assert has(fs, "brevitamab", "regulatory", authority="EMA", action="designation", detail="Orphan Drug")
    assert has(fs, "brevitamab", "phase", stage="phase 1/2")
    assert has(fs, "brevitamab", "trial", "KESTREL-1")
    assert_grounded(fs, text)


def test_prior_therapy_is_not_the_drugs_target():
    text = ("Pellucid Bio's PL-330 is an anti-GPRC5D CAR-T cell therapy for patients with multiple myeloma "
            "who have previously received an anti-CD38 monoclonal antibody.")
    fs = facts_of(text)
    assert has(fs, "PL-330", "target", "GPRC5D")
    assert not has(fs, "PL-330", "target", "CD38")
    assert not has(fs, "PL-330", "modality", "monoclonal antibody")
    assert has(fs, "PL-330", "developer", "Pellucid Bio")


def test_ind_clearance_by_country_and_clinical_hold():
    text = ("Nimbus Cell Therapeutics said NB-17, its allogeneic iPSC-derived NK cell therapy, has obtained "
            "clinical trial approvals in both China and the U.S. for systemic lupus erythematosus (SLE). "
            "Later, NB-17 studies were placed on clinical hold by the FDA.")
    fs = facts_of(text)
    assert has(fs, "NB-17", "regulatory", authority="NMPA", action="IND clearance")
    assert has(fs, "NB-17", "regulatory", authority="FDA", action="IND clearance")
    assert has(fs, "NB-17", "regulatory", authority="FDA", action="clinical hold")
    assert has(fs, "NB-17", "modality", "iPSC-derived cell")
    assert has(fs, "NB-17", "modality", "NK cell")
    assert has(fs, "NB-17", "indication", "systemic lupus erythematosus")


def test_focus_country_and_guideline():
    text = ("On March 3, 2022, the Center for Drug Evaluation (CDE) released the “Technical Guidelines for "
            "Gene-Modified Cell Products (Draft for Comments).”\n"
            "Orvane Biotechnology, a clinical-stage cell therapy company based in China, focuses on the field "
            "of retinal cell regeneration.\n"
            "French pharmaceutical group Valmont Pharma also joined.")
    fs = facts_of(text)
    g = has(fs, "CDE", "guideline")
    assert g and plain(g.object) == {"title": "Technical Guidelines for Gene-Modified Cell Products",
                              "status": "draft for comments", "date": "2022-03-03"}
    assert has(fs, "Orvane Biotechnology", "focus", "retinal cell regeneration")
    assert has(fs, "Orvane Biotechnology", "country", "China")
    assert has(fs, "Valmont Pharma", "country", "France")


def test_sentence_segmentation_on_abbreviations():
    text = ("Innovex Co., Ltd. and Dr. Ann Lee of the U.S. site met vs. No. 2 team. The ORR was 45.5% (n=20). "
            "Next line without period\n- Bullet one. Bullet two\n## Heading")
    spans = split_sentences(text)
    got = [text[s:e] for s, e in spans]
    assert got == [
        "Innovex Co., Ltd. and Dr. Ann Lee of the U.S. site met vs. No. 2 team.",
        "The ORR was 45.5% (n=20).",
        "Next line without period",
        "Bullet one.",
        "Bullet two",
        "Heading",
    ]
    for s, e in spans:
        assert text[s:e].strip() == text[s:e]


def test_lexicon_extension():
    text = "Arrowleaf Therapeutics' AL-55 is an anti-ZEBRA1 CAR-T cell therapy for glimmer syndrome."
    assert not has(facts_of(text), "AL-55", "target", "ZEBRA1")
    extra = {"targets": {"ZEBRA1": ["ZEBRA1"]}, "diseases": {"glimmer syndrome": ["glimmer syndrome"]}}
    fs = extract_facts(doc(text), lexicon=extra)
    assert has(fs, "AL-55", "target", "ZEBRA1")
    assert has(fs, "AL-55", "indication", "glimmer syndrome")
    assert load_lexicons() is load_lexicons()  # cached


def test_empty_and_plain_text():
    assert facts_of("   \n") == []
    assert facts_of("The weather was fine and nobody announced anything.") == []


# --- generalization rules (1.1) ------------------------------------------------------------

def test_ind_clearance_phrasings():
    text = ("Parvex Therapeutics received approval from the U.S. Food and Drug Administration (FDA) to initiate a "
            "Phase 1/2 clinical study of PX-201 in adults with lupus.\n"
            "The National Medical Products Administration has approved a clinical trial application for PX-305 "
            "(an anti-CD38 antibody-drug conjugate).\n")
    facts = facts_of(text)
    assert has(facts, "PX-201", "regulatory", authority="FDA", action="IND clearance")
    assert not has(facts, "PX-201", "regulatory", action="approval")
    assert has(facts, "PX-305", "regulatory", authority="NMPA", action="IND clearance")
    assert not has(facts, "PX-305", "regulatory", action="approval")
    assert_grounded(facts, text)


def test_ind_application_accepted_is_filing_accepted():
    text = ("Tallow Pharma Co., Ltd. announced that the investigational new drug application for TW-118, a "
            "monoclonal antibody, has been accepted by the NMPA.\n")
    facts = facts_of(text)
    assert has(facts, "TW-118", "regulatory", authority="NMPA", action="filing accepted")


def test_designations_share_authority_and_group_with_dates():
    text = ("The FDA has granted orphan drug designation and rare pediatric disease designation for QX-77, a gene "
            "therapy for Fabry disease.\n"
            "QX-12, a monoclonal antibody, received orphan drug designation from both the US Food and Drug "
            "Administration (FDA) in March 2024 and the European Commission (EC) in May 2024.\n")
    facts = facts_of(text)
    assert has(facts, "QX-77", "regulatory", authority="FDA", detail="Rare Pediatric Disease")
    assert not has(facts, "QX-77", "regulatory", authority="other")
    assert has(facts, "QX-12", "regulatory", authority="FDA", detail="Orphan Drug")
    assert has(facts, "QX-12", "regulatory", authority="EMA", detail="Orphan Drug")


def test_generic_designation_features_are_not_designations():
    text = ("Lumora Bio announced that LM-404, a monoclonal antibody, received Breakthrough Therapy Designation "
            "from the FDA.\n"
            "The designation supports the program through Fast Track designation features.\n")
    facts = facts_of(text)
    assert has(facts, "LM-404", "regulatory", detail="Breakthrough Therapy")
    assert not has(facts, "LM-404", "regulatory", detail="Fast Track")


def test_new_inn_stems_and_introduced_drug_names():
    text = ("The NMPA has granted marketing approval for Dravokibart in moderate-to-severe atopic dermatitis.\n"
            "Harlow Pharmaceutical today announced data showing that the investigational drug velarenol plus "
            "prednisone improved survival in men with metastatic castration-resistant prostate cancer.\n")
    facts = facts_of(text)
    assert has(facts, "Dravokibart", "regulatory", authority="NMPA", action="approval")
    assert has(facts, "Dravokibart", "indication", "atopic dermatitis")
    assert has(facts, "velarenol", "indication", "prostate cancer")


def test_developer_the_company_and_for_org_to_commercialize():
    text = ("Corvane Biotech announced that the company received a clinical trial notification for the ADC "
            "drug CV-535 developed by the company from the NMPA.\n"
            "The approval opens the door for Corvane Biotech to commercialize and sell CV-535 in China.\n")
    facts = facts_of(text)
    f = has(facts, "CV-535", "developer", "Corvane Biotech")
    assert f


def test_median_value_against_comparator_takes_first_arm():
    text = ("Kestrel Pharma's KS-900 was studied in KESTREL-3, a randomized, double blind Phase 3 trial in "
            "prostate cancer [median rPFS 12.4 v. 8.1 months (HR 0.7)].\n")
    facts = facts_of(text)
    assert has(facts, "KS-900", "efficacy", endpoint="rPFS", value=12.4)
    assert not has(facts, "KS-900", "efficacy", value=8.1)
    assert has(facts, "KS-900", "trial", "KESTREL-3")


def test_disease_before_announce_describes_the_announcer():
    text = ("Orrin Bio, a company dedicated to therapies for autoimmune diseases, today announced FDA "
            "clearance of the IND for OR-12, a CAR-T therapy, for the treatment of systemic lupus erythematosus.\n")
    facts = facts_of(text)
    assert has(facts, "OR-12", "indication", "systemic lupus erythematosus")
    assert not has(facts, "OR-12", "indication", "autoimmune diseases")


def test_phase_parts_and_recommended_dose_are_not_stages():
    text = ("NX-19 is being evaluated in a Phase 1/2 clinical trial in lupus. The Phase 1 portion of the "
            "Phase 1/2 trial of NX-19 aims to determine the recommended dose for the Phase 2 study.\n")
    facts = facts_of(text)
    assert has(facts, "NX-19", "phase", stage="phase 1/2")
    assert not has(facts, "NX-19", "phase", stage="phase 1")
    assert not has(facts, "NX-19", "phase", stage="phase 2")


def test_parenthesised_description_of_a_combination_partner():
    text = ("The NMPA approved a clinical trial application for HZ-43 (an anti-PD-L1 antibody-drug conjugate) "
            "in combination with HZ-07 (recombinant anti-EGFR humanized monoclonal antibody injection).\n")
    facts = facts_of(text)
    assert has(facts, "HZ-07", "target", "EGFR")
    assert has(facts, "HZ-07", "modality", "monoclonal antibody")
    assert has(facts, "HZ-43", "target", "PD-L1")
    assert not has(facts, "HZ-43", "target", "EGFR")


def test_common_adverse_events_and_qualified_abbreviation():
    text = ("In the phase 1 study of TK-88, the most common treatment-related adverse events were diarrhea (85%), "
            "rash (43%), vomiting (30%) and stomatitis (22%). TK-88 achieved an overall response rate (ORR) of 90% "
            "and a stringent complete response (MRD- sCR) rate of 75.5%.\n")
    facts = facts_of(text)
    for event, v in (("rash", 43), ("vomiting", 30), ("stomatitis", 22)):
        assert has(facts, "TK-88", "safety", event=event, value=v)
    assert has(facts, "TK-88", "efficacy", endpoint="sCR", value=75.5)


def test_efficacy_carries_the_population_its_sentence_opens_on():
    text = ("Zorbatec Bio today announced results for ZT-101, its anti-CD19 CAR-T cell therapy, in lupus. "
            "Among the 24 evaluable patients, the overall response rate (ORR) was 75%. "
            "In 10 patients without prior biologics, ORR was 90%.")
    found = facts_of(text)
    pops = {f.object.value: f.object.population for f in found if f.predicate == "efficacy"}
    assert pops == {75: "24 evaluable patients", 90: "10 patients without prior biologics"}


# --- extractor 1.3: names and attachments seen in a second held-out round ------------

def test_gene_therapy_and_adc_payload_inns_and_prefixed_codes():
    text = ("Norvale Therapeutics announced that the FDA approved VELMORA (quintigene zaloparvovec), a gene therapy "
            "for inherited retinal dystrophy caused by biallelic ABC12 mutations. "
            "Separately, the FDA cleared the IND for its CD19-directed CAR-T therapy Q-CAR117 and for "
            "gomatuzumab pelitecan, an antibody-drug conjugate.")
    facts = facts_of(text)
    assert has(facts, "quintigene zaloparvovec", "name", "VELMORA") or has(facts, "VELMORA", "name", "quintigene zaloparvovec")
    assert has(facts, "VELMORA", "regulatory", authority="FDA", action="approval") or \
        has(facts, "quintigene zaloparvovec", "regulatory", authority="FDA", action="approval")
    assert not any(f.subject == "ABC12" for f in facts)  # a mutated gene is not a drug
    assert has(facts, "Q-CAR117", "modality", "CAR-T")
    assert has(facts, "gomatuzumab pelitecan", "modality", "ADC")
    assert_grounded(facts, text)


def test_hyphen_stop_prefix_and_phase_study_context_for_codes():
    text = ("Corvia Bio said the primary efficacy analysis of the Phase 3 study of mRNA-5521 confirmed the result. "
            "The COVID-19 program continues.")
    facts = facts_of(text)
    assert has(facts, "mRNA-5521", "phase", stage="phase 3")
    assert not any(f.subject == "COVID-19" for f in facts)


def test_short_name_in_class_parenthesis_and_capitalised_at_sentence_start():
    text = ("Tanwell Pharma announced that its HER2-targeted antibody-drug conjugate (relo-ban) met its primary "
            "endpoint in a Phase III study. Relo-ban has received Breakthrough Therapy designation from the U.S. FDA.")
    facts = facts_of(text)
    assert has(facts, "relo-ban", "phase", stage="phase 3")
    assert has(facts, "relo-ban", "regulatory", authority="FDA", detail="Breakthrough Therapy")


def test_inn_short_form_previously_codes_and_brand_names():
    text = ("The agency approved datrazumab velotecan (dat-VT, previously AB123/XY-4567) for breast cancer. "
            "Brinolatinib, developed by Hanmora, is sold under the brand name of Brinora in Korea and Brinoxa in the US.")
    facts = facts_of(text)
    names = {f.object for f in facts if f.predicate == "name"}
    assert {"dat-VT", "AB123", "XY-4567"} <= names
    assert {"Brinora", "Brinoxa"} <= names


def test_trial_known_as_and_study_number():
    text = ("The study, known as ORCHID-7, evaluated zentumab in lung cancer. "
            "Zentumab met both endpoints in a Phase III trial (Study No.: ZT-A01-301).")
    facts = facts_of(text)
    assert has(facts, "zentumab", "trial", "ORCHID-7")
    assert has(facts, "zentumab", "trial", "ZT-A01-301")


def test_comparator_after_over_and_superiority_to():
    text = ("Akenza's bispecific antibody rivomab was tested in lung cancer. "
            "Median overall survival reached 25.1 months, an extension over the 20.2 months seen in the "
            "pembrolizumab arm. The phase 3 LOTUS trial showed the superiority of the combination to osimertinib.")
    facts = facts_of(text)
    assert has(facts, "rivomab", "efficacy", endpoint="OS", value=25.1)
    assert not any(f.subject in ("pembrolizumab", "osimertinib") for f in facts)
    assert has(facts, "rivomab", "trial", "LOTUS")


def test_cell_biology_is_not_a_modality_and_headline_designation_takes_the_named_regulator():
    text = ("Orbix receives orphan drug designation for zorgacestat\n"
            "Orbix today announced the U.S. FDA has granted orphan drug designation for zorgacestat, a small molecule "
            "inhibitor. Velomab is a bispecific antibody designed for improved T and NK cell activation.")
    facts = facts_of(text)
    assert not has(facts, "velomab", "modality", "NK cell")
    assert has(facts, "zorgacestat", "regulatory", authority="FDA", action="designation")
    assert not has(facts, "zorgacestat", "regulatory", authority="other")


def test_designation_shares_the_regulator_across_and():
    text = ("Previously, the FDA had granted zelumab orphan drug designation for the treatment of gout "
            "(June 2018) and fast track designation for the treatment of severe gout (November 2018).")
    facts = facts_of(text)
    assert has(facts, "zelumab", "regulatory", authority="FDA", detail="Orphan Drug")
    assert has(facts, "zelumab", "regulatory", authority="FDA", detail="Fast Track")
