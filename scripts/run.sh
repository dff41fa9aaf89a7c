#!/usr/bin/env bash
# Runs a command on the project's own toolchain (Node 24 + pnpm from tools/toolchain).
# The machines ship Node 20, which MikroORM 7 refuses, and corepack cannot verify pnpm here,
# so the first run installs both from the npm registry with the machine's npm, then the
# workspace with pnpm. Later runs only re-install when a lockfile is newer than the install.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
toolchain="$root/tools/toolchain"
# @apollo/gateway reports usage to Apollo unless told not to; LoyalNest sends nothing by default.
export APOLLO_TELEMETRY_DISABLED="${APOLLO_TELEMETRY_DISABLED:-1}"

if [ ! -x "$toolchain/node_modules/.bin/node" ] || [ "$toolchain/package-lock.json" -nt "$toolchain/node_modules/.package-lock.json" ]; then
  echo "loyalnest: installing Node 24 and pnpm into tools/toolchain" >&2
  npm ci --prefix "$toolchain" --no-audit --no-fund --loglevel=error >&2
fi
export PATH="$toolchain/node_modules/.bin:$PATH"

if [ ! -f "$root/node_modules/.modules.yaml" ] || [ "$root/pnpm-lock.yaml" -nt "$root/node_modules/.modules.yaml" ]; then
  echo "loyalnest: installing the workspace with pnpm" >&2
  (cd "$root" && pnpm install --frozen-lockfile --reporter=append-only >&2)
fi

cd "$root"
exec "$@"
