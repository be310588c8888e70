"""`out/<id>.docx`: the brief as an editable Word document (python-docx).

Headings an analyst can restyle, the summary and notes as text, chart data and
the comparison table as real tables (the comparison on landscape pages, split
into column groups that repeat the name, header rows repeated across pages),
profiles, and numbered references with the sentence each quotes: every "[n]"
in the text is one of them. Same brief, same bytes.
"""

from __future__ import annotations

import io

from reportgen.output.registry import OutputContext

MAX_DATA_COLS = 6      # columns beside the name in one table on a landscape page
TABLE_PT = 8.5
BODY_PT = 10
PORTRAIT_CM, LANDSCAPE_CM = 17.0, 25.7   # A4 less 2 cm margins


class DocxWriter:
    name = "docx"
    suffix = ".docx"
    description = "editable Word document with tables and numbered references"
    default = False  # opt-in (--format docx), like pptx

    def write(self, brief, facts, context: OutputContext) -> bytes:
        _import_view()
        return document_bytes(brief_view(brief))


WRITER = DocxWriter()


def _import_view() -> None:
    """The view model and the zip normaliser, imported by the first render: every build lists the formats
    (this module's WRITER) and should not pay for them (~20-50 ms)."""
    global BriefView, TableView, brief_view, normalize_office_zip
    from reportgen.output._view import BriefView, TableView, brief_view
    from reportgen.output._zip import normalize_office_zip


def document_bytes(view: BriefView) -> bytes:
    _import_view()
    from docx import Document
    from docx.shared import Cm, Pt

    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)  # A4, as the PDF
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(2.0))
    doc.styles["Normal"].font.size = Pt(BODY_PT)
    doc.styles["Normal"].font.name = "Arial"  # everywhere (Liberation Sans on Linux): table widths are measured for it

    doc.add_paragraph("Competitive landscape brief", style="Subtitle")
    doc.add_heading(view.title, level=0)
    if view.subtitle:
        doc.add_paragraph(view.subtitle, style="Subtitle")
    doc.add_paragraph(view.meta)
    doc.add_paragraph("Every value is followed by numbers in brackets: the sources that state it, "
                      "quoted in full under “Sources”.").runs[0].italic = True

    if "summary" in view.sections and view.summary:
        doc.add_heading("Summary", level=1)
        _bullets(doc, view.summary)
    if "changes" in view.sections:
        doc.add_heading(view.changes_title, level=1)
        _bullets(doc, view.changes)
    if "notes" in view.sections and view.notes:
        doc.add_heading("Analyst notes", level=1)
        for note in view.notes:
            doc.add_paragraph(note)
    if "charts" in view.sections and view.charts:
        doc.add_heading("Charts", level=1)
        doc.add_paragraph("The data of each chart in the HTML and PDF briefs, with its sources.")
        for chart in view.charts:
            doc.add_heading(chart.title, level=2)
            _table(doc, TableView(chart.header, tuple(tuple((c,) for c in row) for row in chart.rows)),
                   list(range(len(chart.header))), width_cm=PORTRAIT_CM)
    wide = [("Comparison", view.table)] if "table" in view.sections else []
    if "comparators" in view.sections and view.comparators:
        wide.append(("Comparators", view.comparators))
    if wide:
        _landscape(doc, True)
        for title, table in wide:
            doc.add_heading(title, level=1)
            if not table.rows:
                doc.add_paragraph(f"No {view.rows_kind} in scope.")
                continue
            groups = _column_groups(table.header)
            for n, columns in enumerate(groups, start=1):
                if len(groups) > 1:
                    doc.add_paragraph(f"{title}, part {n} of {len(groups)}: "
                                      + ", ".join(table.header[c] for c in columns[1:]), style="Caption")
                _table(doc, table, columns, size=TABLE_PT, width_cm=LANDSCAPE_CM)
            doc.add_paragraph(view.legend, style="Caption")
        _landscape(doc, False)
    if "guidelines" in view.sections and view.guidelines:
        doc.add_heading("Regulatory guidelines", level=1)
        _bullets(doc, view.guidelines)
    if "profiles" in view.sections and view.profiles:
        doc.add_heading("Profiles", level=1)
        for profile in view.profiles:
            doc.add_heading(profile.name, level=2)
            rows = tuple(((label,), values) for label, values in profile.groups)
            _table(doc, TableView(("", ""), rows), [0, 1], header=False, widths=(4.0, PORTRAIT_CM - 4.0))
    doc.add_heading("Sources", level=1)
    for ref in view.references:
        para = doc.add_paragraph()
        para.paragraph_format.left_indent = Cm(0.9)
        para.paragraph_format.first_line_indent = Cm(-0.9)
        para.paragraph_format.keep_with_next = True
        para.add_run(f"[{ref.number}]\t").bold = True
        para.add_run(ref.source).bold = True
        para.add_run(f" ({ref.doc})" + (f" {ref.url}" if ref.url else ""))
        quote = doc.add_paragraph()
        quote.paragraph_format.left_indent = Cm(0.9)
        quote.add_run(f"“{ref.quote}”").italic = True
    if not view.references:
        doc.add_paragraph("No sources cited.")
    if view.skipped:
        doc.add_heading("Sources skipped", level=1)
        _bullets(doc, view.skipped)

    props = doc.core_properties
    props.title, props.author, props.last_modified_by = view.title[:250], "reportgen", "reportgen"
    props.subject, props.keywords, props.revision = "Competitive landscape brief", view.id, 1
    props.created = props.modified = props.last_printed = view.stamp
    raw = io.BytesIO()
    doc.save(raw)
    return normalize_office_zip(raw.getvalue(), view.stamp)


def _bullets(doc, items) -> None:
    for item in items:
        doc.add_paragraph(item, style="List Bullet")


def _landscape(doc, on: bool) -> None:
    from docx.enum.section import WD_ORIENT, WD_SECTION

    section = doc.add_section(WD_SECTION.NEW_PAGE)
    short, long_ = sorted((section.page_width, section.page_height))
    section.orientation = WD_ORIENT.LANDSCAPE if on else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = (long_, short) if on else (short, long_)


def _column_groups(header) -> list[list[int]]:
    if len(header) <= MAX_DATA_COLS + 1:
        return [list(range(len(header)))]
    rest = list(range(1, len(header)))
    parts = -(-len(rest) // MAX_DATA_COLS)
    per = -(-len(rest) // parts)
    return [[0, *rest[i:i + per]] for i in range(0, len(rest), per)]


def _widths(table: TableView, columns: list[int], total: float, size: float) -> tuple[float, ...]:
    """Column widths (cm) that add up to `total`: by how much text each holds, never narrower than its longest word."""
    from reportgen.output._view import text_width

    pt_per_cm, pad = 28.35, 12.0
    need, least = [], []
    for c in columns:
        values = [v for row in table.rows for v in row[c]]
        need.append(max([text_width(table.header[c], size, bold=True)]
                        + [min(text_width(v, size), 220.0) for v in values] + [40.0]) + pad)
        words = [(w, True) for w in table.header[c].split()] + [(w, False) for v in values for w in v.split()]
        least.append(max([text_width(w, size, bold=b) for w, b in words] + [20.0]) + pad)
    need_cm = [n / pt_per_cm for n in need]
    least_cm = [min(x / pt_per_cm, total / len(columns)) for x in least]
    widths = [total * n / sum(need_cm) for n in need_cm]
    for _ in range(len(widths)):  # lift columns below their longest word; take it from the others
        short = [i for i, w in enumerate(widths) if w < least_cm[i] - 1e-9]
        if not short:
            break
        for i in short:
            widths[i] = least_cm[i]
        fixed = sum(widths[i] for i in range(len(widths)) if widths[i] <= least_cm[i] + 1e-9)
        free = [i for i in range(len(widths)) if widths[i] > least_cm[i] + 1e-9]
        if not free:
            break
        room, have = total - fixed, sum(widths[i] for i in free)
        for i in free:
            widths[i] = widths[i] * room / have
    return tuple(round(w, 3) for w in widths)


def _table(doc, table: TableView, columns: list[int], size: float = BODY_PT - 1, header: bool = True,
           widths: tuple[float, ...] | None = None, width_cm: float | None = None) -> None:
    """A Word table: bold header row repeated on every page, each value its own paragraph."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    grid = doc.add_table(rows=(1 if header else 0) + len(table.rows), cols=len(columns))
    grid.style = "Table Grid"
    if widths is None and width_cm:
        widths = _widths(table, columns, width_cm, size)
    grid.autofit = widths is None
    start = 0
    if header:
        row = grid.rows[0]
        flag = OxmlElement("w:tblHeader")
        flag.set(qn("w:val"), "true")
        row._tr.get_or_add_trPr().append(flag)
        for k, c in enumerate(columns):
            _cell(row.cells[k], (table.header[c],), size, bold=True)
        start = 1
    for r, cells in enumerate(table.rows, start=start):
        row = grid.rows[r]
        for k, c in enumerate(columns):
            _cell(row.cells[k], cells[c], size, bold=(c == 0 and header and len(columns) > 2))
    if widths:
        for k, w in enumerate(widths):
            grid.columns[k].width = Cm(w)  # the grid, which LibreOffice reads
            for cell in grid.columns[k].cells:
                cell.width = Cm(w)         # and each cell, which Word reads
    doc.add_paragraph().paragraph_format.space_after = Pt(2)


def _cell(cell, values, size: float, bold: bool = False) -> None:
    from docx.shared import Pt

    values = values or ("",)
    for i, value in enumerate(values):
        para = cell.paragraphs[0] if i == 0 else cell.add_paragraph()
        para.paragraph_format.space_after = Pt(1)
        run = para.add_run(value)
        run.font.size = Pt(size)
        run.bold = bold
