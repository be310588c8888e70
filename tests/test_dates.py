"""One date reader (reportgen/dates.py) for datelines (`add`) and dates in sentences (extraction)."""

from __future__ import annotations

import pytest

from reportgen.add import stated_date
from reportgen.dates import DATE_RE, as_iso


@pytest.mark.parametrize("text, iso", [
    ("granted on July 3, 2023 by", "2023-07-03"),
    ("granted on Jul. 3 2023 by", "2023-07-03"),
    ("granted on 3 July 2023 by", "2023-07-03"),
    ("granted in September 2024", "2024-09"),
    ("granted Sept 2024", "2024-09"),
    ("granted on 2024-09-30", "2024-09-30"),
    ("granted on 2024/09/30", "2024-09-30"),
    ("granted in 2021, then", "2021"),
    ("granted on February 30, 2023", "2023-02"),  # the month stands, the day does not
])
def test_what_a_date_states_and_no_more(text, iso):
    assert as_iso(DATE_RE.search(text)) == iso


def test_no_date_in_numbers_that_are_not_dates():
    assert DATE_RE.search("enrolled 2023 patients across 12 sites") is None
    assert DATE_RE.search("a dose of 3 mg in May") is None


def test_a_dateline_is_the_first_full_date_in_the_opening():
    text = "ZORBATEC BIO (Wire) -- In March 2024 the firm grew. BOSTON, 12 April 2024 -- Zorbatec today said"
    assert stated_date(text) == "2024-04-12"
    assert stated_date("BOSTON -- a release with only a month: June 2024.") is None
