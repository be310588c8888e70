"""The extractor seam: a contract every registered backend keeps, and the cache key it gives."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest
from reportgen.extract import BACKENDS, EXTENSION_KEYS, Extractor, get_extractor
from reportgen.extract import base as extract_base
from reportgen.extract.lexicon import build_lexicons
from reportgen.sources import Document, iter_documents

TEXTS = [
    "Zorbatec Bio, Inc. (NASDAQ: ZRBT) today announced that the U.S. FDA has granted Breakthrough Therapy "
    "designation to zorbatinib, an oral KRAS G12C inhibitor, for non-small cell lung cancer.\n"
    "The drug is being studied in the Phase 2 ZORBA-201 trial (NCT01234567). The objective response rate was 41%.\n",
    "HEADLINE: Quellor Therapeutics Doses First Patient with QL-2207\n\nQuellor Therapeutics, a clinical-stage "
    "company, announced that the first patient was dosed with QL-2207, a CD19-directed CAR-T cell therapy, for "
    "systemic lupus erythematosus. The company plans to start a Phase 3 study in 2027.\n",
    "Line one with no end\r\nLine two. Dr. Smith said so.\r\n“Quoted” text ™ and ? marks.\n",
    "",
]


@pytest.fixture(params=sorted(BACKENDS))
def backend(request) -> Extractor:
    return get_extractor(backend=request.param)


def test_backends_follow_the_protocol(backend):
    assert isinstance(backend, Extractor)
    assert backend.name and backend.version and backend.fingerprint


@pytest.mark.parametrize("text", TEXTS)
def test_every_quote_is_the_text_at_its_offsets(backend, text):
    doc = Document(id="x.txt", text=text, sha256="0" * 64)
    for fact in backend.extract(doc):
        ev = fact.evidence
        assert ev.doc == "x.txt"
        assert 0 <= ev.start < ev.end <= len(text)
        assert text[ev.start:ev.end] == ev.quote


@pytest.mark.parametrize("text", TEXTS)
def test_extraction_is_deterministic(backend, text):
    doc = Document(id="x.txt", text=text, sha256="0" * 64)
    first = [f.to_json() for f in backend.extract(doc)]
    assert first == [f.to_json() for f in get_extractor(backend=backend.name).extract(doc)]


def test_offsets_point_into_reportgen_text(backend, tmp_path):
    """Offsets index the text `reportgen text` prints (CRLF kept), for a file read from disk."""
    path = tmp_path / "crlf.txt"
    path.write_bytes(TEXTS[0].replace("\n", "\r\n").encode("utf-8"))
    run = subprocess.run([sys.executable, "-m", "reportgen", "text", str(path)], capture_output=True, check=True)
    shown = run.stdout.decode("utf-8")
    (doc,) = list(iter_documents([path]))
    facts = backend.extract(doc)
    assert facts
    for fact in facts:
        assert shown[fact.evidence.start:fact.evidence.end] == fact.evidence.quote


def test_fingerprint_covers_the_data_files(tmp_path, monkeypatch):
    """Editing extract/data/*.yaml changes the fingerprint, hence the fact-cache key."""
    data = tmp_path / "data"
    shutil.copytree(extract_base.DATA_DIR, data)
    monkeypatch.setattr(extract_base, "DATA_DIR", data)
    before = get_extractor().fingerprint
    with (data / "targets.yaml").open("a", encoding="utf-8") as fh:
        fh.write("ZEBRA9: [ZEBRA9]\n")
    after = get_extractor().fingerprint
    assert before != after
    assert get_extractor({"targets": {"ZEBRA1": ["ZEBRA1"]}}).fingerprint != after


def test_fingerprint_covers_the_extractor_code(tmp_path, monkeypatch):
    """A rule edited without a version bump (a development install) is a new cache key too."""
    code = tmp_path / "extract"
    code.mkdir()
    for path in extract_base.CODE_DIR.glob("*.py"):
        shutil.copy(path, code / path.name)
    monkeypatch.setattr(extract_base, "CODE_DIR", code)
    before = get_extractor().fingerprint
    with (code / "relations.py").open("a", encoding="utf-8") as fh:
        fh.write("# a changed rule\n")
    assert get_extractor().fingerprint != before


def test_fingerprint_covers_the_shared_vocabularies(tmp_path, monkeypatch):
    """The MeSH disease and place tables feed extraction too: a new table, a new cache key."""
    shared = tmp_path / "shared"
    shutil.copytree(extract_base.SHARED_DATA_DIR, shared)
    monkeypatch.setattr(extract_base, "SHARED_DATA_DIR", shared)
    before = get_extractor().fingerprint
    (shared / "mesh_diseases.tsv.gz").write_bytes(b"")
    assert get_extractor().fingerprint != before


def test_build_reextracts_when_the_fingerprint_changes(basic_project, monkeypatch):
    from reportgen import extract
    from reportgen.build import load_corpus
    from reportgen.build import Project

    calls = []

    class Counting(extract.RuleExtractor):
        stamp = "a"

        @property
        def fingerprint(self):
            return "counting-" + self.stamp

        def extract(self, document):
            calls.append(document.id)
            return super().extract(document)

    monkeypatch.setattr(extract, "get_extractor", lambda lexicon=None, backend="rules": Counting(lexicon))
    project = Project(basic_project)
    cache = basic_project / "out" / ".cache"
    load_corpus(project, cache_dir=cache)
    n = len(calls)
    assert n > 0
    load_corpus(project, cache_dir=cache)
    assert len(calls) == n  # same fingerprint: served from the cache
    Counting.stamp = "b"
    load_corpus(project, cache_dir=cache)
    assert len(calls) == 2 * n  # new fingerprint (e.g. an edited lexicon file): extracted again


def test_extension_keys_are_the_ones_the_lexicons_read():
    """Every key a landscape may extend changes what the extractor finds; nothing else is accepted."""
    extra = {key: {"Zqxv": ["Zqxvword"]} for key in EXTENSION_KEYS}
    lex = build_lexicons(extra)
    read = {name for name in lex.NAMES if getattr(lex, name).lookup("Zqxvword")[0]}
    assert "regulators" not in EXTENSION_KEYS and "countries" not in EXTENSION_KEYS
    for key in ("authorities", "events", "designations", "targets", "diseases"):
        assert key in EXTENSION_KEYS and key in read
