"""The output layer's registry: one `Writer` per format, looked up by name.

A format is one module in `reportgen/output/` that defines `WRITER`; the build
and the CLI only ever ask this registry, so adding a format touches nothing
else.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

from reportgen.errors import ReportgenError


@dataclass(frozen=True)
class OutputContext:
    """What a writer may need besides the brief: the Jinja environment, the project, the output folder."""

    env: Any            # jinja2.Environment (HTML and PDF writers render templates)
    root: Path          # the project folder (the PDF renderer serves files from it only)
    out_dir: Path


@runtime_checkable
class Writer(Protocol):
    name: str            # what `--format` says
    suffix: str          # file name ending, with the dot: out/<id><suffix>
    description: str     # one line for `build --help`
    default: bool        # written when `--format` is not given

    def write(self, brief, facts, context: OutputContext) -> bytes: ...


class UnknownFormat(ReportgenError):
    pass


_WRITERS: dict[str, Writer] = {}


def register(writer: Writer) -> Writer:
    """Add a writer; a second writer with the same name is a programming error."""
    if writer.name in _WRITERS and _WRITERS[writer.name] is not writer:
        raise ValueError(f"two writers for format {writer.name!r}")
    _WRITERS[writer.name] = writer
    return writer


def writers() -> list[Writer]:
    _discover()
    return list(_WRITERS.values())


def format_names() -> tuple[str, ...]:
    return tuple(w.name for w in writers())


def default_formats() -> tuple[str, ...]:
    return tuple(w.name for w in writers() if w.default)


def get_writer(name: str) -> Writer:
    _discover()
    try:
        return _WRITERS[name]
    except KeyError:
        raise UnknownFormat(f"unknown format {name!r}; valid formats: {', '.join(format_names())}") from None


def parse_formats(text: str) -> tuple[str, ...]:
    """`html,pdf` -> ("html", "pdf"), every name checked against the registry, duplicates dropped."""
    chosen = tuple(dict.fromkeys(f.strip().lower() for f in text.split(",") if f.strip()))
    bad = [f for f in chosen if f not in format_names()]
    if bad or not chosen:
        raise UnknownFormat(f"unknown format {', '.join(repr(b) for b in bad) or '(none given)'}; "
                            f"valid formats: {', '.join(format_names())}")
    return chosen


def output_path(out_dir: Path, brief_id: str, fmt: str) -> Path:
    return out_dir / f"{brief_id}{get_writer(fmt).suffix}"


_discovered = False


def _discover() -> None:
    """Import every module of reportgen.output once, so each registers its writer."""
    global _discovered
    if _discovered:
        return
    _discovered = True
    import importlib
    import pkgutil

    import reportgen.output as package

    importlib.import_module("reportgen.output.builtin")  # html, pdf, csv, xlsx first, in that order
    for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda m: m.name):
        if info.name not in ("registry", "builtin") and not info.name.startswith("_"):
            module = importlib.import_module(f"reportgen.output.{info.name}")
            if hasattr(module, "WRITER"):
                register(module.WRITER)
