"""A Chinese, Korean or Japanese company's legal name opening on its place, and the short forms releases define
for it (orgnames.place_free_word / shortens, names.DEF_RE; data/countries.yaml org_places). Invented names."""

from __future__ import annotations

import pytest

from readings_support import developers, facts


def org_names(text: str) -> set[tuple[str, str]]:
    return {(f.subject, str(f.object)) for f in facts(text) if f.predicate == "name" and "YH-001" not in f.subject}


@pytest.mark.parametrize("text, short", [
    ('Shanghai Yunhai Pharmaceutical Co., Ltd. ("Yunhai Pharma") announced the NMPA approval of YH-001, a BTK '
     'inhibitor.', "Yunhai Pharma"),
    ("Shanghai Yunhai Pharmaceutical Co., Ltd. (Yunhai Pharma) announced the NMPA approval of YH-001, a BTK "
     "inhibitor.", "Yunhai Pharma"),
    ('Jiangsu Hengyu Medicine Co., Ltd. (hereinafter "Hengyu") announced the approval of YH-001, a BTK inhibitor.',
     "Hengyu"),
    ('Jiangsu Hengyu Medicine Co., Ltd. ("Hengyu" or the "Company") announced the approval of YH-001, a BTK '
     'inhibitor.', "Hengyu"),
])
def test_a_short_form_without_the_place_is_the_same_company(text, short):
    makers = developers(text, "YH-001")
    assert len(makers) == 1, makers
    assert (next(iter(makers)), short) in org_names(text)


def test_the_name_after_the_place_used_alone_is_the_same_company():
    text = ("Suzhou Kelin Biotech Co., Ltd. announced the approval of YH-001, a BTK inhibitor. Kelin Biotech is a "
            "clinical-stage company.")
    assert developers(text, "YH-001") == {"Suzhou Kelin Biotech Co., Ltd."}
    assert ("Suzhou Kelin Biotech Co., Ltd.", "Kelin Biotech") in org_names(text)


def test_two_companies_of_one_province_stay_two():
    text = ("Jiangsu Hengyu Medicine Co., Ltd. and Jiangsu Taiming Pharmaceutical Co., Ltd. will co-develop YH-001, "
            "a BTK inhibitor.")
    assert developers(text, "YH-001") == {"Jiangsu Hengyu Medicine Co., Ltd.", "Jiangsu Taiming Pharmaceutical Co., Ltd."}


def test_a_ticker_is_no_short_form():
    text = "Velmara Pharma, Inc. (NASDAQ: VLMR) announced that YH-001, a BTK inhibitor, received Fast Track designation."
    assert developers(text, "YH-001") == {"Velmara Pharma, Inc."}
    assert not any(o == "VLMR" for _, o in org_names(text))
