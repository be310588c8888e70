"""The HTML brief in a real browser: the table's script sorts and filters, and nothing overflows.

Drives Debian's chromium through chromedriver with Selenium, offline (file://
pages, no network). Skips with the reason when selenium, chromium or
chromedriver is missing; `.ci/run` installs them.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import PROJECTS, ROOT

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"


def _missing() -> str | None:
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed (pip install -e '.[test]')"
    for exe in (CHROMIUM, CHROMEDRIVER):
        if not Path(exe).exists():
            return f"{exe} not found (apt-get install chromium chromium-driver)"
    return None


pytestmark = pytest.mark.skipif(_missing() is not None, reason=_missing() or "")


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    from reportgen.build import build

    root = tmp_path_factory.mktemp("browser") / "project"
    shutil.copytree(PROJECTS / "pipeline", root)
    build(root, formats=("html",))
    return root / "out"


@pytest.fixture(scope="module")
def bundled(tmp_path_factory) -> Path:
    """The bundled BCMA brief: the widest table the project ships (it was clipped at 1280 px)."""
    from reportgen.build import build

    root = tmp_path_factory.mktemp("browser-bundled") / "project"
    shutil.copytree(ROOT / "landscapes", root / "landscapes")
    build(root, names=["bcma-therapies"], formats=("html",))
    return root / "out" / "bcma-therapies.html"


@pytest.fixture(scope="module")
def driver(tmp_path_factory):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run",
                 f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}"):
        opts.add_argument(flag)
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    try:
        d = webdriver.Chrome(service=Service(CHROMEDRIVER), options=opts)
    except Exception as exc:  # a browser that cannot start here is an environment problem, said plainly
        pytest.skip(f"chromium did not start: {exc}")
    yield d
    d.quit()


def _errors(driver) -> list[str]:
    return [e["message"] for e in driver.get_log("browser") if e.get("level") in ("SEVERE", "ERROR")]


def _first_column(driver) -> list[str]:
    return driver.execute_script(
        "return Array.from(document.querySelectorAll('#comparison-table tbody tr'))"
        ".filter(r => !r.hidden).map(r => r.cells[0].textContent.trim());")


def _open(driver, page: Path, width: int):
    driver.set_window_size(width, 900)
    driver.get(page.as_uri())
    driver.get_log("browser")  # start each page with an empty log


def test_table_sorts_and_filters_without_console_errors(built, driver):
    from selenium.webdriver.common.by import By

    page = built / "pipeline-test.html"
    _open(driver, page, 1280)
    names = _first_column(driver)
    assert len(names) >= 3
    header = driver.find_element(By.CSS_SELECTOR, "#comparison-table thead th.col-name button.sort")
    header.click()
    ascending = _first_column(driver)
    assert ascending == sorted(names, key=str.casefold) or ascending == sorted(names)
    header.click()
    assert _first_column(driver) == list(reversed(ascending))
    th = driver.find_element(By.CSS_SELECTOR, "#comparison-table thead th.col-name")
    assert th.get_attribute("aria-sort") == "descending"

    box = driver.find_element(By.CSS_SELECTOR, "input.table-filter")
    target_word = ascending[0].split()[0]
    box.send_keys(target_word)
    visible = _first_column(driver)
    assert visible and len(visible) < len(names)
    # every visible row contains the word; every hidden row does not
    hidden_with_word = driver.execute_script(
        "const q = arguments[0].toLowerCase();"
        "return Array.from(document.querySelectorAll('#comparison-table tbody tr'))"
        ".filter(r => r.hidden && r.textContent.toLowerCase().includes(q)).length;", target_word)
    assert hidden_with_word == 0
    box.clear()
    box.send_keys("zzzz-no-such-word")
    assert _first_column(driver) == []
    assert _errors(driver) == []


@pytest.mark.parametrize("which", ["test-project", "bundled"])
@pytest.mark.parametrize("width", [1280, 390])
def test_no_horizontal_overflow(built, bundled, driver, width, which, tmp_path):
    page = built / "pipeline-test.html" if which == "test-project" else bundled
    _open(driver, page, width)
    driver.save_screenshot(str(tmp_path / f"brief-{width}.png"))
    assert (tmp_path / f"brief-{width}.png").stat().st_size > 1000
    inner, scroll = driver.execute_script("return [window.innerWidth, document.documentElement.scrollWidth];")
    assert scroll <= inner, f"page scrolls sideways at {width} px ({scroll} > {inner})"
    # the table fits its container, or scrolls inside it (never clipped, never the page)
    fits = driver.execute_script(
        "return Array.from(document.querySelectorAll('.table-wrap')).map(w => {"
        " const t = w.querySelector('table'); const s = getComputedStyle(w).overflowX;"
        " return t.getBoundingClientRect().width <= w.clientWidth + 1 || s === 'auto' || s === 'scroll'; });")
    assert fits and all(fits)
    # at desktop width every column of the table is visible without scrolling
    if width >= 1280:
        clipped = driver.execute_script(
            "const w = document.querySelector('#comparison .table-wrap');"
            "return w.scrollWidth > w.clientWidth + 1;")
        assert not clipped, "the comparison table is clipped at 1280 px"
    # chart text stays readable: rendered font size of SVG text at least 7 px on a phone
    smallest = driver.execute_script(
        "let m = 1e9; document.querySelectorAll('.chart svg').forEach(svg => {"
        " const vb = svg.viewBox.baseVal; if (!vb || !vb.width) return;"
        " const scale = svg.getBoundingClientRect().width / vb.width;"
        " svg.querySelectorAll('text').forEach(t => {"
        "  const fs = parseFloat(t.getAttribute('font-size') || getComputedStyle(t).fontSize);"
        "  m = Math.min(m, fs * scale); }); }); return m;")
    assert smallest >= 7, f"chart text is {smallest:.1f} px at {width} px"
    assert _errors(driver) == []
