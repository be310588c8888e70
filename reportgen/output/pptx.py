"""`out/<id>.pptx`: the brief as a slide deck for business development (python-pptx).

A title slide, the summary, the analyst's notes, one slide per chart (a native,
editable PowerPoint chart where the chart is numbers, and its data with the
citations as a table), the comparison table split across slides by columns and
rows so it stays legible, and the numbered sources. Same brief, same bytes.
"""

from __future__ import annotations

import io
import math

from reportgen.output.registry import OutputContext

EMU_PER_PT = 12700
SLIDE_W, SLIDE_H = 960.0, 540.0      # points: 13.33 x 7.5 in, 16:9
MARGIN = 30.0
TITLE_TOP, TITLE_H = 18.0, 50.0
BODY_TOP = 78.0
FOOT_H = 26.0                         # legend / footer line
BODY_SIZE = 16
TABLE_SIZE = 11
HEADER_SIZE = 12
NAME_COL = 150.0                      # the row-name column, repeated on every slide of a table
MAX_DATA_COLS = 4                     # data columns per table slide, beside the name
CELL_PAD_X, CELL_PAD_Y = 7.2, 3.6     # python-pptx's default cell margins, in points
LINE = 1.2                            # line height / font size


def _pt(value: float) -> int:
    return int(round(value * EMU_PER_PT))


class PptxWriter:
    name = "pptx"
    suffix = ".pptx"
    description = "slide deck: summary, native charts, table, sources"
    default = False  # opt-in (--format pptx): business development asks for it, a wiki build does not

    def write(self, brief, facts, context: OutputContext) -> bytes:
        _import_view()
        return deck_bytes(brief_view(brief))


WRITER = PptxWriter()


def _import_view() -> None:
    """The view model and the zip normaliser, imported by the first render: every build lists the formats
    (this module's WRITER) and should not pay for them (~20-50 ms)."""
    global BriefView, ChartView, TableView, brief_view, line_count, normalize_office_zip
    from reportgen.output._view import BriefView, ChartView, TableView, brief_view, line_count
    from reportgen.output._zip import normalize_office_zip


def deck_bytes(view: BriefView) -> bytes:
    _import_view()
    from pptx import Presentation

    prs = Presentation()
    prs.slide_width, prs.slide_height = _pt(SLIDE_W), _pt(SLIDE_H)
    _title_slide(prs, view)
    if "summary" in view.sections and view.summary:
        _bullet_slides(prs, "Summary", view.summary)
    if "notes" in view.sections and view.notes:
        _bullet_slides(prs, "Analyst notes", view.notes)
    if "charts" in view.sections:
        for chart in view.charts:
            _chart_slides(prs, chart)
    if "table" in view.sections:
        if view.table.rows:
            _table_slides(prs, "Comparison", view.table, footer=view.legend)
        else:
            _bullet_slides(prs, "Comparison", (f"No {view.rows_kind} in scope.",))
    if "comparators" in view.sections and view.comparators:
        _table_slides(prs, "Comparators", view.comparators, footer=view.legend)
    if "guidelines" in view.sections and view.guidelines:
        _bullet_slides(prs, "Regulatory guidelines", view.guidelines)
    _sources_slides(prs, view)

    props = prs.core_properties
    props.title, props.author, props.last_modified_by = view.title[:250], "reportgen", "reportgen"
    props.subject, props.keywords, props.revision = "Competitive landscape brief", view.id, 1
    props.created = props.modified = view.stamp
    raw = io.BytesIO()
    prs.save(raw)
    return normalize_office_zip(raw.getvalue(), view.stamp)


# --- slides ------------------------------------------------------------------

def _place(shape, left: float, top: float, width: float, height: float) -> None:
    shape.left, shape.top, shape.width, shape.height = _pt(left), _pt(top), _pt(width), _pt(height)


def _titled(prs, title: str):
    slide = prs.slides.add_slide(prs.slide_layouts[5])  # "Title Only": the title stays an editable placeholder
    shape = slide.shapes.title
    _place(shape, MARGIN, TITLE_TOP, SLIDE_W - 2 * MARGIN, TITLE_H)
    shape.text_frame.text = title
    para = shape.text_frame.paragraphs[0]
    from pptx.enum.text import PP_ALIGN

    para.alignment = PP_ALIGN.LEFT
    para.runs[0].font.size = _pt(26)
    para.runs[0].font.bold = True
    return slide


def _textbox(slide, left, top, width, height, lines, size, *, italic_from: int | None = None, color=None):
    from pptx.dml.color import RGBColor
    from pptx.util import Pt

    box = slide.shapes.add_textbox(_pt(left), _pt(top), _pt(width), _pt(height))
    frame = box.text_frame
    frame.word_wrap = True
    for i, text in enumerate(lines):
        para = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
        run = para.add_run()
        run.text = text
        run.font.size = Pt(size)
        if color:
            run.font.color.rgb = RGBColor.from_string(color)
    return box


def _title_slide(prs, view: BriefView) -> None:
    from pptx.util import Pt

    slide = prs.slides.add_slide(prs.slide_layouts[0])
    title, subtitle = slide.shapes.title, slide.placeholders[1]
    _place(title, MARGIN * 2, 150, SLIDE_W - 4 * MARGIN, 120)
    _place(subtitle, MARGIN * 2, 290, SLIDE_W - 4 * MARGIN, 110)
    title.text_frame.text = view.title
    title.text_frame.paragraphs[0].runs[0].font.size = Pt(36 if len(view.title) < 60 else 28)
    lines = [line for line in (view.subtitle, view.meta) if line]
    subtitle.text_frame.text = lines[0]
    for line in lines[1:]:
        subtitle.text_frame.add_paragraph().text = line
    for para in subtitle.text_frame.paragraphs:
        for run in para.runs:
            run.font.size = Pt(18)
    _textbox(slide, MARGIN * 2, SLIDE_H - 70, SLIDE_W - 4 * MARGIN, 30,
             ["Competitive landscape brief. Numbers in brackets are the sources that state a value, "
              "quoted on the last slides."], 12, color="595959")


def _bullet_slides(prs, title: str, items) -> None:
    """Bulleted text, as many slides as it takes at a readable size."""
    width = SLIDE_W - 2 * MARGIN
    capacity = (SLIDE_H - BODY_TOP - MARGIN) / (BODY_SIZE * LINE * 1.15)
    pages: list[list[str]] = [[]]
    used = 0.0
    for item in items:
        lines = line_count("• " + item, width - 2 * CELL_PAD_X, BODY_SIZE) + 0.35
        if pages[-1] and used + lines > capacity:
            pages.append([])
            used = 0.0
        pages[-1].append("• " + item)
        used += lines
    for i, page in enumerate(pages):
        slide = _titled(prs, title if len(pages) == 1 else f"{title} ({i + 1}/{len(pages)})")
        box = _textbox(slide, MARGIN, BODY_TOP, width, SLIDE_H - BODY_TOP - MARGIN, page, BODY_SIZE)
        from pptx.util import Pt

        for para in box.text_frame.paragraphs:
            para.space_after = Pt(BODY_SIZE * 0.35)


def _chart_slides(prs, chart: ChartView) -> None:
    if chart.kind in ("bar", "count") and chart.values:
        _native_chart_slide(prs, chart)
        _table_slides(prs, f"{chart.title}: data and sources", TableView(chart.header, _as_cells(chart.rows)))
    else:
        _table_slides(prs, chart.title, TableView(chart.header, _as_cells(chart.rows)))


def _as_cells(rows) -> tuple:
    return tuple(tuple((c,) for c in row) for row in rows)


def _short(text: str, limit: int = 70) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _native_chart_slide(prs, chart: ChartView) -> None:
    """An editable PowerPoint chart: bars per asset for efficacy, assets per stage for the stage chart."""
    from pptx.chart.data import CategoryChartData
    from pptx.enum.chart import XL_CHART_TYPE, XL_LABEL_POSITION
    from pptx.util import Pt

    slide = _titled(prs, chart.title)
    data = CategoryChartData(number_format='General"%"' if chart.unit == "%" else "General")
    cites = _row_cites(chart)
    labels = [_short(c + (f" {cites[i]}" if cites[i] else ""), 80) for i, c in enumerate(chart.categories)]
    values = list(chart.values)
    if chart.kind == "bar":  # horizontal bars are drawn bottom-up: reverse, so the first row is on top
        labels, values = labels[::-1], values[::-1]
    data.categories = labels
    counted = "Organizations" if chart.id.startswith("chart-orgs-") else "Assets"
    data.add_series(counted if chart.kind == "count" else (chart.unit or "Value"), values)
    height = SLIDE_H - BODY_TOP - MARGIN - FOOT_H
    kind = XL_CHART_TYPE.COLUMN_CLUSTERED if chart.kind == "count" else XL_CHART_TYPE.BAR_CLUSTERED
    frame = slide.shapes.add_chart(kind, _pt(MARGIN), _pt(BODY_TOP), _pt(SLIDE_W - 2 * MARGIN), _pt(height), data)
    ch = frame.chart
    ch.has_legend = False
    ch.has_title = False  # the slide title names the chart
    ch.font.size = Pt(12)
    plot = ch.plots[0]
    plot.has_data_labels = True
    plot.data_labels.font.size = Pt(12)
    plot.data_labels.number_format = 'General"%"' if chart.unit == "%" else "General"
    plot.data_labels.number_format_is_linked = False
    plot.data_labels.position = XL_LABEL_POSITION.OUTSIDE_END
    plot.gap_width = 60
    value_axis = ch.value_axis
    value_axis.has_major_gridlines = True
    value_axis.minimum_scale = 0
    if chart.unit == "%" and max(chart.values) <= 100:
        value_axis.maximum_scale = 100
    if chart.kind == "count":
        value_axis.major_unit = max(1, math.ceil(max(chart.values) / 6))
    _textbox(slide, MARGIN, SLIDE_H - MARGIN - FOOT_H + 4, SLIDE_W - 2 * MARGIN, FOOT_H,
             ["[n] after a label: the sources that state it. The next slide lists every value with its sources."],
             10, color="595959")


def _row_cites(chart: ChartView) -> list[str]:
    """Citation marks per category: from the chart's 'Citations' column (bar charts only)."""
    if chart.kind != "bar" or "Citations" not in chart.header:
        return [""] * len(chart.categories)
    i = chart.header.index("Citations")
    return [row[i] for row in chart.rows]


# --- tables ------------------------------------------------------------------

def _column_groups(header: tuple[str, ...]) -> list[list[int]]:
    """Which columns go on one slide: all when few, else the name plus up to MAX_DATA_COLS others."""
    if len(header) <= MAX_DATA_COLS + 2:
        return [list(range(len(header)))]
    rest = list(range(1, len(header)))
    per = math.ceil(len(rest) / math.ceil(len(rest) / MAX_DATA_COLS))  # even groups: 10 -> 4,3,3 not 4,4,2
    return [[0, *rest[i:i + per]] for i in range(0, len(rest), per)]


def _widths(table: TableView, columns: list[int]) -> list[float]:
    """Column widths in points: the name column fixed, the others by how much text they hold."""
    from reportgen.output._view import text_width

    total = SLIDE_W - 2 * MARGIN
    if len(columns) > 1 and columns[0] == 0 and len(table.header) > MAX_DATA_COLS + 2:
        fixed = [NAME_COL]
        others = columns[1:]
        room = total - NAME_COL
    else:
        fixed, others, room = [], columns, total
    need = []
    for c in others:
        longest = max([text_width(table.header[c], HEADER_SIZE)]
                      + [min(text_width(v, TABLE_SIZE), 400.0) for row in table.rows for v in row[c]])
        need.append(max(longest, 60.0))
    scale = room / sum(need)
    widths = [n * scale for n in need]
    floor = min(90.0, room / len(others))
    short = [i for i, w in enumerate(widths) if w < floor]
    if short:  # give narrow columns a floor, taken from the wide ones
        extra = sum(floor - widths[i] for i in short)
        wide = sum(w for i, w in enumerate(widths) if i not in short)
        widths = [floor if i in short else w - extra * w / wide for i, w in enumerate(widths)]
    return fixed + widths


def _cell_lines(values: tuple[str, ...], width: float, size: float) -> float:
    return sum(line_count(v, width - 2 * CELL_PAD_X, size) for v in values)


def _row_height(lines: float, size: float) -> float:
    return lines * size * LINE + 2 * CELL_PAD_Y + 2


def _split_row(row, columns, widths, capacity_lines) -> list[list[tuple[str, ...]]]:
    """A row too tall for a slide, as continuation rows: each cell's values dealt out in order."""
    pieces: list[list[tuple[str, ...]]] = []
    for k, c in enumerate(columns):
        chunks: list[list[str]] = [[]]
        used = 0
        for v in row[c]:
            n = line_count(v, widths[k] - 2 * CELL_PAD_X, TABLE_SIZE)
            while n > capacity_lines:  # one value longer than a whole slide: cut it into slide-sized parts
                cut = int(len(v) * capacity_lines / n)
                head, v = v[:cut], v[cut:]
                if chunks[-1]:
                    chunks.append([])
                chunks[-1].append(head + " …")
                chunks.append([])
                used = 0
                n = line_count(v, widths[k] - 2 * CELL_PAD_X, TABLE_SIZE)
            if chunks[-1] and used + n > capacity_lines:
                chunks.append([])
                used = 0
            chunks[-1].append(v)
            used += n
        pieces.append([tuple(ch) for ch in chunks])
    depth = max(len(p) for p in pieces)
    out = []
    for i in range(depth):
        cells = []
        for k, c in enumerate(columns):
            if k == 0 and c == 0:
                name = row[0][0]
                cells.append((name if i == 0 else f"{name} (continued)",))
            else:
                cells.append(pieces[k][i] if i < len(pieces[k]) else ())
        out.append(cells)
    return out


def _table_slides(prs, title: str, table: TableView, footer: str | None = None) -> None:
    """The table across as many slides as keep it at 11 pt: column groups, then rows that fit."""
    groups = _column_groups(table.header)
    top = BODY_TOP
    bottom = SLIDE_H - MARGIN - (FOOT_H if footer else 0)
    pages = []
    for g, columns in enumerate(groups):
        widths = _widths(table, columns)
        header_h = _row_height(max(line_count(table.header[c], w - 2 * CELL_PAD_X, HEADER_SIZE, bold=True)
                                   for c, w in zip(columns, widths)), HEADER_SIZE)
        room = bottom - top - header_h
        capacity_lines = max(3, int((room - 2 * CELL_PAD_Y - 2) / (TABLE_SIZE * LINE)))
        rows: list[list[tuple[str, ...]]] = []
        for row in table.rows:
            rows.extend(_split_row(row, columns, widths, capacity_lines))
        page: list = []
        used = 0.0
        for cells in rows:
            h = _row_height(max(_cell_lines(v, w, TABLE_SIZE) for v, w in zip(cells, widths)), TABLE_SIZE)
            if page and used + h > room:
                pages.append((columns, widths, header_h, page))
                page, used = [], 0.0
            page.append((cells, h))
            used += h
        pages.append((columns, widths, header_h, page))
    for n, (columns, widths, header_h, page) in enumerate(pages, start=1):
        label = title if len(pages) == 1 else f"{title} ({n}/{len(pages)})"
        slide = _titled(prs, label)
        _table_shape(slide, table, columns, widths, header_h, page, top)
        if footer:
            _textbox(slide, MARGIN, bottom + 2, SLIDE_W - 2 * MARGIN, FOOT_H, [footer], 10, color="595959")


def _table_shape(slide, table: TableView, columns, widths, header_h, page, top) -> None:
    height = header_h + sum(h for _, h in page)
    shape = slide.shapes.add_table(len(page) + 1, len(columns), _pt(MARGIN), _pt(top),
                                   _pt(sum(widths)), _pt(height))
    grid = shape.table
    grid.first_row = True
    grid.horz_banding = True
    for k, w in enumerate(widths):
        grid.columns[k].width = _pt(w)
    grid.rows[0].height = _pt(header_h)
    for k, c in enumerate(columns):
        _fill(grid.cell(0, k), (table.header[c],), HEADER_SIZE, bold=True)
    for r, (cells, h) in enumerate(page, start=1):
        grid.rows[r].height = _pt(h)
        for k, values in enumerate(cells):
            _fill(grid.cell(r, k), values, TABLE_SIZE, bold=(k == 0 and columns[0] == 0))


def _fill(cell, values, size: float, bold: bool = False) -> None:
    from pptx.util import Pt

    frame = cell.text_frame
    frame.word_wrap = True
    for i, value in enumerate(values or ("",)):
        para = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
        run = para.add_run()
        run.text = value
        run.font.size = Pt(size)
        run.font.bold = bold


# --- sources -----------------------------------------------------------------

def _sources_slides(prs, view: BriefView) -> None:
    """Numbered sources with the sentence each quotes, as many slides as it takes."""
    width = SLIDE_W - 2 * MARGIN - 2 * CELL_PAD_X
    capacity = SLIDE_H - BODY_TOP - MARGIN
    items = []
    for ref in view.references:
        head = f"[{ref.number}] {ref.source} ({ref.doc})" + (f" {ref.url}" if ref.url else "")
        quote = f"“{ref.quote}”"
        h = (line_count(head, width, 12, bold=True) * 12 + line_count(quote, width, 11) * 11) * LINE + 10
        items.append((head, quote, h))
    for skipped in view.skipped:
        text = f"Skipped: {skipped}"
        items.append((text, "", line_count(text, width, 12) * 12 * LINE + 8))
    pages: list[list] = [[]]
    used = 0.0
    for item in items:
        if pages[-1] and used + item[2] > capacity:
            pages.append([])
            used = 0.0
        pages[-1].append(item)
        used += item[2]
    from pptx.dml.color import RGBColor
    from pptx.util import Pt

    for n, page in enumerate(pages, start=1):
        slide = _titled(prs, "Sources" if len(pages) == 1 else f"Sources ({n}/{len(pages)})")
        box = slide.shapes.add_textbox(_pt(MARGIN), _pt(BODY_TOP), _pt(SLIDE_W - 2 * MARGIN), _pt(capacity))
        frame = box.text_frame
        frame.word_wrap = True
        first = True
        for head, quote, _ in page:
            para = frame.paragraphs[0] if first else frame.add_paragraph()
            first = False
            run = para.add_run()
            run.text = head
            run.font.size, run.font.bold = Pt(12), True
            if quote:
                para = frame.add_paragraph()
                run = para.add_run()
                run.text = quote
                run.font.size, run.font.italic = Pt(11), True
                run.font.color.rgb = RGBColor.from_string("404040")
            para.space_after = Pt(6)
        if not page:
            para = frame.paragraphs[0]
            para.text = "No sources cited."
