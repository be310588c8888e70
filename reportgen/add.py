"""`reportgen add`: bring documents into the project with their sidecar metadata."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from reportgen.errors import InputError
from reportgen.paths import create_new
from reportgen.dates import DATE_RE, full_date
from reportgen.sources import (DocumentError, derived_title, find_sources, read_document, sidecar_exists,
                               sidecar_path, SUFFIXES)

WIRES = ("PRNewswire", "Business Wire", "GlobeNewswire", "Accesswire", "ACCESSWIRE", "EQS-News", "Newswire")


@dataclass
class Added:
    name: str
    status: str   # "added" or "refused"
    message: str


def stated_date(text: str, within: int = 2000) -> str | None:
    """The first full date the opening of the text states (a dateline), as ISO."""
    head = text[:within]
    found = [d for d in map(full_date, DATE_RE.finditer(head)) if d]
    return found[0].isoformat() if found else None


def stated_publisher(text: str, within: int = 1500) -> str | None:
    head = text[:within]
    hits = [(head.find(w), w) for w in WIRES if w in head]
    return min(hits)[1] if hits else None


def html_metadata(path: Path) -> dict:
    """Title, publisher, date and url an HTML page states in its markup (trafilatura)."""
    import trafilatura

    try:
        found = trafilatura.extract_metadata(path.read_text(encoding="utf-8", errors="replace"))
    except Exception:  # metadata is a convenience; the text was already read
        return {}
    if found is None:
        return {}
    out = {"title": found.title, "publisher": found.sitename, "url": found.url}
    if found.date and re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(found.date)):
        out["date"] = str(found.date)
    return {k: v for k, v in out.items() if v}


def add_documents(project: Path, files: list[Path], title: str | None = None, date: str | None = None,
                  publisher: str | None = None, url: str | None = None) -> list[Added]:
    from reportgen.paths import read_refusal, write_refusal

    sources = project / "landscapes" / "sources"
    if write_refusal(sources, project) or (sources.exists() and read_refusal(sources, project)):
        raise InputError(f"{sources}: resolves outside the project; nothing added")
    sources.mkdir(parents=True, exist_ok=True)
    if date is not None:
        try:
            dt.date.fromisoformat(date)
        except ValueError:
            raise InputError(f"--date {date!r}: use YYYY-MM-DD") from None
    present = [p for p in find_sources([sources]) if read_refusal(p, project) is None]
    known = {hashlib.sha256(p.read_bytes()).hexdigest(): p.name for p in present}
    # a sidecar belongs to a stem: x.txt beside x.md would take over x.md's x.meta.yaml
    stems = {p.stem: p.name for p in present}
    results = []
    for file in files:
        name = file.name
        if file.suffix.lower() not in SUFFIXES:
            results.append(Added(name, "refused", f"not a source type ({', '.join(SUFFIXES)})"))
            continue
        digest = hashlib.sha256(file.read_bytes()).hexdigest()
        if digest in known:
            results.append(Added(name, "refused", f"already in the project as {known[digest]} (same sha256)"))
            continue
        target = sources / name
        sidecar = sidecar_path(target)
        if target.exists() or target.is_symlink():
            what = "is a symbolic link" if target.is_symlink() else "exists with other content"
            results.append(Added(name, "refused", f"{target} {what}; rename the file to add it"))
            continue
        if file.stem in stems:
            results.append(Added(name, "refused", f"{stems[file.stem]} already uses the sidecar {sidecar.name}; "
                                                  "rename the file to add it"))
            continue
        if sidecar_exists(sidecar):
            what = "is a symbolic link" if sidecar.is_symlink() else "exists"
            results.append(Added(name, "refused", f"its sidecar {sidecar} {what}; rename the file to add it"))
            continue
        try:
            doc = read_document(file)
        except DocumentError as exc:
            results.append(Added(name, "refused", exc.reason))
            continue
        page = html_metadata(file) if file.suffix.lower() in (".html", ".htm") else {}
        meta = {
            "title": title or doc.title or page.get("title") or derived_title(doc.text, limit=400) or None,  # a headline whole, never cut with "…"
            "publisher": publisher or doc.publisher or page.get("publisher") or stated_publisher(doc.text),
            "date": date or (doc.date.isoformat() if doc.date else None) or stated_date(doc.text) or page.get("date"),
            "url": url or doc.url or page.get("url"),
        }
        meta = {k: v for k, v in meta.items() if v}
        sidecar_text = "# Written by reportgen add; edit freely.\n" + yaml.safe_dump(meta, allow_unicode=True,
                                                                                  sort_keys=False)
        try:  # O_EXCL | O_NOFOLLOW: a link planted since the checks above is refused, not written through
            create_new(target, file.read_bytes())
            try:
                create_new(sidecar, sidecar_text.encode("utf-8"))
            except BaseException:
                target.unlink(missing_ok=True)
                raise
        except OSError as exc:
            results.append(Added(name, "refused", f"cannot write {exc.filename or target}: {exc.strerror or exc}"))
            continue
        known[digest] = name
        stems[file.stem] = name
        results.append(Added(name, "added", ", ".join(f"{k}: {v}" for k, v in meta.items()) or "no metadata found"))
    return results
