"""The comparison table as CSV and XLSX, citations included, for BD spreadsheets."""

from __future__ import annotations

import csv
import io
import re
import zipfile

from reportgen.brief import Brief, Row


def _value_text(values) -> str:
    parts = []
    for v in values:
        text = v.text
        if v.curated:
            text += " (analyst)"
        if v.conflict:
            text += " (sources disagree)"
        if v.cites:
            text += " [" + ",".join(str(n) for n in v.cites) + "]"
        parts.append(text)
    return "; ".join(parts)


def table_rows(brief: Brief) -> list[list[str]]:
    """Header plus one line per row (comparators last), with a citations column."""
    header = [c.label for c in brief.columns] + ["Role", "Citations"]
    refs = {r.number: r for r in brief.references}
    lines = [header]

    def line(row: Row, role: str) -> list[str]:
        cells = [_value_text(cell.values) or brief.not_reported for cell in row.cells]
        cells[0] = row.name
        numbers = sorted({n for cell in row.cells for v in cell.values for n in v.cites})
        cites = "\n".join(f"[{n}] {refs[n].doc} ({refs[n].start}-{refs[n].end}): {refs[n].quote}" for n in numbers)
        return [_cell_safe(c) for c in (*cells, role, cites)]

    lines += [line(r, "in scope") for r in brief.rows]
    lines += [line(r, "comparator") for r in brief.comparators]
    return lines


def to_csv(brief: Brief) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerows(table_rows(brief))
    return buffer.getvalue().encode("utf-8-sig")  # the BOM makes Excel read UTF-8


def to_xlsx(brief: Brief) -> bytes:
    """An XLSX workbook (comparison + sources sheets), byte-identical for the same brief."""
    import datetime as dt

    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    stamp = _as_of_datetime(brief.as_of)
    wb = Workbook()
    sheet = wb.active
    sheet.title = "Comparison"
    rows = table_rows(brief)
    for line in rows:
        sheet.append(line)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    wrap = Alignment(wrap_text=True, vertical="top")
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            cell.alignment = wrap
    for i, _ in enumerate(rows[0], start=1):
        letter = sheet.cell(row=1, column=i).column_letter
        sheet.column_dimensions[letter].width = 60 if i == len(rows[0]) else 24
    sheet.freeze_panes = "B2"

    sources = wb.create_sheet("Sources")
    sources.append(["#", "Document", "Title", "Publisher", "Date", "URL", "Start", "End", "Quote"])
    for cell in sources[1]:
        cell.font = Font(bold=True)
    for ref in brief.references:
        sources.append([ref.number, ref.doc, _cell_safe(ref.title), _cell_safe(ref.publisher or ""), ref.date or "",
                        _cell_safe(ref.url or ""), ref.start, ref.end, _cell_safe(ref.quote)])

    wb.properties.creator = "reportgen"
    wb.properties.title = brief.title
    wb.properties.created = stamp
    wb.properties.modified = stamp
    raw = io.BytesIO()
    wb.save(raw)
    return _normalize_zip(raw.getvalue(), stamp)


def _cell_safe(value: str) -> str:
    """Text that a spreadsheet will not run as a formula (CSV/XLSX injection)."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        return "'" + value
    return value


def _as_of_datetime(as_of: str):
    import datetime as dt

    try:
        return dt.datetime.fromisoformat(as_of)
    except ValueError:
        return dt.datetime(1980, 1, 1)


def _normalize_zip(data: bytes, stamp) -> bytes:
    """Rewrite the archive with fixed timestamps so the same data gives the same bytes."""
    when = (max(stamp.year, 1980), stamp.month, stamp.day, 0, 0, 0)
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
