"""Developers and partners stated by where an asset comes from ("created by", "originating from", "discovered
at"), by a licence grant to a company with a foreign legal form ("granting Orvane S.A. of France exclusive
rights"), and the release's own voice ("we entered into an agreement with B": B is not "we"). Every name here is
invented."""

from __future__ import annotations

import pytest

from readings_support import developers, facts, partners




LEAD = "Velnora Bio announced Phase 2 results for the antibody ZT-101 in lupus today.\n"


@pytest.mark.parametrize("sentence", [
    "ZT-101 is an anti-IL-99 humanized monoclonal antibody originating from Quorvex Pharmaceuticals.",
    "ZT-101, the first antibody drug targeting IL-99 created by Quorvex Pharmaceuticals, is in Phase 2.",
    "ZT-101 was discovered by Quorvex Pharmaceuticals in 2015.",
    "ZT-101 was originally developed by Swiss drugmaker Quorvex Pharmaceuticals.",
    "ZT-101 was invented at Quorvex Pharmaceuticals.",
])
def test_the_organization_an_asset_comes_from_develops_it(sentence):
    assert "Quorvex Pharmaceuticals" in developers(LEAD + sentence + "\n", "ZT-101")


@pytest.mark.parametrize("sentence", [
    "ZT-101 was compared with a drug created by Quorvex Pharmaceuticals.",
    "ZT-101 is given in combination with an antibody originating from Quorvex Pharmaceuticals.",
    "ZT-101 works like KX-4410, discovered by Quorvex Pharmaceuticals.",
])
def test_an_origin_stated_for_another_drug_names_no_developer(sentence):
    assert "Quorvex Pharmaceuticals" not in developers(LEAD + sentence + "\n", "ZT-101")


@pytest.mark.parametrize("form", ["S.A.", "N.V.", "B.V.", "K.K.", "S.p.A."])
def test_a_licence_granted_to_a_company_with_a_foreign_legal_form(form):
    text = ("Pellam Bio announced today that ZX-4410 met its primary endpoint.\n"
            f"In 2019, Pellam Bio entered into a license agreement granting Orvane {form} of France exclusive rights "
            "for the development and marketing of ZX-4410 in Europe.\n")
    assert f"Orvane {form}" in developers(text, "ZX-4410")
    assert frozenset(("Pellam Bio", f"Orvane {form}")) in partners(text)


PARTNERS_PAGE = ("Halvex\n\n"
                 "In 2021, we entered into an option and license agreement with Halvex, which grants Halvex the "
                 "option to license worldwide rights to QV-220, an antagonist ready for a Phase 2 study.\n\n"
                 "Tramonte Therapeutics\n\n"
                 "In 2018, we entered into a collaboration and license agreement with Tramonte Therapeutics to "
                 "develop cell products which incorporate our LX-9 technology.\n")


def test_the_counterparty_of_we_is_not_paired_with_the_next_counterparty():
    assert frozenset(("Halvex", "Tramonte Therapeutics")) not in partners(PARTNERS_PAGE)


def test_our_asset_is_not_the_counterparty_of_we():
    assert "Halvex" not in developers(PARTNERS_PAGE, "LX-9")


def test_the_counterparty_of_we_still_develops_what_it_licenses():
    assert "Halvex" in developers(PARTNERS_PAGE, "QV-220")


def test_a_collaboration_cue_still_pairs_with_the_announcer_of_the_release():
    text = ("Pellam Bio announced today that it will study ZX-4410 in collaboration with Orvane Therapeutics.\n"
            "The study of ZX-4410 will start in 2026.\n")
    assert frozenset(("Pellam Bio", "Orvane Therapeutics")) in partners(text)


def test_a_first_organization_named_deep_in_a_commentary_is_no_announcer():
    text = ("How in vivo cell therapy is changing the field\n"
            "Where it started\n"
            "Five patients received an infusion of a new kind of therapy.\n"
            "None needed conditioning.\n"
            "The field moved fast after that.\n"
            "In March, Halvor Pharma paid a billion dollars to acquire a small biotech.\n"
            "The asset was KX-3310, co-developed with Tarsis Biopharma, whose first patient was dosed in 2024.\n")
    assert frozenset(("Halvor Pharma", "Tarsis Biopharma")) not in partners(text)
    assert "Tarsis Biopharma" in developers(text, "KX-3310")


@pytest.mark.parametrize("sentence", [
    "TOKYO - Halvex Pharmaceutical Co., Ltd. announced that Tarsen Co., Ltd. (hereafter, Tarsen) obtained regulatory "
    "approval from the Ministry of Health, Labour and Welfare (MHLW) for the anti-IL-99 antibody ZT-101 for itching.",
    "Halvex Pharmaceutical said that Tarsen Co., Ltd. has received marketing authorization from the European "
    "Commission for its antibody ZT-101 in atopic dermatitis.",
    "Halvex Pharmaceutical noted that Tarsen Co., Ltd. was granted Orphan Drug designation by the FDA for the "
    "investigational antibody ZT-101.",
])
def test_the_holder_of_a_decision_develops_the_asset_it_is_for(sentence):
    assert "Tarsen Co., Ltd." in developers(sentence + "\n", "ZT-101")


def test_a_decision_held_for_a_combination_names_no_developer_of_the_partner_drug():
    text = ("Tarsen Co., Ltd. obtained approval from the FDA for a regimen in combination with the antibody ZT-101.\n"
            "ZT-101 is marketed by Halvex Pharmaceutical.\n")
    assert "Tarsen Co., Ltd." not in developers(text, "ZT-101")


@pytest.mark.parametrize("ticker", ["QVX", "SLNB", "HX"])
def test_a_ticker_written_after_the_company_name_is_that_company(ticker):
    text = (f"Quorvex Therapeutics  {ticker} announced that the U.S. Food and Drug Administration has granted Fast "
            "Track Designation to its lead candidate QVX-124 for the treatment of polycythemia vera.\n")
    found = facts(text)
    devs = {str(f.object) for f in found if f.subject == "QVX-124" and f.predicate == "developer"}
    assert devs == {"Quorvex Therapeutics"}
    assert not [f for f in found if f.predicate == "name" and str(f.object) == ticker]


def test_two_acronyms_side_by_side_stay_two_organizations():
    from reportgen.extract.names import Entity, Mention
    from reportgen.extract.orgnames import join_tickers

    text = "NIH NCI said"
    entities = [Entity("org", {"NIH": 0}), Entity("org", {"NCI": 4})]
    mentions = [Mention(0, 3, 0, "NIH"), Mention(4, 7, 1, "NCI")]
    join_tickers(text, entities, mentions)
    assert [m.eid for m in mentions] == [0, 1] and entities[1].kind == "org"


SPINOUT = ("Halvex Spinout Tarsis Raises $120m\n"
           "Tarsis Bio, a new company developing autoimmune disease therapeutics, raised $120m in its first round.\n"
           "At its launch, Tarsis was spun off of Halvex LLC and {cue} rights to a handful of "
           "preclinical- and clinical-stage assets that Halvex no longer plans to pursue.\n"
           "{opener} the anti-CD40 monoclonal antibody velnorimab, in Phase II for lupus nephritis; QX-5108 "
           "(HVX-5108), in Phase I for psoriasis; and QX-6215 (HVX-6215), in Phase I for uveitis.\n")


@pytest.mark.parametrize("cue,opener", [("granted", "Included are"), ("received", "These include"),
                                        ("obtained exclusive", "The assets include")])
def test_each_asset_listed_after_a_licensed_set_has_both_parties_as_developers(cue, opener):
    text = SPINOUT.format(cue=cue, opener=opener)
    for asset in ("velnorimab", "QX-5108", "QX-6215"):
        assert {"Tarsis Bio", "Halvex LLC"} <= developers(text, asset), asset


def test_a_set_listed_in_the_same_sentence_after_including():
    text = ("Orvane Therapeutics acquired global rights to three clinical-stage antibodies from Pellam Bio, including "
            "ZT-2201, ZT-2202 and ZT-2203, the companies said.\n")
    for asset in ("ZT-2201", "ZT-2202", "ZT-2203"):
        assert {"Orvane Therapeutics", "Pellam Bio"} <= developers(text, asset), asset


def test_a_sentence_that_does_not_open_on_a_list_is_not_the_set():
    text = SPINOUT.format(cue="granted", opener="Separately, Quellan Bio reported data on")
    assert "Tarsis Bio" not in developers(text, "QX-5108")


def test_an_investor_in_the_licence_sentence_is_no_licensor():
    text = ("Orvane Therapeutics, backed by Kestrel Capital, acquired rights to several antibodies from Pellam Bio, "
            "including ZT-2201 and ZT-2202.\n")
    assert "Kestrel Capital" not in developers(text, "ZT-2201")


HEAD = ("Velnora Bio Reports Data for ZT-2201 in Lupus\n"
        "Velnora Bio announced today new data from the Phase 1 study of ZT-2201 in lupus.\n")


@pytest.mark.parametrize("sentence", [
    "ZT-2201 was licensed from Quorvex Pharma in 2021.",
    "ZT-2201, in-licensed from Quorvex Pharma, is in Phase 2.",
    "ZT-2201 is partnered with Quorvex Pharma in China.",
    "The Phase 2 trial of ZT-2201 is sponsored by Quorvex Pharma and enrolls 40 patients with lupus.",
    "Quorvex Pharma (NASDAQ: QVX) is advancing ZT-2201 in a Phase 2 trial.",
    "Quorvex Pharma (QVX) has received Orphan Drug designation for ZT-2201.",
])
def test_licensor_partner_sponsor_and_a_listed_company_develop_the_asset(sentence):
    assert "Quorvex Pharma" in developers(HEAD + sentence + "\n", "ZT-2201")


def test_a_university_sponsoring_an_investigator_initiated_trial_is_no_developer():
    text = HEAD + "The investigator-initiated trial of ZT-2201 is sponsored by the University of Halvor.\n"
    assert "University of Halvor" not in developers(text, "ZT-2201")


@pytest.mark.parametrize("sentence,org", [
    ("ZT-2201 was developed by researchers at the University of Halvor.", "University of Halvor"),
    ("ZT-2201 was discovered at the Institute of Cell Biology in Tarsen.", "Institute of Cell Biology"),
])
def test_an_academic_name_opening_on_its_key_word_is_an_organization(sentence, org):
    assert org in developers(HEAD + sentence + "\n", "ZT-2201")


def test_a_capitalized_word_before_the_key_belongs_to_the_name():
    text = HEAD + "Data on ZT-2201 were presented at the Nordic College of Cardiology meeting.\n"
    assert not [f for f in facts(text) if "College of Cardiology" in str(f.object) and "Nordic" not in str(f.object)]


TAIL = "ZT-2201 is an investigational antibody for lupus.\n"


@pytest.mark.parametrize("sentence", [
    "Velnora Bio today announced that its subsidiary Tarsen Therapeutics dosed the first patient with ZT-2201.",
    "Velnora Bio said that Tarsen Therapeutics has submitted a BLA for ZT-2201.",
    "Velnora Bio reported that its Japanese partner Tarsen Therapeutics initiated a Phase 3 trial of ZT-2201.",
])
def test_the_organization_opening_a_reported_clause_develops_its_asset(sentence):
    assert "Tarsen Therapeutics" in developers(sentence + "\n" + TAIL, "ZT-2201")


def test_a_reported_clause_about_a_comparison_names_no_developer():
    text = ("Velnora Bio said that Tarsen Therapeutics is testing a competitor to ZT-2201 in a small study.\n" + TAIL)
    assert "Tarsen Therapeutics" not in developers(text, "ZT-2201")


@pytest.mark.parametrize("sentence", [
    "Quorvex Pharma will acquire Velnora Bio and its lead asset ZT-2201, an oral inhibitor, for $1 billion.",
    "Quorvex Pharma agreed to buy Velnora Bio, including its clinical-stage antibody ZT-2201, for $1 billion.",
])
def test_the_buyer_of_a_company_and_its_asset_develops_the_asset(sentence):
    assert {"Quorvex Pharma", "Velnora Bio"} <= developers(sentence + "\n" + TAIL, "ZT-2201")


@pytest.mark.parametrize("sentence", [
    "Velnora Bio entered into a co-development and co-commercialization agreement with Quorvex Pharma for ZT-2201 in the US.",
    "Velnora Bio signed an exclusive license agreement with Quorvex Pharma to develop and commercialize ZT-2201 in Japan.",
    "Velnora Bio has a joint development partnership with Quorvex Pharma on ZT-2201.",
])
def test_both_parties_of_a_codevelopment_or_licence_deal_for_an_asset_develop_it(sentence):
    assert {"Quorvex Pharma", "Velnora Bio"} <= developers(sentence + "\n" + TAIL, "ZT-2201")


@pytest.mark.parametrize("sentence", [
    "Velnora Bio entered into a clinical trial collaboration and supply agreement with Quorvex Pharma for ZT-2201 "
    "in combination with a checkpoint inhibitor.",
    "Velnora Bio signed a manufacturing services agreement with Quorvex Pharma for ZT-2201.",
])
def test_a_supply_or_trial_collaboration_partner_does_not_develop_the_asset(sentence):
    text = "Velnora Bio announced Phase 1 data for its antibody ZT-2201 today.\n" + sentence + "\n" + TAIL
    assert "Quorvex Pharma" not in developers(text, "ZT-2201")


STORY = ("How a new pathway works\n"
         "Five patients with lupus received an infusion of an mRNA CAR-T therapy.\n"
         "The drug was called QX-8810.\n"
         "{company}, based in Lyon.\n")


@pytest.mark.parametrize("company", ["The company was Tarvane", "Its developer is Tarvane", "The maker was Tarvane"])
def test_the_company_named_by_a_copula_after_the_asset_develops_it(company):
    found = facts(STORY.format(company=company))
    dev = [f for f in found if f.subject == "QX-8810" and f.predicate == "developer"]
    assert [str(f.object) for f in dev] == ["Tarvane"]
    assert "QX-8810" in dev[0].evidence.quote and "Tarvane" in dev[0].evidence.quote  # the quote spans both sentences


@pytest.mark.parametrize("intro", ["a small Belgian biotech called", "a startup called", "a company named"])
def test_a_company_introduced_by_name_is_an_organization(intro):
    text = f"In March, Halvor Pharma agreed to acquire {intro} Esovane for a billion dollars.\n"
    assert frozenset(("Halvor Pharma", "Esovane")) in partners(text)


CONFERENCE = ("At the upcoming congress, Dr. Lin Hao from the Halvor Cancer Hospital and Tarsen Medical College will "
              "present {noun} on the novel Trop-2 antibody-drug conjugate (ADC) QX-4401.\n"
              "These studies highlight the efficacy of QX-4401 in HER2-negative breast cancer.\n")


@pytest.mark.parametrize("noun", ["two Mini Oral reports (101MO, 102MO)", "several Poster Session reports",
                                  "the Late Breaking reports"])
def test_a_capitalized_noun_phrase_before_reports_is_no_organization(noun):
    assert not developers(CONFERENCE.format(noun=noun), "QX-4401")


def test_a_speakers_university_is_no_maker_of_the_asset_they_present():
    assert "Tarsen Medical College" not in developers(CONFERENCE.format(noun="data"), "QX-4401")


def test_a_company_that_reports_is_still_an_organization():
    text = "Quorvex reports strong Phase 2 data for its antibody QX-4401 in breast cancer.\n"
    assert "Quorvex" in developers(text, "QX-4401")


@pytest.mark.parametrize("joined", ["together with", "jointly with"])
def test_two_companies_announcing_together_are_partners(joined):
    text = (f"Velnora Bio, {joined} Quorvex Pharma, announced results for ZT-2201.\n"
            "ZT-2201 is an investigational antibody for lupus.\n")
    assert frozenset(("Velnora Bio", "Quorvex Pharma")) in partners(text)


def test_partnered_with_another_companys_drug_names_no_developer():
    text = (LEAD + "ZT-101 is partnered with Quorvex Pharmaceuticals' anti-PD-1 antibody in a Phase 2 combination "
            "study.\n")
    assert "Quorvex Pharmaceuticals" not in developers(text, "ZT-101")
