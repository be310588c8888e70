"""The brief's view model, tested without HTML: small facts written for each test."""

from __future__ import annotations

import datetime as dt

from reportgen.brief import INDICATION_NOT_STATED, build_brief, chart_targets, indication_stages
from reportgen.facts import Evidence, Fact
from reportgen.knowledge import build_knowledge
from reportgen.landscape import Landscape
from reportgen.sources import Document

TEXT = {}


def doc(doc_id: str, text: str, date: str = "2025-01-01", title: str | None = None, **kw) -> Document:
    TEXT[doc_id] = text
    return Document(id=doc_id, text=text, sha256="0" * 64, title=title or f"Headline of {doc_id}",
                    date=dt.date.fromisoformat(date), publisher=kw.get("publisher", "Wire"), url=kw.get("url"))


def fact(subject: str, predicate: str, obj, d: Document, quote: str | None = None) -> Fact:
    quote = quote or d.text
    start = d.text.index(quote)
    return Fact(subject=subject, predicate=predicate, object=obj,
                evidence=Evidence(doc=d.id, start=start, end=start + len(quote), quote=quote))


def make(facts: list[Fact], docs: list[Document], **landscape):
    data = dict(id="t", title="T", scope={"targets": ["BCMA"]},
                sections=["summary", "charts", "table", "profiles", "references"])
    data.update(landscape)
    land = Landscape(**data)
    knowledge = build_knowledge(facts)
    return build_brief(land, knowledge, {d.id: d for d in docs}), knowledge


# --- 2. stage per indication -------------------------------------------------

def _asset_in_three_diseases():
    a = doc("a.txt", "FDA approved ZX-1 for multiple myeloma. A Phase 1 study of ZX-1 in lupus nephritis began. "
                     "ZX-1 is also studied in follicular lymphoma. ZX-1 is a BCMA CAR-T. The Phase 2 trial continues.")
    facts = [
        fact("ZX-1", "target", "BCMA", a, "ZX-1 is a BCMA CAR-T."),
        fact("ZX-1", "modality", "CAR-T", a, "ZX-1 is a BCMA CAR-T."),
        fact("ZX-1", "indication", "multiple myeloma", a, "FDA approved ZX-1 for multiple myeloma."),
        fact("ZX-1", "indication", "lupus nephritis", a, "A Phase 1 study of ZX-1 in lupus nephritis began."),
        fact("ZX-1", "indication", "follicular lymphoma", a, "ZX-1 is also studied in follicular lymphoma."),
        fact("ZX-1", "regulatory", {"authority": "FDA", "action": "approval", "indication": "multiple myeloma",
                                    "date": "2025-01-01"}, a, "FDA approved ZX-1 for multiple myeloma."),
        fact("ZX-1", "phase", {"stage": "phase 1"}, a, "A Phase 1 study of ZX-1 in lupus nephritis began."),
        fact("ZX-1", "phase", {"stage": "phase 2"}, a, "The Phase 2 trial continues."),
    ]
    return facts, [a]


def test_stage_is_per_indication_never_the_highest_spread_everywhere():
    facts, docs = _asset_in_three_diseases()
    brief, knowledge = make(facts, docs)
    stages = {ind: stage for ind, stage, _ in indication_stages(knowledge.find("ZX-1"))}
    assert stages["multiple myeloma"] == "approved"
    assert stages["lupus nephritis"] == "phase 1"          # the sentence names it
    assert stages["follicular lymphoma"] is None            # named, no stage stated for it
    assert stages[INDICATION_NOT_STATED] == "phase 2"       # a stage no indication can be attached to
    matrix = next(c for c in brief.charts if c.id == "chart-matrix")
    cells = {(r[1], r[3]) for r in matrix.rows}
    assert ("multiple myeloma", "Approved") in cells and ("lupus nephritis", "Phase 1") in cells
    assert not any(r[1] != "multiple myeloma" and r[3] == "Approved" for r in matrix.rows)
    assert all(r[4] for r in matrix.rows)  # each cell cited


def test_single_indication_takes_the_assets_stages():
    a = doc("b.txt", "QX-2 is a BCMA bispecific in a Phase 2 study in multiple myeloma. The Phase 2 trial enrolls.")
    facts = [fact("QX-2", "target", "BCMA", a), fact("QX-2", "indication", "multiple myeloma", a),
             fact("QX-2", "phase", {"stage": "phase 2"}, a, "The Phase 2 trial enrolls.")]
    _, knowledge = make(facts, [a])
    assert indication_stages(knowledge.find("QX-2")) == [
        ("multiple myeloma", "phase 2", [knowledge.find("QX-2").values("phase")[0]])]


def test_cd3_arm_of_a_t_cell_engager_is_not_a_target_row():
    a = doc("c.txt", "TX-3 is a BCMA x CD3 T-cell engager for multiple myeloma in Phase 1.")
    facts = [fact("TX-3", "target", "BCMA", a), fact("TX-3", "target", "CD3", a),
             fact("TX-3", "indication", "multiple myeloma", a), fact("TX-3", "phase", {"stage": "phase 1"}, a)]
    brief, knowledge = make(facts, [a])
    assert [f.object for f in chart_targets(knowledge.find("TX-3"))] == ["BCMA"]
    matrix = next(c for c in brief.charts if c.id == "chart-matrix")
    assert {r[0] for r in matrix.rows} == {"BCMA"}


# --- 3. pipeline chart -------------------------------------------------------

def test_pipeline_chart_names_each_asset_with_a_bar_per_indication():
    facts, docs = _asset_in_three_diseases()
    brief, _ = make(facts, docs)
    assert brief.charts[0].id == "chart-pipeline"
    rows = brief.charts[0].rows
    assert [(r[1], r[2], r[3]) for r in rows] == [
        ("ZX-1", "multiple myeloma", "Approved"), ("ZX-1", "indication not stated", "Phase 2"),
        ("ZX-1", "lupus nephritis", "Phase 1"), ("ZX-1", "follicular lymphoma", "stage not stated")]
    assert ">ZX-1</text>" in brief.charts[0].svg


# --- 1. what changed, as a briefing ------------------------------------------

def test_what_changed_is_one_line_per_new_asset_then_changes_by_weight():
    from reportgen.editions import diff, snapshot

    old_doc = doc("o.txt", "AB-1 is a BCMA CAR-T in Phase 1. AB-1 trial NCT00000001. AB-1 ORR was 50%.", "2025-01-01")
    new_doc = doc("n.txt", "NovaGen develops NB-2, a BCMA bispecific. FDA granted Orphan Drug Designation to NB-2 "
                           "on 2025-03-01. NB-2 is in Phase 2. NB-2 ORR was 70%. NB-2 is also called NG-22. "
                           "FDA approved AB-1 on 2025-03-02. AB-1 ORR was 60%. AB-1 trial ABLE-1.", "2025-03-05")
    before = [fact("AB-1", "target", "BCMA", old_doc), fact("AB-1", "phase", {"stage": "phase 1"}, old_doc),
              fact("AB-1", "trial", "NCT00000001", old_doc, "AB-1 trial NCT00000001."),
              fact("AB-1", "efficacy", {"endpoint": "ORR", "value": 50, "unit": "%"}, old_doc, "AB-1 ORR was 50%.")]
    after = [before[0], before[1],
             fact("AB-1", "efficacy", {"endpoint": "ORR", "value": 60, "unit": "%"}, new_doc, "AB-1 ORR was 60%."),
             fact("AB-1", "trial", "ABLE-1", new_doc, "AB-1 trial ABLE-1."),
             fact("AB-1", "regulatory", {"authority": "FDA", "action": "approval", "date": "2025-03-02"}, new_doc,
                  "FDA approved AB-1 on 2025-03-02."),
             fact("NB-2", "developer", "NovaGen", new_doc, "NovaGen develops NB-2, a BCMA bispecific."),
             fact("NB-2", "target", "BCMA", new_doc, "NovaGen develops NB-2, a BCMA bispecific."),
             fact("NB-2", "modality", "bispecific antibody", new_doc, "NovaGen develops NB-2, a BCMA bispecific."),
             fact("NB-2", "regulatory", {"authority": "FDA", "action": "designation", "detail": "Orphan Drug",
                                         "date": "2025-03-01"}, new_doc,
                  "FDA granted Orphan Drug Designation to NB-2 on 2025-03-01."),
             fact("NB-2", "phase", {"stage": "phase 2"}, new_doc, "NB-2 is in Phase 2."),
             fact("NB-2", "efficacy", {"endpoint": "ORR", "value": 70, "unit": "%"}, new_doc, "NB-2 ORR was 70%."),
             fact("NB-2", "name", "NG-22", new_doc, "NB-2 is also called NG-22.")]
    changes = diff(snapshot("t", "2025-01-01", ["AB-1"], before), snapshot("t", "2025-03-05", ["AB-1", "NB-2"], after))
    kinds = [(c.kind, c.subject) for c in changes.changes]
    assert kinds.count(("new row", "NB-2")) == 1 and not any(s == "NB-2" and k != "new row" for k, s in kinds)
    line = changes.changes[0].text
    assert line == ("NB-2: developed by NovaGen; target BCMA; modality bispecific antibody; stage phase 2; "
                    "newest regulatory event FDA designation Orphan Drug (2025-03-01); headline ORR 70%")
    rest = [(c.kind, c.text) for c in changes.changes[1:]]
    assert rest[0] == ("changed", "efficacy: ORR 50% → ORR 60%")
    new = [t for k, t in rest if k == "new"]
    assert new.index("regulatory: FDA approval (2025-03-02)") < new.index("trial: ABLE-1")  # approvals first
    assert rest[-1] == ("removed", "trial: NCT00000001")
    assert not changes.same_date

    land = Landscape(id="t", title="T", scope={"targets": ["BCMA"]}, sections=["changes", "table", "references"])
    brief = build_brief(land, build_knowledge(after), {d.id: d for d in (old_doc, new_doc)}, changes=changes)
    views = {c.kind: c for c in brief.changes}
    assert views["new row"].label == "new asset" and len(views["new row"].cites) >= 4
    assert views["changed"].cites and views["changed"].old_cites  # both the new and the old value cited
    assert views["removed"].label == "no longer supported"


def test_an_edition_sharing_its_date_says_so():
    from reportgen.editions import diff, snapshot

    d = doc("s.txt", "AB-1 is a BCMA CAR-T.")
    one = snapshot("t", "2025-01-01", ["AB-1"], [fact("AB-1", "target", "BCMA", d)])
    two = snapshot("t", "2025-01-01", ["AB-1"], [fact("AB-1", "target", "BCMA", d), fact("AB-1", "modality", "CAR-T", d)])
    assert diff(one, two).same_date


# --- 4. the summary reads like a briefing ------------------------------------

def _two_trials():
    a = doc("h.txt", "HX-1 is a BCMA CAR-T approved by the FDA on 2025-04-01 for multiple myeloma. "
                     "In the overall population of 112 patients, the ORR was 96%. "
                     "In the subgroup of 31 patients with high-risk disease, the ORR was 98.9%. "
                     "The NMPA granted Breakthrough Therapy Designation to HX-1 on 2024-01-05.", "2025-04-01")
    b = doc("k.txt", "KX-2 is a BCMA bispecific in a Phase 1 study in multiple myeloma and lupus nephritis; "
                     "the ORR was 71%. FDA granted Fast Track to KX-2 on 2024-06-01.", "2025-02-01")
    q_ov, q_sub = "In the overall population of 112 patients, the ORR was 96%.", \
        "In the subgroup of 31 patients with high-risk disease, the ORR was 98.9%."
    facts = [
        fact("HX-1", "target", "BCMA", a), fact("HX-1", "indication", "multiple myeloma", a),
        fact("HX-1", "regulatory", {"authority": "FDA", "action": "approval", "indication": "multiple myeloma",
                                    "date": "2025-04-01"}, a),
        fact("HX-1", "efficacy", {"endpoint": "ORR", "value": 96, "unit": "%"}, a, q_ov),
        fact("HX-1", "efficacy", {"endpoint": "ORR", "value": 98.9, "unit": "%"}, a, q_sub),
        fact("HX-1", "regulatory", {"authority": "NMPA", "action": "designation", "detail": "Breakthrough Therapy",
                                    "date": "2024-01-05"}, a),
        fact("KX-2", "target", "BCMA", b), fact("KX-2", "indication", "multiple myeloma", b),
        fact("KX-2", "indication", "lupus nephritis", b),
        fact("KX-2", "phase", {"stage": "phase 1", "indication": "multiple myeloma"}, b),
        fact("KX-2", "efficacy", {"endpoint": "ORR", "value": 71, "unit": "%"}, b),
        fact("KX-2", "regulatory", {"authority": "FDA", "action": "designation", "detail": "Fast Track",
                                    "date": "2024-06-01"}, b),
    ]
    return facts, [a, b]


def test_summary_overall_before_subgroup_and_says_across_trials():
    facts, docs = _two_trials()
    brief, _ = make(facts, docs)
    best = next(s.text for s in brief.summary if s.text.startswith("Best reported"))
    assert "96%" in best and "98.9" not in best
    assert "across different trials" in best


def test_summary_events_in_date_order_and_ends_with_what_it_means():
    facts, docs = _two_trials()
    brief, _ = make(facts, docs)
    events = next(s.text for s in brief.summary if s.text.startswith("Newest regulatory events"))
    dates = [events.index(d) for d in ("2024-01-05", "2024-06-01", "2025-04-01")]
    assert dates == sorted(dates)
    assert brief.summary[-2].text.startswith("In short: HX-1 leads (approved in multiple myeloma); KX-2 (phase 1)")
    assert brief.summary[-1].text == "No asset in scope has a reported stage for BCMA × lupus nephritis."


# --- 5. one reference per document -------------------------------------------

def test_sources_group_quotes_under_one_reference_per_document():
    facts, docs = _two_trials()
    brief, _ = make(facts, docs)
    groups = brief.sources
    assert [g.doc for g in groups] == sorted({r.doc for r in brief.references}, key=lambda d: min(
        r.number for r in brief.references if r.doc == d))
    assert len(groups) == 2 and sum(len(g.refs) for g in groups) == len(brief.references)
    assert all(g.title == f"Headline of {g.doc}" for g in groups)
    numbers = sorted(r.number for g in groups for r in g.refs)
    assert numbers == list(range(1, len(brief.references) + 1))  # numbers unchanged by the grouping


# --- 9. scope honesty ---------------------------------------------------------

def test_country_counts_only_what_the_briefs_sources_state():
    inside = doc("in.txt", "Roundtable: Alpha Cells and Beta Cells and Gamma Cells spoke. Alpha Cells is based in China.")
    outside = doc("out.txt", "Beta Cells, of Japan, raised money.")
    facts = [fact("Alpha Cells", "focus", "iPSC", inside, "Roundtable: Alpha Cells and Beta Cells and Gamma Cells spoke."),
             fact("Beta Cells", "focus", "iPSC", inside, "Roundtable: Alpha Cells and Beta Cells and Gamma Cells spoke."),
             fact("Gamma Cells", "focus", "iPSC", inside, "Roundtable: Alpha Cells and Beta Cells and Gamma Cells spoke."),
             fact("Alpha Cells", "country", "China", inside, "Alpha Cells is based in China."),
             fact("Beta Cells", "country", "Japan", outside)]
    brief, _ = make(facts, [inside, outside], rows="organizations", scope={"documents": ["in.txt"]},
                    sections=["summary", "table"])
    sentence = brief.summary[-1].text
    assert sentence == "By country, where the sources state it: China 1; 2 of 3 organizations have no stated country."


def test_a_dateline_is_never_a_title():
    from reportgen.sources import derived_title

    assert derived_title("SHANGHAI, China, Oct. 16, 2025 /PRNewswire/ -- Foo Bio today announced things.\n") == ""
    assert derived_title("Foo Bio Announces Things\n\nBOSTON, May 1, 2025 -- Foo Bio ...") == "Foo Bio Announces Things"


def test_add_keeps_a_long_headline_whole(basic_project):
    import subprocess
    import sys

    import yaml

    headline = ("Halvora Biosciences Announces FDA Approval of HV-310 for Relapsed or Refractory Multiple Myeloma "
                "and Expansion of Its Clinical Program into Follicular Lymphoma and Lupus Nephritis")
    new = basic_project / "long.txt"
    new.write_text(headline + "\n\nCAMBRIDGE, Mass., April 14, 2025 /BusinessWire/ -- Halvora today announced news.\n")
    done = subprocess.run([sys.executable, "-m", "reportgen", "add", str(new), "--project", str(basic_project)],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    meta = yaml.safe_load((basic_project / "landscapes" / "sources" / "long.meta.yaml").read_text())
    assert meta["title"] == headline and "…" not in meta["title"]


# --- one display name per entity (issue 11.4) ----------------------------------

def test_display_name_brands_and_codes_as_written_inns_in_lower_case():
    from reportgen.knowledge import display_name

    assert display_name({"Zorbatuximab": 3, "zorbatuximab": 1}) == "zorbatuximab"
    assert display_name({"Zorbacabtagene Autoleucel": 1000}) == "zorbacabtagene autoleucel"  # the analyst's too
    assert display_name({"ZORVELLA": 2, "Zorvella": 1}) == "ZORVELLA"
    assert display_name({"ZB-4410": 1}) == "ZB-4410"
    assert display_name({"Zorbatec Biologics": 1}, kind="organization") == "Zorbatec Biologics"


def test_one_display_name_in_summary_table_profiles_and_charts():
    a = doc("a.txt", "Zorbatuximab (ZB-4410) is a BCMA antibody. FDA approved Zorbatuximab for multiple myeloma.",
            date="2025-03-01")
    b = doc("b.txt", "A Phase 2 study of zorbatuximab in multiple myeloma enrolled 40 patients. "
                     "The ORR for zorbatuximab was 61%.", date="2025-05-01")
    facts = [
        fact("Zorbatuximab", "name", "ZB-4410", a, "Zorbatuximab (ZB-4410) is a BCMA antibody."),
        fact("Zorbatuximab", "target", "BCMA", a, "Zorbatuximab (ZB-4410) is a BCMA antibody."),
        fact("Zorbatuximab", "regulatory", {"authority": "FDA", "action": "approval", "date": "2025-03-01"}, a,
             "FDA approved Zorbatuximab for multiple myeloma."),
        fact("Zorbatuximab", "indication", "multiple myeloma", a, "FDA approved Zorbatuximab for multiple myeloma."),
        fact("zorbatuximab", "phase", {"stage": "phase 2"}, b,
             "A Phase 2 study of zorbatuximab in multiple myeloma enrolled 40 patients."),
        fact("zorbatuximab", "efficacy", {"endpoint": "ORR", "value": 61, "unit": "%"}, b,
             "The ORR for zorbatuximab was 61%."),
    ]
    brief, _ = make(facts, [a, b], columns=["name", "names", "target", "stage"])
    shown = [r.name for r in brief.rows] + [p.name for p in brief.profiles]
    shown += [s.text for s in brief.summary] + [c.alt for c in brief.charts] + [m.asset for m in brief.measures]
    assert [r.name for r in brief.rows] == ["zorbatuximab"]
    assert any("zorbatuximab" in t for t in shown[2:])
    assert not any("Zorbatuximab" in t for t in shown), [t for t in shown if "Zorbatuximab" in t]
    names = next(c for c in brief.rows[0].cells if c.column == "names")
    assert [v.text for v in names.values] == ["ZB-4410"]  # the code as written


# --- merges an analyst forces or forbids (issue 10) -----------------------------

def _hopwell_docs():
    a = doc("h1.txt", "Hopwell Cells, also known as Hopwell Bio, develops iPSC-derived NK cells.")
    b = doc("h2.txt", "Hopwell Bio is based in Suzhou. Hopwell Bio develops HW-7, an iPSC-derived NK cell therapy.")
    c = doc("h3.txt", "Jiangan Stem Cell develops iPSC-derived cardiomyocytes.")
    facts = [
        fact("Hopwell Cells", "name", "Hopwell Bio", a),
        fact("Hopwell Cells", "focus", "iPSC-derived NK cells", a),
        fact("Hopwell Bio", "country", "China", b, "Hopwell Bio is based in Suzhou."),
        fact("Hopwell Bio", "focus", "iPSC-derived NK cells", b,
             "Hopwell Bio develops HW-7, an iPSC-derived NK cell therapy."),
        fact("Jiangan Stem Cell", "focus", "iPSC-derived cardiomyocytes", c),
    ]
    return facts, [a, b, c]


def _org_brief(tmp_path, entities_yaml: str):
    from reportgen.landscape import load_landscape

    facts, docs = _hopwell_docs()
    path = tmp_path / "orgs.yaml"
    path.write_text("id: orgs\ntitle: Orgs\nrows: organizations\nscope: {names: [Hopwell, Hopwell Cells, Hopwell Bio, "
                    "Jiangan Stem Cell, Jiangan]}\ncolumns: [name, focus, country]\n"
                    "sections: [summary, charts, table, profiles]\n" + entities_yaml)
    land = load_landscape(path, {d.id: d.text for d in docs})
    knowledge = build_knowledge(facts, land.entities)
    return build_brief(land, knowledge, {d.id: d for d in docs})


def test_a_stated_merge_is_shown_with_its_sentence_in_the_profile(tmp_path):
    brief = _org_brief(tmp_path, "")
    assert sorted(r.name for r in brief.rows) == ["Hopwell Bio", "Jiangan Stem Cell"]
    profile = next(p for p in brief.profiles if p.name == "Hopwell Bio")
    joins = next(g for g in profile.groups if g.label == "Names joined by")
    [value] = joins.values
    assert value.text == "Hopwell Cells = Hopwell Bio"
    assert brief.references[value.cites[0] - 1].quote.startswith("Hopwell Cells, also known as Hopwell Bio")


def test_a_forbidden_merge_keeps_two_rows(tmp_path):
    brief = _org_brief(tmp_path, "entities:\n  - name: Hopwell Cells\n    distinct_from: [Hopwell Bio]\n")
    assert sorted(r.name for r in brief.rows) == ["Hopwell Bio", "Hopwell Cells", "Jiangan Stem Cell"]
    profile = next(p for p in brief.profiles if p.name == "Hopwell Cells")
    apart = next(g for g in profile.groups if g.label == "Kept apart by the analyst")
    assert [v.text for v in apart.values] == ["Hopwell Bio"]
    assert not any(g.label == "Names joined by" for g in profile.groups)


def test_a_forced_merge_makes_one_row(tmp_path):
    brief = _org_brief(tmp_path, "entities:\n  - name: Jiangan Stem Cell\n    aliases: [Hopwell Bio]\n")
    assert [r.name for r in brief.rows] == ["Jiangan Stem Cell"]
    joins = next(g for g in brief.profiles[0].groups if g.label == "Names joined by")
    assert any(v.text == "Jiangan Stem Cell = Hopwell Bio (the analyst's alias)" and v.curated for v in joins.values)


def test_a_merge_both_forced_and_forbidden_is_an_error_naming_file_line_and_key(tmp_path):
    import pytest

    from reportgen.errors import InputError

    with pytest.raises(InputError) as err:
        _org_brief(tmp_path, "entities:\n  - name: Jiangan Stem Cell\n    aliases: [Hopwell Bio]\n"
                             "  - name: Hopwell Bio\n    distinct_from: [Jiangan Stem Cell]\n")
    message = str(err.value)
    assert "orgs.yaml:11:21: distinct_from:" in message
    assert "Jiangan Stem Cell" in message and "joins them" in message
    with pytest.raises(InputError) as err:
        _org_brief(tmp_path, "entities:\n  - name: Hopwell Bio\n    aliases: [Hopwell]\n"
                             "    distinct_from: [Hopwell]\n")
    assert "orgs.yaml:" in str(err.value) and "both joined" in str(err.value)


def test_organization_charts_by_country_and_focus_count_the_unstated(tmp_path):
    brief = _org_brief(tmp_path, "")
    by_id = {c.id: c for c in brief.charts}
    country = by_id["chart-orgs-country"]
    assert country.rows[0][:3] == ["China", "1", "Hopwell Bio"] and country.rows[0][3]  # cited
    assert country.rows[-1][:3] == ["Country not stated", "1", "Jiangan Stem Cell"]
    focus = by_id["chart-orgs-focus"]
    assert ["iPSC-derived NK cells", "1", "Hopwell Bio"] == focus.rows[0][:3] or \
        ["iPSC-derived NK cells", "1", "Hopwell Bio"] in [r[:3] for r in focus.rows]
    assert "Jiangan Stem Cell" in focus.alt


def test_a_short_wide_table_is_turned_for_print_not_run_off_a_portrait_page():
    from reportgen.render import DEFAULT_TEMPLATES, make_environment, render_html

    facts, docs = _asset_in_three_diseases()
    facts += [fact("ZX-1", "developer", "Zyxo Bio", docs[0], "ZX-1 is a BCMA CAR-T."),
              fact("ZX-1", "trial", "ZX-STUDY-1", docs[0], "The Phase 2 trial continues.")]
    columns = ["name", "developer", "target", "modality", "indication", "stage", "regulatory", "trial"]
    brief, _ = make(facts, docs, columns=columns)
    assert brief.transposed_print and not brief.wide_table  # two rows: a portrait page, one column per asset
    env = make_environment([DEFAULT_TEMPLATES])
    printed = render_html(brief, env, media="print")
    assert 'class="comparison transposed"' in printed and '<th scope="row" class="col-field">Target</th>' in printed
    assert 'class="comparison transposed"' not in render_html(brief, env)  # the screen keeps its sortable table
    many, _ = make(facts + [f.model_copy(update={"subject": s}) for s in ("ZX-2", "ZX-3", "ZX-4") for f in facts],
                   docs, columns=columns)
    assert many.wide_table and not many.transposed_print


def test_a_name_ending_in_a_full_stop_ends_the_sentence_once():
    d = doc("z.txt", "Zyxo Cells Co., Ltd. develops iPSC-derived NK cells.")
    brief, _ = make([fact("Zyxo Cells Co., Ltd.", "focus", "iPSC", d)], [d], rows="organizations",
                    scope={"names": ["Zyxo Cells Co., Ltd."]}, sections=["summary", "table"])
    assert brief.summary[0].text == "1 organization in scope: Zyxo Cells Co., Ltd."
    assert not brief.many_columns  # a few columns: the screen keeps the table in the text column


def test_a_brief_scoped_to_some_indications_shows_no_other_indication():
    # the same asset in an indication-scoped brief: lupus nephritis stays, myeloma and lymphoma leave
    facts, docs = _asset_in_three_diseases()
    brief, _ = make(facts, docs, scope={"targets": ["BCMA"], "indications": ["lupus nephritis"]})
    matrix = next(c for c in brief.charts if c.id == "chart-matrix")
    assert {r[1] for r in matrix.rows} == {"lupus nephritis"}
    [profile] = brief.profiles
    shown = " ".join(v.text for g in profile.groups for v in g.values)
    assert "lupus nephritis" in shown and "myeloma" not in shown and "follicular" not in shown


def test_a_profile_gives_the_furthest_stage_per_indication_not_the_phase_of_another_trial():
    d1 = doc("a.txt", "The NMPA approved QRV-1, a BCMA CAR-T, for multiple myeloma. "
                      "QRV-1 is in a Phase 1 trial in multiple sclerosis.")
    approval, trial = d1.text.split(". ")
    facts = [fact("QRV-1", "target", "BCMA", d1), fact("QRV-1", "indication", "multiple myeloma", d1, approval),
             fact("QRV-1", "indication", "multiple sclerosis", d1, trial),
             fact("QRV-1", "regulatory", {"authority": "NMPA", "action": "approval", "indication": "multiple myeloma"},
                  d1, approval),
             fact("QRV-1", "phase", {"stage": "phase 1", "indication": "multiple sclerosis"}, d1, trial)]
    brief, _ = make(facts, [d1], columns=["name", "target"])
    (profile,) = brief.profiles
    stage = next(g for g in profile.groups if g.label == "Stage")
    assert [v.text for v in stage.values] == ["approved (multiple myeloma)", "phase 1 (multiple sclerosis)"]
