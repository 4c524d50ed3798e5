#!/usr/bin/env bash
# Install the locked Node dependencies when they are missing or older than package-lock.json;
# a fast no-op otherwise. npm writes node_modules/.package-lock.json on every install, so its
# mtime says when node_modules last matched the lock file.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

if [[ ! -f package-lock.json ]]; then
  # No lock file yet (fresh repo): `npm ci` refuses to run without one.
  if [[ -d node_modules && node_modules -nt package.json ]]; then exit 0; fi
  echo "ensure-node-deps: no package-lock.json; running npm install" >&2
  exec npm install --no-audit --no-fund
fi

if [[ -f node_modules/.package-lock.json && ! package-lock.json -nt node_modules/.package-lock.json ]]; then
  exit 0
fi
echo "ensure-node-deps: node_modules is missing or older than package-lock.json; running npm ci" >&2
exec npm ci --no-audit --no-fund
