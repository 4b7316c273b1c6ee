#!/usr/bin/env bash
# Starts the whole platform on this machine: Postgres and Redis (infra/stack.sh), the API serving the
# dashboard on http://127.0.0.1:8080, and one worker. Foreground; Ctrl-C stops everything.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
repo="$(pwd)"
port="${AUTOML_PORT:-8080}"

command -v dotnet >/dev/null || { echo "run.sh: the .NET 10 SDK is required (dotnet on PATH); see README.md" >&2; exit 1; }

infra/stack.sh start dev
eval "$(infra/stack.sh env dev)"

echo "[run] restoring and building (Release)"
dotnet tool restore >/dev/null
infra/web.sh build
out="$repo/.build/run"
dotnet publish src/Api/AutoMl.Api.csproj -c Release -o "$out/api" --nologo -v quiet
dotnet publish src/Workers/AutoMl.Workers.csproj -c Release -o "$out/worker" --nologo -v quiet

export AutoMl__PublicUrl="http://127.0.0.1:$port"
export AutoMl__LogEmailBodies=true
# Plain HTTP on 127.0.0.1: the session and anti-forgery cookies cannot be Secure here (never set in production).
export AutoMl__InsecureCookies=true
export AutoMl__WebRoot="$repo/web/dist"
[ -f "$repo/web/dist/index.html" ] || export AutoMl__WebRoot="$repo/web/placeholder"

pids=()
stop() {
  trap - INT TERM EXIT
  # Ctrl-C may have closed the terminal pipe (./run.sh | tee …): writing must not end the clean-up half-way.
  trap '' PIPE
  echo "[run] stopping" 2>/dev/null || true
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  infra/stack.sh stop dev >/dev/null 2>&1 || true
}
trap stop INT TERM EXIT

ASPNETCORE_URLS="http://127.0.0.1:$port" dotnet "$out/api/AutoMl.Api.dll" --contentRoot "$out/api" &
pids+=($!)
# The API applies migrations; the worker starts once it is ready.
for _ in $(seq 120); do
  curl -fsS "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1 && break
  kill -0 "${pids[0]}" 2>/dev/null || { echo "[run] the API exited during start-up (log above)" >&2; exit 1; }
  sleep 0.5
done
curl -fsS "http://127.0.0.1:$port/health/ready" >/dev/null || { echo "[run] the API did not become ready" >&2; exit 1; }
# Niced: on one machine, training (every core for the whole budget) must not slow the API and the dashboard.
nice -n 10 dotnet "$out/worker/AutoMl.Workers.dll" --contentRoot "$out/worker" --Worker:Count=2 &
pids+=($!)

cat <<MSG

  AutoMl is running: open http://127.0.0.1:$port
  API reference:     http://127.0.0.1:$port/scalar
  Stop with Ctrl-C.

MSG
wait -n "${pids[@]}"
echo "[run] a process exited; stopping the rest" >&2
