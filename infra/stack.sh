#!/usr/bin/env bash
# The local stack: a Postgres cluster and a Redis instance of our own (not the system services),
# on loopback ports, with their data under the checkout. Idempotent: start twice, stop twice.
#
#   infra/stack.sh start [dev|test]   install what is missing, create and start
#   infra/stack.sh stop  [dev|test]
#   infra/stack.sh status [dev|test]
#   infra/stack.sh env   [dev|test]   print the environment the API, worker and tests read
#   infra/stack.sh psql  [dev|test]   a psql shell on the stack's database
set -euo pipefail

cmd="${1:-status}"
profile="${2:-${AUTOML_STACK:-dev}}"
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

case "$profile" in
  dev) pg_port="${AUTOML_PG_PORT:-54320}"; redis_port="${AUTOML_REDIS_PORT:-63790}" ;;
  test) pg_port="${AUTOML_PG_PORT:-54330}"; redis_port="${AUTOML_REDIS_PORT:-63800}" ;;
  *) echo "stack.sh: unknown profile '$profile' (dev or test)" >&2; exit 2 ;;
esac

log() { echo "[stack:$profile] $*" >&2; }
die() { echo "[stack:$profile] ERROR: $*" >&2; exit 1; }

pg_bin() {
  local d
  for d in /usr/lib/postgresql/*/bin; do [ -x "$d/initdb" ] && { echo "$d"; return; }; done
  return 1
}

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

ensure_packages() {
  local missing=()
  pg_bin >/dev/null || missing+=(postgresql)
  command -v redis-server >/dev/null || missing+=(redis-server)
  if [ ${#missing[@]} -gt 0 ]; then
    log "installing ${missing[*]} with apt-get"
    as_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
  pg_bin >/dev/null || die "PostgreSQL is not installed and apt-get could not install it"
  command -v redis-server >/dev/null || die "redis-server is not installed and apt-get could not install it"
}

# Postgres refuses to run as root, and the postgres user cannot enter a checkout under a private
# home (/root is mode 700): then the data lives under /tmp, keyed by the checkout's path.
data_root() {
  local inside="$repo/.data"
  if [ "$(id -u)" != 0 ] || runuser -u postgres -- test -x "$repo" 2>/dev/null; then
    echo "$inside"
  else
    echo "/tmp/automl-$(echo -n "$repo" | sha1sum | cut -c1-12)"
  fi
}

data="$(data_root)/$profile"
pgdata="$data/postgres"
redisdir="$data/redis"

run_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

pg_running() { [ -f "$pgdata/postmaster.pid" ] && run_pg "$(pg_bin)/pg_ctl" -D "$pgdata" status >/dev/null 2>&1; }
redis_running() { redis-cli -p "$redis_port" ping 2>/dev/null | grep -q PONG; }

start_postgres() {
  local bin; bin="$(pg_bin)"
  mkdir -p "$data"
  if [ "$(id -u)" = 0 ]; then chown postgres "$data"; fi
  if [ ! -s "$pgdata/PG_VERSION" ]; then
    log "creating the Postgres cluster in $pgdata"
    run_pg mkdir -p "$pgdata"
    run_pg "$bin/initdb" -D "$pgdata" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
    {
      echo "listen_addresses = '127.0.0.1'"
      echo "port = $pg_port"
      echo "unix_socket_directories = '$pgdata'"
      echo "max_connections = 300"
      echo "shared_buffers = 256MB"
      echo "logging_collector = off"
      if [ "$profile" = test ]; then
        # Test data is thrown away: durability buys nothing there, speed does.
        echo "fsync = off"; echo "synchronous_commit = off"; echo "full_page_writes = off"
      fi
    } | run_pg tee -a "$pgdata/postgresql.conf" >/dev/null
  fi
  if pg_running; then log "Postgres already running on 127.0.0.1:$pg_port"; return; fi
  run_pg "$bin/pg_ctl" -D "$pgdata" -l "$pgdata/server.log" -w -t 60 start >/dev/null \
    || { tail -20 "$pgdata/server.log" >&2; die "Postgres did not start (log above)"; }
  log "Postgres up on 127.0.0.1:$pg_port"
  # Created here rather than by the first migration, which would log a failed connection first.
  if ! run_pg psql -h "$pgdata" -p "$pg_port" -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname = 'automl'" | grep -q 1; then
    run_pg psql -h "$pgdata" -p "$pg_port" -U postgres -qc "CREATE DATABASE automl" >/dev/null
  fi
}

start_redis() {
  mkdir -p "$redisdir"
  if redis_running; then log "Redis already running on 127.0.0.1:$redis_port"; return; fi
  redis-server --port "$redis_port" --bind 127.0.0.1 --dir "$redisdir" --appendonly yes \
    --daemonize yes --pidfile "$redisdir/redis.pid" --logfile "$redisdir/redis.log" \
    --save "" --protected-mode yes >/dev/null
  for _ in $(seq 50); do redis_running && break; sleep 0.1; done
  redis_running || { tail -20 "$redisdir/redis.log" >&2; die "Redis did not start (log above)"; }
  log "Redis up on 127.0.0.1:$redis_port (append-only file on)"
}

stop_all() {
  if pg_running; then run_pg "$(pg_bin)/pg_ctl" -D "$pgdata" -m fast -w stop >/dev/null; log "Postgres stopped"; fi
  if redis_running; then redis-cli -p "$redis_port" shutdown >/dev/null 2>&1 || true; log "Redis stopped"; fi
}

print_env() {
  cat <<EOF
export ConnectionStrings__Postgres="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=automl"
export ConnectionStrings__Redis="127.0.0.1:$redis_port"
export AUTOML_DATA_DIR="$data"
EOF
}

case "$cmd" in
  start) ensure_packages; start_postgres; start_redis ;;
  stop) stop_all ;;
  status)
    pg_running && log "Postgres running on $pg_port" || log "Postgres stopped"
    redis_running && log "Redis running on $redis_port" || log "Redis stopped" ;;
  env) print_env ;;
  psql) exec psql -h 127.0.0.1 -p "$pg_port" -U postgres -d automl ;;
  *) echo "usage: infra/stack.sh start|stop|status|env|psql [dev|test]" >&2; exit 2 ;;
esac
