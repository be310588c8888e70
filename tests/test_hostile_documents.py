"""Broken and hostile source documents: a warning naming the file and reason, the build goes on."""

import os

import pytest

from reportgen.build import Project, build, load_corpus
from reportgen.sources import read_documents


def corpus_of(project):
    return load_corpus(Project(project))


@pytest.fixture
def sources(basic_project):
    return basic_project / "landscapes" / "sources"


def skipped_reasons(project):
    return {s.id: s.reason for s in corpus_of(project).skipped}


def test_empty_and_binary_files_are_skipped(basic_project, sources):
    (sources / "empty.txt").write_bytes(b"")
    (sources / "binary.txt").write_bytes(os.urandom(4096))
    reasons = skipped_reasons(basic_project)
    assert reasons["empty.txt"] == "empty file"
    assert "binary" in reasons["binary.txt"] or "undecodable" in reasons["binary.txt"]


def test_truncated_and_encrypted_pdfs_are_skipped(basic_project, sources, tmp_path):
    weasyprint = pytest.importorskip("weasyprint")
    from pypdf import PdfReader, PdfWriter

    good = tmp_path / "good.pdf"
    weasyprint.HTML(string="<p>ZT-101 is an anti-BCMA CAR-T.</p>").write_pdf(good)
    (sources / "truncated.pdf").write_bytes(good.read_bytes()[: len(good.read_bytes()) // 3])
    writer = PdfWriter(clone_from=PdfReader(good))
    writer.encrypt("secret")
    with open(sources / "encrypted.pdf", "wb") as handle:
        writer.write(handle)
    reasons = skipped_reasons(basic_project)
    assert "encrypted" in reasons["encrypted.pdf"]
    assert reasons["truncated.pdf"]


def test_html_that_is_mostly_script(basic_project, sources):
    (sources / "script.html").write_text("<html><body><script>" + "var a=1;" * 5000 + "</script><p>hi</p></body></html>")
    assert "no main text" in skipped_reasons(basic_project)["script.html"]


def test_deeply_nested_markup_does_not_crash(basic_project, sources):
    page = "<div>" * 5000 + "<p>Zorbatec Bio announced that ZT-101 entered Phase 2 in multiple myeloma patients today.</p>" + "</div>" * 5000
    (sources / "nested.html").write_text(f"<html><body>{page}</body></html>")
    corpus = corpus_of(basic_project)
    assert "nested.html" in corpus.docs or "nested.html" in {s.id for s in corpus.skipped}


def test_huge_file_is_skipped_without_reading_it(basic_project, sources):
    with open(sources / "huge.txt", "wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    assert "too large" in skipped_reasons(basic_project)["huge.txt"]


def test_mixed_encodings_decode(basic_project, sources):
    (sources / "mixed.txt").write_bytes("Zürich – ".encode("utf-8") + "Genève".encode("latin-1") + b" ZT-101 study.")
    corpus = corpus_of(basic_project)
    assert "mixed.txt" in corpus.docs
    assert "ZT-101 study." in corpus.docs["mixed.txt"].text


def test_brief_lists_skipped_sources_and_build_goes_on(basic_project, sources):
    (sources / "empty.txt").write_bytes(b"")
    build(basic_project, formats=("html",))
    html = (basic_project / "out" / "basic-bcma.html").read_text()
    assert "Sources skipped" in html and "empty.txt: empty file" in html


def test_warning_names_file_and_reason(basic_project, sources, run_cli):
    (sources / "empty.txt").write_bytes(b"")
    import subprocess, sys
    result = subprocess.run([sys.executable, "-m", "reportgen", "build", "--format", "html", "--project", str(basic_project)],
                            capture_output=True, text=True)
    assert result.returncode == 0
    assert "warning: skipping empty.txt: empty file" in result.stderr
