"""Extractor start-up in fresh processes, as the one-new-document build pays it (issue 15).

Each run is a new interpreter that loads the prepared regexes (`reportgen/regex_cache.py`, written once
beforehand into a temporary project), imports `reportgen.extract` and extracts one document; CPU seconds
of each stage are printed, then the medians. With `--cold`, the prepared file is not used (what a first
build, or one after an extractor change, pays). Reads one document of ../shared/corpus/docs; skips with a
message if it is absent. Not part of the test suite.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT.parent / "shared" / "corpus" / "docs"


def _child(project: str, use_cache: bool, doc_path: str) -> None:
    import time

    t0 = time.process_time()
    import pydantic  # noqa: F401  the models' library: not the extractor's cost

    from reportgen import facts  # noqa: F401
    from reportgen.sources import read_documents

    t1 = time.process_time()
    from reportgen import regex_cache

    root = Path(project)
    if use_cache:
        regex_cache.load(root / regex_cache.FILE, root)
    t2 = time.process_time()
    from reportgen.extract import extract_facts, get_extractor

    t3 = time.process_time()
    docs, _ = read_documents([Path(doc_path)])
    t4 = time.process_time()
    extract_facts(docs[0])
    t5 = time.process_time()
    if not use_cache:  # the preparing run: write the file the others load
        regex_cache.save(root / regex_cache.FILE, root, get_extractor().fingerprint)
    print(json.dumps({"models": t1 - t0, "cache load": t2 - t1, "import extract": t3 - t2, "read": t4 - t3,
                      "first document": t5 - t4, "extractor total": (t2 - t1) + (t3 - t2) + (t5 - t4)}))


def _run(project: str, use_cache: bool, doc: Path) -> dict:
    out = subprocess.run([sys.executable, __file__, "--child", project, "1" if use_cache else "0", str(doc)],
                         capture_output=True, text=True, check=True, cwd=ROOT)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        sys.path.insert(0, str(ROOT))
        _child(sys.argv[2], sys.argv[3] == "1", sys.argv[4])
        return 0
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--cold", action="store_true", help="without the prepared regexes")
    args = parser.parse_args()
    docs = sorted(p for p in DOCS.glob("*.txt")) if DOCS.is_dir() else []
    if not docs:
        print(f"startup: no documents in {DOCS}; skipped.")
        return 0
    with tempfile.TemporaryDirectory() as project:
        _run(project, False, docs[0])  # writes the prepared file
        runs = [_run(project, not args.cold, docs[0]) for _ in range(args.runs)]
    keys = list(runs[0])
    for r in runs:
        print("  ".join(f"{k} {r[k]:.3f}" for k in keys))
    print("median: " + "  ".join(f"{k} {statistics.median(r[k] for r in runs):.3f} s" for k in keys))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
