#!/usr/bin/env bash
# Ingest benchmark: a generated ~1 GB numeric CSV, from CSV to the training frame, next to DuckDB's own
# SELECT count(*) over the same file (same run, same DuckDB settings), with the peak working set.
#   bench/ingest.sh [ROWS]        default 2,700,000 rows × 50 columns (about 1 GB)
#   REPEAT=3 bench/ingest.sh      three count(*)/ours pairs, alternating, so both see the same machine load
# Memory benchmark: MEMORY=1 bench/ingest.sh trains on 1,000,000 × 50 and prints the peak working set.
set -euo pipefail
cd "$(dirname "$0")/.."
ROWS=${1:-2700000}
WORK=${WORK:-/tmp/automl-bench-data}
mkdir -p "$WORK"
dotnet build bench/Engine -c Release -v quiet -nologo >/dev/null
BIN=bench/Engine/bin/Release/net10.0/AutoMl.Bench.Engine
CSV=$WORK/numeric-$ROWS.csv
[ -f "$CSV" ] || $BIN generate --output "$CSV" --rows "$ROWS" --columns 50
$BIN ingest --input "$CSV" --repeat "${REPEAT:-2}" --stored
if [ "${MEMORY:-0}" = 1 ]; then
  MCSV=$WORK/numeric-1000000.csv
  [ -f "$MCSV" ] || $BIN generate --output "$MCSV" --rows 1000000 --columns 50
  $BIN train --train "$MCSV" --target y --budget "${BUDGET:-120}" --model "$WORK/memory.bundle"
fi
