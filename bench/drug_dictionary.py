"""Would a maintained drug dictionary find the assets press releases are about? (issue 9, mentions)

Issue 9 suggests the offline DrugBank/MeSH-derived dictionary of PyPI's
`drug-named-entity-recognition` as a source of asset mentions, with its precision
cost measured. This counts, per corpus, the distinct dictionary hits, how many of
them are asset names the gold lists (in any of its spellings, or one word of one),
and how many are not (comparators, background therapies, common words): the hits
that would become false asset mentions. It prints counts only.

Reads ../shared/corpus (skips with a message if absent) and needs the package
(`pip install drug-named-entity-recognition`; not a reportgen dependency). An
optional second pair of arguments scores another docs/gold pair the same way.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"


def count(docs: Path, gold: Path) -> tuple[int, int, int, int]:
    from drug_named_entity_recognition import find_drugs

    hits = asset_hits = gold_names = gold_found = 0
    for gold_file in sorted(gold.glob("*.yaml")):
        record = yaml.safe_load(gold_file.read_text(encoding="utf-8"))
        path = docs / record["doc"]
        if not path.exists():
            continue
        names = {n.lower() for e in (record.get("entities") or {}).values()
                 if e.get("kind") == "asset" for n in e.get("names", [])}
        tokens = re.findall(r"[\w\-]+", path.read_text(encoding="utf-8", errors="replace"))
        surfaces = {" ".join(tokens[m[1]:m[2] + 1]).lower() for m in find_drugs(tokens, is_ignore_case=True)}

        def is_asset(s: str) -> bool:
            return any(s == n or s in n.split() for n in names)

        hits += len(surfaces)
        asset_hits += sum(map(is_asset, surfaces))
        gold_names += len(names)
        gold_found += sum(1 for n in names if any(s == n or s in n.split() for s in surfaces))
    return hits, asset_hits, gold_names, gold_found


def main(argv: list[str]) -> int:
    try:
        import drug_named_entity_recognition  # noqa: F401
    except ImportError:
        print("skipped: pip install drug-named-entity-recognition to run this benchmark")
        return 0
    pairs = [("dev corpus", CORPUS / "docs", CORPUS / "gold")]
    if len(argv) == 2:
        pairs.append(("other", Path(argv[0]), Path(argv[1])))
    if not CORPUS.is_dir():
        print(f"skipped: {CORPUS} not found (the dev corpus lives outside the repository)")
        pairs = pairs[1:]
    for label, docs, gold in pairs:
        hits, asset_hits, gold_names, gold_found = count(docs, gold)
        print(f"{label}: {hits} distinct dictionary hits, {asset_hits} of them asset names in the gold, "
              f"{hits - asset_hits} not; the dictionary finds {gold_found} of {gold_names} gold asset names")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
