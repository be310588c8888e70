"""Developers and partners stated by the role a sentence gives an organization: a deal's party named without a
company word ("X has agreed to acquire"), the licensee's rights ("B will have the exclusive right to commercialize
X"), its share of the work ("B will be responsible for ... commercialization of X"), the company reporting on
assets named before it ("..., X and Y, ORG said"), "the ORG product", "provided an update on", and a joint
venture's parents. Every name here is invented."""

from __future__ import annotations

from readings_support import developers, facts, partners




DEAL = ("HVX To Acquire Rights to Kidney Gene Therapy in $1-Bn Deal\n"
        "HVX Norden has agreed to acquire exclusive global license rights to commercialize an AAV gene therapy for "
        "treating Fabry disease from Quintera, a Leiden-based gene-therapy company, in a deal worth up to $1 billion.\n"
        "Under the agreement, HVX Norden will have the exclusive global right to commercialize QNT-207 "
        "(zelvoparvovec), which is currently in Phase III clinical trials.\n")


def test_a_deal_party_without_a_company_word_is_an_organization_and_partner():
    assert frozenset(("HVX Norden", "Quintera")) in partners(DEAL)


def test_the_holder_of_the_exclusive_right_develops_the_asset():
    assert "HVX Norden" in developers(DEAL, "zelvoparvovec")


def test_responsible_for_commercialization_names_a_developer():
    text = ("Pallas Pharma and Tovira Bio signed a licence agreement for ZT-12 in March. Tovira Bio will be "
            "responsible for regulatory submissions and commercialization of ZT-12 in Japan.")
    assert "Tovira Bio" in developers(text, "ZT-12")


def test_responsible_for_something_else_names_none():
    text = ("Pallas Pharma announced data for ZT-12. Tovira Bio will be responsible for the trial sites, while "
            "Pallas Pharma runs the study of ZT-12.")
    assert "Tovira Bio" not in developers(text, "ZT-12")


SAID = ("Marwen Bio : FDA Extends Review Of Two Gene Therapies\n"
        "The US Food and Drug Administration has extended the review period for the BLAs for two gene therapies - "
        "zorvaglogene autotemcel (zorva-cel) for Fabry disease and pelmitogene autotemcel (pelmi-cel) for Gaucher "
        "disease, Marwen Bio Inc. (MRWN) said in a statement on Tuesday.\n"
        "In addition, Marwen Bio provided an update on the FDA's partial clinical hold for the quarvitogene "
        "autotemcel (quarvi-cel) gene therapy clinical program.\n")


def test_the_company_reporting_after_the_assets_develops_each():
    assert "Marwen Bio Inc." in developers(SAID, "zorvaglogene autotemcel")
    assert "Marwen Bio Inc." in developers(SAID, "pelmitogene autotemcel")


def test_an_update_on_an_asset_names_its_developer():
    assert "Marwen Bio Inc." in developers(SAID, "quarvitogene autotemcel")


def test_the_regulator_reporting_is_no_developer():
    text = "The agency will review the data for ZT-12 and QX-5, the Food and Drug Administration said."
    found = {str(f.object) for f in facts(text) if f.predicate == "developer"}
    assert not any("Administration" in org or org == "FDA" for org in found)


def test_another_company_named_before_keeps_its_own_asset():
    text = "Pallas Pharma's ZT-12 and QX-5 both met their endpoints, Tovira Bio said on Monday."
    assert "Tovira Bio" not in developers(text, "ZT-12")


def test_the_org_product_is_the_referenced_asset():
    text = ("The trial by Dalvex Genetics Corp. was placed on hold.\n"
            "No one else can receive the treatment, called dvAAV12, regulators said.\n"
            "The Dalvex Genetics product was injected directly into the affected joints.\n")
    assert "Dalvex Genetics Corp." in developers(text, "dvAAV12")


def test_a_joint_venture_is_each_parents_partner():
    text = ("Korvath Therapeutics said on Friday its CAR-T therapy zelmacabtagene autoleucel was approved by the FDA.\n"
            "Korvath launched in 2018 as a joint venture of Pellion Bio, a Tavra Group company, and Shanghai-based "
            "firm Tanvor AppTec.\n")
    found = partners(text)
    assert frozenset(("Korvath Therapeutics", "Pellion Bio")) in found
    assert frozenset(("Korvath Therapeutics", "Tanvor AppTec")) in found
    assert not any("Tavra Group" in pair for pair in found)


PAREN = ("The Two Approved Products\n"
         "ZELCHERY (developed by Kinora Pharma and Velthera) is an iPSC-derived dopaminergic neural progenitor cell "
         "product for Parkinson's disease. The Phase I/II study enrolled seven patients.\n"
         "CardiaMend (developed by Tovix Inc., an Osaka University spin-out) is an iPSC-derived cardiomyocyte product "
         "for severe heart failure.\n")


def test_a_name_before_a_parenthesis_of_its_developers_is_an_asset_with_both():
    assert developers(PAREN, "ZELCHERY") == {"Kinora Pharma", "Velthera"}


def test_developers_listed_together_are_partners():
    assert frozenset(("Kinora Pharma", "Velthera")) in partners(PAREN)


def test_an_apposition_after_the_developer_names_no_other_developer():
    assert developers(PAREN, "CardiaMend") == {"Tovix Inc."}
    assert not any("Osaka University" in pair for pair in partners(PAREN))


def test_the_reporting_company_after_a_legal_form_and_ticker():
    text = ("The agency extended its review of zorvaglogene autotemcel and pelmitogene autotemcel, Quorvex Bio Inc. "
            "(QRVX) said on Tuesday.")
    assert {d.removesuffix(" Inc.") for d in developers(text, "pelmitogene autotemcel")} == {"Quorvex Bio"}


def test_a_regulators_programme_is_no_developer():
    text = ("The Zentor Bio NDA for zelvotinib is being reviewed under the FDA Real-Time Oncology Review program, "
            "Zentor Bio said. The FDA's review of the zelvotinib NDA marks progress, said its chief executive.")
    found = {str(f.object) for f in facts(text) if f.predicate == "developer"}
    assert not any(org.startswith("FDA") for org in found)


def test_a_licence_of_the_therapy_before_it_is_named_gives_both_parties():
    text = ("HVX Norden has agreed to acquire exclusive global license rights to commercialize an AAV gene therapy "
            "for treating Fabry disease from Quintera, a Leiden-based gene-therapy company.\n"
            "Under the agreement, HVX Norden will have the exclusive global right to commercialize QNT-207 "
            "(zelvoparvovec), which is in Phase III trials. QNT-207 is given once.\n")
    assert developers(text, "zelvoparvovec") == {"HVX Norden", "Quintera"}


def test_a_licence_of_another_drug_after_the_asset_is_named_gives_nothing():
    text = ("Pallas Pharma reported Phase 2 data for ZT-12 in gout. ZT-12 is given once a day.\n"
            "Separately, Pallas Pharma acquired rights to an antibody for lupus from Quintera Bio.\n")
    assert "Quintera Bio" not in developers(text, "ZT-12")


def test_a_list_of_credited_items_makes_the_first_company_no_announcer():
    text = ("Several agents receive orphan drug designation\n"
            "The FDA granted orphan drug designation to several agents.\n"
            "  • KX 123456 (Kinora Pharma), an anti-CD33 monoclonal antibody in development for leukemia;\n"
            "  • Zelvotumab (ZT-12, Quellan), a fully human monoclonal antibody in development for Ewing sarcoma;\n")
    assert "Kinora Pharma" not in developers(text, "Zelvotumab")


def test_a_place_prefix_is_no_part_of_the_announcers_name():
    text = "Boston-based Arvenna said on Monday that the FDA approved ARV-7 for gout."
    assert developers(text, "ARV-7") == {"Arvenna"}



# a release by two other companies: the fallback to the announcer must not win over the sentence's own subject
OTHERS = "Pallas Pharma and Tovira Bio today announced a financing. "


def test_the_subject_of_the_sentence_develops_the_asset_of_its_clause():
    for clause in ("Velnora Therapeutics initiated a Phase 3 trial of VLN-301 in gout.",
                   "In addition, Velnora Therapeutics has submitted a Biologics License Application for VLN-301.",
                   "Velnora Therapeutics dosed the first patient with VLN-301 in a Phase 1 trial.",
                   "Velnora Therapeutics expects topline data from the Phase 3 trial of VLN-301 in 2027.",
                   "Velnora Therapeutics launched VLN-301 and VLN-302 in Germany."):
        assert developers(OTHERS + clause, "VLN-301") == {"Velnora Therapeutics"}, clause
    assert developers(OTHERS + "Velnora Therapeutics launched VLN-301 and VLN-302 in Germany.", "VLN-302") == \
        {"Velnora Therapeutics"}


def test_a_comparison_or_another_company_between_stops_the_subject():
    for clause in ("Velnora Therapeutics compared its ZT-12 with VLN-301 in a head-to-head trial.",
                   "Velnora Therapeutics expects Quellan Pharma to start a trial of VLN-301.",
                   "Velnora Therapeutics expects generic versions of VLN-301 to enter the market.",
                   "Velnora Therapeutics noted that patients previously treated with VLN-301 did well."):
        assert "Velnora Therapeutics" not in developers(OTHERS + clause, "VLN-301"), clause


def test_a_university_as_subject_is_a_trial_site_not_a_developer():
    text = OTHERS + "Oriel University is running a Phase 2 study of VLN-301 in lupus."
    assert "Oriel University" not in developers(text, "VLN-301")


def test_an_apposition_naming_the_role_gives_the_developer():
    assert developers(OTHERS + "Velnora Therapeutics, the maker of VLN-301, said sales rose.", "VLN-301") == \
        {"Velnora Therapeutics"}
    assert developers(OTHERS + "Velnora Therapeutics, whose VLN-301 is in Phase 2 for gout, raised $50 million.",
                      "VLN-301") == {"Velnora Therapeutics"}


def test_an_asset_that_is_the_organizations_lead_candidate():
    assert developers(OTHERS + "VLN-301 is Velnora Therapeutics' lead candidate for gout.", "VLN-301") == \
        {"Velnora Therapeutics"}


def test_two_capitals_opening_a_company_name_stand_for_it():
    text = ("KV Therapeutics said on Friday its CAR-T therapy zelmacabtagene autoleucel was approved by the FDA.\n"
            "KV launched in 2018 as a joint venture of Pellion Bio and Shanghai-based firm Tanvor AppTec.\n")
    assert frozenset(("KV Therapeutics", "Pellion Bio")) in partners(text)
