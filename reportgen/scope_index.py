"""New documents that touch no brief: decided from an index kept between builds, without the archive.

A clean build records, per brief, which entities its digest covers (rows,
comparators and their neighbours) and, per knowledge, every entity name (and
its legal-suffix-free form) with the entity it belongs to. When the only change
since that build is new source files, each new document is extracted and its
facts checked against the index. A brief is untouched when, for its facts:

- no name belongs to an entity the brief covers, to the analyst's curation
  (aliases, distinct_from, removals) or to an ambiguous index entry;
- no entity of the document carries names of two existing entities (a join);
- no fact could satisfy any of the brief's filters (targets, modalities,
  indications, countries, names, exclude; comparators too), so no entity's
  selection can change through it;
- no developer or partner link reaches an existing entity where selection
  follows links (organization rows; a countries filter);
- no existing entity changes kind.

When every brief is untouched, the build stores the documents in the fact
cache, adds their names to the index, writes the new stamp and stops: no
cached fact is decoded and no knowledge is built. Anything else (a changed or
removed file, a skipped document, a stale review decision, any doubt) runs the
full build, which finds the new documents already in the cache.
"""

from __future__ import annotations

import hashlib
import json
import logging
from pathlib import Path

log = logging.getLogger(__name__)

INDEX = "scope-index.json"  # in out/.cache/ (disposable, like the fact cache)
VERSION = 1
RELATIONS = ("developer", "partner")


def _keys(name: str) -> tuple[str, str]:
    from reportgen.naming import LEGAL_SUFFIX_RE, name_key

    return name_key(name), name_key(LEGAL_SUFFIX_RE.sub("", name))


def _add_names(names: dict, kinds: dict, entity_id: str, kind: str, entity_names) -> None:
    kinds[entity_id] = kind
    for n in entity_names:
        for k in _keys(n):
            if not k:
                continue
            if names.setdefault(k, entity_id) != entity_id:
                names[k] = "*"  # two entities answer to it: any document naming it runs the full build


def index_bytes(inputs: str, briefs: list[tuple[str, str, object]]) -> bytes:
    """The index of a clean build: `briefs` is (brief id, lexicon key, its Selection)."""
    knowledges: dict[str, dict] = {}
    entries: dict[str, dict] = {}
    for brief_id, lex_key, sel in briefs:
        if sel.knowledge_id not in knowledges:
            names: dict[str, str] = {}
            kinds: dict[str, str] = {}
            for e in sel.full.entities:
                _add_names(names, kinds, e.key, e.kind, e.names)
            knowledges[sel.knowledge_id] = {"names": names, "kinds": kinds}
        entries[brief_id] = {"knowledge": sel.knowledge_id, "lexicon": lex_key, "covers": sorted(sel.keys)}
    return json.dumps({"version": VERSION, "inputs": inputs, "knowledges": knowledges, "briefs": entries},
                      sort_keys=True, separators=(",", ":")).encode()


def _read_index(path: Path) -> dict | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    ok = isinstance(data, dict) and data.get("version") == VERSION and isinstance(data.get("briefs"), dict) \
        and isinstance(data.get("knowledges"), dict)
    return data if ok else None


def _new_sources(project, inputs) -> list[Path] | None:
    """The new documents, when the only change since the last clean build is new files in the sources folder."""
    from reportgen.sources import is_source, sidecar_path
    from reportgen.uptodate import SOURCES

    previous = inputs.previous or {}
    old = previous.get("files")
    if not isinstance(old, dict) or not previous.get("rest") or previous.get("rest") != inputs.rest:
        return None
    for rel, record in old.items():
        now = inputs.files.get(rel)
        if now is None or not isinstance(record, list) or len(record) != 5 or now[4] != record[4]:
            return None  # a file changed or went away
    added = [rel for rel in inputs.files if rel not in old]
    if not added or any(not rel.startswith(SOURCES) or "/" in rel[len(SOURCES):] for rel in added):
        return None
    paths = [project.sources / rel[len(SOURCES):] for rel in added]
    docs = [p for p in paths if is_source(p)]
    sidecars = {sidecar_path(p) for p in docs}
    if not docs or any(p not in sidecars for p in paths if p not in docs):
        return None  # a sidecar of a document already built changes that document
    return sorted(docs, key=lambda p: p.name)


def _matches_any(values, wanted) -> bool:
    """A value and a wanted one equal or contained in each other, as name keys: wider than the brief's own test."""
    from reportgen.naming import name_key

    keys = [name_key(v) for v in values]
    return any(wk and k and (wk in k or k in wk) for wk in (name_key(w) for w in wanted) for k in keys)


def _scope_hit(scope, facts, knowledge) -> bool:
    """Could any of these facts satisfy one of the scope's filters (or its exclusion)?

    Deliberately wider than `brief.select.scope_reasons` (substring matches,
    any focus sentence naming a modality form): a false alarm costs a full
    build, a miss a stale brief.
    """
    from reportgen.scope import matches_indications, modality_forms

    if scope is None:
        return False
    strings = [(f.predicate, f.object) for f in facts if isinstance(f.object, str)]
    names = [f.subject for f in facts] + [o for p, o in strings if p in ("name", *RELATIONS)]
    if scope.targets and _matches_any([o for p, o in strings if p == "target"], scope.targets):
        return True
    if scope.modalities:
        if _matches_any([o for p, o in strings if p == "modality"], scope.modalities):
            return True
        forms = [x for w in scope.modalities for x in modality_forms(w)]
        focus = [t for f in facts if f.predicate == "focus" for t in (f.evidence.quote, str(f.object))]
        if forms and _matches_any(focus, forms):
            return True
    if scope.indications and matches_indications([o for p, o in strings if p in ("indication", "focus")],
                                                 scope.indications):
        return True
    if scope.countries and _matches_any([o for p, o in strings if p == "country"], scope.countries):
        return True
    for wanted in (scope.names, scope.exclude):
        if wanted and _matches_any(names, wanted):
            return True
    return False


def _curated_keys(landscapes, review) -> set[str]:
    keys: set[str] = set()
    for _, landscape in landscapes:
        for e in landscape.entities:
            for n in (e.name, *e.aliases, *e.distinct_from):
                keys.update(_keys(n))
    for r in (review.removals if review is not None else ()):
        keys.update(_keys(r.entity))
    keys.discard("")
    return keys


def _untouched(landscape, entry: dict, kn: dict, facts, curated: set[str]) -> tuple[bool, list]:
    """(True, new index names) when the facts cannot change this brief; (False, why) otherwise."""
    from reportgen.knowledge import build_knowledge

    names, kinds, covers = kn["names"], kn["kinds"], set(entry["covers"])
    mini = build_knowledge(facts)
    by_entity: dict[str, set[str]] = {}  # mini entity key -> existing entities its names touch
    owner: dict[str, str] = {}           # name key -> mini entity key
    for e in mini.entities:
        touched = set()
        for n in e.names:
            for k in _keys(n):
                if not k:
                    continue
                owner[k] = e.key
                if k in curated:
                    return False, ["a name the analyst curates"]
                hit = names.get(k)
                if hit == "*":
                    return False, ["a name two entities share"]
                if hit is not None:
                    touched.add(hit)
        if touched & covers:
            return False, ["an entity the brief covers"]
        if len(touched) > 1:
            return False, ["a join of two entities"]
        if touched and kinds.get(next(iter(touched))) != e.kind:
            return False, ["an entity that would change kind"]
        by_entity[e.key] = touched
    scope = landscape.scope
    if _scope_hit(scope, facts, mini) or _scope_hit(scope.comparators, facts, mini):
        return False, ["a fact its scope asks for"]
    follows_links = landscape.rows == "organizations" or bool(
        scope.countries or (scope.comparators is not None and scope.comparators.countries))
    if follows_links:
        from reportgen.naming import name_key

        for f in facts:
            if f.predicate not in RELATIONS or not isinstance(f.object, str):
                continue
            sides = [f.subject, f.object] if f.predicate == "partner" or landscape.rows != "organizations" \
                else [f.subject]  # an organization gaining a new asset: that asset's facts were checked above
            if any(by_entity.get(owner.get(name_key(s), ""), set()) for s in sides):
                return False, ["a link to an existing entity"]
    return True, [(e, next(iter(by_entity[e.key]), None)) for e in mini.entities]


def quick_build(project_root: Path, names, formats, out_dir: Path | None, templates: Path | None, inputs):
    """The build when the only change is new documents that touch no brief (a BuildResult), else None.

    Imports only what that needs (no brief, render or output modules): the
    CLI calls it before importing the full build.
    """
    from reportgen.outdir import build_lock, check_out_dir, check_targets, remove_stale_temporaries, write_all
    from reportgen.paths import inside_project
    from reportgen.project import Project
    from reportgen.result import BuildResult
    from reportgen.uptodate import STAMP, Inputs, read_stamp, scan, stamp_bytes, stat_output

    project = Project(project_root)
    out_dir = inside_project(project.root, out_dir or project.root / "out", "--out")
    # the package (which holds the default templates) and the project's folders are always checked
    check_out_dir(project.root, out_dir, [templates] if templates is not None else [])
    if inputs is None:
        inputs = scan(project.root, names, formats, templates, read_stamp(out_dir))
    if not isinstance(inputs, Inputs) or not inputs.previous:
        return None
    with build_lock(out_dir):
        remove_stale_temporaries(out_dir)
        try:
            quick = _new_documents_only(project, out_dir, inputs, names)
        except Exception as exc:  # noqa: BLE001  a damaged index or record costs time, never the build
            log.debug("new-documents path not taken: %s: %s", type(exc).__name__, exc)
            quick = None
        from reportgen import prepared

        prepared.save()  # what the scope checks prepared after the extraction (nothing when none was built)
        if quick is None:
            return None
        index, ids, count = quick
        log.info("%d new document%s, in no brief's scope", count, "" if count == 1 else "s")
        previous = [out_dir / p for p in inputs.previous["outputs"]]
        outputs = [write_index(out_dir, index), (out_dir / STAMP, stamp_bytes(inputs, out_dir, previous))]
        records = stat_output(out_dir, inputs)
        if records is not None:
            outputs.append(records)
        check_targets(project.root, [target for target, _ in outputs])
        write_all(outputs)
    return BuildResult(written=[t for t, _ in outputs], skipped={i: "inputs unchanged" for i in ids})


def _new_documents_only(project, out_dir: Path, inputs, names):
    """(updated index, brief ids, number of new documents) when no new document touches a brief, else None."""
    from reportgen.uptodate import up_to_date

    index_path = out_dir / ".cache" / INDEX
    index = _read_index(index_path)
    previous = inputs.previous
    if index is None or index.get("inputs") != previous.get("inputs"):
        return None
    if not up_to_date(out_dir, previous.get("inputs", ""), previous):  # an output is gone: the full build
        return None
    new = _new_sources(project, inputs)
    if new is None:
        return None
    from reportgen import regex_cache

    prepared = out_dir / ".cache" / regex_cache.FILE
    # before the extractor's first import (load_landscape imports its extension keys): its patterns come out of the file
    regex_cache.load(prepared, project.root.resolve())
    from reportgen import prepared as prepared_data  # data files and MeSH vocabulary, read when first needed

    prepared_data.enable(out_dir / ".cache", project.root.resolve())
    from reportgen.landscape import find_landscapes, load_landscape

    paths = find_landscapes(project.root, names)
    texts = {p: p.read_bytes() for p in paths}
    rfile = project.root / "landscapes" / "review.yaml"  # reportgen.review.REVIEW_FILE, read only when present
    rtext = rfile.read_bytes() if rfile.is_file() else b""
    if any(p.name.encode() in t for p in new for t in (*texts.values(), rtext)):
        return None  # a landscape or the review file names the document (scope documents:, a cite, a decision)
    landscapes = []
    for p in paths:
        try:
            landscapes.append((p, load_landscape(p)))  # unchanged since the last clean build, which checked cites
        except Exception:  # noqa: BLE001  any doubt: the full build reports it
            return None
    if {ls.id for _, ls in landscapes} != set(index["briefs"]):
        return None
    review = None
    if rfile.is_file():
        from reportgen.review import load_review

        try:
            review = load_review(project.root)
        except Exception:  # noqa: BLE001
            return None
    log.info("reading sources in %s", project.sources)
    root = project.root.resolve()
    from reportgen.cache import open_cache
    from reportgen.corpus import _read_one, _source_key, store
    from reportgen.extract import get_extractor
    from reportgen.sources import sidecar_path

    groups: dict[str, dict | None] = {}
    for _, ls in landscapes:
        groups.setdefault(json.dumps(ls.lexicon, sort_keys=True) if ls.lexicon else "", ls.lexicon or None)
    facts_by_group: dict[str, list] = {}
    warned: list = []
    cache = open_cache(out_dir / ".cache" / "facts.sqlite", root)
    if cache is None:
        return None
    try:
        for lex_key, lexicon in groups.items():
            extractor = get_extractor(lexicon)
            found = []
            for path in new:
                key = _source_key(path, sidecar_path(path), root)
                hit = cache.get(path.name, key, extractor.fingerprint)  # an earlier attempt that fell through
                if hit is not None:
                    doc_facts, warnings = hit[1], [tuple(w) for w in hit[2].get("warnings", [])]
                else:
                    doc, doc_facts, warnings, reason = _read_one(path, root, lexicon, True, extractor)
                    if doc is None:
                        return None  # a skipped document is listed by every brief: the full build
                    store(cache, key, extractor.fingerprint, doc, doc_facts, warnings)
                if not lex_key:
                    warned.extend(warnings)
                found.extend(doc_facts)
            facts_by_group[lex_key] = found
    except Exception:  # noqa: BLE001  a document that cannot be keyed or read: the full build says why
        return None
    finally:
        cache.close()
        regex_cache.save(prepared, root, get_extractor().fingerprint)  # only when missing, damaged or stale
        prepared_data.save()  # only the files with an entry built in this process
    if review is not None and review.decisions:
        from reportgen.review import fact_id

        ids = [fact_id(f) for fs in facts_by_group.values() for f in fs if f.source == "extracted"]
        if any(i.startswith(d.id) for d in review.decisions for i in ids):
            return None
    curated = _curated_keys(landscapes, review)
    additions: dict[str, list] = {}
    for _, ls in landscapes:
        entry = index["briefs"][ls.id]
        kn = index["knowledges"].get(entry["knowledge"])
        if not isinstance(kn, dict) or entry.get("lexicon") != (json.dumps(ls.lexicon, sort_keys=True) if ls.lexicon else ""):
            return None
        ok, found = _untouched(ls, entry, kn, facts_by_group[entry["lexicon"]], curated)
        if not ok:
            log.info("%s: a new document reaches it (%s): building in full", ls.id, found[0])
            return None
        additions[entry["knowledge"]] = found
    for name, level, message in warned:
        logging.getLogger(name).log(level, "%s", message)
    tag = hashlib.sha256(inputs.digest.encode()).hexdigest()[:8]
    for kid, found in additions.items():
        kn = index["knowledges"][kid]
        for entity, existing in found:
            _add_names(kn["names"], kn["kinds"], existing or f"+{tag}:{entity.key}", entity.kind, entity.names)
    index["inputs"] = inputs.digest
    return index, [ls.id for _, ls in landscapes], len(new)


def write_index(out_dir: Path, index: dict) -> tuple[Path, bytes]:
    return out_dir / ".cache" / INDEX, json.dumps(index, sort_keys=True, separators=(",", ":")).encode()
