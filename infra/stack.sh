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

# Ports below Linux's ephemeral range (32768-60999): a port in it can be held by an outgoing connection in
# TIME_WAIT (seen after a load run), and the server then cannot bind it.
case "$profile" in
  dev) pg_port="${AUTOML_PG_PORT:-15432}"; redis_port="${AUTOML_REDIS_PORT:-16379}"; s3_port="${AUTOML_S3_PORT:-14569}" ;;
  test) pg_port="${AUTOML_PG_PORT:-15433}"; redis_port="${AUTOML_REDIS_PORT:-16380}"; s3_port="${AUTOML_S3_PORT:-14570}" ;;
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
s3dir="$data/s3"
# The test suite runs every blob test against s3rver too; locally it is opt-in (AUTOML_BLOBS=s3).
want_s3() { [ "$profile" = test ] || [ "${AUTOML_BLOBS:-local}" = s3 ]; }

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
  # The port on the command line wins over postgresql.conf, so a cluster made with older ports follows these.
  run_pg "$bin/pg_ctl" -D "$pgdata" -l "$pgdata/server.log" -o "-p $pg_port" -w -t 60 start >/dev/null \
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

s3_running() { curl -fsS -o /dev/null "http://127.0.0.1:$s3_port/" 2>/dev/null; }

start_s3() {
  want_s3 || return 0
  if s3_running; then log "s3rver already running on 127.0.0.1:$s3_port"; return; fi
  command -v npm >/dev/null || { log "installing nodejs and npm with apt-get"; as_root apt-get update -qq; DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq nodejs npm >/dev/null; }
  if [ ! -x "$repo/infra/s3/node_modules/.bin/s3rver" ]; then
    (cd "$repo/infra/s3" && npm ci --no-audit --no-fund --loglevel=error >/dev/null) || die "npm ci of s3rver failed"
  fi
  mkdir -p "$s3dir/data"
  nohup "$repo/infra/s3/node_modules/.bin/s3rver" -d "$s3dir/data" -a 127.0.0.1 -p "$s3_port" --silent \
    --configure-bucket automl >"$s3dir/s3rver.log" 2>&1 &
  echo $! >"$s3dir/s3rver.pid"
  for _ in $(seq 100); do s3_running && break; sleep 0.1; done
  s3_running || { tail -20 "$s3dir/s3rver.log" >&2; die "s3rver did not start (log above)"; }
  log "s3rver up on 127.0.0.1:$s3_port (bucket automl)"
}

stop_all() {
  if [ -f "$s3dir/s3rver.pid" ]; then kill "$(cat "$s3dir/s3rver.pid")" 2>/dev/null || true; rm -f "$s3dir/s3rver.pid"; log "s3rver stopped"; fi
  if pg_running; then run_pg "$(pg_bin)/pg_ctl" -D "$pgdata" -m fast -w stop >/dev/null; log "Postgres stopped"; fi
  if redis_running; then redis-cli -p "$redis_port" shutdown >/dev/null 2>&1 || true; log "Redis stopped"; fi
}

print_env() {
  cat <<EOF
export ConnectionStrings__Postgres="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=automl"
export ConnectionStrings__Redis="127.0.0.1:$redis_port"
export AUTOML_DATA_DIR="$data"
export AUTOML_TEST_S3_URL="http://127.0.0.1:$s3_port"
EOF
  if [ "$profile" = dev ] && [ "${AUTOML_BLOBS:-local}" = s3 ]; then
    cat <<EOF
export Blobs__Provider=s3
export Blobs__S3__ServiceUrl="http://127.0.0.1:$s3_port"
export Blobs__S3__Bucket=automl
export Blobs__S3__AccessKey=S3RVER
export Blobs__S3__SecretKey=S3RVER
EOF
  fi
}

case "$cmd" in
  start) ensure_packages; start_postgres; start_redis; start_s3 ;;
  stop) stop_all ;;
  status)
    pg_running && log "Postgres running on $pg_port" || log "Postgres stopped"
    redis_running && log "Redis running on $redis_port" || log "Redis stopped"
    s3_running && log "s3rver running on $s3_port" || log "s3rver stopped" ;;
  env) print_env ;;
  psql) exec psql -h 127.0.0.1 -p "$pg_port" -U postgres -d automl ;;
  *) echo "usage: infra/stack.sh start|stop|status|env|psql [dev|test]" >&2; exit 2 ;;
esac
