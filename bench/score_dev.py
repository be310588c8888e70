#!/usr/bin/env python3
"""Score the extractor on the dev corpus, pooled and per fold (bench/folds.yaml).

    score_dev.py                      pooled table, each fold's current score, and the CV figure
    score_dev.py --fold 2 --show-errors   one fold's table and errors (look only at folds not yet recorded)
    score_dev.py --record 3           store fold 3's current counts as its cross-validated score
    score_dev.py --record-all --note "..."   store every fold at once: for changes written without looking
                                      at any fold (the record measured before is kept under "history")

The cross-validated (CV) figure pools the counts recorded for each fold at the end of its round
(bench/cv_record.json): rules last changed while looking at the other three folds only.
Exits 0 with a message when ../shared (corpus and scorer) is absent.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SHARED = ROOT.parent / "shared"
DOCS, GOLD, SCORER = SHARED / "corpus" / "docs", SHARED / "corpus" / "gold", SHARED / "eval" / "score.py"
RECORD = HERE / "cv_record.json"
PREDICATES = ["name", "developer", "target", "modality", "indication", "regulatory", "trial", "phase",
              "efficacy", "safety", "partner"]


def folds() -> dict[int, list[str]]:
    data = yaml.safe_load((HERE / "folds.yaml").read_text(encoding="utf-8"))
    return {int(k): list(v) for k, v in data["folds"].items()}


def predict(out: Path) -> None:
    exe = ROOT / ".venv" / "bin" / "reportgen"
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "reportgen"]
    with out.open("w", encoding="utf-8") as stream:
        subprocess.run([*cmd, "facts", str(DOCS), "--format", "jsonl"], stdout=stream, check=True)


def score(pred: Path, docs: list[str] | None, tmp: Path, extra: list[str] = ()) -> tuple[dict, str]:
    """Scorer figures (as JSON) and its text output, on `docs` only (all when None)."""
    gold = GOLD
    if docs is not None:
        gold = tmp / "gold"
        shutil.rmtree(gold, ignore_errors=True)
        gold.mkdir()
        for d in docs:
            shutil.copy(GOLD / f"{d}.yaml", gold / f"{d}.yaml")
    out = tmp / "score.json"
    run = subprocess.run([sys.executable, str(SCORER), "--gold", str(gold), "--docs", str(DOCS), str(pred),
                          "--json", str(out), *extra], capture_output=True, text=True, check=True)
    return json.loads(out.read_text(encoding="utf-8")), run.stdout


def counts(result: dict) -> dict[str, list[int]]:
    """Per predicate (and 'all'): [tp, fp, fn]."""
    out = {}
    for name, fig in {**result["predicates"], "all": result["overall"]}.items():
        out[name] = [fig["tp"], fig["fp"], fig["fn"]]
    return out


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def line(label: str, c: list[int]) -> str:
    p, r, f = prf(*c)
    return f"| {label:<10} | {c[0]:>4} | {c[1]:>3} | {c[2]:>3} | {p:.3f} | {r:.3f} | {f:.3f} |"


def table(title: str, by_pred: dict[str, list[int]]) -> str:
    rows = [title, "| predicate  |   TP |  FP |  FN |     P |     R |    F1 |",
            "|------------|-----:|----:|----:|------:|------:|------:|"]
    rows += [line(p, by_pred[p]) for p in PREDICATES if p in by_pred]
    rows.append(line("**all**", by_pred["all"]))
    return "\n".join(rows)


def extractor_version() -> str:
    sys.path.insert(0, str(ROOT))
    from reportgen.extract import EXTRACTOR_VERSION

    return EXTRACTOR_VERSION


def folds_of(record: dict) -> list[str]:
    """The fold keys of a record (its other keys: "extractor", which rules it measured; "note", how they were
    written; "history", the records it replaced)."""
    return sorted((k for k in record if k.isdigit()), key=int)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--fold", type=int, help="score this fold only (with --show-errors: its errors)")
    ap.add_argument("--record", type=int, metavar="K", help="record fold K's current score as its CV score")
    ap.add_argument("--record-all", action="store_true",
                    help="record every fold's current score (changes made blind to all folds)")
    ap.add_argument("--note", default="", help="with --record-all: how the rules being recorded were written")
    ap.add_argument("--show-errors", action="store_true")
    ap.add_argument("--pred", type=Path, help="reuse this predictions file instead of running reportgen facts")
    args = ap.parse_args(argv)
    if not DOCS.is_dir() or not GOLD.is_dir() or not SCORER.is_file():
        print(f"score_dev: {SHARED} (corpus/docs, corpus/gold, eval/score.py) not found; nothing to score.")
        return 0
    fold_docs = folds()
    with tempfile.TemporaryDirectory() as td:
        tmp = Path(td)
        pred = args.pred or tmp / "pred.jsonl"
        if not args.pred:
            predict(pred)
        if args.fold:
            result, text = score(pred, fold_docs[args.fold], tmp, ["--show-errors"] if args.show_errors else [])
            print(text, end="")
            return 0
        if args.record_all:
            record = json.loads(RECORD.read_text(encoding="utf-8")) if RECORD.exists() else {}
            history = record.pop("history", [])
            if folds_of(record):
                history.append(record)
            record = {"extractor": extractor_version(), "note": args.note, "history": history}
            for k, docs in fold_docs.items():
                record[str(k)] = counts(score(pred, docs, tmp)[0])
                print(line(f"fold {k}", record[str(k)]["all"]))
            RECORD.write_text(json.dumps(record, indent=1, sort_keys=True) + "\n", encoding="utf-8")
            return 0
        if args.record:
            result, _ = score(pred, fold_docs[args.record], tmp)
            record = json.loads(RECORD.read_text(encoding="utf-8")) if RECORD.exists() else {}
            record[str(args.record)] = counts(result)
            if record.get("extractor", extractor_version()) != extractor_version():
                print(f"note: folds recorded with extractor {record['extractor']} are mixed with {extractor_version()}")
            record["extractor"] = extractor_version()
            RECORD.write_text(json.dumps(record, indent=1, sort_keys=True) + "\n", encoding="utf-8")
            print(line(f"fold {args.record}", counts(result)["all"]))
            return 0
        pooled, text = score(pred, None, tmp, ["--show-errors"] if args.show_errors else [])
        if args.show_errors:
            print(text, end="")
        print(table("Pooled (all documents, current rules):", counts(pooled)))
        print(f"grounding={pooled['grounding']['rate']:.3f} support={pooled['support']['rate']:.3f}\n")
        print("| fold       |   TP |  FP |  FN |     P |     R |    F1 |")
        print("|------------|-----:|----:|----:|------:|------:|------:|")
        for k, docs in fold_docs.items():
            print(line(f"fold {k}", counts(score(pred, docs, tmp)[0])["all"]))
        if RECORD.exists():
            record = json.loads(RECORD.read_text(encoding="utf-8"))
            total = {p: [0, 0, 0] for p in [*PREDICATES, "all"]}
            for k in folds_of(record):
                for p, c in record[k].items():
                    total[p] = [a + b for a, b in zip(total[p], c)]
            print()
            for k in folds_of(record):
                print(line(f"CV fold {k}", record[k]["all"]))
            recorded = record.get("extractor", "unknown")
            print(table(f"\nCross-validated (recorded folds {', '.join(folds_of(record))}, extractor {recorded}):", total))
            cv, pool = prf(*total["all"]), prf(*counts(pooled)["all"])
            print(f"\nCV F1={cv[2]:.3f} pooled F1={pool[2]:.3f} gap={pool[2] - cv[2]:.3f}")
            if record.get("note"):
                print(f"recorded as: {record['note']}")
            if recorded != extractor_version():
                print(f"STALE: the CV folds were recorded with extractor {recorded}, the pooled figure is "
                      f"{extractor_version()}; this gap is not a cross-validated figure for the current rules.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
