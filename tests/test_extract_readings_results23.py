"""Trial, phase and efficacy readings added at stop 23 (helper "results"), pinned by invented sentences, each family
with the near-misses it must not fire on. No name here is real."""

from __future__ import annotations

import pytest

from readings_support import facts, stated_figures

MAB = "Velmorumab is a monoclonal antibody developed by Velmora Inc. "


def _of(text: str, predicate: str, subject: str = "Velmorumab") -> set:
    out = set()
    for f in facts(text):
        if f.predicate == predicate and f.subject == subject:
            out.add(f.object.stage if predicate == "phase" else f.object)
    return out


# --- a study name in apposition after the study noun: "a Phase 3 trial, ALPHA-04, evaluating X" (trials.py) ---------

@pytest.mark.parametrize("sentence, name", [
    ("Velmora Inc. began a global Phase 3 clinical trial, ASCENT-04, evaluating Velmorumab in melanoma.", "ASCENT-04"),
    ("Velmora Inc. started the Phase 3 trial, known as HALCYON-12, of Velmorumab in melanoma.", "HALCYON-12"),
    ("Velmora Inc. opened a pivotal study, RADIANT-3 (NCT01234567), of Velmorumab in melanoma.", "RADIANT-3"),
])
def test_a_study_code_in_apposition_is_the_study(sentence, name):
    assert name in _of(MAB + sentence, "trial")
    assert not any(f.subject == name for f in facts(MAB + sentence))  # the study's name takes no fact as an asset


@pytest.mark.parametrize("text", [
    "In the trial, VLX-202, a small molecule, reduced tumors in melanoma.",
    "Velmora Inc. said that in the Phase 1 trial, VLX-202 was well tolerated in melanoma. VLX-202 is a small molecule.",
])
def test_a_drug_code_after_in_the_trial_is_the_drug(text):
    got = facts(text)
    assert not {f.object for f in got if f.predicate == "trial"}
    assert any(f.subject == "VLX-202" for f in got)


# --- a phase's portion: "the Phase 2a portion of the trial" is the stage when the sentence states no other phase -----

@pytest.mark.parametrize("sentence, expected", [
    ("Velmora Inc. presented results from the Phase 2a portion of the trial of Velmorumab in alopecia areata.", {"phase 2"}),
    ("Velmora Inc. said the Phase 1 part of the Phase 1/2 trial of Velmorumab in melanoma was completed.", {"phase 1/2"}),
    ("Velmora Inc. said Velmorumab is Phase 3-ready in melanoma.", set()),
    ("Velmora Inc. chose the Phase 2 dose of Velmorumab in melanoma.", set()),
])
def test_a_phase_portion(sentence, expected):
    assert _of(MAB + sentence, "phase") == expected


# --- a marker's change is its result: "a 65% reduction in LDL-C" (figures.change_is_result, counts.marker_changes) ---

@pytest.mark.parametrize("sentence, expected", [
    ("In the study, Velmorumab led to a 65% reduction in LDL-C from baseline at week 12.", ("LDL-C", 65.0)),
    ("Velmorumab gave a 1.2% decrease in HbA1c at week 26.", ("HbA1c", 1.2)),
    ("Patients treated with Velmorumab lost an average of 15.2% of their body weight.", ("weight loss", 15.2)),
    ("Velmorumab reduced urine protein-to-creatinine ratio levels by 41% at week 24.", ("proteinuria", 41.0)),
    # a marker no endpoint names: as written, as for "a median reduction in Lp(a) of 80%"
    ("Velmorumab showed a 48% reduction in Lp(a) levels.", ("reduction in Lp(a)", 48.0)),
    ("Velmorumab showed an 80% placebo-adjusted decrease in ApoB at week 24.", ("placebo-adjusted decrease in ApoB", 80.0)),
])
def test_a_change_in_a_marker_is_its_result(sentence, expected):
    assert expected in stated_figures(MAB + sentence, "efficacy", "Velmorumab")


@pytest.mark.parametrize("sentence", [
    "Velmorumab gave a 30% improvement in PFS over chemotherapy.",
    "Velmorumab showed a 35% reduction in hospitalizations.",
    "Velmorumab showed a 35% reduction in the risk of death.",
])
def test_a_comparison_or_a_risk_is_no_marker_result(sentence):
    assert not {ep for ep, _v in stated_figures(MAB + sentence, "efficacy", "Velmorumab")} - {"HR"}


# --- safety: the event a class sentence names first, severity words before the figure, a wider event vocabulary -----

def _events(sentence: str) -> set:
    return stated_figures(MAB + sentence, "safety", "Velmorumab")


@pytest.mark.parametrize("sentence, expected", [
    ("Infusion-related reactions were the most common adverse event, occurring in 22% of participants.",
     {("infusion-related reactions", 22.0)}),
    ("Fatigue was the most common adverse event (25%).", {("fatigue", 25.0)}),
    ("Rash was the most frequently reported grade ≥3 TRAE, occurring in 6.1% of patients.", {("rash", 6.1)}),
    ("Injection site reactions were mild and occurred in 9% of patients.", {("injection site reactions", 9.0)}),
    ("Hypertension (15.2%) and rash (12.1%) were the most common grade ≥3 TRAEs.", {("hypertension", 15.2), ("rash", 12.1)}),
    ("Immune-related adverse events occurred in 14% of patients.", {("immune-related adverse events", 14.0)}),
    ("ARIA-E occurred in 12.6% of participants receiving Velmorumab.", {("ARIA-E", 12.6)}),
])
def test_safety_phrasings(sentence, expected):
    assert _events(sentence) == expected


def test_the_most_common_grade_is_the_event_s_grade():
    got = [f.object for f in facts(MAB + "Rash was the most frequently reported grade ≥3 TRAE, occurring in 6.1% of patients.")
           if f.predicate == "safety"]
    assert [(o.event, o.grade) for o in got] == [("rash", ">=3")]


@pytest.mark.parametrize("sentence, expected", [
    # the class stated on its own keeps its own figure
    ("CRS was the most common adverse event; grade 3 or higher AEs occurred in 10% of patients.", {("adverse events", 10.0)}),
    ("The most common adverse events were nausea (32%) and fatigue (28%).", {("nausea", 32.0), ("fatigue", 28.0)}),
    # a disease that contains an event's word is no event
    ("Velmora Inc. is testing Velmorumab in 40% of patients with pulmonary arterial hypertension.", set()),
])
def test_safety_near_misses(sentence, expected):
    assert _events(sentence) == expected


# --- targets: a biomarker that qualifies the disease is no target; more targets of current classes ------------------

def _targets(text: str, subject: str) -> set:
    return {str(f.object) for f in facts(text) if f.predicate == "target" and f.subject == subject}


@pytest.mark.parametrize("text, subject, expected", [
    ("VLX-161, a small molecule, is a selective inhibitor of CDK4 for HR-positive, HER2-negative advanced breast cancer.",
     "VLX-161", {"CDK4"}),
    ("VLX-171 is a bispecific antibody targeting EGFR and cMET for EGFR exon 20 insertion NSCLC.", "VLX-171", {"EGFR", "MET"}),
    ("VLX-111 is an antibody-drug conjugate directed against HER3 in HER2-positive breast cancer.", "VLX-111", {"HER3"}),
    # the cue touching the biomarker still names it: "targeting HER2-positive cells"
    ("VLX-121 is an antibody-drug conjugate targeting HER2-positive tumor cells.", "VLX-121", {"HER2"}),
    ("VLX-909 is an siRNA therapeutic targeting angiotensinogen (AGT) for the treatment of hypertension.", "VLX-909", {"AGT"}),
    ("VLX-919, a small molecule, is an oral THR-β agonist for MASH.", "VLX-919", {"THR-β"}),
    ("VLX-929, a small molecule, is a selective Nav1.8 inhibitor for acute pain.", "VLX-929", {"Nav1.8"}),
])
def test_targets_by_context(text, subject, expected):
    assert _targets(text, subject) == expected


# --- indications: a MeSH disease after a treatment noun and "for"; a generic disease after "patients with <marker>" ---

def _indications(text: str, subject: str) -> set:
    return {str(f.object) for f in facts(text) if f.predicate == "indication" and f.subject == subject}


@pytest.mark.parametrize("text, subject, expected", [
    ("VLX-777, a small molecule, is an oral PCSK9 inhibitor for hypercholesterolemia.", "VLX-777", {"hypercholesterolemia"}),
    ("VLX-202, a small molecule, is an oral KRAS G12D inhibitor in development for patients with KRAS G12D-mutant solid tumors.",
     "VLX-202", {"solid tumors"}),
])
def test_indications_by_context(text, subject, expected):
    assert _indications(text, subject) == expected


def test_a_bare_for_is_no_disease_cue():
    text = "VLX-777, a small molecule, is an oral PCSK9 inhibitor dosed for twelve weeks, said the company for the first time."
    assert _indications(text, "VLX-777") == set()


# --- the focal asset named second in a combination keeps the sentence's trial and phase (guards.combined_focal) ------

FOCAL = "Velmorumab is a monoclonal antibody developed by Velmora Bio. "


def _by_subject(text: str, predicate: str) -> dict:
    out: dict = {}
    for f in facts(text):
        if f.predicate == predicate:
            out.setdefault(f.subject, set()).add(f.object.stage if predicate == "phase" else str(f.object))
    return out


@pytest.mark.parametrize("sentence", [
    "The Phase 3 ALTO-301 trial is evaluating pembrolizumab plus Velmorumab in first-line melanoma.",
    "The Phase 3 ALTO-301 trial is evaluating nivolumab in combination with Velmorumab in first-line melanoma.",
])
def test_the_focal_asset_after_plus_takes_the_trial(sentence):
    text = FOCAL + sentence
    assert _by_subject(text, "trial") == {"Velmorumab": {"ALTO-301"}}
    assert _by_subject(text, "phase") == {"Velmorumab": {"phase 3"}}


@pytest.mark.parametrize("sentence, owner", [
    # the focal asset named first: its partner stays out, as before
    ("The Phase 3 ALTO-301 trial is evaluating Velmorumab plus pembrolizumab in first-line melanoma.", "Velmorumab"),
    # another asset's own sentence: no focal named, its partner is not hidden
    ("The Phase 3 ALTO-301 trial is evaluating Zentamab plus pembrolizumab in first-line melanoma.", "Zentamab"),
])
def test_combination_near_misses(sentence, owner):
    assert set(_by_subject(FOCAL + sentence, "trial")) == {owner}


def test_the_focal_asset_s_partner_in_the_same_clause_takes_no_phase():
    text = FOCAL + "Velmora Bio is studying Velmorumab with nivolumab, which is approved for melanoma, in a Phase 1b trial."
    assert _by_subject(text, "phase") == {"Velmorumab": {"phase 1"}}


# --- a patients' history clause hides neither the asset treated after it nor the trial's disease ----------------------

TKI = "DS-3011 is an oral EGFR inhibitor from Daeson Bio. "


@pytest.mark.parametrize("sentence", [
    "In the trial, 25 patients with non-small cell lung cancer who had failed osimertinib received DS-3011.",
    "In the trial, 25 patients with non-small cell lung cancer who had progressed on osimertinib were treated with DS-3011.",
    "The trial enrolled patients with non-small cell lung cancer whose disease progressed after osimertinib.",
])
def test_history_clauses_keep_the_indication(sentence):
    assert _indications(TKI + sentence, "DS-3011") == {"non-small cell lung cancer"}
    assert _indications(TKI + sentence, "osimertinib") == set()


def test_a_drug_in_the_history_clause_stays_out():
    text = TKI + "DS-3011 was given to patients previously treated with osimertinib, which is approved for non-small cell lung cancer."
    assert _indications(text, "osimertinib") == set()


@pytest.mark.parametrize("sentence, expected", [
    ("The study met its primary endpoint, showing a 12-week ACR20 response rate of 61%.", {("ACR20", 61.0)}),
    ("Velmorumab gave a PASI 90 response rate of 48% at week 16.", {("PASI 90", 48.0)}),
    # a response rate of its own stays an ORR
    ("Velmorumab gave a response rate of 48% at week 16.", {("ORR", 48.0)}),
])
def test_a_named_endpoint_s_response_rate(sentence, expected):
    assert stated_figures(MAB + sentence, "efficacy", "Velmorumab") == expected


@pytest.mark.parametrize("sentence, expected", [
    ("Efficacy: ORR 45%, DCR 90%, mPFS 8.3 months.", {("ORR", 45.0), ("DCR", 90.0), ("PFS", 8.3)}),
    ("The confirmed ORR in the 2.4 mg/kg cohort was 55%.", {("ORR", 55.0)}),
    ("Overall response rate (ORR): 78.3%; complete response (CR) rate: 43.5%.", {("ORR", 78.3), ("CR", 43.5)}),
    ("The 2-year PFS rate was 71.2% for Velmorumab.", {("2-year PFS rate", 71.2)}),
    # a time point is no value: the count is
    ("All 10 patients achieved drug-free remission at 6 months.", {("clinical remission", 10.0)}),
    # a duration of follow-up or a gain is no median
    ("The median PFS was not reached after 14 months of follow-up.", set()),
])
def test_results_written_in_lists_and_labels(sentence, expected):
    assert stated_figures(MAB + sentence, "efficacy", "Velmorumab") == expected


# --- an implied stage for another asset than the sentence's numbered phase --------------------------------------------

def test_an_implied_stage_of_a_second_asset():
    text = "VLX-101, a small molecule from Velmora Bio, is in a Phase 2 trial; its follow-on VLX-202 is in IND-enabling studies."
    assert _of(text, "phase", "VLX-101") == {"phase 2"}
    assert _of(text, "phase", "VLX-202") == {"preclinical"}


def test_no_implied_stage_for_the_numbered_phase_s_asset():
    text = "VLX-101, a small molecule from Velmora Bio, completed IND-enabling studies and is now in a Phase 1 trial."
    assert _of(text, "phase", "VLX-101") == {"phase 1"}


@pytest.mark.parametrize("text, subject, expected", [
    ("VLX-101 is an siRNA from Velmora Bio that silences APOC3 in the liver.", "VLX-101", {"APOC3"}),
    ("VLX-102 is an antisense oligonucleotide from Velmora Bio designed to reduce production of tau protein.", "VLX-102", {"tau"}),
    ("VLX-106 is a monoclonal antibody from Velmora Bio specific for IL-13.", "VLX-106", {"IL-13"}),
    ("VLX-113 is a GLP-1/GIP dual agonist from Velmora Bio.", "VLX-113", {"GLP-1", "GIP"}),
    ("VLX-114 is a bispecific T-cell engager from Velmora Bio that redirects T cells to STEAP1-expressing cells.", "VLX-114",
     {"STEAP1"}),
    # a metabolite before "inhibitor" is no target symbol
    ("VLX-120 is a selective MTA inhibitor from Velmora Bio.", "VLX-120", set()),
])
def test_target_cues_of_rna_medicines_and_selectivity(text, subject, expected):
    assert _targets(text, subject) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("Three patients (12%) discontinued treatment due to TRAEs.", {("discontinuation due to adverse events", 12.0)}),
    ("Serious TRAEs were reported in 5.1% of patients in the Velmorumab group and 2.0% in the placebo group.", {("SAE", 5.1)}),
    ("Dose reductions due to adverse events occurred in 18% of patients.", {("dose reduction due to adverse events", 18.0)}),
])
def test_what_an_adverse_event_led_to(sentence, expected):
    assert _events(sentence) == expected


def test_a_severe_share_in_parentheses_and_the_next_event_s_grade():
    text = MAB + ("Cytokine release syndrome occurred in 53% of patients (grade ≥3: 2%), and neurologic events occurred "
                  "in 11% of patients.")
    got = {(f.object.event, float(f.object.value), f.object.grade) for f in facts(text) if f.predicate == "safety"}
    assert got == {("CRS", 53.0, None), ("CRS", 2.0, ">=3"), ("neurotoxicity", 11.0, None)}


@pytest.mark.parametrize("sentence, expected", [
    ("Velmorumab achieved HiSCR75 in 48% of patients at week 16.", {("HiSCR75", 48.0)}),
    ("Velmorumab reduced the mean monthly attack rate by 87% versus placebo.", {("attack rate", 87.0)}),
    ("Velmorumab produced a 56% reduction in the annualized exacerbation rate.", {("exacerbation rate", 56.0)}),
    ("At week 52, 64% of patients were attack-free.", {("attack-free", 64.0)}),
    ("IGA 0/1 was achieved by 41% of patients.", {("IGA 0/1", 41.0)}),
    ("Velmorumab reduced monthly migraine days by 4.2 days.", {("monthly migraine days", 4.2)}),
    ("The median time to response was 16 days.", {("TTR", 16.0)}),
    # a threshold is no value
    ("All 12 patients achieved HbA1c <7% and time in range >70%.", set()),
])
def test_endpoints_beyond_oncology(sentence, expected):
    assert stated_figures(MAB + sentence, "efficacy", "Velmorumab") == expected


def test_full_width_punctuation_of_translated_releases():
    text = ("HY-0512 is an ADC from Hengyu Pharma. The objective response rate（ORR）was 45.0%，and the disease control "
            "rate（DCR）was 90.0%.")
    assert stated_figures(text, "efficacy", "HY-0512") == {("ORR", 45.0), ("DCR", 90.0)}
    got = [f for f in facts(text) if f.predicate == "efficacy"]
    assert all(text[f.evidence.start:f.evidence.end] == f.evidence.quote for f in got)  # quotes stay verbatim


def test_a_named_trial_s_phase_before_any_asset_goes_to_the_trial_s_asset():
    text = ("Velmora Bio announced topline results from the Phase 3 ALTO-303 clinical trial. The ALTO-303 study is evaluating "
            "Velmorumab, a monoclonal antibody, in combination with Zentamab, a monoclonal antibody, in bladder cancer. "
            "Zentamab is approved. Velmorumab is investigational.")
    assert _by_subject(text, "phase") == {"Velmorumab": {"phase 3"}}


def test_a_phase_without_a_trial_name_stays_unattached_before_any_asset():
    text = ("Velmora Bio announced topline results from a Phase 3 trial. The study is evaluating Velmorumab, a monoclonal "
            "antibody, in combination with Zentamab, a monoclonal antibody. Zentamab is approved. Velmorumab is investigational.")
    assert "Zentamab" not in _by_subject(text, "phase")


@pytest.mark.parametrize("sentence, expected", [
    ("Velmorumab showed a numerical improvement in median OS of 1.9 months [median OS: 31.4 vs. 29.5 months].", {("OS", 31.4)}),
    ("Velmorumab showed a statistically significant improvement in overall survival (HR=0.71).", {("HR", 0.71)}),
    ("Velmorumab gave a 1.2% decrease in HbA1c at week 26.", {("HbA1c", 1.2)}),
])
def test_a_difference_named_before_an_endpoint_is_no_value(sentence, expected):
    assert stated_figures(MAB + sentence, "efficacy", "Velmorumab") == expected


# --- combination partners in indications and the focal asset; a roundup's next company ---------------------------

def test_a_drug_used_with_the_asset_takes_no_indication():
    text = ("Velmora Bio received positive Phase III results for its lung cancer drug. Velmorumab Injection is sometimes "
            "used with Zentinib Capsules for treating non-small cell lung cancer.")
    assert _indications(text, "Zentinib") == set()
    assert "non-small cell lung cancer" in _indications(text, "Velmorumab")


def test_a_tie_of_mentions_is_broken_by_the_partner_s_position():
    text = ("Velmora Bio received positive Phase III clinical trial results for its lung cancer drug. Velmorumab Injection "
            "is sometimes used with Zentinib Capsules for treating lung cancer.")
    assert _by_subject(text, "phase") == {"Velmorumab": {"phase 3"}}


def test_a_roundup_s_next_company_does_not_hand_its_trial_to_the_previous_asset():
    text = ("Quillon Bio has received approval from the NMPA to launch a Phase II trial of its KRAS G12C inhibitor, QB-21822, "
            "for non-small cell lung cancer. China-based Rostam Pharma announced that the first patient has been dosed in "
            "the Phase III REPLAY study in China for its rr-novel immunotherapy.")
    assert _by_subject(text, "trial") == {}
    assert _by_subject(text, "phase") == {"QB-21822": {"phase 2"}}


@pytest.mark.parametrize("text, subject, expected", [
    ("VLX-216 is a TSLP-blocking antibody from Velmora Bio.", "VLX-216", {"TSLP"}),
    ("VLX-217 is an IL-6-neutralizing monoclonal antibody from Velmora Bio.", "VLX-217", {"IL-6"}),
])
def test_a_target_before_its_action_word(text, subject, expected):
    assert _targets(text, subject) == expected


@pytest.mark.parametrize("sentence, expected", [
    ("Velmorumab did not achieve statistical significance versus placebo in the Phase 3 trial.", {"Velmorumab": {"phase 3"}}),
    # a comparator drug named in the clause keeps its clause's phase away from the asset
    ("Velmorumab was compared with Zentamab, approved after a Phase 3 trial, in melanoma.", {}),
])
def test_a_comparator_clause_without_a_drug_keeps_the_phase(sentence, expected):
    got = _by_subject(MAB + sentence, "phase")
    assert {k: v for k, v in got.items() if k != "Velmora Inc."} == expected


@pytest.mark.parametrize("sentence, expected", [
    ("Velmorumab produced responses in 9 of 20 patients (45%).", {("ORR", 45.0)}),
    ("Velmorumab produced complete responses in three patients.", {("CR", 3.0)}),
    # a difference after "by" is no value of a survival or response endpoint; a marker's is
    ("Velmorumab extended median overall survival by 4.1 months.", set()),
    ("Velmorumab improved the ORR by 20% over chemotherapy.", set()),
    ("Velmorumab lowered LDL cholesterol by 55%.", {("LDL-C", 55.0)}),
    # a count of responders beside a rate gives the rate only
    ("Velmorumab produced complete responses in three patients (15%).", {("CR", 15.0)}),
])
def test_trade_news_result_verbs(sentence, expected):
    assert stated_figures(MAB + sentence, "efficacy", "Velmorumab") == expected


@pytest.mark.parametrize("sentence, kept, dropped", [
    ("Patients with a history of autoimmune disease or hepatitis B were excluded.", set(), {"hepatitis B"}),
    ("Velmorumab is for patients with melanoma, excluding those with uveal melanoma.", {"melanoma"}, {"uveal melanoma"}),
    ("Patients with hepatitis B were excluded from the trial.", set(), {"hepatitis B"}),
    # the trial's disease before a relative clause stays
    ("Patients with melanoma who had brain metastases were excluded.", {"melanoma"}, set()),
])
def test_exclusion_criteria_name_no_indication(sentence, kept, dropped):
    got = _indications(MAB + sentence, "Velmorumab")
    assert kept <= got and not (dropped & got)


def test_a_roundup_s_next_company_hands_no_disease_to_the_previous_asset():
    text = ("Velmora Bio said its KRAS G12D inhibitor VLX-101 produced an objective response rate of 38% in a Phase 1 trial "
            "in pancreatic cancer. Meanwhile, Quarnix Therapeutics reported that its Phase 2 trial in ulcerative colitis met "
            "the primary endpoint. Separately, Holsten Pharma said the FDA granted Fast Track designation for its program in "
            "Crohn's disease.")
    assert _indications(text, "VLX-101") == {"pancreatic cancer"}


def test_the_developer_s_next_sentence_still_speaks_of_its_asset():
    text = ("Velmora Bio said its KRAS G12D inhibitor VLX-101 produced an objective response rate of 38% in a Phase 1 trial. "
            "Velmora Bio said the FDA granted Fast Track designation for its program in pancreatic cancer.")
    assert "pancreatic cancer" in _indications(text, "VLX-101")


@pytest.mark.parametrize("sentence, expected", [
    ("One case of grade 4 pneumonitis was reported.", {("pneumonitis", 1.0)}),
    ("Nausea was reported by 24% of participants.", {("nausea", 24.0)}),
    ("Diarrhea affected 18% of patients.", {("diarrhea", 18.0)}),
    ("Treatment-emergent adverse events were mostly grade 1 or 2 and occurred in 71% of patients.", {("TEAE", 71.0)}),
    ("Three patients (6%) developed grade 3 ICANS.", {("ICANS", 6.0)}),
    # no count, no figure
    ("No case of ICANS was reported, and the ORR was not affected by dose.", set()),
])
def test_more_safety_phrasings(sentence, expected):
    assert _events(sentence) == expected
