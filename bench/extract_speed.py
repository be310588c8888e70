"""Extraction throughput and memory: 2,000 documents (the dev corpus repeated).

Reads ../shared/corpus/docs (a sibling of the repo); skips with a message if it
is absent. Prints docs/s on one core (wall clock and CPU time of this process:
on a shared machine the CPU figure is the steadier one), the time to read the
documents and their sidecars, and peak traced memory after 500 and after 2,000
documents: equal peaks mean memory stays flat as documents accumulate.
"""

from __future__ import annotations

import platform
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT.parent / "shared" / "corpus" / "docs"
TOTAL = 2000


def main() -> int:
    if not DOCS.is_dir():
        print(f"extract_speed: {DOCS} not found; skipped.")
        return 0
    sys.path.insert(0, str(ROOT))
    from reportgen.extract import extract_facts, load_lexicons
    from reportgen.sources import read_documents

    read_start = time.perf_counter()
    docs, _ = read_documents([DOCS])
    read_s = time.perf_counter() - read_start
    if not docs:
        print("extract_speed: no documents; skipped.")
        return 0
    load_lexicons()  # compiled once, as in a real run
    extract_facts(docs[0])

    start, cpu_start, facts = time.perf_counter(), time.process_time(), 0
    for i in range(TOTAL):
        facts += len(extract_facts(docs[i % len(docs)]))
    elapsed = time.perf_counter() - start
    cpu = time.process_time() - cpu_start
    chars = sum(len(docs[i % len(docs)].text) for i in range(TOTAL))

    tracemalloc.start()
    peaks = {}
    for i in range(TOTAL):
        extract_facts(docs[i % len(docs)])  # results dropped, as a streaming export would
        if i + 1 in (500, TOTAL):
            peaks[i + 1] = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()

    print(f"machine: {platform.machine()} {platform.processor() or ''} Python {platform.python_version()} ({platform.system()})")
    print(f"documents: {TOTAL} ({len(docs)} distinct, {chars / TOTAL:,.0f} chars avg), facts: {facts}")
    print(f"time: {elapsed:.2f} s, throughput: {TOTAL / elapsed:,.0f} docs/s, {chars / elapsed / 1e6:.2f} M chars/s; "
          f"CPU {cpu:.2f} s: {TOTAL / cpu:,.0f} docs/s on one core")
    import yaml

    print(f"reading {len(docs)} documents and sidecars: {read_s * 1e3 / len(docs):.2f} ms/doc "
          f"(C YAML loader {'available' if getattr(yaml, 'CSafeLoader', None) else 'missing'})")
    print(f"peak traced memory after 500 docs: {peaks[500] / 1e6:.2f} MB; after {TOTAL} docs: {peaks[TOTAL] / 1e6:.2f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
