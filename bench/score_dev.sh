#!/usr/bin/env sh
# Score the extractor on the dev corpus (../shared/corpus, a sibling of the repo).
# Prints the scorer's per-predicate table and the overall line; exits 0 if ../shared is absent.
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
SHARED=$(cd "$ROOT/.." && pwd)/shared
if [ ! -d "$SHARED/corpus/docs" ] || [ ! -f "$SHARED/eval/score.py" ]; then
    echo "score_dev: $SHARED/corpus or $SHARED/eval not found; nothing to score."
    exit 0
fi
REPORTGEN="$ROOT/.venv/bin/reportgen"
[ -x "$REPORTGEN" ] || REPORTGEN=reportgen
PY="$ROOT/.venv/bin/python"
[ -x "$PY" ] || PY=python3
PRED=$(mktemp)
trap 'rm -f "$PRED"' EXIT
"$REPORTGEN" facts "$SHARED/corpus/docs" --format jsonl > "$PRED"
"$PY" "$SHARED/eval/score.py" --gold "$SHARED/corpus/gold" --docs "$SHARED/corpus/docs" "$PRED" "$@"
