#!/usr/bin/env bash
# Capacity per core (issue 31): one API instance pinned to one core with taskset, under bench/load.sh's user mix, the
# users stepping up until a step misses p95 < 200 ms, p99 < 500 ms or < 0.1% errors; prints the users one core holds
# and the cores 10,000 users need. The generator, one worker (it trains the run's template model), Postgres and Redis
# run on the other cores. No nginx: the instance is measured, not the proxy.
#
#   bench/capacity.sh                                  steps 250,500,1000,1500,2000,3000 on core (nproc - 1)
#   CAPACITY_STEPS=500,1000 CAPACITY_CORE=1 bench/capacity.sh
#
# Knobs: CAPACITY_STEPS, CAPACITY_CORE (the API's core), CAPACITY_PORT=8090, and every LOAD_* of bench/load.sh
# (LOAD_HUBS defaults to 500 here, LOAD_JOBS_PER_SECOND to 0: training is a worker's cost, not the API's).
# Uses the dev stack (infra/stack.sh, honouring AUTOML_PG_PORT/AUTOML_REDIS_PORT/AUTOML_S3_PORT) and .build/multi
# (published here when missing). The exit code is the generator's.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
cores=$(nproc)
api_core="${CAPACITY_CORE:-$((cores - 1))}"
rest=$(seq -s, 0 $((cores - 1)) | tr ',' '\n' | grep -vx "$api_core" | paste -sd, -)
[ -n "$rest" ] || { echo "[capacity] needs at least two cores: one for the API, the rest for everything else" >&2; exit 2; }
port="${CAPACITY_PORT:-8090}"
run="$repo/.data/capacity"
out="$repo/.build/multi"
mkdir -p "$run"

infra/stack.sh start dev >&2
eval "$(infra/stack.sh env dev)"
if [ ! -f "$out/api/AutoMl.Api.dll" ] || [ ! -f "$out/worker/AutoMl.Workers.dll" ]; then
  echo "[capacity] publishing src/Api and src/Workers to .build/multi" >&2
  dotnet publish src/Api/AutoMl.Api.csproj -c Release -o "$out/api" --nologo -v quiet >&2
  dotnet publish src/Workers/AutoMl.Workers.csproj -c Release -o "$out/worker" --nologo -v quiet >&2
fi
export AutoMl__PublicUrl="http://127.0.0.1:$port" AutoMl__InsecureCookies=true AutoMl__WebRoot="$repo/web/placeholder"
export ASPNETCORE_ENVIRONMENT=Production DOTNET_ENVIRONMENT=Production DOTNET_CLI_TELEMETRY_OPTOUT=1

pids=()
cleanup() { for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT
ASPNETCORE_URLS="http://127.0.0.1:$port" taskset -c "$api_core" dotnet "$out/api/AutoMl.Api.dll" --contentRoot "$out/api" >"$run/api.log" 2>&1 &
api_pid=$!; pids+=("$api_pid")
Worker__Queues=high,normal,low Worker__Count=1 taskset -c "$rest" dotnet "$out/worker/AutoMl.Workers.dll" --contentRoot "$out/worker" >"$run/worker.log" 2>&1 &
pids+=("$!")
for _ in $(seq 240); do curl -fsS -o /dev/null --max-time 2 "http://127.0.0.1:$port/health/ready" 2>/dev/null && break; sleep 0.5; done
curl -fsS -o /dev/null --max-time 2 "http://127.0.0.1:$port/health/ready" || { tail -30 "$run/api.log" >&2; echo "[capacity] the API did not become ready" >&2; exit 1; }
echo "[capacity] API pid $api_pid on core $api_core (127.0.0.1:$port); generator, worker, Postgres and Redis share cores $rest; load average $(cut -d' ' -f1-3 /proc/loadavg)" >&2

dotnet build bench/Load -c Release -nologo -v quiet >&2
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
export LOAD_REPO="$repo" LOAD_POSTGRES="$ConnectionStrings__Postgres" LOAD_REDIS="$ConnectionStrings__Redis"
export LOAD_URL="http://127.0.0.1:$port" LOAD_INSTANCES="http://127.0.0.1:$port" LOAD_API_PIDS="$api_pid" LOAD_CAPACITY_CORES=1
export LOAD_STEPS="${CAPACITY_STEPS:-250,500,1000,1500,2000,3000}" LOAD_HUBS="${LOAD_HUBS:-500}" LOAD_JOBS_PER_SECOND="${LOAD_JOBS_PER_SECOND:-0}"
set +e
taskset -c "$rest" dotnet bench/Load/bin/Release/net10.0/AutoMl.Bench.Load.dll "$@"
code=$?
set -e
exit "$code"
