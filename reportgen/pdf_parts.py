"""One long PDF laid out on several cores: the print HTML cut at its chapters, the parts rendered apart, joined.

WeasyPrint lays out one document on one core (Kozea/WeasyPrint#1060), and the
biggest brief of a large archive is as long as every other PDF together, so
every build waits for it (bench/RESULTS.md, "Per-brief PDFs"). Here a long
brief's print HTML is cut before top-level sections (each part after the first
opens on a new page: a chapter break that the unsplit layout then has too, so
the cut changes no page), each part is laid out in its own worker process
with no page-margin content, and one cheap *frame* render gives what crosses
the cuts: the cover with its contents (whose `target-counter` page numbers
resolve against the parts' real pages), every page's running header and
"N / M" footer, the metadata and the attached facts. The parts' anchors,
links and bookmarks are handed to the frame's WeasyPrint `Document` before it
is written, so WeasyPrint itself writes the named destinations, the link
annotations and the outline of the whole brief. pypdf then puts each part
page's drawing on its frame page (the frame's own drawing, the margin
content, becomes a form XObject on it). Same inputs, same bytes; the result
does not depend on the number of workers.

Only briefs with the packaged templates are cut (their sections do not
nest, and their running strings are set on the cover, which the frame holds);
a custom template or stylesheet is rendered in one piece, as before.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from pathlib import Path
from types import SimpleNamespace

# a brief is cut when its print HTML's body is at least this long: the big brief of the 2,000-document
# archive is 1.27 MB (153 pages, ~44 s CPU); the parts and the frame cost ~1-3 s more CPU in all, which
# only a PDF of many pages earns back (bench/pdf_parts.py measures both sides)
SPLIT_MIN_BYTES = 400_000
SPLIT_MIN_ITEMS = 300  # references + rows: below this no print HTML is anywhere near SPLIT_MIN_BYTES
PARTS = 2  # the machine kind has 2 cores; a pool with more workers still gains from 2 balanced parts
_CUT_CSS = ("\n/* reportgen.pdf_parts: a part of a cut brief; the frame draws the page margins */\n"
            "@page { @top-left { content: none } @top-right { content: none } @bottom-center { content: none } }\n")
_CHAPTER_CSS = ("\n/* reportgen.pdf_parts: a cut brief opens each part on a new page */\n"
                ".rg-part-start { break-before: page; }\n")
_SLOT_CSS = ("\n/* reportgen.pdf_parts: the frame, one empty page per page of the parts */\n"
             ".rg-slot { break-before: page; height: 0; margin: 0; padding: 0; border: 0; }\n")


class NotSplittable(Exception):
    """The brief is rendered in one piece (not an error: a custom template, an unknown link kind...)."""


@dataclass(frozen=True)
class Chunk:
    html: str
    in_main: bool  # inside <main> (the packaged template's sections) or after it (the sources)


@dataclass(frozen=True)
class SplitHTML:
    """The print HTML taken apart: what every part shares, the cover, and the top-level sections."""

    head: str           # from the start through `<body>` (the CSS is in there)
    cover: str          # body content before <main>
    chunks: tuple[Chunk, ...]
    tail: str           # `</body></html>`


@dataclass
class PagePlan:
    """One part page as the frame needs it: its size and page name, and what points at or from it."""

    width: float
    height: float
    name: str
    anchors: dict = field(default_factory=dict)
    links: list = field(default_factory=list)
    bookmarks: list = field(default_factory=list)


@dataclass
class PartResult:
    pdf: bytes
    pages: list[PagePlan]


_SECTION = re.compile(r"<section\b|</section\s*>", re.I)


def take_apart(html: str) -> SplitHTML:
    """Cut the print HTML of the packaged brief template before each top-level <section>."""
    body_open = html.find("<body>")
    main_open = html.find("<main>")
    main_close = html.rfind("</main>")
    body_close = html.rfind("</body>")
    if min(body_open, main_open, main_close, body_close) < 0 or not body_open < main_open < main_close < body_close:
        raise NotSplittable("no <body><main>...</main></body> structure")
    head = html[:body_open + len("<body>")]
    cover = html[body_open + len("<body>"):main_open]
    chunks: list[Chunk] = []
    for start, end, in_main in ((main_open + len("<main>"), main_close, True),
                                (main_close + len("</main>"), body_close, False)):
        region = html[start:end]
        cuts, depth = [], 0
        for m in _SECTION.finditer(region):
            if m.group(0).lower().startswith("<section"):
                if depth == 0:
                    cuts.append(m.start())
                depth += 1
            else:
                depth -= 1
        if depth != 0:
            raise NotSplittable("unbalanced <section> tags")
        if not cuts:
            if region.strip():
                if not in_main or chunks:
                    raise NotSplittable("content outside any section")
            continue
        if region[:cuts[0]].strip():
            raise NotSplittable("content before the first section")
        bounds = [*cuts, len(region)]
        chunks.extend(Chunk(region[a:b], in_main) for a, b in zip(bounds, bounds[1:]))
    return SplitHTML(head=head, cover=cover, chunks=tuple(chunks), tail=html[body_close:])


def plan_parts(split: SplitHTML, parts: int = PARTS) -> list[list[int]]:
    """Contiguous groups of chunk indexes, balanced by size (the most even largest group)."""
    sizes = [len(c.html) for c in split.chunks]
    n = len(sizes)
    parts = max(1, min(parts, n))
    best: tuple[int, list[list[int]]] | None = None

    def groups(start: int, left: int):
        if left == 1:
            yield [list(range(start, n))]
            return
        for cut in range(start + 1, n - left + 2):
            for rest in groups(cut, left - 1):
                yield [list(range(start, cut)), *rest]

    for candidate in groups(0, parts):
        worst = max(sum(sizes[i] for i in g) for g in candidate)
        if best is None or worst < best[0]:
            best = (worst, candidate)
    assert best is not None
    return best[1]


def _open_tag_with_class(chunk_html: str, css_class: str) -> str:
    """The chunk's first tag (its <section ...>) with one more class."""
    end = chunk_html.index(">")
    tag = chunk_html[:end]
    m = re.search(r'\sclass="([^"]*)"', tag)
    if m:
        tag = tag[:m.start(1)] + (m.group(1) + " " + css_class).strip() + tag[m.end(1):]
    else:
        tag += f' class="{css_class}"'
    return tag + chunk_html[end:]


def _with_css(head: str, css: str) -> str:
    at = head.rfind("</style>")
    if at < 0:
        raise NotSplittable("no <style> in the head")
    return head[:at] + css + head[at:]


def _body(split: SplitHTML, indexes: list[int], chapter_starts: set[int]) -> str:
    main, after = [], []
    for i in indexes:
        chunk = split.chunks[i]
        text = _open_tag_with_class(chunk.html, "rg-part-start") if i in chapter_starts else chunk.html
        (main if chunk.in_main else after).append(text)
    return (f"<main>{''.join(main)}</main>" if main else "") + "".join(after)


def whole_html(split: SplitHTML, groups: list[list[int]]) -> str:
    """The unsplit HTML with the chapter breaks the parts have: what the joined PDF must look like."""
    starts = {g[0] for g in groups[1:]}
    return (_with_css(split.head, _CHAPTER_CSS) + split.cover + _body(split, list(range(len(split.chunks))), starts)
            + split.tail)


def part_html(split: SplitHTML, group: list[int], first: bool) -> str:
    """One part: the shared head without page-margin content, and its sections (the first part after the
    cover needs no break of its own: the cover ends with one)."""
    starts = set() if first else {group[0]}
    return _with_css(split.head, _CUT_CSS + _CHAPTER_CSS) + _body(split, group, starts) + split.tail


def render_part(html: str, base_dir: Path, as_of: str | None, laid_out=None) -> PartResult:
    """Lay out one part (in a worker): its PDF, no margins drawn, and each page's size, name, anchors,
    links and bookmarks for the frame. `laid_out(pages)` is called with those before the PDF is written
    (a fifth of the part's time), so the pool can start the frame meanwhile."""
    from reportgen.render import render_document, write_document

    document = render_document(html, base_dir)
    pages = []
    for page in document.pages:
        for link_type, *_ in page.links:
            if link_type not in ("internal", "external"):
                raise NotSplittable(f"a {link_type} link")
        if any(getattr(page, "forms", {}).values()):
            raise NotSplittable("a form field (the frame does not rebuild them)")
        pages.append(PagePlan(width=page.width, height=page.height, name=_page_name(page),
                              anchors=dict(page.anchors), links=[tuple(link[:3]) for link in page.links],
                              bookmarks=list(page.bookmarks)))
        # the frame writes them for the whole brief; here they would point out of the part
        page.anchors, page.links, page.bookmarks = {}, [], []
    if laid_out is not None:
        laid_out(pages)
    return PartResult(pdf=write_document(document, as_of), pages=pages)


def _page_name(page) -> str:
    """The @page name a page was laid out with ("wide", or "" for the default page)."""
    page_type = getattr(getattr(page, "_page_box", None), "page_type", None)
    if page_type is None:
        raise NotSplittable("this WeasyPrint does not expose page types")
    return page_type.name or ""


_ID = re.compile(r'href="#([^"]+)"')


def frame_html(split: SplitHTML, pages: list[PagePlan]) -> str:
    """The cover, then one empty page per part page with that page's name; the cover's link targets sit
    on their pages, so its contents' page numbers are the parts' (positions come from the parts later)."""
    from html import escape

    targets = set(_ID.findall(split.cover))
    slots = []
    for page in pages:
        style = f' style="page: {page.name}"' if page.name else ""
        spans = "".join(f'<span id="{escape(name)}"></span>' for name in page.anchors if name in targets)
        slots.append(f'<div class="rg-slot"{style}>{spans}</div>')
    return _with_css(split.head, _SLOT_CSS) + split.cover + "\n".join(slots) + split.tail


def render_frame(split: SplitHTML, pages: list[PagePlan], base_dir: Path, as_of: str | None,
                 attachments: list[tuple[str, bytes]] | None) -> tuple[bytes, int]:
    """The frame PDF (cover, margins, metadata, attachments, and every destination, link and bookmark)
    around the parts' pages, in order, and the number of cover pages before the first of them."""
    from reportgen.render import render_document, write_document

    document = render_document(frame_html(split, pages), base_dir)
    cover = len(document.pages) - len(pages)
    if cover < 1:
        raise NotSplittable("the frame has fewer pages than the parts")
    for page, plan in zip(document.pages[cover:], pages):
        if (round(page.width, 3), round(page.height, 3)) != (round(plan.width, 3), round(plan.height, 3)):
            raise NotSplittable("a frame page and its part page differ in size")
        page.anchors = dict(plan.anchors)
        page.links = [(*link, SimpleNamespace()) for link in plan.links]  # WeasyPrint notes its annotation there
        page.bookmarks = list(plan.bookmarks)
    return write_document(document, as_of, attachments), cover


def join(frame_pdf: bytes, cover: int, parts: list[bytes]) -> bytes:
    """Each part page's drawing on its frame page; the frame's drawing (the margins) as a form XObject on top.

    Written as an incremental update of the frame PDF (new page contents and resources appended after
    it), which every PDF reader applies as it opens the file."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import ArrayObject, DecodedStreamObject, DictionaryObject, NameObject

    # an incremental update of the frame: its objects (thousands of link annotations) are kept as written,
    # not parsed and written again (0.3 s instead of 1.3 s for 23 pages)
    writer = PdfWriter(io.BytesIO(frame_pdf), incremental=True)
    frame_pages = writer.pages
    k = cover
    for part in parts:
        reader = PdfReader(io.BytesIO(part))
        for source in reader.pages:
            target = frame_pages[k]
            k += 1
            margins = target["/Contents"].get_object()
            margins[NameObject("/Type")] = NameObject("/XObject")
            margins[NameObject("/Subtype")] = NameObject("/Form")
            margins[NameObject("/BBox")] = target["/MediaBox"]
            margins[NameObject("/Resources")] = target["/Resources"]
            resources = DictionaryObject()
            for key, value in source["/Resources"].get_object().items():
                resources[NameObject(key)] = value.clone(writer)
            xobjects = DictionaryObject()
            if "/XObject" in resources:
                xobjects.update(resources["/XObject"].get_object())
            xobjects[NameObject("/RgMargins")] = target.raw_get("/Contents")
            resources[NameObject("/XObject")] = xobjects
            before, after = DecodedStreamObject(), DecodedStreamObject()
            before.set_data(b"q\n")
            after.set_data(b"\nQ\nq /RgMargins Do Q\n")
            contents = source.raw_get("/Contents").clone(writer)
            target[NameObject("/Contents")] = ArrayObject([writer._add_object(before), contents,
                                                           writer._add_object(after)])
            target[NameObject("/Resources")] = resources
    if k != len(frame_pages):
        raise NotSplittable("the parts have fewer pages than the frame")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def worth_cutting(brief) -> bool:
    """A cheap first look at the view model: only a brief with this many references and rows has its
    print HTML rendered early to be measured against SPLIT_MIN_BYTES (the build's main process does it)."""
    return len(brief.references) + len(brief.rows) >= SPLIT_MIN_ITEMS


def split_brief(html: str) -> tuple[SplitHTML, list[list[int]]] | None:
    """The cut of a long brief's print HTML, or None when it is rendered in one piece."""
    if len(html) < SPLIT_MIN_BYTES:
        return None
    try:
        split = take_apart(html)
    except NotSplittable:
        return None
    groups = plan_parts(split)
    return (split, groups) if len(groups) > 1 else None


@dataclass(frozen=True)
class PdfJob:
    """A brief's PDF as the pool sees it: its print HTML and, for a long brief, the cut."""

    html: str
    as_of: str | None
    attachments: tuple[tuple[str, bytes], ...]
    cut: tuple[SplitHTML, list[list[int]]] | None

    def part_htmls(self) -> list[str]:
        assert self.cut is not None
        split, groups = self.cut
        return [part_html(split, g, i == 0) for i, g in enumerate(groups)]


def pdf_job(brief, facts, env) -> PdfJob:
    from reportgen.facts import write_jsonl
    from reportgen.render import render_html

    html = render_html(brief, env, media="print")
    cut = split_brief(html) if worth_cutting(brief) and _packaged(env, brief) else None
    return PdfJob(html=html, as_of=brief.as_of, cut=cut,
                  attachments=((f"{brief.id}.facts.jsonl", write_jsonl(facts).encode("utf-8")),))


def _packaged(env, brief) -> bool:
    """The brief renders with the packaged template and stylesheet (what the cut and the frame assume)."""
    from reportgen.render import DEFAULT_TEMPLATES, _template_names

    try:
        template = env.select_template(_template_names(brief.id))
        css = env.loader.get_source(env, "brief.css")[1]
    except Exception:  # noqa: BLE001  the render reports it
        return False
    root = DEFAULT_TEMPLATES.resolve()
    return all(f and Path(f).resolve().parent == root for f in (template.filename, css))


def frame(job: PdfJob, pages: list[PagePlan], base_dir: Path) -> tuple[bytes, int]:
    """The frame of a cut brief around its parts' pages (all parts, in order)."""
    assert job.cut is not None
    return render_frame(job.cut[0], pages, base_dir, job.as_of, list(job.attachments))


def whole(job: PdfJob, base_dir: Path) -> bytes:
    """The PDF in one piece (a brief not cut, or one a part refused)."""
    from reportgen.render import render_pdf

    return render_pdf(job.html, base_dir=base_dir, as_of=job.as_of, attachments=list(job.attachments))


def write_pdf(brief, facts, context) -> bytes:
    """The PDF writer, in one process: a long brief's parts one after another, then the frame and the
    join (the pool runs the same steps with the parts on several cores: same bytes)."""
    job = pdf_job(brief, facts, context.env)
    if job.cut is None:
        return whole(job, context.root)
    try:
        parts = [render_part(h, context.root, job.as_of) for h in job.part_htmls()]
        framed, cover = frame(job, [p for part in parts for p in part.pages], context.root)
        return join(framed, cover, [part.pdf for part in parts])
    except NotSplittable:
        return whole(job, context.root)
