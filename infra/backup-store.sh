#!/usr/bin/env bash
# Shared by infra/backup.sh and infra/restore.sh (sourced, not run): where backups live (a local folder or an
# S3/R2 bucket), how they are encrypted (gpg, ADR 0013), and how Postgres is reached. Settings come only from the
# environment; the key (AUTOML_BACKUP_KEY) is never printed, never on a command line, never written to disk.

# The sourcing script sets backup_name (the prefix of its messages).
backup_name="${backup_name:-backup}"
backup_log() { echo "[$backup_name] $*" >&2; }
backup_die() { echo "[$backup_name] ERROR: $*" >&2; exit 1; }

backup_repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

require_tools() {
  local tool missing=()
  for tool in "$@"; do command -v "$tool" >/dev/null || missing+=("$tool"); done
  [ ${#missing[@]} -eq 0 ] || backup_die "missing tool(s): ${missing[*]} (Debian: apt-get install postgresql-client gnupg curl)"
}

pg_tool() {
  local d
  for d in /usr/lib/postgresql/*/bin; do [ -x "$d/$1" ] && { echo "$d/$1"; return; }; done
  command -v "$1" || backup_die "$1 is missing (Debian: apt-get install postgresql)"
}

gpg_home=""
require_key() {
  [ -n "${AUTOML_BACKUP_KEY:-}" ] || backup_die "AUTOML_BACKUP_KEY is not set: every backup is encrypted with it, so nothing runs without it. Make one with 'openssl rand -base64 32' and keep it outside this machine (see README, Backups)."
  [ ${#AUTOML_BACKUP_KEY} -ge 16 ] || backup_die "AUTOML_BACKUP_KEY is shorter than 16 characters: use 'openssl rand -base64 32'."
  if ! command -v gpg >/dev/null || ! command -v gpg-agent >/dev/null; then
    backup_die "gpg or its agent is missing (Debian: apt-get install gnupg)"
  fi
  [ -n "$gpg_home" ] || gpg_home="$(mktemp -d "${TMPDIR:-/tmp}/automl-gpg.XXXXXX")"
}

# --- encryption: gpg, symmetric AES-256 with integrity protection (MDC); the passphrase goes over fd 3 -------------

gpg_cleanup() {
  if [ -n "$gpg_home" ]; then
    gpgconf --homedir "$gpg_home" --kill gpg-agent 2>/dev/null || true
    rm -rf "$gpg_home"
    gpg_home=""
  fi
}

# gpg 2.2 hands even a symmetric passphrase to an agent: a throw-away home keeps it off the user's keyring, and
# gpg_cleanup ends that agent.
# The home is made by require_key, in the script's own shell: encrypt and decrypt run in pipelines (subshells),
# whose assignments the EXIT trap would not see.
gpg_run() {
  gpg --homedir "$gpg_home" --batch --quiet --no-tty --yes --pinentry-mode loopback --no-symkey-cache \
    --passphrase-fd 3 "$@" 3<<<"$AUTOML_BACKUP_KEY"
}

encrypt() { gpg_run --symmetric --cipher-algo AES256 --s2k-digest-algo SHA512 --compress-algo zlib --compress-level 1 --output - ; }
decrypt() { gpg_run --decrypt --output - ; }

# --- the platform's Postgres ----------------------------------------------------------------------------------

# Reads ConnectionStrings__Postgres (Npgsql's form) into libpq's variables, so psql and pg_basebackup reach the
# same database as the platform; the password stays in the environment.
use_platform_postgres() {
  local cs="${ConnectionStrings__Postgres:-}" part key value
  [ -n "$cs" ] || backup_die "ConnectionStrings__Postgres is not set (infra/stack.sh env sets it for the local stack)"
  IFS=';' read -ra parts <<<"$cs"
  for part in "${parts[@]}"; do
    [ -n "$part" ] || continue
    key="$(echo "${part%%=*}" | tr -d ' ' | tr '[:upper:]' '[:lower:]')"
    value="${part#*=}"
    case "$key" in
      host|server) export PGHOST="$value" ;;
      port) export PGPORT="$value" ;;
      username|userid|user) export PGUSER="$value" ;;
      password) export PGPASSWORD="$value" ;;
      database) export PGDATABASE="$value" ;;
    esac
  done
}

# Settings a developer's shell lacks come from the local stack (infra/stack.sh env), never overriding what is set.
fill_from_stack() {
  local profile="${AUTOML_STACK:-dev}" line name
  while IFS= read -r line; do
    [[ $line =~ ^export\ ([A-Za-z_0-9]+)=\"(.*)\"$ ]] || continue
    name="${BASH_REMATCH[1]}"
    [ -n "${!name:-}" ] || export "$name=${BASH_REMATCH[2]}"
  done < <("$backup_repo/infra/stack.sh" env "$profile")
}

as_owner() { # runs a command as the owner of a folder (Postgres refuses to run as root)
  local owner="$1"; shift
  if [ "$(id -u)" = 0 ] && [ "$owner" != root ]; then runuser -u "$owner" -- "$@"; else "$@"; fi
}

# --- where backups go -------------------------------------------------------------------------------------------

# "s3" when the platform's blobs are in S3/R2 (Blobs__Provider=s3) or AUTOML_BACKUP_TO=s3; else a local folder:
# AUTOML_BACKUP_DIR, or "backups" inside the platform's local blob root (see src/Infrastructure/Blobs/BlobOptions.cs).
backup_target() {
  local to="${AUTOML_BACKUP_TO:-}"
  if [ -z "$to" ]; then
    if [ "$(echo "${Blobs__Provider:-local}" | tr '[:upper:]' '[:lower:]')" = s3 ]; then to=s3; else to=local; fi
  fi
  case "$to" in
    local|s3) echo "$to" ;;
    *) backup_die "AUTOML_BACKUP_TO is '$to': use local or s3" ;;
  esac
}

local_blob_root() {
  if [ -n "${Blobs__LocalRoot:-}" ]; then echo "$Blobs__LocalRoot"
  elif [ -n "${AUTOML_DATA_DIR:-}" ]; then echo "$AUTOML_DATA_DIR/blobs"
  else echo ""; fi
}

resolve_target() {
  target="$(backup_target)"
  if [ "$target" = local ]; then
    backup_dir="${AUTOML_BACKUP_DIR:-}"
    if [ -z "$backup_dir" ]; then
      local root; root="$(local_blob_root)"
      [ -n "$root" ] || backup_die "no backup folder: set AUTOML_BACKUP_DIR, Blobs__LocalRoot or AUTOML_DATA_DIR (or S3 settings)"
      backup_dir="$root/backups"
    fi
    case "$backup_dir" in /*) ;; *) backup_dir="$(pwd)/$backup_dir" ;; esac
  else
    require_tools curl
    s3_bucket="${Blobs__S3__Bucket:-automl}"
    s3_region="${Blobs__S3__Region:-us-east-1}"
    s3_endpoint="${Blobs__S3__ServiceUrl:-https://s3.$s3_region.amazonaws.com}"
    s3_endpoint="${s3_endpoint%/}"
    s3_prefix="${AUTOML_BACKUP_S3_PREFIX:-backups}"
    if [ -z "${Blobs__S3__AccessKey:-}" ] || [ -z "${Blobs__S3__SecretKey:-}" ]; then
      backup_die "S3 backups need Blobs__S3__AccessKey and Blobs__S3__SecretKey"
    fi
  fi
}

describe_target() {
  if [ "$target" = local ]; then echo "$backup_dir"; else echo "s3 $s3_endpoint/$s3_bucket/$s3_prefix"; fi
}

# S3 through curl's own SigV4 signing (--aws-sigv4); the credentials reach curl through a config on a pipe, not its
# arguments. S3 wants the payload's SHA-256 in x-amz-content-sha256, and curl signs the value given there.
empty_sha256=e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
s3_curl() { # s3_curl URL PAYLOAD-SHA256 CURL-ARGS...
  local url="$1" sha="$2"; shift 2
  curl --silent --show-error --retry 3 --aws-sigv4 "aws:amz:$s3_region:s3" \
    --config <(printf 'user = "%s:%s"\n' "$Blobs__S3__AccessKey" "$Blobs__S3__SecretKey") \
    -H "x-amz-content-sha256: $sha" "$@" "$url"
}
s3_object() { echo "$s3_endpoint/$s3_bucket/$s3_prefix/$1"; }

urlencode() {
  local s="$1" out="" c i
  for ((i = 0; i < ${#s}; i++)); do
    c="${s:i:1}"
    case "$c" in [A-Za-z0-9._~-]) out+="$c" ;; *) out+="$(printf '%%%02X' "'$c")" ;; esac
  done
  echo "$out"
}

# store_put NAME FILE: writes FILE as NAME, whole or not at all (a rename locally; in S3 one PUT, or for a file over
# AUTOML_BACKUP_S3_PART_BYTES (4 GiB; one PUT stops at 5 GiB) the parts NAME.part-000… and then NAME.parts, their
# count, written last, so a half-uploaded file is never taken for a whole one).
store_put() {
  local name="$1" file="$2"
  if [ "$target" = local ]; then
    local dest="$backup_dir/$name"
    mkdir -p "$(dirname "$dest")"
    cp "$file" "$dest.partial.$$"
    sync "$dest.partial.$$"
    mv -f "$dest.partial.$$" "$dest"
    return
  fi
  local size limit="${AUTOML_BACKUP_S3_PART_BYTES:-4294967296}" part count=0
  size="$(stat -c %s "$file")"
  if [ "$size" -le "$limit" ]; then s3_put "$name" "$file"; return; fi
  part="$file.upload-part" # beside the file: in the callers' work folder, which their exit removes
  while [ $((count * limit)) -lt "$size" ]; do
    dd if="$file" of="$part" bs=1M iflag=skip_bytes,count_bytes skip=$((count * limit)) count="$limit" status=none
    s3_put "$name.part-$(printf %03d "$count")" "$part"
    count=$((count + 1))
  done
  echo "$count" >"$part"
  s3_put "$name.parts" "$part"
  rm -f "$part"
}

s3_put() {
  s3_curl "$(s3_object "$1")" "$(sha256sum "$2" | cut -d' ' -f1)" --fail -T "$2" -o /dev/null \
    || backup_die "could not store $1 in $s3_endpoint/$s3_bucket"
}

s3_get() { # 0 fetched, 1 not there
  local code
  code="$(s3_curl "$(s3_object "$1")" "$empty_sha256" -o "$2" -w '%{http_code}')" || backup_die "could not reach $s3_endpoint"
  case "$code" in
    200) return 0 ;;
    404) rm -f "$2"; return 1 ;;
    *) backup_die "S3 answered $code for $s3_prefix/$1" ;;
  esac
}

# store_get NAME FILE: 0 when fetched, 1 when there is no such backup file; anything else stops the script.
store_get() {
  local name="$1" file="$2"
  if [ "$target" = local ]; then
    [ -f "$backup_dir/$name" ] || return 1
    cp "$backup_dir/$name" "$file"
    return
  fi
  s3_get "$name" "$file" && return 0
  s3_get "$name.parts" "$file" || return 1
  local count i
  count="$(cat "$file")"
  : >"$file"
  for ((i = 0; i < count; i++)); do
    s3_get "$name.part-$(printf %03d "$i")" "$file.part" || backup_die "part $i of $name is missing"
    cat "$file.part" >>"$file"
  done
  rm -f "$file.part"
}

store_delete() {
  if [ "$target" = local ]; then rm -f "$backup_dir/$1"
  else s3_curl "$(s3_object "$1")" "$empty_sha256" --fail -X DELETE -o /dev/null || backup_die "could not delete $1 in $s3_endpoint/$s3_bucket"; fi
}

# A stored file's name from any of the names it is stored under (NAME, or NAME.parts and NAME.part-NNN in S3).
whole_names() { sed -e 's/\.parts$//' -e '/\.part-[0-9]*$/d'; }

# store_list PREFIX: the names under PREFIX (relative to the store's root), one a line, sorted.
store_list() {
  local prefix="$1"
  if [ "$target" = local ]; then
    [ -d "$backup_dir/$prefix" ] || return 0
    (cd "$backup_dir" && find "$prefix" -type f ! -name '*.partial.*' | sort)
  else
    local token="" page query
    while :; do
      query="list-type=2&prefix=$(urlencode "$s3_prefix/$prefix")"
      [ -z "$token" ] || query+="&continuation-token=$(urlencode "$token")"
      page="$(s3_curl "$s3_endpoint/$s3_bucket?$query" "$empty_sha256" --fail)" || backup_die "could not list $s3_prefix/$prefix in $s3_endpoint/$s3_bucket"
      grep -o '<Key>[^<]*</Key>' <<<"$page" | sed -e 's/<Key>//' -e 's/<\/Key>//' -e "s|^$s3_prefix/||" || true
      token="$(grep -o '<NextContinuationToken>[^<]*</NextContinuationToken>' <<<"$page" | sed -e 's/<[^>]*>//g' || true)"
      [ -n "$token" ] || break
    done | sort
  fi
}

# Base backups are named postgres/base/<end>_<first WAL segment>/base.tar.gpg: the end time (UTC, microseconds)
# says which backups can serve a target time, the segment which WAL they need, both without decrypting anything.
base_backups() { store_list postgres/base/ | whole_names | grep '/base\.tar\.gpg$' | sed -e 's|^postgres/base/||' -e 's|/base\.tar\.gpg$||'; }

stamp_now() { date -u +%Y%m%dT%H%M%S.%6NZ; }
stamp_of() { date -u -d "$1" +%Y%m%dT%H%M%S.%6NZ; }
