#!/usr/bin/env python3
"""Rendering on every core: `build --force --jobs 1` against `--jobs N`, paired runs, whole processes.

Usage: python bench/parallel_speed.py [--runs 5] [--jobs 2]

Uses the bundled sample project (copied to a temporary folder), so it needs
nothing outside the repository. Prints the medians and the paired ratio.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def timed(args: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "reportgen", "-q", *args], cwd=cwd, check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp) / "sample"
        shutil.copytree(ROOT / "landscapes", project / "landscapes")
        timed(["build"], project)  # warm the fact cache: this measures rendering
        serial, parallel, ratios = [], [], []
        for _ in range(args.runs):
            a = timed(["build", "--force", "--jobs", "1"], project)
            b = timed(["build", "--force", "--jobs", str(args.jobs)], project)
            serial.append(a)
            parallel.append(b)
            ratios.append(b / a)
        med = lambda v: sorted(v)[len(v) // 2]  # noqa: E731
        print(f"{os.cpu_count()} cores; 3 sample briefs, html+pdf+csv+xlsx, --force, {args.runs} paired runs")
        print(f"--jobs 1: {med(serial):.2f} s   --jobs {args.jobs}: {med(parallel):.2f} s   "
              f"paired ratio (median): {med(ratios):.2f}x of sequential")


if __name__ == "__main__":
    main()
