"""Patterns rewritten so that `re` can skip to where a match may start (issue 9 / issue 15 throughput).

`re` looks for a pattern's first character with a fast scan only when the pattern opens on something
that consumes it (a literal, a class, an alternation of literals). A pattern that opens on a lookbehind
or `\\b` (`(?<![\\w\\-])([A-Z][A-Za-z0-9]*...`, `\\b\\d{2,3}`) gets no such scan: the whole pattern is
tried at every position of the text. `hoisted(rx)` moves those leading tests after the first atom the
match consumes, as one lookbehind each over the test and that atom:

    (?<![\\w\\-])([A-Z][a-z]+)     ->  ([A-Z](?<!(?:[\\w\\-])[A-Z])[a-z]+)
    \\b(?:we|our)\\s                ->  (?:we(?<!\\wwe)|our(?<!\\wour))\\s

Exact: a match has consumed that atom's characters when the moved test runs, so the longer lookbehind
reads the same characters before them that the original read (and, at the text's start, fails or succeeds
alike). `\\b` before an atom of word characters only is `(?<!\\w)`, before non-word ones `(?<=\\w)`.
Groups keep their spans (the moved tests are zero-width); groups, classes and quantifiers are copied
verbatim. Only patterns whose first characters are few (an upper-case class, digits, a literal; see
`_selective`) are rewritten: where nearly every character could start a match the scan gains nothing.
Anything not recognised (case-insensitive or verbose patterns, quantified groups, `^`, lookaheads first)
is left alone.

A pattern whose first group is a long alternation of words is also regrouped by first character
(`_grouped`), case-insensitive ones too: `(?:approval|agreement|licence)` -> `(?:a(?:pproval|greement)|
licence)`, the alternatives still tried in their order. Tests check the rewritten patterns' matches
against the originals'.
"""

from __future__ import annotations

import re
import re._constants as _c
import re._parser as _parser

__all__ = ["hoisted_source"]


def hoisted_source(src: str, flags: int) -> str | None:
    """The rewritten pattern (see the module docstring), or None when it does not apply."""
    if flags & (re.VERBOSE | re.ASCII | re.LOCALE) or not isinstance(src, str):
        return None
    out = _grouped(src, flags) or src
    if not flags & re.IGNORECASE:
        found = _hoist(out, flags)
        if found is not None and _selective(found[1], flags):
            out = found[0]
    return None if out == src else _checked(src, out, flags)


_MIN_GROUPED = 6  # alternatives worth grouping


def _grouped(src: str, flags: int) -> str | None:
    """The pattern with the alternatives of its first group, when all of them open on a literal character,
    grouped by that character in their order: `(?:ab|cd|ae)` -> `(?:a(?:b|e)|c(?:d))`. Exact: at a position
    only the alternatives opening on its character can match, and they are still tried in their order;
    `re` then picks one group by the character instead of trying every alternative. Under IGNORECASE an
    ASCII letter and its other case are one character (they match the same characters); a pattern opening
    on another cased character is left alone."""
    i = 0
    while True:
        if src.startswith(("(?<!", "(?<="), i):
            j = _close(src, i)
            if j is None:
                return None
            i = j + 1
        elif src.startswith("\\b", i):
            i += 2
        else:
            break
    if not src.startswith("(?:", i):
        return None
    j = _close(src, i)
    if j is None:
        return None
    alts = _alternatives(src, i + 3, j)
    if len(alts) < _MIN_GROUPED:
        return None
    groups: dict[str, list[tuple[str, str]]] = {}
    for alt in alts:
        end = _atom(alt, 0)
        if end is None or not _literal(alt[:end]) or (end < len(alt) and alt[end] in _QUANT_START):
            return None
        atom = alt[:end]
        key = atom[-1]
        if flags & re.IGNORECASE and key.isalpha():
            if not key.isascii():
                return None
            key = key.lower()
        groups.setdefault(key, []).append((atom, alt[end:]))
    if len(groups) == len(alts):
        return None
    body = "|".join(members[0][0] + rest if len(members) == 1 else members[0][0] + "(?:" + "|".join(r for _, r in members) + ")"
                    for members in groups.values() for rest in [members[0][1]])
    return src[:i + 3] + body + src[j:]


_MAX_FIRST = 40  # ASCII characters a match may start with
_MAX_LOWER = 8  # of them lower-case letters (most of a text's characters)


def _selective(atoms: list[str], flags: int) -> bool:
    """Whether the first atoms let a match start at few ASCII characters."""
    first = set()
    for atom in atoms:
        rx = re.compile(atom, flags)
        first.update(c for c in map(chr, range(128)) if rx.fullmatch(c))
    return len(first) <= _MAX_FIRST and sum(c.islower() for c in first) <= _MAX_LOWER


_QUANT_START = "*+?{"


def _structure(src: str, i: int, end: int):
    """(index, character) of each character of src[i:end] outside escapes and character classes, the one
    scan _close, _top_level_bar and _alternatives share; (index, None) where a class cannot be read."""
    while i < end:
        c = src[i]
        if c == "\\":
            i += 2
            continue
        if c == "[":
            j = _class_end(src, i)
            if j is None:
                yield i, None
                return
            i = j + 1
            continue
        yield i, c
        i += 1


def _close(src: str, i: int) -> int | None:
    """Index of the ")" closing the group opened at src[i] ("("), escapes and classes skipped."""
    depth = 0
    for k, c in _structure(src, i, len(src)):
        if c is None:
            return None
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                return k
    return None


def _class_end(src: str, i: int) -> int | None:
    """Index of the "]" closing the class opened at src[i] ("[")."""
    j, n = i + 1, len(src)
    if j < n and src[j] == "^":
        j += 1
    if j < n and src[j] == "]":
        j += 1  # a "]" first is a literal
    while j < n:
        c = src[j]
        if c == "\\":
            j += 2
            continue
        if c == "[" and j + 1 < n and src[j + 1] in ":.=":
            return None  # POSIX-like syntax: a FutureWarning in re, not handled here
        if c == "]":
            return j
        j += 1
    return None


def _top_level_bar(src: str, i: int, end: int) -> bool:
    """Whether src[i:end] holds a "|" outside any group or class."""
    depth = 0
    for _, c in _structure(src, i, end):
        if c is None:
            return True
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            return True
    return False


_CLASS_ESCAPES = "dDwWsS"


def _atom(src: str, i: int) -> int | None:
    """End (exclusive) of the one-character atom at src[i] (a class, a class escape, an escaped or plain
    literal, "."), or None when src[i] starts anything else."""
    if i >= len(src):
        return None
    c = src[i]
    if c == "[":
        j = _class_end(src, i)
        return None if j is None else j + 1
    if c == "\\":
        if i + 1 >= len(src):
            return None
        d = src[i + 1]
        if d in _CLASS_ESCAPES or not (d.isalnum() or d == "_"):
            return i + 2
        return None  # \b, \A, \Z, back-references, \x.., \u....: not handled
    if c in "()|*+?{}^$":
        return None
    return i + 1


_REPEAT = re.compile(r"\{(\d+)(?:(,)(\d*))?\}")


def _quantifier(src: str, i: int) -> tuple[int, str] | None:
    """(end of the quantifier at src[i], what is left of it once one repetition is taken out), or None for
    a quantifier that allows no repetition or is possessive; no quantifier: (i, "")."""
    if i >= len(src) or src[i] not in _QUANT_START:
        return i, ""
    if src[i] == "+":
        j, rest = i + 1, "*"
    elif src[i] == "{":
        m = _REPEAT.match(src, i)
        if not m:
            return None  # "{" as a literal: not handled
        lo = int(m.group(1))
        if lo < 1:
            return None
        if m.group(2) is None:
            rest = f"{{{lo - 1}}}" if lo > 1 else ""
        else:
            hi = m.group(3)
            if hi and int(hi) < lo:
                return None
            rest = f"{{{lo - 1},{int(hi) - 1 if hi else ''}}}"
            if rest == "{0,0}":
                rest = ""
        j = m.end()
    else:
        return None  # "*", "?": the atom may be absent
    if j < len(src) and src[j] == "+":
        return None  # possessive
    if j < len(src) and src[j] == "?":
        if not rest:
            return j + 1, ""  # "{1}?"
        rest += "?"
        j += 1
    return j, rest


def _hoist(src: str, flags: int) -> tuple[str, list[str]] | None:
    """(the rewritten pattern, the atoms a match may start with), or None (see the module docstring)."""
    i, tests = 0, []
    while True:
        if src.startswith(("(?<!", "(?<="), i):
            j = _close(src, i)
            if j is None:
                return None
            tests.append((src[i + 3], src[i + 4:j]))
            i = j + 1
        elif src.startswith("\\b", i):
            tests.append(("b", ""))
            i += 2
        else:
            break
    if not tests:
        return None
    opened = []
    while i < len(src) and src[i] == "(":
        if src.startswith("(?:", i):
            head = 3
        elif src.startswith("(?P<", i):
            k = src.find(">", i)
            if k < 0:
                return None
            head = k + 1 - i
        elif src.startswith("(?", i):
            return None  # lookarounds, inline flags, comments, conditionals
        else:
            head = 1
        j = _close(src, i)
        if j is None or (j + 1 < len(src) and src[j + 1] in _QUANT_START):
            return None
        if _top_level_bar(src, i + head, j):
            # alternatives: the tests go into each of them ("(?:we|our)" -> "(?:w(?<!..w)e|o(?<!..o)ur)")
            lead = "".join("\\b" if kind == "b" else f"(?<{kind}{body})" for kind, body in tests)
            alts, firsts = [], []
            for alt in _alternatives(src, i + head, j):
                moved = _hoist(lead + alt, flags)
                if moved is None:
                    return None
                alts.append(moved[0])
                firsts += moved[1]
            return "".join(opened) + src[i:i + head] + "|".join(alts) + src[j:], firsts
        opened.append(src[i:i + head])
        i += head
    end = _atom(src, i)
    if end is None:
        return None
    atom = src[i:end]
    q = _quantifier(src, end)
    if q is None:
        return None
    qend, rest = q
    if not rest and qend == end and _literal(atom):
        # a literal run: the tests go after all of it, so re keeps the run as its literal prefix
        while True:
            nxt = _atom(src, end)
            if nxt is None or not _literal(src[end:nxt]) or (nxt < len(src) and src[nxt] in _QUANT_START):
                break
            end = qend = nxt
        run = src[i:end]
    else:
        run = atom
    behind = []
    for kind, body in tests:
        if kind == "b":
            side = _word_side(atom, flags)
            if side is None:
                return None
            behind.append(f"(?<!\\w{run})" if side else f"(?<=\\w{run})")
        else:
            behind.append(f"(?<{kind}(?:{body}){run})")
    return "".join(opened) + run + "".join(behind) + (atom + rest if rest else "") + src[qend:], [atom]


def _checked(src: str, out: str, flags: int) -> str | None:
    """`out` when it compiles with the same groups as `src`."""
    try:
        new = re.compile(out, flags)
        old = re.compile(src, flags)
    except re.error:
        return None
    if new.groups != old.groups or new.groupindex != old.groupindex:
        return None
    return out


def _alternatives(src: str, i: int, end: int) -> list[str]:
    """src[i:end] split at its top-level "|" (a span _close has closed, so every class in it reads)."""
    out, depth, start = [], 0, i
    for k, c in _structure(src, i, end):
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            out.append(src[start:k])
            start = k + 1
    out.append(src[start:end])
    return out



def _word_side(atom: str, flags: int) -> bool | None:
    """True when the atom matches only word characters, False when only non-word ones, else None."""
    items = list(_parser.parse(atom, flags))
    if len(items) != 1:
        return None
    op, av = items[0]
    sides = set()
    def cp_side(cp):
        return chr(cp).isalnum() or cp == 0x5F
    if op is _c.LITERAL:
        sides.add(cp_side(av))
    elif op is _c.IN:
        for o, a in av:
            if o is _c.LITERAL:
                sides.add(cp_side(a))
            elif o is _c.RANGE:
                if a[1] - a[0] > 5000:
                    return None
                sides.update(cp_side(x) for x in range(a[0], a[1] + 1))
            elif o is _c.CATEGORY and a in (_c.CATEGORY_UNI_DIGIT, _c.CATEGORY_UNI_WORD, _c.CATEGORY_DIGIT, _c.CATEGORY_WORD):
                sides.add(True)
            elif o is _c.CATEGORY and a in (_c.CATEGORY_UNI_SPACE, _c.CATEGORY_SPACE):
                sides.add(False)
            else:
                return None
    else:
        return None
    return sides.pop() if len(sides) == 1 else None


def _literal(atom: str) -> bool:
    """An atom that matches one fixed character (a plain or escaped literal)."""
    return atom != "." and not atom.startswith("[") and not (atom.startswith("\\") and atom[1:] in _CLASS_ESCAPES)
