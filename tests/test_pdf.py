"""The PDF, opened with a PDF library: title, page numbers, quotes, attached facts."""

import json
import logging
import re

import pytest
from pypdf import PdfReader

from reportgen.build import build


class _Collect(logging.Handler):
    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages = []

    def emit(self, record):
        self.messages.append(record.getMessage())


@pytest.fixture(scope="module")
def sample_pdfs(tmp_path_factory):
    """Every sample brief rendered once, with WeasyPrint's warnings collected."""
    import shutil
    from conftest import ROOT

    project = tmp_path_factory.mktemp("pdf") / "project"
    shutil.copytree(ROOT / "landscapes", project / "landscapes")
    handler = _Collect()
    logger = logging.getLogger("weasyprint")
    logger.addHandler(handler)
    try:
        result = build(project, formats=("pdf",))
    finally:
        logger.removeHandler(handler)
    return project, result, handler.messages


@pytest.fixture(scope="module")
def bcma_pdf(sample_pdfs):
    project, result, _ = sample_pdfs
    brief = next(b for b in result.briefs if b.id == "bcma-therapies")
    return project / "out" / "bcma-therapies.pdf", brief


def test_no_layout_warnings(sample_pdfs):
    _, result, messages = sample_pdfs
    assert len(result.briefs) == 3
    assert not [m for m in messages if "overflow" in m.lower()], messages
    assert not messages, messages


def page_texts(path):
    return [page.extract_text() or "" for page in PdfReader(path).pages]


def test_pdf_has_title_metadata_and_text(bcma_pdf):
    path, brief = bcma_pdf
    reader = PdfReader(path)
    assert reader.metadata.title == brief.title
    assert brief.title in page_texts(path)[0]


def test_every_page_after_the_cover_is_numbered_n_of_total(bcma_pdf):
    path, brief = bcma_pdf
    texts = page_texts(path)
    total = len(texts)
    assert total >= 3
    assert not re.search(rf"\b1 / {total}\b", texts[0])  # the cover has no running header or footer
    for n, text in enumerate(texts[1:], start=2):
        assert re.search(rf"\b{n} / {total}\b", text), f"page {n} lacks '{n} / {total}'"
        assert brief.title in text  # running header


def test_quoted_sentences_are_in_the_pdf(bcma_pdf):
    path, brief = bcma_pdf
    text = re.sub(r"\s+", " ", " ".join(page_texts(path)))
    for ref in brief.references[:5]:
        words = re.sub(r"\s+", " ", ref.quote).split(" ")[:8]
        assert " ".join(words) in text, ref.quote


def test_facts_are_attached(bcma_pdf):
    path, brief = bcma_pdf
    reader = PdfReader(path)
    attachments = reader.attachments
    assert list(attachments) == ["bcma-therapies.facts.jsonl"]
    lines = attachments["bcma-therapies.facts.jsonl"][0].decode().splitlines()
    assert lines and all(set(json.loads(l)) >= {"subject", "predicate", "object", "evidence"} for l in lines)


def test_bookmarks_follow_the_sections(bcma_pdf):
    path, brief = bcma_pdf
    reader = PdfReader(path)
    top = reader.outline[0]
    assert top.title == brief.title
    titles = [item.title for item in reader.outline[1] if not isinstance(item, list)]
    assert titles[:2] == ["Contents", "Summary"] and "Comparison" in titles and titles[-1] == "Sources"


def test_pdf_dates_come_from_as_of(bcma_pdf):
    path, brief = bcma_pdf
    meta = PdfReader(path).metadata
    assert meta["/CreationDate"].startswith("D:" + brief.as_of.replace("-", ""))


def test_long_table_repeats_its_header_and_fits_the_page(basic_project):
    """60 assets: the comparison table spans pages; every page of it starts with the header row."""
    sources = basic_project / "landscapes" / "sources"
    for i in range(60):
        (sources / f"gen{i:02d}.txt").write_text(
            f"Generic Bio {i} today announced that GB-{100 + i}, its anti-BCMA CAR-T cell therapy, "
            f"entered a Phase {1 + i % 3} trial in multiple myeloma.\n")
    handler = _Collect()
    logging.getLogger("weasyprint").addHandler(handler)
    try:
        build(basic_project, ["basic-bcma"], formats=("pdf",))
    finally:
        logging.getLogger("weasyprint").removeHandler(handler)
    assert not handler.messages, handler.messages
    texts = page_texts(basic_project / "out" / "basic-bcma.pdf")
    start = next(i for i, t in enumerate(texts) if "\nComparison\n" in t or t.startswith("Comparison\n"))
    end = next(i for i, t in enumerate(texts) if i >= start and "added by an analyst" in t)
    table_pages = texts[start:end + 1]
    assert len(table_pages) >= 2
    for text in table_pages:
        assert "Developer" in text and "Target" in text and "Modality" in text


def test_no_hyphenated_headers_or_short_words(sample_pdfs):
    project, result, _ = sample_pdfs
    for brief in result.briefs:
        text = "\n".join(page_texts(project / "out" / f"{brief.id}.pdf"))
        for word in ("Developer", "Modality", "reported", "Regulatory", "Indications"):
            broken = re.findall(rf"\b{word[:3]}\w*-\n\w*{word[-3:]}\b", text)
            assert not broken, (brief.id, broken)


def test_sources_name_each_document_once(sample_pdfs):
    project, result, _ = sample_pdfs
    for brief in result.briefs:
        text = " ".join(" ".join(page_texts(project / "out" / f"{brief.id}.pdf")).split())
        sources = text[text.rfind("Sources"):]
        titles = [" ".join(g.title.split())[:60] for g in brief.sources]
        assert len(brief.sources) < len(brief.references)  # some documents are quoted more than once
        for group, title in zip(brief.sources, titles):
            # the title once per document (two wire copies may share a headline), not once per quote
            # (a quote of the headline itself, in quotation marks, is a quote, not the reference)
            heads = len(re.findall(r"(?<!“)" + re.escape(title), sources))
            assert heads <= titles.count(title), (brief.id, title)


def test_short_table_stays_portrait(tmp_path):
    """A two-row table gets no landscape page of its own."""
    import shutil
    from conftest import PROJECTS

    shutil.copytree(PROJECTS / "basic", tmp_path / "basic")
    build(tmp_path / "basic", names=["basic-bcma"], formats=("pdf",))
    reader = PdfReader(tmp_path / "basic" / "out" / "basic-bcma.pdf")
    assert all(float(p.mediabox.width) < float(p.mediabox.height) for p in reader.pages)


def test_a_profile_name_never_ends_a_page_alone():
    """Wherever a profile starts, its name is on the page of its first label and value (the print CSS)."""
    from weasyprint import HTML

    from reportgen.render import DEFAULT_TEMPLATES, make_environment, stylesheet

    css = stylesheet(make_environment([DEFAULT_TEMPLATES]), "print")
    groups = "".join(f'<div class="group"><dt>Label {i}</dt><dd><ul><li>value {i}</li><li>more {i}</li></ul></dd></div>'
                     for i in range(8))
    for filler in range(50, 72):  # moves the profile down, line by line, across the end of the first page
        html = (f"<style>{css}</style>" + "<p>filler line</p>" * filler
                + f'<article class="profile"><h3>Profile QX-8</h3><dl>{groups}</dl></article>')
        for page in HTML(string=html).render().pages:
            texts = [b.text for b in _boxes(page._page_box) if getattr(b, "text", None)]
            if "Profile QX-8" in texts:
                assert "Label 0" in texts, f"the name ends a page alone with {filler} lines before it"


def _boxes(box):
    yield box
    for child in getattr(box, "children", None) or ():
        yield from _boxes(child)
