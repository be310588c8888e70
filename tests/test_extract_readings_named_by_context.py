"""A brand written once, recognised by what the sentence does with it (invented sentences).

- "the" + a drug noun, then a name that acts or is set off ("The drug Zorvexa is approved to treat ...");
- a quoted name after an approval verb or before its maker ("approve “Zorvexa” produced by Kelmora Inc.");
- the object of a commercial right ("the right to sell Zorvexa-AMI, which ...").
"""

from readings_support import facts


def subjects(text: str) -> set:
    return {f.subject for f in facts(text)}


def test_the_drug_noun_then_acting_name():
    text = ("The drug Zorvexa is approved to treat adult patients with relapsed or refractory multiple myeloma "
            "after three or more lines of therapy, the regulator said.")
    assert "Zorvexa" in subjects(text)


def test_the_noun_name_set_off_by_commas():
    text = "The new stem cell treatment, Kardivel, was approved for patients with heart failure."
    assert "Kardivel" in subjects(text)


def test_the_noun_near_misses():
    # an authority's name, a capitalized word that does not act, a description's first word
    text = ("The Food and Drug Administration approved treatments for multiple myeloma. "
            "Patients received the drug Monday in a study of multiple myeloma. "
            "The therapy CAR T-cell approach was tested in multiple myeloma.")
    got = subjects(text)
    assert not {"Administration", "Monday", "CAR"} & got


def test_quoted_name_after_approval_verb_and_before_maker():
    text = ("The national regulator will likely approve “Zorvexa” produced by Kelmora Inc. for the treatment of "
            "knee osteoarthritis in mid-January, sources said.")
    devs = {str(f.object) for f in facts(text) if f.subject == "Zorvexa" and f.predicate == "developer"}
    assert devs == {"Kelmora Inc."}


def test_quoted_word_without_drug_context_is_no_asset():
    text = "Officials called the plan “Ambitious” and said it would cut costs for patients with multiple myeloma."
    assert "Ambitious" not in subjects(text)


def test_commercial_right_object_is_an_asset():
    from reportgen.extract.names import find_assets  # noqa: F401  (the shape lives in shapes.py)
    from reportgen.extract import shapes
    c = shapes._compiled()
    text = "The approval gives the company the right to sell Zorvexa-AMI, which has been in trials for six years."
    assert [m.group(1) for m in c["rights_object"].finditer(text)] == ["Zorvexa-AMI"]
    near = "The approval gives the company the right to sell shares in Asia, which it plans to do."
    assert [m.group(1) for m in c["rights_object"].finditer(near)] == []


def test_commercial_right_object_takes_its_indication():
    text = ("Kelmora obtained the rights to market Zorvexa in China. "
            "The therapy is approved for relapsed or refractory multiple myeloma.")
    assert "Zorvexa" in subjects(text)


def test_code_with_a_dotted_version():
    text = ("Each patient received a single treatment with ZX-CART22.1, an experimental CD22-directed CAR-T therapy "
            "from Kelmora Biomedicine, for systemic lupus erythematosus.")
    got = {(f.predicate, str(f.object)) for f in facts(text) if f.subject == "ZX-CART22.1"}
    assert {("modality", "CAR-T"), ("target", "CD22"), ("developer", "Kelmora Biomedicine")} <= got


def test_dotted_criteria_and_scales_are_no_codes():
    text = ("ZX-101, an investigational antibody, achieved an objective response rate of 40% per RECIST-1.1 in "
            "patients with lung cancer, with adverse events graded by CTCAE-5.0 and iRECIST-1.1 criteria.")
    got = subjects(text)
    assert "ZX-101" in got and not {"RECIST-1.1", "CTCAE-5.0", "iRECIST-1.1"} & got


def test_two_word_inn_in_a_parenthesis_is_one_alias():
    text = ("ZX-2001 (Tobiguran Vexameran) is an investigational, in vivo CRISPR-Cas9-based gene editing therapy "
            "designed to treat transthyretin amyloidosis. Kelmora Therapeutics is developing ZX-2001.")
    got = facts(text)
    assert {f.subject for f in got} == {"Tobiguran Vexameran"}
    assert any(f.predicate == "name" and str(f.object) == "ZX-2001" for f in got)


def test_two_word_parenthesis_near_misses():
    # a comparator after a connector, and a brand before its INN (different case) stay apart
    text = ("ZX-2001 (versus docetaxel) improved survival in patients with lung cancer. ZX-2001 is an "
            "investigational antibody developed by Kelmora Therapeutics.")
    assert "versus docetaxel" not in subjects(text) and "ZX-2001" in subjects(text)
    assert "Zorvexa tobizumab" not in subjects("ZX-3001 (Zorvexa tobizumab) is an antibody for lung cancer.")


def test_place_possessive_event_subject_is_a_company_not_an_asset():
    text = ("Korean Biotech Wins Approval for New Stem Cell Treatment\n\n"
            "South Korea's KLM-Cellora has received approval for a new stem cell treatment for heart failure.\n\n"
            "The approval gives the biotech company the right to sell Kardivel-AMI which has been in clinical "
            "trials for the past six years.")
    assert "KLM-Cellora" not in subjects(text)


def test_unknown_event_subject_without_place_possessive_still_an_asset():
    text = ("Orphan designations this week. Moravex received Orphan Drug Designation from the FDA for "
            "Duchenne muscular dystrophy.")
    assert "Moravex" in subjects(text)
