#!/usr/bin/env bash
# Builds the dashboard (web/) into web/dist: node from infra/node.sh, npm ci when the
# lock file changed, then tsc + vite build. The API serves web/dist (AutoMl:WebRoot).
set -euo pipefail
infra="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$infra/../web"
[ "${1:-build}" = build ] || { echo "usage: infra/web.sh build" >&2; exit 2; }
[ -f package.json ] || exit 0
# Vite 8 needs node 20.19 or later; infra/node.sh finds or fetches one (Debian 12's own nodejs is 18).
PATH="$("$infra/node.sh"):$PATH"
export PATH
[ -d node_modules ] && [ node_modules -nt package-lock.json ] || npm ci --no-audit --no-fund
npm run build
