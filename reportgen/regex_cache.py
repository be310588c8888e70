"""Prepared regexes between processes: the extractor's start-up without re-parsing its patterns.

A process that extracts one new document spent most of its extractor start-up
(~0.4 s of ~0.6 s) in Python's pure-Python regex parser: ~300 patterns, the
lexicon tries among them, compiled at import and on the first document, and
parsed again by `fastre` to find each gate's needles and heads. This module
keeps, in `out/.cache/`, what that work produced, keyed by the exact pattern
string and flags:

- the compiled program of each pattern in Python's regex cache (`re._cache`),
  which `load` seeds before the extractor is imported, so every
  `re.compile` of the extractor (and any other module) is a cache hit with no
  change to its callers; the Pattern objects are built by `_sre.compile`, the
  constructor `re` itself calls, from the same program `re` would produce;
- `fastre`'s needle and head analyses (`ANALYSES`).

Safety: the file is JSON (nothing in it is executed), read only inside the
project and never through a link, used only by the same Python build (version
and regex engine constants in its header), and checked against the sha256 of
its body; `_sre.compile` validates every program. Anything wrong (unreadable,
truncated, another Python, a bad digest, a program `_sre` refuses) and the
file is ignored and written anew after the extraction. A pattern it lacks is
compiled as usual. The extractor fingerprint in the header says which
extractor's patterns it holds: a new fingerprint (code version or data files)
rewrites it.
"""

from __future__ import annotations

import array
import base64
import binascii
import hashlib
import json
import logging
import re
import sys
from pathlib import Path

log = logging.getLogger(__name__)

FILE = "regex-prepared.json"
# The extractor compiles ~500 patterns at import and on its first documents, more on varied text. Past
# Python's default cache of 512, each new compile evicts the oldest entry: seeded programs would be compiled
# again, the file would keep only the last 512, and a long run would recompile patterns it keeps using.
CACHE_ROOM = 4096
if isinstance(getattr(re, "_MAXCACHE", None), int) and re._MAXCACHE < CACHE_ROOM:
    re._MAXCACHE = CACHE_ROOM
# fastre's gate analyses, ("needles" | "heads", pattern, flags) -> result (lists, JSON-shaped); filled in any case
ANALYSES: dict[tuple[str, str, int], object] = {}
_state = {"loaded": None, "fingerprint": None, "room": None, "entries": None, "skipped": None, "analyses": None}  # the header's fingerprint and room of the file loaded


def _engine() -> list | None:
    """What a stored program depends on: this Python build and its regex engine (None: not CPython)."""
    try:
        import _sre

        if sys.implementation.name != "cpython" or not isinstance(getattr(re, "_cache", None), dict):
            return None
        return [sys.version, _sre.MAGIC, _sre.CODESIZE, _sre.MAXREPEAT, _sre.MAXGROUPS, sys.byteorder, _CODES]
    except (ImportError, AttributeError):
        return None


# A program's code words are stored as base64 of their machine words (array "I", this machine's byte order,
# which the engine line records) when that type holds a code word: JSON's integer lists were ~half the load.
_CODES = "u32-base64" if array.array("I").itemsize == 4 else "json"


def _code_text(code: list[int]):
    return base64.b64encode(array.array("I", code).tobytes()).decode("ascii") if _CODES == "u32-base64" else code


def _code_list(stored) -> list[int]:
    if _CODES == "u32-base64":
        if not isinstance(stored, str):
            raise ValueError("a program that is not base64 text")
        return array.array("I", binascii.a2b_base64(stored)).tolist()
    return list(stored)


def _body_digest(body: str) -> str:
    return hashlib.sha256(body.encode()).hexdigest()


def load(path: Path, root: Path) -> bool:
    """Seed the regex cache and the gate analyses from `path` (inside `root`); False when unusable."""
    from reportgen.paths import read_refusal

    engine = _engine()
    _state.update(loaded=False, entries=None, skipped=None, analyses=None)
    if engine is None or not path.is_file() or path.is_symlink() or read_refusal(path, root):
        return False
    try:
        head, _, body = path.read_text(encoding="utf-8").partition("\n")
        header = json.loads(head)
        if header.get("engine") != engine or header.get("digest") != _body_digest(body):
            raise ValueError("another Python, or a damaged file")
        data = json.loads(body)
        import _sre

        patterns, entries = {}, {}
        for entry in data["patterns"]:
            pattern, flags, final_flags, code, groups, groupindex, indexgroup = entry
            key = (str, str(pattern), int(flags))
            patterns[key] = _sre.compile(pattern, final_flags, _code_list(code), groups, groupindex, tuple(indexgroup))
            entries[key] = entry
        skipped = {(str, str(p), int(f)) for p, f in data.get("skipped", [])}
        analyses = {(str(k), str(p), int(f)): v for k, p, f, v in data["analyses"]}
    except Exception as exc:  # noqa: BLE001  any doubt: compiled as usual, and the file is written anew
        log.debug("%s: not used (%s: %s); it is rebuilt", path, type(exc).__name__, exc)
        return False
    for key, rx in patterns.items():
        re._cache.setdefault(key, rx)
    for key, value in analyses.items():
        ANALYSES.setdefault(key, value)
    _state["loaded"], _state["fingerprint"], _state["room"] = True, header.get("fingerprint"), header.get("room")
    _state["entries"], _state["skipped"], _state["analyses"] = entries, skipped, set(analyses)
    return True


def _news() -> bool:
    """Whether this process compiled a pattern, or derived a gate analysis, that the file loaded lacks: which
    patterns an extraction compiles depends on its documents (a deal sentence compiles the partner cues)."""
    entries, skipped, analyses = _state["entries"] or {}, _state["skipped"] or set(), _state["analyses"] or set()
    return (any(k[0] is str and k not in entries and k not in skipped for k in list(re._cache))
            or any(k not in analyses for k in list(ANALYSES)))


def stale(fingerprint: str) -> bool:
    """Whether the file loaded (if any) should be written anew for this extractor."""
    return _engine() is not None and not (_state["loaded"] and _state["fingerprint"] == fingerprint
                                          and _state["room"] == CACHE_ROOM  # written under a smaller cache: partial
                                          and not _news())


def prepared_bytes(fingerprint: str) -> bytes | None:
    """The file's bytes: every str pattern now in the regex cache, with its program, and the analyses."""
    engine = _engine()
    if engine is None:
        return None
    import re._compiler as compiler
    import re._parser as parser

    patterns, skipped = [], []
    known = _state["entries"] or {}  # entries of the file loaded: the same program (same engine), not parsed again
    for key in list(re._cache):
        kind, pattern, flags = key
        if kind is not str:
            continue
        if key in known:
            patterns.append(known[key])
            continue
        try:
            tree = parser.parse(pattern, flags)
            code = _code_text(compiler._code(tree, flags))
        except Exception:  # noqa: BLE001  not one this module can prepare: compiled as usual
            skipped.append([pattern, flags])
            continue
        groupindex = dict(tree.state.groupdict)
        indexgroup = [None] * tree.state.groups
        for name, i in groupindex.items():
            indexgroup[i] = name
        patterns.append([pattern, flags, flags | tree.state.flags, code, tree.state.groups - 1, groupindex, indexgroup])
    analyses = [[k, p, f, v] for (k, p, f), v in sorted(ANALYSES.items())]
    body = json.dumps({"patterns": patterns, "analyses": analyses, "skipped": skipped}, separators=(",", ":"))  # ASCII: lone surrogates too
    header = json.dumps({"engine": engine, "fingerprint": fingerprint, "room": CACHE_ROOM, "digest": _body_digest(body)})
    return (header + "\n" + body).encode()


def save(path: Path, root: Path, fingerprint: str) -> None:
    """Write the file when it is missing, unusable or for another extractor (staged, never through a link)."""
    if not stale(fingerprint):
        return
    from reportgen.outdir import check_targets, write_all

    try:
        data = prepared_bytes(fingerprint)
        if data is None:
            return
        check_targets(root, [path])
        write_all([(path, data)])
        _state["loaded"], _state["fingerprint"], _state["room"] = True, fingerprint, CACHE_ROOM
        body = json.loads(data.decode().partition("\n")[2])
        _state["entries"] = {(str, p[0], int(p[1])): p for p in body["patterns"]}
        _state["skipped"] = {(str, p, int(f)) for p, f in body["skipped"]}
        _state["analyses"] = set(ANALYSES)
    except Exception as exc:  # noqa: BLE001  a cache that cannot be written costs time, never the build
        log.debug("%s: not written: %s", path, exc)
