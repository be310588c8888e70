"""Reviewed facts: decisions that apply to every brief and survive re-extraction."""

from __future__ import annotations

import json
import logging
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import PROJECTS
from reportgen.build import build, validate
from reportgen.errors import InputError
from reportgen.review import Decision, dump_review, fact_id, open_session


@pytest.fixture
def project(tmp_path) -> Path:
    """tests/projects/review: two invented press releases, two landscapes that share an asset."""
    target = tmp_path / "review"
    shutil.copytree(PROJECTS / "review", target)
    return target


def run(*args, project: Path):
    return subprocess.run([sys.executable, "-m", "reportgen", *args, "--project", str(project)],
                          capture_output=True, text=True)


def item(project: Path, subject: str, predicate: str):
    session = open_session(project)
    found = [i for i in session.items.values() if i.fact.subject == subject and i.fact.predicate == predicate]
    assert len(found) == 1, [(i.fact.subject, i.fact.predicate) for i in session.items.values()]
    return found[0]


def decide(project: Path, *decisions: Decision) -> None:
    (project / "landscapes" / "review.yaml").write_bytes(dump_review(decisions))


def cell(brief, row: str, column: str) -> list[str]:
    r = next(r for r in brief.rows if r.name == row)
    found = next((c for c in r.cells if c.column == column), None)
    if found is None:  # a column reported for no row is left out of the table
        return []
    return [v.text for v in found.values]


def set_mode(project: Path, landscape: str, mode: str) -> None:
    path = project / "landscapes" / f"{landscape}.yaml"
    path.write_text(path.read_text() + f"review: {mode}\n")


def briefs(project: Path, formats=("html",)):
    return {b.id: b for b in build(project, formats=formats, views=True).briefs}


# --- identity ----------------------------------------------------------------

def test_fact_id_ignores_offsets_and_changes_with_the_quote(project):
    before = item(project, "HX-4", "target")
    src = project / "landscapes" / "sources" / "halden-hx4.txt"
    src.write_text("Updated copy.\n\n" + src.read_text())  # every offset moves
    after = item(project, "HX-4", "target")
    assert after.fact.evidence.start != before.fact.evidence.start
    assert after.full == before.full
    changed = before.fact.model_copy(update={"evidence": before.fact.evidence.model_copy(
        update={"quote": before.fact.evidence.quote.replace("anti-BCMA", "anti-BCMA ")})})
    assert fact_id(changed) == before.full  # whitespace in a quote is not a different sentence
    other = before.fact.model_copy(update={"object": "CD19"})
    assert fact_id(other) != before.full


# --- decisions ---------------------------------------------------------------

def test_rejection_removes_the_value_from_every_brief(project):
    first = briefs(project)
    assert "HX-4" in [r.name for r in first["rv-bcma"].rows]
    assert cell(first["rv-myeloma"], "HX-4", "target") == ["BCMA"]
    wrong = item(project, "HX-4", "target")
    result = run("review", "--reject", wrong.short, "--reason", "read from another asset", project=project)
    assert result.returncode == 0, result.stderr
    saved = yaml.safe_load((project / "landscapes" / "review.yaml").read_text())
    assert saved["decisions"][0]["status"] == "rejected" and saved["decisions"][0]["reason"] == "read from another asset"
    after = briefs(project)
    assert "HX-4" not in [r.name for r in after["rv-bcma"].rows]       # out of the BCMA scope
    assert cell(after["rv-myeloma"], "HX-4", "target") == []            # and gone from the other brief
    assert cell(after["rv-myeloma"], "HX-4", "modality") == ["CAR-T"]   # the rest of the asset stays
    assert "rv-myeloma: 0 reviewed, 12 pending, 1 rejected" in result.stderr


def test_a_decision_triggers_a_rebuild(project):
    build(project, formats=("html",))
    assert build(project, formats=("html",)).built == []
    decide(project, Decision(id=item(project, "MT-9", "phase").short, status="accepted"))
    assert sorted(build(project, formats=("html",)).built) == ["rv-bcma", "rv-myeloma"]


def test_accepted_fact_stays_accepted_after_reextraction_and_extractor_bump(project, monkeypatch):
    set_mode(project, "rv-myeloma", "required")
    accepted = item(project, "HX-4", "phase")
    decide(project, Decision(id=accepted.short, status="accepted"),
           Decision(id=item(project, "HX-4", "target").short, status="accepted"),
           Decision(id=item(project, "HX-4", "indication").short, status="accepted"))
    shown = briefs(project)["rv-myeloma"]
    assert cell(shown, "HX-4", "stage") == ["phase 2"]
    assert cell(shown, "HX-4", "efficacy") == []  # pending: hidden

    shutil.rmtree(project / "out" / ".cache")          # the document is read and extracted again
    assert cell(briefs(project)["rv-myeloma"], "HX-4", "stage") == ["phase 2"]

    import reportgen.corpus
    import reportgen.extract

    calls = []
    real = reportgen.corpus._extract
    monkeypatch.setattr(reportgen.corpus, "_extract", lambda doc, lexicon=None, extractor=None: calls.append(doc.id) or real(doc, lexicon, extractor))
    monkeypatch.setattr(reportgen.extract, "EXTRACTOR_VERSION", reportgen.extract.EXTRACTOR_VERSION + ".next")
    again = briefs(project)["rv-myeloma"]
    assert "halden-hx4.txt" in calls                    # the new version re-extracted the document
    assert cell(again, "HX-4", "stage") == ["phase 2"]
    assert cell(again, "HX-4", "target") == ["BCMA"]


def test_stale_decision_is_reported_not_applied(project, caplog):
    efficacy = item(project, "HX-4", "efficacy")
    decide(project, Decision(id=efficacy.short, status="rejected", subject="HX-4", predicate="efficacy",
                             value="ORR 81%"))
    src = project / "landscapes" / "sources" / "halden-hx4.txt"
    src.write_text(src.read_text().replace("was 81%", "was 83%"))  # the source was corrected
    with caplog.at_level(logging.WARNING, logger="reportgen"):
        shown = briefs(project)["rv-myeloma"]
    warnings = [r.getMessage() for r in caplog.records if "stale decision" in r.getMessage()]
    assert warnings and "review.yaml:7:" in warnings[0] and efficacy.short in warnings[0]
    assert cell(shown, "HX-4", "efficacy") == ["ORR 83% (32 evaluable patients)"]  # the new fact is not rejected
    listed = run("review", project=project)
    assert listed.returncode == 0 and f"stale decision {efficacy.short}" in listed.stderr


def _quoted_elsewhere(fact) -> str:
    """The id the fact had when an older extractor quoted another sentence for it."""
    older = fact.model_copy(update={"evidence": fact.evidence.model_copy(update={"quote": "An older sentence."})})
    return fact_id(older)[:12]


def test_decision_follows_its_fact_to_a_new_quote(project, caplog):
    target = item(project, "HX-4", "target")
    old_id = _quoted_elsewhere(target.fact)
    decide(project, Decision(id=old_id, status="rejected", doc=target.fact.evidence.doc, subject="HX-4",
                             predicate="target", value="BCMA", quote="An older sentence."))
    with caplog.at_level(logging.WARNING, logger="reportgen"):
        shown = briefs(project)["rv-myeloma"]
    assert cell(shown, "HX-4", "target") == []          # still rejected, though its id changed
    warnings = [r.getMessage() for r in caplog.records if old_id in r.getMessage()]
    assert warnings and "stale" not in warnings[0] and target.short in warnings[0]

    listed = run("review", "--accept", item(project, "HX-4", "phase").short, project=project)
    assert listed.returncode == 0, listed.stderr
    written = yaml.safe_load((project / "landscapes" / "review.yaml").read_text())["decisions"]
    refreshed = next(d for d in written if d["predicate"] == "target")
    assert refreshed["id"] == target.short and refreshed["status"] == "rejected"
    assert refreshed["quote"] == target.fact.evidence.quote
    assert old_id not in {d["id"] for d in written}


def test_decision_that_could_be_either_of_two_facts_stays_stale(project, caplog):
    target = item(project, "HX-4", "target")
    twin = dict(doc=target.fact.evidence.doc, subject="HX-4", predicate="target", value="BCMA")
    first = _quoted_elsewhere(target.fact)
    second = fact_id(target.fact.model_copy(update={"evidence": target.fact.evidence.model_copy(
        update={"quote": "Yet another sentence."})}))[:12]
    decide(project, Decision(id=first, status="rejected", **twin), Decision(id=second, status="accepted", **twin))
    with caplog.at_level(logging.WARNING, logger="reportgen"):
        shown = briefs(project)["rv-myeloma"]
    assert cell(shown, "HX-4", "target") == ["BCMA"]     # neither decision is applied
    stale = [r.getMessage() for r in caplog.records if "stale decision" in r.getMessage()]
    assert len(stale) == 2


def test_correction_replaces_the_value_with_its_citation(project):
    wrong = item(project, "HX-4", "phase")
    quote = "data from the Phase 2 HALO-2 trial (NCT04445555) of HX-4"
    decide(project, Decision(id=wrong.short, status="corrected", object={"stage": "phase 2", "indication": "myeloma"},
                             cite={"doc": "halden-hx4.txt", "quote": quote}))
    shown = briefs(project)["rv-myeloma"]
    row = next(r for r in shown.rows if r.name == "HX-4")
    stage = next(c for c in row.cells if c.column == "stage").values
    assert [v.curated for v in stage] == [True]
    assert shown.references[stage[0].cites[0] - 1].quote == quote
    decide(project, Decision(id=wrong.short, status="corrected", object="phase 3",
                             cite={"doc": "halden-hx4.txt", "quote": "not in the text at all"}))
    with pytest.raises(InputError, match=r"review.yaml:\d+:\d+: cite: quote not found"):
        validate(project)


# --- remove: must match ------------------------------------------------------

def test_typo_in_landscape_remove_is_an_error_with_its_line(project):
    path = project / "landscapes" / "rv-bcma.yaml"
    path.write_text(path.read_text() + "entities:\n  - name: HX-4\n    remove:\n      - {predicate: target, object: BCAM}\n"
                    "  - name: HX-44\n    remove:\n      - {predicate: target}\n")
    with pytest.raises(InputError) as err:
        validate(project)
    messages = [str(p) for p in err.value.problems]
    assert any("rv-bcma.yaml:11:" in m and "'BCAM'" in m and "did you mean 'BCMA'" in m for m in messages), messages
    assert any("rv-bcma.yaml:12:" in m and "'HX-44'" in m and "did you mean 'HX-4'" in m for m in messages), messages
    result = run("build", "--format", "html", project=project)
    assert result.returncode == 2 and "rv-bcma.yaml:11:" in result.stderr
    fixed = path.read_text().replace("BCAM", "BCMA").replace("- name: HX-44", "- name: Halden 4\n    aliases: [HX-4]")
    path.write_text(fixed.replace("  - name: HX-4\n    remove", "  - name: HX-4 CAR-T\n    aliases: [HX-4]\n    remove"))
    assert [ls.id for ls in validate(project)] == ["rv-bcma", "rv-myeloma"]


def test_typo_in_review_file_remove_is_an_error(project):
    (project / "landscapes" / "review.yaml").write_text(
        "decisions: []\nremove:\n  - {entity: MT-9, predicate: target, object: GPRC5}\n")
    result = run("validate", project=project)
    assert result.returncode == 2
    assert "review.yaml:3:" in result.stderr and "did you mean 'GPRC5D'" in result.stderr
    (project / "landscapes" / "review.yaml").write_text(
        "decisions: []\nremove:\n  - {entity: MT-9, predicate: target, object: GPRC5D, reason: test}\n")
    shown = briefs(project)["rv-myeloma"]
    assert cell(shown, "MT-9", "target") == []


# --- review modes ------------------------------------------------------------

def test_required_hides_pending_facts(project):
    set_mode(project, "rv-bcma", "required")
    assert "HX-4" not in [r.name for r in briefs(project)["rv-bcma"].rows]  # its BCMA target is not reviewed
    decide(project, Decision(id=item(project, "HX-4", "target").short, status="accepted"),
           Decision(id=item(project, "HX-4", "modality").short, status="accepted"))
    brief = briefs(project)["rv-bcma"]
    assert cell(brief, "HX-4", "target") == ["BCMA"] and cell(brief, "HX-4", "modality") == ["CAR-T"]
    assert cell(brief, "HX-4", "efficacy") == [] and cell(brief, "HX-4", "stage") == []
    assert brief.review_mode == "required" and brief.pending_count > 0
    html = (project / "out" / "rv-bcma.html").read_text()
    assert "Review mode: required" in html and "81%" not in html
    assert "HX-4</strong> — 6 new extracted facts awaiting review (halden-hx4.txt)" in html


def test_marked_marks_pending_in_html_and_pdf(project):
    from pypdf import PdfReader

    set_mode(project, "rv-bcma", "marked")
    decide(project, Decision(id=item(project, "HX-4", "target").short, status="accepted"))
    brief = briefs(project, formats=("html", "pdf"))["rv-bcma"]
    row = next(r for r in brief.rows if r.name == "HX-4")
    flags = {c.column: [v.pending for v in c.values] for c in row.cells if c.values}
    assert flags["target"] == [False] and flags["efficacy"] == [True]
    assert brief.pending_count == sum(v for c in flags.values() for v in c)
    summary = " ".join(s.text for s in brief.summary)
    assert f"{brief.pending_count} values not yet reviewed" in summary
    html = (project / "out" / "rv-bcma.html").read_text()
    assert html.count('class="flag pending-mark"') == brief.pending_count
    assert "Review mode: marked" in html
    text = " ".join(p.extract_text() or "" for p in PdfReader(project / "out" / "rv-bcma.pdf").pages)
    assert "Review mode: marked" in text and "values not yet reviewed" in text and "◦" in text
    off = briefs(project)["rv-myeloma"]
    assert off.review_mode == "off" and off.pending_count == 0
    assert "Review mode" not in (project / "out" / "rv-myeloma.html").read_text()


def test_what_changed_lists_new_facts_as_pending(project):
    set_mode(project, "rv-bcma", "marked")
    src = project / "landscapes" / "sources"
    moved = project / "later"
    moved.mkdir()
    shutil.move(src / "halden-hx4.txt", moved / "halden-hx4.txt")
    build(project, formats=("html",))
    shutil.move(moved / "halden-hx4.txt", src / "halden-hx4.txt")
    shutil.move(src / "morrow-mt9.txt", moved / "morrow-mt9.txt")
    (project / "landscapes" / "sources" / "vell-vx2.txt").write_text(
        "VELL-2 Update\n\nLYON, June 1, 2025 -- Vell Bio today announced that the first patient has been dosed in its "
        "Phase 1 trial of VX-2, a BCMA-targeted bispecific antibody, in multiple myeloma.\n")
    brief = briefs(project)["rv-bcma"]
    new = [c for c in brief.changes if c.kind in ("new row", "new")]
    assert new and all(c.pending for c in new)
    assert "(pending review)" in (project / "out" / "rv-bcma.html").read_text()


# --- the command -------------------------------------------------------------

def test_review_lists_newest_first_filters_and_jsonl(project):
    result = run("review", "--format", "jsonl", project=project)
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    docs = [r["doc"] for r in rows]
    assert docs.index("morrow-mt9.txt") < docs.index("halden-hx4.txt")  # 2025-05-05 before 2025-04-02
    assert all(r["status"] == "pending" and len(r["id"]) >= 10 for r in rows)
    assert len({r["id"] for r in rows}) == len(rows)
    only = run("review", "rv-bcma", "--predicate", "target", "--format", "jsonl", project=project)
    assert [json.loads(line)["subject"] for line in only.stdout.splitlines()] == ["HX-4"]
    table = run("review", "--doc", "morrow-mt9.txt", "--subject", "mt-9", project=project)
    assert "MT-9 | target | GPRC5D" in table.stdout and "HX-4" not in table.stdout
    assert "progressed after BCMA CAR-T" in table.stdout


def test_bad_id_exits_2_and_changes_nothing(project):
    good = item(project, "MT-9", "target").short
    result = run("review", "--accept", good, "--accept", "0000000000", project=project)
    assert result.returncode == 2 and "0000000000: no extracted fact has this id" in result.stderr
    assert not (project / "landscapes" / "review.yaml").exists()
    assert run("review", "--reason", "x", project=project).returncode == 2


def test_worklist_round_trip(project):
    work = project / "work.yaml"
    assert run("review", "rv-bcma", "--worklist", str(work), project=project).returncode == 0
    data = yaml.safe_load(work.read_text())
    target = next(f for f in data["facts"] if f["predicate"] == "target")
    target["status"] = "rejected"
    target["reason"] = "wrong asset"
    phase = next(f for f in data["facts"] if f["predicate"] == "phase")
    phase["status"] = "accepted"
    work.write_text(yaml.safe_dump(data, sort_keys=False))
    result = run("review", "--apply", str(work), project=project)
    assert result.returncode == 0, result.stderr
    saved = yaml.safe_load((project / "landscapes" / "review.yaml").read_text())["decisions"]
    assert [d["id"] for d in saved] == sorted(d["id"] for d in saved)
    assert {d["id"]: d["status"] for d in saved} == {target["id"]: "rejected", phase["id"]: "accepted"}
    again = (project / "landscapes" / "review.yaml").read_bytes()
    assert run("review", "--apply", str(work), project=project).returncode == 0
    assert (project / "landscapes" / "review.yaml").read_bytes() == again   # stable bytes
    target["id"] = "abcdef1234"
    work.write_text(yaml.safe_dump(data, sort_keys=False))
    assert run("review", "--apply", str(work), project=project).returncode == 2


def test_bad_review_file_is_an_error_with_position(project):
    (project / "landscapes" / "review.yaml").write_text(
        "decisions:\n  - id: abcdef1234\n    staus: accepted\n  - id: abcdef1235\n    status: maybe\n")
    with pytest.raises(InputError) as err:
        validate(project)
    messages = [str(p) for p in err.value.problems]
    assert any(m.startswith("landscapes/review.yaml:3:5: unknown key 'staus'") and "status" in m for m in messages), messages
    assert any(m.startswith("landscapes/review.yaml:5:") and "status" in m for m in messages), messages


def test_review_keeps_what_the_analyst_wrote_by_hand(project):
    first = item(project, "HX-4", "target")
    result = run("review", "--reject", first.short, "--reason", "read from another asset", project=project)
    assert result.returncode == 0, result.stderr
    path = project / "landscapes" / "review.yaml"
    text = path.read_text()
    # the analyst annotates the file by hand...
    text = text.replace("decisions:", "# checked against the company's 10-K, 2025-03\ndecisions:", 1)
    text = text.replace("reason: read from another asset", "reason: read from another asset  # see the CD38 arm", 1)
    path.write_text(text)
    # ...and a later decision through the command keeps both notes and both decisions
    second = item(project, "HX-4", "modality")
    result = run("review", "--accept", second.short, project=project)
    assert result.returncode == 0, result.stderr
    after = path.read_text()
    assert "# checked against the company's 10-K, 2025-03" in after
    assert "# see the CD38 arm" in after
    saved = yaml.safe_load(after)
    assert sorted(d["status"] for d in saved["decisions"]) == ["accepted", "rejected"]
    assert [d["id"] for d in saved["decisions"]] == sorted(d["id"] for d in saved["decisions"])
    assert validate(project) is not None
