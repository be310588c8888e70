"""The manifest: what each brief was built from (per-format input hashes, selection digest) and what it cites."""

from __future__ import annotations

import hashlib
import json
import logging
from pathlib import Path

from reportgen.brief import Brief


log = logging.getLogger(__name__)


MANIFEST = ".manifest.json"


def _templates_hash(dirs: list[Path]) -> str:
    digest = hashlib.sha256()
    for folder in dirs:
        for path in sorted(folder.glob("*")):
            if path.is_file():
                digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def read_manifest(out_dir: Path) -> dict:
    from reportgen.paths import read_refusal

    if read_refusal(out_dir / MANIFEST, out_dir):
        log.warning("%s: not read: it resolves outside the output folder", out_dir / MANIFEST)
        return {}
    try:
        data = json.loads((out_dir / MANIFEST).read_text(encoding="utf-8"))
        return data if isinstance(data, dict) else {}
    except (OSError, ValueError):
        return {}


def format_hash(inputs_hash: str, fmt: str) -> str:
    """One format's input: the brief's (view model, landscape, templates, review) and the format."""
    return hashlib.sha256(f"{inputs_hash}\0{fmt}".encode()).hexdigest()[:32]


def manifest_entry(brief: Brief, formats, inputs_hash: dict[str, str], selection: str = "") -> dict:
    return {
        "title": brief.title, "subtitle": brief.subtitle, "as_of": brief.as_of,
        "rows": len(brief.rows), "rows_kind": brief.rows_kind, "sources": brief.source_count,
        "formats": sorted(formats), "inputs": inputs_hash, "selection": selection,
        "references": [[r.number, r.doc, r.start, r.end] for r in brief.references],
    }
