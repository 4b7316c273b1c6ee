#!/usr/bin/env bash
# Upload benchmark (issue 13): a generated 500 MB CSV sent (1) as a raw body to POST /api/v1/datasets
# and (2) through presigned multipart straight to s3rver, while the API process's RSS is sampled from
# /proc/<pid>/status every 100 ms. Prints the API's RSS growth next to the file size (target: < 100 MB)
# and, for the presigned path, the bytes the API received against the bytes the store received.
#   bench/upload.sh [SIZE_MB]      default 500; uses the test stack (Postgres, Redis, s3rver)
set -euo pipefail
cd "$(dirname "$0")/.."
SIZE_MB=${1:-500}
WORK=${WORK:-/tmp/automl-bench-upload}
PORT=${PORT:-5391}
API="http://127.0.0.1:$PORT"
mkdir -p "$WORK"

infra/stack.sh start test >/dev/null
eval "$(infra/stack.sh env test)"
dotnet build src/Api -c Release -v quiet -nologo -clp:ErrorsOnly >/dev/null
DLL=src/Api/bin/Release/net10.0/AutoMl.Api.dll

CSV=$WORK/upload-${SIZE_MB}mb.csv
if [ ! -f "$CSV" ]; then
  python3 - "$CSV" "$SIZE_MB" <<'PY'
import sys
path, target = sys.argv[1], int(sys.argv[2]) * 1000 * 1000
block = "".join(f"{i},{i % 97 * 0.5},{i % 13},{'yes' if i % 3 == 0 else 'no'},sample text {i % 1000}\n" for i in range(20000))
with open(path, "w") as f:
    f.write("id_col,x,y,label,note\n")
    written = 0
    while written < target:
        f.write(block)
        written += len(block)
PY
fi
SIZE=$(stat -c %s "$CSV")

api_pid=""
sampler_pid=""
cleanup() {
  [ -n "$sampler_pid" ] && kill "$sampler_pid" 2>/dev/null || true
  [ -n "$api_pid" ] && kill "$api_pid" 2>/dev/null && wait "$api_pid" 2>/dev/null || true
  rm -rf "$WORK/parts" "$WORK/blobs"
}
trap cleanup EXIT

# start_api <provider>: the real API on its own database and Redis prefix, rate limits off.
start_api() {
  local db="automl_bench_$1"
  ConnectionStrings__Postgres="${ConnectionStrings__Postgres/Database=automl/Database=$db}" \
  AutoMl__RedisPrefix="bench:$1:" AutoMl__RateLimits__Enabled=false AutoMl__InsecureCookies=true ASPNETCORE_URLS="$API" \
  Blobs__Provider="$1" Blobs__LocalRoot="$WORK/blobs" \
  Blobs__S3__ServiceUrl="$AUTOML_TEST_S3_URL" Blobs__S3__Bucket=automl Blobs__S3__AccessKey=S3RVER Blobs__S3__SecretKey=S3RVER \
    dotnet "$DLL" >"$WORK/api-$1.log" 2>&1 &
  api_pid=$!
  for _ in $(seq 1 120); do
    curl -fs "$API/health/live" >/dev/null 2>&1 && return 0
    sleep 0.5
  done
  echo "upload.sh: the API did not start; see $WORK/api-$1.log" >&2
  exit 1
}

stop_api() { kill "$api_pid"; wait "$api_pid" 2>/dev/null || true; api_pid=""; }

# A new user and an API key for it; prints the key.
api_key() {
  local jar="$WORK/cookies"
  rm -f "$jar"
  curl -fs -c "$jar" -b "$jar" -H 'Content-Type: application/json' \
    -d "{\"email\":\"bench-$RANDOM$RANDOM@example.com\",\"password\":\"correct horse battery\",\"acceptTerms\":true,\"confirmAge\":true}" "$API/api/v1/auth/signup" >/dev/null
  local xsrf
  xsrf=$(awk '$6 == "XSRF-TOKEN" { print $7 }' "$jar")
  curl -fs -c "$jar" -b "$jar" -H 'Content-Type: application/json' -H "X-XSRF-TOKEN: $xsrf" \
    -d '{"name":"bench"}' "$API/api/v1/api-keys" | python3 -c 'import json,sys; print(json.load(sys.stdin)["key"])'
}

rss_kb() { awk '/^VmRSS/ { print $2 }' "/proc/$api_pid/status"; }

# Samples the API's RSS every 100 ms into $WORK/rss until killed.
start_sampler() {
  : >"$WORK/rss"
  ( while kill -0 "$api_pid" 2>/dev/null; do rss_kb >>"$WORK/rss"; sleep 0.1; done ) &
  sampler_pid=$!
}

stop_sampler() { kill "$sampler_pid" 2>/dev/null || true; wait "$sampler_pid" 2>/dev/null || true; sampler_pid=""; }

report() { # report <label> <baseline kB> <seconds>
  local peak
  peak=$(sort -n "$WORK/rss" | tail -1)
  printf '%-34s file %6.1f MB   API RSS %6.1f -> peak %6.1f MB   growth %6.1f MB   %5.1f s (%d samples)\n' \
    "$1" "$(echo "$SIZE / 1000000" | bc -l)" "$(echo "$2 / 1024" | bc -l)" "$(echo "$peak / 1024" | bc -l)" \
    "$(echo "($peak - $2) / 1024" | bc -l)" "$3" "$(wc -l <"$WORK/rss")"
}

# Warm the API (JIT, connection pools) with one small upload so the baseline is the steady state.
warm() { curl -fs -H "Authorization: Bearer $1" -X POST --data-binary $'a,b\n1,2\n3,4\n' "$API/api/v1/datasets?name=warm.csv" >/dev/null; }

echo "== 1. streamed through the API: POST /api/v1/datasets?name=… with a raw body"
start_api local
key=$(api_key)
warm "$key"
sleep 1
base=$(rss_kb)
start_sampler
started=$(date +%s.%N)
status=$(curl -s -o "$WORK/streamed.json" -w '%{http_code}' -H "Authorization: Bearer $key" -H 'Content-Type: text/csv' \
  -X POST -T "$CSV" "$API/api/v1/datasets?name=big.csv")
elapsed=$(echo "$(date +%s.%N) - $started" | bc -l)
sleep 0.3
stop_sampler
[ "$status" = 202 ] || { echo "upload answered $status: $(cat "$WORK/streamed.json")" >&2; exit 1; }
report "streamed (local store)" "$base" "$elapsed"
# Delete it, so repeated runs leave no 500 MB blobs behind.
curl -fs -o /dev/null -X DELETE -H "Authorization: Bearer $key" "$API/api/v1/datasets/$(python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])' <"$WORK/streamed.json")"
stop_api

echo "== 2. presigned multipart: the client PUTs the parts to s3rver, the API signs and completes"
start_api s3
key=$(api_key)
warm "$key"
sleep 1
base=$(rss_kb)
start_sampler
started=$(date +%s.%N)
to_api=0
to_store=0
call() { # call <json> <path>: a JSON call to the API; counts the bytes sent; prints the answer
  local out
  out=$(curl -fs -w '\n%{size_upload}' -H "Authorization: Bearer $key" -H 'Content-Type: application/json' -d "$1" "$API$2")
  to_api=$((to_api + $(tail -1 <<<"$out")))
  head -n -1 <<<"$out"
}
start_json=$(call "{\"name\":\"big.csv\",\"sizeBytes\":$SIZE}" /api/v1/datasets/uploads)
upload_id=$(python3 -c 'import json,sys; print(json.load(sys.stdin)["uploadId"])' <<<"$start_json")
part_size=$(python3 -c 'import json,sys; print(json.load(sys.stdin)["partSizeBytes"])' <<<"$start_json")
rm -rf "$WORK/parts" && mkdir -p "$WORK/parts"
split -b "$part_size" -d -a 4 "$CSV" "$WORK/parts/p"
parts_json=""
n=0
while IFS=$'\t' read -r number url; do
  part=$(printf '%s/parts/p%04d' "$WORK" $((number - 1)))
  headers=$(curl -fs -D - -o /dev/null -w '%{size_upload}' -T "$part" "$url")
  etag=$(grep -i '^etag:' <<<"$headers" | tr -d '\r' | cut -d' ' -f2-)
  to_store=$((to_store + $(tail -1 <<<"$headers")))
  parts_json+="${parts_json:+,}{\"partNumber\":$number,\"etag\":$(python3 -c 'import json,sys; print(json.dumps(sys.argv[1]))' "$etag")}"
  n=$((n + 1))
done < <(python3 -c 'import json,sys; [print(p["partNumber"], p["url"], sep="\t") for p in json.load(sys.stdin)["parts"]]' <<<"$start_json")
call "{\"parts\":[${parts_json}]}" "/api/v1/datasets/uploads/$upload_id/complete" >"$WORK/completed.json"
elapsed=$(echo "$(date +%s.%N) - $started" | bc -l)
sleep 0.3
stop_sampler
report "presigned multipart (s3rver)" "$base" "$elapsed"
echo "   $n parts of $((part_size / 1048576)) MiB: bytes sent to the API $to_api, to the store $to_store"
grep -q '"status":"ingesting"' "$WORK/completed.json" || { echo "complete answered: $(cat "$WORK/completed.json")" >&2; exit 1; }
curl -fs -o /dev/null -X DELETE -H "Authorization: Bearer $key" "$API/api/v1/datasets/$upload_id"
