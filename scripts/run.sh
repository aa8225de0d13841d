#!/usr/bin/env bash
# `make run`: process the bundled sample data into the embedded SQLite store, then serve it.
#   1. extract and store the sample corpus (samples/articles, written by the conflictwatch authors)
#   2. import the UCDP GED sample extracts (samples/ucdp, CC BY 4.0)
#   3. print what was found, then serve the dashboard and API on http://127.0.0.1:8000
# Ingestion and import are idempotent: running `make run` again adds nothing twice.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p data
export CONFLICTWATCH_DATABASE_URL="${CONFLICTWATCH_DATABASE_URL:-sqlite:///$PWD/data/conflictwatch.db}"
HOST="${HOST:-127.0.0.1}"
PORT="${PORT:-8000}"
cw=.venv/bin/conflictwatch

echo "== extracting and storing the sample corpus (samples/articles)"
$cw ingest samples/articles/*.txt
echo "== importing the UCDP GED samples (samples/ucdp)"
for f in samples/ucdp/*.csv; do $cw import ucdp "$f"; done
echo "== events coded from the sample articles"
$cw export --format jsonl --output data/sample-events.jsonl --dataset extracted
.venv/bin/python scripts/summary_table.py data/sample-events.jsonl
echo
echo "== serving the dashboard on http://$HOST:$PORT  (API docs: http://$HOST:$PORT/docs; Ctrl-C stops)"
exec $cw serve --host "$HOST" --port "$PORT"
