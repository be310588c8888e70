"""The rendered HTML of the basic project, compared with files a human has reviewed.

Each golden page holds the HTML the templates produce; the stylesheet and the
table script every page inlines are replaced by a marker naming their hash, and
are checked once, in `golden/shared-assets.txt`. A change to the CSS then shows
as one diff, not one per page, and a page diff shows only the page.

After an intended change, regenerate with `pytest tests/test_golden.py --update-golden`,
open the built pages in a browser, and review the diff before committing.
"""

import difflib
import hashlib
import re

from conftest import GOLDEN
from reportgen.build import build

NAMES = ["basic-bcma.html", "basic-orgs.html", "index.html"]
SHARED = "shared-assets.txt"
_BLOCK = re.compile(r"(<(style|script)\b[^>]*>)(.*?)(</\2>)", re.S)


def split_assets(html: str) -> tuple[str, dict[str, str]]:
    """The page with every inline <style>/<script> body replaced by its hash, and the bodies by hash."""
    assets: dict[str, str] = {}

    def marker(m: re.Match) -> str:
        body = m.group(3)
        digest = hashlib.sha256(body.encode("utf-8")).hexdigest()[:16]
        assets[f"{m.group(2)} {digest}"] = body
        return f"{m.group(1)}[{m.group(2)} sha256:{digest}, see golden/{SHARED}]{m.group(4)}"

    return _BLOCK.sub(marker, html), assets


def _compare(name: str, expected: str, actual: str) -> None:
    if actual != expected:
        diff = "".join(difflib.unified_diff(expected.splitlines(True), actual.splitlines(True),
                                            f"golden/{name}", f"built/{name}", n=2))
        raise AssertionError(f"{name} differs from its golden file:\n{diff[:6000]}")


def test_basic_project_html_matches_golden(basic_project, update_golden):
    build(basic_project, formats=("html",))
    shared: dict[str, str] = {}
    for name in NAMES:
        page, assets = split_assets((basic_project / "out" / name).read_text(encoding="utf-8"))
        shared.update(assets)
        golden = GOLDEN / name
        if update_golden:
            golden.parent.mkdir(parents=True, exist_ok=True)
            golden.write_text(page, encoding="utf-8")
            continue
        _compare(name, golden.read_text(encoding="utf-8"), page)
    text = "".join(f"===== {key} =====\n{shared[key]}\n" for key in sorted(shared))
    if update_golden:
        (GOLDEN / SHARED).write_text(text, encoding="utf-8")
        return
    _compare(SHARED, (GOLDEN / SHARED).read_text(encoding="utf-8"), text)


def test_split_assets_replaces_blocks_by_their_hash():
    page, assets = split_assets("<p>x</p><style>a{}</style><script>var a;</script>")
    assert "a{}" not in page and "var a;" not in page
    assert sorted(k.split()[0] for k in assets) == ["script", "style"]
    assert split_assets("<style>a{}</style>")[0] == split_assets("<style>a{}</style>")[0]
    assert split_assets("<style>a{}</style>")[0] != split_assets("<style>b{}</style>")[0]
