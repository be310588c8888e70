"""Planning one brief: its rows, the digest of what they rest on, its view model, edition and input hash.

Nothing is rendered or written here; the build decides from these digests
what to render again.
"""

from __future__ import annotations

import functools
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from reportgen import __version__
from reportgen.brief import Brief, brief_facts, build_brief, resolve_as_of, select_entities
from reportgen.corpus import Corpus
from reportgen.facts import Fact
from reportgen.knowledge import build_knowledge, curated_facts
from reportgen.landscape import Landscape
from reportgen.project import Project, _shown


@dataclass
class BriefPlan:
    """A brief computed but not yet rendered: its view model, facts and input hash."""

    brief: Brief
    facts: list[Fact]
    edition: object
    new_edition: bool
    inputs_hash: str
    selection: str = ""
    selection_base: str = ""


@dataclass
class Selection:
    """A brief's rows and comparators, and a digest of everything its view model is computed from."""

    applied: object
    knowledge: object
    full: object
    rows: list
    comparators: list
    digest: str
    keys: frozenset = frozenset()  # the entities the digest covers (rows, comparators, their neighbours)
    knowledge_id: str = ""         # which knowledge the rows come from (briefs with the same curation share one)
    base: str = ""                 # the digest before the editions (selection_digest adds them)


@functools.lru_cache(maxsize=1)
def code_version() -> str:
    """reportgen's version and a digest of its own files: a changed view model or writer rebuilds every
    brief even when the version number was not bumped (a development install, a patched copy)."""
    root = Path(__file__).resolve().parent
    h = hashlib.sha256(__version__.encode())
    for f in sorted(root.rglob("*")):
        if f.is_file() and "__pycache__" not in f.parts and f.suffix != ".pyc":
            h.update(f.relative_to(root).as_posix().encode() + b"\0" + f.read_bytes() + b"\0")
    return h.hexdigest()


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
    from reportgen.brief.select import guideline_facts
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

    for part in (code_version(), input_salt, path.read_bytes().decode("utf-8", "replace"),
                 review.digest if review else "", json.dumps([s.model_dump(mode="json") for s in corpus.skipped])):
        add(part)
    selected = [*rows, *comparators]
    add(str(len(rows)))
    seen: set[tuple[str, str]] = set()
    by_key = {e.key: e for e in full.entities} if full is not knowledge else {}
    docs: set[str] = set()
    keys: set[str] = set()

    def entity(e) -> None:
        marker = (e.key, str(len(e.facts)))
        if marker in seen:
            return
        seen.add(marker)
        keys.add(e.key)
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
    for f in guideline_facts(landscape.scope, rows, knowledge):
        add(f.to_json())
        docs.add(f.evidence.doc)
    docs.update(c.doc for n in landscape.notes for c in n.cite)
    for doc_id in sorted(docs):
        doc = corpus.docs.get(doc_id)
        add(doc_id if doc is None else doc.model_dump_json(exclude={"text"}))
    base = digest.hexdigest()
    editions = ""
    if out_dir is not None:  # "What changed" compares with the editions: a deleted one changes the brief
        from reportgen.editions import editions_state

        editions = editions_state(out_dir, landscape.id)
    kid = hashlib.sha256("\0".join([json.dumps(landscape.lexicon, sort_keys=True), *kkey[2:]]).encode(
        "utf-8", "surrogatepass")).hexdigest()[:16]  # stable across builds (kkey's id() is not)
    return Selection(applied=applied, knowledge=knowledge, full=full, rows=rows, comparators=comparators,
                     digest=selection_digest(base, editions), keys=frozenset(keys), knowledge_id=kid, base=base)


def selection_digest(base: str, editions: str) -> str:
    """A brief's selection digest: what its rows rest on (`base`) and the editions it may compare with."""
    return hashlib.sha256(f"{base}\0{editions}".encode()).hexdigest()[:32]


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
    for part in (code_version(), input_salt, path.read_bytes().decode("utf-8", "replace"), brief.model_dump_json(),
                 review.digest if review else ""):
        digest.update(part.encode("utf-8"))
        digest.update(b"\0")
    return BriefPlan(brief=brief, facts=facts, edition=edition, new_edition=is_new, inputs_hash=digest.hexdigest(),
                     selection=sel.digest, selection_base=sel.base)


def make_brief(project: Project, path: Path, landscape: Landscape, corpus: Corpus,
               review=None) -> tuple[Brief, list[Fact]]:
    plan = plan_brief(project, path, landscape, corpus, None, review=review)
    return plan.brief, plan.facts
