"""The whole pipeline, top to bottom: sources -> facts -> knowledge -> briefs -> files.

Everything is read and validated before anything is written, and every file is
written to a temporary name and renamed, so a failed build leaves the previous
outputs as they were.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from reportgen.brief import Brief, build_brief
from reportgen.errors import BuildError, InputError
from reportgen.export import to_csv, to_xlsx
from reportgen.extract import extract_facts
from reportgen.facts import Fact, write_jsonl
from reportgen.knowledge import build_knowledge, curated_facts
from reportgen.landscape import Landscape, find_landscapes, load_landscape
from reportgen.render import make_environment, markdown_to_html, render_html, render_pdf, template_dirs
from reportgen.sources import Document, SkippedSource, read_documents

log = logging.getLogger(__name__)
FORMATS = ("html", "pdf", "csv", "xlsx")


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
    briefs: list[Brief] = field(default_factory=list)


def load_corpus(project: Project) -> Corpus:
    docs, skipped = read_documents([project.sources]) if project.sources.is_dir() else ([], [])
    facts: list[Fact] = []
    for doc in docs:
        facts.extend(extract_facts(doc))
    return Corpus(docs={d.id: d for d in docs}, skipped=skipped, facts=facts)


def load_landscapes(project: Project, names: list[str] | None, corpus: Corpus) -> list[tuple[Path, Landscape]]:
    """Every selected landscape, validated; all problems of all files reported at once."""
    texts = {doc_id: doc.text for doc_id, doc in corpus.docs.items()}
    loaded, problems, ids = [], [], {}
    for path in find_landscapes(project.root, names):
        try:
            landscape = load_landscape(path, texts)
        except InputError as exc:
            problems.extend(exc.problems)
            continue
        if landscape.id in ids:
            from reportgen.errors import Location, Problem
            problems.append(Problem(Location(str(path)), f"duplicate landscape id {landscape.id!r} (also in {ids[landscape.id]})"))
            continue
        ids[landscape.id] = path
        loaded.append((path, landscape))
    if problems:
        raise InputError(problems)
    return loaded


def make_brief(project: Project, path: Path, landscape: Landscape, corpus: Corpus) -> tuple[Brief, list[Fact]]:
    via = path.relative_to(project.root).as_posix() if path.is_relative_to(project.root) else path.name
    curated = curated_facts(landscape.entities, corpus.docs, via)
    knowledge = build_knowledge([*corpus.facts, *curated], landscape.entities)
    notes_html = [markdown_to_html(n.text) for n in landscape.notes]
    brief = build_brief(landscape, knowledge, corpus.docs, corpus.skipped, notes_html)
    shown = {r.name for r in (*brief.rows, *brief.comparators)}
    facts = [f for e in knowledge.entities if e.name in shown for f in e.facts]
    return brief, facts


def build(project_root: Path, names: list[str] | None = None, formats: tuple[str, ...] = FORMATS,
          out_dir: Path | None = None, templates: Path | None = None) -> BuildResult:
    project = Project(project_root)
    out_dir = out_dir or project.root / "out"
    corpus = load_corpus(project)
    landscapes = load_landscapes(project, names, corpus)
    env = make_environment(template_dirs(project.root, templates))
    manifest = read_manifest(out_dir)
    if not names:  # a full build forgets briefs whose landscape is gone
        manifest = {k: v for k, v in manifest.items() if k in {ls.id for _, ls in landscapes}}

    outputs: list[tuple[Path, bytes]] = []
    result = BuildResult()
    for path, landscape in landscapes:
        log.info("building %s", landscape.id)
        brief, facts = make_brief(project, path, landscape, corpus)
        result.briefs.append(brief)
        outputs.extend(render_brief(brief, facts, formats, env, project.root, out_dir))
        manifest[brief.id] = manifest_entry(brief, formats)
    outputs.extend(render_site(manifest, corpus.docs, env, out_dir))
    outputs.append((out_dir / MANIFEST, json.dumps(manifest, indent=1, sort_keys=True).encode()))
    for target, data in outputs:
        write_atomic(target, data)
        result.written.append(target)
    return result


def render_brief(brief: Brief, facts: list[Fact], formats, env, root: Path, out_dir: Path) -> list[tuple[Path, bytes]]:
    out = []
    if "html" in formats:
        out.append((out_dir / f"{brief.id}.html", render_html(brief, env).encode("utf-8")))
    if "pdf" in formats:
        print_html = render_html(brief, env, media="print")
        facts_jsonl = write_jsonl(facts).encode("utf-8")
        pdf = render_pdf(print_html, base_dir=root, as_of=brief.as_of,
                         attachments=[(f"{brief.id}.facts.jsonl", facts_jsonl)])
        out.append((out_dir / f"{brief.id}.pdf", pdf))
    if "csv" in formats:
        out.append((out_dir / f"{brief.id}.csv", to_csv(brief)))
    if "xlsx" in formats:
        out.append((out_dir / f"{brief.id}.xlsx", to_xlsx(brief)))
    return out


MANIFEST = ".manifest.json"


def read_manifest(out_dir: Path) -> dict:
    try:
        data = json.loads((out_dir / MANIFEST).read_text(encoding="utf-8"))
        return data if isinstance(data, dict) else {}
    except (OSError, ValueError):
        return {}


def manifest_entry(brief: Brief, formats) -> dict:
    return {
        "title": brief.title, "subtitle": brief.subtitle, "as_of": brief.as_of,
        "rows": len(brief.rows), "rows_kind": brief.rows_kind, "sources": brief.source_count,
        "formats": sorted(formats),
        "references": [[r.number, r.doc, r.start, r.end] for r in brief.references],
    }


def render_site(manifest: dict, docs: dict[str, Document], env, out_dir: Path) -> list[tuple[Path, bytes]]:
    """The wiki index of every brief, and one page per cited source document."""
    from reportgen.brief import BackLink, build_source_pages_from_spans

    spans = []
    for brief_id, entry in sorted(manifest.items()):
        for number, doc, start, end in entry.get("references", []):
            spans.append((doc, start, end, BackLink(brief_id=brief_id, brief_title=entry["title"], number=number)))
    pages = build_source_pages_from_spans(spans, docs)
    css = env.loader.get_source(env, "brief.css")[0]
    out = []
    for page in pages:
        html = env.get_template("source.html").render(page=page, css=css)
        out.append((out_dir / "sources" / page.file_name, html.encode("utf-8")))
    briefs = [dict(id=k, **{f: v for f, v in entry.items() if f != "references"}) for k, entry in sorted(manifest.items())]
    index = env.get_template("index.html").render(briefs=briefs, css=css)
    out.append((out_dir / "index.html", index.encode("utf-8")))
    return out


def write_atomic(target: Path, data: bytes) -> None:
    """Write to a temporary file beside the target, then rename over it."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
        try:
            os.chmod(tmp, 0o666 & ~_umask())
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise BuildError(f"{target}: cannot write: {exc.strerror or exc}") from None


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def validate(project_root: Path, names: list[str] | None = None) -> list[Landscape]:
    project = Project(project_root)
    corpus = load_corpus(project)
    return [landscape for _, landscape in load_landscapes(project, names, corpus)]
