import pytest
from reportgen.build import Project, load_corpus
from reportgen.cache import FactCache
from reportgen.facts import Evidence, Fact


def test_roundtrip_and_keys(tmp_path):
    cache = FactCache(tmp_path / "c.sqlite")
    f = Fact(subject="ZT-101", predicate="target", object="BCMA", evidence=Evidence(doc="a.txt", start=0, end=3, quote="abc"))
    cache.put("a.txt", "sha1", "v1", "abc", [f], meta={"fields": {"title": "A"}})
    assert cache.get("a.txt", "sha1", "v1") == ("abc", [f], {"fields": {"title": "A"}})
    assert cache.get("a.txt", "sha2", "v1") is None  # changed content
    assert cache.get("a.txt", "sha1", "v2") is None  # new extractor
    assert cache.keep_only({"b.txt"}) == 1
    assert cache.get("a.txt", "sha1", "v1") is None


def test_corrupt_cache_is_rebuilt(tmp_path):
    (tmp_path / "c.sqlite").write_bytes(b"this is not a database" * 100)
    cache = FactCache(tmp_path / "c.sqlite")
    assert cache.get("a.txt", "x", "y") is None


def test_cache_changes_nothing_but_time(basic_project, tmp_path):
    project = Project(basic_project)
    plain = load_corpus(project)
    cached_cold = load_corpus(project, cache_dir=tmp_path)
    cached_warm = load_corpus(project, cache_dir=tmp_path)
    assert plain.facts == cached_cold.facts == cached_warm.facts
    assert {k: d.text for k, d in plain.docs.items()} == {k: d.text for k, d in cached_warm.docs.items()}


def test_validate_reads_the_fact_cache_but_never_writes_it(basic_project, run_cli):
    import hashlib

    run_cli("build", "--format", "html", "--project", str(basic_project))
    cache = basic_project / "out" / ".cache"
    (basic_project / "landscapes" / "sources" / "zz-new.txt").write_text(
        "Torvik Bio today announced that the FDA has cleared the IND for TV-9, a KRAS G12C inhibitor.\n")
    next((basic_project / "landscapes" / "sources").glob("quill*.txt")).unlink()  # keep_only would forget it

    def state():
        return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(cache.iterdir())}

    before = state()
    from reportgen.errors import InputError

    with pytest.raises(InputError):  # the landscapes cite the removed document
        run_cli("validate", "--project", str(basic_project))
    assert state() == before  # no new entry, none deleted, no journal left behind
