#!/usr/bin/env bash
# Restores the platform's Postgres to a moment in time into a new cluster, from the encrypted base backups and WAL
# that infra/backup.sh wrote (README, Backups). The running cluster is not touched.
#
#   infra/restore.sh --to "<time>" [--port N] [--data DIR] [--blobs DIR]
#
#   --to      any time GNU date reads ("2026-12-04 21:30:00+00", "1 hour ago"); a time without a zone is UTC
#   --port    the new cluster's port (AUTOML_RESTORE_PORT, default 15499), on 127.0.0.1
#   --data    its folder, new or empty (AUTOML_RESTORE_DATA, default ./restored-<time>)
#   --blobs   also unpack the newest copy of the local blob store taken before that time into DIR
#
# Needs AUTOML_BACKUP_KEY and the same backup settings as infra/backup.sh. Prints the new connection string.
set -euo pipefail

backup_name=restore
# shellcheck source=infra/backup-store.sh
source "$(dirname "${BASH_SOURCE[0]}")/backup-store.sh"
work=""
cleanup() { gpg_cleanup; if [ -n "$work" ]; then rm -rf "$work"; fi; }
trap cleanup EXIT

to="" port="${AUTOML_RESTORE_PORT:-15499}" data="${AUTOML_RESTORE_DATA:-}" blobs=""
while [ $# -gt 0 ]; do
  case "$1" in --to|--port|--data|--blobs) [ $# -ge 2 ] || backup_die "$1 needs a value" ;; esac
  case "$1" in
    --to) to="${2:-}"; shift 2 ;;
    --port) port="${2:-}"; shift 2 ;;
    --data) data="${2:-}"; shift 2 ;;
    --blobs) blobs="${2:-}"; shift 2 ;;
    *) sed -n '/^#   infra/,/^# Needs/p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
  esac
done

[ -n "$to" ] || backup_die "say which moment to restore to: --to \"2026-12-04 21:30:00+00\""
require_key
require_tools gpg tar psql
pg_ctl="$(pg_tool pg_ctl)"
[[ $port =~ ^[0-9]+$ ]] || backup_die "--port must be a number"
target_time="$(TZ=UTC date -d "$to" '+%Y-%m-%d %H:%M:%S.%6N+00' 2>/dev/null)" || backup_die "cannot read the time '$to'"
target_stamp="$(TZ=UTC stamp_of "$to")"
[[ ! $target_stamp > $(stamp_now) ]] || backup_die "$target_time is in the future"
fill_from_stack
resolve_target
use_platform_postgres

# The newest base backup that had ended by then; WAL from the archive carries it forward to the moment.
chosen=""
while IFS= read -r b; do [[ ${b%%_*} < $target_stamp ]] && chosen="$b"; done < <(base_backups)
[ -n "$chosen" ] || backup_die "no base backup in $(describe_target) had finished by $target_time (run infra/backup.sh list)"
backup_log "restoring to $target_time from base backup $chosen in $(describe_target)"

data="${data:-$(pwd)/restored-${target_stamp%%.*}}"
case "$data" in /*) ;; *) data="$(pwd)/$data" ;; esac
[ ! -e "$data" ] || [ -z "$(ls -A "$data")" ] || backup_die "$data is not empty: restore into a new folder"
if pg_isready -q -h 127.0.0.1 -p "$port" 2>/dev/null; then backup_die "port $port is taken: choose another with --port"; fi
owner="$(id -un)"; [ "$owner" != root ] || owner=postgres
mkdir -p "$data"
chmod 700 "$data"
[ "$owner" = "$(id -un)" ] || chown "$owner" "$data"
as_owner "$owner" test -w "$data" || backup_die "$owner cannot write to $data (Postgres runs as $owner): choose a folder it can reach"

work="$(mktemp -d "${TMPDIR:-/tmp}/automl-restore.XXXXXX")"
store_get "postgres/base/$chosen/base.tar.gpg" "$work/base.tar.gpg" || backup_die "base backup $chosen vanished while restoring"
decrypt <"$work/base.tar.gpg" | as_owner "$owner" tar -x -C "$data"
rm -f "$work/base.tar.gpg"

# Postgres's restore_command runs this script's sibling with the environment pg_ctl starts it with (the key, the
# destination). The new cluster does not archive: it must not write into the backups it is restored from.
export AUTOML_BACKUP_TO="$target"
[ "$target" != local ] || export AUTOML_BACKUP_DIR="$backup_dir"
as_owner "$owner" test -x "$backup_repo/infra/backup.sh" || backup_die "$owner cannot run $backup_repo/infra/backup.sh"
restore_command="\"$backup_repo/infra/backup.sh\" wal-get %f %p"
[ "$target" != local ] || restore_command="AUTOML_BACKUP_TO=local AUTOML_BACKUP_DIR=\"$backup_dir\" $restore_command"
[[ $restore_command != *"'"* ]] || backup_die "the script's or the backup folder's path has a quote in it: move it"
{
  echo "# infra/restore.sh: restored to $target_time from $chosen"
  echo "port = $port"
  echo "listen_addresses = '127.0.0.1'"
  echo "unix_socket_directories = '$data'"
  echo "archive_mode = 'off'"
  echo "restore_command = '$restore_command'"
  echo "recovery_target_time = '$target_time'"
  echo "recovery_target_action = 'promote'"
} | as_owner "$owner" tee -a "$data/postgresql.auto.conf" >/dev/null
as_owner "$owner" touch "$data/recovery.signal"

as_owner "$owner" "$pg_ctl" -D "$data" -l "$data/server.log" -o "-p $port" -w -t 600 start >/dev/null \
  || { tail -20 "$data/server.log" >&2; backup_die "the restored cluster did not start (log above)"; }
deadline=$((SECONDS + ${AUTOML_RESTORE_TIMEOUT:-3600}))
until [ "$(psql -X -h 127.0.0.1 -p "$port" -U "${PGUSER:-postgres}" -d postgres -tAc "SELECT pg_is_in_recovery()" 2>/dev/null)" = f ]; do
  if ! as_owner "$owner" "$pg_ctl" -D "$data" status >/dev/null 2>&1; then
    tail -20 "$data/server.log" >&2
    backup_die "recovery stopped before $target_time (log above): is WAL up to that moment archived? (infra/backup.sh flush)"
  fi
  [ $SECONDS -lt $deadline ] || backup_die "recovery had not reached $target_time after ${AUTOML_RESTORE_TIMEOUT:-3600} s"
  sleep 0.2
done
backup_log "Postgres restored to $target_time in $data, on 127.0.0.1:$port (stop it: $pg_ctl -D $data stop)"

if [ -n "$blobs" ]; then
  copy=""
  while IFS= read -r b; do
    stamp="$(basename "$(dirname "$b")")"
    [[ $stamp < $target_stamp ]] && copy="$b"
  done < <(store_list blobs/ | whole_names)
  [ -n "$copy" ] || backup_die "no copy of the blob store was taken before $target_time"
  mkdir -p "$blobs"
  store_get "$copy" "$work/blobs.tar.gpg" || backup_die "$copy vanished while restoring"
  decrypt <"$work/blobs.tar.gpg" | tar -x -C "$blobs"
  backup_log "blobs from $copy unpacked into $blobs"
fi

# The roles are the backed-up cluster's: the same user (and password, not printed) as before.
echo "Host=127.0.0.1;Port=$port;Username=${PGUSER:-postgres};Database=${PGDATABASE:-automl}"
