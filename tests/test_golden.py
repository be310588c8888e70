"""The rendered HTML of the basic project, compared with files a human has reviewed.

After an intended change, regenerate with `pytest tests/test_golden.py --update-golden`,
open the files in tests/golden/ in a browser, and review the diff before committing.
"""

import difflib

from conftest import GOLDEN
from reportgen.build import build

NAMES = ["basic-bcma.html", "basic-orgs.html", "index.html"]


def test_basic_project_html_matches_golden(basic_project, update_golden):
    build(basic_project, formats=("html",))
    for name in NAMES:
        actual = (basic_project / "out" / name).read_text(encoding="utf-8")
        golden = GOLDEN / name
        if update_golden:
            golden.parent.mkdir(parents=True, exist_ok=True)
            golden.write_text(actual, encoding="utf-8")
            continue
        expected = golden.read_text(encoding="utf-8")
        if actual != expected:
            diff = "".join(difflib.unified_diff(expected.splitlines(True), actual.splitlines(True),
                                                f"golden/{name}", f"built/{name}", n=2))
            raise AssertionError(f"{name} differs from its golden file:\n{diff[:6000]}")
