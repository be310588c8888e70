"""The command line: parse arguments, call the library, print, set the exit code."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

import click

from reportgen.errors import BuildError, InputError, ReportgenError

EXIT_OK, EXIT_BUILD_FAILED, EXIT_BAD_INPUT = 0, 1, 2


class _StderrHandler(logging.Handler):
    def emit(self, record: logging.LogRecord) -> None:
        prefix = "warning: " if record.levelno >= logging.WARNING else ""
        click.echo(prefix + record.getMessage(), err=True)


def _setup_logging(verbose: bool) -> None:
    root = logging.getLogger("reportgen")
    root.handlers[:] = [_StderrHandler()]
    root.setLevel(logging.INFO if verbose else logging.WARNING)
    root.propagate = False


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("-q", "--quiet", is_flag=True, help="Only warnings and errors on stderr.")
@click.version_option(package_name="reportgen")
def cli(quiet: bool) -> None:
    """Cited competitive-landscape briefs from biotech press releases.

    Example: reportgen build
    """
    _setup_logging(not quiet)


def _project(project: str | None) -> Path:
    from reportgen.project import find_project

    return find_project(Path(project) if project else None)


project_option = click.option(
    "--project", type=click.Path(file_okay=False), default=None,
    help="Project folder (holds landscapes/ and templates/); default: found from the current folder.",
)


@cli.command()
@click.argument("sources", nargs=-1, type=click.Path())
@click.option("--format", "fmt", type=click.Choice(["jsonl", "table"]), default="table", show_default=True)
@project_option
def facts(sources: tuple[str, ...], fmt: str, project: str | None) -> None:
    """Print the facts extracted from SOURCES (files or folders).

    Default: the project's sources in landscapes/sources/.

    Example: reportgen facts landscapes/sources --format jsonl > facts.jsonl
    """
    from reportgen.extract import get_extractor
    from reportgen.facts import object_text, sort_facts
    from reportgen.sources import iter_documents

    paths = [Path(s) for s in sources] or [_project(project) / "landscapes" / "sources"]
    out = sys.stdout
    extractor = get_extractor()
    for doc in iter_documents(paths):
        found = sort_facts(extractor.extract(doc))
        for fact in found:
            if fmt == "jsonl":
                out.write(fact.to_json() + "\n")
            else:
                out.write(f"{doc.id}\t{fact.subject}\t{fact.predicate}\t{object_text(fact.object)}\n")


@cli.command()
@click.argument("doc", type=click.Path(exists=True, dir_okay=False))
def text(doc: str) -> None:
    """Print the text of DOC that evidence offsets point into.

    Example: reportgen text landscapes/sources/000_09b67a30cd904425.txt
    """
    from reportgen.sources import read_document

    sys.stdout.write(read_document(Path(doc)).text)


@cli.command()
@click.argument("landscapes", nargs=-1)
@click.option("--format", "formats", default="html,pdf,csv,xlsx", show_default=True,
              help="Comma-separated output formats: html, pdf, csv, xlsx.")
@click.option("--out", "out_dir", type=click.Path(file_okay=False), default=None,
              help="Output folder (default: out/ in the project).")
@click.option("--templates", type=click.Path(exists=True, file_okay=False), default=None,
              help="Folder of templates that override the project's by file name.")
@click.option("--force", is_flag=True, help="Render every brief, even those whose inputs did not change.")
@project_option
def build(landscapes: tuple[str, ...], formats: str, out_dir: str | None, templates: str | None,
          force: bool, project: str | None) -> None:
    """Build briefs (HTML and PDF) for LANDSCAPES (ids or files; default: all).

    Example: reportgen build bcma-therapies --format html
    """
    from reportgen.build import FORMATS, build as run_build

    chosen = tuple(f.strip() for f in formats.split(",") if f.strip())
    bad = [f for f in chosen if f not in FORMATS]
    if bad or not chosen:
        raise click.BadParameter(f"unknown format {', '.join(bad) or '(none)'}; use {', '.join(FORMATS)}",
                                 param_hint="--format")
    root = _project(project)
    result = run_build(root, list(landscapes) or None, chosen,
                       Path(out_dir) if out_dir else None, Path(templates) if templates else None, force=force)
    for brief_id in result.built:
        click.echo(f"built {brief_id}", err=True)
    for brief_id, why in result.skipped.items():
        click.echo(f"skipped {brief_id}: {why}", err=True)
    if result.written:
        folder = Path(out_dir) if out_dir else root / "out"
        click.echo(f"wrote {len(result.written)} files in {folder}", err=True)
    else:
        click.echo("nothing to write: every brief is up to date", err=True)


@cli.command()
@click.argument("landscape")
@click.option("--since", default=None, help="Edition to compare with (default: the one before the newest).")
@click.option("--out", "out_dir", type=click.Path(file_okay=False), default=None, help="Output folder holding the editions.")
@project_option
def diff(landscape: str, since: str | None, out_dir: str | None, project: str | None) -> None:
    """Print what changed in LANDSCAPE's brief since an earlier edition.

    Example: reportgen diff bcma-therapies --since 2023-07-03
    """
    from reportgen.build import changes_since

    root = _project(project)
    result = changes_since(root, landscape, since, Path(out_dir) if out_dir else None)
    if result.since is None:
        click.echo(f"{landscape}: first edition, nothing to compare with")
        return
    click.echo(f"{landscape}: what changed since {result.since}")
    if not result.changes:
        click.echo("  nothing")
    for change in result.changes:
        click.echo(f"  {change.kind:8} {change.subject}: {change.text}")
        for fact in change.facts:
            click.echo(f"           source {fact.evidence.doc}: \"{fact.evidence.quote}\"")
        if change.old_quote:
            click.echo(f"           was in {change.old_doc}: \"{change.old_quote}\"")


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

    for added in add_documents(_project(project), [Path(f) for f in files], title=title, date=date,
                               publisher=publisher, url=url):
        click.echo(f"{added.status} {added.name}: {added.message}", err=True)


@cli.command()
@click.option("--format", "formats", default="html,pdf,csv,xlsx", show_default=True, help="Output formats.")
@project_option
def watch(formats: str, project: str | None) -> None:
    """Rebuild whenever a source, landscape or template changes, until Ctrl-C.

    Example: reportgen watch --format html
    """
    from reportgen.watch import watch_project

    watch_project(_project(project), tuple(f.strip() for f in formats.split(",") if f.strip()))


@cli.command()
@click.argument("landscapes", nargs=-1)
@project_option
def validate(landscapes: tuple[str, ...], project: str | None) -> None:
    """Check landscapes and their citations without building anything.

    Example: reportgen validate landscapes/bcma-therapies.yaml
    """
    from reportgen.build import validate as run_validate

    for landscape in run_validate(_project(project), list(landscapes) or None):
        click.echo(f"ok {landscape.id}", err=True)


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
            click.echo(f"error: {problem}", err=True)
        sys.exit(EXIT_BAD_INPUT)
    except BuildError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(EXIT_BUILD_FAILED)
    except ReportgenError as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(EXIT_BAD_INPUT)
    except BrokenPipeError:
        sys.exit(EXIT_OK)
    sys.exit(EXIT_OK)
