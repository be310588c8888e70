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
