"""The whole pipeline, top to bottom: sources -> facts -> knowledge -> briefs -> files.

Everything is read and validated before anything is written, and every file is
written to a temporary name and renamed, so a failed build leaves the previous
outputs as they were.
"""

from __future__ import annotations

import logging
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from reportgen.brief import Brief, build_brief
from reportgen.errors import BuildError, InputError
from reportgen.extract import extract_facts
from reportgen.facts import Fact, write_jsonl
from reportgen.knowledge import build_knowledge, curated_facts
from reportgen.landscape import Landscape, find_landscapes, load_landscape
from reportgen.render import make_environment, markdown_to_html, render_html, render_pdf, template_dirs
from reportgen.sources import Document, SkippedSource, read_documents

log = logging.getLogger(__name__)
FORMATS = ("html", "pdf")


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

    outputs: list[tuple[Path, bytes]] = []
    result = BuildResult()
    for path, landscape in landscapes:
        log.info("building %s", landscape.id)
        brief, facts = make_brief(project, path, landscape, corpus)
        result.briefs.append(brief)
        html = render_html(brief, env)
        if "html" in formats:
            outputs.append((out_dir / f"{landscape.id}.html", html.encode("utf-8")))
        if "pdf" in formats:
            print_html = render_html(brief, env, media="print")
            facts_jsonl = write_jsonl(facts).encode("utf-8")
            pdf = render_pdf(print_html, base_dir=project.root, attachments=[(f"{landscape.id}.facts.jsonl", facts_jsonl)])
            outputs.append((out_dir / f"{landscape.id}.pdf", pdf))
    for target, data in outputs:
        write_atomic(target, data)
        result.written.append(target)
    return result


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
