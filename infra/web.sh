#!/usr/bin/env bash
# Builds the dashboard (web/) when it has a package.json: node and npm from Debian when missing, npm ci, vite build.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../web"
[ "${1:-build}" = build ] || { echo "usage: infra/web.sh build" >&2; exit 2; }
[ -f package.json ] || exit 0
if ! command -v npm >/dev/null; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null
fi
[ -d node_modules ] && [ node_modules -nt package-lock.json ] || npm ci --no-audit --no-fund
npm run build
