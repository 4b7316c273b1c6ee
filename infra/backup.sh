#!/usr/bin/env bash
# Encrypted backups of the platform: Postgres base backups plus continuous WAL archiving (so Postgres can be
# restored to any moment, infra/restore.sh), and a copy of the local blob store. Into the local blob store's
# "backups" folder, or S3/R2 when the platform's blobs are there. Every file is encrypted (gpg AES-256, ADR 0013)
# with AUTOML_BACKUP_KEY. See README, Backups.
#
#   infra/backup.sh setup          turn on WAL archiving in the platform's Postgres (restarts it, once)
#   infra/backup.sh base [--retention-days N]   a base backup, a copy of the local blobs, then prune (run daily)
#   infra/backup.sh flush          close the current WAL segment and wait until it is archived
#   infra/backup.sh prune [--retention-days N]  drop what is older than the retention (also done by base)
#   infra/backup.sh list           the base backups and the archived WAL
#   infra/backup.sh wal %p %f      Postgres's archive_command (set by setup)
#   infra/backup.sh wal-get %f %p  Postgres's restore_command (set by infra/restore.sh)
#
# Environment: AUTOML_BACKUP_KEY (required), ConnectionStrings__Postgres, Blobs__* (the platform's own),
# AUTOML_BACKUP_DIR (a local folder instead of <blob root>/backups), AUTOML_BACKUP_TO=local|s3,
# AUTOML_BACKUP_RETENTION_DAYS (30), AUTOML_BACKUP_ARCHIVE_TIMEOUT (60 s: the most a quiet database can lose).
set -euo pipefail

backup_name=backup
# shellcheck source=infra/backup-store.sh
source "$(dirname "${BASH_SOURCE[0]}")/backup-store.sh"
self="$backup_repo/infra/backup.sh"
work=""
cleanup() { gpg_cleanup; if [ -n "$work" ]; then rm -rf "$work"; fi; }
trap cleanup EXIT

retention_days="${AUTOML_BACKUP_RETENTION_DAYS:-30}"

usage() { sed -n '/^#   infra/,/^set -euo/p' "$self" | grep -v '^set' | sed 's/^# \{0,1\}//' >&2; exit 2; }

psql_value() { psql -X -v ON_ERROR_STOP=1 -tAc "$1"; }

new_work() { work="$(mktemp -d "${TMPDIR:-/tmp}/automl-backup.XXXXXX")"; }

# --- archive_command / restore_command: run by Postgres with the environment it was started with ---------------

cmd_wal() {
  [ $# -eq 2 ] || backup_die "usage: backup.sh wal <path> <file name> (Postgres's %p %f)"
  local path="$1" file="$2"
  require_key
  [ -n "${AUTOML_BACKUP_DIR:-}${Blobs__LocalRoot:-}${AUTOML_DATA_DIR:-}${Blobs__Provider:-}${AUTOML_BACKUP_TO:-}" ] \
    || backup_die "Postgres was started without the backup settings (AUTOML_BACKUP_DIR or Blobs__*); WAL stays in pg_wal until it is restarted with them"
  resolve_target
  new_work
  # The same segment may be offered twice (a crash after the copy): accept it if it is the same, never overwrite.
  if store_get "postgres/wal/$file.gpg" "$work/existing"; then
    if decrypt <"$work/existing" | cmp -s - "$path"; then return 0; fi
    backup_die "postgres/wal/$file.gpg is already archived with other contents: refusing to overwrite it"
  fi
  encrypt <"$path" >"$work/segment"
  store_put "postgres/wal/$file.gpg" "$work/segment"
}

cmd_wal_get() {
  [ $# -eq 2 ] || backup_die "usage: backup.sh wal-get <file name> <path> (Postgres's %f %p)"
  local file="$1" path="$2"
  require_key
  resolve_target
  new_work
  store_get "postgres/wal/$file.gpg" "$work/segment" || exit 1
  if ! decrypt <"$work/segment" >"$path.partial"; then
    rm -f "$path.partial"
    backup_die "postgres/wal/$file.gpg does not decrypt: another AUTOML_BACKUP_KEY, or a damaged file"
  fi
  mv -f "$path.partial" "$path"
}

# --- setup ------------------------------------------------------------------------------------------------------

cmd_setup() {
  require_key
  require_tools psql gpg
  fill_from_stack
  use_platform_postgres
  resolve_target
  local data owner timeout="${AUTOML_BACKUP_ARCHIVE_TIMEOUT:-60}"
  data="$(psql_value "SHOW data_directory")"
  [ "$(psql_value "SHOW wal_level")" != minimal ] || backup_die "wal_level is minimal: WAL archiving needs replica (Postgres's default)"
  [ -d "$data" ] || backup_die "the cluster's folder $data is not on this machine: set archive_mode = on and archive_command = '$self wal %p %f' there, and restart it with the backup environment"
  owner="$(stat -c %U "$data")"
  if [ "$target" = local ]; then
    # The archiver writes as the cluster's user, base backups as whoever runs them (root in cron, say).
    mkdir -p "$backup_dir/postgres/wal"
    [ "$(id -u)" != 0 ] || chown "$owner" "$backup_dir" "$backup_dir/postgres" "$backup_dir/postgres/wal"
    as_owner "$owner" test -w "$backup_dir/postgres/wal" || backup_die "$owner (the cluster's user) cannot write to $backup_dir/postgres/wal"
    export AUTOML_BACKUP_DIR="$backup_dir"
  fi
  as_owner "$owner" test -x "$self" || backup_die "$owner (the cluster's user) cannot run $self: put the checkout where it can"
  # A local folder is no secret: the command carries it, so only the key must come from Postgres's environment.
  local command="\"$self\" wal %p %f"
  [ "$target" != local ] || command="AUTOML_BACKUP_TO=local AUTOML_BACKUP_DIR=\"$backup_dir\" $command"
  [[ $command != *"'"* ]] || backup_die "the script's or the backup folder's path has a quote in it: move it"
  psql -X -q -v ON_ERROR_STOP=1 \
    -c "ALTER SYSTEM SET archive_mode = 'on'" \
    -c "ALTER SYSTEM SET archive_command = '$command'" \
    -c "ALTER SYSTEM SET archive_timeout = '${timeout}s'"
  # A restart, even when archiving was on: archive_mode needs one, and the archiver's environment (the key, the
  # destination) is the one Postgres starts with, so a new key takes effect only so.
  backup_log "restarting Postgres ($data) so the archiver starts with this environment"
  as_owner "$owner" "$(pg_tool pg_ctl)" -D "$data" -l "$data/server.log" -m fast -w -t 120 restart >/dev/null
  backup_log "WAL archiving on: every segment goes encrypted to $(describe_target) (at least every ${timeout} s)"
  if [ "$target" = local ]; then
    backup_log "Postgres must always be started with AUTOML_BACKUP_KEY in its environment"
  else
    backup_log "Postgres must always be started with AUTOML_BACKUP_KEY and the S3 settings (Blobs__S3__*) in its environment"
  fi
}

# --- base backup --------------------------------------------------------------------------------------------------

cmd_base() {
  retention_flag "$@"
  require_key
  require_tools psql gpg tar
  local basebackup; basebackup="$(pg_tool pg_basebackup)"
  fill_from_stack
  use_platform_postgres
  resolve_target
  [ "$(psql_value "SHOW archive_mode")" != off ] \
    || backup_die "WAL archiving is off in this Postgres: run 'infra/backup.sh setup' first (a base backup alone restores to one moment only)"
  new_work
  # The first segment the backup needs is at or after this one: pruning from here on keeps all it needs.
  local first_wal end name
  first_wal="$(psql_value "SELECT pg_walfile_name(pg_current_wal_lsn())")"
  backup_log "base backup of $PGHOST:${PGPORT:-5432} to $(describe_target)"
  # One tar on stdout, with the WAL written during the backup inside it (-X fetch): restorable on its own too.
  # (A socket in the data folder, as infra/stack.sh puts it, is skipped with a warning that says nothing useful.)
  "$basebackup" -D - -Ft -X fetch --checkpoint=fast --no-manifest -d "dbname=postgres" 2> >(grep -v 'skipping special file' >&2) \
    | encrypt >"$work/base.tar.gpg"
  end="$(stamp_now)"
  name="postgres/base/${end}_$first_wal/base.tar.gpg"
  store_put "$name" "$work/base.tar.gpg"
  backup_log "stored $name ($(stat -c %s "$work/base.tar.gpg") bytes)"
  rm -f "$work/base.tar.gpg"
  copy_blobs "$end"
  prune
}

# The local blob store, as one encrypted tar per day; a store in S3/R2 keeps its own versions (README, Backups).
copy_blobs() {
  local stamp="$1" root
  [ "$(echo "${Blobs__Provider:-local}" | tr '[:upper:]' '[:lower:]')" = local ] || { backup_log "blobs are in S3/R2: their bucket's versioning keeps them"; return 0; }
  root="$(local_blob_root)"
  if [ -z "$root" ] || [ ! -d "$root" ]; then
    backup_log "no local blob store found (Blobs__LocalRoot, AUTOML_DATA_DIR): no blobs copied"
    return 0
  fi
  root="$(cd "$root" && pwd)"
  local exclude=()
  if [ "$target" = local ]; then
    case "$backup_dir/" in "$root"/*) exclude=(--exclude "./${backup_dir#"$root"/}") ;; esac
  fi
  tar -C "$root" "${exclude[@]}" -cf - . | encrypt >"$work/blobs.tar.gpg"
  store_put "blobs/$stamp/blobs.tar.gpg" "$work/blobs.tar.gpg"
  backup_log "stored blobs/$stamp/blobs.tar.gpg ($(stat -c %s "$work/blobs.tar.gpg") bytes)"
  rm -f "$work/blobs.tar.gpg"
}

# --- retention ------------------------------------------------------------------------------------------------------

# Keeps every base backup newer than the retention and the newest older one (without it the first days of the window
# could not be restored); then drops the WAL none of them needs and the blob copies older than the retention.
prune() {
  if [[ ! $retention_days =~ ^[0-9]+$ ]] || [ "$retention_days" -lt 1 ]; then
    backup_die "the retention (--retention-days, AUTOML_BACKUP_RETENTION_DAYS) must be a whole number of days, at least 1"
  fi
  local cutoff backups keep=() older="" b file
  cutoff="$(date -u -d "-$retention_days days" +%Y%m%dT%H%M%S.%6NZ)"
  mapfile -t backups < <(base_backups)
  [ ${#backups[@]} -gt 0 ] || { backup_log "no base backup yet: nothing pruned"; return 0; }
  for b in "${backups[@]}"; do
    if [[ ${b%%_*} < $cutoff ]]; then older="$b"; else keep+=("$b"); fi
  done
  [ -z "$older" ] || keep=("$older" "${keep[@]}")
  for b in "${backups[@]}"; do
    if [[ " ${keep[*]} " != *" $b "* ]]; then
      while IFS= read -r file; do store_delete "$file"; done < <(store_list "postgres/base/$b/")
      backup_log "pruned base backup $b"
    fi
  done
  # WAL names are timeline (8 hex) then position (16 hex): what lies before the oldest kept backup's start goes.
  local oldest_position="${keep[0]#*_}" wal name dropped=0
  oldest_position="${oldest_position:8}"
  while IFS= read -r wal; do
    name="${wal#postgres/wal/}"
    [[ $name =~ ^[0-9A-F]{24} ]] || continue
    if [[ ${name:8:16} < $oldest_position ]]; then store_delete "$wal"; dropped=$((dropped + 1)); fi
  done < <(store_list postgres/wal/)
  [ "$dropped" -eq 0 ] || backup_log "pruned $dropped WAL file(s) older than base backup ${keep[0]}"
  while IFS= read -r b; do
    if [[ $(basename "$(dirname "$b")") < $cutoff ]]; then store_delete "$b"; backup_log "pruned $b"; fi
  done < <(store_list blobs/)
}

# --retention-days N (or AUTOML_BACKUP_RETENTION_DAYS) for base and prune.
retention_flag() {
  while [ $# -gt 0 ]; do
    case "$1" in
      --retention-days) [ $# -ge 2 ] || backup_die "--retention-days needs a number of days"; retention_days="$2"; shift 2 ;;
      *) backup_die "unknown option $1" ;;
    esac
  done
}

cmd_prune() {
  retention_flag "$@"
  require_key
  fill_from_stack
  resolve_target
  prune
}

# --- flush and list -----------------------------------------------------------------------------------------------

cmd_flush() {
  require_tools psql
  fill_from_stack
  use_platform_postgres
  local segment failed deadline=$((SECONDS + ${AUTOML_BACKUP_FLUSH_TIMEOUT:-60}))
  [ "$(psql_value "SHOW archive_mode")" != off ] || backup_die "WAL archiving is off in this Postgres: run 'infra/backup.sh setup' first"
  failed="$(psql_value "SELECT failed_count FROM pg_stat_archiver")"
  segment="$(psql_value "SELECT pg_walfile_name(pg_switch_wal())")"
  until [[ ! "$(psql_value "SELECT coalesce(last_archived_wal, '') FROM pg_stat_archiver")" < $segment ]]; do
    [ "$(psql_value "SELECT failed_count FROM pg_stat_archiver")" = "$failed" ] \
      || backup_die "archiving $segment failed: see the Postgres log (the archiver's message names the cause)"
    [ $SECONDS -lt $deadline ] || backup_die "$segment was not archived within ${AUTOML_BACKUP_FLUSH_TIMEOUT:-60} s"
    sleep 0.2
  done
  backup_log "WAL archived up to $segment"
}

cmd_list() {
  fill_from_stack
  resolve_target
  echo "base backups in $(describe_target) (end time _ first WAL segment):"
  base_backups | sed 's/^/  /'
  local wal
  wal="$(store_list postgres/wal/ | whole_names)"
  echo "archived WAL: $(grep -c . <<<"$wal") file(s), $(head -1 <<<"$wal" | sed 's|.*/||') .. $(tail -1 <<<"$wal" | sed 's|.*/||')"
  echo "blob copies: $(store_list blobs/ | whole_names | grep -c .)"
}

case "${1:-}" in
  setup) shift; cmd_setup "$@" ;;
  base) shift; cmd_base "$@" ;;
  wal) shift; cmd_wal "$@" ;;
  wal-get) shift; cmd_wal_get "$@" ;;
  flush) shift; cmd_flush "$@" ;;
  prune) shift; cmd_prune "$@" ;;
  list) shift; cmd_list "$@" ;;
  *) usage ;;
esac
