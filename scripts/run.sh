#!/usr/bin/env bash
# `make run`: process the bundled sample corpus into the embedded SQLite store and show it.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p data
export CONFLICTWATCH_DATABASE_URL="${CONFLICTWATCH_DATABASE_URL:-sqlite:///$PWD/data/conflictwatch.db}"
.venv/bin/conflictwatch extract samples/articles/*.txt --format table
