"""Where a build writes: never over its inputs, never under a reserved name, never half."""

import os
import shutil
import stat

import pytest

from hostile_support import broken_links, cli, snapshot


def html_only(project, *extra):
    return cli("build", "--format", "html", "--project", str(project), *extra)


@pytest.mark.parametrize("out", ["templates", "landscapes", "landscapes/sources", "landscapes/sub", ".",
                                 "templates/../landscapes"])
def test_out_where_inputs_are_read_is_refused(basic_project, out):
    (basic_project / "templates").mkdir()
    (basic_project / "templates" / "index.html").write_text("{{ briefs }}")
    before = snapshot(basic_project)
    code, err = html_only(basic_project, "--out", str(basic_project / out))
    assert code == 2, err
    assert "error: " in err and ("where a build reads its inputs" in err or "is the project folder itself" in err)
    assert "Traceback" not in err
    assert snapshot(basic_project) == before  # nothing written anywhere, the template untouched


def test_out_that_holds_a_templates_folder_is_refused(basic_project, tmp_path):
    # neighbour: the --templates folder lies inside the chosen output folder
    theirs = basic_project / "build" / "tpl"
    theirs.mkdir(parents=True)
    (theirs / "brief.html").write_text('{% extends "default:brief.html" %}')
    code, err = html_only(basic_project, "--out", str(basic_project / "build"), "--templates", str(theirs))
    assert code == 2 and "--out contains the templates folder" in err
    assert sorted(p.name for p in (basic_project / "build").iterdir()) == ["tpl"]


def test_out_inside_the_package_is_refused(basic_project, monkeypatch):
    import reportgen

    package = basic_project / "pkg"
    package.mkdir()
    monkeypatch.setattr(reportgen, "__file__", str(package / "__init__.py"))
    code, err = html_only(basic_project, "--out", str(package / "site"))
    assert code == 2 and "lies inside the reportgen package" in err
    assert not (package / "site").exists()


@pytest.mark.parametrize("reserved", ["index", "sources"])
def test_reserved_landscape_ids_are_refused_and_the_others_built(basic_project, reserved):
    (basic_project / "landscapes" / f"{reserved}.yaml").write_text(f"id: {reserved}\ntitle: Overwrites the site\n")
    code, err = cli("validate", "--project", str(basic_project))
    assert code == 2 and f"{reserved}.yaml:1:1: id '{reserved}' is reserved" in err
    code, err = html_only(basic_project)
    assert code == 2 and f"{reserved}.yaml:1:1: id '{reserved}' is reserved" in err
    out = basic_project / "out"
    assert "built basic-bcma" in err and "built basic-orgs" in err
    assert "basic-bcma.html" in (out / "index.html").read_text()  # the site index is the index, not a brief
    assert not (out / "sources" / "editions").exists()


def test_invalid_landscape_does_not_stop_the_valid_ones(basic_project):
    (basic_project / "landscapes" / "zz-bad.yaml").write_text("id: zz-bad\ntitle: Bad\ncolumns: [nme]\n")
    code, err = html_only(basic_project)
    assert code == 2
    assert "zz-bad.yaml:3:11: unknown column 'nme'" in err
    assert "built basic-bcma" in err
    out = basic_project / "out"
    assert (out / "basic-bcma.html").exists() and (out / "basic-orgs.html").exists() and not (out / "zz-bad.html").exists()


def test_a_brief_that_fails_to_render_does_not_stop_the_others(basic_project, tmp_path):
    # neighbour: the failure is in one brief's own template, the other brief renders
    (tmp_path / "brief-basic-orgs.html").write_text("{{ brief.nope }}")
    code, err = html_only(basic_project, "--templates", str(tmp_path))
    assert code == 1 and "basic-orgs" in err and "nope" in err and "Traceback" not in err
    out = basic_project / "out"
    assert (out / "basic-bcma.html").exists() and not (out / "basic-orgs.html").exists()


def _read_only_out(project):
    out = project / "out"
    out.mkdir()
    out.chmod(stat.S_IRUSR | stat.S_IXUSR)
    probe = out / "probe"
    try:
        probe.write_text("x")
    except PermissionError:
        return out
    probe.unlink()
    out.chmod(0o755)
    pytest.skip("running as a user that ignores file permissions (root)")


def test_read_only_out_is_one_line_exit_1(basic_project):
    out = _read_only_out(basic_project)
    try:
        code, err = html_only(basic_project)
    finally:
        out.chmod(0o755)
    assert code == 1
    lines = [line for line in err.splitlines() if line.startswith("error:")]
    assert len(lines) == 1 and str(out) in lines[0] and "Permission denied" in lines[0]
    assert "Traceback" not in err and not any(out.iterdir())


def test_read_only_file_system_is_one_line_exit_1(basic_project, monkeypatch):
    # neighbour (works as root too): the file system refuses every new file, as a read-only mount does
    import errno

    html_only(basic_project)
    before = snapshot(basic_project / "out")
    (basic_project / "landscapes" / "basic-bcma.yaml").write_text(
        (basic_project / "landscapes" / "basic-bcma.yaml").read_text().replace("Two invented assets", "Changed"))

    def read_only(*args, **kwargs):
        raise OSError(errno.EROFS, "Read-only file system")

    import tempfile
    monkeypatch.setattr(tempfile, "mkstemp", read_only)
    code, err = html_only(basic_project)
    monkeypatch.undo()
    assert code == 1 and "Read-only file system" in err and "Traceback" not in err
    assert len([line for line in err.splitlines() if line.startswith("error:")]) == 1
    assert snapshot(basic_project / "out") == before


def test_temporary_files_of_a_killed_build_are_removed(basic_project):
    html_only(basic_project)
    out = basic_project / "out"
    left = [out / ".basic-bcma.html.k3j_x9a2.tmp", out / "sources" / ".acme-zt101.txt.html.AbCd1234.tmp",
            out / "basic-bcma" / "editions" / ".2025-01-01.json.zzzzzzzz.tmp"]
    for path in left:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"half a file")
    keep = out / "notes.tmp"  # neighbour: a file that is not one of ours stays
    keep.write_text("mine")
    code, err = html_only(basic_project)
    assert code == 0, err
    assert not any(p.exists() for p in left) and keep.exists()
    assert not [p for p in out.rglob("*.tmp") if p != keep]


def test_killed_build_leaves_no_temporaries_after_the_next(basic_project):
    # the real thing: SIGKILL a build in the middle, then build again
    import signal
    import subprocess
    import sys
    import time

    for i in range(3):  # more sources: a build long enough to kill
        shutil.copy(basic_project / "landscapes" / "sources" / "acme-zt101.txt",
                    basic_project / "landscapes" / "sources" / f"copy-{i}.txt")
        with open(basic_project / "landscapes" / "sources" / f"copy-{i}.txt", "a") as handle:
            handle.write(f"\nCopy {i}.\n")
    proc = subprocess.Popen([sys.executable, "-m", "reportgen", "build", "--project", str(basic_project)],
                            stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not list((basic_project / "out").rglob("*.tmp")) and proc.poll() is None:
        time.sleep(0.01)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    code, err = cli("build", "--project", str(basic_project))
    assert code == 0, err
    assert not list((basic_project / "out").rglob("*.tmp"))


HOSTILE_NAMES = ["with space.txt", "ünïcødé-名前.txt", "quote'd\"name.txt", "100%25 pct%.txt", "hash#frag.txt",
                 "what?.txt", "new\nline.txt", "UPPER.txt", "upper.txt", "a" * 246 + ".txt", "amp&lt;.txt",
                 "back\\slash.txt", "semi;colon.md"]


def test_sources_with_hostile_names_are_reachable_from_every_citation(basic_project):
    sources = basic_project / "landscapes" / "sources"
    notes = []
    for i, name in enumerate(HOSTILE_NAMES):
        (sources / name).write_text(f"Acme Bio said ZT-101 is covered by statement number {i} of the link test.\n")
        notes.append({"text": f"Note {i}.", "cite": [{"doc": name, "quote": f"statement number {i} of the link test"}]})
    import yaml

    (basic_project / "landscapes" / "names.yaml").write_text(yaml.safe_dump(
        {"id": "names", "title": "Names", "sections": ["notes", "references"], "notes": notes}))
    code, err = html_only(basic_project)
    assert code == 0, err
    out = basic_project / "out"
    brief = out / "names.html"
    from hostile_support import parse_html

    to_sources = [h for h in parse_html(brief).hrefs if h.startswith("sources/")]
    assert len({h.split("#")[0] for h in to_sources}) == len(HOSTILE_NAMES)  # one page per source, none shared
    assert broken_links(brief) == []
    for page in (out / "sources").glob("*.html"):
        assert len(page.name.encode()) <= 255 and broken_links(page) == [], page  # and links back
    assert broken_links(out / "index.html") == []


def test_template_code_in_a_title_stays_text(basic_project):
    # the injection the --out policy closes: a title with template syntax must print as itself
    landscape = basic_project / "landscapes" / "basic-bcma.yaml"
    landscape.write_text(landscape.read_text().replace("title: BCMA test landscape", "title: \"{{ 7*7 }} {% raw %}\""))
    for out in ("templates", "out"):
        code, err = html_only(basic_project, "--out", str(basic_project / out))
        assert code == (2 if out == "templates" else 0), err
    assert not (basic_project / "templates").exists()
    for page in ("basic-bcma.html", "index.html"):
        html = (basic_project / "out" / page).read_text()
        assert "{{ 7*7 }}" in html and "49" not in html.split("{{ 7*7 }}")[0][-5:]


def test_out_that_is_a_link_to_an_input_folder_is_refused(basic_project):
    # neighbour: out/ itself is a symlink (inside the project) to landscapes/
    os.symlink(basic_project / "landscapes", basic_project / "out")
    before = snapshot(basic_project / "landscapes")
    code, err = html_only(basic_project)
    assert code == 2 and "--out is the landscapes folder" in err
    assert snapshot(basic_project / "landscapes") == before


@pytest.mark.parametrize("markdown", [
    "See ![pixel](https://t.example/p.gif?u=1).",
    "See ![pixel][p].\n\n[p]: https://t.example/p.gif",  # neighbour: a reference-style image
    "See [![pixel](https://t.example/p.gif)](https://t.example/).",  # neighbour: an image inside a link
    "See ![pixel](file:///etc/hostname) and ![x](javascript:alert(1)).",  # neighbour: schemes never linked
])
def test_markdown_images_in_notes_load_nothing(basic_project, markdown):
    import yaml

    landscape = basic_project / "landscapes" / "basic-bcma.yaml"
    data = yaml.safe_load(landscape.read_text())
    data["notes"][0]["text"] = markdown
    landscape.write_text(yaml.safe_dump(data))
    code, err = html_only(basic_project)
    assert code == 0, err
    from hostile_support import parse_html

    tags = parse_html(basic_project / "out" / "basic-bcma.html").tags
    assert not [t for t, a in tags if t in ("img", "picture", "source", "iframe", "video", "audio", "object")]
    assert not any(a.get("src", "").startswith(("http", "file", "//")) for _, a in tags)
    assert not any(a.get("href", "").startswith(("file:", "javascript:")) for _, a in tags)
    assert "pixel" in (basic_project / "out" / "basic-bcma.html").read_text()  # shown as a link or text


def test_staged_writes_a_killed_build_left_in_the_cache_folder_are_removed(tmp_path):
    from reportgen.outdir import remove_stale_temporaries

    cache = tmp_path / "out" / ".cache"
    (cache / "texts").mkdir(parents=True)
    left = [cache / ".scope-index.json.ab12cd34.tmp", cache / ".inputs-stat.x9y8z7w6.tmp"]
    kept = [cache / "facts.sqlite", cache / "texts" / ".note.ab12cd34.tmp"]
    for p in left + kept:
        p.write_text("x")
    assert remove_stale_temporaries(tmp_path / "out") == 2
    assert not any(p.exists() for p in left) and all(p.exists() for p in kept)
