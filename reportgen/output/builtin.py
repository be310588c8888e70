"""The four original formats as registry writers, wrapping render.py and export.py unchanged."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from reportgen.output.registry import OutputContext, register


@dataclass(frozen=True)
class FunctionWriter:
    """A writer made of a name, a suffix and a function: the shape most formats need."""

    name: str
    suffix: str
    description: str
    function: Callable[..., bytes]
    default: bool = True

    def write(self, brief, facts, context: OutputContext) -> bytes:
        return self.function(brief, facts, context)


def _html(brief, facts, context: OutputContext) -> bytes:
    from reportgen.render import render_html

    return render_html(brief, context.env).encode("utf-8")


def _pdf(brief, facts, context: OutputContext) -> bytes:
    from reportgen.pdf_parts import write_pdf  # a long brief is laid out in parts (one process here)

    return write_pdf(brief, facts, context)


def _csv(brief, facts, context: OutputContext) -> bytes:
    from reportgen.export import to_csv

    return to_csv(brief)


def _xlsx(brief, facts, context: OutputContext) -> bytes:
    from reportgen.export import to_xlsx

    return to_xlsx(brief)


HTML = register(FunctionWriter("html", ".html", "self-contained web page", _html))
PDF = register(FunctionWriter("pdf", ".pdf", "A4 report with the facts attached", _pdf))
CSV = register(FunctionWriter("csv", ".csv", "comparison table", _csv))
XLSX = register(FunctionWriter("xlsx", ".xlsx", "comparison table and sources workbook", _xlsx))
