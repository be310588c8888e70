"""The comparison table as CSV and XLSX, for analysts who sort and filter in a spreadsheet.

One clean value per cell (no citation markers, blank when no source reports
it); the sources of each row by the brief's own reference numbers (the CSV
adds their text in a column; the XLSX has a Sources sheet, one reference per
line: number, title, publisher, date, URL, quote); efficacy and safety figures
in long form, one per row, with numbers as numbers and the source's publisher,
date and URL beside each. Every text cell passes one guard
(`safe_text`): no formula runs, no control character breaks the file.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import zipfile

from reportgen.brief import Brief, Row

# characters a spreadsheet reads as the start of a formula (OWASP CSV injection)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")
# C0 controls other than tab, newline and carriage return, DEL and the C1 block:
# XML 1.0 (so openpyxl) refuses them and no reader wants them
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_MAX_CELL = 32767  # Excel's limit on the characters of one cell


def safe_text(value) -> str:
    """Text for one spreadsheet cell: control characters become spaces; a formula start is quoted."""
    if value is None:
        return ""
    text = _CONTROL.sub(" ", str(value))
    if text[:1] in _FORMULA_START:
        text = "'" + text
    return text[:_MAX_CELL]


def _values(values) -> str:
    return "; ".join(v.text for v in values)


def _flags(brief: Brief, row: Row) -> str:
    labels = {c.key: c.label for c in brief.columns}
    curated = [labels.get(c.column, c.column) for c in row.cells if any(v.curated for v in c.values)]
    conflict = [labels.get(c.column, c.column) for c in row.cells if any(v.conflict for v in c.values)]
    parts = []
    if curated:
        parts.append("added by an analyst: " + ", ".join(curated))
    if conflict:
        parts.append("sources disagree: " + ", ".join(conflict))
    return "; ".join(parts)


def _row_cites(row: Row) -> list[int]:
    return sorted({n for cell in row.cells for v in cell.values for n in v.cites})


def _reference_line(ref) -> str:
    head = ", ".join(p for p in (ref.title, ref.publisher, ref.date) if p)
    return f"[{ref.number}] {head}" + (f" {ref.url}" if ref.url else "") + f": “{ref.quote}”"


def table_rows(brief: Brief, with_sources: bool = True) -> list[list[str]]:
    """Header plus one line per row (comparators last): values, role, flags, source numbers, sources.

    Source numbers are the brief's own reference numbers. `with_sources=False`
    leaves out the full text of each source (the XLSX has a Sources sheet for
    it; a CSV has only this table).
    """
    header = [c.label for c in brief.columns] + ["Role", "Flags", "Source numbers", "Sources"][:4 if with_sources else 3]
    refs = {r.number: r for r in brief.references}
    lines = [[safe_text(h) for h in header]]

    def line(row: Row, role: str) -> list[str]:
        cells = [_values(cell.values) for cell in row.cells]
        cells[0] = row.name
        numbers = [n for n in _row_cites(row) if n in refs]
        sources = "\n".join(_reference_line(refs[n]) for n in numbers)
        line = (*cells, role, _flags(brief, row), "; ".join(map(str, numbers)), sources)
        return [safe_text(c) for c in (line if with_sources else line[:-1])]

    lines += [line(r, "in scope") for r in brief.rows]
    lines += [line(r, "comparator") for r in brief.comparators]
    return lines


MEASURE_HEADER = ["Asset", "Role", "Kind", "Endpoint or event", "Grade", "Value", "Unit", "Population",
                  "Source numbers", "Source title", "Publisher", "Date", "URL"]


def _newest(refs: list) -> object | None:
    """The newest of a figure's sources (ties: the lowest number): the one a reader opens first."""
    return min(refs, key=lambda r: (-(dt.date.fromisoformat(r.date).toordinal() if _is_iso(r.date) else 0), r.number),
               default=None)


def _is_iso(value: str | None) -> bool:
    try:
        dt.date.fromisoformat(value or "")
    except ValueError:
        return False
    return True


def measure_rows(brief: Brief) -> list[list]:
    """Efficacy and safety in long form: one figure per row, the value a number, its source beside it.

    "Source numbers" lists every source of the figure, newest first; title,
    publisher, date (a real date) and URL are those of the first listed.
    """
    refs = {r.number: r for r in brief.references}
    out = []
    for m in brief.measures:
        cited = [refs[n] for n in m.cites if n in refs]
        first = _newest(cited)
        numbers = ([first.number] if first else []) + [r.number for r in cited if r is not first]
        out.append([safe_text(m.asset), m.role, m.kind, safe_text(m.endpoint), safe_text(m.grade),
                    m.value, safe_text(m.unit), safe_text(m.population), "; ".join(map(str, numbers)),
                    safe_text(first.title if first else None), safe_text(first.publisher if first else None),
                    _date(first.date if first else None), safe_text(first.url if first else None)])
    return out


SOURCE_HEADER = ["#", "Title", "Publisher", "Date", "URL", "Quote", "Document", "Start", "End", "Cited by"]


def source_rows(brief: Brief) -> list[list]:
    return [[r.number, safe_text(r.title), safe_text(r.publisher), _date(r.date), safe_text(r.url),
             safe_text(r.quote), safe_text(r.doc), r.start, r.end, "analyst" if r.curated else "extracted"]
            for r in brief.references]


def to_csv(brief: Brief) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerows(table_rows(brief))
    return buffer.getvalue().encode("utf-8-sig")  # the BOM makes Excel read UTF-8


def to_xlsx(brief: Brief) -> bytes:
    """A workbook: Comparison, Efficacy and safety, Sources; byte-identical for the same brief."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    stamp = _as_of_datetime(brief.as_of)
    wb = Workbook()
    bold, wrap = Font(bold=True), Alignment(wrap_text=True, vertical="top")

    def sheet_of(ws, rows: list[list], header: list[str], widths: dict[int, int] | None = None):
        ws.append([safe_text(h) for h in header])
        for line in rows:
            ws.append(line)
        for cell in ws[1]:
            cell.font = bold
        for row in ws.iter_rows(min_row=2):
            for cell in row:
                cell.alignment = wrap
                if isinstance(cell.value, dt.date):
                    cell.number_format = "yyyy-mm-dd"
        for i, name in enumerate(header, start=1):
            letter = ws.cell(row=1, column=i).column_letter
            longest = max([len(str(name))] + [_longest_line(r[i - 1]) for r in rows if i - 1 < len(r)])
            ws.column_dimensions[letter].width = (widths or {}).get(i) or max(8, min(48, longest + 2))
        ws.freeze_panes = "B2"
        if rows:
            ws.auto_filter.ref = ws.dimensions

    comparison = table_rows(brief, with_sources=False)  # sources by number; their text is on the Sources sheet
    sheet = wb.active
    sheet.title = "Comparison"
    sheet_of(sheet, comparison[1:], comparison[0])
    sheet_of(wb.create_sheet("Efficacy and safety"), measure_rows(brief), MEASURE_HEADER)
    sheet_of(wb.create_sheet("Sources"), source_rows(brief), SOURCE_HEADER, {6: 80})

    wb.properties.creator = "reportgen"
    wb.properties.title = safe_text(brief.title)
    wb.properties.created = stamp
    wb.properties.modified = stamp
    raw = io.BytesIO()
    wb.save(raw)
    return _normalize_zip(raw.getvalue(), stamp)


def _longest_line(value) -> int:
    if value is None:
        return 0
    if isinstance(value, dt.date):
        return 10
    return max((len(line) for line in str(value).splitlines()), default=0)


def _date(value: str | None):
    """A real date for the spreadsheet where the text is one; the text otherwise; None when absent."""
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return safe_text(value)


# ZIP timestamps hold the years 1980-2107; an as-of date outside them is clamped
_ZIP_MIN, _ZIP_MAX = dt.datetime(1980, 1, 1), dt.datetime(2107, 12, 31)


def _as_of_datetime(as_of: str) -> dt.datetime:
    try:
        stamp = dt.datetime.fromisoformat(as_of)
    except ValueError:
        return _ZIP_MIN
    return min(max(stamp.replace(tzinfo=None), _ZIP_MIN), _ZIP_MAX)


def _normalize_zip(data: bytes, stamp) -> bytes:
    """Rewrite the archive with fixed timestamps so the same data gives the same bytes."""
    when = (stamp.year, stamp.month, stamp.day, 0, 0, 0)
    iso = stamp.strftime("%Y-%m-%dT%H:%M:%SZ")
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                body = re.sub(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*", rb"\g<1>" + iso.encode(), body)
            entry = zipfile.ZipInfo(info.filename, date_time=when)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            dst.writestr(entry, body)
    return out.getvalue()
