"""Render a `Brief` to HTML (Jinja) and PDF (WeasyPrint).

Templates are looked up by file name in the user's folder first, then in the
project's `templates/`, then in the package's own `reportgen/templates/` (so a
wheel install carries them); `default:brief.html` always names the packaged
one, so an override can extend it.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Iterable

import jinja2
from markdown_it import MarkdownIt

from reportgen.brief import Brief
from reportgen.errors import BuildError

log = logging.getLogger(__name__)

DEFAULT_TEMPLATES = Path(__file__).resolve().parent / "templates"  # shipped as package data


def template_dirs(project: Path | None, extra: Path | None = None) -> list[Path]:
    dirs = []
    if extra is not None:
        dirs.append(extra)
    if project is not None and (project / "templates").is_dir():
        dirs.append(project / "templates")
    if DEFAULT_TEMPLATES.is_dir() and DEFAULT_TEMPLATES not in [d.resolve() for d in dirs]:
        dirs.append(DEFAULT_TEMPLATES)
    return dirs


def make_environment(dirs: Iterable[Path]) -> jinja2.Environment:
    dirs = [Path(d) for d in dirs]
    loader = jinja2.ChoiceLoader([
        jinja2.FileSystemLoader([str(d) for d in dirs]),
        jinja2.PrefixLoader({"default": jinja2.FileSystemLoader(str(DEFAULT_TEMPLATES))}, delimiter=":"),
    ])
    # No autoreload: editing a template in the middle of a build is not useful.
    env = jinja2.Environment(loader=loader, autoescape=True, undefined=jinja2.StrictUndefined,
                             auto_reload=False, trim_blocks=True, lstrip_blocks=True,
                             keep_trailing_newline=True)
    return env


_markdown = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
_markdown.validateLink = lambda url: url.strip().lower().startswith(("http://", "https://", "#"))  # type: ignore[method-assign]


def _image_as_link(tokens, idx, options, env) -> str:
    """An image in notes becomes a link to it (or its text): a brief never loads anything.

    A live `<img src="https://...">` would be a tracking pixel in a wiki page
    and break the promise that the HTML is self-contained.
    """
    from html import escape

    token = tokens[idx]
    alt = escape(_markdown.renderer.renderInlineAsText(token.children or [], options, env) or "image")
    src = str(token.attrGet("src") or "")
    if src.strip().lower().startswith(("http://", "https://")):
        return f'<a href="{escape(src)}" rel="noreferrer noopener">{alt}</a>'
    return alt


_markdown.renderer.rules["image"] = _image_as_link


def markdown_to_html(text: str) -> str:
    """Markdown with raw HTML disabled (shown as text), only http(s)/# links, images as links."""
    return _markdown.render(text)


def _template_names(brief_id: str) -> list[str]:
    return [f"brief-{brief_id}.html", "brief.html"]


def render_html(brief: Brief, env: jinja2.Environment, media: str = "screen") -> str:
    """The brief as one self-contained HTML page (inline CSS and SVG)."""
    try:
        template = env.select_template(_template_names(brief.id))
        css = stylesheet(env, media)
        return template.render(brief=brief, css=css, media=media, template_name=template.name)
    except jinja2.UndefinedError as exc:
        raise BuildError(f"{_template_location(exc)}: {exc.message} (template variable not defined)") from None
    except jinja2.TemplateSyntaxError as exc:
        raise BuildError(f"{exc.filename or exc.name}:{exc.lineno}: template syntax error: {exc.message}") from None
    except jinja2.TemplateNotFound as exc:
        raise BuildError(f"template not found: {exc.name}") from None


def stylesheet(env: jinja2.Environment, media: str = "screen") -> str:
    """The brief's CSS, inlined: brief.css, plus screen.css outside print."""
    names = ["brief.css"] if media == "print" else ["brief.css", "screen.css"]
    return "\n".join(env.loader.get_source(env, name)[0] for name in names)


def _template_location(exc: Exception) -> str:
    """The template file and line where rendering failed, from the traceback."""
    tb = exc.__traceback__
    where = "template"
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename.endswith((".html", ".css", ".j2")):
            where = f"{filename}:{tb.tb_lineno}"
        tb = tb.tb_next
    return where


def _pdf_date(as_of: str | None):
    """Attachment dates come from the brief's as-of date, never the clock."""
    import datetime as dt

    try:
        return dt.datetime.fromisoformat(as_of or "").replace(tzinfo=dt.timezone.utc)
    except ValueError:
        return dt.datetime(1980, 1, 1, tzinfo=dt.timezone.utc)


def make_url_fetcher(allowed_roots: Iterable[Path], refused: list[str]):
    """A fetcher that serves files under `allowed_roots` and nothing else.

    Sources come from the open web: a stylesheet, image or attachment they
    name must never make the renderer read local files or reach the network.
    """
    from weasyprint.urls import URLFetcher, URLFetcherResponse

    roots = [Path(r).resolve() for r in allowed_roots]

    class ProjectOnlyFetcher(URLFetcher):
        def fetch(self, url, headers=None):
            if url.startswith("file://"):
                from urllib.parse import unquote, urlparse

                path = Path(unquote(urlparse(url).path)).resolve()
                if any(path == r or r in path.parents for r in roots) and path.is_file():
                    return URLFetcherResponse(url, body=path.read_bytes())
            refused.append(url)
            log.warning("refused to fetch %s (only the project's own templates are served)", url[:200])
            raise ValueError(f"refused: {url[:200]}")

    return ProjectOnlyFetcher()


_font_config = None


def shared_font_config():
    """One WeasyPrint FontConfiguration for every PDF a process renders (a pool worker renders several).

    WeasyPrint makes a new one per document by default; ours has no @font-face
    rules, so a shared one changes no byte (bench/pdf_levers.py measures it).
    """
    global _font_config
    if _font_config is None:
        from weasyprint.text.fonts import FontConfiguration

        _font_config = FontConfiguration()
    return _font_config


def render_pdf(html: str, base_dir: Path, as_of: str | None = None,
               attachments: list[tuple[str, bytes]] | None = None) -> bytes:
    """PDF bytes for the HTML; same HTML gives the same bytes."""
    return write_document(render_document(html, base_dir), as_of, attachments)


def render_document(html: str, base_dir: Path):
    """WeasyPrint's laid-out Document of the HTML (only files under `base_dir` are fetched)."""
    import weasyprint

    refused: list[str] = []
    fetcher = make_url_fetcher([base_dir], refused)
    try:
        document = weasyprint.HTML(string=html, base_url=str(base_dir) + "/", url_fetcher=fetcher,
                                   media_type="print").render(font_config=shared_font_config())
    except Exception as exc:  # WeasyPrint raises many kinds; the build reports one
        raise BuildError(f"PDF rendering failed: {exc}") from exc
    return document  # its url_fetcher (ours) also fetches the attachments


def write_document(document, as_of: str | None = None, attachments: list[tuple[str, bytes]] | None = None) -> bytes:
    """PDF bytes of a laid-out Document, dated by the brief, never by the clock."""
    import weasyprint

    stamp = _pdf_date(as_of)
    fetcher = getattr(document, "url_fetcher", None)
    files = [weasyprint.Attachment(string=data, name=name, url_fetcher=fetcher, description="facts of this brief (JSON Lines)",
                                   created=stamp, modified=stamp)
             for name, data in (attachments or [])]
    # fontTools stamps subset fonts with the current time unless SOURCE_DATE_EPOCH is set
    previous = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = str(int(stamp.timestamp()))
    try:
        return document.write_pdf(attachments=files or None, uncompressed_pdf=False)
    except Exception as exc:  # WeasyPrint raises many kinds; the build reports one
        raise BuildError(f"PDF rendering failed: {exc}") from exc
    finally:
        if previous is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = previous
