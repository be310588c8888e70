"""Office files (PPTX, DOCX, XLSX inside them) rewritten so that the same content gives the same bytes."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile

_CORE_DATES = re.compile(rb"(<dcterms:(?:created|modified)[^>]*>)[^<]*")
_LAST_PRINTED = re.compile(rb"<cp:lastPrinted>[^<]*</cp:lastPrinted>")


def normalize_office_zip(data: bytes, stamp: dt.datetime) -> bytes:
    """Fixed entry dates and permissions, core-property dates from `stamp`; embedded workbooks too.

    Entry order is kept ([Content_Types].xml first, as readers expect).
    """
    when = (max(stamp.year, 1980), stamp.month, stamp.day, 0, 0, 0)
    iso = stamp.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                body = _CORE_DATES.sub(rb"\g<1>" + iso, body)
                body = _LAST_PRINTED.sub(b"", body)
            elif info.filename.endswith((".xlsx", ".docx", ".pptx")) and body[:2] == b"PK":
                body = normalize_office_zip(body, stamp)  # a native chart's data workbook (XlsxWriter)
            entry = zipfile.ZipInfo(info.filename, date_time=when)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16
            dst.writestr(entry, body)
    return out.getvalue()
