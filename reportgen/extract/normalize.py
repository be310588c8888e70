"""The normalize stage: text made uniform for matching, offsets still into the original.

Text taken out of a PDF is hard-wrapped (a sentence runs over several lines, and the sentence
finder treats a line as a boundary), and text saved without its encoding shows "?" for curly
quotes, apostrophes and trade marks. Rules match on the normalized text; every fact's quote is
cut from the original at mapped offsets, so quotes stay verbatim (`original[s:e] == quote`).

Most edits keep the length (a line break read as a space, "?" read as "’"), so the map is the
identity and costs nothing; an edit that changes the length ("(TM)" read as "™") switches on a
per-character map. Rules are in data/normalize.yaml.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from reportgen.extract.fastre import hoisted
from reportgen.extract.lexicon import read_data

__all__ = ["Normalized", "normalize", "wrap_width"]


@dataclass(frozen=True)
class Normalized:
    """`text` for matching; `original` for quotes. `starts[i]`/`ends[i]` give the original span that
    produced normalized character i (None when the map is the identity)."""

    text: str
    original: str
    starts: tuple[int, ...] | None = None
    ends: tuple[int, ...] | None = None

    @property
    def identity(self) -> bool:
        return self.starts is None

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original span of normalized [start, end): quotes cut there are verbatim."""
        if self.starts is None:
            return start, end
        if end <= start:
            pos = self.starts[start] if start < len(self.starts) else len(self.original)
            return pos, pos
        return self.starts[start], self.ends[end - 1]

    def offset(self, pos: int) -> int:
        """The original offset of a normalized position (the start of what produced it)."""
        if self.starts is None:
            return pos
        return self.starts[pos] if pos < len(self.starts) else len(self.original)


@lru_cache(maxsize=1)
def _rules() -> dict:
    data = read_data("normalize.yaml")
    wrap = data["wrap"]
    qm = data["question_mark"]
    marks = data.get("marks") or {}
    suffixes = "|".join(sorted(map(re.escape, map(str, qm["apostrophe_suffixes"])), key=len, reverse=True))
    followers = "|".join(sorted(map(re.escape, map(str, qm["trademark_followers"])), key=len, reverse=True))
    mark_alt = "|".join(sorted(map(re.escape, marks), key=len, reverse=True))
    return {
        "wrap": wrap,
        "final": tuple(str(x) for x in wrap["final_marks"]),
        "bullets": tuple(str(x) for x in wrap["bullet_starts"]),
        "apostrophe": re.compile(rf"(?<=[A-Za-z])\?(?=(?:{suffixes})(?![A-Za-z]))"),
        "open_quote": re.compile(r"(?:(?<=^)|(?<=[\s(\[]))\?(?=[A-Za-z0-9])", re.M),
        "close_quote": re.compile(r"(?<=[A-Za-z0-9.,!])\?(?=[\s,.;:)\]]|$)", re.M),
        "trademark": re.compile(rf"(?<=[A-Za-z0-9])\?(?=[ \t]+(?:[(\[]|(?:{followers})(?![A-Za-z])))"),
        "marks": (hoisted(re.compile(rf"(?<=[A-Za-z0-9])(?:{mark_alt})")) if mark_alt else None, marks),  # fastre.hoisted
        "fullwidth": {str(k): str(v) for k, v in (data.get("fullwidth") or {}).items() if len(str(k)) == len(str(v)) == 1},
    }


_LINE = re.compile(r"[^\n]*(?:\n|$)")


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of each line without its line break ("\\r\\n" or "\\n")."""
    out = []
    for m in _LINE.finditer(text):
        if m.start() == m.end():
            break
        s, e = m.span()
        if text[e - 1:e] == "\n":
            e -= 1
        if text[e - 1:e] == "\r":
            e -= 1
        out.append((s, e))
    return out


def wrap_width(lengths: list[int]) -> int | None:
    """The width a document is hard-wrapped at, or None when it is not wrapped: the most common
    length band of its long lines, which must hold most of them."""
    w = _rules()["wrap"]
    long = sorted(n for n in lengths if w["min_width"] <= n <= w["max_width"])
    if len(long) < w["min_lines"] or sum(1 for n in lengths if n > w["max_width"]) > w["max_unwrapped_share"] * len(lengths):
        return None
    width = long[int(0.9 * (len(long) - 1))]
    band = sum(1 for n in long if n >= (1 - w["wrap_band"]) * width)
    if band < w["min_wrapped_share"] * len(long):
        return None
    return width


def _join_breaks(text: str) -> list[tuple[int, int]]:
    """Line breaks (start, end) inside a paragraph: read as spaces."""
    r = _rules()
    lines = _lines(text)
    if len(lines) < 2:
        return []
    content = lines
    width = wrap_width([n for n in (len(text[s:e].strip()) for s, e in lines) if n])
    out = []
    for (s0, e0), (s1, e1) in zip(content, content[1:]):
        a = text[s0:e0].rstrip()
        b = text[s1:e1].lstrip()
        if not a or not b or e0 >= s1:
            continue
        if a.endswith(r["final"]) or b.startswith(r["bullets"]):
            continue
        lower_next = b[0].islower()
        wrapped = width is not None and len(a.strip()) >= (1 - r["wrap"]["wrap_band"]) * width
        if lower_next or wrapped:
            out.append((e0, s1))
    return out


_UNICODE_HYPHEN = re.compile("[\u2010\u2011]")


def normalize(text: str) -> Normalized:
    """The text rules match on, with the map back to `text` (identity unless a length changed)."""
    r = _rules()
    edits: list[tuple[int, int, str]] = []  # (start, end, replacement) in the original, disjoint
    for s, e in _join_breaks(text):
        edits.append((s, e, " " * (e - s)))  # "\n" -> " ", "\r\n" -> "  ": same length
    if "?" in text:
        taken = set()
        for rx, rep in ((r["apostrophe"], "’"), (r["trademark"], "™")):
            for m in rx.finditer(text):
                if m.start() not in taken:
                    taken.add(m.start())
                    edits.append((m.start(), m.end(), rep))
        # curly quotes: an opening "?" before a word pairs with the next closing "?" on its line
        for m in r["open_quote"].finditer(text):
            if m.start() in taken:
                continue
            line_end = text.find("\n", m.end())
            close = r["close_quote"].search(text, m.end(), len(text) if line_end < 0 else line_end)
            while close and close.start() in taken:
                close = r["close_quote"].search(text, close.end(), len(text) if line_end < 0 else line_end)
            if close and close.start() - m.end() <= 200:
                taken.update((m.start(), close.start()))
                edits.append((m.start(), m.end(), "“"))
                edits.append((close.start(), close.end(), "”"))
    if "\u2010" in text or "\u2011" in text:  # Unicode hyphens ("CAR\u2011T", "non\u2010small cell") read as "-"
        edits += [(m.start(), m.end(), "-") for m in _UNICODE_HYPHEN.finditer(text)]
    wide = r["fullwidth"]
    if wide and any(c in text for c in wide):  # "rate（ORR）was 45.0%，and": translated releases' full-width marks
        edits += [(i, i + 1, wide[c]) for i, c in enumerate(text) if c in wide]
    rx, marks = r["marks"]
    if rx is not None and ("(" in text or "[" in text):
        for m in rx.finditer(text):
            edits.append((m.start(), m.end(), marks[m.group(0)]))
    if not edits:
        return Normalized(text, text)
    edits.sort()
    pieces: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    same_length = True
    pos = 0
    for s, e, rep in edits:
        if s < pos:
            continue  # overlapping edits: the first wins
        pieces.append(text[pos:s])
        starts.extend(range(pos, s))
        ends.extend(range(pos + 1, s + 1))
        pieces.append(rep)
        if len(rep) == e - s:
            starts.extend(range(s, e))
            ends.extend(range(s + 1, e + 1))
        else:
            same_length = False
            starts.extend([s] * len(rep))
            ends.extend([e] * len(rep))
        pos = e
    pieces.append(text[pos:])
    starts.extend(range(pos, len(text)))
    ends.extend(range(pos + 1, len(text) + 1))
    out = "".join(pieces)
    if same_length:
        return Normalized(out, text)
    return Normalized(out, text, tuple(starts), tuple(ends))
