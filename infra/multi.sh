#!/usr/bin/env bash
# The local stack in its multi-instance mode (issue 18): nginx on 127.0.0.1:8080 in front of three API
# instances on 127.0.0.1:8081-8083, and three workers (two serving high,normal, one serving low), on
# the dev stack's Postgres and Redis. Background processes; pid files and logs under .data/multi.
#
#   infra/multi.sh start     start Postgres/Redis (infra/stack.sh start dev), publish once, start all
#   infra/multi.sh stop      stop nginx, the workers and the API instances (the dev stack keeps running;
#                            infra/stack.sh stop dev stops it)
#   infra/multi.sh status
#   infra/multi.sh restart-apis  stop the three API instances and start them again, ready (bench/load.sh's surge mode:
#                            freshly started instances; nginx and the workers keep running)
#
# Environment: AUTOML_MULTI_SKIP_PUBLISH=1 reuses .build/multi as it is. AUTOML_TLS_CERT and
# AUTOML_TLS_KEY (paths to a certificate chain and its key) add a TLS server on 127.0.0.1:8443
# (AUTOML_TLS_LISTEN) rendered from infra/nginx/tls.conf.template. Other settings of the API and
# workers pass through the environment (ConnectionStrings__PostgresRead, OTEL_EXPORTER_OTLP_ENDPOINT, ...).
set -euo pipefail

cmd="${1:-status}"
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
run="$repo/.data/multi"
out="$repo/.build/multi"
ngx_prefix="$repo/.data/nginx"
ngx_conf="$repo/infra/nginx/nginx.conf"
api_ports=(8081 8082 8083)
# name:queues — the split of DESIGN.md: high+normal on two processes, low on its own.
workers=("worker-fast-1:high,normal" "worker-fast-2:high,normal" "worker-low:low")
edge="http://127.0.0.1:8080"

log() { echo "[multi] $*" >&2; }
die() { echo "[multi] ERROR: $*" >&2; exit 1; }

alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

render_tls() {
  local out_conf="$repo/infra/nginx/tls.d/automl-tls.conf" out_redirect="$repo/infra/nginx/tls.d/automl-tls.redirect"
  if [ -n "${AUTOML_TLS_CERT:-}" ] && [ -n "${AUTOML_TLS_KEY:-}" ]; then
    [ -r "$AUTOML_TLS_CERT" ] && [ -r "$AUTOML_TLS_KEY" ] || die "AUTOML_TLS_CERT or AUTOML_TLS_KEY is not a readable file"
    local listen="${AUTOML_TLS_LISTEN:-127.0.0.1:8443}" suffix=""
    [ "${listen##*:}" = 443 ] || suffix=":${listen##*:}"
    AUTOML_TLS_LISTEN="$listen" envsubst '${AUTOML_TLS_CERT} ${AUTOML_TLS_KEY} ${AUTOML_TLS_LISTEN}' \
      <"$repo/infra/nginx/tls.conf.template" >"$out_conf"
    AUTOML_TLS_PORT_SUFFIX="$suffix" envsubst '${AUTOML_TLS_PORT_SUFFIX}' <"$repo/infra/nginx/tls-redirect.template" >"$out_redirect"
    log "TLS server on $listen with $AUTOML_TLS_CERT; plain HTTP redirects to it (but /health/)"
  else
    rm -f "$out_conf" "$out_redirect"
  fi
}

nginx_cmd() { nginx -c "$ngx_conf" -p "$ngx_prefix/" -e "$ngx_prefix/logs/error.log" "$@"; }

wait_ready() { # url pidfile seconds
  local url="$1" pidfile="$2" n=$(( $3 * 2 ))
  for _ in $(seq "$n"); do
    curl -fsS -o /dev/null "$url" 2>/dev/null && return 0
    alive "$pidfile" || return 1
    sleep 0.5
  done
  return 1
}

start_api() { # port
  local port="$1" pidfile="$run/api-$1.pid"
  if alive "$pidfile"; then log "API on 127.0.0.1:$port already running (pid $(cat "$pidfile"))"; return; fi
  ASPNETCORE_URLS="http://127.0.0.1:$port" nohup dotnet "$out/api/AutoMl.Api.dll" --contentRoot "$out/api" \
    >"$run/api-$port.log" 2>&1 &
  echo $! >"$pidfile"
}

start_worker() { # name queues
  local name="$1" queues="$2" pidfile="$run/$1.pid"
  if alive "$pidfile"; then log "$name already running (pid $(cat "$pidfile"))"; return; fi
  Worker__Queues="$queues" nohup dotnet "$out/worker/AutoMl.Workers.dll" --contentRoot "$out/worker" \
    >"$run/$name.log" 2>&1 &
  echo $! >"$pidfile"
  log "$name (queues $queues) started, pid $!"
}

api_env() { # what every API instance runs with
  export AutoMl__PublicUrl="$edge"
  export AutoMl__LogEmailBodies=true
  # Plain HTTP on 127.0.0.1:8080: the cookies cannot be Secure there (over the optional TLS server they still are).
  export AutoMl__InsecureCookies="${AutoMl__InsecureCookies:-true}"
  export AutoMl__WebRoot="$repo/web/dist"
  [ -f "$repo/web/dist/index.html" ] || export AutoMl__WebRoot="$repo/web/placeholder"
  export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Production}"
  export DOTNET_ENVIRONMENT="${DOTNET_ENVIRONMENT:-Production}"
}

start() {
  command -v dotnet >/dev/null || die "the .NET 10 SDK is required (dotnet on PATH)"
  if ! command -v nginx >/dev/null; then
    log "installing nginx with apt-get"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx-light >/dev/null \
      || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx >/dev/null
  fi
  command -v nginx >/dev/null || die "nginx is not installed and apt-get could not install it"
  mkdir -p "$run" "$ngx_prefix/logs" "$ngx_prefix/temp"

  "$repo/infra/stack.sh" start dev
  eval "$("$repo/infra/stack.sh" env dev)"

  if [ "${AUTOML_MULTI_SKIP_PUBLISH:-0}" != 1 ] || [ ! -f "$out/api/AutoMl.Api.dll" ]; then
    log "publishing src/Api and src/Workers (Release) to .build/multi"
    "$repo/infra/web.sh" build
    # Ahead-of-time compiled (ReadyToRun): a restarted instance serves its first crowd without JIT-compiling every
    # path first (issue 31, surge mode). The runtime identifier is this machine's.
    rid=$(dotnet --info | awk '/^ *RID:/ {print $2; exit}')
    rm -rf "$out/api"
    dotnet publish "$repo/src/Api/AutoMl.Api.csproj" -c Release -o "$out/api" --nologo -v quiet \
      -r "$rid" --self-contained false -p:PublishReadyToRun=true
    dotnet publish "$repo/src/Workers/AutoMl.Workers.csproj" -c Release -o "$out/worker" --nologo -v quiet
  fi

  api_env

  # The first instance applies the migrations; the others start once it is ready.
  start_api "${api_ports[0]}"
  wait_ready "http://127.0.0.1:${api_ports[0]}/health/ready" "$run/api-${api_ports[0]}.pid" 120 \
    || { tail -30 "$run/api-${api_ports[0]}.log" >&2; die "the first API instance did not become ready (log above)"; }
  log "API 127.0.0.1:${api_ports[0]} ready (migrated), pid $(cat "$run/api-${api_ports[0]}.pid")"
  for port in "${api_ports[@]:1}"; do start_api "$port"; done
  for port in "${api_ports[@]:1}"; do
    wait_ready "http://127.0.0.1:$port/health/ready" "$run/api-$port.pid" 120 \
      || { tail -30 "$run/api-$port.log" >&2; die "API 127.0.0.1:$port did not become ready (log above)"; }
    log "API 127.0.0.1:$port ready, pid $(cat "$run/api-$port.pid")"
  done

  for w in "${workers[@]}"; do start_worker "${w%%:*}" "${w#*:}"; done

  render_tls
  if alive "$ngx_prefix/logs/nginx.pid"; then
    nginx_cmd -s reload; log "nginx reloaded"
  else
    nginx_cmd -t -q || die "nginx -t failed for $ngx_conf"
    nginx_cmd
    log "nginx started"
  fi
  wait_ready "$edge/health/ready" "$ngx_prefix/logs/nginx.pid" 20 || die "$edge/health/ready does not answer through nginx"
  sleep 1
  for w in "${workers[@]}"; do alive "$run/${w%%:*}.pid" || { tail -30 "$run/${w%%:*}.log" >&2; die "${w%%:*} exited (log above)"; }; done
  cat <<MSG

  AutoMl (multi-instance) is running behind nginx: $edge
  API instances: 127.0.0.1:${api_ports[*]}   workers: ${workers[*]}
  Logs: .data/multi/*.log, .data/nginx/logs/   Stop with: infra/multi.sh stop

MSG
}

stop_pid() { # pidfile label
  local pidfile="$1" label="$2" pid
  [ -f "$pidfile" ] || return 0
  pid="$(cat "$pidfile")"
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    if kill -0 "$pid" 2>/dev/null; then kill -KILL "$pid" 2>/dev/null || true; log "$label (pid $pid) killed after 30 s"; else log "$label (pid $pid) stopped"; fi
  fi
  rm -f "$pidfile"
}

stop() {
  if alive "$ngx_prefix/logs/nginx.pid"; then
    nginx_cmd -s quit
    for _ in $(seq 40); do alive "$ngx_prefix/logs/nginx.pid" || break; sleep 0.25; done
    log "nginx stopped"
  fi
  for w in "${workers[@]}"; do stop_pid "$run/${w%%:*}.pid" "${w%%:*}" & done
  wait
  for port in "${api_ports[@]}"; do stop_pid "$run/api-$port.pid" "API 127.0.0.1:$port" & done
  wait
}

restart_apis() {
  eval "$("$repo/infra/stack.sh" env dev)"
  api_env
  for port in "${api_ports[@]}"; do stop_pid "$run/api-$port.pid" "API 127.0.0.1:$port" & done
  wait
  for port in "${api_ports[@]}"; do start_api "$port"; done
  for port in "${api_ports[@]}"; do
    wait_ready "http://127.0.0.1:$port/health/ready" "$run/api-$port.pid" 120 \
      || { tail -30 "$run/api-$port.log" >&2; die "API 127.0.0.1:$port did not become ready (log above)"; }
    log "API 127.0.0.1:$port ready, pid $(cat "$run/api-$port.pid")"
  done
}

status() {
  alive "$ngx_prefix/logs/nginx.pid" && log "nginx running (pid $(cat "$ngx_prefix/logs/nginx.pid"))" || log "nginx stopped"
  for port in "${api_ports[@]}"; do alive "$run/api-$port.pid" && log "API 127.0.0.1:$port running (pid $(cat "$run/api-$port.pid"))" || log "API 127.0.0.1:$port stopped"; done
  for w in "${workers[@]}"; do alive "$run/${w%%:*}.pid" && log "${w%%:*} running (pid $(cat "$run/${w%%:*}.pid"))" || log "${w%%:*} stopped"; done
}

case "$cmd" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  restart-apis) restart_apis ;;
  *) echo "usage: infra/multi.sh start|stop|status|restart-apis" >&2; exit 2 ;;
esac
