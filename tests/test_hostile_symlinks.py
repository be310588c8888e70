"""One path policy in every command: links are judged by where they resolve, never written through."""

import os

import pytest

from hostile_support import cli, snapshot

SECRET = "Private: ZT-999 is an anti-CD19 CAR-T from Secretco."


@pytest.fixture
def secret(tmp_path):
    path = tmp_path / "secret.yaml"
    path.write_text(f"title: '{SECRET}'\npublisher: Secretco\n")
    return path


def test_sidecar_linked_outside_is_not_read(basic_project, secret):
    sidecar = basic_project / "landscapes" / "sources" / "quill-qb7.meta.yaml"
    os.symlink(secret, sidecar)
    code, err = cli("build", "--format", "html", "--project", str(basic_project))
    assert code == 0, err
    assert f"warning: {sidecar}: sidecar not read: it links to a file outside the project" in err
    for page in (basic_project / "out").rglob("*.html"):
        assert "Secretco" not in page.read_text(), page
    assert "built basic-bcma" in err and "built basic-orgs" in err


def test_facts_and_text_apply_the_build_policy(basic_project, secret, tmp_path):
    outside = tmp_path / "outside.txt"
    outside.write_text("Secretco today announced that ZT-999 is an anti-CD19 CAR-T cell therapy.")
    sources = basic_project / "landscapes" / "sources"
    os.symlink(outside, sources / "planted.txt")
    os.symlink(secret, sources / "acme-zt101.meta.yaml.tmp")  # not a sidecar name: ignored anyway
    from hostile_support import cli as run

    import contextlib, io, sys
    from reportgen.cli import main

    out = io.StringIO()
    err = io.StringIO()
    sys_argv = sys.argv
    sys.argv = ["reportgen", "facts", str(sources), "--format", "jsonl"]
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            with pytest.raises(SystemExit) as info:
                main()
    finally:
        sys.argv = sys_argv
    assert info.value.code == 0
    assert "Secretco" not in out.getvalue() and "ZT-999" not in out.getvalue()
    assert "skipping planted.txt: links to a file outside the project" in err.getvalue()
    assert '"acme-zt101.txt"' in out.getvalue()  # the project's own documents are still read
    code, err_text = run("text", str(sources / "planted.txt"))
    assert code == 2 and "planted.txt: links to a file outside the project" in err_text


def test_add_never_writes_through_a_planted_sidecar_link(basic_project, tmp_path):
    victim = tmp_path / "victim.yaml"
    victim.write_text("precious: true\n")
    sources = basic_project / "landscapes" / "sources"
    os.symlink(victim, sources / "new-doc.meta.yaml")
    doc = tmp_path / "new-doc.txt"
    doc.write_text("Acme Bio today announced that ZT-101 entered Phase 2 in multiple myeloma.")
    code, err = cli("add", str(doc), "--project", str(basic_project))
    assert code == 2
    assert f"refused new-doc.txt: its sidecar {sources / 'new-doc.meta.yaml'} is a symbolic link" in err
    assert victim.read_text() == "precious: true\n" and not (sources / "new-doc.txt").exists()


def test_add_never_writes_through_a_dangling_document_link(basic_project, tmp_path):
    # neighbour: the link points at a file that does not exist yet, so "exists" says no
    target = tmp_path / "created-outside.txt"
    sources = basic_project / "landscapes" / "sources"
    os.symlink(target, sources / "fresh.txt")
    doc = tmp_path / "fresh.txt"
    doc.write_text("Acme Bio today announced that ZT-101 entered Phase 2 in multiple myeloma.")
    code, err = cli("add", str(doc), "--project", str(basic_project))
    assert code == 2 and f"refused fresh.txt: {sources / 'fresh.txt'} is a symbolic link" in err
    assert not target.exists()


def test_add_refuses_a_sources_folder_linked_outside(basic_project, tmp_path):
    # neighbour: the whole sources folder is a link to elsewhere
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    sources = basic_project / "landscapes" / "sources"
    for p in sources.iterdir():
        p.unlink()
    sources.rmdir()
    os.symlink(elsewhere, sources)
    doc = tmp_path / "x.txt"
    doc.write_text("Acme Bio today announced that ZT-101 entered Phase 2 in multiple myeloma.")
    code, err = cli("add", str(doc), "--project", str(basic_project))
    assert code == 2 and "resolves outside the project" in err and not any(elsewhere.iterdir())


def test_add_x_txt_does_not_take_the_sidecar_of_x_md(basic_project, tmp_path):
    sources = basic_project / "landscapes" / "sources"
    (sources / "x.md").write_text("# Acme Bio\n\nAcme Bio today announced that ZT-101 entered Phase 2.")
    (sources / "x.meta.yaml").write_text("title: The analyst's own title\ndate: 2025-01-02\n")
    before = snapshot(sources)
    doc = tmp_path / "x.txt"
    doc.write_text("Quillon Therapeutics today dosed the first patient with QB-7 in its trial.")
    code, err = cli("add", str(doc), "--project", str(basic_project))
    assert code == 2 and "refused x.txt: x.md already uses the sidecar x.meta.yaml" in err
    assert snapshot(sources) == before


def test_add_of_two_files_with_one_stem_keeps_both_sidecars_apart(basic_project, tmp_path):
    # neighbour: both arrive in one call
    a, b = tmp_path / "y.txt", tmp_path / "y.html"
    a.write_text("Acme Bio today announced that ZT-101 entered Phase 2 in multiple myeloma.")
    b.write_text("<html><body><p>Quillon Therapeutics today dosed the first patient with QB-7 in its trial.</p></body></html>")
    code, err = cli("add", str(a), str(b), "--project", str(basic_project))
    assert code == 2 and "added y.txt" in err and "refused y.html: y.txt already uses the sidecar y.meta.yaml" in err
    assert not (basic_project / "landscapes" / "sources" / "y.html").exists()


def test_diff_cannot_read_outside_the_project(basic_project, tmp_path):
    cli("build", "--format", "html", "--project", str(basic_project))
    leak = tmp_path / "x" / "editions"
    leak.mkdir(parents=True)
    (leak / "2025-01-01.json").write_text('{"landscape": "x", "as_of": "2025-01-01", "rows": ["SECRET"], "facts": []}')
    for bad in ("../../x", "../x", "/tmp/x", "a/b"):
        code, err = cli("diff", bad, "--project", str(basic_project))
        assert code == 2 and f"error: {bad}: not a landscape id" in err and "SECRET" not in err, bad


def test_diff_through_a_linked_editions_folder_is_refused(basic_project, tmp_path):
    # neighbour: a plain id, but out/<id> is a link to elsewhere
    cli("build", "--format", "html", "--project", str(basic_project))
    (tmp_path / "other" / "editions").mkdir(parents=True)
    os.symlink(tmp_path / "other", basic_project / "out" / "planted")
    code, err = cli("diff", "planted", "--project", str(basic_project))
    assert code == 2 and "resolves outside the project" in err


def test_build_never_writes_through_a_linked_output_folder(basic_project, tmp_path):
    cli("build", "--format", "html", "--project", str(basic_project))
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    import shutil
    shutil.rmtree(basic_project / "out" / "sources")
    os.symlink(elsewhere, basic_project / "out" / "sources")
    code, err = cli("build", "--format", "html", "--force", "--project", str(basic_project))
    assert code == 1 and "its folder resolves outside the project" in err and "Traceback" not in err
    assert not any(elsewhere.iterdir())
