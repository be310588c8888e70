"""Dates as press releases write them: one reader for a document's dateline and for dates in its sentences.

`DATE_RE` finds "July 3, 2023", "July 2023", "3 July 2023", "2023-07-03" (or
"2023/07/03") and "in 2023"; `as_iso` gives the ISO text of what one match
states (a day, a month or only a year), never more precise than the text.
"""

from __future__ import annotations

import datetime as dt
import re

from reportgen.sources import MONTHS

_MONTH = (r"Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|"
          r"Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?")
_YEAR = r"(?:19|20)\d{2}"
DATE_RE = re.compile(
    rf"\b(?:(?P<mon>{_MONTH})\.?\s+(?:(?P<day>\d{{1,2}}),?\s+)?(?P<year>{_YEAR})"
    rf"|(?P<dday>\d{{1,2}})\s+(?P<dmon>{_MONTH})\.?,?\s+(?P<dyear>{_YEAR})\b"
    rf"|(?P<iso>{_YEAR}-\d{{2}}-\d{{2}})"
    rf"|(?P<nyear>{_YEAR})[./](?P<nmon>\d{{1,2}})[./](?P<nday>\d{{1,2}})\b"
    rf"|in\s+(?P<yonly>{_YEAR})\b)")


def as_iso(m: re.Match) -> str | None:
    """'2023-07-03', '2023-07' or '2023': what the match states; None for an impossible day."""
    if m.group("iso"):
        return m.group("iso")
    if m.group("yonly"):
        return m.group("yonly")
    if m.group("nyear"):
        return _day(int(m.group("nyear")), int(m.group("nmon")), int(m.group("nday")), partial=False)
    if m.group("dyear"):
        return _day(int(m.group("dyear")), MONTHS[m.group("dmon")[:3].lower()], int(m.group("dday")), partial=True)
    mon = MONTHS[m.group("mon")[:3].lower()]
    if m.group("day"):
        return _day(int(m.group("year")), mon, int(m.group("day")), partial=True)
    return f"{m.group('year')}-{mon:02d}"


def _day(year: int, month: int, day: int, partial: bool) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:  # "February 30": the month stands, the day does not
        return f"{year}-{month:02d}" if partial and 1 <= month <= 12 else None


def full_date(m: re.Match) -> dt.date | None:
    """The match as a calendar day, when it states one."""
    iso = as_iso(m)
    return dt.date.fromisoformat(iso) if iso and len(iso) == 10 else None
