#!/usr/bin/env python3
"""Sentence splitting time against document size and shape (one line, no newlines), as ratios.

    .venv/bin/python bench/sentence_speed.py

Linear means the time per 100 KB stays flat as the size grows, whatever the shape.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from reportgen.extract.sentences import split_sentences  # noqa: E402

SHAPES = {
    "prose": "The drug was approved in 2024. It works. ",
    "abbreviations": "e.g. Dr. U.S. No. vs. ",
    "no capitals": "x. y. z. ",
    "no periods": "word word word ",
    "blanks": " " * 50 + "x",
}
SIZES = [50_000, 200_000, 800_000, 3_200_000]


def main() -> None:
    print(f"{'shape':<14}" + "".join(f"{s // 1000:>9} KB" for s in SIZES) + "   ms per 100 KB (smallest -> largest)")
    for name, piece in SHAPES.items():
        per = []
        for size in SIZES:
            text = piece * (size // len(piece))
            t0 = time.perf_counter()
            split_sentences(text)
            per.append((time.perf_counter() - t0) * 1000 / (size / 100_000))
        print(f"{name:<14}" + "".join(f"{p:>12.1f}" for p in per) + f"   ratio {per[-1] / per[0]:.2f}")


if __name__ == "__main__":
    main()
