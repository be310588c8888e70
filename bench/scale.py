#!/usr/bin/env python3
"""Scale benchmark: 200 / 1,000 / 2,000-document projects, every case of issue 15, whole processes.

Usage: python bench/scale.py [--sizes 200,1000,2000] [--runs 3] [--cases ...] [--keep DIR] [--no-write]

The "baseline" case (not run by default) times cold builds paired with the code before issue 15: a
`git worktree` of that commit with its own venv, made by the script under --keep (or a temporary folder).

The projects are synthetic: invented press releases written from templates
(invented companies, asset codes, targets, diseases, trials and figures), so
the benchmark needs nothing outside the repository. Three landscapes, one
of them a ~200-row brief at 2,000 documents. Each case is timed as a whole
`reportgen` process; A/B cases alternate A and B and report the median of
the pair-by-pair ratios. The table replaces the "Scale" section of
bench/RESULTS.md. Not part of the test suite.

The package's bytecode is compiled first (`compileall`), as `pip install` does: every process of an
installed reportgen starts from `.pyc` files, while a source tree run with PYTHONDONTWRITEBYTECODE set
(as in CI sandboxes) would recompile ~65 modules in every timed process.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import platform
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "RESULTS.md"
SECTION = "## Scale: 200 / 1,000 / 2,000 documents (bench/scale.py)"

# invented vocabularies (targets, modalities and diseases are ones the extractor's lexicons know)
SYLLABLES = ["ar", "bel", "cor", "dax", "el", "fen", "gal", "hel", "ith", "jor", "kal", "lum", "mor", "nev",
             "or", "pax", "quin", "ros", "sel", "tor", "ul", "vex", "wen", "xan", "yor", "zen"]
SUFFIXES = ["Bio", "Biosciences", "Therapeutics", "Pharma", "Biologics", "Medicines", "Immunotherapy"]
CITIES = [("BOSTON", "Boston, Massachusetts, United States"), ("SHANGHAI, China", "Shanghai, China"),
          ("SAN DIEGO", "San Diego, California, United States"), ("SUZHOU, China", "Suzhou, China"),
          ("BASEL, Switzerland", "Basel, Switzerland"), ("CAMBRIDGE, Mass.", "Cambridge, Massachusetts, United States"),
          ("TOKYO, Japan", "Tokyo, Japan"), ("LONDON", "London, United Kingdom")]
# (target, modality phrase, diseases): BCMA and CD19 make the big brief, GPRC5D the small one
PROGRAMS = [
    ("BCMA", "CAR-T cell therapy", ["relapsed or refractory multiple myeloma", "multiple myeloma"]),
    ("CD19", "CAR-T cell therapy", ["large B-cell lymphoma", "systemic lupus erythematosus", "myasthenia gravis"]),
    ("GPRC5D", "bispecific antibody", ["multiple myeloma"]),
    ("HER2", "antibody-drug conjugate", ["breast cancer", "gastric cancer"]),
    ("CLDN18.2", "antibody-drug conjugate", ["gastric cancer", "pancreatic cancer"]),
    ("PD-1", "monoclonal antibody", ["non-small cell lung cancer", "hepatocellular carcinoma"]),
    ("KRAS G12C", "small molecule inhibitor", ["non-small cell lung cancer", "colorectal cancer"]),
    ("CD20", "bispecific antibody", ["follicular lymphoma", "diffuse large B-cell lymphoma"]),
    ("EGFR", "small molecule inhibitor", ["non-small cell lung cancer"]),
    ("CD38", "monoclonal antibody", ["multiple myeloma"]),
]
WEIGHTS = [4, 3, 2, 3, 3, 3, 3, 3, 2, 2]  # BCMA + CD19: ~200 assets at 2,000 documents
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
WIRES = ["PRNewswire", "GlobeNewswire", "BusinessWire"]

LANDSCAPES = {
    "big": ("id: big\ntitle: BCMA and CD19 therapies\nsubtitle: Every BCMA- or CD19-directed asset\nrows: assets\n"
            "scope:\n  targets: [BCMA, CD19]\n"
            "columns: [name, developer, target, modality, indication, stage, regulatory, trial, efficacy, safety]\n"
            "sections: [summary, changes, charts, table, profiles, references]\n"),
    "gprc5d": ("id: gprc5d\ntitle: GPRC5D assets\nrows: assets\nscope:\n  targets: [GPRC5D]\n"
               "  comparators:\n    targets: [CD38]\n"
               "sections: [summary, changes, table, comparators, profiles, references]\n"),
    "adc-orgs": ("id: adc-orgs\ntitle: ADC developers\nrows: organizations\nscope:\n  modalities: [ADC]\n"
                 "columns: [name, names, focus, country, partner, assets]\n"
                 "sections: [summary, table, profiles, references]\n"),
}


def invented_word(rng: random.Random, parts: int = 2) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(parts)).capitalize()


class Archive:
    """A deterministic stream of invented companies, assets and their press releases."""

    def __init__(self, seed: int = 15):
        self.rng = random.Random(seed)
        self.companies: list[tuple[str, tuple[str, str]]] = []
        self.assets: list[dict] = []
        self.used_names: set[str] = set()
        self.trial = 5_000_000

    def company(self) -> tuple[str, tuple[str, str]]:
        if self.companies and self.rng.random() < 0.6:
            return self.rng.choice(self.companies)
        while True:
            name = f"{invented_word(self.rng, 2)} {self.rng.choice(SUFFIXES)}"
            if name not in self.used_names:
                break
        self.used_names.add(name)
        entry = (name, self.rng.choice(CITIES))
        self.companies.append(entry)
        return entry

    def asset(self, program: int | None = None) -> dict:
        index = program if program is not None else self.rng.choices(range(len(PROGRAMS)), WEIGHTS)[0]
        target, modality, diseases = PROGRAMS[index]
        company, city = self.company()
        while True:
            letters = "".join(self.rng.choice("ABCDEFGHJKLMNPRSTVWXYZ") for _ in range(2))
            code = f"{letters}-{self.rng.randint(100, 9999)}"
            if code not in self.used_names:
                break
        self.used_names.add(code)
        asset = dict(code=code, target=target, modality=modality, disease=self.rng.choice(diseases),
                     company=company, city=city, phase=self.rng.choice(["1", "1/2", "2", "3"]),
                     trial_name=f"{invented_word(self.rng, 1).upper()}-{self.rng.randint(1, 9)}")
        self.trial += self.rng.randint(1, 900)
        asset["nct"] = f"NCT0{self.trial}"
        self.assets.append(asset)
        return asset

    def release(self, asset: dict, i: int) -> tuple[str, dict]:
        rng = self.rng
        month, day, year = rng.randrange(12), rng.randint(1, 28), rng.choice([2023, 2024, 2025])
        city, where = asset["city"]
        n = rng.randint(12, 160)
        orr = rng.randint(30, 98)
        kind = rng.choice(["data", "data", "designation", "dosing"])
        company = asset["company"]
        a = asset
        if kind == "designation":
            headline = f"{company} Receives Orphan Drug Designation from the FDA for {a['code']}"
            body = (f"{company}, Inc., a clinical-stage biotechnology company, today announced that the U.S. Food and "
                    f"Drug Administration (FDA) has granted Orphan Drug Designation to {a['code']}, a "
                    f"{a['target']}-directed {a['modality']}, for the treatment of {a['disease']}.\n\n"
                    f"{a['code']} is being evaluated in the Phase {a['phase']} {a['trial_name']} trial ({a['nct']}) in "
                    f"patients with {a['disease']}. Among {n} evaluable patients, the overall response rate (ORR) "
                    f"was {orr}%.")
        elif kind == "dosing":
            headline = f"{company} Doses First Patient in Phase {a['phase']} Study of {a['code']} in {a['disease'].title()}"
            body = (f"{company}, Inc. today announced that the first patient has been dosed in the Phase {a['phase']} "
                    f"{a['trial_name']} study ({a['nct']}) of {a['code']}, its {a['target']}-directed "
                    f"{a['modality']}, in {a['disease']}. The study plans to enroll {n} patients.")
        else:
            g3 = rng.randint(2, 30)
            headline = f"{company} Presents Phase {a['phase']} Data for {a['code']} in {a['disease'].title()}"
            body = (f"{company}, Inc., a clinical-stage company, today presented clinical data from its Phase "
                    f"{a['phase']} {a['trial_name']} trial ({a['nct']}) of {a['code']}, a {a['target']}-directed "
                    f"{a['modality']}, in {a['disease']}.\n\n"
                    f"Among {n} patients treated at the recommended dose, the overall response rate (ORR) was "
                    f"{orr}%. Grade 3 or higher cytokine release syndrome occurred in {g3}% of patients. "
                    f"Grade 3 or higher neutropenia occurred in {rng.randint(5, 40)}% of patients.")
        filler = " ".join(
            f"{company} continues to enroll patients across {rng.randint(5, 60)} sites, and the company expects "
            f"to report further data in {rng.choice(MONTHS)} {year + 1}." for _ in range(rng.randint(1, 3)))
        about = (f"About {a['code']}\n{a['code']} is an investigational {a['target']}-directed {a['modality']} "
                 f"discovered by {company}. It is being developed for patients with {a['disease']} who have "
                 f"received at least {rng.randint(1, 4)} prior lines of therapy.")
        legal = ("Forward-Looking Statements\nThis press release contains forward-looking statements within the "
                 "meaning of the Private Securities Litigation Reform Act of 1995, including statements regarding "
                 "the timing of clinical data, regulatory submissions and the potential of product candidates. "
                 "Actual results may differ materially from those expressed or implied by these statements due to "
                 "risks and uncertainties, including those described in the company's filings. Any forward-looking "
                 "statements speak only as of the date of this press release, and the company undertakes no "
                 "obligation to update them, except as required by law.")
        text = (f"{headline}\n\n{city}, {MONTHS[month]} {day}, {year} /{rng.choice(WIRES)}/ -- {body}\n\n{filler}\n\n"
                f"{about}\n\n"
                f"\"We are encouraged by these results,\" said {invented_word(rng, 1)} {invented_word(rng, 2)}, "
                f"Chief Executive Officer of {company}.\n\nAbout {company}\n{company} is headquartered in {where}.\n\n{legal}\n")
        meta = {"title": headline, "publisher": company, "date": f"{year}-{month + 1:02d}-{day:02d}"}
        return text, meta

    def documents(self, count: int):
        """`count` releases: about one asset per 2.5 documents, later releases revisit earlier assets."""
        for i in range(count):
            if not self.assets or self.rng.random() < 0.4:
                asset = self.asset()
            else:
                asset = self.rng.choice(self.assets)
            yield i, *self.release(asset, i)


def write_doc(sources: Path, name: str, text: str, meta: dict) -> None:
    (sources / f"{name}.txt").write_text(text, encoding="utf-8")
    lines = "".join(f"{k}: {json.dumps(v)}\n" for k, v in meta.items())
    (sources / f"{name}.meta.yaml").write_text(lines, encoding="utf-8")


def make_project(dest: Path, count: int) -> Path:
    sources = dest / "landscapes" / "sources"
    sources.mkdir(parents=True)
    for i, text, meta in Archive().documents(count):
        write_doc(sources, f"release_{i:05d}", text, meta)
    for name, body in LANDSCAPES.items():
        (dest / "landscapes" / f"{name}.yaml").write_text(body, encoding="utf-8")
    return dest


def new_document(project: Path, name: str, program: int) -> Path:
    """One more release about a new asset of PROGRAMS[program] (not yet in the project)."""
    archive = Archive(seed=zlib.crc32(name.encode()))
    asset = archive.asset(program)
    text, meta = archive.release(asset, 0)
    write_doc(project / "landscapes" / "sources", name, text, meta)
    return project / "landscapes" / "sources" / f"{name}.txt"


def remove_document(project: Path, name: str) -> None:
    for suffix in (".txt", ".meta.yaml"):
        (project / "landscapes" / "sources" / f"{name}{suffix}").unlink(missing_ok=True)


# --- timing -------------------------------------------------------------------

CPU: list[float] = []  # user + system seconds of each run's process tree, beside its wall time


def run(args: list[str], cwd: Path, python: str | None = None) -> tuple[float, str]:
    """Wall seconds and stdout of one reportgen process; its CPU seconds go to CPU.

    CPU time is shown beside wall time because the machine is shared: a wall
    figure is this process plus whatever else ran.
    """
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run([python or sys.executable, "-m", "reportgen", *args], cwd=cwd, stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, text=True)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    CPU.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    if proc.returncode not in (0,):
        raise SystemExit(f"reportgen {' '.join(args)} failed ({proc.returncode}):\n{proc.stderr[-2000:]}")
    return wall, proc.stdout


def median(values: list[float]) -> float:
    values = sorted(values)
    n = len(values)
    return values[n // 2] if n % 2 else (values[n // 2 - 1] + values[n // 2]) / 2


def fmt(values: list[float], unit: str = "s", digits: int = 2) -> str:
    if len(values) == 1:
        return f"{values[0]:.{digits}f} {unit}"
    return f"{median(values):.{digits}f} {unit} [{min(values):.{digits}f}-{max(values):.{digits}f}]"


ALL_CASES = ("facts", "cold", "noop", "outside", "inside", "plan")  # "baseline": cold build vs the code before issue 15
BASELINE: dict = {}  # "python": the baseline venv's interpreter, "rev": its commit (set up by main)


def find_baseline(rev: str | None) -> str:
    """The commit before the first issue-15 commit (the first whose subject mentions --jobs), or `rev`."""
    if rev:
        return subprocess.run(["git", "rev-parse", rev], cwd=ROOT, capture_output=True, text=True,
                              check=True).stdout.strip()
    log = subprocess.run(["git", "log", "--reverse", "--format=%H %s"], cwd=ROOT, capture_output=True, text=True,
                         check=True).stdout.splitlines()
    first = next(line.split()[0] for line in log if "--jobs" in line)
    return subprocess.run(["git", "rev-parse", f"{first}~1"], cwd=ROOT, capture_output=True, text=True,
                          check=True).stdout.strip()


def setup_baseline(base: Path, rev: str, log) -> str:
    """A git worktree of `rev` with its own venv (reused when present); returns its python."""
    tree = base / f"baseline-{rev[:10]}"
    python = tree / ".venv" / "bin" / "python"
    if not python.exists():
        if not tree.exists():
            subprocess.run(["git", "worktree", "add", "--detach", str(tree), rev], cwd=ROOT, check=True,
                           capture_output=True)
        subprocess.run([sys.executable, "-m", "venv", str(tree / ".venv")], check=True)
        subprocess.run([str(python), "-m", "pip", "install", "-q", "-e", str(tree)], check=True)
        log(f"baseline {rev[:10]} installed in {tree}")
    compileall.compile_dir(str(tree / "reportgen"), quiet=1)  # both sides start from bytecode
    return str(python)


def bench_size(tmp: Path, count: int, runs: int, jobs: int, log, cases=ALL_CASES) -> dict:
    out: dict = {"docs": count}
    project = tmp / f"p{count}"
    if not (project / "out" / ".manifest.json").is_file():  # --keep: a project built before is reused
        shutil.rmtree(project, ignore_errors=True)
        make_project(project, count)
        if "cold" not in cases:
            run(["-q", "build"], project)
    facts_dir = project / "landscapes" / "sources"
    out["rows"] = {k: v["rows"] for k, v in json.loads((project / "out" / ".manifest.json").read_text()).items()} \
        if (project / "out" / ".manifest.json").is_file() else {}
    if "facts" in cases:
        measure_facts(out, project, facts_dir, count, runs, jobs, log)
    if "cold" in cases:
        measure_cold(out, project, count, log)
    if "baseline" in cases:
        measure_baseline(out, project, count, runs, log)
    if "noop" in cases:
        out["noop"] = [run(["-q", "build"], project)[0] for _ in range(runs + 2)]
        out["noop_cpu"] = CPU[-(runs + 2):]
        log(f"{count}: no-op {fmt(out['noop'])} cpu {fmt(out['noop_cpu'])}")
    if "outside" in cases:
        measure_outside(out, project, count, runs, log)
    if "inside" in cases:
        measure_inside(out, project, count, runs, log)
    if "plan" in cases:
        out["plan"] = plan_timing(project)
        log(f"{count}: planning {out['plan']}")
    return out


def measure_facts(out, project, facts_dir, count, runs, jobs, log) -> None:
    # reportgen facts, cold (no cache): serial vs all cores, paired
    serial, parallel = [], []
    for _ in range(1 if count >= 1000 else max(1, runs - 1)):  # cold extraction is the costly part of a run
        a, text = run(["-q", "facts", str(facts_dir), "--jobs", "1"], project)
        b, text_b = run(["-q", "facts", str(facts_dir), "--jobs", str(jobs)], project)
        if text != text_b:
            raise SystemExit("facts --jobs N differs from --jobs 1")
        serial.append(a)
        parallel.append(b)
    out["facts_serial"], out["facts_parallel"] = serial, parallel
    out["facts_ratio"] = [b / a for a, b in zip(serial, parallel)]
    out["facts_count"] = text.count("\n")
    log(f"{count}: facts --jobs 1 {fmt(serial)} --jobs {jobs} {fmt(parallel)}")


def measure_cold(out, project, count, log) -> None:
    colds = []
    for r in range(1 if count >= 1000 else 2):
        shutil.rmtree(project / "out", ignore_errors=True)
        colds.append(run(["-q", "build"], project)[0])
    out["cold"] = colds
    rows = json.loads((project / "out" / ".manifest.json").read_text())
    out["rows"] = {k: v["rows"] for k, v in rows.items()}
    log(f"{count}: cold build {fmt(colds)}; rows {out['rows']}")


def measure_baseline(out, project, count, runs, log) -> None:
    """Cold builds of the same project by the code before issue 15 and by this code, alternating, paired."""
    old_times, new_times, old_cpu, new_cpu = [], [], [], []
    for r in range(max(1, runs - 1)):
        for python, times, cpu in ((BASELINE["python"], old_times, old_cpu), (None, new_times, new_cpu)):
            shutil.rmtree(project / "out", ignore_errors=True)
            times.append(run(["-q", "build"], project, python)[0])
            cpu.append(CPU[-1])
            log(f"{count}: cold build ({'baseline' if python else 'this code'}) {times[-1]:.1f} s, cpu {cpu[-1]:.1f} s")
    out["base_cold"], out["base_new"] = old_times, new_times
    out["base_cold_cpu"], out["base_new_cpu"] = old_cpu, new_cpu
    out["base_ratio"] = [b / a for a, b in zip(old_times, new_times)]
    out["base_ratio_cpu"] = [b / a for a, b in zip(old_cpu, new_cpu)]
    log(f"{count}: cold vs baseline {fmt(out['base_ratio'], 'x')} wall, {fmt(out['base_ratio_cpu'], 'x')} cpu")


def measure_outside(out, project, count, runs, log) -> None:
    """One new out-of-scope document (a target no landscape selects) per run; all removed at the end.

    The documents stay until the last run (the project grows by one document a run): removing one
    is a full build, which at 2,000 documents cost minutes per run and nothing the case measures.
    The first run also writes the extractor's start-up cache (out/.cache/regex-prepared.json)."""
    oos, cpu = [], []
    for r in range(runs):
        new_document(project, f"zz_outside_{r}", PROGRAMS.index(next(p for p in PROGRAMS if p[0] == "EGFR")))
        oos.append(run(["-q", "build"], project)[0])
        cpu.append(CPU[-1])
    for r in range(runs):
        remove_document(project, f"zz_outside_{r}")
    run(["-q", "build"], project)
    out["out_of_scope"], out["out_of_scope_cpu"] = oos, cpu
    log(f"{count}: out-of-scope doc {fmt(oos)} cpu {fmt(cpu)}")


def measure_inside(out, project, count, runs, log) -> None:
    """One new in-scope document of the big brief vs --force, paired."""
    ins, force, ins_cpu, force_cpu = [], [], [], []
    # untimed: the brief digests cover reportgen's own files, so the first build after a code change renders
    # every brief; without this, a kept project's first pair would time that instead of one brief
    run(["-q", "build"], project)
    for r in range(max(1, runs - 1)):
        new_document(project, f"zz_inside_{r}", 0)  # a new BCMA asset: the big brief changes
        ins.append(run(["-q", "build"], project)[0])
        ins_cpu.append(CPU[-1])
        force.append(run(["-q", "build", "--force"], project)[0])
        force_cpu.append(CPU[-1])
        remove_document(project, f"zz_inside_{r}")
        if r < runs - 2:  # back to the project as it was, for the next pair
            run(["-q", "build"], project)
        log(f"{count}: pair {r + 1}: in-scope {ins[-1]:.1f} s (cpu {ins_cpu[-1]:.1f} s), "
            f"--force {force[-1]:.1f} s (cpu {force_cpu[-1]:.1f} s)")
    out["in_scope"], out["force"] = ins, force
    out["in_scope_cpu"], out["force_cpu"] = ins_cpu, force_cpu
    out["in_scope_ratio"] = [a / b for a, b in zip(ins, force)]
    out["in_scope_ratio_cpu"] = [a / b for a, b in zip(ins_cpu, force_cpu)]
    log(f"{count}: in-scope {fmt(ins)} vs --force {fmt(force)}")


PLAN_SCRIPT = r"""
import json, sys, time
from pathlib import Path
from reportgen.build import Project, check_landscapes, load_corpus, plan_brief, check_review
root = Path(sys.argv[1])
project = Project(root)
corpus = load_corpus(project, cache_dir=root / "out" / ".cache")
landscapes, _ = check_landscapes(project, None, corpus)
review, _ = check_review(project, landscapes, {"": corpus})
best = None
for _ in range(3):
    start = time.perf_counter()
    for path, landscape in landscapes:
        plan_brief(project, path, landscape, corpus, None, review=review)
    took = time.perf_counter() - start
    best = took if best is None else min(best, took)
print(json.dumps({"seconds": best, "facts": len(corpus.facts)}))
"""


def plan_timing(project: Path) -> dict:
    """plan_brief for every landscape, in one process over the cached facts: best of 3, per fact."""
    proc = subprocess.run([sys.executable, "-c", PLAN_SCRIPT, str(project)], capture_output=True, text=True,
                          check=True)
    data = json.loads(proc.stdout.strip().splitlines()[-1])
    data["us_per_fact"] = data["seconds"] / data["facts"] * 1e6
    return data


def table(results: list[dict], jobs: int, runs: int) -> str:
    by = {r["docs"]: r for r in results}
    lines = [SECTION, "",
             f"Measured {time.strftime('%Y-%m-%d')} on {platform.machine()}, {os.cpu_count()} cores, "
             f"Python {platform.python_version()}; whole `reportgen` processes, medians [min-max] of {runs} runs "
             f"(fewer for the cold builds), formats html, pdf, csv, xlsx; ratios are medians of pair-by-pair "
             f"ratios in the same run. Projects: invented releases from `bench/scale.py` "
             f"(three landscapes; rows per brief below). The machine is shared with other jobs, so spreads are wide.",
             "", "| case | " + " | ".join(f"{d:,} docs" for d in by) + " | goal |",
             "|---|" + "---|" * len(by) + "---|"]

    def row(name, cell, goal):
        def safe(r):
            try:
                return cell(r)
            except KeyError:  # a case not run (--cases)
                return "-"
        lines.append(f"| {name} | " + " | ".join(safe(by[d]) for d in by) + f" | {goal} |")

    row("rows per brief", lambda r: ", ".join(f"{k} {v}" for k, v in sorted(r["rows"].items())), "")
    row("facts extracted", lambda r: f"{r['facts_count']:,}", "")
    row("cold build", lambda r: fmt(r["cold"], digits=1), "")
    row(f"cold build, code before issue 15 ({BASELINE.get('rev', '?')[:7]})", lambda r: fmt(r["base_cold"], digits=1), "")
    row("cold build, this code (paired with it)", lambda r: fmt(r["base_new"], digits=1), "")
    row("cold build / before issue 15 (paired)", lambda r: fmt(r["base_ratio"], "x"), "<= 0.65x")
    row("the same in CPU seconds (paired)", lambda r: fmt(r["base_ratio_cpu"], "x"), "")
    row("no-op rebuild", lambda r: fmt(r["noop"]), "<= 0.5 s at 2,000")
    row("no-op rebuild, CPU seconds", lambda r: fmt(r["noop_cpu"]), "")
    row("one new out-of-scope document", lambda r: fmt(r["out_of_scope"]), "<= 1 s at 2,000")
    row("one new out-of-scope document, CPU seconds", lambda r: fmt(r["out_of_scope_cpu"]), "")
    row("one new in-scope document (big brief)", lambda r: fmt(r["in_scope"], digits=1), "")
    row("`build --force` (nothing changed)", lambda r: fmt(r["force"], digits=1), "")
    row("in-scope / `--force` (paired)", lambda r: fmt(r["in_scope_ratio"], "x"), "<= 0.7x")
    row("in-scope / `--force`, CPU seconds (paired)", lambda r: f"{fmt(r['in_scope_cpu'], digits=1)} / "
        f"{fmt(r['force_cpu'], digits=1)} = {fmt(r['in_scope_ratio_cpu'], 'x')}", "")
    row("`facts --jobs 1`, cold", lambda r: f"{fmt(r['facts_serial'])} = {r['docs'] / median(r['facts_serial']):.0f} docs/s",
        ">= 250 docs/s per core")
    row(f"`facts --jobs {jobs}`, cold", lambda r: f"{fmt(r['facts_parallel'])} = "
        f"{r['docs'] / median(r['facts_parallel']):.0f} docs/s", "scales with --jobs")
    row(f"`facts` --jobs {jobs} / --jobs 1 (paired)", lambda r: fmt(r["facts_ratio"], "x"), "")
    row("planning every brief, per fact (in-process, best of 3)",
        lambda r: f"{r['plan']['us_per_fact']:.1f} us ({r['plan']['seconds']:.2f} s / {r['plan']['facts']:,} facts)",
        "flat from 1,000 to 2,000")
    return "\n".join(lines) + "\n"


def write_results(section: str) -> None:
    text = RESULTS.read_text(encoding="utf-8") if RESULTS.exists() else "# Benchmark results\n"
    pattern = re.compile(re.escape(SECTION) + r".*?(?=\n## |\Z)", re.S)
    if pattern.search(text):
        text = pattern.sub(lambda _: section.rstrip("\n") + "\n", text)
    else:
        text = text.rstrip("\n") + "\n\n" + section
    RESULTS.write_text(text, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="200,1000,2000")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=len(os.sched_getaffinity(0)))
    parser.add_argument("--no-write", action="store_true", help="print the table, leave RESULTS.md alone")
    parser.add_argument("--keep", type=Path, help="generate the projects here and keep them (reused when built)")
    parser.add_argument("--cases", default=",".join(ALL_CASES), help="a subset of " + ",".join((*ALL_CASES, "baseline")))
    parser.add_argument("--baseline", default=None, help="the commit to compare cold builds with (default: the one "
                        "before the first issue-15 commit); needs the 'baseline' case")
    args = parser.parse_args()
    log = lambda msg: print(msg, file=sys.stderr, flush=True)  # noqa: E731
    compileall.compile_dir(str(ROOT / "reportgen"), quiet=1)  # as an install does (see the docstring)
    with tempfile.TemporaryDirectory() as tmp:
        base = args.keep or Path(tmp)
        cases = tuple(c for c in args.cases.split(",") if c)
        if "baseline" in cases:
            BASELINE["rev"] = find_baseline(args.baseline)
            BASELINE["python"] = setup_baseline(base, BASELINE["rev"], log)
        try:
            results = [bench_size(base, int(n), args.runs, args.jobs, log, cases) for n in args.sizes.split(",")]
        finally:
            if "baseline" in cases and not args.keep:  # the temporary worktree goes with its folder
                subprocess.run(["git", "worktree", "remove", "--force", str(base / f"baseline-{BASELINE['rev'][:10]}")],
                               cwd=ROOT, capture_output=True)
    section = table(results, args.jobs, args.runs)
    print(section)
    if not args.no_write:
        write_results(section)


if __name__ == "__main__":
    main()
