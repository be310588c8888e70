"""The corpus: every source read and its facts extracted, through the cache, on a pool when it pays.

A document's cache key is its bytes' and its sidecar's digests; the extractor's
fingerprint (code version, data files, a landscape's lexicon) is the version.
"""

from __future__ import annotations

import hashlib
import json
import logging
from dataclasses import dataclass
from pathlib import Path

from reportgen.facts import Fact
from reportgen.project import Project
from reportgen.sources import Document, SkippedSource, skip

log = logging.getLogger(__name__)


@dataclass
class Corpus:
    """The project's documents and the facts extracted from them."""

    docs: dict[str, Document]
    skipped: list[SkippedSource]
    facts: list[Fact]


MIN_PARALLEL = 24  # uncached documents below which a pool costs more (its start-up) than it saves


def load_corpus(project: Project, cache_dir: Path | None = None, extract: bool = True,
                lexicon: dict | None = None, jobs: int | None = 1, read_only: bool = False) -> Corpus:
    """Read every source and extract its facts, reusing the cache where it can.

    `lexicon` extends the extractor's lexicons (a landscape's `lexicon:`); facts
    extracted with it are cached apart. Uncached documents are read and
    extracted on `jobs` worker processes (None: the CPU count); results,
    warnings and their order are those of a serial run. `read_only`: the
    cache is only read (what `validate` needs), never written.
    """
    from reportgen.extract import get_extractor
    from reportgen.sources import DocumentError, sidecar_path

    extractor = get_extractor(lexicon or None)
    # the cache key: code version, data files' bytes and the landscape's lexicon (an edited
    # extract/data/*.yaml re-extracts instead of serving stale facts)
    version = extractor.fingerprint
    from reportgen.paths import read_refusal

    root = project.root.resolve()
    sources_ok = project.sources.is_dir() and read_refusal(project.sources, root) is None
    if project.sources.is_dir() and not sources_ok:
        log.warning("%s: not read: it resolves outside the project", project.sources)
    from reportgen.sources import find_sources

    paths = find_sources([project.sources]) if sources_ok else []
    refused = {p: _refusal(p, root) for p in paths}
    outside = [p for p in paths if refused[p]]
    paths = [p for p in paths if not refused[p]]
    cache = None
    if cache_dir is not None:
        from reportgen.cache import open_cache

        cache = open_cache(cache_dir / "facts.sqlite", root, read_only=read_only)
    docs: dict[str, Document] = {}
    skipped: list[SkippedSource] = []
    for path in outside:
        skip(path.name, refused[path], skipped)
    facts: list[Fact] = []
    try:
        # first every document's key and cache entry, then the uncached ones all at once (on the pool)
        entries: list[tuple[Path, str | None, object]] = []
        for path in paths:
            try:
                key = _source_key(path, sidecar_path(path), root)
            except DocumentError as exc:
                entries.append((path, None, exc.reason))
                continue
            hit = cache.get(path.name, key, version) if cache else None
            entries.append((path, key, hit))
        misses = [(path, root) for path, key, hit in entries if key is not None and hit is None]
        want = bool(extract or cache)
        fresh = _read_all(misses, lexicon, want, extractor, jobs)
        for path, key, hit in entries:
            if key is None:
                skip(path.name, hit, skipped)
                continue
            if hit is not None:
                text, doc_facts, meta = hit
                for name, level, message in meta.get("warnings", []):
                    logging.getLogger(name).log(level, "%s", message)
                doc = Document(id=path.name, text=text, sha256=key.split(":")[0], **meta.get("fields", {}))
            else:
                doc, doc_facts, warnings, reason = next(fresh)
                for name, level, message in warnings:
                    logging.getLogger(name).log(level, "%s", message)
                if doc is None:
                    skip(path.name, reason, skipped)
                    continue
                if cache:
                    store(cache, key, version, doc, doc_facts, warnings)
            docs[doc.id] = doc
            facts.extend(doc_facts)
        if cache:
            cache.keep_only(set(docs))
    finally:
        if cache:
            cache.close()
    return Corpus(docs=docs, skipped=skipped, facts=facts)


def store(cache, key: str, version: str, doc: Document, doc_facts: list[Fact], warnings: list) -> None:
    """Cache one read document: its text, facts, sidecar fields and warnings (replayed on a hit)."""
    fields = {k: getattr(doc, k) for k in ("title", "publisher", "url", "date") if getattr(doc, k) is not None}
    if "date" in fields:
        fields["date"] = fields["date"].isoformat()
    cache.put(doc.id, key, version, doc.text, doc_facts, meta={"fields": fields, "warnings": [list(w) for w in warnings]})


def extract_sources(paths: list[Path], root: Path | None = None, jobs: int | None = None):
    """(document, facts) for every source named or inside a named folder, in name order.

    What `reportgen facts` prints: the build's path policy, its warnings, and
    its pool (`jobs` workers; None: the CPU count), with the output of a serial run.
    """
    from reportgen.extract import get_extractor
    from reportgen.sources import _with_roots

    tasks = _with_roots(paths, root)
    for (path, _), (doc, found, warnings, reason) in zip(tasks, _read_all(tasks, None, True, get_extractor(), jobs)):
        for name, level, message in warnings:
            logging.getLogger(name).log(level, "%s", message)
        if doc is None:
            skip(path.name, reason)
            continue
        yield doc, found


def _read_all(tasks: list[tuple[Path, Path]], lexicon: dict | None, want_facts: bool, extractor,
              jobs: int | None):
    """`_read_one` for every (path, root), in order: in this process, or on a pool of `jobs` workers."""
    from reportgen.output.pool import default_jobs

    jobs = jobs or default_jobs()
    if jobs <= 1 or len(tasks) < MIN_PARALLEL:
        for path, root in tasks:
            yield _read_one(path, root, lexicon, want_facts, extractor)
        return
    from concurrent.futures import ProcessPoolExecutor

    workers = min(jobs, len(tasks) // (MIN_PARALLEL // 2) or 1)
    log.info("extracting %d documents on %d worker processes", len(tasks), workers)
    with ProcessPoolExecutor(max_workers=workers) as pool:
        chunk = max(1, min(32, len(tasks) // (workers * 8)))
        yield from pool.map(_read_one_task, [(p, r, lexicon, want_facts) for p, r in tasks], chunksize=chunk)


def _read_one_task(task: tuple) -> tuple:
    return _read_one(*task)


class _Captured(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[tuple[str, int, str]] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append((record.name, record.levelno, record.getMessage()))


def _read_one(path: Path, root: Path, lexicon: dict | None, want_facts: bool, extractor=None) -> tuple:
    """(document, facts, warnings, None) or (None, [], warnings, why it was skipped).

    Warnings are collected, not printed, so the caller prints them in source
    order whichever process read the document, and the cache keeps them.
    """
    from reportgen.sources import DocumentError, read_document

    logger = logging.getLogger("reportgen")
    capture = _Captured()
    handlers, level = logger.handlers[:], logger.level
    logger.handlers[:] = [capture]
    logger.setLevel(min(level or logging.WARNING, logging.WARNING))
    try:
        try:
            doc = read_document(path, root)
            doc_facts = _extract(doc, lexicon, extractor or _worker_extractor(lexicon)) if want_facts else []
        except DocumentError as exc:
            return None, [], capture.records, exc.reason
        except Exception as exc:  # noqa: BLE001  a reader or the extractor tripped: one document lost, not the build
            return None, [], capture.records, f"could not be processed ({type(exc).__name__}: {str(exc)[:200]})"
    finally:
        logger.handlers[:] = handlers
        logger.setLevel(level)
    return doc, doc_facts, capture.records, None


_extractors: dict[str, object] = {}


def _worker_extractor(lexicon: dict | None):
    """One extractor per worker process and lexicon (compiling lexicons is not free)."""
    from reportgen.extract import get_extractor

    key = json.dumps(lexicon, sort_keys=True) if lexicon else ""
    if key not in _extractors:
        _extractors[key] = get_extractor(lexicon or None)
    return _extractors[key]


def _extract(doc: Document, lexicon: dict | None = None, extractor=None) -> list[Fact]:
    from reportgen.extract import get_extractor

    return (extractor or get_extractor(lexicon or None)).extract(doc)


def _refusal(path: Path, root: Path) -> str | None:
    """read_refusal for a file listed in the (checked) sources folder: only a link needs resolving."""
    from reportgen.paths import read_refusal

    return read_refusal(path, root) if path.is_symlink() else None


def _source_key(path: Path, sidecar: Path, root: Path) -> str:
    from reportgen.sources import MAX_BYTES, MAX_SIDECAR_BYTES, DocumentError, sidecar_exists

    read_refusal = _refusal

    try:
        if path.stat().st_size > MAX_BYTES:  # not read into memory; read_document says why
            raise DocumentError(path.name, f"too large ({path.stat().st_size // 1_048_576} MiB; "
                                           f"the limit is {MAX_BYTES // 1_048_576} MiB)")
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        readable = (sidecar_exists(sidecar) and read_refusal(sidecar, root) is None
                    and sidecar.stat().st_size <= MAX_SIDECAR_BYTES)
        meta = hashlib.sha256(sidecar.read_bytes()).hexdigest()[:16] if readable else "-"
    except OSError as exc:
        raise DocumentError(path.name, f"cannot read: {exc.strerror or exc}") from None
    return f"{digest}:{meta}"
