"""Radiopharmaceutical asset names: an isotope written with a ligand ("lutetium Lu 177 X", "[177Lu]Lu-X").

A radioligand's name carries its isotope in one of several spellings (data/radioligands.yaml). The INN stems
miss most ligand words ("-tate", codes such as "ABC-617"), and the "-" in "177Lu-X" hides the word from them,
so a release about a radioligand lost its asset and every fact about it. The whole phrase is one name; the
ligand word is another when the text writes it alone.
"""

from __future__ import annotations

import re
from functools import lru_cache

from reportgen.extract.fastre import hoisted
from reportgen.extract.lexicon import read_data

__all__ = ["radioligand_names"]

_LIGAND = r"[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*"


@lru_cache(maxsize=1)
def _patterns():
    data = read_data("radioligands.yaml")
    prefixes, suffixes = [], []
    ambiguous = frozenset(data.get("ambiguous_symbols", []))
    after = frozenset(data.get("after_name_symbols", []))
    for element, (symbol, masses) in sorted(data["isotopes"].items()):
        el, sy = rf"(?i:{re.escape(element)})", re.escape(symbol)  # symbols keep their case ("In 111", not "in 111")
        ms = "|".join(re.escape(str(m)) for m in masses)
        prefixes += [
            rf"{el}[ \-]?(?:{sy}[ \-]?)?(?:{ms})",              # lutetium Lu 177, lutetium-177, lutetium 177
            rf"{el}\s*\((?:{ms}){sy}\)\s*",                      # lutetium (177Lu)
            # Lu-177, Lu 177 (a symbol that is also a word, "In", "At", "I": only hyphenated, "In-111")
            rf"(?<![A-Za-z]){sy}{'-' if symbol in ambiguous else '[ -]'}(?:{ms})",
            rf"\[(?:{ms}){sy}\](?:{sy}-)?",                      # [177Lu]Lu-, [177Lu]
            rf"\((?:{ms}){sy}\)(?:{sy}-)?",                      # (177Lu)Lu-
            rf"(?<![\w\[(])(?:{ms}){sy}-",                        # 177Lu-
        ]
        if symbol in after:
            suffixes.append(rf"{sy}[ \-]?(?:{ms})")              # tracers named before their isotope: X F 18
    second = "|".join(re.escape(w) for w in data.get("second_words", []))
    tail = rf"(?:\s+(?:{second}))?" if second else ""
    pre = re.compile(rf"(?<![\w\-])(?:{'|'.join(prefixes)})[ \-]?(?P<lig>{_LIGAND}){tail}(?![\w\-])")
    post = re.compile(rf"(?<![\w\-])(?P<lig>[a-z]{{7,}}){tail}\s+(?:{'|'.join(suffixes) or '(?!)'})(?![\w\-])")
    not_lig = frozenset(str(w).casefold() for w in data.get("not_ligands", [])) | frozenset(data["isotopes"])
    masses = frozenset(str(m) for _, ms in data["isotopes"].values() for m in ms)
    symbols = frozenset(str(sy) for sy, _ in data["isotopes"].values())
    elements = frozenset(str(el) for el in data["isotopes"])
    probe = (masses, symbols, elements)
    return pre, post, not_lig, probe


_NUMBER = hoisted(re.compile(r"(?<!\d)\d{2,3}m?(?!\d)"))  # re skips to digits (fastre.hoisted)


def _has_isotope(text: str, masses, symbols, elements) -> bool:
    """A cheap test before the name patterns: every spelling writes a mass number against its symbol ("177Lu")
    or after a symbol or an element name and at most one space or hyphen ("Lu-177", "F 18", "lutetium 177")."""
    for m in _NUMBER.finditer(text):
        if m.group(0) not in masses:
            continue
        e = m.end()
        if text[e:e + 2] in symbols or text[e:e + 1] in symbols:
            return True
        j = m.start() - 1
        if j >= 0 and text[j] in " -(":
            j -= 1
        k = j
        while k >= 0 and text[k].isalpha() and j - k < 12:
            k -= 1
        word = text[k + 1:j + 1]
        if word and (word in symbols or word.lower() in elements):
            return True
    return False


def _ligand_ok(word: str, not_lig: frozenset) -> bool:
    low = word.casefold()
    if low in not_lig or low.split("-")[0] in not_lig and not re.search(r"\d", word):
        return False
    return bool(re.search(r"\d", word)) or len(word) >= 5


def radioligand_names(text: str) -> list[tuple[int, int, int, int]]:
    """(start, end, ligand_start, ligand_end) of every isotope-plus-ligand name, in text order."""
    pre, post, not_lig, probe = _patterns()
    if not _has_isotope(text, *probe):
        return []
    out = []
    for rx in (pre, post):
        for m in rx.finditer(text):
            lig = m.group("lig")
            if not _ligand_ok(lig, not_lig):
                continue
            # a ligand written in capitals with a digit code ("PSMA-617") keeps its whole code
            out.append((m.start(), m.end(), m.start("lig"), m.end("lig")))
    out.sort(key=lambda x: (x[0], -x[1]))
    kept, last = [], -1
    for item in out:  # overlapping readings: the earlier (longer) one
        if item[0] >= last:
            kept.append(item)
            last = item[1]
    return kept
