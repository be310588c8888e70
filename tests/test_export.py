"""CSV and XLSX exports: clean values, blank when not reported, sources in their own columns and sheet."""

import csv
import datetime as dt
import io

from openpyxl import load_workbook

from reportgen.brief import Brief, Cell, Column, Measure, Reference, Row, Value
from reportgen.export import to_csv, to_xlsx


def brief(**changes) -> Brief:
    data = dict(
        id="t", title="T", subtitle=None, as_of="2025-01-02", source_count=1, rows_kind="assets",
        sections=("table",), columns=(Column(key="name", label="Asset"), Column(key="target", label="Target"),
                                      Column(key="efficacy", label="Efficacy")),
        rows=(Row(anchor="e-x", name="ZT-101", cells=(
            Cell(column="name", values=(Value(text="ZT-101", cites=()),)),
            Cell(column="target", values=(Value(text="BCMA", cites=(1, 2)),)),
            Cell(column="efficacy", values=(Value(text="ORR 88% (40 evaluable patients)", cites=(1,), curated=True),
                                            Value(text="CR 50%", cites=(2,), conflict=True))),
        )),),
        comparators=(Row(anchor="e-y", name="QB-7", cells=(
            Cell(column="name", values=(Value(text="QB-7", cites=()),)), Cell(column="target", values=()),
            Cell(column="efficacy", values=()))),),
        summary=(), notes=(), profiles=(), guidelines=(),
        references=(Reference(number=1, doc="a.txt", title="Zorbatec Receives BTD", publisher="PRNewswire",
                              date="2025-03-03", url="https://example.com/a", quote="ORR was 88%.", start=3, end=15,
                              curated=True),
                    Reference(number=2, doc="b.txt", title="Second", publisher=None, date=None, url=None,
                              quote="CR was 50%.", start=0, end=11, curated=False)),
        skipped=(),
        measures=(Measure(asset="ZT-101", role="in scope", kind="efficacy", endpoint="ORR", grade=None, value=88.0,
                          unit="%", population="40 evaluable patients", cites=(1,)),
                  Measure(asset="ZT-101", role="in scope", kind="safety", endpoint="CRS", grade=">=3", value=5.0,
                          unit="%", population=None, cites=(2,))),
    )
    data.update(changes)
    return Brief(**data)


def csv_rows(b: Brief) -> list[list[str]]:
    return list(csv.reader(io.StringIO(to_csv(b).decode("utf-8-sig"))))


def test_csv_one_clean_value_per_cell_and_sources_in_own_columns():
    rows = csv_rows(brief())
    assert rows[0] == ["Asset", "Target", "Efficacy", "Role", "Flags", "Source numbers", "Sources"]
    assert rows[1][:4] == ["ZT-101", "BCMA", "ORR 88% (40 evaluable patients); CR 50%", "in scope"]
    assert "[" not in rows[1][1] and "(analyst)" not in rows[1][2]
    assert rows[1][4] == "added by an analyst: Efficacy; sources disagree: Efficacy"
    assert rows[1][5] == "1; 2"
    sources = rows[1][6].splitlines()
    assert sources[0] == "[1] Zorbatec Receives BTD, PRNewswire, 2025-03-03 https://example.com/a: “ORR was 88%.”"
    assert sources[1] == "[2] Second: “CR was 50%.”"
    assert ".txt" not in rows[1][6]  # a title, not a file name with offsets


def test_not_reported_is_blank():
    rows = csv_rows(brief())
    assert rows[2][:4] == ["QB-7", "", "", "comparator"]
    assert "not reported" not in to_csv(brief()).decode("utf-8-sig")


def test_xlsx_sheets_autofilter_widths_and_real_dates():
    wb = load_workbook(io.BytesIO(to_xlsx(brief())))
    assert wb.sheetnames == ["Comparison", "Efficacy and safety", "Sources"]
    comp = wb["Comparison"]
    assert comp["B2"].value == "BCMA" and comp["B3"].value is None
    # sources by the brief's reference numbers; their text lives on the Sources sheet
    assert [c.value for c in comp[1]] == ["Asset", "Target", "Efficacy", "Role", "Flags", "Source numbers"]
    assert comp["F2"].value == "1; 2"
    assert comp.auto_filter.ref == "A1:F3"
    assert comp.freeze_panes == "B2"
    assert 8 <= comp.column_dimensions["A"].width <= 48
    src = wb["Sources"]
    assert [c.value for c in src[1]][:6] == ["#", "Title", "Publisher", "Date", "URL", "Quote"]
    assert src["D2"].value == dt.datetime(2025, 3, 3) and src["D2"].number_format == "yyyy-mm-dd"
    assert src["D3"].value is None and src["F2"].value == "ORR was 88%."
    assert src.auto_filter.ref


def test_efficacy_and_safety_long_form_with_numbers():
    ws = load_workbook(io.BytesIO(to_xlsx(brief())))["Efficacy and safety"]
    rows = [[c.value for c in r] for r in ws.iter_rows()]
    assert rows[0][:8] == ["Asset", "Role", "Kind", "Endpoint or event", "Grade", "Value", "Unit", "Population"]
    assert rows[1][:8] == ["ZT-101", "in scope", "efficacy", "ORR", None, 88, "%", "40 evaluable patients"]
    assert rows[2][2:6] == ["safety", "CRS", ">=3", 5]
    assert rows[0][8:] == ["Source numbers", "Source title", "Publisher", "Date", "URL"]
    assert rows[1][8:] == ["1", "Zorbatec Receives BTD", "PRNewswire", dt.datetime(2025, 3, 3), "https://example.com/a"]
    assert ws["L2"].number_format == "yyyy-mm-dd"
    assert rows[2][8:] == ["2", "Second", None, None, None]  # an undated source without publisher: blank, not "None"
    assert ws.auto_filter.ref == "A1:M3"


def test_a_figure_with_several_sources_names_the_newest_first():
    refs = (Reference(number=1, doc="a.txt", title="Old", publisher="Wire", date="2024-01-05", url=None,
                      quote="ORR 88%.", start=0, end=8, curated=False),
            Reference(number=2, doc="b.txt", title="New", publisher="Journal", date="2025-06-30", url="https://example.org/b",
                      quote="ORR 88%.", start=0, end=8, curated=False))
    measure = Measure(asset="ZT-101", role="in scope", kind="efficacy", endpoint="ORR", grade=None, value=88.0,
                      unit="%", population=None, cites=(1, 2))
    ws = load_workbook(io.BytesIO(to_xlsx(brief(references=refs, measures=(measure,)))))["Efficacy and safety"]
    row = [c.value for c in ws[2]]
    assert row[8:] == ["2; 1", "New", "Journal", dt.datetime(2025, 6, 30), "https://example.org/b"]


def test_xlsx_is_byte_identical_for_the_same_brief():
    assert to_xlsx(brief()) == to_xlsx(brief())
    assert to_csv(brief()) == to_csv(brief())
