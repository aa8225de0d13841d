#!/usr/bin/env bash
# Score event extraction on every set we measure, printing the scorer's one-line figure for each.
#   bash scripts/evaluate.sh [SHARED_EVAL_DIR]      (default ../shared/eval)
# The sets under ../shared/eval are real text nobody on the team wrote (never trained on);
# samples/articles is our own corpus (dev and heldout splits scored separately).
set -euo pipefail
cd "$(dirname "$0")/.."
EVAL="${1:-../shared/eval}"
OUT="${OUT:-/tmp/conflictwatch-eval}"
mkdir -p "$OUT"
cw=.venv/bin/conflictwatch
run() {  # name docs gold mode
  $cw extract --input "$2" --output "$OUT/$1.events.jsonl" 2>"$OUT/$1.log" || true
  printf '%-22s %s\n' "$1" "$(python3 "$EVAL/score.py" "$4" "$3" "$OUT/$1.events.jsonl" | tail -n 1)"
}
if [ -d "$EVAL" ]; then
  run seed "$EVAL/seed/docs.jsonl" "$EVAL/seed/gold.jsonl" events
  run articles "$EVAL/articles/geowebnews.docs.jsonl" "$EVAL/articles/geowebnews.gold.jsonl" events
  run case2021-dev "$EVAL/eventtype/case2021-dev.docs.jsonl" "$EVAL/eventtype/case2021-dev.gold.jsonl" eventtype
else
  echo "no $EVAL: scoring our own corpus only"
fi
$cw extract --input samples/articles/docs.jsonl --output "$OUT/samples.events.jsonl" 2>/dev/null || true
for split in dev heldout; do
  printf '%-22s %s\n' "samples-$split" "$($cw score --split $split samples/articles/gold.jsonl "$OUT/samples.events.jsonl" | tail -n 1)"
done
