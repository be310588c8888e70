"""Prepared data between processes: the extractor's data files and the MeSH vocabulary without re-deriving them.

A build that extracts one new document spent ~0.3 s of its start-up turning
the same files into the same objects: the YAML data files through PyYAML's
Python constructor (some through its pure-Python parser), and the 65,000 MeSH
spellings split out of their compressed file into a dict. This module keeps
what that work produced, as JSON, in the project's cache folder
(`out/.cache/prepared-*.json`, beside the prepared regexes of
`regex_cache.py`), and gives it back in the next process.

Each entry is keyed by the sha256 of everything it was derived from: the
bytes of its data files, the source of the code that derives it, the PyYAML
version and loader, and `FORMAT` (this module's representation). A changed
data file or derivation is a new key: the entry is built again and the file
rewritten. Safety as in `regex_cache`: JSON only (nothing executed), read only
inside the project and never through a link, checked against the sha256 of
its body; anything wrong (unreadable, damaged, another format, a value that
does not decode) and the entry is built as if there were no file, and the
file is written anew after the build. A value is stored only when JSON gives
back exactly what was built (same types, same order), so a cached value can
only be the same object a fresh build gives.

Off unless `enable` is called (the new-documents build path does): every
other caller derives as before. Files are read lazily, on the first entry
asked for (a build that extracts nothing parses none).
"""

from __future__ import annotations

import hashlib
import json
import logging
from pathlib import Path
from typing import Callable

log = logging.getLogger(__name__)

FORMAT = 1  # bump when an entry's representation changes
PREFIX = "prepared-"
_state: dict = {"dir": None, "root": None}
_files: dict[str, dict] = {}   # file label -> {name: {"key": ..., "value": ...}} as read (or {} when unusable)
_dirty: set[str] = set()       # file labels with an entry built in this process


def enable(cache_dir: Path, root: Path) -> None:
    """Use (and later `save`) the prepared files in `cache_dir`, a folder inside the project `root`."""
    _state["dir"], _state["root"] = Path(cache_dir), Path(root)
    _files.clear()
    _dirty.clear()


def disable() -> None:
    _state["dir"] = _state["root"] = None
    _files.clear()
    _dirty.clear()


def enabled() -> bool:
    return _state["dir"] is not None


def _path(label: str) -> Path:
    return _state["dir"] / f"{PREFIX}{label}.json"


def _digest(body: str) -> str:
    return hashlib.sha256(body.encode()).hexdigest()


def _read(label: str) -> dict:
    """The entries of one prepared file, or {} when it is missing or cannot be trusted."""
    from reportgen.paths import read_refusal

    path = _path(label)
    try:
        if not path.is_file() or path.is_symlink() or read_refusal(path, _state["root"]):
            return {}
        head, _, body = path.read_text(encoding="utf-8").partition("\n")
        header = json.loads(head)
        if header.get("format") != FORMAT or header.get("digest") != _digest(body):
            raise ValueError("another format, or a damaged file")
        entries = json.loads(body)
        if not isinstance(entries, dict) or not all(isinstance(e, dict) for e in entries.values()):
            raise ValueError("not a mapping of entries")
        return entries
    except Exception as exc:  # noqa: BLE001  any doubt: built as usual, and the file is written anew
        log.debug("%s: not used (%s: %s); it is rebuilt", path, type(exc).__name__, exc)
        _dirty.add(label)
        return {}


def source_key(*parts: bytes | str) -> str:
    """The key of an entry: sha256 over FORMAT and every input it is derived from (bytes or text)."""
    h = hashlib.sha256(f"prepared {FORMAT}\0".encode())
    for part in parts:
        data = part.encode("utf-8", "surrogatepass") if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "big") + data)
    return h.hexdigest()


def same(a, b) -> bool:
    """Equal values of exactly the same types, mappings in the same order (JSON keeps what was built)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return len(a) == len(b) and all(same(ka, kb) and same(va, vb)
                                        for (ka, va), (kb, vb) in zip(a.items(), b.items()))
    if isinstance(a, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    return a == b


def cached(label: str, name: str, key: str, build: Callable[[], object],
           encode: Callable[[object], object] | None = None, decode: Callable[[object], object] | None = None):
    """`build()`, or the value stored under `name` with this `key` in the prepared file `label`.

    `encode` turns the built value into JSON-shaped data and `decode` turns that back (both the
    identity by default); the value is stored only when decoding its JSON round trip gives data
    equal to what was encoded, with the same types.
    """
    if _state["dir"] is None:
        return build()
    entries = _files.get(label)
    if entries is None:
        entries = _files[label] = _read(label)
    entry = entries.get(name)
    if entry is not None and entry.get("key") == key:
        try:
            return decode(entry["value"]) if decode else entry["value"]
        except Exception as exc:  # noqa: BLE001  a value that does not decode: built, and the file rewritten
            log.debug("%s/%s: not used (%s: %s)", label, name, type(exc).__name__, exc)
    value = build()
    try:
        data = encode(value) if encode else value
        back = json.loads(json.dumps(data, allow_nan=False))
    except (TypeError, ValueError):
        back = data = None  # not JSON-shaped: built in each process
    if data is not None and same(data, back):
        entries[name] = {"key": key, "value": back}
        _dirty.add(label)
    elif name in entries:
        del entries[name]
        _dirty.add(label)
    return value


def load_yaml(path: Path, loader=None):
    """`yaml.load(path's text, loader)` (the C safe loader by default), prepared when enabled."""
    import yaml

    loader = loader or getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    data = Path(path).read_bytes()

    def parse():
        return yaml.load(data.decode("utf-8"), Loader=loader)

    if _state["dir"] is None:
        return parse()
    key = source_key(data, yaml.__version__, loader.__name__)
    path = Path(path)
    return cached("data", f"{path.parent.name}/{path.name} {loader.__name__}", key, parse)


def save() -> None:
    """Write every prepared file with an entry built in this process (staged, never through a link)."""
    if _state["dir"] is None or not _dirty:
        return
    from reportgen.outdir import check_targets, write_all

    outputs = []
    for label in sorted(_dirty):
        entries = _files.get(label) or {}
        body = json.dumps(entries, separators=(",", ":"), allow_nan=False)  # ASCII: lone surrogates too
        header = json.dumps({"format": FORMAT, "digest": _digest(body)})
        outputs.append((_path(label), (header + "\n" + body).encode()))
    try:
        if not _state["dir"].is_dir() or _state["dir"].is_symlink():
            return
        check_targets(_state["root"], [p for p, _ in outputs])
        write_all(outputs)
        _dirty.clear()
    except Exception as exc:  # noqa: BLE001  a cache that cannot be written costs time, never the build
        log.debug("prepared files not written: %s", exc)
