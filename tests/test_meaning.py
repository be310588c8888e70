"""Landscapes that catch what is new: invented releases enter the briefs they belong in by meaning."""

import shutil

import pytest

from conftest import PROJECTS
from reportgen.build import build


@pytest.fixture(scope="module")
def briefs(tmp_path_factory):
    project = tmp_path_factory.mktemp("meaning") / "project"
    shutil.copytree(PROJECTS / "meaning", project)
    return {b.id: b for b in build(project, formats=("html",)).briefs}


def _cell(brief, row, column):
    r = next(r for r in brief.rows if r.name == row)
    found = next((c for c in r.cells if c.column == column), None)
    return [v.text for v in found.values] if found else []


def _profile(brief, name):
    return next(p for p in brief.profiles if p.name == name)


def test_a_car_t_in_a_disease_the_landscape_never_names_enters_by_area(briefs):
    brief = briefs["autoimmune"]
    assert "BW-19" in [r.name for r in brief.rows]  # pemphigus vulgaris: no landscape lists it
    assert "pemphigus vulgaris: autoimmune" in _profile(brief, "BW-19").matched


def test_one_asset_named_by_code_and_by_inn_is_one_row(briefs):
    rows = [r.name for r in briefs["autoimmune"].rows]
    joined = [n for n in rows if n in ("CV-210", "ralcabtagene autoleucel")]  # an INN is shown in lower case
    assert len(joined) == 1, rows
    profile = _profile(briefs["autoimmune"], joined[0])
    joins = next(g for g in profile.groups if g.label == "Names joined by")
    # the sentence that joined the code and the INN is cited in the profile
    assert any("CV-210" in v.text and v.cites for v in joins.values), joins
    indications = " ".join(_cell(briefs["autoimmune"], joined[0], "indication")).casefold()
    assert "systemic lupus erythematosus" in indications and "lupus nephritis" in indications


def test_an_ipsc_company_only_in_a_new_release_enters_with_its_country_cited(briefs):
    brief = briefs["ipsc-orgs"]
    row = next(r for r in brief.rows if r.name.startswith("Lanxi Regenerative"))
    country = next(c for c in row.cells if c.column == "country").values
    assert [v.text for v in country] == ["China"] and country[0].cites
    quote = next(ref.quote for ref in brief.references if ref.number == country[0].cites[0])
    assert "Suzhou-based" in quote
    assert any("iPSC-derived cell" in m for m in _profile(brief, row.name).matched)


def test_an_organization_brief_charts_its_assets_and_their_events(briefs):
    charts = briefs["ipsc-orgs"].charts
    svg = " ".join(c.svg for c in charts)
    assert charts and "LX-3" in svg  # the asset of the organization in scope, on the pipeline and the timeline
