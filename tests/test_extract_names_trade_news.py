"""Asset and organization names as trade news and releases write them, pinned by invented sentences.

No drug, company or trial here is real; each name is made up to have a shape, not to be looked up.
"""

from __future__ import annotations

from reportgen.extract import extract_facts
from reportgen.facts import plain
from reportgen.sources import Document


def facts_of(text: str):
    return extract_facts(Document(id="t.txt", text=text, sha256="0" * 64))


def objects(facts, subject, predicate):
    return sorted(str(plain(f.object)) for f in facts
                  if f.subject.casefold() == subject.casefold() and f.predicate == predicate)


def subjects(facts):
    return {f.subject for f in facts}


# --- organizations by company word --------------------------------------------------------

def test_therapies_and_sciences_are_company_words():
    fs = facts_of("Cantara Biosciences agreed to acquire Dovetail Gene Therapies, which is developing DGT-401, "
                  "an AAV gene therapy for Pompe disease.")
    assert "Dovetail Gene Therapies" in objects(fs, "DGT-401", "developer")
    assert "Dovetail Gene Therapies" in objects(fs, "Cantara Biosciences", "partner")


def test_which_is_developing_names_the_developer():
    fs = facts_of("Arlen Labs, which is developing ARL-220, a TYK2 inhibitor, raised $80 million.")
    assert objects(fs, "ARL-220", "developer") == ["Arlen Labs"]


# --- asset names introduced by a cue -----------------------------------------------------

def test_named_after_its_drug_noun():
    fs = facts_of("Korvant Bio dubbed its new bispecific antibody Dualix. Dualix, which targets CD20 and CD3, "
                  "is being studied in lymphoma.")
    assert objects(fs, "Dualix", "developer") == ["Korvant Bio"]


def test_branded_as_introduces_a_brand():
    fs = facts_of("The ministry approved the iPS cell-derived cardiomyocyte sheets, branded as Cardiana, for heart "
                  "failure. Cardiana was developed by Hinoda Pharma.")
    assert "Cardiana" in subjects(fs)
    assert objects(fs, "Cardiana", "developer") == ["Hinoda Pharma"]


def test_a_dubbed_person_or_place_is_not_an_asset():
    fs = facts_of("Velmora Bio named its chief executive Anna Holt. The company is based in Boston.")
    assert not any(f.predicate == "developer" for f in fs)


# --- codes ------------------------------------------------------------------------------

def test_second_code_of_a_slash_combination():
    fs = facts_of("Elvexa Therapeutics said the ELX-210/ELX-305 combination received Fast Track designation. "
                  "ELX-305 is an oral MEK inhibitor.")
    assert "ELX-305" in subjects(fs)


def test_a_code_in_a_commercialization_headline():
    fs = facts_of("Obrecht Oncology and Sunmoor Biologics to co-commercialize ZT-44 in Japan\n\n"
                  "Obrecht Oncology said the deal covers ZT-44.")
    assert "ZT-44" in subjects(fs)


def test_a_possessive_before_a_drug_class_names_an_owner():
    fs = facts_of("Monterra's ADC, MT-3207, showed a 45% response rate. Monterra is based in Boston.")
    assert objects(fs, "MT-3207", "developer") == ["Monterra"]


# --- licences and deals (partners.licensees, data/relations.yaml) --------------------------

def test_licensed_rights_to_its_asset_to_a_licensee():
    fs = facts_of("Renvar Bio licensed global rights to its anti-CD38 antibody RVB-38 to Akura Pharmaceuticals "
                  "in a deal worth up to $600 million.")
    assert objects(fs, "Renvar Bio", "partner") == ["Akura Pharmaceuticals"]
    assert objects(fs, "RVB-38", "developer") == ["Akura Pharmaceuticals", "Renvar Bio"]


def test_a_licence_grant_makes_both_parties_developers():
    fs = facts_of("Under the agreement, Pellion Bio grants Sarrow Therapeutics an exclusive license to develop and "
                  "commercialize PLB-212 worldwide.")
    assert objects(fs, "PLB-212", "developer") == ["Pellion Bio", "Sarrow Therapeutics"]
    assert objects(fs, "Pellion Bio", "partner") == ["Sarrow Therapeutics"]


def test_an_option_to_license_from_a_licensor():
    fs = facts_of("Arvelle Pharma has obtained an option to license ARV-66 from Teyon Biotech.")
    assert objects(fs, "Arvelle Pharma", "partner") == ["Teyon Biotech"]
    assert "Teyon Biotech" in objects(fs, "ARV-66", "developer")


def test_two_companies_that_co_commercialize_an_asset():
    fs = facts_of("Obrecht Oncology and Sunmoor Biologics to co-commercialize ZT-44 in Japan\n\n"
                  "Obrecht Oncology said the deal covers ZT-44.")
    assert objects(fs, "ZT-44", "developer") == ["Obrecht Oncology", "Sunmoor Biologics"]
    assert objects(fs, "Obrecht Oncology", "partner") == ["Sunmoor Biologics"]


def test_a_licence_to_a_third_party_after_another_organization_is_not_the_grantors():
    fs = facts_of("Pellion Bio grants Sarrow Therapeutics rights in China, while Quenby Pharma keeps PLB-212 elsewhere.")
    assert "Sarrow Therapeutics" not in objects(fs, "PLB-212", "developer")


# --- roundups: each asset with its own maker and class --------------------------------------

def test_a_roundup_gives_each_asset_its_class_and_maker():
    fs = facts_of("The FDA granted orphan drug designation to Velmor Therapeutics' VLM-44 for Wilson disease, to Quenby "
                  "Bio's gene therapy QB-102 for Fabry disease, and to Astrel Pharma's oral small molecule astrelimod "
                  "for sarcoidosis.")
    assert objects(fs, "VLM-44", "developer") == ["Velmor Therapeutics"]
    assert objects(fs, "QB-102", "developer") == ["Quenby Bio"]
    assert objects(fs, "QB-102", "modality") == ["gene therapy"]
    assert objects(fs, "VLM-44", "modality") == []
    assert objects(fs, "astrelimod", "modality") == ["small molecule"]


def test_the_possessor_of_a_named_asset_is_its_maker():
    fs = facts_of("The ministry approved two iPS cell-derived products, branded as Neurapry and HeartSheet: Kinora's "
                  "Neurapry for Parkinson's disease and Shirane's HeartSheet for ischemic cardiomyopathy.")
    assert objects(fs, "Neurapry", "developer") == ["Kinora"]
    assert objects(fs, "HeartSheet", "developer") == ["Shirane"]


def test_the_source_in_an_apposition_is_the_maker():
    fs = facts_of("IMV-101, a PRAME-targeted bispecific from ImmunoVex, produced a 30% response rate in melanoma.")
    assert objects(fs, "IMV-101", "developer") == ["ImmunoVex"]


def test_a_person_or_a_disease_before_an_asset_is_not_its_maker():
    fs = facts_of("Dr. Hale Smith's zorvatinib study enrolled 20 patients with Parkinson's disease. "
                  "Today's zorvatinib data in Parkinson's zorvatinib-treated patients were positive.")
    assert objects(fs, "zorvatinib", "developer") == []


def test_a_brand_name_with_a_hyphen_is_kept_whole():
    fs = facts_of("The agency approved huaxicabtagene autoleucel (brand name Huaxi-T), developed by Huaxin Biotech, "
                  "for myeloma.")
    assert objects(fs, "huaxicabtagene autoleucel", "name") == ["Huaxi-T"]


def test_a_hyphenated_code_with_a_year_like_number_is_a_code():
    fs = facts_of("Orvane Therapeutics said the FDA cleared its IND for ORV-2033, a CD20xCD3 T-cell engager.")
    assert objects(fs, "ORV-2033", "developer") == ["Orvane Therapeutics"]


# --- parentheses read at every use; combination partners ----------------------------------

def test_a_later_use_of_a_brand_opens_an_alias_parenthesis():
    fs = facts_of("The FDA approved Tarvexa (tarvecitinib) for alopecia areata, Tarvix Pharma said. "
                  "Tarvexa (TRV-210) was studied in two trials.")
    assert objects(fs, "tarvecitinib", "name") == ["TRV-210", "Tarvexa"]


def test_a_brand_before_an_inn_parenthesis_takes_its_other_aliases():
    fs = facts_of("Lumiqa (lumiquabtagene autoleucel; LQ-19) was approved in China.")
    assert objects(fs, "lumiquabtagene autoleucel", "name") == ["LQ-19", "Lumiqa"]


def test_its_combination_partner_is_not_the_companys():
    fs = facts_of("Helixor's HLX-88 (formerly known as HX-2) and its combination with pembrolizumab (Keytruda) "
                  "are in Phase 2.")
    assert objects(fs, "HLX-88", "developer") == ["Helixor"]
    assert objects(fs, "pembrolizumab", "developer") == []


# --- the announcer named a sentence before the asset ----------------------------------------

def test_a_headline_company_develops_the_asset_the_next_sentence_names():
    fs = facts_of("Kinora Pharma wins Japan nod for Parkinson's cell therapy\n\nJapan's health ministry approved "
                  "Neurapry, an iPS cell-derived dopaminergic progenitor cell product, for Parkinson's disease. "
                  "Neurapry is the first such approval.")
    dev = [f for f in fs if f.subject == "Neurapry" and f.predicate == "developer"]
    assert [plain(f.object) for f in dev] == ["Kinora Pharma"]
    assert "Kinora Pharma" in dev[0].evidence.quote and "Neurapry" in dev[0].evidence.quote


def test_a_university_in_the_headline_is_not_taken_for_the_maker():
    fs = facts_of("Naruto University researchers report data\n\nThe ministry approved Neurapry, an iPS cell-derived "
                  "dopaminergic progenitor cell product, for Parkinson's disease. Neurapry is the first such approval.")
    assert objects(fs, "Neurapry", "developer") == []


# --- brands and generic names linked in words ---------------------------------------------

import pytest  # noqa: E402


@pytest.mark.parametrize("text", [
    "Velotamab, which will be sold as Velzari, was approved by the FDA for lupus.",
    "Velotamab, marketed as Velzari in the United States, was approved by the FDA for lupus.",
    "The FDA approved Velzari, the brand name for velotamab, for lupus.",
    "The FDA approved velotamab, to be marketed under the brand name Velzari, for lupus.",
    "Velzari (generic name: velotamab) was approved by the FDA for lupus.",
    "Velzari (INN: velotamab) was approved by the FDA for lupus.",
])
def test_a_brand_and_its_generic_name_are_one_asset(text):
    fs = facts_of(text)
    assert [(f.subject.casefold(), plain(f.object)) for f in fs if f.predicate == "name"] == [("velotamab", "Velzari")]


def test_a_lower_case_word_before_a_parenthesis_is_not_a_brand():
    fs = facts_of("The FDA approved (under accelerated approval) velotamab for lupus.")
    assert [f for f in fs if f.predicate == "name"] == []


# --- deal wording in trade news ------------------------------------------------------------

@pytest.mark.parametrize("text,developers", [
    ("Arbor Biopharma has struck a deal worth up to $500 million for rights to Kestrel Genetics' hemophilia gene "
     "therapy KG-301.", ["Arbor Biopharma", "Kestrel Genetics"]),
    ("Arbor Biopharma will license KG-301, an AAV gene therapy, from Kestrel Genetics for $30 million upfront.",
     ["Arbor Biopharma", "Kestrel Genetics"]),
    ("Under the agreement, Arbor Biopharma obtains an exclusive, worldwide license to KG-301 from Kestrel Genetics.",
     ["Arbor Biopharma", "Kestrel Genetics"]),
    ("Arbor Biopharma and Kestrel Genetics entered into a strategic collaboration on KG-301.",
     ["Arbor Biopharma", "Kestrel Genetics"]),
])
def test_deal_wording_names_both_parties(text, developers):
    fs = facts_of(text)
    assert objects(fs, "Arbor Biopharma", "partner") == ["Kestrel Genetics"]
    assert objects(fs, "KG-301", "developer") == developers


@pytest.mark.parametrize("text", [
    "Arbor Biopharma paid Kestrel Genetics $30 million upfront for ex-US rights to KG-301, an AAV gene therapy.",
    "Arbor Biopharma has bought the rights to Kestrel Genetics' KG-301 in a $30 million upfront deal.",
    "Kestrel Genetics, which Arbor Biopharma bought last year, developed KG-301.",
])
def test_payments_and_purchases_pair_the_parties(text):
    fs = facts_of(text)
    assert objects(fs, "Arbor Biopharma", "partner") == ["Kestrel Genetics"]


def test_a_regulator_a_deal_mentions_is_no_partner():
    fs = facts_of("Arbor Biopharma obtained approval from the FDA for KG-301, an AAV gene therapy.")
    assert [f for f in fs if f.predicate == "partner"] == []


# --- well-known sponsors named without a company word ---------------------------------------

def test_a_well_known_sponsor_without_a_company_word_is_an_organization():
    fs = facts_of("Halozyme said it has licensed its drug delivery technology for ZQ-401, a PD-1 antibody, "
                  "to Qorvan Bio.")
    assert "Halozyme" in objects(fs, "ZQ-401", "developer")


def test_a_headline_deal_verb_and_a_deal_noun_name_both_parties():
    fs = facts_of("Quorvexa inks $1 billion pact with Arbor Biopharma for QRV-210\n\n"
                  "Quorvexa will receive $100 million upfront for QRV-210, an oral GLP-1 agonist.")
    assert objects(fs, "Quorvexa", "partner") == ["Arbor Biopharma"]
    fs = facts_of("Zentavo has signed an agreement with Halvex to manufacture ZTV-19, a CD19 CAR-T therapy. "
                  "Zentavo said the deal is worth $20 million.")
    assert objects(fs, "Zentavo", "partner") == ["Halvex"]


def test_a_deal_with_a_person_names_no_partner():
    fs = facts_of("Zentavo Bio signed an agreement with Dr. Hale Marsh to advise on ZTV-19, a CD19 CAR-T therapy.")
    assert objects(fs, "Zentavo Bio", "partner") == []


# --- more WHO stems ---------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["zorasidenib", "velnetoclax", "quorixaban", "tavogepant", "marvocoxib", "lotrafungin"])
def test_small_molecule_stems_name_assets(name):
    from reportgen.extract.names import INN_RE
    m = INN_RE.search(f"the company's {name} was well tolerated")
    assert m and m.group(0) == name


@pytest.mark.parametrize("word", ["immunoglobulin", "tubulin", "globulin"])
def test_proteins_ending_like_a_stem_are_not_assets(word):
    from reportgen.extract.names import INN_RE, NOT_INN
    m = INN_RE.search(f"levels of {word} rose")
    assert m is None or m.group(0).casefold() in NOT_INN


# --- who speaks is not who develops ------------------------------------------------------------

@pytest.mark.parametrize("text,site", [
    ("Investigators at Lakeside Cancer Center said ZTV-101, a CD19 CAR-T therapy from Zentavo Bio, produced responses.",
     "Lakeside Cancer Center"),
    ("Analysts at Jefferies said Zentavo Bio's ZTV-101, a CD19 CAR-T therapy, could reach $1 billion in sales.",
     "Jefferies"),
    ("Kestrel University said ZTV-101, a CD19 CAR-T therapy from Zentavo Bio, was well tolerated in its trial.",
     "Kestrel University"),
])
def test_a_trial_site_or_an_analyst_firm_that_speaks_is_not_a_developer(text, site):
    fs = facts_of(text)
    assert objects(fs, "ZTV-101", "developer") == ["Zentavo Bio"]


def test_developed_with_a_partner_names_both():
    fs = facts_of("Sumida Pharma developed Dopacel with Naruto University. Dopacel is an iPS cell-derived product.")
    assert objects(fs, "Dopacel", "developer") == ["Naruto University", "Sumida Pharma"]
    assert objects(fs, "Sumida Pharma", "partner") == ["Naruto University"]


def test_a_one_digit_code_beside_gene_therapy_is_an_asset():
    fs = facts_of("Virelle Therapeutics said the FDA placed a clinical hold on its trial of VRL-7, an AAV9-based "
                  "gene therapy for Danon disease.")
    assert objects(fs, "VRL-7", "developer") == ["Virelle Therapeutics"]


def test_a_dosage_form_between_a_name_and_its_parenthesis():
    fs = facts_of("Jinhai Biotech announced that the NMPA approved inaticabtagene autoleucel injection "
                  "(trade name: Cartexa), a CD19-targeted CAR-T cell therapy, for leukemia.")
    assert objects(fs, "inaticabtagene autoleucel", "name") == ["Cartexa"]


@pytest.mark.parametrize("label", ["development code:", "R&D code:", "product code", "internal code name:"])
def test_a_code_label_names_a_code_of_the_asset(label):
    fs = facts_of(f"The ministry approved dopravocel ({label} CT1-DAP001), an iPS cell-derived product of Sumida Pharma, "
                  "for Parkinson's disease.")
    assert objects(fs, "dopravocel", "name") == ["CT1-DAP001"]


def test_a_sole_company_develops_its_other_assets_but_not_a_comparator():
    fs = facts_of("Zentavo Bio reported pipeline progress. ZTV-101, a CD19 CAR-T therapy, was approved. Zentavo Bio "
                  "also dosed the first patient with ZTV-202, an oral TYK2 inhibitor.")
    assert objects(fs, "ZTV-202", "developer") == ["Zentavo Bio"]
    fs = facts_of("Zentavo Bio reported pipeline progress. ZTV-101, a CD19 CAR-T therapy, was approved. Zentavo Bio "
                  "compared ZTV-101 with pembrolizumab, a PD-1 antibody.")
    assert objects(fs, "pembrolizumab", "developer") == []


@pytest.mark.parametrize("text", [
    "Pellion Bio today announced an exclusive license agreement under which Sarrow Therapeutics will develop and "
    "commercialize PLB-212, an AAV gene therapy, in Europe.",
    "Pellion Bio announced a licensing agreement for PLB-212, its AAV gene therapy. Under the terms, the company will "
    "receive $20 million upfront from Sarrow Therapeutics.",
    "Pellion Bio said Tuesday that Sarrow Therapeutics will pay up to $300 million for the rights to its hemophilia "
    "gene therapy PLB-212.",
    "The gene therapy, PLB-212, was licensed to Sarrow Therapeutics by Pellion Bio in 2023.",
    "Sarrow Therapeutics, Pellion Bio's partner in Europe, will commercialize PLB-212.",
])
def test_a_deal_sentence_with_two_organizations_pairs_them(text):
    fs = facts_of(text)
    pairs = {frozenset((f.subject, plain(f.object))) for f in fs if f.predicate == "partner"}
    assert pairs == {frozenset(("Pellion Bio", "Sarrow Therapeutics"))}


def test_a_deal_sentence_with_three_organizations_is_left_to_the_cues():
    fs = facts_of("Pellion Bio said royalties from PLB-212 rose, while Sarrow Therapeutics and Quenby Pharma reported "
                  "lower sales.")
    assert [f for f in fs if f.predicate == "partner"] == []


def test_its_drug_noun_then_a_repeated_name_is_an_asset():
    fs = facts_of("Kardion, a Tokyo startup, said its heart sheet Kardisheet was approved. Kardisheet is made of iPS cells.")
    assert objects(fs, "Kardisheet", "developer") == ["Kardion"]
    fs = facts_of("Zentavo said its CAR-T therapy Lupacel was approved. Lupacel is given once.")
    assert objects(fs, "Lupacel", "developer") == ["Zentavo"]


def test_a_unit_of_a_holding_is_an_organization():
    fs = facts_of("Halvex, a unit of Norsand Holdings, said HVX-12, a CD20xCD3 bispecific, met its endpoint.")
    assert "Halvex" in objects(fs, "HVX-12", "developer")


def test_a_sponsor_label_in_a_designation_list_names_the_developer():
    fs = facts_of("FDA orphan drug designations, week of March 3\n\nDrug: ZTV-101 (CD19 CAR-T)\nSponsor: Zentavo Bio\n"
                  "Indication: systemic sclerosis\n\nDrug: velnotamab\nSponsor: Quenby Pharmaceuticals, Inc.\n"
                  "Indication: myasthenia gravis\n")
    assert objects(fs, "ZTV-101", "developer") == ["Zentavo Bio"]
    assert objects(fs, "velnotamab", "developer") == ["Quenby Pharmaceuticals, Inc."]
    assert objects(fs, "velnotamab", "developer") and objects(fs, "ZTV-101", "developer") != objects(fs, "velnotamab", "developer")


def test_a_code_an_organization_owns_needs_no_other_drug_word():
    fs = facts_of("Zentavo Bio's ZTV-101 met its primary endpoint, the company said.")
    assert objects(fs, "ZTV-101", "developer") == ["Zentavo Bio"]


def test_a_possessive_before_a_year_or_a_period_names_no_asset():
    fs = facts_of("Zentavo Bio's 2021 results and Zentavo Bio's Q3-2024 revenue rose, the company said.")
    assert [f for f in fs if f.predicate == "developer"] == []


@pytest.mark.parametrize("name", ["velarotene", "quorogolix", "tavoprazan", "lumiciguat", "daridorexant",
                                  "zenoglitazar", "brovamilast", "ravitegrast", "soracapavir", "ensitrelvir"])
def test_stems_of_classes_in_development_name_assets(name):
    from reportgen.extract.names import INN_RE
    m = INN_RE.search(f"the company's {name} was well tolerated")
    assert m and m.group(0) == name


def test_an_unlisted_inn_given_with_combination_partners_takes_the_facts():
    """The asset announced keeps the sentence's trial, phase and designation; the drugs it is combined with
    (found by their own stems) do not take them."""
    fs = facts_of("Quorvex Pharmaceuticals announced that it has gained Fast Track Designation from the FDA for "
                  "velarotene in combination with azacitidine and venetoclax for the treatment of acute myeloid "
                  "leukemia (AML). Velarotene is being evaluated in the HALO-AML-1 Phase 2 trial.")
    assert "HALO-AML-1" in objects(fs, "velarotene", "trial")
    assert objects(fs, "venetoclax", "trial") == [] and objects(fs, "venetoclax", "phase") == []
    assert any("Fast Track" in o for o in objects(fs, "velarotene", "regulatory"))


@pytest.mark.parametrize("word", ["fludarabine", "methotrexate", "vancomycin", "metoprolol", "lisinopril"])
def test_background_classes_are_not_read_by_a_stem(word):
    """Old classes named as background or supportive therapy have no stem in the list."""
    from reportgen.extract.names import INN_RE, NOT_INN
    m = INN_RE.search(f"patients received {word} before dosing")
    assert m is None or m.group(0).casefold() in NOT_INN


@pytest.mark.parametrize("acronym", ["RMAT", "PRIME", "BTD", "CHMP"])
def test_a_designation_or_regulator_acronym_in_the_headline_is_no_asset(acronym):
    """A headline's all-capital word the body repeats is a name, except the programmes and agencies themselves."""
    fs = facts_of(f"FDA grants {acronym} designation to NovaCyte cell therapy for acute respiratory distress syndrome\n\n"
                  f"Brivant announced today that NovaCyte cell therapy was granted {acronym} designation for the "
                  f"acute respiratory distress syndrome program. The {acronym} designation is granted in addition "
                  f"to Fast Track designation. NovaCyte is the only cell therapy program with {acronym} status.")
    assert acronym not in subjects(fs)
    assert "NovaCyte" in subjects(fs)


@pytest.mark.parametrize("day", ["Tuesday", "Friday", "today"])
def test_a_weekday_before_the_verb_is_no_organization(day):
    fs = facts_of(f"(NewsWire) - Lorvian Sciences Ltd. (LRVN) on {day} announced results from the Phase 3 ORCA "
                  "study evaluating belzagolix in men with advanced prostate cancer.")
    assert objects(fs, "belzagolix", "developer") == ["Lorvian Sciences Ltd."]


def test_a_name_set_off_by_commas_after_an_owned_drug_noun_is_an_asset():
    fs = facts_of("Only six months after first approval in the West for its all-important cancer drug, Zorvexa, "
                  "Halden Pharma has received approval from Japan. The Ministry of Health, Labour and Welfare's "
                  "decision to grant approval for Zorvexa follows a priority review.")
    assert "Zorvexa" in subjects(fs)


def test_a_company_after_an_owned_drug_noun_and_a_comma_is_no_asset():
    fs = facts_of("Halden Pharma said the approval of its cancer drug, Merckle said on Monday, came early. "
                  "Merckle owns part of Halden Pharma. ZRX-101 is its lead CD19 CAR-T therapy.")
    assert "Merckle" not in subjects(fs)


@pytest.mark.parametrize("code", ["CD4CAR", "CD7CAR", "BCMACAR-T"])
def test_a_car_written_joined_to_its_target_is_an_asset(code):
    fs = facts_of(f"Halvora Cell Therapeutics announced that the FDA has granted Orphan Drug Designation for its "
                  f"chimeric antigen receptor engineered T-cells ({code}) for the treatment of T-cell lymphoma. "
                  f"Dr. Lee said \"{code} could significantly enhance available treatment options.\"")
    assert code in subjects(fs)


def test_a_joined_car_written_once_or_without_a_target_is_no_asset():
    fs = facts_of("Halvora Cell Therapeutics said its ZXCAR platform and one CD4CAR construct entered the clinic. "
                  "ZXCAR is a platform. HLV-101 is its lead CD19 CAR-T therapy.")
    assert "CD4CAR" not in subjects(fs) and "ZXCAR" not in subjects(fs)


@pytest.mark.parametrize("code", ["QRV-23E73", "HLV-4B12"])
def test_a_code_with_a_letter_inside_its_number_is_an_asset(code):
    fs = facts_of(f"Halvora Pharmaceuticals licensed its experimental cancer therapy {code} to Brightmoor. "
                  f"{code} is an oral pill currently in Phase 1 trials.")
    assert code in subjects(fs)


@pytest.mark.parametrize("verb", ["designed to inhibit", "developed to block", "engineered to degrade"])
def test_a_purpose_verb_before_a_target_gives_the_target(verb):
    fs = facts_of(f"Halvora Pharmaceuticals licensed QRV-23E73 to Brightmoor. QRV-23E73 is an oral pill {verb} "
                  "KRAS, a mutated protein that can fuel tumour growth.")
    assert objects(fs, "QRV-23E73", "target") == ["KRAS"]
