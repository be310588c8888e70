import csv
import io

from openpyxl import load_workbook

from reportgen.brief import Brief, Cell, Column, Reference, Row, Value
from reportgen.export import to_csv, to_xlsx


def brief() -> Brief:
    return Brief(
        id="t", title="T", subtitle=None, as_of="2025-01-02", source_count=1, rows_kind="assets",
        sections=("table",), columns=(Column(key="name", label="Asset"), Column(key="efficacy", label="Efficacy")),
        rows=(Row(anchor="e-x", name="ZT-101", cells=(
            Cell(column="name", values=(Value(text="ZT-101", cites=()),)),
            Cell(column="efficacy", values=(Value(text="=HYPERLINK(\"http://x\")", cites=(1,), curated=True),)),
        )),),
        comparators=(Row(anchor="e-y", name="QB-7", cells=(
            Cell(column="name", values=(Value(text="QB-7", cites=()),)), Cell(column="efficacy", values=()))),),
        summary=(), notes=(), profiles=(), guidelines=(),
        references=(Reference(number=1, doc="a.txt", title="A", publisher=None, date=None, url=None,
                              quote="ORR was 88%.", start=3, end=15, curated=True),),
        skipped=(),
    )


def test_csv_has_citations_column_and_roles():
    rows = list(csv.reader(io.StringIO(to_csv(brief()).decode("utf-8-sig"))))
    assert rows[0] == ["Asset", "Efficacy", "Role", "Citations"]
    assert rows[1][0] == "ZT-101" and rows[1][2] == "in scope"
    assert rows[1][3] == "[1] a.txt (3-15): ORR was 88%."
    assert rows[2][:3] == ["QB-7", "not reported", "comparator"]
    assert rows[1][1].startswith("'=")  # a spreadsheet shows it, never runs it


def test_xlsx_sheets_and_no_formulas():
    wb = load_workbook(io.BytesIO(to_xlsx(brief())))
    assert wb.sheetnames == ["Comparison", "Sources"]
    value = wb["Comparison"]["B2"].value
    assert value.startswith("'=") and "(analyst)" in value and "[1]" in value
    assert wb["Sources"]["I2"].value == "ORR was 88%."


def test_xlsx_is_byte_identical_for_the_same_brief():
    assert to_xlsx(brief()) == to_xlsx(brief())
