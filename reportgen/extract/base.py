"""The extractor seam: what build, `facts` and validation call, whatever the backend.

An `Extractor` has a name, a version and a fingerprint that covers its code
version *and* its data (so the fact cache is invalidated when a lexicon file
changes), and turns a document into facts. `BACKENDS` lists the registered
ones; a model-based backend plugs in here without touching its callers, and
the shared contract test (tests/test_extract_contract.py) runs on each.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
import json
from functools import lru_cache
from typing import Callable, Protocol, runtime_checkable

from reportgen.extract.lexicon import DATA_DIR, EXTENSION_KEYS
from reportgen.facts import Fact
from reportgen.sources import Document

__all__ = ["Extractor", "RuleExtractor", "BACKENDS", "EXTENSION_KEYS", "get_extractor", "data_digest"]


@runtime_checkable
class Extractor(Protocol):
    name: str
    version: str

    @property
    def fingerprint(self) -> str: ...

    def extract(self, document: Document) -> list[Fact]: ...


SHARED_DATA_DIR = Path(__file__).resolve().parent.parent / "data"


CODE_DIR = Path(__file__).resolve().parent
# reportgen modules outside extract/ whose code decides what a fact is (dates, diseases, names, places, facts)
SHARED_CODE = ("dates.py", "diseases.py", "facts.py", "naming.py", "places.py", "sources.py", "vocab.py")


def data_files() -> list[Path]:
    """Every file extraction reads or runs: its lexicons and cues, the package's shared
    vocabularies (MeSH diseases, places, the fact vocabulary), and its code, so a rule
    changed without a version bump (a development install, a patched copy) is a new cache key."""
    shared_code = [CODE_DIR.parent / name for name in SHARED_CODE if (CODE_DIR.parent / name).is_file()]
    return (sorted(DATA_DIR.glob("*.yaml")) + sorted(p for p in SHARED_DATA_DIR.iterdir() if p.is_file())
            + sorted(CODE_DIR.glob("*.py")) + shared_code)


@lru_cache(maxsize=4)
def _data_digest(stamp: tuple) -> str:
    h = hashlib.sha256()
    for path in data_files():
        h.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()


def data_digest() -> str:
    """sha256 over every data and code file's name and bytes (recomputed when a file's stat changes)."""
    stamp = tuple((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in data_files())
    return _data_digest(stamp)


class RuleExtractor:
    """The rule-based extractor (lexicons in data/*.yaml, shapes and cue phrases)."""

    name = "rules"

    def __init__(self, lexicon: dict | None = None):
        from reportgen.extract import EXTRACTOR_VERSION

        self.version = EXTRACTOR_VERSION
        self.lexicon = lexicon or None

    @property
    def fingerprint(self) -> str:
        extra = json.dumps(self.lexicon, sort_keys=True, ensure_ascii=False) if self.lexicon else ""
        digest = hashlib.sha256(f"{data_digest()}\0{extra}".encode()).hexdigest()[:16]
        return f"{self.name}-{self.version}-{digest}"

    def extract(self, document: Document) -> list[Fact]:
        from reportgen.extract import extract_facts

        return extract_facts(document, lexicon=self.lexicon)


BACKENDS: dict[str, Callable[..., Extractor]] = {"rules": RuleExtractor}


def get_extractor(lexicon: dict | None = None, backend: str = "rules") -> Extractor:
    """The extractor build and `facts` use; `lexicon` extends its vocabularies (EXTENSION_KEYS)."""
    return BACKENDS[backend](lexicon)
