"""New documents only: those that touch no brief skip the archive; those that do (even through a name join) rebuild.

Small invented projects; every incremental result is compared with a `--force`
build of the same inputs in a fresh project.
"""

import shutil
from pathlib import Path

import pytest

A = """Norvale Bio Presents Data for AB-1

BOSTON, March 3, 2025 /PRNewswire/ -- Norvale Bio, Inc. today presented data from its Phase 1 trial of AB-1, a \
BCMA-targeted monoclonal antibody, in multiple myeloma. The overall response rate was 40%.
"""
B = """Castor Cells Doses First Patient with CX-2

SAN DIEGO, April 9, 2025 -- Castor Cells, Inc. today announced that the first patient has been dosed in its Phase 1 \
trial of CX-2, an autologous CAR-T cell therapy, in lupus nephritis.
"""
C = """Quorra Therapeutics Doses First Patient with ZQ-4

BOSTON, February 2, 2025 -- Quorra Therapeutics today announced that the first patient has been dosed in its Phase 1 \
trial of ZQ-4, a BCMA-directed CAR-T cell therapy, in multiple myeloma.
"""
OUTSIDE = """Torvik Bio Doses First Patient with TV-9

LONDON, June 2, 2025 -- Torvik Bio today announced that the first patient has been dosed in its Phase 1 trial of \
TV-9, a KRAS G12C inhibitor, in colorectal cancer.
"""
JOIN = """Norvale Bio Update

BOSTON, May 5, 2025 /PRNewswire/ -- Norvale Bio, Inc. today announced that AB-1 (also known as CX-2) will be \
presented at a medical meeting in June.
"""
INSIDE = """Pellan Bio Doses First Patient with PB-8

BOSTON, July 1, 2025 -- Pellan Bio today announced that the first patient has been dosed in its Phase 1 trial of \
PB-8, a BCMA-directed CAR-T cell therapy, in multiple myeloma.
"""
LANDSCAPE = """id: cart-bcma
title: BCMA CAR-T
rows: assets
scope:
  targets: [BCMA]
  modalities: [CAR-T]
columns: [name, developer, target, modality, stage]
sections: [summary, table, profiles, references]
"""
ORGS = """id: kras-orgs
title: KRAS developers
rows: organizations
scope:
  targets: [KRAS G12C]
sections: [summary, table, references]
"""
FORMATS = ("--format", "html,csv")


@pytest.fixture
def project(tmp_path) -> Path:
    root = tmp_path / "p"
    sources = root / "landscapes" / "sources"
    sources.mkdir(parents=True)
    for name, text in (("a", A), ("b", B), ("c", C)):
        (sources / f"{name}.txt").write_text(text)
    (root / "landscapes" / "cart-bcma.yaml").write_text(LANDSCAPE)
    return root


def outputs(out: Path) -> dict[str, bytes]:
    skip = {".inputs.json", ".lock"}
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*"))
            if p.is_file() and p.name not in skip and ".cache" not in p.relative_to(out).parts}


def forced(project: Path, tmp_path: Path, run_cli) -> dict[str, bytes]:
    """A copy of the project, output folder and editions included, built again with --force."""
    copy = tmp_path / "forced"
    shutil.copytree(project, copy)
    run_cli("build", *FORMATS, "--force", "--project", str(copy))
    return outputs(copy / "out")


def add(project: Path, name: str, text: str) -> None:
    (project / "landscapes" / "sources" / f"{name}.txt").write_text(text)


def test_a_document_outside_every_scope_skips_the_archive(project, tmp_path, run_cli, monkeypatch):
    (project / "landscapes" / "kras-orgs.yaml").write_text(ORGS)
    run_cli("build", *FORMATS, "--project", str(project))
    before = outputs(project / "out")
    add(project, "zz-outside", OUTSIDE.replace("KRAS G12C", "EGFR"))  # a target no landscape selects

    import reportgen.corpus

    def no_archive(*args, **kwargs):
        raise AssertionError("the archive was read")

    with monkeypatch.context() as m:
        m.setattr(reportgen.corpus, "load_corpus", no_archive)
        quick = run_cli("build", *FORMATS, "--project", str(project))
    assert "1 new document, in no brief's scope" in quick.output
    assert "skipped cart-bcma: inputs unchanged" in quick.output and "rendering" not in quick.output
    assert outputs(project / "out") == before == forced(project, tmp_path, run_cli)
    assert "every brief is up to date" in run_cli("build", *FORMATS, "--project", str(project)).output
    # the document is in the fact cache: a later full build does not extract it again
    from reportgen.cache import FactCache

    cache = FactCache(project / "out" / ".cache" / "facts.sqlite")
    assert {d for (d,) in cache.db.execute("SELECT doc FROM documents_v2")} == {"a.txt", "b.txt", "c.txt",
                                                                                 "zz-outside.txt"}
    cache.close()


def test_a_name_fact_joining_two_outside_entities_into_scope_rebuilds(project, tmp_path, run_cli):
    # AB-1 is BCMA but an antibody, CX-2 a CAR-T without a target: neither is a row until a source says they are one
    run_cli("build", *FORMATS, "--project", str(project))
    assert "AB-1" not in (project / "out" / "cart-bcma.csv").read_text()
    add(project, "zz-join", JOIN)
    joined = run_cli("build", *FORMATS, "--project", str(project))
    assert "in no brief's scope" not in joined.output and "rendering cart-bcma" in joined.output
    assert "AB-1" in (project / "out" / "cart-bcma.csv").read_text()
    assert outputs(project / "out") == forced(project, tmp_path, run_cli)


def test_a_new_in_scope_asset_rebuilds(project, tmp_path, run_cli):
    run_cli("build", *FORMATS, "--project", str(project))
    add(project, "zz-inside", INSIDE)
    inside = run_cli("build", *FORMATS, "--project", str(project))
    assert "rendering cart-bcma" in inside.output and "PB-8" in (project / "out" / "cart-bcma.csv").read_text()
    assert outputs(project / "out") == forced(project, tmp_path, run_cli)


def test_a_new_fact_about_a_row_or_its_developer_rebuilds(project, tmp_path, run_cli):
    run_cli("build", *FORMATS, "--project", str(project))
    add(project, "zz-row", "Quorra Therapeutics Expands\n\nBOSTON, August 8, 2025 -- Quorra Therapeutics, a "
        "Boston-based biotechnology company, today announced that ZQ-4 received Fast Track designation from the "
        "FDA for multiple myeloma.\n")  # a country for the developer of a row
    again = run_cli("build", *FORMATS, "--project", str(project))
    assert "in no brief's scope" not in again.output and "rendering cart-bcma" in again.output
    assert outputs(project / "out") == forced(project, tmp_path, run_cli)


def test_an_organization_brief_takes_a_new_developer_of_an_asset_in_scope(project, tmp_path, run_cli):
    (project / "landscapes" / "kras-orgs.yaml").write_text(ORGS)
    run_cli("build", *FORMATS, "--project", str(project))
    add(project, "zz-kras", OUTSIDE)  # Torvik Bio develops a KRAS G12C asset: a new row of kras-orgs
    again = run_cli("build", *FORMATS, "--project", str(project))
    assert "rendering kras-orgs" in again.output and "Torvik" in (project / "out" / "kras-orgs.csv").read_text()
    assert outputs(project / "out") == forced(project, tmp_path, run_cli)


def test_only_new_sources_take_the_quick_path(project, run_cli):
    from reportgen.project import Project
    from reportgen.scope_index import _new_sources
    from reportgen.uptodate import read_stamp, scan

    run_cli("build", *FORMATS, "--project", str(project))
    out, sources = project / "out", project / "landscapes" / "sources"

    def now():
        return _new_sources(Project(project), scan(project, None, ("html", "csv"), None, read_stamp(out)))

    add(project, "zz-new", OUTSIDE)
    (sources / "zz-new.meta.yaml").write_text("title: New\n")
    assert [p.name for p in now()] == ["zz-new.txt"]  # a new document with its sidecar
    (sources / "a.meta.yaml").write_text("title: Changed\n")  # a sidecar of a document already built
    assert now() is None
    (sources / "a.meta.yaml").unlink()
    (sources / "b.txt").write_text(B + "\nOne more sentence.\n")  # a changed document
    assert now() is None
    (sources / "b.txt").write_text(B)
    (project / "landscapes" / "cart-bcma.yaml").write_text(LANDSCAPE + "subtitle: x\n")  # a changed landscape
    assert now() is None


@pytest.mark.parametrize("damage", ['{"version": 1, "inputs": "x"', '{"version": 1, "briefs": {"cart-bcma": {}}, '
                                    '"knowledges": {}, "inputs": null}', "[]"])
def test_a_damaged_index_costs_a_full_build_not_a_failure(project, tmp_path, run_cli, damage):
    run_cli("build", *FORMATS, "--project", str(project))
    index = project / "out" / ".cache" / "scope-index.json"
    data = index.read_text()
    inputs = data.split('"inputs":"', 1)[1].split('"', 1)[0]
    index.write_text(damage.replace("null", f'"{inputs}"'))
    add(project, "zz-inside", INSIDE)
    again = run_cli("build", *FORMATS, "--project", str(project))
    assert "rendering cart-bcma" in again.output and "PB-8" in (project / "out" / "cart-bcma.csv").read_text()
    assert outputs(project / "out") == forced(project, tmp_path, run_cli)
