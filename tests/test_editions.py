"""Editions and 'what changed': adding a document rebuilds only the brief it touches."""

import json
import shutil
import subprocess
import sys

from reportgen.build import build, changes_since
from reportgen.editions import diff, snapshot
from reportgen.facts import Evidence, Fact

NEW_DOC = """Zorbatec Bio Reports Updated ZEPHYR-1 Results for ZT-101

BOSTON, September 15, 2025 /PRNewswire/ -- Zorbatec Bio, Inc. today announced updated results from the Phase 2 ZEPHYR-1 trial of ZT-101, its anti-BCMA CAR-T cell therapy, in relapsed or refractory multiple myeloma. Among 52 evaluable patients, the overall response rate (ORR) was 92%. The U.S. Food and Drug Administration (FDA) has granted Orphan Drug Designation to ZT-101 for the treatment of multiple myeloma.
"""


def fact(subject, predicate, obj, quote="q"):
    return Fact(subject=subject, predicate=predicate, object=obj,
                evidence=Evidence(doc="a.txt", start=0, end=len(quote), quote=quote))


def test_diff_reports_new_changed_and_removed():
    old = snapshot("x", "2025-01-01", ["A"], [
        fact("A", "efficacy", {"endpoint": "ORR", "value": 88, "unit": "%"}),
        fact("A", "trial", "NCT01234567"),
    ])
    new = snapshot("x", "2025-02-01", ["A", "B"], [
        fact("A", "efficacy", {"endpoint": "ORR", "value": 92, "unit": "%"}),
        fact("B", "target", "BCMA"),
    ])
    changes = diff(old, new).changes
    kinds = [(c.kind, c.subject, c.text) for c in changes]
    assert ("new row", "B", "B: target BCMA") in kinds  # one line per new row, its facts not listed again
    assert ("changed", "A", "efficacy: ORR 88% → ORR 92%") in kinds
    assert not any(k[0] == "new" and k[1] == "B" for k in kinds)
    assert ("removed", "A", "trial: NCT01234567") in kinds


def test_first_edition_has_nothing_to_compare():
    assert diff(None, snapshot("x", "2025-01-01", [], [])).since is None


def test_adding_a_document_rebuilds_only_the_brief_it_touches(basic_project):
    first = build(basic_project, formats=("html",))
    assert sorted(first.built) == ["basic-bcma", "basic-orgs"]
    assert "First edition" in (basic_project / "out" / "basic-bcma.html").read_text()

    new = basic_project / "incoming.txt"
    new.write_text(NEW_DOC)
    added = subprocess.run([sys.executable, "-m", "reportgen", "add", str(new), "--project", str(basic_project)],
                           capture_output=True, text=True)
    assert added.returncode == 0, added.stderr
    meta = (basic_project / "landscapes" / "sources" / "incoming.meta.yaml").read_text()
    assert "date: '2025-09-15'" in meta and "PRNewswire" in meta

    second = build(basic_project, formats=("html",))
    assert second.built == ["basic-bcma"]
    assert second.skipped == {"basic-orgs": "inputs unchanged"}
    html = (basic_project / "out" / "basic-bcma.html").read_text()
    assert "What changed since 2025-03-03" in html
    brief = next(b for b in second.briefs if b.id == "basic-bcma")
    new_facts = [c for c in brief.changes if c.kind in ("new", "changed")]
    assert new_facts and all(c.cites for c in new_facts)
    assert any("92" in c.text for c in new_facts)
    cited_docs = {brief.references[n - 1].doc for c in new_facts for n in c.cites}
    assert cited_docs == {"incoming.txt"}
    editions = sorted(p.name for p in (basic_project / "out" / "basic-bcma" / "editions").iterdir())
    assert editions == ["2025-03-03.json", "2025-09-15.json"]

    third = build(basic_project, formats=("html",))
    assert third.built == [] and third.written == []
    assert changes_since(basic_project, "basic-bcma").since == "2025-03-03"


def test_add_refuses_a_document_it_already_has(basic_project):
    copy = basic_project / "again.txt"
    shutil.copy(basic_project / "landscapes" / "sources" / "acme-zt101.txt", copy)
    result = subprocess.run([sys.executable, "-m", "reportgen", "add", str(copy), "--project", str(basic_project)],
                            capture_output=True, text=True)
    assert "refused again.txt: already in the project as acme-zt101.txt (same sha256)" in result.stderr
    assert not (basic_project / "landscapes" / "sources" / "again.txt").exists()


def test_diff_command_prints_changes(basic_project):
    build(basic_project, formats=("html",))
    (basic_project / "landscapes" / "sources" / "incoming.txt").write_text(NEW_DOC)
    build(basic_project, formats=("html",))
    result = subprocess.run([sys.executable, "-m", "reportgen", "diff", "basic-bcma", "--project", str(basic_project)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "what changed since 2025-03-03" in result.stdout
    assert "incoming.txt" in result.stdout


def test_removing_a_cited_document_fails_naming_both(basic_project):
    build(basic_project, formats=("html",))
    (basic_project / "landscapes" / "sources" / "quill-qb7.txt").unlink()
    result = subprocess.run([sys.executable, "-m", "reportgen", "build", "--project", str(basic_project)],
                            capture_output=True, text=True)
    assert result.returncode == 2
    assert "basic-bcma.yaml" in result.stderr and "quill-qb7.txt" in result.stderr


def test_deleting_the_edition_a_brief_compares_with_rebuilds_it(basic_project, run_cli):
    run_cli("build", "--format", "html", "--project", str(basic_project))
    (basic_project / "landscapes" / "sources" / "zz-update.txt").write_text(NEW_DOC)
    run_cli("build", "--format", "html", "--project", str(basic_project))
    html = basic_project / "out" / "basic-bcma.html"
    assert "What changed since 2025-03-03" in html.read_text()
    (basic_project / "out" / "basic-bcma" / "editions" / "2025-03-03.json").unlink()
    again = run_cli("build", "--format", "html", "--project", str(basic_project))
    assert "every brief is up to date" not in again.output and "rendering basic-bcma" in again.output
    assert "What changed since 2025-03-03" not in html.read_text()


def test_the_library_skips_unchanged_briefs_without_planning_them(basic_project, monkeypatch):
    import reportgen.build

    first = build(basic_project, formats=("html",))
    assert sorted(first.built) == ["basic-bcma", "basic-orgs"]

    def no_plan(*args, **kwargs):
        raise AssertionError("an unchanged brief was planned")

    monkeypatch.setattr(reportgen.build, "plan_brief", no_plan)
    (basic_project / "landscapes" / "sources" / "zz-other.txt").write_text(  # changes no brief
        "Torvik Bio today announced that the FDA has cleared the IND for TV-9, a KRAS G12C inhibitor.\n")
    (basic_project / "out" / ".cache" / "scope-index.json").unlink()  # the full build's own skipping, not the index
    second = build(basic_project, formats=("html",))
    assert second.built == [] and second.briefs == []
    assert second.skipped == {"basic-bcma": "inputs unchanged", "basic-orgs": "inputs unchanged"}
