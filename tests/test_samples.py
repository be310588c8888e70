"""The bundled sample briefs: what the issue promised a BD reader, from extraction alone.

These read the project's own sample sources (landscapes/sources), which ship
with the project. The asset briefs are built with their curated entities
removed, so every value below must come from the extractor. The iPSC brief
keeps its analyst's cited focus statements: the roundtable's speakers talk
about iPSCs without the text ever stating a company's focus in one sentence.
"""

import shutil

import pytest
import yaml

from conftest import ROOT
from reportgen.build import Project, load_corpus, load_landscapes, make_brief


@pytest.fixture(scope="module")
def briefs(tmp_path_factory):
    project = tmp_path_factory.mktemp("samples") / "project"
    shutil.copytree(ROOT / "landscapes", project / "landscapes")
    for path in (project / "landscapes").glob("*.yaml"):
        data = yaml.safe_load(path.read_text())
        if data.get("rows") != "organizations":
            data["entities"] = []  # curation removed: extraction must find it all
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False))
    p = Project(project)
    corpus = load_corpus(p)
    return {ls.id: make_brief(p, path, ls, corpus)[0] for path, ls in load_landscapes(p, None, corpus)}, corpus


def row(brief, name):
    for r in (*brief.rows, *brief.comparators):
        if r.name.casefold() == name.casefold() or any(
                v.text.casefold() == name.casefold() for c in r.cells if c.column == "names" for v in c.values):
            return r
    raise AssertionError(f"no row {name!r} in {[r.name for r in brief.rows]}")


def cell_texts(r, column):
    return [v.text for c in r.cells if c.column == column for v in c.values]


def cited(brief, r, column):
    """Every value of the cell has citations, and each quote is in its source."""
    values = [v for c in r.cells if c.column == column for v in c.values]
    assert values and all(v.cites for v in values), column
    return " ".join(v.text for v in values)


def test_bcma_row_for_eque_cel(briefs):
    (all_briefs, corpus) = briefs
    brief = all_briefs["bcma-therapies"]
    r = row(brief, "Equecabtagene Autoleucel")
    assert r in brief.rows
    names = {n.casefold() for n in cell_texts(r, "names")} | {r.name.casefold()}
    assert {"fucaso", "eque-cel", "ct103a", "ibi326"} <= names
    devs = cited(brief, r, "developer")
    assert "IASO" in devs and "Innovent" in devs
    assert cited(brief, r, "target") == "BCMA"
    assert "CAR-T" in cited(brief, r, "modality")
    reg = cited(brief, r, "regulatory")
    assert "NMPA approval NDA" in reg
    trials = cited(brief, r, "trial")
    for t in ("FUMANBA-1", "CTR20192510", "NCT05066646"):
        assert t in trials
    eff = cited(brief, r, "efficacy")
    for v in ("ORR 96%", "74.3%", "78.8%", "94%"):
        assert v in eff, v
    safety = cited(brief, r, "safety")
    assert "CRS" in safety and ">=3" in safety and "1 patients" in safety


def test_isatuximab_is_a_comparator_not_a_bcma_asset(briefs):
    brief = briefs[0]["bcma-therapies"]
    assert all("isatuximab" not in r.name.casefold() for r in brief.rows)
    r = row(brief, "isatuximab")
    assert r in brief.comparators
    assert cited(brief, r, "target") == "CD38"
    assert "multiple myeloma" in cited(brief, r, "indication").casefold()


def test_car_t_autoimmunity_shows_eque_cel_indications(briefs):
    brief = briefs[0]["car-t-autoimmunity"]
    r = row(brief, "Equecabtagene Autoleucel")
    ind = cited(brief, r, "indication").casefold()
    for disease in ("progressive multiple sclerosis", "neuromyelitis optica", "myasthenia gravis", "lupus"):
        assert disease in ind, disease
    assert "NCT04561557" in cited(brief, r, "trial")


def test_ipsc_brief_lists_roundtable_organizations_with_focus_and_guidelines(briefs):
    brief = briefs[0]["ipsc-china"]
    names = " ".join(r.name for r in brief.rows)
    for org in ("Shize", "Zhongsheng Suyuan", "Aipu"):
        assert org in names, org
    # Scoped by meaning (iPSC, China): organizations the text places in the US or Japan are not rows.
    for org in ("Fate Therapeutics", "BlueRock Therapeutics", "Kyoto University"):
        assert org not in names, org
    with_focus = [r for r in brief.rows if cell_texts(r, "focus")]
    assert len(with_focus) >= 3
    for r in with_focus:
        cited(brief, r, "focus")
    guideline_text = " ".join(g.text for g in brief.guidelines)
    assert "2021-08-17" in guideline_text and "2020-08-24" in guideline_text
    assert all(g.cites for g in brief.guidelines)


def test_every_citation_is_verbatim(briefs):
    all_briefs, corpus = briefs
    for brief in all_briefs.values():
        for ref in brief.references:
            assert corpus.docs[ref.doc].text[ref.start:ref.end] == ref.quote
