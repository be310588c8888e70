import shutil
from pathlib import Path

import pytest

from reportgen.build import build, load_corpus, make_brief, Project, load_landscapes, write_atomic
from reportgen.errors import BuildError, InputError


def test_build_writes_html_for_every_landscape(basic_project):
    result = build(basic_project, formats=("html",))
    assert sorted(p.name for p in result.written if p.parent.name == "out") == [
        ".manifest.json", "basic-bcma.html", "basic-orgs.html", "index.html"]
    html = (basic_project / "out" / "basic-bcma.html").read_text()
    assert "BCMA test landscape" in html
    assert "Quillon Therapeutics" in html  # curated fact
    assert "<script>alert" not in html


def test_same_inputs_give_same_bytes(basic_project):
    formats = ("html", "pdf", "csv", "xlsx")
    build(basic_project, formats=formats, out_dir=basic_project / "one")
    build(basic_project, formats=formats, out_dir=basic_project / "two")
    for suffix in formats:
        name = f"basic-bcma.{suffix}"
        assert (basic_project / "one" / name).read_bytes() == (basic_project / "two" / name).read_bytes(), name


def test_invalid_landscape_writes_nothing_and_keeps_old_outputs(basic_project):
    build(basic_project, formats=("html",))
    before = snapshot(basic_project / "out")
    (basic_project / "landscapes" / "zz-broken.yaml").write_text("id: zz-broken\ntitle: X\nscoep: {}\n")
    with pytest.raises(InputError) as info:
        build(basic_project, formats=("html",))
    assert "zz-broken.yaml:3:1: unknown key 'scoep'" in str(info.value)
    assert snapshot(basic_project / "out") == before


def snapshot(folder: Path) -> dict:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_cite_to_removed_document_fails(basic_project):
    (basic_project / "landscapes" / "sources" / "quill-qb7.txt").unlink()
    with pytest.raises(InputError) as info:
        build(basic_project, formats=("html",))
    assert "cite: no source document 'quill-qb7.txt'" in str(info.value)


def test_failed_write_leaves_no_temporary_files(tmp_path, monkeypatch):
    target = tmp_path / "x.html"
    target.write_bytes(b"old")

    def broken_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("os.replace", broken_replace)
    with pytest.raises(BuildError) as info:
        write_atomic(target, b"new")
    assert "No space left on device" in str(info.value)
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["x.html"]


def test_every_citation_quote_is_verbatim_in_its_source(sample_project):
    project = Project(sample_project)
    corpus = load_corpus(project)
    for path, landscape in load_landscapes(project, None, corpus):
        brief, _ = make_brief(project, path, landscape, corpus)
        assert brief.references, landscape.id
        for ref in brief.references:
            assert corpus.docs[ref.doc].text[ref.start:ref.end] == ref.quote
