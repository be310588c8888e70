#!/usr/bin/env python3
"""One long brief's PDF in one piece against the same PDF laid out in parts on both cores (reportgen/pdf_parts.py).

Usage: python bench/pdf_parts.py [--docs 2000] [--brief big] [--runs 2] [--jobs 2] [--keep DIR]

The brief of bench/scale.py's archive is planned once (pickled); each round then runs, in rotated order,
two fresh processes on the same view model: "whole" renders the print HTML in one piece
(`pdf_parts.whole`: what a brief under the threshold gets), "parts" runs the build's pool
(`output.pool.render_tasks` with --jobs workers: the parts on the workers, then the frame and the join).
Each reports wall seconds and CPU seconds (its own and its workers') of the render alone, imports and
planning excluded, and the stages of the split (the parts' CPU, the frame, the join) measured
in-process. Ratios are medians of the round-by-round ratios. The two PDFs are compared once: pages,
the text of every page and the link annotations must be the same. Not part of the test suite.
"""

from __future__ import annotations

import argparse
import json
import pickle
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from scale import make_project, median  # noqa: E402  the one writer of the benchmark archives
from pdf_levers import plan  # noqa: E402  one brief's view model and facts

RENDER = r"""
import json, pickle, resource, sys, time
from pathlib import Path
import weasyprint, pypdf  # imports are not what is measured
import reportgen.pdf_parts as pp
from reportgen.output import pool
from reportgen.render import DEFAULT_TEMPLATES, make_environment
brief, facts, root = pickle.loads(Path(sys.argv[1]).read_bytes())
mode, jobs, target = sys.argv[2], int(sys.argv[3]), Path(sys.argv[4])
log = target.with_suffix(".stages")
log.write_text("")
if mode == "parts":  # the stages, timed where they run (workers, too: they append to one file)
    def timed(name, function):
        def run(*args):
            start = time.process_time()
            try:
                return function(*args)
            finally:
                with log.open("a") as f:
                    f.write(json.dumps([name, time.process_time() - start]) + "\n")
        return run
    for name in ("render_part", "render_frame", "join"):
        setattr(pp, name, timed(name, getattr(pp, name)))
def usage():
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime
cpu, wall = usage(), time.perf_counter()
if mode == "whole":
    job = pp.pdf_job(brief, facts, make_environment([DEFAULT_TEMPLATES]))
    data = pp.whole(job, root)
else:
    (data, error), = pool.render_tasks([(brief, facts, "pdf")], [DEFAULT_TEMPLATES], root, root / "out", jobs)
    if error is not None:
        raise error
wall, cpu = time.perf_counter() - wall, usage() - cpu
target.write_bytes(data)
stages = {}
for line in log.read_text().splitlines():
    name, seconds = json.loads(line)
    stages.setdefault(name, []).append(seconds)
print(json.dumps({"wall": wall, "cpu": cpu, "stages": {k: sorted(v, reverse=True) for k, v in stages.items()}}))
"""


def same_reading(a: Path, b: Path) -> str:
    from pypdf import PdfReader

    ra, rb = PdfReader(a), PdfReader(b)
    if len(ra.pages) != len(rb.pages):
        return f"NO: {len(ra.pages)} vs {len(rb.pages)} pages"
    for i, (pa, pb) in enumerate(zip(ra.pages, rb.pages)):
        if pa.extract_text() != pb.extract_text():
            return f"NO: the text of page {i + 1} differs"
        la = [(a.get_object().get("/Dest"), [round(float(v), 1) for v in a.get_object()["/Rect"]])
              for a in pa.get("/Annots") or []]
        lb = [(b.get_object().get("/Dest"), [round(float(v), 1) for v in b.get_object()["/Rect"]])
              for b in pb.get("/Annots") or []]
        if la != lb:
            return f"NO: the links of page {i + 1} differ"
    return f"yes ({len(ra.pages)} pages: text and links of every page)"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--brief", default="big")
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--keep", type=Path, help="write (or reuse) the project as DIR/p<docs>")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        project = (args.keep or tmp_path) / f"p{args.docs}"
        if not (project / "landscapes").is_dir():
            make_project(project, args.docs)
        planned = plan(project, args.brief)
        brief, facts = planned.brief, planned.facts
        data = tmp_path / "brief.pickle"
        data.write_bytes(pickle.dumps((brief, facts, project)))
        results: dict[str, list[dict]] = {"whole": [], "parts": []}
        for r in range(args.runs):
            for mode in (("whole", "parts") if r % 2 == 0 else ("parts", "whole")):
                out = subprocess.run([sys.executable, "-c", RENDER, str(data), mode, str(args.jobs),
                                      str(tmp_path / f"{mode}.pdf")], capture_output=True, text=True)
                if out.returncode:
                    raise SystemExit(out.stderr[-3000:])
                results[mode].append(json.loads(out.stdout.strip().splitlines()[-1]))
                print(f"round {r + 1}: {mode}: {results[mode][-1]}", file=sys.stderr, flush=True)
        reading = same_reading(tmp_path / "whole.pdf", tmp_path / "parts.pdf")
    whole, parts = results["whole"], results["parts"]
    print(f"{args.docs:,} documents, brief {args.brief!r}: {len(brief.rows)} rows, {len(brief.references)} references;"
          f" {args.runs} rounds, --jobs {args.jobs}; the same PDF for a reader: {reading}")
    print("| | wall | CPU (process and workers) |")
    print("|---|---:|---:|")
    for name, runs in (("in one piece", whole), ("in parts, joined", parts)):
        print(f"| {name} | {median([d['wall'] for d in runs]):.1f} s | {median([d['cpu'] for d in runs]):.1f} s |")
    print(f"| parts / one piece | {median([p['wall'] / w['wall'] for p, w in zip(parts, whole)]):.2f}x "
          f"| {median([p['cpu'] / w['cpu'] for p, w in zip(parts, whole)]):.2f}x |")
    stages = [d["stages"] for d in parts if d["stages"]]
    if stages:
        print("\nStages of the split, CPU seconds (medians): "
              + "; ".join(f"{k}: " + " + ".join(f"{median([s[k][i] for s in stages if len(s.get(k, [])) > i]):.1f}"
                                                for i in range(max(len(s.get(k, [])) for s in stages)))
                          for k in ("render_part", "render_frame", "join")))


if __name__ == "__main__":
    main()
