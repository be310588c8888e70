#!/usr/bin/env python3
"""Build benchmarks: cold build, no-op rebuild, and a 2,000-document corpus.

Usage: python bench/build_speed.py [--skip-large]

Every figure is a whole `reportgen` process (interpreter start included),
timed from outside, with peak memory from the child's rusage. The large case
reads the dev corpus from ../shared/corpus/docs; without it, that case says
so and is skipped.
"""

from __future__ import annotations

import argparse
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "docs"
TARGETS = ["BCMA", "CD19", "CD38", "CD20", "CD22", "GPRC5D", "HER2", "CLDN18.2"]
DISEASES = ["multiple myeloma", "lupus", "myasthenia gravis", "B-cell lymphoma", "gastric cancer"]


def run(args: list[str], cwd: Path) -> tuple[float, float]:
    """Wall seconds and peak RSS (MiB) of one reportgen process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "reportgen", *args], cwd=cwd, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return wall, max(peak, before) / 1024


def median(values):
    values = sorted(values)
    return values[len(values) // 2]


def sample_project(dest: Path) -> Path:
    shutil.copytree(ROOT / "landscapes", dest / "landscapes")
    shutil.copytree(ROOT / "reportgen" / "templates", dest / "templates")
    return dest


def synthetic_release(i: int) -> str:
    target = TARGETS[i % len(TARGETS)]
    disease = DISEASES[i % len(DISEASES)]
    code = f"ZX-{1000 + i}"
    orr = 50 + (i * 7) % 50
    return (f"Benchmark Bio {i} Announces Phase {1 + i % 3} Data for {code}\n\n"
            f"BOSTON, March {1 + i % 28}, 2025 /PRNewswire/ -- Benchmark Bio {i}, Inc. today announced results "
            f"for {code}, its anti-{target} CAR-T cell therapy, in {disease}. "
            f"Among {20 + i % 80} evaluable patients, the overall response rate (ORR) was {orr}%.\n")


def large_project(dest: Path) -> Path:
    sources = dest / "landscapes" / "sources"
    sources.mkdir(parents=True)
    shutil.copytree(ROOT / "reportgen" / "templates", dest / "templates")
    docs = sorted(p for p in CORPUS.glob("*.txt"))
    n = 0
    while n < 1800:
        for doc in docs:
            if n >= 1800:
                break
            shutil.copyfile(doc, sources / f"copy{n:04d}_{doc.name}")
            n += 1
    for i in range(200):
        (sources / f"synthetic_{i:03d}.txt").write_text(synthetic_release(i), encoding="utf-8")
    (dest / "landscapes" / "big.yaml").write_text(
        "id: big\ntitle: Benchmark landscape\nrows: assets\nscope:\n  targets: [" + ", ".join(TARGETS) + "]\n"
        "sections: [summary, changes, table, references]\n", encoding="utf-8")
    return dest


def render_ratio(project: Path, runs: int) -> list[tuple[str, float, float]]:
    """Per brief: reportgen's PDF render vs a bare WeasyPrint render of the same print HTML (in one process).

    CPU seconds, and the median of the pair-by-pair ratios."""
    from weasyprint import HTML

    from reportgen.build import Project, load_corpus, load_landscapes, make_brief
    from reportgen.facts import write_jsonl
    from reportgen.render import make_environment, render_html, render_pdf, template_dirs

    proj = Project(project)
    corpus = load_corpus(proj)
    env = make_environment(template_dirs(project))
    out = []
    for path, landscape in load_landscapes(proj, None, corpus):
        brief, facts = make_brief(proj, path, landscape, corpus)
        html = render_html(brief, env, media="print")
        attachments = [(f"{brief.id}.facts.jsonl", write_jsonl(facts).encode("utf-8"))]
        ours, bare = [], []
        for r in range(runs):  # interleaved, alternating which goes first, so drift hits both alike
            for which in (("bare", "ours") if r % 2 == 0 else ("ours", "bare")):
                # CPU seconds of this process: a machine shared with other jobs stretches wall time, not these
                t = time.process_time()
                if which == "bare":
                    HTML(string=html, base_url=str(project)).write_pdf()
                    bare.append(time.process_time() - t)
                else:
                    render_pdf(html, base_dir=project, as_of=brief.as_of, attachments=attachments)
                    ours.append(time.process_time() - t)
        out.append((brief.id, median(ours), median(bare), median([o / b for o, b in zip(ours, bare)])))
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip-large", action="store_true", help="only the sample briefs")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--render-only", action="store_true", help="only the render-cost ratio")
    args = parser.parse_args()
    print(f"machine: {platform.machine()}, {platform.python_implementation()} {platform.python_version()}, "
          f"{__import__('os').cpu_count()} cores")

    with tempfile.TemporaryDirectory() as tmp:
        project = sample_project(Path(tmp) / "render")
        for src in (ROOT / "tests" / "projects" / "pipeline" / "landscapes").rglob("*"):
            if src.is_file():  # the test project's three invented releases and its landscape
                dest = project / "landscapes" / src.relative_to(ROOT / "tests" / "projects" / "pipeline" / "landscapes")
                dest.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(src, dest)
        for brief_id, ours, bare, paired in render_ratio(project, max(args.runs, 3)):
            print(f"render {brief_id}: reportgen {ours:.2f} s, bare WeasyPrint {bare:.2f} s CPU (medians), "
                  f"paired ratio {paired:.2f} (goal <= 1.05)")
        if args.render_only:
            return
        colds, noops = [], []
        for r in range(args.runs):
            project = sample_project(Path(tmp) / f"sample{r}")
            colds.append(run(["build"], project))
            noops.extend(run(["build"], project) for _ in range(3))
        print(f"cold build, 3 sample briefs (html, pdf, csv, xlsx): {median([w for w, _ in colds]):.2f} s wall, "
              f"peak {max(m for _, m in colds):.0f} MiB")
        print(f"no-op rebuild: {median([w for w, _ in noops]):.3f} s wall (target <= 0.5 s), "
              f"peak {max(m for _, m in noops):.0f} MiB")

        if args.skip_large:
            return
        if not CORPUS.is_dir():
            print(f"large corpus: skipped ({CORPUS} not found; it ships beside the project, not in it)")
            return
        project = large_project(Path(tmp) / "large")
        wall, mem = run(["build", "--format", "html,pdf"], project)
        print(f"2,000 documents, 200-row landscape, cold build (html, pdf): {wall:.1f} s wall, peak {mem:.0f} MiB")
        one = project / "incoming.txt"
        one.write_text(synthetic_release(250), encoding="utf-8")  # a new asset in scope
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "reportgen", "add", str(one)], cwd=project, check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        add_wall = time.perf_counter() - start
        wall2, mem2 = run(["build", "--format", "html,pdf"], project)
        print(f"add one document: {add_wall:.2f} s; rebuild after it: {wall2:.1f} s wall, peak {mem2:.0f} MiB")
        wall3, _ = run(["build", "--format", "html,pdf"], project)
        print(f"no-op rebuild of the large project: {wall3:.2f} s wall")
        wall4, _ = run(["build", "--format", "html,pdf", "--force"], project)
        print(f"re-render the brief with nothing changed (--force): {wall4:.1f} s wall; "
              f"so adding one document cost {wall2 - wall4:+.1f} s beyond re-rendering what it touches")


if __name__ == "__main__":
    main()
