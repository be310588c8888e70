"""Input checks: every landscape and the review file validated, all problems reported at once."""

from __future__ import annotations

import json
import logging
from pathlib import Path

from reportgen.corpus import Corpus, load_corpus
from reportgen.errors import InputError, Location, Problem
from reportgen.knowledge import build_knowledge, curated_facts
from reportgen.landscape import Landscape, find_landscapes, load_landscape
from reportgen.paths import within as _within
from reportgen.project import Project, _shown

log = logging.getLogger(__name__)


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


def validate(project_root: Path, names: list[str] | None = None) -> list[Landscape]:
    project = Project(project_root)
    cache = project.root / "out" / ".cache"
    # removals are checked against the facts, so validate extracts (reading the cache when there is one,
    # never writing it: validate writes nothing)
    corpus = load_corpus(project, cache_dir=cache if (cache / "facts.sqlite").exists() else None, read_only=True)
    loaded, problems = check_landscapes(project, names, corpus)
    corpora = {"": corpus}
    for _, landscape in loaded:
        lex_key = json.dumps(landscape.lexicon, sort_keys=True) if landscape.lexicon else ""
        if lex_key not in corpora:
            corpora[lex_key] = load_corpus(project, cache_dir=cache if (cache / "facts.sqlite").exists() else None,
                                           lexicon=landscape.lexicon, read_only=True)
    _, review_problems = check_review(project, loaded, corpora)
    problems = [*problems, *review_problems]
    unremovable = {p.location.path for p in review_problems}
    valid = [ls for path, ls in loaded if str(path) not in unremovable and _shown(project.root, path) not in unremovable]
    if problems:
        error = InputError(problems)
        error.result = valid  # type: ignore[attr-defined]  (the CLI still says which are ok)
        raise error
    return valid


def check_review(project: Project, landscapes: list[tuple[Path, Landscape]],
                 corpora: dict[str, "Corpus"]) -> tuple[object, list[Problem]]:
    """Load the review file once; removals that match nothing are problems; warn of stale decisions.

    Every `remove:` (a landscape's or the review file's) must name an entity
    and a value that the extracted facts have: one that matches nothing
    would remove nothing, silently.
    """
    from reportgen.landscape import check_removals, removal_problem
    from reportgen.review import apply_decisions, fact_id, load_review, moved_problems, stale_problems

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
        known = {fact_id(f): f for c in corpora.values() for f in c.facts if f.source == "extracted"}
        applied = apply_decisions([], review, known=known)
        for problem in [*stale_problems(review, applied.stale), *moved_problems(review, applied.moved)]:
            log.warning("%s", problem)
    return review, problems
