"""The build, top to bottom: sources -> facts -> knowledge -> briefs -> files.

Orchestration only; each step lives in its own module: `corpus` (sources and
facts, through the cache), `validate` (landscapes and the review file),
`plan` (one brief's view model and input digests), `output/` (one writer per
format), `manifest`, `site` (index and source pages) and `outdir` (the lock
and atomic writes). Everything is read and validated before anything is
written; every file is written to a temporary name and renamed, so a failed or
interrupted build leaves each output either as it was or complete. A brief
whose inputs (its landscape, the facts it shows, the templates, the formats)
are unchanged is not rendered again.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

from reportgen.brief import Brief
from reportgen.corpus import Corpus, extract_sources, load_corpus
from reportgen.editions import changes_since
from reportgen.errors import BuildError, InputError, ReportgenError
from reportgen.landscape import Landscape, find_landscapes
from reportgen.manifest import MANIFEST, _templates_hash, format_hash, manifest_entry, read_manifest
from reportgen.outdir import (_holds, build_lock, check_out_dir, check_targets, remove_stale_temporaries, write_all,
                              write_atomic)
from reportgen.output import default_formats, output_path
from reportgen.paths import inside_project  # one path policy for every command
from reportgen.plan import BriefPlan, Selection, make_brief, plan_brief, select_brief
from reportgen.project import Project, _shown
from reportgen.result import BuildResult
from reportgen.site import render_site
from reportgen.validate import check_landscapes, check_review, load_landscapes, validate

# what the CLI, tests and benchmarks import from here; each lives in its step's module
__all__ = [
    "BriefPlan", "BuildResult", "Corpus", "FORMATS", "Project", "Selection", "build", "build_lock", "changes_since",
    "check_landscapes", "check_review", "extract_sources", "inside_project", "load_corpus", "load_landscapes",
    "make_brief", "plan_brief", "select_brief", "validate", "write_all", "write_atomic",
]

log = logging.getLogger(__name__)
FORMATS = default_formats()  # the registered writers that a plain build writes


def build(project_root: Path, names: list[str] | None = None, formats: tuple[str, ...] = FORMATS,
          out_dir: Path | None = None, templates: Path | None = None, force: bool = False,
          jobs: int | None = None, views: bool = False, inputs=None, quick: bool = True) -> BuildResult:
    """Build every valid brief; then raise for what could not be built.

    One invalid landscape does not stop the others: they are built, then an
    InputError lists its problems (exit 2). One brief that fails to render is
    reported, the others written, then a BuildError (exit 1). Either error
    carries the `BuildResult` as `.result`.

    A brief whose inputs are unchanged is skipped before its view model is
    computed, so `result.briefs` has only the briefs built; `views=True` also
    computes (but does not render) the view model of every skipped brief.
    `quick=False`: do not try the new-documents-only path first (the CLI has
    tried it before importing this module).
    """
    if quick and not force and not views:  # only new documents, none reaching a brief: no archive, no knowledge
        from reportgen.scope_index import quick_build

        quick = quick_build(project_root, names, formats, out_dir, templates, inputs)
        if quick is not None:
            return quick
    from reportgen.render import make_environment, template_dirs

    from reportgen.uptodate import STAMP, read_stamp, scan, stamp_bytes, stat_output

    project = Project(project_root)
    out_dir = inside_project(project.root, out_dir or project.root / "out", "--out")
    dirs = template_dirs(project.root, templates)
    check_out_dir(project.root, out_dir, dirs)
    if inputs is None:  # before reading: what this build is of (the CLI has it from its up-to-date check)
        inputs = scan(project.root, names, formats, templates, read_stamp(out_dir))
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
        selections: list = []  # (brief id, lexicon key, Selection): the scope index of a clean build
        for path, landscape in landscapes:
            if str(path) in unremovable or _shown(project.root, path) in unremovable:
                continue  # a remove: that matches nothing: reported with the problems, not built
            try:
                lex_key = json.dumps(landscape.lexicon, sort_keys=True) if landscape.lexicon else ""
                old = manifest.get(landscape.id, {})
                old_inputs = old.get("inputs") if isinstance(old.get("inputs"), dict) else {}
                sel = select_brief(project, path, landscape, corpora[lex_key], out_dir, salt, review, shared)
                selections.append((landscape.id, lex_key, sel))
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
            selection = plan.selection
            if plan.new_edition:
                from reportgen.editions import edition_bytes, editions_dir, editions_state
                from reportgen.plan import selection_digest

                data = edition_bytes(plan.edition)
                brief_outputs.append((editions_dir(out_dir, landscape.id) / f"{plan.edition.name}.json", data))
                # the digest the next build computes, with this edition written
                selection = selection_digest(plan.selection_base, editions_state(
                    out_dir, landscape.id, (f"{plan.edition.name}.json", len(data))))
            result.briefs.append(plan.brief)
            outputs.extend(brief_outputs)
            old = manifest.get(landscape.id, {})
            old_inputs = old.get("inputs") if isinstance(old.get("inputs"), dict) else {}
            manifest[landscape.id] = manifest_entry(plan.brief, formats, {
                **{f: h for f, h in old_inputs.items() if isinstance(h, str)},
                **{f: format_hash(plan.inputs_hash, f) for f in formats}}, selection)
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
            from reportgen.editions import _edition_files

            # editions too: deleting one is a change the next build must see ("What changed" compares with it)
            expected += [p for _, ls in landscapes for p in _edition_files(out_dir, ls.id)]
            expected += [t for t, _ in outputs if t.parent.name == "editions" and t not in expected]
            stamp = stamp_bytes(inputs, out_dir, [*expected, out_dir / "index.html"])
            if not _holds(out_dir / STAMP, stamp):
                outputs.append((out_dir / STAMP, stamp))
            records = stat_output(out_dir, inputs)
            if records is not None:
                outputs.append(records)
            if len(selections) == len(landscapes):  # what a build of new documents only checks them against
                from reportgen.scope_index import INDEX, index_bytes

                index = (out_dir / ".cache" / INDEX, index_bytes(str(inputs), selections))
                if not _holds(*index):
                    outputs.append(index)
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

