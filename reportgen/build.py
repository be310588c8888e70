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
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from reportgen import __version__
from reportgen.brief import Brief, brief_facts, build_brief, resolve_as_of, select_entities
from reportgen.errors import BuildError, InputError, Location, Problem
from reportgen.facts import Fact, write_jsonl
from reportgen.knowledge import build_knowledge, curated_facts
from reportgen.landscape import Landscape, find_landscapes, load_landscape
from reportgen.sources import Document, SkippedSource

log = logging.getLogger(__name__)
FORMATS = ("html", "pdf", "csv", "xlsx")
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

def load_corpus(project: Project, cache_dir: Path | None = None, extract: bool = True,
                lexicon: dict | None = None) -> Corpus:
    """Read every source and extract its facts, reusing the cache where it can.

    `lexicon` extends the extractor's lexicons (a landscape's `lexicon:`); facts
    extracted with it are cached apart.
    """
    from reportgen.extract import get_extractor
    from reportgen.sources import DocumentError, find_sources, read_document, read_sidecar, sidecar_path

    extractor = get_extractor(lexicon or None)
    # the cache key: code version, data files' bytes and the landscape's lexicon (an edited
    # extract/data/*.yaml re-extracts instead of serving stale facts)
    version = extractor.fingerprint
    paths = find_sources([project.sources]) if project.sources.is_dir() else []
    outside = [p for p in paths if not _within(p.resolve(), project.root.resolve())]
    paths = [p for p in paths if p not in outside]
    cache = None
    if cache_dir is not None:
        from reportgen.cache import FactCache

        cache = FactCache(cache_dir / "facts.sqlite")
    docs: dict[str, Document] = {}
    skipped: list[SkippedSource] = []
    for path in outside:
        log.warning("skipping %s: it links outside the project", path.name)
        skipped.append(SkippedSource(id=path.name, reason="links to a file outside the project"))
    facts: list[Fact] = []
    try:
        for path in paths:
            try:
                key = _source_key(path, sidecar_path(path))
                hit = cache.get(path.name, key, version) if cache else None
                if hit is not None:
                    text, doc_facts = hit
                    doc = Document(id=path.name, text=text, sha256=key.split(":")[0], **read_sidecar(path))
                else:
                    doc = read_document(path)
                    doc_facts = _extract(doc, lexicon, extractor) if extract or cache else []
                    if cache:
                        cache.put(path.name, key, version, doc.text, doc_facts)
            except DocumentError as exc:
                log.warning("skipping %s: %s", exc.path, exc.reason)
                skipped.append(SkippedSource(id=path.name, reason=exc.reason))
                continue
            docs[doc.id] = doc
            facts.extend(doc_facts)
        if cache:
            cache.keep_only(set(docs))
    finally:
        if cache:
            cache.close()
    return Corpus(docs=docs, skipped=skipped, facts=facts)


def _within(path: Path, root: Path) -> bool:
    return path == root or root in path.parents


def inside_project(root: Path, path: Path, what: str) -> Path:
    """`path`, resolved, if it stays inside the project; an input error otherwise."""
    resolved = (root / path).resolve() if not path.is_absolute() else path.resolve()
    if not _within(resolved, root.resolve()):
        raise InputError(Problem(Location(str(path)), f"{what} points outside the project ({root})",
                                 "choose a folder inside the project"))
    return resolved


def _extract(doc: Document, lexicon: dict | None = None, extractor=None) -> list[Fact]:
    from reportgen.extract import get_extractor

    return (extractor or get_extractor(lexicon or None)).extract(doc)


def _source_key(path: Path, sidecar: Path) -> str:
    from reportgen.sources import DocumentError

    try:
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        meta = hashlib.sha256(sidecar.read_bytes()).hexdigest()[:16] if sidecar.exists() else "-"
    except OSError as exc:
        raise DocumentError(path.name, f"cannot read: {exc.strerror or exc}") from None
    return f"{digest}:{meta}"


def load_landscapes(project: Project, names: list[str] | None, corpus: Corpus) -> list[tuple[Path, Landscape]]:
    """Every selected landscape, validated; all problems of all files reported at once."""
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
    if problems:
        raise InputError(problems)
    return loaded


# --- one brief ---------------------------------------------------------------

@dataclass
class BriefPlan:
    """A brief computed but not yet rendered: its view model, facts and input hash."""

    brief: Brief
    facts: list[Fact]
    edition: object
    new_edition: bool
    inputs_hash: str


def plan_brief(project: Project, path: Path, landscape: Landscape, corpus: Corpus, out_dir: Path | None,
               input_salt: str = "") -> BriefPlan:
    from reportgen.editions import diff, place_edition, snapshot
    from reportgen.render import markdown_to_html

    via = path.relative_to(project.root).as_posix() if path.is_relative_to(project.root) else path.name
    curated = curated_facts(landscape.entities, corpus.docs, via)
    knowledge = build_knowledge([*corpus.facts, *curated], landscape.entities)
    rows, comparators = select_entities(landscape, knowledge)
    facts = brief_facts([*rows, *comparators])
    as_of = resolve_as_of(landscape, [*rows, *comparators], corpus.docs)
    current = snapshot(landscape.id, as_of, [e.name for e in rows], facts)
    edition, previous, is_new = (place_edition(out_dir, current) if out_dir else (current, None, False))
    changes = diff(previous, edition)
    notes_html = [markdown_to_html(n.text) for n in landscape.notes]
    brief = build_brief(landscape, knowledge, corpus.docs, corpus.skipped, notes_html, changes, (rows, comparators))
    digest = hashlib.sha256()
    for part in (__version__, input_salt, path.read_bytes().decode("utf-8", "replace"), brief.model_dump_json()):
        digest.update(part.encode("utf-8"))
        digest.update(b"\0")
    return BriefPlan(brief=brief, facts=facts, edition=edition, new_edition=is_new, inputs_hash=digest.hexdigest())


def make_brief(project: Project, path: Path, landscape: Landscape, corpus: Corpus) -> tuple[Brief, list[Fact]]:
    plan = plan_brief(project, path, landscape, corpus, None)
    return plan.brief, plan.facts


def render_brief(brief: Brief, facts: list[Fact], formats, env, root: Path, out_dir: Path) -> list[tuple[Path, bytes]]:
    from reportgen.render import render_html

    out = []
    if "html" in formats:
        out.append((out_dir / f"{brief.id}.html", render_html(brief, env).encode("utf-8")))
    if "pdf" in formats:
        from reportgen.render import render_pdf

        print_html = render_html(brief, env, media="print")
        pdf = render_pdf(print_html, base_dir=root, as_of=brief.as_of,
                         attachments=[(f"{brief.id}.facts.jsonl", write_jsonl(facts).encode("utf-8"))])
        out.append((out_dir / f"{brief.id}.pdf", pdf))
    if "csv" in formats:
        from reportgen.export import to_csv

        out.append((out_dir / f"{brief.id}.csv", to_csv(brief)))
    if "xlsx" in formats:
        from reportgen.export import to_xlsx

        out.append((out_dir / f"{brief.id}.xlsx", to_xlsx(brief)))
    return out


# --- the build ---------------------------------------------------------------

def build(project_root: Path, names: list[str] | None = None, formats: tuple[str, ...] = FORMATS,
          out_dir: Path | None = None, templates: Path | None = None, force: bool = False) -> BuildResult:
    from reportgen.render import make_environment, template_dirs

    project = Project(project_root)
    out_dir = inside_project(project.root, out_dir or project.root / "out", "--out")
    with build_lock(out_dir):
        log.info("reading sources in %s", project.sources)
        corpus = load_corpus(project, cache_dir=out_dir / ".cache")
        log.info("%d sources read, %d skipped, %d facts", len(corpus.docs), len(corpus.skipped), len(corpus.facts))
        landscapes = load_landscapes(project, names, corpus)
        dirs = template_dirs(project.root, templates)
        salt = _templates_hash(dirs) + ",".join(sorted(formats))
        manifest = read_manifest(out_dir)
        if not names:  # a full build forgets briefs whose landscape is gone
            manifest = {k: v for k, v in manifest.items() if k in {ls.id for _, ls in landscapes}}
        site_before = json.dumps(manifest, sort_keys=True)

        env = None
        outputs: list[tuple[Path, bytes]] = []
        result = BuildResult()
        corpora = {"": corpus}
        for path, landscape in landscapes:
            lex_key = json.dumps(landscape.lexicon, sort_keys=True) if landscape.lexicon else ""
            if lex_key not in corpora:
                corpora[lex_key] = load_corpus(project, cache_dir=out_dir / ".cache", lexicon=landscape.lexicon)
            plan = plan_brief(project, path, landscape, corpora[lex_key], out_dir, salt)
            result.briefs.append(plan.brief)
            old = manifest.get(landscape.id, {})
            files = [out_dir / f"{landscape.id}.{f}" for f in formats]
            if not force and old.get("inputs") == plan.inputs_hash and all(p.exists() for p in files):
                result.skipped[landscape.id] = "inputs unchanged"
                continue
            log.info("rendering %s (%s)", landscape.id, ", ".join(formats))
            env = env or make_environment(dirs)
            outputs.extend(render_brief(plan.brief, plan.facts, formats, env, project.root, out_dir))
            if plan.new_edition:
                from reportgen.editions import edition_bytes, editions_dir

                outputs.append((editions_dir(out_dir, landscape.id) / f"{plan.edition.name}.json",
                                edition_bytes(plan.edition)))
            manifest[landscape.id] = manifest_entry(plan.brief, formats, plan.inputs_hash)
            result.built.append(landscape.id)
        if result.built or json.dumps(manifest, sort_keys=True) != site_before or not (out_dir / "index.html").exists():
            env = env or make_environment(dirs)
            outputs.extend(render_site(manifest, corpus.docs, env, out_dir))
            outputs.append((out_dir / MANIFEST, json.dumps(manifest, indent=1, sort_keys=True).encode()))
        write_all(outputs)
        result.written.extend(target for target, _ in outputs)
    return result


def _templates_hash(dirs: list[Path]) -> str:
    digest = hashlib.sha256()
    for folder in dirs:
        for path in sorted(folder.glob("*")):
            if path.is_file():
                digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def read_manifest(out_dir: Path) -> dict:
    try:
        data = json.loads((out_dir / MANIFEST).read_text(encoding="utf-8"))
        return data if isinstance(data, dict) else {}
    except (OSError, ValueError):
        return {}


def manifest_entry(brief: Brief, formats, inputs_hash: str) -> dict:
    return {
        "title": brief.title, "subtitle": brief.subtitle, "as_of": brief.as_of,
        "rows": len(brief.rows), "rows_kind": brief.rows_kind, "sources": brief.source_count,
        "formats": sorted(formats), "inputs": inputs_hash,
        "references": [[r.number, r.doc, r.start, r.end] for r in brief.references],
    }


def render_site(manifest: dict, docs: dict[str, Document], env, out_dir: Path) -> list[tuple[Path, bytes]]:
    """The wiki index of every brief, and one page per cited source document."""
    from reportgen.brief import BackLink, build_source_pages_from_spans

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
    briefs = [dict(id=k, **{f: v for f, v in entry.items() if f not in ("references", "inputs")})
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

    out_dir.mkdir(parents=True, exist_ok=True)
    handle = open(out_dir / ".lock", "a+")
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


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def changes_since(project_root: Path, landscape_id: str, since: str | None = None,
                  out_dir: Path | None = None):
    """What changed between an edition (default: the one before the newest) and the newest."""
    from reportgen.editions import diff, list_editions, read_edition

    out_dir = inside_project(project_root, out_dir or project_root / "out", "--out")
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
    corpus = load_corpus(project, extract=False)
    return [landscape for _, landscape in load_landscapes(project, names, corpus)]
