"""A disposable SQLite store of document texts and their facts.

Keyed by the document's name, the sha256 of its bytes and the extractor's
version: a build re-reads and re-extracts only new or changed documents.
Deleting `out/.cache/` changes nothing but build time.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from reportgen.facts import Evidence, Fact

SCHEMA = """
CREATE TABLE IF NOT EXISTS documents_v2 (
    doc TEXT NOT NULL, sha256 TEXT NOT NULL, version TEXT NOT NULL,
    meta TEXT NOT NULL, text TEXT NOT NULL, facts TEXT NOT NULL,
    PRIMARY KEY (doc, version)
);
"""


class FactCache:
    def __init__(self, path: Path):
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        try:
            self.db = self._open()
        except sqlite3.DatabaseError:
            # a damaged cache is only lost time: start afresh
            path.unlink(missing_ok=True)
            self.db = self._open()

    def _open(self) -> sqlite3.Connection:
        db = sqlite3.connect(self.path, timeout=30, isolation_level=None)
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=NORMAL")
        db.executescript(SCHEMA)
        db.execute("SELECT count(*) FROM documents_v2").fetchone()
        return db

    def get(self, doc: str, sha256: str, version: str) -> tuple[str, list[Fact]] | None:
        row = self.db.execute(
            "SELECT text, facts FROM documents_v2 WHERE doc = ? AND sha256 = ? AND version = ?",
            (doc, sha256, version),
        ).fetchone()
        if row is None:
            return None
        text, facts_json = row
        return text, [_fact_from_dict(d) for d in json.loads(facts_json)]

    def put(self, doc: str, sha256: str, version: str, text: str, facts: list[Fact], meta: dict | None = None) -> None:
        payload = json.dumps([json.loads(f.to_json()) for f in facts], ensure_ascii=False)
        self.db.execute(
            "INSERT OR REPLACE INTO documents_v2 (doc, sha256, version, meta, text, facts) VALUES (?, ?, ?, ?, ?, ?)",
            (doc, sha256, version, json.dumps(meta or {}), text, payload),
        )

    def keep_only(self, docs: set[str]) -> int:
        """Forget documents that are no longer sources; returns how many."""
        stale = [d for (d,) in self.db.execute("SELECT DISTINCT doc FROM documents_v2") if d not in docs]
        self.db.executemany("DELETE FROM documents_v2 WHERE doc = ?", [(d,) for d in stale])
        return len(stale)

    def close(self) -> None:
        self.db.close()


def _fact_from_dict(data: dict) -> Fact:
    return Fact(subject=data["subject"], predicate=data["predicate"], object=data["object"],
                evidence=Evidence(**data["evidence"]), source=data.get("source", "extracted"))
