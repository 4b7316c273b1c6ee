#!/usr/bin/env bash
# Load and fault runs of issue 18 against the multi-instance stack (nginx on 127.0.0.1:8080, three API
# instances, three workers; infra/multi.sh), with bench/Load as the load generator.
#
#   bench/load.sh            step run: 250, 500, 1000, ... 10,000 users until errors >= 0.1% or a p99 >= 500 ms
#   bench/load.sh --faults   fault run: 1,000 users for 150 s while an API instance and a worker are killed
#                            with -9 and Redis restarts; then every accepted job must end, the ledger must add up
#   LOAD_SURGE=1 bench/load.sh  surge: after seeding, the API instances restart (infra/multi.sh restart-apis) and the
#                            top step's users and the hub connections arrive at once on them, no warm-up, measured from 0 s
#   LOAD_COST=1 bench/load.sh   also the cost probe after the warm-up: per route, the API processes' CPU ms, Redis commands
#                            and Postgres transactions per request beside GET /health/live's (LOAD_COST=only: just that)
#   bench/load.sh --alias-moves  200 predictions/s through one endpoint while its production alias moves ten times:
#                            no request may fail, and every answer must name a version that held the alias meanwhile
#
# Starts infra/multi.sh when nginx does not answer and stops it at the end only if it started it.
# Knobs (environment): LOAD_STEPS=250,500,... LOAD_STEP_SECONDS=40 LOAD_THINK_SECONDS=8 LOAD_HUBS=2000
# LOAD_JOBS_PER_SECOND LOAD_FAULT_USERS=1000 LOAD_FAULT_SECONDS=150 LOAD_RESULT=path.json (see bench/Load/LoadSettings.cs).
# The output is the report; the exit code is 0 when the run's verdict is PASS.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
started_multi=0

if ! curl -fsS -o /dev/null --max-time 3 http://127.0.0.1:8080/health/ready 2>/dev/null; then
  echo "[load.sh] starting infra/multi.sh" >&2
  infra/multi.sh start >&2
  started_multi=1
fi
cleanup() { if [ "$started_multi" = 1 ]; then infra/multi.sh stop >&2 || true; fi; }
trap cleanup EXIT

eval "$(infra/stack.sh env dev)"
export LOAD_REPO="$repo" LOAD_POSTGRES="$ConnectionStrings__Postgres" LOAD_REDIS="$ConnectionStrings__Redis" DOTNET_CLI_TELEMETRY_OPTOUT=1
export LOAD_SURGE_RESTART="${LOAD_SURGE_RESTART:-infra/multi.sh restart-apis}"
echo "[load.sh] machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; load average $(cut -d' ' -f1-3 /proc/loadavg)" >&2
dotnet build bench/Load -c Release -nologo -v quiet >&2
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
dotnet bench/Load/bin/Release/net10.0/AutoMl.Bench.Load.dll "$@"
