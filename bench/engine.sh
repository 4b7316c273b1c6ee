#!/usr/bin/env bash
# Runs the engine on every data set of ../shared/datasets over the folds in ../shared/eval/splits,
# scores each fold with ../shared/eval/score.py and prints our mean metric next to every peer's.
#
#   bench/engine.sh [BUDGET]            default 60 s per fold
#   DATASETS="boston sonar" FOLDS="0" bench/engine.sh 15    a quick subset
#   OUT=dir   where results go (default /tmp/automl-engine-BUDGET); PEER=name of our column (default automl)
set -euo pipefail
cd "$(dirname "$0")/.."
BUDGET=${1:-60}
SHARED=${SHARED:-../shared}
SPLITS=$SHARED/eval/splits
DATASETS=${DATASETS:-$(ls "$SPLITS")}
FOLDS=${FOLDS:-0 1 2 3 4}
PEER=${PEER:-automl}
OUT=${OUT:-${TMPDIR:-/tmp}/automl-engine-$BUDGET}
PY=/usr/bin/python3

if ! $PY -c "import numpy, sklearn" 2>/dev/null; then
  apt-get install -y python3-sklearn python3-numpy >/dev/null
fi

dotnet build bench/Engine -c Release -v quiet -nologo >/dev/null
mkdir -p "$OUT/results" "$OUT/work"
# The run takes up to an hour in a shared checkout: a private copy of the build keeps another build from
# swapping the engine under it half-way.
rm -rf "$OUT/bin" && cp -r bench/Engine/bin/Release/net10.0 "$OUT/bin"
BIN=$OUT/bin/AutoMl.Bench.Engine
cp "$SHARED/eval/results/peers.csv" "$OUT/results/peers.csv"
CSV=$OUT/results/$PEER.csv
[ -f "$CSV" ] || echo "dataset,fold,peer,metric_name,metric,secondary_name,secondary,fit_s,predict_s,budget_s,timestamp" > "$CSV"

for d in $DATASETS; do
  target=$($PY -c "import json,sys; print(json.load(open(sys.argv[1]))['target'])" "$SPLITS/$d/meta.json")
  for f in $FOLDS; do
    split=$SPLITS/$d/fold$f
    model=$OUT/work/$d-$f.bundle
    pred=$OUT/work/$d-$f.pred.csv
    t0=$(date +%s.%N)
    $BIN train --train "$split.train.csv" --target "$target" --budget "$BUDGET" --model "$model" 2> "$OUT/work/$d-$f.log"
    t1=$(date +%s.%N)
    $BIN predict --model "$model" --input "$split.test_features.csv" --output "$pred"
    t2=$(date +%s.%N)
    score=$($PY "$SHARED/eval/score.py" --split "$split" --pred "$pred")
    $PY - "$score" "$d" "$f" "$PEER" "$t0" "$t1" "$t2" "$BUDGET" >> "$CSV" <<'PY'
import json, sys, datetime
s = json.loads(sys.argv[1]); d, f, peer = sys.argv[2:5]; t0, t1, t2 = map(float, sys.argv[5:8])
print(f"{d},{f},{peer},{s['metric_name']},{s['metric']},{s['secondary_name']},{s['secondary']},"
      f"{t1 - t0:.3f},{t2 - t1:.3f},{sys.argv[8]},{datetime.datetime.now(datetime.timezone.utc).isoformat(timespec='seconds')}")
PY
    echo "$d fold $f: $(echo "$score" | $PY -c "import json,sys; s=json.load(sys.stdin); print(s['metric_name'], round(s['metric'], 5))")  ($(tail -1 "$OUT/work/$d-$f.log"))"
  done
done

folds_csv=$(echo $FOLDS | tr ' ' ',')
datasets_csv=$(echo $DATASETS | tr ' ' ',')
echo
EVAL_RESULTS_DIR=$OUT/results $PY "$SHARED/eval/summarize.py" --folds "$folds_csv" --datasets "$datasets_csv"
echo
# The goal of issue 12: beat or tie every peer on the mean metric (tie: AUC within 0.002, log loss or RMSE within 1%).
$PY - "$OUT/results" "$PEER" "$folds_csv" "$datasets_csv" <<'PY'
import csv, glob, os, sys
from collections import defaultdict
results, us, folds, datasets = sys.argv[1], sys.argv[2], set(sys.argv[3].split(",")), set(sys.argv[4].split(","))
peers = ["hgb", "rf", "xgb", "hgb_search", "mlnet_lgbm"]
latest = {}
for path in glob.glob(os.path.join(results, "*.csv")):
    for r in csv.DictReader(open(path)):
        if r["fold"] in folds and r["dataset"] in datasets and r["metric"] not in ("", "nan"):
            key = (r["dataset"], r["fold"], r["peer"])
            if key not in latest or r["timestamp"] >= latest[key]["timestamp"]:
                latest[key] = r
vals = defaultdict(lambda: defaultdict(list)); metric = {}
for (d, f, p), r in latest.items():
    vals[d][p].append(float(r["metric"])); metric[d] = r["metric_name"]
ok = 0
print(f"{'dataset':15} {'metric':8} {us:>10} " + " ".join(f"{p:>11}" for p in peers) + "  verdict")
for d in sorted(vals):
    if us not in vals[d]:
        continue
    mine = sum(vals[d][us]) / len(vals[d][us]); m = metric[d]; verdicts = []
    cells = []
    for p in peers:
        if p not in vals[d]:
            cells.append(f"{'-':>11}"); continue
        theirs = sum(vals[d][p]) / len(vals[d][p])
        tie = abs(mine - theirs) <= (0.002 if m == "auc" else 0.01 * abs(theirs))
        better = mine > theirs if m == "auc" else mine < theirs
        verdicts.append(better or tie)
        cells.append(f"{theirs:>11.4f}")
    good = all(verdicts); ok += good
    print(f"{d:15} {m:8} {mine:>10.4f} " + " ".join(cells) + ("  beats/ties all" if good else "  loses to some"))
print(f"\nbeats or ties every peer on {ok} of {sum(1 for d in vals if us in vals[d])} data sets (goal: 10 of 12 at 60 s, all folds)")
PY
