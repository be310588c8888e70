"""Exports under hostile text: no formula runs, no control character crashes a build, no date overflows."""

import csv
import io

import pytest
from openpyxl import load_workbook

from reportgen.brief import Cell, Measure, Reference, Row, Value
from reportgen.export import safe_text, to_csv, to_xlsx
from test_export import brief

STARTS = ["=", "+", "-", "@", "\t", "\r"]


@pytest.mark.parametrize("start", STARTS)
def test_safe_text_quotes_every_formula_start(start):
    assert safe_text(start + "HYPERLINK(\"http://x\")").startswith("'")


def test_safe_text_removes_control_characters():
    assert safe_text("a\x1bb\x0bc\x07d\x00e\x7f") == "a b c d e "
    assert safe_text("line\nnext") == "line\nnext"


def _hostile(text: str):
    ref = Reference(number=1, doc=text + ".txt", title=text, publisher=text, date=text, url=text,
                    quote=text, start=0, end=1, curated=False)
    row = Row(anchor="e-x", name=text, cells=(
        Cell(column="name", values=(Value(text=text, cites=()),)),
        Cell(column="target", values=(Value(text=text, cites=(1,)),)),
        Cell(column="efficacy", values=(Value(text=text, cites=(1,)),))))
    m = Measure(asset=text, role="in scope", kind="efficacy", endpoint=text, grade=text, value=1.0, unit=text,
                population=text, cites=(1,))
    return brief(title=text, rows=(row,), comparators=(), references=(ref,), measures=(m,))


@pytest.mark.parametrize("text", [f"{s}cmd|' /C calc'!A0" for s in STARTS] + ["=1+1\x1b[31m\x0b\x07"])
def test_every_text_cell_of_every_export_is_guarded(text):
    wb = load_workbook(io.BytesIO(to_xlsx(_hostile(text))))
    for ws in wb.worksheets:
        for row in ws.iter_rows(min_row=2):
            for cell in row:
                if isinstance(cell.value, str):
                    assert cell.value[:1] not in ("=", "+", "-", "@", "\t", "\r"), (ws.title, cell.coordinate)
                    assert "\x1b" not in cell.value and "\x0b" not in cell.value
                    assert cell.data_type != "f"
    for line in csv.reader(io.StringIO(to_csv(_hostile(text)).decode("utf-8-sig"))):
        for value in line:
            assert value[:1] not in ("=", "+", "-", "@", "\t", "\r")


def test_far_future_as_of_does_not_overflow():
    data = to_xlsx(brief(as_of="9999-12-31"))
    assert load_workbook(io.BytesIO(data))["Comparison"]["A2"].value == "ZT-101"
    assert to_xlsx(brief(as_of="0001-01-01")) and to_xlsx(brief(as_of="undated"))
