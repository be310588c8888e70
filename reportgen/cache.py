"""A disposable SQLite store of document texts and their facts.

Keyed by the document's name, the sha256 of its bytes and the extractor's
version: a build re-reads and re-extracts only new or changed documents.
Deleting `out/.cache/` changes nothing but build time.
"""

from __future__ import annotations

import json
import logging
import sqlite3
from pathlib import Path

from reportgen.facts import Evidence, Fact

log = logging.getLogger(__name__)

SCHEMA = """
CREATE TABLE IF NOT EXISTS documents_v2 (
    doc TEXT NOT NULL, sha256 TEXT NOT NULL, version TEXT NOT NULL,
    meta TEXT NOT NULL, text TEXT NOT NULL, facts TEXT NOT NULL,
    PRIMARY KEY (doc, version)
);
"""


def open_cache(path: Path, root: Path | None = None, read_only: bool = False) -> "FactCache | None":
    """The cache, or None (with a warning) when it cannot be used: a build never fails on it.

    `read_only`: only look documents up (`reportgen validate` writes nothing);
    no cache file, or one that cannot be read, is simply no cache.
    """
    if read_only:
        if not path.is_file():
            return None
        try:
            return FactCache(path, read_only=True)
        except (OSError, sqlite3.Error):
            return None
    if root is not None:
        from reportgen.paths import write_refusal

        refusal = write_refusal(path, root) or write_refusal(path.parent, root)
        if refusal:
            log.warning("%s: fact cache not used: it %s", path, refusal)
            return None
    try:
        return FactCache(path)
    except (OSError, sqlite3.Error) as exc:
        log.warning("%s: fact cache not used: %s", path, exc)
        return None


class FactCache:
    """Every failure (a damaged file, a full disk) costs time, never a build.

    A damaged cache is deleted and started afresh; a cache that cannot be
    written is switched off for the rest of the build. Each is a warning.
    """

    def __init__(self, path: Path, read_only: bool = False):
        self.path = path
        self.read_only = read_only
        self.db: sqlite3.Connection | None = None
        if read_only:  # never created, repaired or written: a damaged file is no cache
            # a WAL database opened read-only still creates its -wal and -shm files; with none there (no
            # build running), the file is read as immutable; a build's open journal is read through
            live = Path(str(path) + "-wal").exists()
            uri = f"{path.resolve().as_uri()}?mode=ro" + ("" if live else "&immutable=1")
            self.db = sqlite3.connect(uri, uri=True, timeout=30, isolation_level=None)
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self.db = self._open()
        except sqlite3.DatabaseError as exc:
            log.warning("%s: damaged fact cache (%s); rebuilding it", path, exc)
            self._reset()

    def _open(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=30, isolation_level=None)
        try:
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            db.executescript(SCHEMA)
            # walks the table's b-tree (not its overflow pages, as quick_check would: that grows
            # with the archive); damage it misses shows as an error on a read or write, which
            # rebuilds the cache then (_damaged)
            db.execute("SELECT count(*), max(length(doc)) FROM documents_v2").fetchone()
        except BaseException:
            db.close()
            raise
        return db

    def _reset(self) -> None:
        """Delete the cache file (and its journal) and start an empty one; off if even that fails."""
        self.close()
        try:
            for suffix in ("", "-wal", "-shm", "-journal"):
                Path(str(self.path) + suffix).unlink(missing_ok=True)
            self.db = self._open()
        except (OSError, sqlite3.Error) as exc:
            log.warning("%s: fact cache switched off for this build: %s", self.path, exc)
            self.db = None

    def _damaged(self, exc: Exception) -> bool:
        """A read or write that found the file corrupt: start afresh (True), or not corruption (False).

        SQLite reports damage as a plain DatabaseError (SQLITE_CORRUPT, SQLITE_NOTADB); a full
        disk or a read-only file is an OperationalError and switches the cache off instead.
        """
        if type(exc) is not sqlite3.DatabaseError:
            return False
        log.warning("%s: damaged fact cache (%s); rebuilding it", self.path, exc)
        self._reset()
        return True

    def _off(self, exc: Exception) -> None:
        log.warning("%s: cannot write the fact cache (%s); continuing without it", self.path, exc)
        try:
            if self.db is not None:
                self.db.close()
        except sqlite3.Error:
            pass
        self.db = None

    def get(self, doc: str, sha256: str, version: str) -> tuple[str, list[Fact], dict] | None:
        """(text, facts, meta) of the document with these bytes (and sidecar), or None.

        `meta` is what `put` stored: the sidecar's fields, so a cached document
        is not re-parsed. An entry without them (an older cache) is a miss.
        """
        if self.db is None:
            return None
        try:
            row = self.db.execute(
                "SELECT text, facts, meta FROM documents_v2 WHERE doc = ? AND sha256 = ? AND version = ?",
                (doc, sha256, version),
            ).fetchone()
            if row is None:
                return None
            text, facts_json, meta_json = row
            meta = json.loads(meta_json)
            if not isinstance(meta, dict) or not isinstance(meta.get("fields"), dict):
                return None
            return text, [_fact_from_dict(d) for d in json.loads(facts_json)], meta
        except (sqlite3.DatabaseError, ValueError, KeyError, TypeError) as exc:
            if self.read_only:
                self.close()  # the next build repairs it
                return None
            log.warning("%s: damaged fact cache (%s); rebuilding it", self.path, exc)
            self._reset()
            return None

    def put(self, doc: str, sha256: str, version: str, text: str, facts: list[Fact], meta: dict | None = None) -> None:
        if self.db is None or self.read_only:
            return
        payload = json.dumps([json.loads(f.to_json()) for f in facts], ensure_ascii=False)
        try:
            self.db.execute(
                "INSERT OR REPLACE INTO documents_v2 (doc, sha256, version, meta, text, facts) VALUES (?, ?, ?, ?, ?, ?)",
                (doc, sha256, version, json.dumps(meta or {}), text, payload),
            )
        except sqlite3.DatabaseError as exc:  # a full disk, a read-only folder: only time is lost
            if not self._damaged(exc):
                self._off(exc)

    def keep_only(self, docs: set[str]) -> int:
        """Forget documents that are no longer sources; returns how many."""
        if self.db is None or self.read_only:
            return 0
        try:
            stale = [d for (d,) in self.db.execute("SELECT DISTINCT doc FROM documents_v2") if d not in docs]
            self.db.executemany("DELETE FROM documents_v2 WHERE doc = ?", [(d,) for d in stale])
        except sqlite3.DatabaseError as exc:
            if not self._damaged(exc):
                self._off(exc)
            return 0
        return len(stale)

    def close(self) -> None:
        if self.db is not None:
            try:
                self.db.close()
            except sqlite3.Error:
                pass
            self.db = None


def _fact_from_dict(data: dict) -> Fact:
    """One validation call per fact, nested evidence included (two separate ones cost twice)."""
    if "source" not in data:
        data = {**data, "source": "extracted"}
    return Fact.model_validate(data)
