"""The whole pipeline, top to bottom: sources -> facts -> knowledge -> briefs -> files.

Everything is read and validated before anything is written; every file is
written to a temporary name and renamed, so a failed or interrupted build
leaves each output either as it was or complete. A brief whose inputs (its
landscape, the facts it shows, the templates, the formats) are unchanged is
not rendered again.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from reportgen import __version__
from reportgen.brief import Brief, brief_facts, build_brief, resolve_as_of, select_entities
from reportgen.errors import BuildError, InputError, Location, Problem, ReportgenError
from reportgen.facts import Fact
from reportgen.knowledge import build_knowledge, curated_facts
from reportgen.landscape import Landscape, find_landscapes, load_landscape
from reportgen.output import default_formats, output_path
from reportgen.paths import inside_project, within, within as _within  # one path policy for every command
from reportgen.sources import Document, SkippedSource

log = logging.getLogger(__name__)
FORMATS = default_formats()  # the registered writers that a plain build writes
MANIFEST = ".manifest.json"


@dataclass
class Project:
    root: Path

    @property
    def sources(self) -> Path:
        return self.root / "landscapes" / "sources"


@dataclass
class Corpus:
    """The project's documents and the facts extracted from them."""

    docs: dict[str, Document]
    skipped: list[SkippedSource]
    facts: list[Fact]


@dataclass
class BuildResult:
    written: list[Path] = field(default_factory=list)
    built: list[str] = field(default_factory=list)
    skipped: dict[str, str] = field(default_factory=dict)  # brief id -> why it was not rebuilt
    briefs: list[Brief] = field(default_factory=list)


# --- reading -----------------------------------------------------------------

MIN_PARALLEL = 24  # uncached documents below which a pool costs more (its start-up) than it saves


def load_corpus(project: Project, cache_dir: Path | None = None, extract: bool = True,
                lexicon: dict | None = None, jobs: int | None = 1) -> Corpus:
    """Read every source and extract its facts, reusing the cache where it can.

    `lexicon` extends the extractor's lexicons (a landscape's `lexicon:`); facts
    extracted with it are cached apart. Uncached documents are read and
    extracted on `jobs` worker processes (None: the CPU count); results,
    warnings and their order are those of a serial run.
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

        cache = open_cache(cache_dir / "facts.sqlite", root)
    docs: dict[str, Document] = {}
    skipped: list[SkippedSource] = []
    for path in outside:
        log.warning("skipping %s: it %s", path.name, refused[path])
        skipped.append(SkippedSource(id=path.name, reason=refused[path]))
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
                log.warning("skipping %s: %s", path.name, hit)
                skipped.append(SkippedSource(id=path.name, reason=hit))
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
                    log.warning("skipping %s: %s", path.name, reason)
                    skipped.append(SkippedSource(id=path.name, reason=reason))
                    continue
                if cache:
                    fields = {k: getattr(doc, k) for k in ("title", "publisher", "url", "date")
                              if getattr(doc, k) is not None}
                    if "date" in fields:
                        fields["date"] = fields["date"].isoformat()
                    cache.put(path.name, key, version, doc.text, doc_facts,
                              meta={"fields": fields, "warnings": [list(w) for w in warnings]})
            docs[doc.id] = doc
            facts.extend(doc_facts)
        if cache:
            cache.keep_only(set(docs))
    finally:
        if cache:
            cache.close()
    return Corpus(docs=docs, skipped=skipped, facts=facts)


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
            log.warning("skipping %s: %s", path.name, reason)
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


def load_landscapes(project: Project, names: list[str] | None, corpus: Corpus) -> list[tuple[Path, Landscape]]:
    """Every selected landscape, validated; all problems of all files reported at once."""
    loaded, problems = check_landscapes(project, names, corpus)
    if problems:
        raise InputError(problems)
    return loaded


def check_landscapes(project: Project, names: list[str] | None,
                     corpus: Corpus) -> tuple[list[tuple[Path, Landscape]], list[Problem]]:
    """The valid landscapes, and every problem of the invalid ones (a build builds the valid)."""
    texts = {doc_id: doc.text for doc_id, doc in corpus.docs.items()}
    loaded, problems, ids = [], [], {}
    for path in find_landscapes(project.root, names):
        if not _within(path.resolve(), project.root.resolve()):
            problems.append(Problem(Location(str(path)), "landscape file is outside the project", None))
            continue
        try:
            landscape = load_landscape(path, texts)
        except InputError as exc:
            problems.extend(exc.problems)
            continue
        if landscape.id in ids:
            problems.append(Problem(Location(str(path)), f"duplicate landscape id {landscape.id!r} (also in {ids[landscape.id]})"))
            continue
        ids[landscape.id] = path
        loaded.append((path, landscape))
    return loaded, problems


# --- one brief ---------------------------------------------------------------

@dataclass
class BriefPlan:
    """A brief computed but not yet rendered: its view model, facts and input hash."""

    brief: Brief
    facts: list[Fact]
    edition: object
    new_edition: bool
    inputs_hash: str
    selection: str = ""


@dataclass
class Selection:
    """A brief's rows and comparators, and a digest of everything its view model is computed from."""

    applied: object
    knowledge: object
    full: object
    rows: list
    comparators: list
    digest: str


def select_brief(project: Project, path: Path, landscape: Landscape, corpus: Corpus, out_dir: Path | None,
                 input_salt: str = "", review=None, shared: dict | None = None) -> Selection:
    """Knowledge (shared by briefs with the same inputs) and the brief's rows, without the brief.

    The digest covers what `build_brief` reads: the landscape, review file,
    templates and version, the selected entities with their neighbours (their
    developers, an organization's assets, the guidelines their sources cite),
    the sidecar fields of every document those facts cite, and skipped sources.
    A new document that touches none of these leaves the
    digest, and so the brief, as it was: the build skips the brief unplanned.
    """
    from reportgen.brief.select import _guideline_facts
    from reportgen.review import apply_decisions, hide_pending

    via = _shown(project.root, path)
    shared = {} if shared is None else shared
    akey = ("applied", id(corpus))
    if akey not in shared:
        shared[akey] = apply_decisions(corpus.facts, review, corpus.docs)
    applied = shared[akey]
    curated = curated_facts(landscape.entities, corpus.docs, via)
    kkey = ("knowledge", id(corpus), json.dumps([f.to_json() for f in curated]),
            json.dumps([e.model_dump(mode="json") for e in landscape.entities], sort_keys=True))
    if kkey not in shared:
        shared[kkey] = build_knowledge([*applied.facts, *curated], landscape.entities,
                                       review.removals if review else ())
    knowledge = full = shared[kkey]
    if landscape.review == "required":
        hkey = ("hidden", kkey)
        if hkey not in shared:
            shared[hkey] = hide_pending(knowledge, applied)
        knowledge = shared[hkey]
    rows, comparators = select_entities(landscape, knowledge)

    digest = hashlib.sha256()

    def add(text: str) -> None:
        digest.update(text.encode("utf-8", "surrogatepass"))
        digest.update(b"\0")

    for part in (__version__, input_salt, path.read_bytes().decode("utf-8", "replace"),
                 review.digest if review else "", json.dumps([s.model_dump(mode="json") for s in corpus.skipped])):
        add(part)
    selected = [*rows, *comparators]
    add(str(len(rows)))
    seen: set[tuple[str, str]] = set()
    by_key = {e.key: e for e in full.entities} if full is not knowledge else {}
    docs: set[str] = set()

    def entity(e) -> None:
        marker = (e.key, str(len(e.facts)))
        if marker in seen:
            return
        seen.add(marker)
        add(e.model_dump_json())
        docs.update(f.evidence.doc for f in e.facts)

    for e in selected:
        entity(e)
        for other in (by_key.get(e.key),
                      *(knowledge.find(f.object) for f in e.facts
                        if f.predicate in ("developer", "partner") and isinstance(f.object, str)),
                      *(knowledge.assets_of(e.names) if e.kind == "organization" else ())):
            if other is not None:
                entity(other)
    for f in _guideline_facts(landscape.scope, rows, knowledge):
        add(f.to_json())
        docs.add(f.evidence.doc)
    docs.update(c.doc for n in landscape.notes for c in n.cite)
    for doc_id in sorted(docs):
        doc = corpus.docs.get(doc_id)
        add(doc_id if doc is None else doc.model_dump_json(exclude={"text"}))
    return Selection(applied=applied, knowledge=knowledge, full=full, rows=rows, comparators=comparators,
                     digest=digest.hexdigest()[:32])


def plan_brief(project: Project, path: Path, landscape: Landscape, corpus: Corpus, out_dir: Path | None,
               input_salt: str = "", review=None, selection: Selection | None = None) -> BriefPlan:
    from reportgen.editions import diff, mark_pending, pending_changes, place_edition, snapshot
    from reportgen.render import markdown_to_html

    sel = selection or select_brief(project, path, landscape, corpus, out_dir, input_salt, review)
    applied, knowledge, full, rows, comparators = sel.applied, sel.knowledge, sel.full, sel.rows, sel.comparators
    facts = brief_facts([*rows, *comparators])
    as_of = resolve_as_of(landscape, [*rows, *comparators], corpus.docs)
    current = snapshot(landscape.id, as_of, [e.name for e in rows], facts)
    edition, previous, is_new = (place_edition(out_dir, current) if out_dir else (current, None, False))
    changes = diff(previous, edition)
    hidden: list[Fact] = []
    if landscape.review == "marked":
        changes = mark_pending(changes, applied.is_pending)
    elif landscape.review == "required":
        by_key = {e.key: e for e in full.entities}
        hidden = [f for e in [*rows, *comparators] for f in by_key.get(e.key, e).facts if applied.is_pending(f)]
        changes = pending_changes(changes, previous, hidden)
    notes_html = [markdown_to_html(n.text) for n in landscape.notes]
    brief = build_brief(landscape, knowledge, corpus.docs, corpus.skipped, notes_html, changes, (rows, comparators),
                        is_pending=applied.is_pending if landscape.review == "marked" else None,
                        hidden_pending=len({(f.subject, f.predicate, f.object_key()) for f in hidden}))
    digest = hashlib.sha256()
    for part in (__version__, input_salt, path.read_bytes().decode("utf-8", "replace"), brief.model_dump_json(),
                 review.digest if review else ""):
        digest.update(part.encode("utf-8"))
        digest.update(b"\0")
    return BriefPlan(brief=brief, facts=facts, edition=edition, new_edition=is_new, inputs_hash=digest.hexdigest(),
                     selection=sel.digest)


def make_brief(project: Project, path: Path, landscape: Landscape, corpus: Corpus,
               review=None) -> tuple[Brief, list[Fact]]:
    plan = plan_brief(project, path, landscape, corpus, None, review=review)
    return plan.brief, plan.facts


def render_brief(brief: Brief, facts: list[Fact], formats, env, root: Path, out_dir: Path) -> list[tuple[Path, bytes]]:
    """One file per format, each written by its registered writer (reportgen/output/)."""
    from reportgen.output import OutputContext, get_writer, output_path

    context = OutputContext(env=env, root=root, out_dir=out_dir)
    return [(output_path(out_dir, brief.id, f), get_writer(f).write(brief, facts, context)) for f in formats]


# --- the build ---------------------------------------------------------------

def build(project_root: Path, names: list[str] | None = None, formats: tuple[str, ...] = FORMATS,
          out_dir: Path | None = None, templates: Path | None = None, force: bool = False,
          jobs: int | None = None, views: bool = True, inputs: str | None = None) -> BuildResult:
    """Build every valid brief; then raise for what could not be built.

    One invalid landscape does not stop the others: they are built, then an
    InputError lists its problems (exit 2). One brief that fails to render is
    reported, the others written, then a BuildError (exit 1). Either error
    carries the `BuildResult` as `.result`.

    `views=False` skips briefs whose inputs are unchanged before computing their
    view model (the CLI's way); with it, `result.briefs` has only the briefs built.
    """
    from reportgen.render import make_environment, template_dirs

    from reportgen.uptodate import STAMP, fingerprint, stamp_bytes

    project = Project(project_root)
    out_dir = inside_project(project.root, out_dir or project.root / "out", "--out")
    dirs = template_dirs(project.root, templates)
    check_out_dir(project.root, out_dir, dirs)
    if inputs is None:  # before reading: what this build is of (the CLI has it from its up-to-date check)
        inputs = fingerprint(project.root, names, formats, templates)
    with build_lock(out_dir):
        remove_stale_temporaries(out_dir)
        log.info("reading sources in %s", project.sources)
        corpus = load_corpus(project, cache_dir=out_dir / ".cache", jobs=jobs)
        log.info("%d sources read, %d skipped, %d facts", len(corpus.docs), len(corpus.skipped), len(corpus.facts))
        landscapes, problems = check_landscapes(project, names, corpus)
        salt = _templates_hash(dirs)  # each format's own hash adds its name (format_hash)
        manifest = read_manifest(out_dir)
        if not names:  # a full build forgets briefs whose landscape is gone (not those merely invalid)
            present = {p.stem for p in find_landscapes(project.root, None)} | {ls.id for _, ls in landscapes}
            manifest = {k: v for k, v in manifest.items() if k in present}
        site_before = json.dumps(manifest, sort_keys=True)

        env = None
        outputs: list[tuple[Path, bytes]] = []
        result = BuildResult()
        failures: list[str] = []
        corpora = {"": corpus}
        for path, landscape in landscapes:
            lex_key = json.dumps(landscape.lexicon, sort_keys=True) if landscape.lexicon else ""
            if lex_key not in corpora:
                corpora[lex_key] = load_corpus(project, cache_dir=out_dir / ".cache", lexicon=landscape.lexicon, jobs=jobs)
        review, review_problems = check_review(project, landscapes, corpora)
        problems = [*problems, *review_problems]
        unremovable = {p.location.path for p in review_problems}
        pending: list[tuple[Path, Landscape, BriefPlan, tuple[str, ...]]] = []
        shared: dict = {}  # knowledge built once for briefs with the same facts and curation
        for path, landscape in landscapes:
            if str(path) in unremovable or _shown(project.root, path) in unremovable:
                continue  # a remove: that matches nothing: reported with the problems, not built
            try:
                lex_key = json.dumps(landscape.lexicon, sort_keys=True) if landscape.lexicon else ""
                old = manifest.get(landscape.id, {})
                old_inputs = old.get("inputs") if isinstance(old.get("inputs"), dict) else {}
                sel = select_brief(project, path, landscape, corpora[lex_key], out_dir, salt, review, shared)
                if (not force and not views and old.get("selection") == sel.digest and all(f in old_inputs for f in formats)
                        and all(output_path(out_dir, landscape.id, f).exists() for f in formats)):
                    result.skipped[landscape.id] = "inputs unchanged"  # not even planned: nothing it shows changed
                    continue
                plan = plan_brief(project, path, landscape, corpora[lex_key], out_dir, salt, review=review,
                                  selection=sel)
                # a format is rendered when its input (the view model, templates, format) changed or its file is gone
                todo = tuple(f for f in formats if force or old_inputs.get(f) != format_hash(plan.inputs_hash, f)
                             or not output_path(out_dir, landscape.id, f).exists())
                if not todo:
                    result.briefs.append(plan.brief)
                    result.skipped[landscape.id] = "inputs unchanged"
                    if old.get("selection") != plan.selection:  # same view model: remember the new digest
                        manifest[landscape.id] = {**old, "selection": plan.selection}
                    continue
                log.info("rendering %s (%s)", landscape.id, ", ".join(todo))
                pending.append((path, landscape, plan, todo))
            except (BuildError, InputError) as exc:
                failures.append(f"{path.name}: {exc}")
                log.error("%s: not built: %s", landscape.id, exc)
            except Exception as exc:  # noqa: BLE001  one brief's bad data must not cost the others their build
                failures.append(f"{path.name}: {type(exc).__name__}: {exc}")
                log.error("%s: not built: %s: %s", landscape.id, type(exc).__name__, exc)
        # render every (brief, format) on the pool; results in plan order, so bytes and files match a serial run
        from reportgen.output.pool import render_tasks

        tasks = [(plan.brief, plan.facts, f) for _, _, plan, todo in pending for f in todo]
        rendered = iter(render_tasks(tasks, dirs, project.root, out_dir, jobs) if tasks else [])
        for path, landscape, plan, todo in pending:
            results = [next(rendered) for _ in todo]
            errors = [exc for _, exc in results if exc is not None]
            if errors:
                exc = errors[0]
                text = str(exc) if isinstance(exc, (BuildError, InputError)) else f"{type(exc).__name__}: {exc}"
                failures.append(f"{path.name}: {text}")
                log.error("%s: not built: %s", landscape.id, text)
                continue
            brief_outputs = [(output_path(out_dir, landscape.id, f), data) for f, (data, _) in zip(todo, results)]
            if plan.new_edition:
                from reportgen.editions import edition_bytes, editions_dir

                brief_outputs.append((editions_dir(out_dir, landscape.id) / f"{plan.edition.name}.json",
                                      edition_bytes(plan.edition)))
            result.briefs.append(plan.brief)
            outputs.extend(brief_outputs)
            old = manifest.get(landscape.id, {})
            old_inputs = old.get("inputs") if isinstance(old.get("inputs"), dict) else {}
            manifest[landscape.id] = manifest_entry(plan.brief, formats, {
                **{f: h for f, h in old_inputs.items() if isinstance(h, str)},
                **{f: format_hash(plan.inputs_hash, f) for f in formats}}, plan.selection)
            result.built.append(landscape.id)
        if result.built or json.dumps(manifest, sort_keys=True) != site_before or not (out_dir / "index.html").exists():
            env = env or make_environment(dirs)
            # a source page per cited document: rewrite (and fsync) only those whose bytes changed
            outputs.extend((target, data) for target, data in render_site(manifest, corpus.docs, env, out_dir)
                           if target.parent != out_dir / "sources" or not _holds(target, data))
            outputs.append((out_dir / MANIFEST, json.dumps(manifest, indent=1, sort_keys=True).encode()))
        clean = not problems and not failures and not corpus.skipped
        if clean:  # the next build with the same inputs can stop after hashing them (reportgen/uptodate.py)
            expected = [output_path(out_dir, ls.id, f) for _, ls in landscapes for f in formats]
            stamp = stamp_bytes(inputs, out_dir, [*expected, out_dir / "index.html"])
            if not (out_dir / STAMP).is_file() or (out_dir / STAMP).read_bytes() != stamp:
                outputs.append((out_dir / STAMP, stamp))
        # a failed build leaves the old stamp: it names other inputs, so the next build runs in full
        check_targets(project.root, [target for target, _ in outputs])
        write_all(outputs)
        result.written.extend(target for target, _ in outputs)
    if problems:
        error: ReportgenError = InputError(problems)
    elif failures:
        error = BuildError("\n".join(failures))
    else:
        return result
    error.result = result  # type: ignore[attr-defined]
    raise error


# --- the output folder -------------------------------------------------------

from reportgen.landscape import RESERVED_IDS as RESERVED_NAMES  # noqa: E402,F401  (what the site writes)


def check_out_dir(root: Path, out_dir: Path, template_dirs: list[Path]) -> None:
    """Refuse an output folder where inputs are read: it would turn outputs into inputs.

    An output folder that is, holds, or lies inside templates/, landscapes/
    (which holds the sources), a --templates folder or the package would let
    a rendered page become a template (code) or a source of the next build.
    """
    import reportgen

    out = out_dir.resolve()
    inputs = {
        "the project": root.resolve(),
        "the templates folder": (root / "templates").resolve(),  # even before it exists: a build would read it
        "the landscapes folder": (root / "landscapes").resolve(),
        "the sources folder": (root / "landscapes" / "sources").resolve(),
        "the reportgen package": Path(reportgen.__file__).resolve().parent,
    }
    for folder in template_dirs:
        if Path(folder).resolve() not in inputs.values():
            inputs[f"the templates folder {folder}"] = Path(folder).resolve()
    for what, folder in inputs.items():
        if what == "the project":
            if out == folder:
                raise InputError(Problem(Location(str(out_dir)), "--out is the project folder itself",
                                         "choose a folder of its own, such as out/"))
            continue
        # lying inside a folder that holds the whole project (a parent used as --templates) is fine
        inside = within(out, folder) and not within(root.resolve(), folder)
        if out == folder or inside or within(folder, out):
            relation = "is" if out == folder else ("lies inside" if inside else "contains")
            raise InputError(Problem(Location(str(out_dir)), f"--out {relation} {what}, where a build reads its inputs",
                                     "choose a folder of its own, such as out/"))


def check_targets(root: Path, targets: list[Path]) -> None:
    """No output is written through a link or into a folder that resolves outside the project."""
    from reportgen.paths import write_refusal

    for target in targets:
        refusal = write_refusal(target, root)
        if refusal:
            raise BuildError(f"{target}: not written: it {refusal}")


from reportgen.uptodate import STAGED as _STAGED  # noqa: E402  what _stage names (mkstemp's 8 characters)


def remove_stale_temporaries(out_dir: Path) -> int:
    """Delete staging files a killed build left behind; run under the build lock."""
    removed = 0
    for folder, subdirs, files in os.walk(out_dir):
        subdirs[:] = [d for d in subdirs if d != ".cache" and not os.path.islink(os.path.join(folder, d))]
        for name in files:
            if _STAGED.match(name):
                path = Path(folder) / name
                try:
                    path.unlink()
                    removed += 1
                except OSError as exc:
                    log.warning("%s: cannot remove a temporary file left by a killed build: %s", path, exc.strerror)
    if removed:
        log.info("removed %d temporary files left by an interrupted build", removed)
    return removed


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


def render_site(manifest: dict, docs: dict[str, Document], env, out_dir: Path) -> list[tuple[Path, bytes]]:
    """The wiki index of every brief, and one page per cited source document."""
    from reportgen.brief.source_pages import BackLink, build_source_pages_from_spans

    spans = []
    for brief_id, entry in sorted(manifest.items()):
        for number, doc, start, end in entry.get("references", []):
            spans.append((doc, start, end, BackLink(brief_id=brief_id, brief_title=entry["title"], number=number)))
    from reportgen.render import stylesheet

    css = stylesheet(env)
    out = []
    for page in build_source_pages_from_spans(spans, docs):
        html = env.get_template("source.html").render(page=page, css=css)
        out.append((out_dir / "sources" / page.file_name, html.encode("utf-8")))
    briefs = [dict(id=k, **{f: v for f, v in entry.items() if f not in ("references", "inputs", "selection")})
              for k, entry in sorted(manifest.items())]
    index = env.get_template("index.html").render(briefs=briefs, css=css)
    out.append((out_dir / "index.html", index.encode("utf-8")))
    return out


# --- writing -----------------------------------------------------------------

@contextlib.contextmanager
def build_lock(out_dir: Path, wait: float = 600.0):
    """One build at a time per output folder: a second one waits, then gives up clearly."""
    import fcntl
    import time

    if (out_dir / ".lock").is_symlink():
        raise BuildError(f"{out_dir / '.lock'}: is a symbolic link; reportgen does not write through links")
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
        handle = open(out_dir / ".lock", "a+")
    except OSError as exc:
        raise BuildError(f"{out_dir}: cannot write the output folder: {exc.strerror or exc}") from None
    try:
        deadline = time.monotonic() + wait
        announced = False
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if not announced:
                    log.warning("another build is writing %s; waiting for it to finish", out_dir)
                    announced = True
                if time.monotonic() > deadline:
                    raise BuildError(f"{out_dir}: another build has held the lock for {wait:.0f} s; giving up") from None
                time.sleep(0.2)
        yield
    finally:
        handle.close()


def write_all(outputs: list[tuple[Path, bytes]]) -> None:
    """Stage every file beside its target, then rename them all.

    A failure while staging (a full disk, say) removes what was staged and
    leaves every previous output untouched.
    """
    staged: list[tuple[str, Path]] = []
    try:
        for target, data in outputs:
            staged.append((_stage(target, data), target))
    except BaseException:
        for tmp, _ in staged:
            Path(tmp).unlink(missing_ok=True)
        raise
    try:
        for tmp, target in staged:
            os.replace(tmp, target)
    except OSError as exc:
        for tmp, _ in staged:
            Path(tmp).unlink(missing_ok=True)
        raise BuildError(f"cannot write outputs: {exc.strerror or exc}") from None


def _stage(target: Path, data: bytes) -> str:
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise BuildError(f"{target}: cannot write: {exc.strerror or exc}") from None
    try:
        os.chmod(tmp, 0o666 & ~_umask())
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise BuildError(f"{target}: cannot write: {exc.strerror or exc}") from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return tmp


def write_atomic(target: Path, data: bytes) -> None:
    """Write one file: staged beside the target, then renamed over it."""
    write_all([(target, data)])


def _holds(target: Path, data: bytes) -> bool:
    """The file is already exactly these bytes (a plain file, not a link)."""
    try:
        return (not target.is_symlink() and target.stat().st_size == len(data)
                and target.read_bytes() == data)
    except OSError:
        return False


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def changes_since(project_root: Path, landscape_id: str, since: str | None = None,
                  out_dir: Path | None = None):
    """What changed between an edition (default: the one before the newest) and the newest."""
    from reportgen.editions import diff, list_editions, read_edition

    from reportgen.landscape import ID_PATTERN
    from reportgen.paths import read_refusal

    out_dir = inside_project(project_root, out_dir or project_root / "out", "--out")
    if not re.fullmatch(ID_PATTERN, landscape_id):
        raise InputError(Problem(Location(landscape_id), "not a landscape id",
                                 "ids are lower-case letters, digits and hyphens, like the landscape's file name"))
    if read_refusal(out_dir / landscape_id, project_root):
        raise InputError(Problem(Location(str(out_dir / landscape_id)), "resolves outside the project; not read"))
    names = list_editions(out_dir, landscape_id)
    if not names:
        raise InputError(f"{landscape_id}: no editions in {out_dir} yet; run reportgen build first")
    if since is not None and since not in names:
        raise InputError(Problem(Location(since), f"no edition {since!r} of {landscape_id}",
                                 f"editions: {', '.join(names)}"))
    current = read_edition(out_dir, landscape_id, names[-1])
    if since is None:
        previous = read_edition(out_dir, landscape_id, names[-2]) if len(names) > 1 else None
    else:
        previous = read_edition(out_dir, landscape_id, since)
    return diff(previous, current)


def validate(project_root: Path, names: list[str] | None = None) -> list[Landscape]:
    project = Project(project_root)
    cache = project.root / "out" / ".cache"
    # removals are checked against the facts, so validate extracts (reusing the cache when there is one)
    corpus = load_corpus(project, cache_dir=cache if (cache / "facts.sqlite").exists() else None)
    loaded, problems = check_landscapes(project, names, corpus)
    corpora = {"": corpus}
    for _, landscape in loaded:
        lex_key = json.dumps(landscape.lexicon, sort_keys=True) if landscape.lexicon else ""
        if lex_key not in corpora:
            corpora[lex_key] = load_corpus(project, lexicon=landscape.lexicon)
    _, review_problems = check_review(project, loaded, corpora)
    problems = [*problems, *review_problems]
    unremovable = {p.location.path for p in review_problems}
    valid = [ls for path, ls in loaded if str(path) not in unremovable and _shown(project.root, path) not in unremovable]
    if problems:
        error = InputError(problems)
        error.result = valid  # type: ignore[attr-defined]  (the CLI still says which are ok)
        raise error
    return valid


def _shown(root: Path, path: Path) -> str:
    return path.relative_to(root).as_posix() if path.is_relative_to(root) else path.name


def check_review(project: Project, landscapes: list[tuple[Path, Landscape]],
                 corpora: dict[str, "Corpus"]) -> tuple[object, list[Problem]]:
    """Load the review file once; removals that match nothing are problems; warn of stale decisions.

    Every `remove:` (a landscape's or the review file's) must name an entity
    and a value that the extracted facts have: one that matches nothing
    would remove nothing, silently.
    """
    from reportgen.landscape import check_removals, removal_problem
    from reportgen.review import apply_decisions, fact_id, load_review, stale_problems

    corpus = corpora[""]
    review = load_review(project.root, {d: doc.text for d, doc in corpus.docs.items()})
    problems: list[Problem] = []
    for path, landscape in landscapes:
        if not any(e.remove or e.distinct_from for e in landscape.entities):
            continue
        lex_corpus = corpora[json.dumps(landscape.lexicon, sort_keys=True) if landscape.lexicon else ""]
        curated = curated_facts(landscape.entities, lex_corpus.docs, _shown(project.root, path))
        unremoved = [e.model_copy(update={"remove": []}) for e in landscape.entities]
        problems.extend(check_removals(path, landscape, build_knowledge([*lex_corpus.facts, *curated], unremoved)))
    if review.removals:
        knowledges = [build_knowledge(c.facts) for c in corpora.values()]
        for removal, (name_at, value_at, predicate_at) in zip(review.removals, review.removal_positions):
            found = [removal_problem(k, removal.entity, removal.predicate, removal.object, name_at,
                                     value_at or predicate_at) for k in knowledges]
            if all(found):
                problems.append(found[0])
    if review.decisions:
        known = {fact_id(f) for c in corpora.values() for f in c.facts if f.source == "extracted"}
        stale = apply_decisions([], review, known_ids=known).stale
        for problem in stale_problems(review, stale):
            log.warning("%s", problem)
    return review, problems
