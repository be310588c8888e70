"""The PDF, opened with a PDF library: title, page numbers, quotes, attached facts."""

import json
import re

import pytest
from pypdf import PdfReader

from reportgen.build import build


@pytest.fixture(scope="module")
def bcma_pdf(tmp_path_factory):
    import shutil
    from conftest import ROOT

    project = tmp_path_factory.mktemp("pdf") / "project"
    shutil.copytree(ROOT / "landscapes", project / "landscapes")
    result = build(project, ["bcma-therapies"], formats=("pdf",))
    (brief,) = result.briefs
    return project / "out" / "bcma-therapies.pdf", brief


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
