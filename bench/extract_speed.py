"""Extraction throughput and memory: 2,000 documents, repeated and varied.

Reads ../shared/corpus/docs (a sibling of the repo); skips with a message if it
is absent. Two corpora of 2,000 documents are timed:

- repeated: the dev corpus as it is, over and over. Flattering: the per-document
  alternations of asset and organization names (`build_names`) come out of
  Python's regex cache after the first round, and the memo tables only hit.
- varied: repetition k renames every asset name the extractor found in the
  document (its first two letters shifted by k, shape and ending kept:
  "ZX-101" -> "AY-101" for k = 1, "-mab" stays "-mab"), so each document carries a name set
  never seen before, as distinct documents would.

Prints docs/s on one core (wall clock and CPU time of this process: on a shared
machine the CPU figure is the steadier one), the time to read the documents and
their sidecars, and traced memory after 500 and after 2,000 documents of each corpus (peak,
retained after a full collection, largest one-document transient; see `peaks`): equal figures
mean memory stays flat as documents accumulate.
"""

from __future__ import annotations

import platform
import re
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT.parent / "shared" / "corpus" / "docs"
TOTAL = 2000


def _shift(name: str, k: int) -> str:
    """`name` with its first two letters moved k (and k // 26) places along the alphabet, case kept."""
    out, moved = [], 0
    for ch in name:
        if moved < 2 and ch.isascii() and ch.isalpha():
            base = ord("a") if ch.islower() else ord("A")
            ch = chr(base + (ord(ch) - base + (k if moved == 0 else k // 26 + 1)) % 26)
            moved += 1
        out.append(ch)
    return "".join(out)


def varied(docs, total: int):
    """`total` documents: the corpus repeated, repetition k with every asset name renamed by `_shift`."""
    from reportgen.extract import extract_facts
    from reportgen.vocab import ASSET_PREDICATES

    names = []
    for doc in docs:
        found = set()
        for f in extract_facts(doc):
            if f.predicate in ASSET_PREDICATES:
                found.add(f.subject)
                if f.predicate == "name":
                    found.add(f.object)
        found = sorted((n for n in found if len(n) >= 3 and any(c.isalpha() for c in n[:2])), key=len, reverse=True)
        names.append(re.compile(rf"(?<![\w\-])(?:{'|'.join(map(re.escape, found))})(?![\w])") if found else None)
    out = []
    for i in range(total):
        doc, rx, k = docs[i % len(docs)], names[i % len(docs)], i // len(docs)
        if k == 0 or rx is None:
            out.append(doc)
            continue
        out.append(doc.model_copy(update={"id": f"v{k}-{doc.id}", "text": rx.sub(lambda m: _shift(m.group(0), k), doc.text)}))
    return out


def timed(seq):
    from reportgen.extract import extract_facts

    start, cpu_start, facts = time.perf_counter(), time.process_time(), 0
    for doc in seq:
        facts += len(extract_facts(doc))
    return time.perf_counter() - start, time.process_time() - cpu_start, facts


def peaks(seq) -> dict[int, tuple[int, int, int]]:
    """At 500 and len(seq) documents: (peak traced memory so far, memory retained after `gc.collect()`,
    largest one-document transient so far).

    The peak alone rose with the number of documents on the repeated corpus (0.38 -> 0.70 MB) without
    anything of the extractor's growing: CPython's tuple free lists (up to 2,000 freed tuples of each
    small size, kept for reuse) fill over the first thousand documents, and tracemalloc counts them.
    A full collection empties them (it frees no object here: the extractor leaves no cycles), so the
    retained figure is what documents leave behind; the transient is what one document needs.
    """
    import gc

    from reportgen.extract import extract_facts

    tracemalloc.start()
    out, peak, transient = {}, 0, 0
    for i, doc in enumerate(seq):
        before = tracemalloc.get_traced_memory()[0]
        tracemalloc.reset_peak()
        extract_facts(doc)  # results dropped, as a streaming export would
        high = tracemalloc.get_traced_memory()[1]
        peak, transient = max(peak, high), max(transient, high - before)
        if i + 1 in (500, len(seq)):
            gc.collect()
            out[i + 1] = (peak, tracemalloc.get_traced_memory()[0], transient)
    tracemalloc.stop()
    return out


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
    corpora = {"repeated": [docs[i % len(docs)] for i in range(TOTAL)], "varied": varied(docs, TOTAL)}

    print(f"machine: {platform.machine()} {platform.processor() or ''} Python {platform.python_version()} ({platform.system()})")
    import yaml

    print(f"reading {len(docs)} documents and sidecars: {read_s * 1e3 / len(docs):.2f} ms/doc "
          f"(C YAML loader {'available' if getattr(yaml, 'CSafeLoader', None) else 'missing'})")
    for label, seq in corpora.items():
        elapsed, cpu, facts = timed(seq)
        chars = sum(len(d.text) for d in seq)
        distinct = len({d.text for d in seq})
        mem = peaks(seq)
        print(f"{label}: {TOTAL} documents ({distinct} distinct texts, {chars / TOTAL:,.0f} chars avg), facts: {facts}")
        print(f"  time: {elapsed:.2f} s, throughput: {TOTAL / elapsed:,.0f} docs/s, {chars / elapsed / 1e6:.2f} M chars/s; "
              f"CPU {cpu:.2f} s: {TOTAL / cpu:,.0f} docs/s on one core")
        print(f"  peak traced memory after 500 docs: {mem[500][0] / 1e6:.2f} MB; after {TOTAL} docs: {mem[TOTAL][0] / 1e6:.2f} MB"
              f" (with CPython's free lists); retained after gc.collect(): {mem[500][1] / 1e6:.2f} / "
              f"{mem[TOTAL][1] / 1e6:.2f} MB; largest one-document transient: {mem[500][2] / 1e6:.2f} / "
              f"{mem[TOTAL][2] / 1e6:.2f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
