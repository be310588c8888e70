"""PPTX and DOCX briefs: read back with python-pptx / python-docx, legible, and the same bytes every build."""

import shutil
import time
import zipfile
from io import BytesIO

import pytest

from reportgen.build import Project, build, load_corpus, load_landscapes, make_brief
from reportgen.output import OutputContext, get_writer

pptx = pytest.importorskip("pptx")
docx = pytest.importorskip("docx")

SLIDE_BOTTOM_PT = 540


def _brief(project_root):
    project = Project(project_root)
    corpus = load_corpus(project)
    path, landscape = load_landscapes(project, ["basic-bcma"], corpus)[0]
    return make_brief(project, path, landscape, corpus)


def _write(fmt, brief, facts, root):
    return get_writer(fmt).write(brief, facts, OutputContext(env=None, root=root, out_dir=root / "out"))


def _slide_texts(deck):
    for slide in deck.slides:
        texts = []
        for shape in slide.shapes:
            if shape.has_text_frame:
                texts.append(shape.text_frame.text)
            if shape.has_table:
                texts.extend(cell.text for row in shape.table.rows for cell in row.cells)
        yield slide, "\n".join(texts)


def test_build_writes_pptx_and_docx_only_when_asked(basic_project):
    build(basic_project, formats=("html",))
    assert not (basic_project / "out" / "basic-bcma.pptx").exists()
    result = build(basic_project, formats=("pptx", "docx"))
    assert basic_project / "out" / "basic-bcma.pptx" in result.written
    assert basic_project / "out" / "basic-bcma.docx" in result.written


def test_pptx_reads_back_with_title_summary_table_charts_and_sources(basic_project):
    brief, facts = _brief(basic_project)
    deck = pptx.Presentation(BytesIO(_write("pptx", brief, facts, basic_project)))
    slides = list(_slide_texts(deck))
    assert slides[0][0].shapes.title.text == brief.title
    titles = [s.shapes.title.text for s, _ in slides]
    assert "Summary" in titles
    assert any(t.startswith("Comparison") for t in titles) and any(t.startswith("Sources") for t in titles)
    table_text = "\n".join(text for s, text in slides if s.shapes.title.text.startswith("Comparison"))
    for row in brief.rows:
        assert row.name in table_text
    for column in brief.columns:
        assert column.label in table_text
    charts = [shape.chart for s, _ in slides for shape in s.shapes if shape.has_chart]
    numeric = [c for c in brief.charts if c.id.startswith(("chart-stage", "chart-efficacy"))]
    assert len(charts) == len(numeric)  # a native chart for each chart that is numbers
    sources = "\n".join(text for s, text in slides if s.shapes.title.text.startswith("Sources"))
    for ref in brief.references:
        assert f"[{ref.number}]" in sources and ref.quote in sources
    summary = next(text for s, text in slides if s.shapes.title.text == "Summary")
    assert brief.summary[0].text in summary


def test_docx_reads_back_with_headings_tables_and_numbered_references(basic_project):
    brief, facts = _brief(basic_project)
    document = docx.Document(BytesIO(_write("docx", brief, facts, basic_project)))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith(("Heading", "Title"))]
    assert headings[0] == brief.title
    assert {"Summary", "Comparison", "Sources"} <= set(headings)
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    for row in brief.rows:
        assert row.name in cells
    value = brief.rows[0].cells[1].values[0]
    assert any(cell.startswith(value.text) and f"[{value.cites[0]}" in cell for cell in cells)
    text = "\n".join(p.text for p in document.paragraphs)
    for ref in brief.references:
        assert f"[{ref.number}]\t{ref.title}" in text and ref.quote in text
    assert "<b>raw html</b> stays text" in text  # the analyst's note, as text
    landscape = [s for s in document.sections if s.page_width > s.page_height]
    assert landscape, "the comparison table is on landscape pages"


@pytest.mark.parametrize("fmt", ["pptx", "docx"])
def test_same_inputs_same_bytes(basic_project, tmp_path, fmt):
    other = tmp_path / "again"
    shutil.copytree(basic_project, other)
    build(basic_project, formats=(fmt,))
    time.sleep(1.1)  # a timestamp taken from the clock would now differ
    build(other, formats=(fmt,))
    first = (basic_project / "out" / f"basic-bcma.{fmt}").read_bytes()
    assert first == (other / "out" / f"basic-bcma.{fmt}").read_bytes()
    brief, _ = _brief(basic_project)
    year, month, day = (int(x) for x in brief.as_of.split("-"))
    with zipfile.ZipFile(BytesIO(first)) as archive:
        core = archive.read("docProps/core.xml").decode()
        assert {info.date_time for info in archive.infolist()} == {(year, month, day, 0, 0, 0)}
    assert f">{brief.as_of}T00:00:00Z<" in core and "lastPrinted" not in core


def _many_rows(brief, n=24):
    """The brief with n rows, some of them with long cells: what a real landscape looks like."""
    base = brief.rows[0]
    rows = []
    for i in range(n):
        cells = list(base.cells)
        values = cells[1].values
        if i % 5 == 0:
            values = tuple(values) * 40  # a cell far taller than a slide
        cells[1] = cells[1].model_copy(update={"values": values})
        rows.append(base.model_copy(update={"name": f"Asset {i:02d}", "anchor": f"a{i}", "cells": tuple(cells)}))
    return brief.model_copy(update={"rows": tuple(rows)})


def test_a_long_table_is_split_across_slides_that_keep_it_legible(basic_project):
    brief, facts = _brief(basic_project)
    big = _many_rows(brief)
    deck = pptx.Presentation(BytesIO(_write("pptx", big, facts, basic_project)))
    tables = [(slide, shape) for slide in deck.slides for shape in slide.shapes if shape.has_table
              and slide.shapes.title.text.startswith("Comparison")]
    assert len(tables) > 3
    seen = set()
    for slide, shape in tables:
        height = sum(row.height for row in shape.table.rows)
        assert shape.top + height <= SLIDE_BOTTOM_PT * 12700, slide.shapes.title.text
        assert len(shape.table.columns) <= 6
        for row in list(shape.table.rows)[1:]:
            seen.add(row.cells[0].text.replace(" (continued)", ""))
            for cell in row.cells:
                for para in cell.text_frame.paragraphs:
                    for run in para.runs:
                        assert run.font.size.pt >= 10
    assert seen == {r.name for r in big.rows}
    assert any("(continued)" in row.cells[0].text for _, shape in tables for row in shape.table.rows)


def test_text_that_xml_forbids_is_dropped_not_fatal(basic_project):
    brief, facts = _brief(basic_project)
    hostile = brief.model_copy(update={"title": "Bell\x07 and\x00 null", "subtitle": "form\x0cfeed"})
    deck = pptx.Presentation(BytesIO(_write("pptx", hostile, facts, basic_project)))
    assert deck.slides[0].shapes.title.text == "Bell and null"
    document = docx.Document(BytesIO(_write("docx", hostile, facts, basic_project)))
    assert document.paragraphs[1].text == "Bell and null"


def test_cli_builds_both_formats(basic_project, run_cli):
    result = run_cli("build", "--format", "pptx,docx", "--project", str(basic_project))
    assert result.exit_code == 0, result.output
    assert (basic_project / "out" / "basic-bcma.pptx").exists() and (basic_project / "out" / "basic-bcma.docx").exists()
