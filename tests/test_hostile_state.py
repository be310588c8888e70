"""What a build keeps between runs (the fact cache, editions) can be damaged: warn, recover, build."""

import sqlite3

import pytest

from hostile_support import cli


def build_html(project, *extra):
    return cli("build", "--format", "html", "--project", str(project), *extra)


def cache_file(project):
    return project / "out" / ".cache" / "facts.sqlite"


def _fill_cache(project):
    code, err = build_html(project)
    assert code == 0, err
    db = sqlite3.connect(cache_file(project))
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.execute("PRAGMA journal_mode=DELETE")
    db.close()
    return (project / "out" / "basic-bcma.html").read_bytes()


def test_cache_with_damaged_pages_and_intact_header_is_rebuilt(basic_project):
    first = _fill_cache(basic_project)
    path = cache_file(basic_project)
    data = bytearray(path.read_bytes())
    assert data[:16] == b"SQLite format 3\x00" and len(data) > 4096
    page = int.from_bytes(data[16:18], "big")
    for offset in range(page, len(data)):  # every page after the first: garbage; the header stays
        data[offset] = (offset * 37) & 0xFF
    path.write_bytes(bytes(data))
    code, err = build_html(basic_project, "--force")
    assert code == 0, err
    assert f"warning: {path}: damaged fact cache" in err and "rebuilding it" in err
    assert "built basic-bcma" in err and "built basic-orgs" in err
    assert (basic_project / "out" / "basic-bcma.html").read_bytes() == first  # same facts, same page
    assert sqlite3.connect(path).execute("PRAGMA quick_check").fetchone()[0] == "ok"


def test_truncated_cache_is_rebuilt(basic_project):
    # neighbour: the file ends in the middle of a page
    first = _fill_cache(basic_project)
    path = cache_file(basic_project)
    path.write_bytes(path.read_bytes()[: 4096 + 100])
    code, err = build_html(basic_project, "--force")
    assert code == 0 and str(path) in err and "damaged fact cache" in err
    assert (basic_project / "out" / "basic-bcma.html").read_bytes() == first


def test_full_disk_during_the_cache_write_is_a_warning(basic_project, monkeypatch):
    from reportgen.cache import FactCache

    real_open = FactCache._open

    def tiny(self):
        db = real_open(self)
        pages = db.execute("PRAGMA page_count").fetchone()[0]
        db.execute(f"PRAGMA max_page_count = {pages}")  # SQLite's own 'database or disk is full'
        return db

    monkeypatch.setattr(FactCache, "_open", tiny)
    code, err = build_html(basic_project)
    assert code == 0, err
    assert "cannot write the fact cache" in err and "full" in err and "continuing without it" in err
    assert "built basic-bcma" in err and (basic_project / "out" / "basic-orgs.html").exists()


def test_cache_that_is_a_folder_is_a_warning(basic_project):
    # neighbour: the cache cannot even be opened
    cache_file(basic_project).mkdir(parents=True)
    code, err = build_html(basic_project)
    assert code == 0 and "fact cache" in err and "built basic-bcma" in err


@pytest.mark.parametrize("content", [b"{not json", b"", b'{"landscape": "basic-bcma"}', b"\xff\xfe\x00",
                                     b'{"landscape": "x", "as_of": "y", "rows": [], "facts": [{"subject": 1}]}'])
def test_one_corrupt_edition_starts_a_fresh_line(basic_project, content):
    build_html(basic_project)
    editions = basic_project / "out" / "basic-bcma" / "editions"
    (newest,) = editions.glob("*.json")
    newest.write_bytes(content)
    landscape = basic_project / "landscapes" / "basic-bcma.yaml"
    landscape.write_text(landscape.read_text().replace("columns: [name,", "columns: [name, names,"))
    (basic_project / "landscapes" / "sources" / "more.txt").write_text(
        "Acme Bio today announced that ZT-101 received Orphan Drug Designation from the FDA.")
    code, err = build_html(basic_project)
    assert code == 0, err
    assert f"warning: {newest}: corrupt edition ignored" in err
    assert "built basic-bcma" in err and "skipped basic-orgs: inputs unchanged" in err
    assert newest.read_bytes() == content  # kept as it was, not overwritten
    assert len(list(editions.glob("*.json"))) == 2
    code, err = cli("diff", "basic-bcma", "--project", str(basic_project))
    assert code == 0 and "corrupt edition ignored" in err and "Traceback" not in err


def test_corrupt_older_edition_leaves_diff_working(basic_project):
    # neighbour: the damaged one is not the newest
    build_html(basic_project)
    (basic_project / "landscapes" / "sources" / "more.txt").write_text(
        "Acme Bio today announced that ZT-101 received Orphan Drug Designation from the FDA.")
    build_html(basic_project)
    editions = sorted((basic_project / "out" / "basic-bcma" / "editions").glob("*.json"))
    assert len(editions) == 2
    editions[0].write_text("[]")
    code, err = cli("diff", "basic-bcma", "--since", editions[0].stem, "--project", str(basic_project))
    assert code == 2 and f"no edition '{editions[0].stem}'" in err and "corrupt edition ignored" in err
    code, err = cli("diff", "basic-bcma", "--project", str(basic_project))
    assert code == 0 and "corrupt edition ignored" in err  # one readable edition left: nothing to compare
