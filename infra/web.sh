#!/usr/bin/env bash
# Builds the dashboard (web/) into web/dist: node and npm from Debian when missing, npm ci when the
# lock file changed, then tsc + vite build. The API serves web/dist (AutoMl:WebRoot).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../web"
[ "${1:-build}" = build ] || { echo "usage: infra/web.sh build" >&2; exit 2; }
[ -f package.json ] || exit 0
if ! command -v npm >/dev/null; then
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null
fi
# Vite 8 needs node 20.19 or later (Debian 12's own nodejs is 18).
node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 20 || (a === 20 && b >= 19) ? 0 : 1)' \
  || { echo "infra/web.sh: node $(node --version) is too old: the dashboard build needs node 20.19 or later (https://nodejs.org)" >&2; exit 1; }
[ -d node_modules ] && [ node_modules -nt package-lock.json ] || npm ci --no-audit --no-fund
npm run build
