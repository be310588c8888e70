"""Decide "nothing changed" before doing anything: one fingerprint of every input a build reads.

A clean build stores the fingerprint of its inputs (every file under
landscapes/, the project's and --templates' templates, the reportgen package
itself, the formats and landscapes asked for) with the files it wrote. The
next build with the same fingerprint, and all those files present, returns
after hashing: no fact decoding, no knowledge, no brief, and no heavy import.
Links are not followed (a link's target path is hashed instead): nothing
outside the project is read.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from pathlib import Path

STAMP = ".inputs.json"
STAGED = re.compile(r"^\..+\.[A-Za-z0-9_]{8}\.tmp$")  # a staged write (build._stage) a killed build left
PACKAGE = Path(__file__).resolve().parent


def _hash_tree(h, folder: Path, label: str) -> None:
    if not folder.is_dir() or folder.is_symlink():
        return
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames[:] = sorted(d for d in dirnames if d != "__pycache__" and not os.path.islink(os.path.join(dirpath, d)))
        for name in sorted(filenames):
            path = os.path.join(dirpath, name)
            rel = f"{label}/{os.path.relpath(path, folder)}"
            if os.path.islink(path):
                h.update(f"{rel} -> {os.readlink(path)}\n".encode("utf-8", "surrogateescape"))
                continue
            try:
                with open(path, "rb") as f:
                    digest = hashlib.file_digest(f, "sha256").hexdigest()
            except OSError:
                digest = "unreadable"
            h.update(f"{rel} {digest}\n".encode("utf-8", "surrogateescape"))


def fingerprint(root: Path, names: list[str] | None, formats: tuple[str, ...], templates: Path | None) -> str:
    h = hashlib.sha256(json.dumps([sorted(names or []), list(formats), str(templates or "")]).encode())
    _hash_tree(h, root / "landscapes", "landscapes")
    _hash_tree(h, root / "templates", "templates")
    if templates is not None:
        _hash_tree(h, templates, "extra-templates")
    _hash_tree(h, PACKAGE, "reportgen")
    return h.hexdigest()


def stamp_bytes(inputs: str, out_dir: Path, written: list[Path]) -> bytes:
    files = sorted({p.relative_to(out_dir).as_posix() for p in written if p.is_relative_to(out_dir)})
    return json.dumps({"inputs": inputs, "outputs": files}, indent=1).encode()


def up_to_date(out_dir: Path, inputs: str) -> bool:
    """True when the last clean build had these inputs and every file it wrote is still there."""
    stamp = out_dir / STAMP
    if out_dir.is_symlink() or stamp.is_symlink() or not stamp.is_file():
        return False
    try:
        data = json.loads(stamp.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    if not isinstance(data, dict) or data.get("inputs") != inputs or not isinstance(data.get("outputs"), list):
        return False
    if not all(isinstance(p, str) and (out_dir / p).is_file() for p in data["outputs"]):
        return False
    # a killed build's leftovers: the full build cleans them up
    for dirpath, dirnames, filenames in os.walk(out_dir):
        dirnames[:] = [d for d in dirnames if d != ".cache" and not os.path.islink(os.path.join(dirpath, d))]
        if any(STAGED.match(name) for name in filenames):
            return False
    return True
