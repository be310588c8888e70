"""Inline SVG charts: valid, accessible, escaped, deterministic, inside the viewBox."""

from __future__ import annotations

import random
import re
import xml.etree.ElementTree as ET

import pytest
from pydantic import ValidationError

from reportgen.charts import (
    Chart, EfficacyPoint, MatrixCell, PipelineBar, StagePoint, TimelineEvent, WIDTH, efficacy_chart,
    efficacy_charts, matrix_chart, normalise_endpoint, normalise_stage, pipeline_chart, stage_chart,
    svg_text_width, timeline_chart, truncate,
)

NS = "{http://www.w3.org/2000/svg}"
HOSTILE = "<script>alert('x')</script> & \"Co\""


def stage_points() -> list[StagePoint]:
    return [
        StagePoint(asset="Alpha-cel", stage="approved", modality="CAR-T", cites=(1, 2)),
        StagePoint(asset="Beta-mab", stage="Phase I/II", modality="monoclonal antibody", cites=(3,)),
        StagePoint(asset="Gamma", stage="phase 1", modality=None, cites=(4,)),
        StagePoint(asset="Delta-cel with a very long name that will not fit on the axis", stage="phase 1",
                   modality="CAR-T", cites=(5, 6, 7, 8)),
        StagePoint(asset="Epsilon", stage="preclinical", modality="ADC", cites=(9,)),
        StagePoint(asset="Alpha-cel", stage="phase 3", modality="CAR-T", cites=(10,)),  # lower stage, merged
        StagePoint(asset=HOSTILE, stage="phase 3", modality="<b>bold</b>", cites=(11,)),
    ]


def timeline_events() -> list[TimelineEvent]:
    return [
        TimelineEvent(asset="Alpha-cel", date="2023-06", label="NMPA approval", kind="approval", cites=(1,)),
        TimelineEvent(asset="Alpha-cel", date="2021", label="Breakthrough therapy designation",
                      kind="designation", cites=(2,)),
        TimelineEvent(asset="Alpha-cel", date="2021-01-15", label="Orphan drug designation",
                      kind="designation", cites=(3,)),
        TimelineEvent(asset="Alpha-cel", date="2021-02", label="IND clearance", kind="IND clearance", cites=(4,)),
        TimelineEvent(asset="Beta-mab", date="2022-12-10", label="ASH readout", kind="readout", cites=(5, 6)),
        TimelineEvent(asset="Beta-mab", date="2024-03", label="BLA filing", kind="filing", cites=(7,)),
        TimelineEvent(asset=HOSTILE, date="2024-11", label="</text><script>x</script>", kind="other", cites=(8,)),
        TimelineEvent(asset="Gamma", date="2025-01-02", label="FDA approval", kind="approval", cites=(9,)),
    ]


def efficacy_points() -> list[EfficacyPoint]:
    return [
        EfficacyPoint(asset="Alpha-cel", endpoint="ORR", value=92.8, unit="%", n=102, cites=(1,)),
        EfficacyPoint(asset="Beta-mab", endpoint="Objective response rate", value=96, unit="%", n=None,
                      population="Heavily pretreated patients with relapsed disease", cites=(3, 4)),
        EfficacyPoint(asset=HOSTILE, endpoint="orr", value=71.5, unit="%", n=40, cites=(5,)),
        EfficacyPoint(asset="Alpha-cel", endpoint="median PFS", value=25.4, unit="months", n=102, cites=(6,)),
    ]


def matrix_cells() -> list[MatrixCell]:
    return [
        MatrixCell(target="BCMA", indication="Relapsed/refractory multiple myeloma", asset="Alpha-cel",
                   stage="approved", cites=(1,)),
        MatrixCell(target="BCMA", indication="Relapsed/refractory multiple myeloma", asset="Beta-mab",
                   stage="phase 2", cites=(2,)),
        MatrixCell(target="BCMA", indication="Relapsed/refractory multiple myeloma", asset="Gamma",
                   stage="phase 1", cites=(3,)),
        MatrixCell(target="BCMA", indication="AL amyloidosis", asset="Alpha-cel", stage="phase 1", cites=(4,)),
        MatrixCell(target="CD19", indication="Systemic lupus erythematosus", asset=HOSTILE, stage=None, cites=(5,)),
    ]


def pipeline_bars() -> list[PipelineBar]:
    return [
        PipelineBar(asset="Alpha-cel", indication="multiple myeloma", stage="approved", group="CAR-T", cites=(1,)),
        PipelineBar(asset="Alpha-cel", indication="AL amyloidosis", stage="phase 1", group="CAR-T", cites=(2,)),
        PipelineBar(asset="Alpha-cel", indication="lupus nephritis", stage=None, group="CAR-T", cites=(3,)),
        PipelineBar(asset="Beta-mab", indication="multiple myeloma", stage="phase 2", group="bispecific antibody",
                    cites=(4, 5, 6, 7)),
        PipelineBar(asset="Delta-cel with a very long name that will not fit on the axis",
                    indication="relapsed or refractory diffuse large B-cell lymphoma after two lines", stage="phase 3",
                    group="CAR-T", cites=(8,)),
        PipelineBar(asset=HOSTILE, indication="<i>x</i>", stage="phase 1/2", group=None, cites=(9,)),
        PipelineBar(asset="Alpha-cel", indication="AL amyloidosis", stage="phase 2", group="CAR-T", cites=(10,)),
    ]


BUILDERS = {
    "pipeline": lambda: pipeline_chart(pipeline_bars()),
    "stage": lambda: stage_chart(stage_points()),
    "timeline": lambda: timeline_chart(timeline_events()),
    "efficacy": lambda: efficacy_charts(efficacy_points())[0],
    "matrix": lambda: matrix_chart(matrix_cells()),
    "matrix-wide": lambda: matrix_chart([
        MatrixCell(target=f"Target {i % 3}", indication=f"Indication with a long name {i}",
                   asset=f"Asset {i}", stage=("phase 1", "phase 3", "approved")[i % 3], cites=(i + 1,))
        for i in range(12)
    ]),
}


def parse(chart: Chart) -> ET.Element:
    return ET.fromstring(chart.svg)


def viewbox(root: ET.Element) -> tuple[float, float]:
    x0, y0, w, h = (float(v) for v in root.get("viewBox").split())
    assert (x0, y0) == (0, 0)
    return w, h


@pytest.fixture(params=sorted(BUILDERS))
def chart(request) -> Chart:
    result = BUILDERS[request.param]()
    assert result is not None
    return result


def test_valid_accessible_svg(chart):
    root = parse(chart)
    assert root.tag == NS + "svg"
    assert root.get("role") == "img"
    assert root.get("width") == "100%" and root.get("height") is None
    w, h = viewbox(root)
    assert 600 <= w <= 700 and h > 0
    title, desc = root.find(NS + "title"), root.find(NS + "desc")
    assert title is not None and desc is not None
    assert root.get("aria-labelledby").split() == [title.get("id"), desc.get("id")]
    assert title.text == chart.title
    assert "DejaVu Sans" in root.get("font-family")
    # Font sizes never below 9.
    sizes = [float(el.get("font-size")) for el in root.iter() if el.get("font-size")]
    assert sizes and min(sizes) >= 9


def test_table_matches_header(chart):
    assert chart.header and chart.rows
    assert all(len(row) == len(chart.header) for row in chart.rows)


def test_chart_is_frozen(chart):
    with pytest.raises(ValidationError):
        chart.title = "changed"


def test_hostile_names_are_inert():
    for name, build in BUILDERS.items():
        chart = build()
        root = parse(chart)
        assert "<script" not in chart.svg, name
        assert not [el for el in root.iter() if el.tag.endswith("script")], name
        # Only our own element types appear.
        allowed = {"svg", "title", "desc", "text", "tspan", "rect", "line", "circle", "polygon", "path"}
        assert {el.tag.removeprefix(NS) for el in root.iter()} <= allowed, name
    # The hostile text survives as text (escaped), in the SVG and in alt.
    chart = efficacy_chart(efficacy_points()[:3])
    texts = ["".join(t.itertext()) for t in parse(chart).iter(NS + "text")]
    assert any(t.startswith("<script>alert('x')") for t in texts)
    assert "&lt;script&gt;" in chart.svg and HOSTILE in chart.alt
    # Hostile endpoint names end up in an id only as a safe slug.
    chart = efficacy_chart([EfficacyPoint(asset="A", endpoint='"><script>x</script>', value=1, unit="%")])
    assert re.fullmatch(r"[a-z0-9-]+", chart.id)
    assert "<script" not in chart.svg


def test_control_characters_do_not_break_xml():
    chart = stage_chart([StagePoint(asset="Bad\x00name\x0b\n", stage="phase 2", cites=(1,))])
    ET.fromstring(chart.svg)
    assert "Badname" in chart.alt


@pytest.mark.parametrize("name", sorted(BUILDERS))
def test_deterministic(name):
    assert BUILDERS[name]().svg == BUILDERS[name]().svg


def test_input_order_does_not_matter():
    rng = random.Random(7)
    for build, data in ((stage_chart, stage_points()), (timeline_chart, timeline_events()),
                        (matrix_chart, matrix_cells()), (efficacy_chart, efficacy_points()[:3])):
        shuffled = list(data)
        rng.shuffle(shuffled)
        assert build(data) == build(shuffled)


def test_no_random_ids_and_coordinates_rounded(chart):
    assert "uuid" not in chart.svg
    for value in re.findall(r'\b(?:x|y|x1|x2|y1|y2|cx|cy|width|height)="([^"%]+)"', chart.svg):
        assert re.fullmatch(r"-?\d+(\.\d)?", value), value


def test_empty_input_gives_none():
    assert stage_chart([]) is None
    assert timeline_chart([]) is None
    assert efficacy_chart([]) is None
    assert matrix_chart([]) is None
    assert efficacy_charts([]) == []
    # Events whose dates cannot be placed give no chart either.
    assert timeline_chart([TimelineEvent(asset="A", date="soon", label="x")]) is None


def test_alt_has_every_value_and_cite():
    chart = stage_chart(stage_points())
    for p in stage_points():
        assert p.asset in chart.alt
    for c in range(1, 12):
        assert re.search(rf"[\[,]{c}[\],]", chart.alt), c
    assert "Approved: 1 asset" in chart.alt and "Phase 1: 2 assets" in chart.alt

    chart = timeline_chart(timeline_events())
    for e in timeline_events():
        assert e.label in chart.alt and e.date in chart.alt and e.asset in chart.alt
        for c in e.cites:
            assert re.search(rf"[\[,]{c}[\],]", chart.alt)

    points = [p for p in efficacy_points() if normalise_endpoint(p.endpoint) == "objective response rate"]
    chart = efficacy_chart(points)
    for value in ("92.8%", "96%", "71.5%", "n=102", "n=40"):
        assert value in chart.alt
    for c in (1, 3, 4, 5):
        assert re.search(rf"[\[,]{c}[\],]", chart.alt)
    assert "Heavily pretreated patients with relapsed disease" in chart.alt

    chart = matrix_chart(matrix_cells())
    for cell in matrix_cells():
        assert cell.asset in chart.alt and cell.target in chart.alt and cell.indication in chart.alt
    for c in range(1, 6):
        assert re.search(rf"[\[,]{c}[\],]", chart.alt)


def test_numbers_in_svg_are_cited():
    svg = efficacy_chart([p for p in efficacy_points() if p.unit == "%"]).svg
    assert "96%" in svg and "[3,4]" in svg and "n=102" in svg
    svg = stage_chart(stage_points()).svg
    assert "[4–8]" in svg  # the phase 1 bar: Gamma [4] + Delta-cel [5,6,7,8], compressed
    rows = stage_chart(stage_points()).rows
    assert ["Approved", "CAR-T", "Alpha-cel", "[1,2,10]"] in rows


def test_integer_axis_ticks():
    points = [StagePoint(asset=f"A{i}", stage="phase 2", modality="CAR-T", cites=(i,)) for i in range(13)]
    for data in (stage_points(), points):
        root = parse(stage_chart(data))
        ticks = [t.text for t in root.iter(NS + "text")
                 if t.get("text-anchor") == "middle" and t.get("font-size") == "9"]
        values = [int(t) for t in ticks]  # raises if not an integer
        assert values[0] == 0 and values == sorted(values)
        assert len({b - a for a, b in zip(values, values[1:])}) == 1
        assert values[-1] >= max(1, len(data) if data is points else 2)
        assert len(values) <= 9


def test_efficacy_grouping_rule():
    charts = efficacy_charts(efficacy_points())
    # ORR spelled three ways is one endpoint with 3 assets; PFS has 1 asset: no chart.
    assert [c.id for c in charts] == ["chart-efficacy-objective-response-rate"]
    assert charts[0].title == "ORR across assets"
    assert len(charts[0].rows) == 3

    two = efficacy_points() + [EfficacyPoint(asset="Beta-mab", endpoint="PFS", value=11, unit="months", cites=(9,))]
    charts = efficacy_charts(two)
    assert [c.id for c in charts] == ["chart-efficacy-objective-response-rate",
                                      "chart-efficacy-progression-free-survival"]
    assert "(months)" in charts[1].svg

    # No endpoint with 2 assets: a single chart for the most common endpoint.
    lonely = [
        EfficacyPoint(asset="A", endpoint="DCR", value=80, cites=(1,)),
        EfficacyPoint(asset="B", endpoint="CR rate", value=40, population="cohort 1", cites=(2,)),
        EfficacyPoint(asset="B", endpoint="complete response rate", value=45, population="cohort 2", cites=(3,)),
    ]
    charts = efficacy_charts(lonely)
    assert len(charts) == 1 and charts[0].id == "chart-efficacy-complete-response-rate"
    assert len(charts[0].rows) == 2


def test_efficacy_axis():
    root = parse(efficacy_chart(efficacy_points()[:3]))
    ticks = [t.text for t in root.iter(NS + "text") if t.get("font-size") == "9" and t.get("text-anchor") == "middle"]
    assert ticks == ["0", "20", "40", "60", "80", "100"]
    labels = ["".join(t.itertext()) for t in root.iter(NS + "text")]
    assert "ORR (%)" in labels
    chart = efficacy_chart([EfficacyPoint(asset="A", endpoint="PFS", value=13.7, unit="months", cites=(1,)),
                            EfficacyPoint(asset="B", endpoint="PFS", value=6.1, unit="months", cites=(2,))])
    ticks = [t.text for t in parse(chart).iter(NS + "text")
             if t.get("font-size") == "9" and t.get("text-anchor") == "middle"]
    assert ticks[0] == "0" and float(ticks[-1]) >= 13.7


def test_timeline_partial_dates_and_labels_do_not_overlap():
    events = [TimelineEvent(asset="A", date=d, label=f"Milestone {i}", kind="readout", cites=(i,))
              for i, d in enumerate(["2023", "2023-01", "2023-01-01", "2023-01-02", "2023-02", "2024"])]
    root = parse(timeline_chart(events))
    markers = [el for el in root.iter(NS + "polygon")][1:]  # first polygon is the legend swatch
    xs = [el.get("points").split()[0].split(",")[0] for el in markers]
    assert xs[0] == xs[1] == xs[2]  # partial dates sit at the start of their period
    boxes = []
    for t in root.iter(NS + "text"):
        text = "".join(t.itertext())
        if text.startswith("Milestone"):
            x, y = float(t.get("x")), float(t.get("y"))
            boxes.append((x, x + svg_text_width(text, 9), y))
    assert len(boxes) == 6
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            if a[2] == b[2]:
                assert a[1] <= b[0] or b[1] <= a[0], (a, b)


def test_matrix_counts_and_legend():
    chart = matrix_chart(matrix_cells())
    texts = ["".join(t.itertext()) for t in parse(chart).iter(NS + "text")]
    assert any(t.startswith("3 assets") and "[1–3]" in t for t in texts)
    assert any(t.startswith("Alpha-cel") for t in texts)
    for stage in ("Approved", "Phase 1", "Unknown"):
        assert stage in texts
    assert ["CD19", "Systemic lupus erythematosus", HOSTILE, "Unknown", "[5]"] in chart.rows


def _extent(el: ET.Element) -> list[tuple[float, float]]:
    """Points an element reaches (text: its anchor and estimated ends)."""
    tag = el.tag.removeprefix(NS)
    f = lambda k: float(el.get(k))  # noqa: E731
    if tag == "rect":
        return [(f("x"), f("y")), (f("x") + f("width"), f("y") + f("height"))]
    if tag == "line":
        return [(f("x1"), f("y1")), (f("x2"), f("y2"))]
    if tag == "circle":
        return [(f("cx") - f("r"), f("cy") - f("r")), (f("cx") + f("r"), f("cy") + f("r"))]
    if tag == "polygon":
        return [tuple(float(v) for v in p.split(",")) for p in el.get("points").split()]
    if tag == "path":
        nums = [float(v) for v in re.findall(r"-?\d+(?:\.\d+)?", el.get("d"))]
        return list(zip(nums[::2], nums[1::2]))
    if tag == "text":
        x, y = f("x"), f("y")
        size = float(el.get("font-size") or 10)
        w = svg_text_width("".join(el.itertext()), size, bold=el.get("font-weight") == "bold")
        if el.get("transform", "").startswith("rotate(-90"):
            return [(x, y), (x, y - w)]
        anchor = el.get("text-anchor", "start")
        x0 = x - w / 2 if anchor == "middle" else x - w if anchor == "end" else x
        return [(x, y), (x, y - size * 0.75), (x0, y), (x0 + w, y)]
    return []


def test_everything_inside_viewbox(chart):
    root = parse(chart)
    w, h = viewbox(root)
    for el in root.iter():
        for x, y in _extent(el):
            assert -0.5 <= x <= w + 0.5, (el.tag, el.attrib, "".join(el.itertext()))
            assert -0.5 <= y <= h + 0.5, (el.tag, el.attrib, "".join(el.itertext()))


def test_long_labels_truncated_but_kept_in_alt():
    long = "Delta-cel with a very long name that will not fit on the axis " * 3
    chart = efficacy_chart([EfficacyPoint(asset=long, endpoint="ORR", value=50, cites=(1,)),
                            EfficacyPoint(asset="B", endpoint="ORR", value=60, cites=(2,))])
    texts = ["".join(t.itertext()) for t in parse(chart).iter(NS + "text")]
    assert any(t.endswith("…") for t in texts)
    assert long.strip() in chart.alt and chart.rows[1][0] == long.strip()


def test_text_helpers():
    assert svg_text_width("", 10) == 0
    assert 50 <= svg_text_width("abcdefghij", 10) <= 70  # about 0.6 em a character
    assert svg_text_width("W", 10, bold=True) > svg_text_width("W", 10)
    assert truncate("short", 100, 10) == "short"
    cut = truncate("a much longer label than fits", 60, 10)
    assert cut.endswith("…") and svg_text_width(cut, 10) <= 60
    assert normalise_stage("Phase I/II") == "phase 1/2"
    assert normalise_stage("Phase 1b") == "phase 1"
    assert normalise_stage(None) == "unknown"
    assert normalise_endpoint("Overall response rate (ORR)") == "objective response rate"


def test_pipeline_one_row_per_asset_and_indication_at_its_own_stage():
    chart = pipeline_chart(pipeline_bars())
    rows = {(r[1], r[2]): r for r in chart.rows}
    assert rows[("Alpha-cel", "multiple myeloma")][3] == "Approved"
    # a pair listed twice keeps its furthest stage and every citation
    assert rows[("Alpha-cel", "AL amyloidosis")][3:] == ["Phase 2", "[2,10]"]
    assert rows[("Alpha-cel", "lupus nephritis")][3] == "stage not stated"
    # grouped by modality (largest group first), furthest asset first, the asset named on its row
    assert [r[1] for r in chart.rows][:4] == ["Alpha-cel"] * 3 + ["Delta-cel with a very long name that will not fit on the axis"]
    assert chart.rows[-1][0] == "unknown"
    names = [t.text for t in parse(chart).iter(NS + "text") if t.get("font-weight") == "bold"]
    assert "Alpha-cel" in names and "Beta-mab" in names
    # a bar per staged pair, its length by stage: approved longer than phase 2
    widths = [float(r.get("width")) for r in parse(chart).iter(NS + "rect") if r.get("height") == "12"]
    assert len(widths) == 5 and max(widths) > min(widths)


def test_pipeline_empty_gives_none():
    assert pipeline_chart([]) is None


def test_matrix_names_assets_in_full_when_indications_outnumber_targets():
    cells = [MatrixCell(target="BCMA", indication=f"indication number {i}", asset="Equecabtagene Autoleucel",
                        stage="phase 1", cites=(i + 1,)) for i in range(8)]
    svg = matrix_chart(cells).svg
    assert "Equecabtagene Autoleucel" in svg and "Eq…" not in svg


def test_efficacy_name_line_does_not_repeat_the_population_line_below_it():
    from reportgen.charts import EfficacyPoint, efficacy_chart

    pop = "40 patients without prior therapy"
    chart = efficacy_chart([EfficacyPoint(asset=f"ZT-101 ({pop})", endpoint="ORR", value=80, population=pop, cites=[1]),
                            EfficacyPoint(asset="QB-7", endpoint="ORR", value=70, cites=[2])])
    drawn = re.sub(r"<desc.*?</desc>|<title.*?</title>", "", chart.svg)
    assert ">ZT-101</text>" in drawn and drawn.count(pop) == 1  # the name, then the population line once
    assert chart.rows[0][0] == f"ZT-101 ({pop})"  # the data table keeps the full label


def test_count_chart_counts_each_member_once_and_draws_the_unstated_apart():
    from reportgen.charts import CountItem, count_chart

    chart = count_chart([CountItem(category="China", member="Alpha Cells", cites=[1]),
                         CountItem(category="china", member="Alpha Cells", cites=[3]),
                         CountItem(category="China", member="Beta Cells", cites=[2]),
                         CountItem(category="Japan", member="Gamma Cells", cites=[4])],
                        chart_id="chart-orgs-country", title="By country", category="Country",
                        unstated=["Delta Bio", "Epsilon Bio"], unstated_label="country not stated")
    assert chart.header == ["Country", "Organizations", "Names", "Citations"]
    # most first; the unstated last whatever their count; a member named twice in a category counts once
    assert chart.rows == [["China", "2", "Alpha Cells, Beta Cells", "[1,2,3]"], ["Japan", "1", "Gamma Cells", "[4]"],
                          ["Country not stated", "2", "Delta Bio, Epsilon Bio", ""]]
    assert "stroke-dasharray" in chart.svg and 'role="img"' in chart.svg
    assert count_chart([], chart_id="x", title="t", category="c") is None


def _tall_inputs(n: int):
    bars = [PipelineBar(asset=f"Asset {i:03d}", indication="myeloma", stage="phase 1", group="CAR-T", cites=(i + 1,))
            for i in range(n)]
    events = [TimelineEvent(asset=f"Asset {i:03d}", date=f"{2015 + i % 9}-03", label="FDA designation",
                            kind="designation", cites=(i + 1,)) for i in range(n)]
    points = [EfficacyPoint(asset=f"Asset {i:03d}", endpoint="ORR", value=90 - i % 80, unit="%", cites=(i + 1,))
              for i in range(n)]
    return bars, events, points


@pytest.mark.parametrize("kind", ["pipeline", "timeline", "efficacy"])
def test_a_chart_taller_than_a_page_gets_a_page_high_print_version(kind):
    from reportgen.charts import PRINT_MAX_HEIGHT, fit_for_print, svg_height

    bars, events, points = _tall_inputs(120)
    draw, items = {"pipeline": (pipeline_chart, bars), "timeline": (timeline_chart, events),
                   "efficacy": (efficacy_chart, points)}[kind]
    chart = fit_for_print(draw, items, "assets")
    assert svg_height(chart.svg) > PRINT_MAX_HEIGHT  # the web page keeps the whole chart
    assert 0 < svg_height(chart.print_svg) <= PRINT_MAX_HEIGHT
    shown = int(re.match(r"The first (\d+) of 120 assets", chart.print_note).group(1))
    assert 10 <= shown < 120
    cut = parse(Chart(id="c", title="t", svg=chart.print_svg, alt="", header=[], rows=[]))
    drawn = {t.text for t in cut.iter(NS + "text")}
    # the cut keeps the first rows in the chart's order and drops the rest, and everything is inside its viewBox
    first = chart.rows[0][1] if kind == "pipeline" else chart.rows[0][0] if kind == "efficacy" else None
    if first is not None:
        assert first in drawn
    assert len([t for t in drawn if t and re.fullmatch(r"Asset \d{3}", t)]) == shown
    w, h = viewbox(cut)
    for el in cut.iter():
        for x, y in _extent(el):
            assert -0.5 <= y <= h + 0.5, (el.tag, el.attrib)
    assert chart.rows == draw(items).rows and chart.alt == draw(items).alt  # data and text alternative stay whole


def test_a_chart_that_fits_a_page_has_no_print_version():
    from reportgen.charts import fit_for_print

    bars, events, points = _tall_inputs(5)
    for draw, items in ((pipeline_chart, bars), (timeline_chart, events), (efficacy_chart, points)):
        chart = fit_for_print(draw, items, "assets")
        assert chart.print_svg == "" and chart.print_note == "" and chart == draw(items)
