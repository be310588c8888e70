#!/usr/bin/env python3
"""Planning cost per fact at 200 / 1,000 / 2,000 documents, in one run (issue 15: "planning per fact flat").

Usage: python bench/plan_speed.py [--sizes 200,1000,2000] [--runs 5] [--keep DIR] [--profile]

Projects are the invented archives of bench/scale.py (its `make_project`); with
--keep DIR they are written once under DIR and reused (facts cached in
DIR/<n>/out/.cache). Each size is timed in a fresh process: `plan_brief` for
every landscape over the cached facts, CPU seconds (time.process_time), best
of --runs after one warm-up. Flat means the last column stays level as the
archive grows. Not part of the test suite.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from scale import make_project  # noqa: E402  the one writer of the benchmark archives

SCRIPT = r"""
import cProfile, json, pstats, sys, time
from pathlib import Path
from reportgen.build import Project, check_landscapes, check_review, load_corpus, plan_brief
root, runs, profile = Path(sys.argv[1]), int(sys.argv[2]), sys.argv[3] == "1"
project = Project(root)
corpus = load_corpus(project, cache_dir=root / "out" / ".cache")
landscapes, _ = check_landscapes(project, None, corpus)
review, _ = check_review(project, landscapes, {"": corpus})
def plan_all():
    for path, landscape in landscapes:
        plan_brief(project, path, landscape, corpus, None, review=review)
plan_all()  # warm-up: lazy imports, vocabularies
best = None
for _ in range(runs):
    start = time.process_time()
    plan_all()
    took = time.process_time() - start
    best = took if best is None else min(best, took)
if profile:
    prof = cProfile.Profile()
    prof.runcall(plan_all)
    pstats.Stats(prof, stream=sys.stderr).sort_stats("tottime").print_stats(12)
print(json.dumps({"seconds": best, "facts": len(corpus.facts), "docs": len(corpus.docs)}))
"""


def project_for(base: Path, count: int) -> Path:
    dest = base / str(count)
    if not (dest / "landscapes").is_dir():
        make_project(dest, count)
    return dest


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="200,1000,2000")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--keep", type=Path, help="write (or reuse) the projects here")
    parser.add_argument("--profile", action="store_true", help="print each size's top functions to stderr")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    with tempfile.TemporaryDirectory() as tmp:
        base = args.keep or Path(tmp)
        rows = []
        for count in sizes:
            project = project_for(base, count)
            proc = subprocess.run([sys.executable, "-c", SCRIPT, str(project), str(args.runs),
                                   "1" if args.profile else "0"], capture_output=True, text=True, check=True)
            if args.profile:
                sys.stderr.write(f"--- {count} documents ---\n{proc.stderr}")
            data = json.loads(proc.stdout.strip().splitlines()[-1])
            us = data["seconds"] / data["facts"] * 1e6
            rows.append((count, data["facts"], data["seconds"], us))
            print(f"{count:>6} docs  {data['facts']:>7,} facts  plan {data['seconds']:6.2f} s CPU  "
                  f"{us:6.1f} us/fact", flush=True)
        if len(rows) > 1:
            print(f"us/fact, largest / smallest: {rows[-1][3] / rows[0][3]:.2f}x (flat = 1.0)")


if __name__ == "__main__":
    main()
