from reportgen.facts import Evidence, Fact
from reportgen.knowledge import build_knowledge
from reportgen.naming import name_key
from reportgen.landscape import CuratedEntity, Removal

TEXT = "ZT-101 (zorbacabtagene autoleucel) targets BCMA. Zorbatec Bio partners with Quillon Therapeutics."


def fact(subject, predicate, obj, doc="a.txt", start=0, end=6):
    return Fact(subject=subject, predicate=predicate, object=obj,
                evidence=Evidence(doc=doc, start=start, end=end, quote=TEXT[start:end]))


def test_name_key_ignores_case_spacing_and_marks():
    assert name_key("Eque-cel®") == name_key("eque cel") == name_key("EQUECEL")


def test_name_key_drops_a_trademark_sign_and_every_dash():
    # NFKC spells "™" as "TM": the mark must go first, or "Zorvex™" and "Zorvex" are two names
    assert name_key("Zorvex™") == name_key("Zorvex®") == name_key("ZORVEX")
    assert name_key("ZT\u2011101") == name_key("ZT\u2014101") == name_key("ZT-101") == name_key("[ZT]101")


def test_names_join_entities_across_documents():
    facts = [
        fact("zorbacabtagene autoleucel", "name", "ZT-101"),
        fact("zorbacabtagene autoleucel", "target", "BCMA"),
        fact("ZT-101", "modality", "CAR-T", doc="b.txt"),
        fact("Zorbatec Bio", "partner", "Quillon Therapeutics"),
    ]
    knowledge = build_knowledge(facts)
    asset = knowledge.find("zt 101")
    assert asset is knowledge.find("Zorbacabtagene Autoleucel")
    assert asset.kind == "asset"
    assert {f.predicate for f in asset.facts} == {"name", "target", "modality"}
    assert asset.documents == {"a.txt", "b.txt"}


def test_partner_is_shown_on_both_sides():
    knowledge = build_knowledge([fact("Zorbatec Bio", "partner", "Quillon Therapeutics")])
    quillon = knowledge.find("Quillon Therapeutics")
    assert quillon.kind == "organization"
    assert [f.object for f in quillon.values("partner")] == ["Zorbatec Bio"]


def test_curated_aliases_merge_and_removals_drop():
    facts = [fact("ZT-101", "target", "CD19"), fact("ZT101-A", "modality", "CAR-T")]
    curated = [CuratedEntity(name="ZT-101", aliases=["ZT101-A"], remove=[Removal(predicate="target", object="CD19")])]
    asset = build_knowledge(facts, curated).find("ZT101-A")
    assert asset.name == "ZT-101"
    assert [f.predicate for f in asset.facts] == ["modality"]


def test_an_indication_written_as_its_abbreviation_is_one_disease_with_its_full_name():
    # facts quote a disease as their source writes it ("SLE"); a brief must list it once, by its curated name
    facts = [fact("ZT-101", "indication", "SLE"), fact("ZT-101", "indication", "systemic lupus erythematosus", doc="b.txt"),
             fact("ZT-101", "indication", "lupus", doc="c.txt"), fact("ZT-101", "indication", "Zorbatec syndrome", doc="d.txt")]
    asset = build_knowledge(facts).find("ZT-101")
    assert sorted({f.object for f in asset.values("indication")}) == ["Zorbatec syndrome", "systemic lupus erythematosus"]
    assert sorted(f.evidence.doc for f in asset.values("indication")) == ["a.txt", "b.txt", "c.txt", "d.txt"]


def test_merge_is_independent_of_input_order():
    facts = [fact("A-1", "name", "Alpha"), fact("Alpha", "name", "Alphacel"), fact("Alphacel", "target", "CD19")]
    one = build_knowledge(facts)
    two = build_knowledge(list(reversed(facts)))
    assert [(e.name, e.names) for e in one.entities] == [(e.name, e.names) for e in two.entities]


def test_legal_suffix_spellings_join_only_when_both_occur():
    facts = [fact("ZT-101", "developer", "Zorbatec Bio, Inc."), fact("ZT-202", "developer", "Zorbatec Bio"),
             fact("ZT-303", "developer", "Quill Group")]
    knowledge = build_knowledge(facts)
    assert knowledge.find("Zorbatec Bio") is knowledge.find("Zorbatec Bio, Inc.")
    assert knowledge.find("Quill Group").name == "Quill Group"
    assert knowledge.find("Quill") is None


def test_distinct_from_refuses_a_join_even_through_a_third_name():
    facts = [fact("ZT-101", "name", "Zorba-cel"), fact("Zorba-cel", "name", "ZT-101B", doc="b.txt"),
             fact("ZT-101B", "target", "CD19", doc="b.txt")]
    joined = build_knowledge(facts)
    assert joined.find("ZT-101") is joined.find("ZT-101B")
    apart = build_knowledge(facts, [CuratedEntity(name="ZT-101", distinct_from=["ZT-101B"])])
    assert apart.find("ZT-101") is not apart.find("ZT-101B")
    assert apart.find("ZT-101").apart == ("ZT-101B",)
    # the same facts in another order keep the same two entities
    again = build_knowledge(list(reversed(facts)), [CuratedEntity(name="ZT-101", distinct_from=["ZT-101B"])])
    assert [(e.name, e.names) for e in again.entities] == [(e.name, e.names) for e in apart.entities]


def test_each_entity_keeps_how_its_names_joined():
    facts = [fact("ZT-101", "name", "zorbacabtagene autoleucel", start=0, end=50),
             fact("ZT-303", "developer", "Zorbatec Bio, Inc."), fact("ZT-202", "developer", "Zorbatec Bio")]
    knowledge = build_knowledge(facts, [CuratedEntity(name="ZT-101", aliases=["ZT101-A"])])
    asset = knowledge.find("ZT-101")
    assert [(j.how, j.names) for j in asset.joins] == [
        ("analyst", ("ZT-101", "ZT101-A")), ("stated", ("ZT-101", "zorbacabtagene autoleucel"))]
    assert asset.joins[1].fact.evidence.quote == TEXT[0:50]
    org = knowledge.find("Zorbatec Bio")
    assert [(j.how, j.names) for j in org.joins] == [("legal suffix", ("Zorbatec Bio, Inc.", "Zorbatec Bio"))]


def test_a_name_kept_apart_that_no_source_uses_is_reported(tmp_path):
    from reportgen.landscape import check_removals, load_landscape

    path = tmp_path / "t.yaml"
    path.write_text("id: t\ntitle: T\nentities:\n  - name: ZT-101\n    distinct_from: [ZT-10l]\n")
    land = load_landscape(path)
    knowledge = build_knowledge([fact("ZT-101", "target", "CD19"), fact("ZT-102", "target", "CD19")], land.entities)
    [problem] = check_removals(path, land, knowledge)
    assert "t.yaml:5:21" in str(problem) and "'ZT-10l'" in str(problem)


def test_the_legal_forms_the_extractor_reads_are_the_ones_the_store_joins():
    # one list (reportgen/naming.py): "Co., Ltd." and "Holdings Limited" join as "Inc." does
    facts = [fact("ZT-1", "developer", "Zorbatec Co., Ltd."), fact("ZT-2", "developer", "Zorbatec"),
             fact("ZT-3", "developer", "Quillon Holdings Limited"), fact("ZT-4", "developer", "Quillon"),
             fact("ZT-5", "developer", "Marrow Coast")]  # neighbour: a word that starts like "Co" is no legal form
    knowledge = build_knowledge(facts)
    assert knowledge.find("Zorbatec") is knowledge.find("Zorbatec Co., Ltd.")
    assert knowledge.find("Quillon") is knowledge.find("Quillon Holdings Limited")
    assert knowledge.find("Marrow Coast").name == "Marrow Coast" and knowledge.find("Marrow") is None


def test_removal_problems_are_located_without_reading_the_landscape_again(tmp_path):
    from reportgen.landscape import check_removals, load_landscape

    path = tmp_path / "t.yaml"
    path.write_text("id: t\ntitle: T\nentities:\n  - name: ZT-101\n    distinct_from: [ZT-10l]\n")
    land = load_landscape(path)
    path.unlink()  # what load_landscape read is all check_removals needs
    knowledge = build_knowledge([fact("ZT-101", "target", "CD19")], land.entities)
    [problem] = check_removals(path, land, knowledge)
    assert "t.yaml:5:21" in str(problem)
