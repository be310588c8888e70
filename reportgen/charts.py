"""Hand-built inline SVG charts for briefs (stdlib, pydantic and the fact vocabulary only).

Each chart function returns a frozen `Chart` (or None when there is nothing to
draw): a complete `<svg>` element (role="img", `<title>` + `<desc>` named by
aria-labelledby, a viewBox about 640 wide, width="100%" and no pixel size), a
plain-text `alt` with one sentence per data point, and `header` + `rows`
holding the same data as a small table.  The caller shows `Chart.title` as the
figure caption; the SVG does not draw it again.

Rules every chart follows:

* Every string that comes from data is XML-escaped (`_esc`), including quotes,
  and characters that XML 1.0 forbids are dropped: sources are untrusted web
  text.
* Output is deterministic: coordinates are rounded to one decimal, inputs are
  sorted in the order documented on each function, ids come from the chart id
  (never random).
* Every number drawn is followed by its citation numbers, e.g. "96% [3,4]"
  (runs of three or more are compressed to "[1–4]" in the SVG only; `alt` and
  `rows` always list every number).
* Text is DejaVu Sans / Arial, at least 9 px in a 640-wide viewBox, so it stays
  readable when the chart is printed about 17 cm wide.  Layout uses
  `svg_text_width`, and long labels are cut with "…" (the full text stays in
  `alt` and `rows`).
* Colours come from small fixed palettes whose lightness steps apart, so they
  still separate when printed in greyscale; a legend is drawn whenever colour
  or marker shape carries meaning.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from datetime import date
from typing import Iterable, Sequence
from xml.sax.saxutils import escape

from pydantic import BaseModel, ConfigDict, Field, field_validator

from reportgen.vocab import STAGE_RANK, STAGES, endpoint_key

__all__ = [
    "Chart", "StagePoint", "TimelineEvent", "EfficacyPoint", "MatrixCell", "PipelineBar", "CountItem",
    "stage_chart", "pipeline_chart", "count_chart", "timeline_chart", "efficacy_chart", "efficacy_charts", "matrix_chart",
    "svg_text_width", "truncate", "normalise_stage", "normalise_endpoint",
    "STAGES", "FONT_FAMILY", "WIDTH",
]

WIDTH = 640
FONT_FAMILY = "DejaVu Sans, Arial, sans-serif"
FONT = 10        # labels
SMALL = 9        # ticks, citations, event labels (never below 9)
INK = "#222222"
MUTED = "#555555"
GRID = "#d0d0d0"
AXIS = "#777777"

UNKNOWN = "unknown"

# Categorical palette for modalities.  The first five step through lightness
# (CIE L* about 22, 38, 52, 68, 86) so they stay apart when printed in
# greyscale; the last three only add hue, for landscapes with more modalities.
CATEGORICAL = ("#1d3557", "#9b3b2c", "#2f8a7c", "#e8912d", "#f6d55c",
               "#6b4c9a", "#6fb06f", "#9ecae1")
UNKNOWN_FILL = "#ffffff"  # drawn with a dashed grey outline, in bars, cells and legends
DASHED = 'stroke="#8a8a8a" stroke-width="1" stroke-dasharray="3,2"'

# Sequential ramp for stages: light (early) -> dark (late).
STAGE_COLORS = {
    "preclinical": "#dbe8f5", "phase 1": "#bfd6ee", "phase 1/2": "#9cc1e4",
    "phase 2": "#76a8d6", "phase 2/3": "#5590c7", "phase 3": "#3572ad",
    "filed": "#1d5490", "approved": "#0b3264",
}
DARK_STAGES = {"phase 3", "filed", "approved"}  # white text on these

# Timeline event kinds: (legend label, fill colour, shape).
EVENT_KINDS = {
    "approval": ("Approval", "#1d3557", "diamond"),
    "filing": ("Filing", "#6b4c9a", "square"),
    "designation": ("Designation", "#9b3b2c", "triangle"),
    "ind clearance": ("IND clearance", "#2f8a7c", "circle"),
    "readout": ("Readout", "#e8912d", "triangle-down"),
    "other": ("Other", "#9a9a9a", "cross"),
}


# --------------------------------------------------------------------------
# Models

class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True)


def _cites(value: object) -> tuple[int, ...]:
    if value is None:
        return ()
    if isinstance(value, int):
        return (value,)
    return tuple(value)  # type: ignore[arg-type]


class Chart(_Frozen):
    id: str
    title: str
    svg: str
    alt: str
    header: list[str]
    rows: list[list[str]]
    # The PDF's version when `svg` is taller than a page (an image does not break across pages: WeasyPrint
    # drew the rest past the footer): the first rows that fit, and a note saying how many are shown.
    print_svg: str = ""
    print_note: str = ""


# The tallest chart a portrait page holds, in viewBox units: the chart is printed 46rem (about 154 mm) wide
# and a page has about 240 mm below a caption, i.e. 640 * 240 / 154; a little is kept for the note.
PRINT_MAX_HEIGHT = 940.0


def svg_height(svg: str) -> float:
    """The height of a chart's viewBox (its width is WIDTH)."""
    m = re.search(r'viewBox="0 0 [0-9.]+ ([0-9.]+)"', svg)
    return float(m.group(1)) if m else 0.0


def fit_for_print(draw, items, noun: str, **kwargs) -> Chart | None:
    """`draw(items, **kwargs)`, with a page-high `print_svg` when the chart is taller than a page.

    `draw` takes `max_height` and `counts` (it fills [shown, total]); the note
    says what is left out and where it still is.
    """
    chart = draw(items, **kwargs)
    if chart is None or svg_height(chart.svg) <= PRINT_MAX_HEIGHT:
        return chart
    counts: list[int] = []
    cut = draw(items, max_height=PRINT_MAX_HEIGHT, counts=counts, **kwargs)
    shown, total = counts
    note = (f"The first {shown} of {total} {noun}: the whole chart is taller than a page (the web page shows "
            f"it all). Every value is in the comparison table and the profiles.")
    return chart.model_copy(update={"print_svg": cut.svg, "print_note": note})


class StagePoint(_Frozen):
    asset: str
    stage: str
    modality: str | None = None
    cites: tuple[int, ...] = ()

    _c = field_validator("cites", mode="before")(_cites)


class TimelineEvent(_Frozen):
    asset: str
    date: str  # YYYY, YYYY-MM or YYYY-MM-DD
    label: str
    kind: str = "other"
    cites: tuple[int, ...] = ()

    _c = field_validator("cites", mode="before")(_cites)


class EfficacyPoint(_Frozen):
    asset: str
    endpoint: str
    value: float
    unit: str = "%"
    n: int | None = Field(default=None, ge=0)
    population: str | None = None
    cites: tuple[int, ...] = ()

    _c = field_validator("cites", mode="before")(_cites)


class PipelineBar(_Frozen):
    """One asset in one indication at the furthest stage reported for that indication."""

    asset: str
    indication: str                 # "indication not stated" where the source names none
    stage: str | None = None        # None: the indication is named, no stage for it is
    group: str | None = None        # the row group (modality)
    cites: tuple[int, ...] = ()

    _c = field_validator("cites", mode="before")(_cites)


class CountItem(_Frozen):
    """One member (an organization) in one category (a country, a focus), with the sentence that says so."""

    category: str
    member: str
    cites: tuple[int, ...] = ()

    _c = field_validator("cites", mode="before")(_cites)


class MatrixCell(_Frozen):
    target: str
    indication: str
    asset: str
    stage: str | None = None
    cites: tuple[int, ...] = ()

    _c = field_validator("cites", mode="before")(_cites)


# --------------------------------------------------------------------------
# Text helpers

_XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def _clean(text: object) -> str:
    """One-line text with characters XML 1.0 forbids removed."""
    return " ".join(_XML_BAD.sub("", str(text)).split())


def _esc(text: object) -> str:
    """Escape for both element content and double- or single-quoted attributes."""
    return escape(_clean(text), {'"': "&quot;", "'": "&#39;"})


# Advance widths of DejaVu Sans in em (Arial is narrower, so this errs wide).
_W = {}
for _chars, _w in (
    (" .,:;'|!ijlI", 0.30), ("ftr()[]-/\"", 0.40), ("sczJ", 0.53),
    ("abdeghknopquvxy0123456789$?#+=<>~_*^", 0.63), ("ABCDEFGHKLNOPQRSTUVXYZ&", 0.72),
    ("mwMW%@—…", 0.98),
):
    for _ch in _chars:
        _W[_ch] = _w


def _char_width(ch: str) -> float:
    if ch in _W:
        return _W[ch]
    if ord(ch) >= 0x2E80:  # CJK and other full-width scripts
        return 1.0
    return 0.66


def svg_text_width(text: str, size: float, bold: bool = False) -> float:
    """Approximate rendered width of `text` at font size `size` (user units).

    A per-character table of DejaVu Sans advance widths (about 0.6 em for an
    average lower-case letter; bold about 10% wider) so long labels do not run
    off the chart.
    """
    return sum(_char_width(ch) for ch in str(text)) * size * (1.1 if bold else 1.0)


def truncate(text: str, max_width: float, size: float, bold: bool = False) -> str:
    """`text` cut so it fits `max_width`, ending "…" (unchanged if it fits)."""
    text = _clean(text)
    if svg_text_width(text, size, bold) <= max_width:
        return text
    budget = max_width - svg_text_width("…", size, bold)
    out = ""
    bold_factor = 1.1 if bold else 1.0
    width = 0  # the running sum svg_text_width takes, one character at a time (not the prefix again per character)
    for ch in text:
        width += _char_width(ch)
        if width * size * bold_factor > budget:
            break
        out += ch
    out = out.rstrip(" ,;:-/(")
    return out + "…" if out else "…"


def _wrap(text: str, max_width: float, size: float, max_lines: int, bold: bool = False) -> list[str]:
    """Greedy word wrap into at most `max_lines` lines; the last one truncated."""
    words = _clean(text).split()
    lines: list[str] = []
    while words and len(lines) < max_lines:
        line = words.pop(0)
        while words and svg_text_width(line + " " + words[0], size, bold) <= max_width:
            line += " " + words.pop(0)
        if len(lines) == max_lines - 1 and words:
            line = line + " " + " ".join(words)
            words = []
        lines.append(truncate(line, max_width, size, bold))
    return lines or [""]


def _n(v: float) -> str:
    """A coordinate rounded to one decimal, without a trailing ".0"."""
    r = round(float(v) + 0.0, 1)
    if r == 0:
        return "0"
    return str(int(r)) if r == int(r) else f"{r:.1f}"


def _fmt_value(v: float) -> str:
    """A data value as printed: up to two decimals, no trailing zeros."""
    s = f"{float(v):.2f}".rstrip("0").rstrip(".")
    return "0" if s in ("-0", "") else s


def _cite_list(cites: Iterable[int]) -> list[int]:
    return sorted(set(int(c) for c in cites))


def cite_text(cites: Iterable[int]) -> str:
    """Every citation number: "[3,4,5]" (empty string when there are none)."""
    c = _cite_list(cites)
    return "[" + ",".join(str(x) for x in c) + "]" if c else ""


def _cite_short(cites: Iterable[int]) -> str:
    """Citations for the SVG, runs of three or more compressed: "[1–4,7]"."""
    c = _cite_list(cites)
    if not c:
        return ""
    parts, start, prev = [], c[0], c[0]
    for x in c[1:] + [None]:  # type: ignore[operator]
        if x is not None and x == prev + 1:
            prev = x
            continue
        parts.append(str(start) if start == prev else
                     f"{start},{prev}" if prev == start + 1 else f"{start}–{prev}")
        if x is not None:
            start = prev = x
    return "[" + ",".join(parts) + "]"


def _natural(text: str) -> tuple:
    """Sort key: case-insensitive, numbers by value ("T2" before "T10"), then exact text."""
    parts = re.split(r"(\d+)", _clean(text).casefold())
    return (tuple(int(p) if i % 2 else p for i, p in enumerate(parts)), _clean(text))


def _slug(text: str) -> str:
    s = re.sub(r"[^a-z0-9]+", "-", _clean(text).casefold()).strip("-")
    return s[:40].strip("-") or "x"


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


def _plural(k: int, word: str) -> str:
    return f"{k} {word}" if k == 1 else f"{k} {word}s"


# --------------------------------------------------------------------------
# SVG building blocks

def _text(x: float, y: float, text: str, *, size: float = FONT, anchor: str = "start",
          fill: str = INK, weight: str | None = None, cite: str = "", cite_fill: str = MUTED,
          extra: str = "") -> str:
    """A `<text>` element; `cite` becomes a smaller grey `<tspan>` suffix."""
    attrs = f'x="{_n(x)}" y="{_n(y)}"'
    if size != FONT:
        attrs += f' font-size="{_n(size)}"'
    if anchor != "start":
        attrs += f' text-anchor="{anchor}"'
    if fill != INK:
        attrs += f' fill="{fill}"'
    if weight:
        attrs += f' font-weight="{weight}"'
    if extra:
        attrs += " " + extra
    body = _esc(text)
    if cite:
        body += f'<tspan font-size="{SMALL}" fill="{cite_fill}"> {_esc(cite)}</tspan>'
    return f"<text {attrs}>{body}</text>"


def _labelled_width(text: str, size: float, cite: str, bold: bool = False) -> float:
    return svg_text_width(text, size, bold) + (svg_text_width(" " + cite, SMALL) if cite else 0)


def _rect(x: float, y: float, w: float, h: float, fill: str, extra: str = "") -> str:
    s = f'<rect x="{_n(x)}" y="{_n(y)}" width="{_n(max(w, 0))}" height="{_n(h)}" fill="{fill}"'
    return s + (f" {extra}" if extra else "") + "/>"


def _line(x1: float, y1: float, x2: float, y2: float, stroke: str = AXIS, extra: str = "") -> str:
    s = (f'<line x1="{_n(x1)}" y1="{_n(y1)}" x2="{_n(x2)}" y2="{_n(y2)}" stroke="{stroke}"'
         f' stroke-width="1"')
    return s + (f" {extra}" if extra else "") + "/>"


def _marker(shape: str, x: float, y: float, fill: str, r: float = 5.0) -> str:
    stroke = 'stroke="#ffffff" stroke-width="0.8"'
    if shape == "circle":
        return f'<circle cx="{_n(x)}" cy="{_n(y)}" r="{_n(r * 0.9)}" fill="{fill}" {stroke}/>'
    if shape == "square":
        s = r * 0.8
        return _rect(x - s, y - s, 2 * s, 2 * s, fill, stroke)
    if shape == "diamond":
        pts = [(x, y - r * 1.15), (x + r, y), (x, y + r * 1.15), (x - r, y)]
    elif shape == "triangle":
        pts = [(x, y - r), (x + r, y + r * 0.8), (x - r, y + r * 0.8)]
    elif shape == "triangle-down":
        pts = [(x, y + r), (x + r, y - r * 0.8), (x - r, y - r * 0.8)]
    else:  # cross
        d = r * 0.75
        return (f'<path d="M{_n(x - d)} {_n(y - d)}L{_n(x + d)} {_n(y + d)}M{_n(x - d)} {_n(y + d)}'
                f'L{_n(x + d)} {_n(y - d)}" stroke="{fill}" stroke-width="2" fill="none"/>')
    return f'<polygon points="{" ".join(f"{_n(a)},{_n(b)}" for a, b in pts)}" fill="{fill}" {stroke}/>'


def _legend(items: Sequence[tuple[str, str]], y: float, *, x0: float = 8, title: str = "") -> tuple[list[str], float]:
    """Flowing legend: items are (swatch svg made by a callable's output, label).

    `items` holds (kind, label) where kind is "fill:<colour>" for a square
    swatch or "marker:<shape>:<colour>" for a timeline marker.  Returns the
    parts and the y just below the legend.
    """
    parts: list[str] = []
    x = x0
    line_h = 16
    if title:
        parts.append(_text(x, y + 10, title, weight="bold"))
        x += svg_text_width(title, FONT, bold=True) + 10
    max_label = WIDTH - x0 - 8 - 18
    for kind, label in items:
        label = truncate(label, min(max_label, 200), FONT)
        w = 14 + 5 + svg_text_width(label, FONT) + 14
        if x + w - 14 > WIDTH - 8 and x > x0:
            x = x0
            y += line_h
        if kind.startswith("fill:"):
            colour = kind[5:]
            outline = DASHED if colour == UNKNOWN_FILL else 'stroke="#8a8a8a" stroke-width="0.5"'
            parts.append(_rect(x, y + 1, 12, 12, colour, outline))
        else:
            _, shape, colour = kind.split(":", 2)
            parts.append(_marker(shape, x + 6, y + 7, colour))
        parts.append(_text(x + 17, y + 11, label))
        x += w
    return parts, y + line_h + 4


def _svg(chart_id: str, title: str, alt: str, height: float, body: list[str]) -> str:
    cid = _esc(chart_id)
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" '
        f'aria-labelledby="{cid}-title {cid}-desc" viewBox="0 0 {WIDTH} {_n(math.ceil(height))}" '
        f'width="100%" preserveAspectRatio="xMinYMin meet" font-family="{FONT_FAMILY}" '
        f'font-size="{FONT}" fill="{INK}">'
        f'<title id="{cid}-title">{_esc(title)}</title><desc id="{cid}-desc">{_esc(alt)}</desc>'
        + "".join(body) + "</svg>"
    )


def _int_ticks(maxv: float) -> list[int]:
    """0..top with a 1/2/5×10^k step, at most 8 intervals."""
    maxv = max(1, math.ceil(maxv))
    k = 0
    while True:
        for m in (1, 2, 5):
            step = m * 10 ** k
            if math.ceil(maxv / step) <= 8:
                top = math.ceil(maxv / step) * step
                return list(range(0, top + 1, step))
        k += 1


def _nice_ticks(lo: float, hi: float, target: int = 5) -> list[float]:
    """Ticks covering [lo, hi] with a 1/2/2.5/5×10^k step."""
    if hi <= lo:
        hi = lo + 1
    raw = (hi - lo) / target
    mag = 10 ** math.floor(math.log10(raw))
    step = next(m * mag for m in (1, 2, 2.5, 5, 10) if m * mag >= raw)
    start = math.floor(lo / step + 1e-9) * step
    end = math.ceil(hi / step - 1e-9) * step
    n = int(round((end - start) / step))
    return [round(start + i * step, 10) for i in range(n + 1)]


# --------------------------------------------------------------------------
# Normalisation

_ROMAN = {"i": "1", "ii": "2", "iii": "3", "iv": "4"}


def normalise_stage(stage: str | None) -> str:
    """"Phase I/II" -> "phase 1/2", "Phase 1b" -> "phase 1"; unknown text kept (casefolded)."""
    if stage is None or not _clean(stage):
        return UNKNOWN
    t = _clean(stage).casefold().replace("–", "-").replace("pre-clinical", "preclinical")
    t = re.sub(r"\bphase\s*", "phase ", t)

    def roman(m: re.Match) -> str:
        return _ROMAN.get(m.group(1), m.group(1))
    t = re.sub(r"(?<=phase )(iv|iii|ii|i)\b", roman, t)
    t = re.sub(r"(?<=[/-])(iv|iii|ii|i)\b", roman, t)
    t = re.sub(r"phase (\d)[ab]?\s*[/-]\s*(?:phase )?(\d)[ab]?", r"phase \1/\2", t)
    t = re.sub(r"phase (\d)[ab]\b", r"phase \1", t)
    t = {"approval": "approved", "marketed": "approved", "filing": "filed",
         "registration": "filed", "pre-registration": "filed", "ind-enabling": "preclinical",
         "ind enabling": "preclinical"}.get(t, t)
    return t


def _stage_label(stage: str) -> str:
    return _cap(stage)


def normalise_endpoint(endpoint: str) -> str:
    """One key per endpoint however it is spelled (the endpoint lexicon's spellings, see `vocab.endpoint_key`)."""
    return endpoint_key(_clean(endpoint))


def _unit_key(unit: str) -> str:
    u = _clean(unit).casefold()
    return {"percent": "%", "pct": "%", "month": "months", "mo": "months"}.get(u, u)


# --------------------------------------------------------------------------
# 1. Stage chart

def stage_chart(points: list[StagePoint], *, chart_id: str = "chart-stage") -> Chart | None:
    """Horizontal stacked bars: assets per highest stage, segmented by modality.

    An asset (matched case-insensitively) listed more than once counts once, at
    its highest stage; its citations are merged.  Bars run top to bottom in
    development order; only stages that have assets get a bar (an empty row
    per unused stage would make a small landscape mostly blank rows, and the
    ladder order already shows where the gaps are).  Stage text outside the
    ladder gets its own bar after "approved", alphabetically.  Segments and
    the legend are ordered by modality count (descending), then name, with
    "unknown" last.  Each bar ends with its asset count and the citations of
    every asset in it.
    """
    if not points:
        return None
    best: dict[str, tuple[int, str, str, str, set[int]]] = {}
    for p in sorted(points, key=lambda p: (_natural(p.asset), p.stage, p.modality or "", p.cites)):
        key = _clean(p.asset).casefold()
        stage = normalise_stage(p.stage)
        rank = STAGE_RANK.get(stage, -1)
        modality = _clean(p.modality) if p.modality and _clean(p.modality) else UNKNOWN
        if key not in best:
            best[key] = (rank, stage, modality, _clean(p.asset), set(p.cites))
            continue
        r0, s0, m0, name, cites = best[key]
        cites |= set(p.cites)
        if rank > r0:
            r0, s0 = rank, stage
        if m0 == UNKNOWN and modality != UNKNOWN:
            m0 = modality
        best[key] = (r0, s0, m0, name, cites)

    assets = [v for _, v in sorted(best.items())]
    shown: dict[str, str] = {}  # stage text outside the ladder keeps its first spelling
    for p in sorted(points, key=lambda p: _natural(p.stage)):
        shown.setdefault(normalise_stage(p.stage), _clean(p.stage))

    def stage_label(s: str) -> str:
        return _stage_label(s) if s in STAGE_RANK or s not in shown else shown[s]

    stages_present = {a[1] for a in assets}
    order = [s for s in STAGES if s in stages_present] + sorted(s for s in stages_present if s not in STAGE_RANK)
    mod_count = Counter(a[2] for a in assets)
    modalities = sorted(mod_count, key=lambda m: (m == UNKNOWN, -mod_count[m], m.casefold()))
    colours = {m: (UNKNOWN_FILL if m == UNKNOWN else CATEGORICAL[i % len(CATEGORICAL)])
               for i, m in enumerate(x for x in modalities if x != UNKNOWN)}
    colours.setdefault(UNKNOWN, UNKNOWN_FILL)

    by_stage: dict[str, list[tuple[int, str, str, str, set[int]]]] = defaultdict(list)
    for a in assets:
        by_stage[a[1]].append(a)
    for s in by_stage:
        by_stage[s].sort(key=lambda a: (modalities.index(a[2]), _natural(a[3])))

    title = "Assets by highest stage and modality"
    header = ["Highest stage", "Modality", "Asset", "Citations"]
    rows: list[list[str]] = []
    sentences = [f"Horizontal stacked bar chart of {_plural(len(assets), 'asset')} by highest "
                 f"development stage, with one segment per modality."]
    for s in order:
        group = by_stage[s]
        listed = "; ".join(f"{a[3]} ({a[2]} modality){' ' + cite_text(a[4]) if a[4] else ''}" for a in group)
        sentences.append(f"{stage_label(s)}: {_plural(len(group), 'asset')}: {listed}.")
        for a in group:
            rows.append([stage_label(s), a[2], a[3], cite_text(a[4])])
    alt = " ".join(sentences)

    # Layout.
    body: list[str] = []
    legend_items = [(f"fill:{colours[m]}", m) for m in modalities]
    parts, y = _legend(legend_items, 6, title="Modality:")
    body += parts
    labels = {s: truncate(stage_label(s), 130, FONT) for s in order}
    left = 10 + max(svg_text_width(t, FONT) for t in labels.values()) + 10
    left = max(left, 10 + svg_text_width("Highest stage", FONT, bold=True) + 6)
    ends = {s: (str(len(by_stage[s])),
                _cite_short(set().union(*(a[4] for a in by_stage[s]))))
            for s in order}
    ends = {s: (t, c if svg_text_width(c, SMALL) <= 150 else truncate(c, 150, SMALL))
            for s, (t, c) in ends.items()}
    end_w = max(_labelled_width(t, FONT, c, bold=True) for t, c in ends.values())
    right = WIDTH - 12 - end_w - 6
    ticks = _int_ticks(max(len(g) for g in by_stage.values()))
    scale = (right - left) / ticks[-1]

    y += 4
    body.append(_text(10, y + 10, "Highest stage", weight="bold"))
    top = y + 18
    bar_h, gap = 20, 9
    plot_bottom = top + len(order) * (bar_h + gap) - gap + 6
    for t in ticks:
        x = left + t * scale
        body.append(_line(x, top - 4, x, plot_bottom, GRID if t else AXIS))
        body.append(_text(x, plot_bottom + 13, str(t), size=SMALL, anchor="middle", fill=MUTED))
    for i, s in enumerate(order):
        by = top + i * (bar_h + gap)
        body.append(_text(10, by + bar_h / 2 + 3.5, labels[s]))
        x = left
        for m in modalities:
            k = sum(1 for a in by_stage[s] if a[2] == m)
            if not k:
                continue
            if m == UNKNOWN:
                body.append(_rect(x + 1, by + 0.5, k * scale - 2, bar_h - 1, UNKNOWN_FILL, DASHED))
            else:
                body.append(_rect(x, by, k * scale, bar_h, colours[m], 'stroke="#ffffff" stroke-width="1"'))
            x += k * scale
        t, c = ends[s]
        body.append(_text(x + 5, by + bar_h / 2 + 3.5, t, weight="bold", cite=c))
    body.append(_text((left + right) / 2, plot_bottom + 28, "Number of assets", anchor="middle"))
    height = plot_bottom + 36
    return Chart(id=chart_id, title=title, svg=_svg(chart_id, title, alt, height, body),
                 alt=alt, header=header, rows=rows)


# --------------------------------------------------------------------------
# 1b. Pipeline chart

_PIPE_HEAD = {"preclinical": "Preclin.", "phase 1": "Ph 1", "phase 1/2": "Ph 1/2", "phase 2": "Ph 2",
              "phase 2/3": "Ph 2/3", "phase 3": "Ph 3", "filed": "Filed", "approved": "Approved"}
NO_STAGE = "stage not stated"


def pipeline_chart(bars: list[PipelineBar], *, chart_id: str = "chart-pipeline",
                   max_height: float | None = None, counts: list[int] | None = None) -> Chart | None:
    """The BD pipeline chart: one row per asset and indication, a bar to its furthest stage there.

    Rows are grouped by `group` (groups by size, then name, "unknown" last);
    within a group assets run furthest first, then by name; an asset's
    indications run furthest first.  The asset is named on its first row, the
    indication on every row.  A bar ends in the column of its stage; a row
    whose indication is named but has no stage stated draws no bar and says
    so.  Each bar is followed by its citations.  A pair listed twice keeps its
    furthest stage and all citations.  With `max_height`, assets that would
    end below it are left out (`counts` receives [shown, total] assets).
    """
    if not bars:
        return None
    merged: dict[tuple[str, str], list] = {}
    for b in sorted(bars, key=lambda b: (_natural(b.asset), _natural(b.indication), b.stage or "", b.cites)):
        key = (_clean(b.asset).casefold(), _clean(b.indication).casefold())
        stage = normalise_stage(b.stage) if b.stage else None
        if stage is not None and stage not in STAGE_RANK:
            stage = None
        group = _clean(b.group) if b.group and _clean(b.group) else UNKNOWN
        if key not in merged:
            merged[key] = [_clean(b.asset), _clean(b.indication), stage, group, set(b.cites)]
            continue
        m = merged[key]
        if stage is not None and (m[2] is None or STAGE_RANK[stage] > STAGE_RANK[m[2]]):
            m[2] = stage
        if m[3] == UNKNOWN:
            m[3] = group
        m[4] |= set(b.cites)
    rank = lambda st: STAGE_RANK.get(st, -1) if st else -1  # noqa: E731
    assets: dict[str, list] = defaultdict(list)
    for m in merged.values():
        assets[m[0].casefold()].append(m)
    # an asset's group is that of its first row (one modality per asset)
    group_of = {k: sorted(ms, key=lambda m: (m[3] == UNKNOWN, m[3]))[0][3] for k, ms in assets.items()}
    size = Counter(group_of.values())
    groups = sorted(size, key=lambda g: (g == UNKNOWN, -size[g], g.casefold()))
    ordered: list[tuple[str, list[list]]] = []
    for g in groups:
        keys = [k for k in assets if group_of[k] == g]
        keys.sort(key=lambda k: (-max(rank(m[2]) for m in assets[k]), _natural(assets[k][0][0])))
        for k in keys:
            ordered.append((g, sorted(assets[k], key=lambda m: (-rank(m[2]), _natural(m[1])))))

    title = "Pipeline: furthest stage by asset and indication"
    header = ["Group", "Asset", "Indication", "Furthest stage", "Citations"]
    rows: list[list[str]] = []
    sentences = [f"Pipeline chart of {_plural(len(ordered), 'asset')} in {_plural(len(merged), 'asset-indication pair')}"
                 f", one bar per pair to the furthest stage reported for that indication, grouped by modality."]
    for g, ms in ordered:
        for m in ms:
            st = _stage_label(m[2]) if m[2] else NO_STAGE
            rows.append([g, m[0], m[1], st, cite_text(m[4])])
            sentences.append(f"{m[0]} ({g}) in {m[1]}: {st.lower()}{' ' + cite_text(m[4]) if m[4] else ''}.")
    alt = " ".join(sentences)

    body: list[str] = []
    name_w, ind_w = 118, 128
    left = 8 + name_w + 6 + ind_w + 6
    cite_w = 44
    right = WIDTH - 8 - cite_w
    col = (right - left) / len(STAGES)
    top = 6
    for j, st in enumerate(STAGES):
        cx = left + (j + 0.5) * col
        body.append(_text(cx, top + 10, _PIPE_HEAD[st], size=SMALL, anchor="middle", weight="bold"))
    body.append(_text(8, top + 10, "Asset", size=SMALL, weight="bold"))
    body.append(_text(8 + name_w + 6, top + 10, "Indication", size=SMALL, weight="bold"))
    y = top + 18
    grid_top = y
    rows_svg: list[str] = []
    shown = 0
    for gi, (g, ms) in enumerate(ordered):
        y_before, n_before = y, len(rows_svg)
        if gi == 0 or ordered[gi - 1][0] != g:
            rows_svg.append(_rect(8, y, WIDTH - 16, 16, "#eef1f6"))
            rows_svg.append(_text(12, y + 11.5, truncate(_cap(g), WIDTH - 40, FONT, bold=True), weight="bold"))
            y += 18
        name_lines = _wrap(ms[0][0], name_w, FONT, 2, bold=True)
        for mi, m in enumerate(ms):
            ind_lines = _wrap(m[1], ind_w, SMALL, 2)
            n_lines = max(len(ind_lines), len(name_lines) if mi == 0 else 1)
            row_h = max(20, n_lines * 11 + 9)
            mid = y + row_h / 2
            if mi == 0:
                for li, line in enumerate(name_lines):
                    rows_svg.append(_text(8, mid + 3.5 + (li - (len(name_lines) - 1) / 2) * 11, line, weight="bold"))
            for li, line in enumerate(ind_lines):
                rows_svg.append(_text(8 + name_w + 6, mid + 3 + (li - (len(ind_lines) - 1) / 2) * 11, line,
                                      size=SMALL, fill=MUTED))
            cite = _cite_short(m[4])
            cite = cite if svg_text_width(cite, SMALL) <= cite_w - 4 else truncate(cite, cite_w - 4, SMALL)
            if m[2]:
                end = left + (STAGE_RANK[m[2]] + 1) * col
                rows_svg.append(_rect(left, mid - 6, end - left - 2, 12, STAGE_COLORS[m[2]],
                                      'stroke="#5b6b80" stroke-width="0.5"'))
                rows_svg.append(_text(end + 2, mid + 3.5, "", cite=cite) if cite else "")
            else:
                rows_svg.append(_text(left + 4, mid + 3.5, NO_STAGE, size=SMALL, fill=MUTED, cite=cite))
            y += row_h
            rows_svg.append(_line(8 + name_w + 6 if mi < len(ms) - 1 else 8, y, WIDTH - 8, y, GRID))
        if max_height is not None and y + 6 > max_height and shown:
            y, rows_svg = y_before, rows_svg[:n_before]
            break
        shown += 1
    if counts is not None:
        counts[:] = [shown, len(ordered)]
    for j in range(len(STAGES) + 1):
        x = left + j * col
        body.append(_line(x, grid_top, x, y, GRID))
    body += [r for r in rows_svg if r]
    height = y + 6
    return Chart(id=chart_id, title=title, svg=_svg(chart_id, title, alt, height, body),
                 alt=alt, header=header, rows=rows)


# --------------------------------------------------------------------------
# 1c. Count chart (organizations by country, by focus)

def count_chart(items: list[CountItem], *, chart_id: str, title: str, category: str,
                unstated: Sequence[str] = (), unstated_label: str = "not stated",
                noun: str = "organization") -> Chart | None:
    """Horizontal bars: members per category, each bar naming its members and citing them.

    Categories match case-insensitively (first spelling, alphabetically, is
    shown); a member listed twice in a category counts once, its citations
    merged. Bars run by count (most first), then name. Members no source puts
    in any category (`unstated`) get a dashed bar of their own, last, so the
    reader sees how much the chart does not cover.
    """
    if not items and not unstated:
        return None
    cats: dict[str, dict] = {}
    for it in sorted(items, key=lambda i: (_natural(i.category), _natural(i.member), i.cites)):
        c = cats.setdefault(_clean(it.category).casefold(), {"name": _clean(it.category), "members": {}})
        m = c["members"].setdefault(_clean(it.member).casefold(), [_clean(it.member), set()])
        m[1] |= set(it.cites)
    ordered = sorted(cats.values(), key=lambda c: (-len(c["members"]), _natural(c["name"])))
    bars = [(c["name"], [m[0] for m in sorted(c["members"].values(), key=lambda m: _natural(m[0]))],
             set().union(*(m[1] for m in c["members"].values())), False) for c in ordered]
    missing = sorted({_clean(u) for u in unstated}, key=_natural)
    if missing:
        bars.append((_cap(unstated_label), missing, set(), True))

    header = [category, _cap(noun) + "s", "Names", "Citations"]
    rows = [[name, str(len(members)), ", ".join(members), cite_text(c)] for name, members, c, _ in bars]
    sentences = [f"Horizontal bar chart of {_plural(sum(len(c['members']) for c in ordered), noun)} placements "
                 f"by {category.casefold()}, as the sources state them."]
    for name, members, c, dashed in bars:
        sentences.append(f"{name}: {_plural(len(members), noun)} ({', '.join(members)})"
                         f"{' ' + cite_text(c) if c else ''}.")
    alt = " ".join(sentences)

    body: list[str] = []
    labels = [truncate(name, 200, FONT, bold=True) for name, *_ in bars]
    left = 10 + max(svg_text_width(t, FONT, bold=True) for t in labels) + 10
    ends = [(str(len(members)), _cite_short(c)) for _, members, c, _ in bars]
    ends = [(t, c if svg_text_width(c, SMALL) <= 110 else truncate(c, 110, SMALL)) for t, c in ends]
    end_w = max(_labelled_width(t, FONT, c, bold=True) for t, c in ends)
    right = WIDTH - 12 - end_w - 6
    ticks = _int_ticks(max(len(m) for _, m, _, _ in bars))
    scale = (right - left) / ticks[-1]
    top, bar_h, line_h, gap = 8, 15, 13, 8
    y = top
    for i, (name, members, c, dashed) in enumerate(bars):
        body.append(_text(10, y + bar_h / 2 + 3.5, labels[i], weight="bold"))
        w = len(members) * scale
        if dashed:
            body.append(_rect(left + 1, y + 0.5, w - 2, bar_h - 1, UNKNOWN_FILL, DASHED))
        else:
            body.append(_rect(left, y, w, bar_h, CATEGORICAL[0]))
        t, cite = ends[i]
        body.append(_text(left + w + 5, y + bar_h / 2 + 3.5, t, weight="bold", cite=cite))
        body.append(_text(left, y + bar_h + line_h - 1, truncate(", ".join(members), WIDTH - 8 - left, SMALL),
                          size=SMALL, fill=MUTED))
        y += bar_h + line_h + gap
    plot_bottom = y - gap + 4
    grid = []
    for t in ticks:
        x = left + t * scale
        grid.append(_line(x, top - 4, x, plot_bottom, GRID if t else AXIS))
        grid.append(_text(x, plot_bottom + 13, str(t), size=SMALL, anchor="middle", fill=MUTED))
    body = grid + body  # grid lines under the bars
    body.append(_text((left + right) / 2, plot_bottom + 28, f"Number of {noun}s", anchor="middle"))
    height = plot_bottom + 36
    return Chart(id=chart_id, title=title, svg=_svg(chart_id, title, alt, height, body),
                 alt=alt, header=header, rows=rows)


# --------------------------------------------------------------------------
# 2. Timeline chart

def parse_partial_date(text: str) -> date | None:
    """"2023" -> 2023-01-01, "2023-05" -> 2023-05-01 (the one reading, `sources.partial_date`); None when unparseable."""
    from reportgen.sources import partial_date

    return partial_date(_clean(text))[0]


def _event_kind(kind: str) -> str:
    k = _clean(kind).casefold()
    if k in EVENT_KINDS:
        return k
    if "approv" in k:
        return "approval"
    if k.startswith("ind") or "clinical trial application" in k or k == "cta":
        return "ind clearance"
    if "fil" in k or "submission" in k or k in ("bla", "nda", "maa"):
        return "filing"
    if "designation" in k or k in ("btd", "orphan", "fast track", "rmat", "prime"):
        return "designation"
    if "readout" in k or "data" in k or "result" in k:
        return "readout"
    return "other"


def timeline_chart(events: list[TimelineEvent], *, chart_id: str = "chart-timeline",
                   max_height: float | None = None, counts: list[int] | None = None) -> Chart | None:
    """Events on a time axis, one lane per asset.

    Partial dates sit at the start of their period ("2023-05" -> 1 May 2023).
    Lanes are ordered by each asset's first event date, then name; events
    within a lane by date, kind, label.  Labels are placed greedily in rows
    alternating above and below the markers (above 1, below 1, above 2, …) so
    they do not overlap; a lane grows to fit its rows.  Events whose date does
    not parse are listed in `alt` and `rows` but not drawn.  With
    `max_height`, lanes that would end below it (axis included) are left out
    (`counts` receives [shown, total] lanes).
    """
    if not events:
        return None
    items = []
    for e in events:
        items.append((parse_partial_date(e.date), _clean(e.asset), _clean(e.date), _event_kind(e.kind),
                      _clean(e.label), _cite_list(e.cites)))
    items.sort(key=lambda it: (it[0] or date.max, _natural(it[1]), it[3], _natural(it[4]), it[5], it[2]))
    dated = [it for it in items if it[0] is not None]
    if not dated:
        return None
    first: dict[str, date] = {}
    for it in dated:
        key = it[1].casefold()
        first[key] = min(first.get(key, date.max), it[0])  # type: ignore[arg-type]
    lane_names: dict[str, str] = {}
    for it in sorted(dated, key=lambda it: (it[1].casefold(), it[1])):
        lane_names.setdefault(it[1].casefold(), it[1])
    lanes = sorted(lane_names, key=lambda k: (first[k], _natural(lane_names[k])))

    title = "Regulatory events and readouts over time"
    header = ["Date", "Asset", "Event", "Kind", "Citations"]
    rows = [[it[2], it[1], it[4], EVENT_KINDS[it[3]][0], cite_text(it[5])] for it in items]
    years = [it[0].year for it in dated]  # type: ignore[union-attr]
    y0, y1 = min(years), max(years) + 1
    sentences = [f"Timeline of {_plural(len(dated), 'event')} for {_plural(len(lanes), 'asset')}, "
                 f"{y0} to {max(years)}."]
    for it in items:
        where = "" if it[0] else " (date not understood; not plotted)"
        c = " " + cite_text(it[5]) if it[5] else ""
        sentences.append(f"{it[1]}: {it[4]} ({EVENT_KINDS[it[3]][0].lower()}), {it[2]}{where}{c}.")
    alt = " ".join(sentences)

    body: list[str] = []
    kinds = [k for k in EVENT_KINDS if any(it[3] == k for it in dated)]
    legend = [(f"marker:{EVENT_KINDS[k][2]}:{EVENT_KINDS[k][1]}", EVENT_KINDS[k][0]) for k in kinds]
    parts, y = _legend(legend, 6, title="Event:")
    body += parts

    lane_labels = {k: truncate(lane_names[k], 160, FONT, bold=True) for k in lanes}
    left = 10 + max(svg_text_width(t, FONT, bold=True) for t in lane_labels.values()) + 14
    right = WIDTH - 16
    d0, d1 = date(y0, 1, 1), date(y1, 1, 1)
    span = (d1 - d0).days

    def xpos(d: date) -> float:
        return left + (d - d0).days / span * (right - left)

    line = 12
    placed_lanes = []
    for k in lanes:
        evs = [it for it in dated if it[1].casefold() == k]
        rows_used: dict[tuple[str, int], list[tuple[float, float]]] = defaultdict(list)
        placed = []
        for it in evs:
            mx = xpos(it[0])  # type: ignore[arg-type]
            text = truncate(it[4], 150, SMALL)
            cite = _cite_short(it[5])
            w = _labelled_width(text, SMALL, cite)
            lx = min(max(mx - w / 2, left - 8), WIDTH - 4 - w)
            lx = max(lx, 4)
            r = 0
            while True:
                slot = ("above" if r % 2 == 0 else "below", r // 2)
                if all(lx > b + 6 or lx + w < a - 6 for a, b in rows_used[slot]):
                    break
                r += 1
            rows_used[slot].append((lx, lx + w))
            placed.append((it, mx, lx, text, cite, slot))
        n_above = 1 + max([s[1] for (_, _, _, _, _, s) in placed if s[0] == "above"], default=-1)
        n_below = 1 + max([s[1] for (_, _, _, _, _, s) in placed if s[0] == "below"], default=-1)
        placed_lanes.append((k, placed, n_above, n_below))

    y += 2
    top = y
    bands: list[str] = []
    body_lanes: list[str] = []
    shown = 0
    for i, (k, placed, n_above, n_below) in enumerate(placed_lanes):
        my = y + 6 + max(n_above, 1) * line + 2
        bottom = my + 8 + n_below * line
        bottom = max(bottom, my + 12)
        if max_height is not None and bottom + 4 + 36 > max_height and shown:
            break
        shown += 1
        if i % 2 == 0:
            bands.append(_rect(0, y, WIDTH, bottom - y, "#f4f4f4"))
        body_lanes.append(_line(left, my, right, my, GRID))
        body_lanes.append(_text(10, my + 3.5, lane_labels[k], weight="bold"))
        for it, mx, lx, text, cite, (side, r) in placed:
            ty = my - 9 - r * line if side == "above" else my + 17 + r * line
            body_lanes.append(_text(lx, ty, text, size=SMALL, cite=cite))
        for it, mx, *_ in placed:
            _, colour, shape = EVENT_KINDS[it[3]]
            body_lanes.append(_marker(shape, mx, my, colour))
        y = bottom + 4
    if counts is not None:
        counts[:] = [shown, len(placed_lanes)]
    plot_bottom = y
    step = 1 if y1 - y0 <= 10 else 2 if y1 - y0 <= 20 else 5
    grid: list[str] = []
    for yr in range(y0, y1 + 1):
        x = xpos(date(yr, 1, 1))
        grid.append(_line(x, top, x, plot_bottom, GRID))
        if (yr - y0) % step == 0 or yr == y1:
            grid.append(_text(x, plot_bottom + 13, str(yr), size=SMALL, anchor="middle", fill=MUTED))
    body += bands + grid + body_lanes  # bands under grid lines under markers and labels
    body.append(_line(left, plot_bottom, right, plot_bottom, AXIS))
    body.append(_text((left + right) / 2, plot_bottom + 28, "Date", anchor="middle"))
    height = plot_bottom + 36
    return Chart(id=chart_id, title=title, svg=_svg(chart_id, title, alt, height, body),
                 alt=alt, header=header, rows=rows)


# --------------------------------------------------------------------------
# 3. Efficacy charts

def _value_text(v: float, unit: str) -> str:
    u = _clean(unit)
    if not u:
        return _fmt_value(v)
    return f"{_fmt_value(v)}{u}" if u == "%" else f"{_fmt_value(v)} {u}"


def efficacy_chart(points: list[EfficacyPoint], *, chart_id: str | None = None,
                   max_height: float | None = None, counts: list[int] | None = None) -> Chart | None:
    """Horizontal bars of one endpoint across assets (the caller groups).

    Bars are sorted by value (highest first), then asset name, then
    population.  Only points in the most common unit (ties: alphabetical) are
    drawn; points in another unit are kept in `alt` and `rows`, marked "not
    plotted".  The x axis runs 0–100 for "%", otherwise 0 to a nice maximum
    (below 0 when a value is negative).  With `max_height`, only the highest
    bars that fit are drawn (`counts` receives [shown, total] bars).
    """
    if not points:
        return None
    names = Counter(_clean(p.endpoint) for p in points)
    endpoint = sorted(names, key=lambda e: (-names[e], e))[0]
    units = Counter(_unit_key(p.unit) for p in points)
    unit_key = sorted(units, key=lambda u: (-units[u], u))[0]
    unit = next(_clean(p.unit) for p in sorted(points, key=lambda p: p.unit) if _unit_key(p.unit) == unit_key)
    chart_id = chart_id or f"chart-efficacy-{_slug(normalise_endpoint(endpoint))}"

    def key(p: EfficacyPoint):
        return (-p.value, _natural(p.asset), _natural(p.population or ""),
                p.n if p.n is not None else -1, p.cites)
    ordered = sorted(points, key=key)
    plotted = [p for p in ordered if _unit_key(p.unit) == unit_key]

    title = f"{_cap(endpoint)} across assets"
    header = ["Asset", "Population", "Value", "n", "Citations"]
    rows = [[_clean(p.asset), _clean(p.population or ""), _value_text(p.value, p.unit),
             "" if p.n is None else str(p.n), cite_text(p.cites)] for p in ordered]
    sentences = [f"Horizontal bar chart of {endpoint} ({unit}) for {_plural(len({_clean(p.asset).casefold() for p in plotted}), 'asset')}."]
    for p in ordered:
        pop = f" ({_clean(p.population)})" if p.population and _clean(p.population) else ""
        nn = f", n={p.n}" if p.n is not None else ""
        note = "" if _unit_key(p.unit) == unit_key else " (different unit; not plotted)"  # = p in plotted, without a scan
        c = " " + cite_text(p.cites) if p.cites else ""
        sentences.append(f"{_without_population(p)}{pop}: {_value_text(p.value, p.unit)}{nn}{note}{c}.")  # the label may hold it
    alt = " ".join(sentences)

    body: list[str] = []
    two_line = any(p.population and _clean(p.population) for p in plotted)
    if max_height is not None:
        pitch = sum((22, 12) if two_line else (18, 9))
        fit = max(1, int((max_height - 52 + (12 if two_line else 9)) // pitch))  # height = 52 + n * pitch - gap
        if counts is not None:
            counts[:] = [min(fit, len(plotted)), len(plotted)]
        plotted = plotted[:fit]
    name_w = 190
    # "X (89 patients ...)" over a second line giving the population says it twice: the name line drops it
    names_t = [truncate(_without_population(p), name_w, FONT) for p in plotted]
    pops_t = [truncate(p.population or "", name_w, SMALL) for p in plotted]
    left = 10 + max(max(svg_text_width(t, FONT) for t in names_t),
                    max(svg_text_width(t, SMALL) for t in pops_t)) + 10
    ends = []
    for p in plotted:
        t = _value_text(p.value, p.unit) + (f" (n={p.n})" if p.n is not None else "")
        c = _cite_short(p.cites)
        ends.append((t, c if svg_text_width(c, SMALL) <= 120 else truncate(c, 120, SMALL)))
    end_w = max(_labelled_width(t, FONT, c, bold=True) for t, c in ends)
    lo = min(0.0, min(p.value for p in plotted))
    hi = max(0.0, max(p.value for p in plotted))
    if unit_key == "%" and lo >= 0 and hi <= 100:
        ticks = [0, 20, 40, 60, 80, 100]
    else:
        ticks = _nice_ticks(lo, hi if hi > lo else lo + 1)
    right = WIDTH - 12 - end_w - 6
    lo_t, hi_t = ticks[0], ticks[-1]

    def xpos(v: float) -> float:
        return left + (v - lo_t) / (hi_t - lo_t) * (right - left)

    top = 10
    bar_h, gap = (22, 12) if two_line else (18, 9)
    plot_bottom = top + len(plotted) * (bar_h + gap) - gap + 6
    for t in ticks:
        x = xpos(t)
        body.append(_line(x, top - 4, x, plot_bottom, AXIS if t == 0 else GRID))
        body.append(_text(x, plot_bottom + 13, _fmt_value(t), size=SMALL, anchor="middle", fill=MUTED))
    for i, p in enumerate(plotted):
        by = top + i * (bar_h + gap)
        cy = by + bar_h / 2
        if two_line and pops_t[i]:
            body.append(_text(10, cy - 1.5, names_t[i]))
            body.append(_text(10, cy + 9.5, pops_t[i], size=SMALL, fill=MUTED))
        else:
            body.append(_text(10, cy + 3.5, names_t[i]))
        x0, x1 = sorted((xpos(0), xpos(p.value)))
        body.append(_rect(x0, by, x1 - x0, bar_h, CATEGORICAL[0]))
        t, c = ends[i]
        body.append(_text(max(x1, xpos(0)) + 5, cy + 3.5, t, weight="bold", cite=c))
    axis_label = truncate(f"{endpoint} ({unit})" if unit else endpoint, right - left, FONT)
    body.append(_text((left + right) / 2, plot_bottom + 28, axis_label, anchor="middle"))
    height = plot_bottom + 36
    return Chart(id=chart_id, title=title, svg=_svg(chart_id, title, alt, height, body),
                 alt=alt, header=header, rows=rows)


def _without_population(p: EfficacyPoint) -> str:
    pop = _clean(p.population or "")
    name = _clean(p.asset)
    suffix = f" ({pop})"
    return name[: -len(suffix)] if pop and name.endswith(suffix) and len(name) > len(suffix) else name


def efficacy_charts(points: list[EfficacyPoint]) -> list[Chart]:
    """One chart per normalised endpoint that has at least 2 distinct assets.

    Charts are ordered by number of assets (most first), then endpoint.  When
    no endpoint has 2 assets, one chart for the endpoint with the most points
    (ties: alphabetical).  Chart ids are unique ("-2", "-3" suffixes).
    """
    groups: dict[str, list[EfficacyPoint]] = defaultdict(list)
    for p in points:
        groups[normalise_endpoint(p.endpoint)].append(p)
    if not groups:
        return []

    def n_assets(k: str) -> int:
        return len({_clean(p.asset).casefold() for p in groups[k]})
    keys = sorted((k for k in groups if n_assets(k) >= 2), key=lambda k: (-n_assets(k), k))
    if not keys:
        keys = [sorted(groups, key=lambda k: (-len(groups[k]), k))[0]]
    charts, seen = [], Counter()
    for k in keys:
        base = f"chart-efficacy-{_slug(k)}"
        seen[base] += 1
        cid = base if seen[base] == 1 else f"{base}-{seen[base]}"
        chart = fit_for_print(efficacy_chart, groups[k], "bars (highest first)", chart_id=cid)
        if chart is not None:
            charts.append(chart)
    return charts


# --------------------------------------------------------------------------
# 4. Target × indication matrix

def matrix_chart(cells: list[MatrixCell], *, chart_id: str = "chart-matrix") -> Chart | None:
    """Targets (rows) × indications (columns), each cell coloured by the highest
    stage of its assets and naming them (or giving a count when more than 2).

    Rows and columns are ordered by number of assets (most first), then name.
    Column headers wrap onto up to 3 lines when columns are wide enough, and
    are otherwise turned 90° (reading upwards) so the chart never gets wider
    than its viewBox.  Assets in a cell are ordered by stage (latest first),
    then name.
    """
    if not cells:
        return None
    merged: dict[tuple[str, str, str], tuple[str, str, str, str, set[int]]] = {}
    for c in sorted(cells, key=lambda c: (_natural(c.target), _natural(c.indication), _natural(c.asset),
                                          c.stage or "", c.cites)):
        key = (_clean(c.target).casefold(), _clean(c.indication).casefold(), _clean(c.asset).casefold())
        stage = normalise_stage(c.stage)
        if key in merged:
            t, i, a, s0, cites = merged[key]
            if STAGE_RANK.get(stage, -1) > STAGE_RANK.get(s0, -1):
                s0 = stage
            merged[key] = (t, i, a, s0, cites | set(c.cites))
        else:
            merged[key] = (_clean(c.target), _clean(c.indication), _clean(c.asset), stage, set(c.cites))
    entries = [merged[k] for k in sorted(merged)]

    def order(idx: int) -> list[str]:
        count: Counter = Counter()
        name: dict[str, str] = {}
        for e in entries:
            count[e[idx].casefold()] += 1
            name.setdefault(e[idx].casefold(), e[idx])
        return [name[k] for k in sorted(count, key=lambda k: (-count[k], _natural(name[k])))]
    targets, indications = order(0), order(1)
    grid: dict[tuple[str, str], list] = defaultdict(list)
    for e in entries:
        grid[(e[0].casefold(), e[1].casefold())].append(e)
    for k in grid:
        grid[k].sort(key=lambda e: (-STAGE_RANK.get(e[3], -1), _natural(e[2])))

    def cell_stage(es: list) -> str:
        known = [e[3] for e in es if e[3] in STAGE_RANK]
        return max(known, key=STAGE_RANK.__getitem__) if known else UNKNOWN

    title = "Target × indication"
    header = ["Target", "Indication", "Asset", "Stage", "Citations"]
    rows = [[e[0], e[1], e[2], _stage_label(e[3]), cite_text(e[4])]
            for t in targets for i in indications for e in grid.get((t.casefold(), i.casefold()), [])]
    sentences = [f"Matrix of {_plural(len(targets), 'target')} by {_plural(len(indications), 'indication')}; "
                 f"each cell is coloured by the highest stage among its assets."]
    for t in targets:
        for i in indications:
            es = grid.get((t.casefold(), i.casefold()))
            if not es:
                continue
            listed = "; ".join(f"{e[2]} ({_stage_label(e[3]).lower()}){' ' + cite_text(e[4]) if e[4] else ''}"
                               for e in es)
            sentences.append(f"{t} in {i}: {_plural(len(es), 'asset')}, highest stage "
                             f"{_stage_label(cell_stage(es)).lower()}: {listed}.")
    alt = " ".join(sentences)

    body: list[str] = []
    used = {cell_stage(es) for es in grid.values()}
    legend_stages = [s for s in STAGES if s in used] + ([UNKNOWN] if UNKNOWN in used else [])
    parts, y = _legend([(f"fill:{STAGE_COLORS.get(s, '#ffffff')}", _stage_label(s)) for s in legend_stages],
                       6, title="Highest stage:")
    body += parts

    # more indications than targets: indications become the rows, so each cell is wide enough to name its assets
    transpose = len(indications) > len(targets)
    row_items, col_items = (indications, targets) if transpose else (targets, indications)

    def at(r: str, c: str):
        key = (c.casefold(), r.casefold()) if transpose else (r.casefold(), c.casefold())
        return grid.get(key)

    row_labels = {t: _wrap(t, 150 if transpose else 130, FONT, 3 if transpose else 2, bold=True) for t in row_items}
    left = 10 + max(svg_text_width(line, FONT, bold=True) for ls in row_labels.values() for line in ls) + 10
    right = WIDTH - 8
    col_w = (right - left) / len(col_items)
    rotate = col_w < 70
    if rotate:
        head_lines = {i: [truncate(i, 150, FONT, bold=True)] for i in col_items}
        head_h = max(svg_text_width(ls[0], FONT, bold=True) for ls in head_lines.values()) + 8
    else:
        head_lines = {i: _wrap(i, col_w - 8, FONT, 3, bold=True) for i in col_items}
        head_h = max(len(ls) for ls in head_lines.values()) * 12 + 6
    top = y + 4
    for j, i in enumerate(col_items):
        cx = left + (j + 0.5) * col_w
        if rotate:
            bx, by = cx + 3.5, top + head_h - 4
            body.append(_text(bx, by, head_lines[i][0], weight="bold",
                              extra=f'transform="rotate(-90 {_n(bx)} {_n(by)})"'))
        else:
            lines = head_lines[i]
            for li, line in enumerate(lines):
                ly = top + head_h - 6 - (len(lines) - 1 - li) * 12
                body.append(_text(cx, ly, line, anchor="middle", weight="bold"))

    # Cell contents: up to 2 asset names (if the column is wide enough), else a count.
    def cell_lines(es: list) -> list[tuple[str, str]]:
        inner = col_w - 8
        if len(es) <= 2 and col_w >= 64:
            return [(truncate(e[2], inner - svg_text_width(" " + _cite_short(e[4]), SMALL), FONT),
                     _cite_short(e[4])) for e in es]
        count = str(len(es)) + ("" if col_w < 64 else " assets")
        cites = _cite_short(set().union(*(e[4] for e in es)))
        if _labelled_width(count, FONT, cites) <= inner:
            return [(count, cites)]
        return [(count, ""), ("", truncate(cites, inner, SMALL))]

    y = top + head_h
    grid_top = y
    for t in row_items:
        contents = {i: cell_lines(at(t, i)) for i in col_items if at(t, i)}
        n_lines = max([len(v) for v in contents.values()] + [len(row_labels[t])])
        row_h = max(30, n_lines * 12 + 12)
        for li, line in enumerate(row_labels[t]):
            body.append(_text(10, y + row_h / 2 + 3.5 + (li - (len(row_labels[t]) - 1) / 2) * 12,
                              line, weight="bold"))
        for j, i in enumerate(col_items):
            x = left + j * col_w
            es = at(t, i)
            if not es:
                body.append(_rect(x, y, col_w, row_h, "#f7f7f7", 'stroke="#ffffff" stroke-width="2"'))
                continue
            s = cell_stage(es)
            fill = STAGE_COLORS.get(s, "#ffffff")
            extra = 'stroke="#ffffff" stroke-width="2"'
            body.append(_rect(x, y, col_w, row_h, fill, extra))
            if s == UNKNOWN:
                body.append(_rect(x + 1.5, y + 1.5, col_w - 3, row_h - 3, "none", DASHED))
            ink, cink = ("#ffffff", "#e6eef7") if s in DARK_STAGES else (INK, MUTED)
            lines = contents[i]
            for li, (text, cite) in enumerate(lines):
                ly = y + row_h / 2 + 3.5 + (li - (len(lines) - 1) / 2) * 12
                body.append(_text(x + col_w / 2, ly, text, anchor="middle", fill=ink, cite=cite, cite_fill=cink))
        y += row_h
    body.append(_line(left, grid_top, left, y, "#ffffff"))
    height = y + 8
    return Chart(id=chart_id, title=title, svg=_svg(chart_id, title, alt, height, body),
                 alt=alt, header=header, rows=rows)
