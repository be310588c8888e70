"""The site: the index of every brief and one page per cited source document."""

from __future__ import annotations

from pathlib import Path

from reportgen.sources import Document


def render_site(manifest: dict, docs: dict[str, Document], env, out_dir: Path) -> list[tuple[Path, bytes]]:
    """The wiki index of every brief, and one page per cited source document."""
    from reportgen.brief.source_pages import BackLink, build_source_pages_from_spans

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
    briefs = [dict(id=k, **{f: v for f, v in entry.items() if f not in ("references", "inputs", "selection")})
              for k, entry in sorted(manifest.items())]
    index = env.get_template("index.html").render(briefs=briefs, css=css)
    out.append((out_dir / "index.html", index.encode("utf-8")))
    return out
