"""The command line: parse arguments, call the library, print, set the exit code."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import click

from reportgen.errors import BuildError, InputError, Location, Problem, ReportgenError

EXIT_OK, EXIT_BUILD_FAILED, EXIT_BAD_INPUT = 0, 1, 2


class _StderrHandler(logging.Handler):
    def emit(self, record: logging.LogRecord) -> None:
        prefix = "warning: " if record.levelno >= logging.WARNING else ""
        click.echo(prefix + record.getMessage(), err=True)


def _setup_logging(verbose: bool) -> None:
    """INFO (progress) unless quiet; warnings and errors always."""
    root = logging.getLogger("reportgen")
    root.handlers[:] = [_StderrHandler()]
    root.setLevel(logging.INFO if verbose else logging.WARNING)
    root.propagate = False


def _set_quiet(ctx: click.Context, _param, value: bool) -> bool:
    """`-q` before or after the command: once given, it stays on."""
    root = ctx.find_root()
    root.meta["reportgen.quiet"] = root.meta.get("reportgen.quiet", False) or value
    _setup_logging(not root.meta["reportgen.quiet"])
    return value


def _set_project(ctx: click.Context, _param, value: str | None) -> str | None:
    """`--project` before or after the command; the one nearest the command wins."""
    if value is not None:
        ctx.find_root().meta["reportgen.project"] = value
    return value


def _quiet() -> bool:
    ctx = click.get_current_context(silent=True)
    return bool(ctx and ctx.find_root().meta.get("reportgen.quiet"))


def _progress(message: str) -> None:
    """A progress line on stderr, unless -q."""
    if not _quiet():
        click.echo(message, err=True)


quiet_option = click.option("-q", "--quiet", is_flag=True, expose_value=False, is_eager=True,
                            callback=_set_quiet, help="Only warnings and errors on stderr.")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@quiet_option
@click.option("--project", type=click.Path(file_okay=False), default=None, expose_value=False,
              callback=_set_project, help="Project folder (also accepted after the command).")
@click.version_option(package_name="reportgen")
def cli() -> None:
    """Cited competitive-landscape briefs from biotech press releases.

    Example: reportgen build
    """


def _project(project: str | None) -> Path:
    from reportgen.project import find_project

    ctx = click.get_current_context(silent=True)
    if project is None and ctx is not None:
        project = ctx.find_root().meta.get("reportgen.project")
    return find_project(Path(project) if project else None)


def project_option(command):
    """`--project` and `-q` on a command, so both work after it as well as before."""
    command = click.option(
        "--project", type=click.Path(file_okay=False), default=None,
        help="Project folder (holds landscapes/ and templates/); default: found from the current folder.",
    )(command)
    return quiet_option(command)


def _format_help() -> str:
    from reportgen.output import default_formats, writers

    listed = "; ".join(f"{w.name} ({w.description})" for w in writers())
    return f"Comma-separated output formats: {listed}. Default: {','.join(default_formats())}."


class _FormatOption(click.Option):
    """`--format`, whose help lists the registered writers only when help is shown.

    Listing them means importing every writer module, which a build that
    renders nothing (a no-op, a new document no brief covers) should not pay.
    """

    def get_help_record(self, ctx: click.Context):
        self.help = _format_help()
        return super().get_help_record(ctx)


def _parse_formats(text: str | None) -> tuple[str, ...]:
    from reportgen.output import UnknownFormat, default_formats, parse_formats

    if text is None:
        return default_formats()
    try:
        return parse_formats(text)
    except UnknownFormat as exc:
        raise click.BadParameter(str(exc), param_hint="--format") from None


@cli.command()
@click.argument("sources", nargs=-1, type=click.Path())
@click.option("--format", "fmt", type=click.Choice(["jsonl", "table"]), default="table", show_default=True)
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="Worker processes for extraction (default: the machine's CPU count); same output as --jobs 1.")
@project_option
def facts(sources: tuple[str, ...], fmt: str, jobs: int | None, project: str | None) -> None:
    """Print the facts extracted from SOURCES (files or folders).

    Default: the project's sources in landscapes/sources/.

    Example: reportgen facts landscapes/sources --format jsonl > facts.jsonl
    """
    from reportgen.build import extract_sources
    from reportgen.facts import object_text, sort_facts

    # the build's path policy: sources and sidecars that resolve outside the project are skipped
    root = _project(project) if project or not sources else None
    paths = [Path(s) for s in sources] or [root / "landscapes" / "sources"]
    out = sys.stdout
    for doc, found in extract_sources(paths, root, jobs):
        found = sort_facts(found)
        for fact in found:
            if fmt == "jsonl":
                out.write(fact.to_json() + "\n")
            else:
                out.write(f"{doc.id}\t{fact.subject}\t{fact.predicate}\t{object_text(fact.object)}\n")


@cli.command()
@click.argument("doc", type=click.Path(exists=True, dir_okay=False))
@quiet_option
def text(doc: str) -> None:
    """Print the text of DOC that evidence offsets point into.

    Example: reportgen text landscapes/sources/000_09b67a30cd904425.txt
    """
    from reportgen.paths import project_of
    from reportgen.sources import read_document

    sys.stdout.write(read_document(Path(doc), project_of(Path(doc))).text)


@cli.command()
@click.argument("landscapes", nargs=-1)
@click.option("--format", "formats", default=None, cls=_FormatOption, help="Comma-separated output formats.")
@click.option("--out", "out_dir", type=click.Path(file_okay=False), default=None,
              help="Output folder (default: out/ in the project).")
@click.option("--templates", type=click.Path(exists=True, file_okay=False), default=None,
              help="Folder of templates that override the project's by file name.")
@click.option("--force", is_flag=True, help="Render every brief, even those whose inputs did not change.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), default=None,
              help="Worker processes for extraction and rendering (default: the machine's CPU count); same bytes as --jobs 1.")
@project_option
def build(landscapes: tuple[str, ...], formats: str | None, out_dir: str | None, templates: str | None,
          force: bool, jobs: int | None, project: str | None) -> None:
    """Build briefs for LANDSCAPES (ids or files; default: all), one file per format.

    Example: reportgen build bcma-therapies --format html,pptx,docx
    """
    chosen = _parse_formats(formats)
    root = _project(project)
    inputs = None
    if not force and out_dir is None:
        from reportgen.uptodate import check

        inputs, current = check(root, root / "out", list(landscapes) or None, chosen,
                                Path(templates) if templates else None)
        if current:
            from reportgen.uptodate import save_records

            save_records(root / "out", inputs)
            _progress("nothing to write: every brief is up to date")
            return
        from reportgen.scope_index import quick_build  # new documents only: decided before the full build's imports

        quick = quick_build(root, list(landscapes) or None, chosen, None, Path(templates) if templates else None, inputs)
        if quick is not None:
            _report_build(quick, out_dir, root)
            return
    from reportgen.build import build as run_build

    try:
        result = run_build(root, list(landscapes) or None, chosen,
                           Path(out_dir) if out_dir else None, Path(templates) if templates else None, force=force, jobs=jobs,
                           inputs=inputs, quick=inputs is None)
    except ReportgenError as exc:
        if getattr(exc, "result", None) is not None:  # the valid briefs were built: say so, then the error
            _report_build(exc.result, out_dir, root)
        raise
    _report_build(result, out_dir, root)


def _report_build(result, out_dir: str | None, root: Path) -> None:
    for brief_id in result.built:
        _progress(f"built {brief_id}")
    for brief_id, why in result.skipped.items():
        _progress(f"skipped {brief_id}: {why}")
    if result.written:
        folder = Path(out_dir) if out_dir else root / "out"
        _progress(f"wrote {len(result.written)} files in {folder}")
    else:
        _progress("nothing to write: every brief is up to date")


@cli.command()
@click.argument("landscape")
@click.option("--since", default=None, help="Edition to compare with (default: the one before the newest).")
@click.option("--out", "out_dir", type=click.Path(file_okay=False), default=None, help="Output folder holding the editions.")
@project_option
def diff(landscape: str, since: str | None, out_dir: str | None, project: str | None) -> None:
    """Print what changed in LANDSCAPE's brief since an earlier edition.

    Editions are named by as-of date (out/<id>/editions/); run build first.

    Example: reportgen diff bcma-therapies
    """
    from reportgen.build import changes_since

    root = _project(project)
    _require_landscape(root, landscape, Path(out_dir) if out_dir else None)
    result = changes_since(root, landscape, since, Path(out_dir) if out_dir else None)
    if result.since is None:
        click.echo(f"{landscape}: first edition, nothing to compare with")
        return
    click.echo(f"{landscape}: what changed since {result.since}"
               + (" (an edition of the same date: its sources changed)" if result.same_date else ""))
    if not result.changes:
        click.echo("  nothing")
    for change in result.changes:  # one line per item, its sources (each document once) after it
        line = change.text if change.kind == "new row" else f"{change.subject}: {change.text}"
        docs = sorted({f.evidence.doc for f in change.facts})
        was = f"; was in {change.old_doc}" if change.old_doc else ""
        click.echo(f"  {change.kind:8} {line}" + (f"  [{', '.join(docs)}{was}]" if docs or was else ""))


def _require_landscape(root: Path, landscape: str, out_dir: Path | None) -> None:
    """A clear 'no such landscape' (with did-you-mean) unless it exists or has editions."""
    import re

    from reportgen.editions import list_editions
    from reportgen.landscape import ID_PATTERN, find_landscapes

    if not re.fullmatch(ID_PATTERN, landscape):  # before any path is formed from it
        raise InputError(Problem(Location(landscape), "not a landscape id",
                                 "ids are lower-case letters, digits and hyphens, like the landscape's file name"))
    from reportgen.paths import read_refusal

    folder = ((root / out_dir) if out_dir else root / "out") / landscape
    if read_refusal(folder, root):
        raise InputError(Problem(Location(str(folder)), "resolves outside the project; not read"))
    if list_editions((root / out_dir) if out_dir else root / "out", landscape):
        return
    find_landscapes(root, [landscape])  # raises "no such landscape (did you mean ...?)"


@cli.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@click.option("--title", default=None, help="Title (default: the headline the text states).")
@click.option("--date", "date", default=None, help="Date YYYY-MM-DD (default: the dateline the text states).")
@click.option("--publisher", default=None, help="Publisher (default: a wire service the text names).")
@click.option("--url", default=None, help="Where the document was published.")
@project_option
def add(files: tuple[str, ...], title: str | None, date: str | None, publisher: str | None, url: str | None,
        project: str | None) -> None:
    """Copy documents into landscapes/sources/ with sidecar metadata.

    Example: reportgen add ~/Downloads/press-release.html --date 2025-06-01
    """
    from reportgen.add import add_documents

    refused = 0
    for added in add_documents(_project(project), [Path(f) for f in files], title=title, date=date,
                               publisher=publisher, url=url):
        if added.status == "refused":
            refused += 1
            click.echo(f"error: refused {added.name}: {added.message}", err=True)
        else:
            _progress(f"{added.status} {added.name}: {added.message}")
    if refused:
        sys.exit(EXIT_BAD_INPUT)


@cli.command()
@click.option("--format", "formats", default=None, cls=_FormatOption, help="Comma-separated output formats.")
@project_option
def watch(formats: str | None, project: str | None) -> None:
    """Rebuild whenever a source, landscape or template changes, until Ctrl-C.

    Example: reportgen watch --format html
    """
    from reportgen.watch import watch_project

    watch_project(_project(project), _parse_formats(formats))


@cli.command()
@click.argument("landscapes", nargs=-1)
@project_option
def validate(landscapes: tuple[str, ...], project: str | None) -> None:
    """Check landscapes and their citations without building anything.

    Example: reportgen validate landscapes/bcma-therapies.yaml
    """
    from reportgen.build import validate as run_validate

    try:
        valid = run_validate(_project(project), list(landscapes) or None)
    except InputError as exc:
        for landscape in getattr(exc, "result", None) or []:
            _progress(f"ok {landscape.id}")
        raise
    for landscape in valid:
        _progress(f"ok {landscape.id}")


def _ids(values: tuple[str, ...]) -> list[str]:
    return [part for v in values for part in v.replace(",", " ").split()]


@cli.command()
@click.argument("landscape", required=False)
@click.option("--doc", default=None, help="Only facts from this source document.")
@click.option("--predicate", default=None, help="Only facts with this predicate (target, phase, ...).")
@click.option("--subject", default=None, help="Only facts whose subject contains this name.")
@click.option("--accept", "accept", multiple=True, metavar="ID...", help="Accept these facts (ids, comma- or space-separated).")
@click.option("--reject", "reject", multiple=True, metavar="ID...", help="Reject these facts (ids, comma- or space-separated).")
@click.option("--reason", default=None, help="Why (with --reject or --accept); kept in the review file.")
@click.option("--worklist", type=click.Path(dir_okay=False), default=None,
              help="Write the listed facts to an editable YAML worklist instead of printing them.")
@click.option("--apply", "apply_file", type=click.Path(exists=True, dir_okay=False), default=None,
              help="Record the decisions of an edited worklist.")
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table", show_default=True)
@project_option
def review(landscape: str | None, doc: str | None, predicate: str | None, subject: str | None,
           accept: tuple[str, ...], reject: tuple[str, ...], reason: str | None, worklist: str | None,
           apply_file: str | None, fmt: str, project: str | None) -> None:
    """List extracted facts not yet reviewed (newest documents first), or record decisions.

    Decisions go to landscapes/review.yaml and apply to every landscape.

    Example: reportgen review bcma-therapies --predicate target
    Example: reportgen review --reject 3fa2c1d9e0 --reason "another asset's target"
    """
    from reportgen.build import inside_project, write_atomic
    from reportgen.facts import object_text
    from reportgen.review import (decision_for, decisions_from_worklist, dump_worklist, moved_problems, open_session,
                                 stale_problems)

    root = _project(project)
    if reason and not (accept or reject):
        raise click.UsageError("--reason goes with --accept or --reject")
    session = open_session(root, [landscape] if landscape else None)
    for problem in [*stale_problems(session.review, session.stale),
                    *moved_problems(session.review, session.moved, session.id_length)]:
        click.echo(f"warning: {problem}", err=True)
    decisions = []
    if accept or reject:
        accepted, rejected = session.resolve(_ids(accept)), session.resolve(_ids(reject))
        both = {i.full for i in accepted} & {i.full for i in rejected}
        if both:
            raise click.UsageError("a fact cannot be both accepted and rejected: "
                                   + ", ".join(sorted(session.items[f].short for f in both)))
        decisions = [decision_for(i.fact, i.short, "accepted", reason) for i in accepted]
        decisions += [decision_for(i.fact, i.short, "rejected", reason) for i in rejected]
    if apply_file:
        decisions += decisions_from_worklist(session, Path(apply_file))
    if decisions:
        path = session.write(decisions)
        for d in decisions:
            click.echo(f"{d.status} {d.id}: {d.subject} {d.predicate} {d.value!r}", err=True)
        session = open_session(root, [landscape] if landscape else None)
        click.echo(f"wrote {len(decisions)} decision{'' if len(decisions) == 1 else 's'} to {path.relative_to(root).as_posix()}", err=True)
    else:
        items = session.listing(landscape and next(iter(session.counts), None), doc, predicate, subject)
        if worklist:
            target = inside_project(root, Path(worklist), "--worklist")
            write_atomic(target, dump_worklist((i.short, i.fact) for i in items))
            click.echo(f"wrote {len(items)} facts to review in {worklist}; "
                       f"edit it, then: reportgen review --apply {worklist}", err=True)
        elif fmt == "jsonl":
            for item in items:
                click.echo(item.to_json())
        else:
            for item in items:
                click.echo(f"{item.short}  {item.fact.subject} | {item.fact.predicate} | {object_text(item.fact.object)}")
                click.echo(f"    \"{' '.join(item.fact.evidence.quote.split())}\"")
                click.echo(f"    {item.fact.evidence.doc}{' (' + item.date + ')' if item.date else ''}")
    for ls_id, n in session.counts.items():
        click.echo(f"{ls_id}: {n.reviewed} reviewed, {n.pending} pending, {n.rejected} rejected", err=True)


def _problem_text(problem) -> str:
    """A problem as `path:line:column: message`; a problem with no file is just its message."""
    text = str(problem)
    placeholder = "<input>: "
    return text[len(placeholder):] if text.startswith(placeholder) else text


def main() -> None:
    try:
        cli.main(standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("aborted", err=True)
        sys.exit(EXIT_BUILD_FAILED)
    except click.ClickException as exc:
        exc.show()
        sys.exit(EXIT_BAD_INPUT)
    except InputError as exc:
        for problem in exc.problems:
            click.echo(f"error: {_problem_text(problem)}", err=True)
        sys.exit(EXIT_BAD_INPUT)
    except BuildError as exc:
        for line in str(exc).splitlines() or [""]:
            click.echo(f"error: {line}", err=True)
        sys.exit(EXIT_BUILD_FAILED)
    except ReportgenError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(EXIT_BAD_INPUT)
    except BrokenPipeError:
        sys.exit(EXIT_OK)
    except OSError as exc:  # a read-only or full file system outside the staged writes: one line, no traceback
        where = f"{exc.filename}: " if exc.filename else ""
        click.echo(f"error: {where}{exc.strerror or exc}", err=True)
        sys.exit(EXIT_BUILD_FAILED)
    sys.exit(EXIT_OK)
