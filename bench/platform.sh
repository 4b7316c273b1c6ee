#!/usr/bin/env bash
# Platform benchmarks of issue 14: job submission, pickup by an idle worker, online prediction and
# live events, each next to a bare baseline (SELECT 1, GET /health/live, Redis PUBLISH) from the same run.
#
#   bench/platform.sh
#
# Starts the dev stack, publishes the API and the worker in Release to a temporary folder, runs them
# on a free loopback port against a fresh database and Redis prefix (so runs never collide with
# ./run.sh or each other), runs bench/Platform, prints one table and stops everything it started.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD

# The stack is shared with ./run.sh and other runs: at the end, stop only the parts this run started.
stack_before=$(infra/stack.sh status dev 2>&1)
infra/stack.sh start dev
eval "$(infra/stack.sh env dev)"

run_id=$(head -c 6 /dev/urandom | od -An -tx1 | tr -d ' \n')
tmp=$(mktemp -d "${TMPDIR:-/tmp}/automl-platform-bench.XXXXXX")
db="automl_bench_$run_id"
pg_port=$(sed -n 's/.*Port=\([0-9]*\).*/\1/p' <<<"$ConnectionStrings__Postgres")
redis_port=${ConnectionStrings__Redis##*:}
api_pid=""
worker_pid=""
ok=0

stop_pid() {
  local pid=$1
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 150); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.2; done
  kill -KILL "$pid" 2>/dev/null || true
}

stop_stack_parts_we_started() {
  local pg_was redis_was pg_ctl
  pg_was=$(grep -c "Postgres running" <<<"$stack_before" || true)
  redis_was=$(grep -c "Redis running" <<<"$stack_before" || true)
  if [ "$pg_was" = 0 ] && [ "$redis_was" = 0 ]; then infra/stack.sh stop dev; return; fi
  if [ "$redis_was" = 0 ]; then redis-cli -p "$redis_port" shutdown >/dev/null 2>&1 || true; fi
  if [ "$pg_was" = 0 ]; then
    pg_ctl=$(ls /usr/lib/postgresql/*/bin/pg_ctl | tail -1)
    if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$pg_ctl" -D "$AUTOML_DATA_DIR/postgres" -m fast -w stop >/dev/null || true
    else "$pg_ctl" -D "$AUTOML_DATA_DIR/postgres" -m fast -w stop >/dev/null || true; fi
  fi
}

cleanup() {
  stop_pid "$worker_pid"
  stop_pid "$api_pid"
  psql -h 127.0.0.1 -p "$pg_port" -U postgres -d postgres -qc "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1 || true
  redis-cli -p "$redis_port" --scan --pattern "automlbench$run_id:*" | xargs -r -n 500 redis-cli -p "$redis_port" del >/dev/null 2>&1 || true
  stop_stack_parts_we_started
  if [ "$ok" = 1 ]; then rm -rf "$tmp"; else echo "bench/platform.sh: failed; logs kept in $tmp" >&2; fi
}
trap cleanup EXIT

export ConnectionStrings__Postgres="${ConnectionStrings__Postgres/;Database=automl/;Database=$db}"
export AutoMl__RedisPrefix="automlbench$run_id:"
export AutoMl__RateLimits__Enabled=false
export AutoMl__RequestLog__SampleEvery=1   # the prediction row reads every request's Elapsed from the log
export AutoMl__InsecureCookies=true   # plain HTTP on 127.0.0.1 in the Production environment
export Blobs__Provider=local
export Blobs__LocalRoot="$tmp/blobs"
export DOTNET_CLI_TELEMETRY_OPTOUT=1

echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores" >&2
echo "publishing the API and the worker (Release) to $tmp" >&2
# As infra/multi.sh deploys it: ReadyToRun, so the first predictions run compiled code rather than the JIT's first tier.
rid=$(dotnet --info | awk '/^ *RID:/ {print $2; exit}')
dotnet publish src/Api -c Release -o "$tmp/api" -r "$rid" --self-contained false -p:PublishReadyToRun=true -nologo -v quiet >&2
dotnet publish src/Workers -c Release -o "$tmp/worker" -nologo -v quiet >&2
dotnet build bench/Platform -c Release -nologo -v quiet >&2

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
url="http://127.0.0.1:$port"
(cd "$tmp/api" && ASPNETCORE_URLS="$url" exec dotnet AutoMl.Api.dll) >"$tmp/api.log" 2>&1 &
api_pid=$!
for _ in $(seq 240); do
  curl -fsS -o /dev/null "$url/health/ready" 2>/dev/null && break
  kill -0 "$api_pid" 2>/dev/null || { tail -20 "$tmp/api.log" >&2; exit 1; }
  sleep 0.5
done
curl -fsS -o /dev/null "$url/health/ready" || { echo "the API did not become ready in 120 s" >&2; tail -20 "$tmp/api.log" >&2; exit 1; }
echo "API ready on $url (database $db)" >&2

# Niced as ./run.sh runs it: training shares the machine with the API under test.
(cd "$tmp/worker" && Worker__Queues=high,normal,low Worker__Count=1 exec nice -n 10 dotnet AutoMl.Workers.dll) >"$tmp/worker.log" 2>&1 &
worker_pid=$!
for _ in $(seq 240); do
  grep -q "Worker ready" "$tmp/worker.log" && break
  kill -0 "$worker_pid" 2>/dev/null || { tail -20 "$tmp/worker.log" >&2; exit 1; }
  sleep 0.5
done

export BENCH_URL="$url" BENCH_STATE="$tmp/state.json" BENCH_API_LOG="$tmp/api.log" BENCH_API_DLL="$tmp/api/AutoMl.Api.dll" \
  BENCH_DATASET="$repo/tests/data/ml/pima_diabetes.csv" BENCH_TARGET=diabetes
bench="dotnet bench/Platform/bin/Release/net10.0/AutoMl.Bench.Platform.dll"
echo "live phase: training job events, pickup, online prediction (worker running)" >&2
$bench live >&2
# Submissions run with the worker stopped, so queued jobs cost no CPU while they are measured.
stop_pid "$worker_pid"
worker_pid=""
echo "submission phase (worker stopped)" >&2
$bench submit
ok=1
