"""Helpers for the hostile tests: run the real CLI in-process, snapshot outputs, check links."""

from __future__ import annotations

import contextlib
import io
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit


def cli(*args: str) -> tuple[int, str]:
    """Run `reportgen ARGS` through its real entry point: (exit code, stderr)."""
    from reportgen.cli import main

    err = io.StringIO()
    argv = sys.argv
    sys.argv = ["reportgen", *args]
    code = 0
    try:
        with contextlib.redirect_stderr(err), contextlib.redirect_stdout(io.StringIO()):
            main()
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 1
    finally:
        sys.argv = argv
    return code, err.getvalue()


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and ".cache" not in p.parts and p.name != ".lock"}


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs: list[str] = []
        self.ids: set[str] = set()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append((tag, attrs))
        if attrs.get("href") is not None:
            self.hrefs.append(attrs["href"])
        if attrs.get("id"):
            self.ids.add(attrs["id"])


def parse_html(path: Path) -> _Links:
    parser = _Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def broken_links(page: Path) -> list[str]:
    """Every relative href of `page` that does not lead to an existing file (and anchor)."""
    broken = []
    for href in parse_html(page).hrefs:
        parts = urlsplit(href)
        if parts.scheme or href.startswith("#"):
            continue
        target = (page.parent / unquote(parts.path)).resolve()
        if not target.is_file():
            broken.append(href)
        elif parts.fragment and target.suffix == ".html" and unquote(parts.fragment) not in parse_html(target).ids:
            broken.append(href)
    return broken
