#!/usr/bin/env bash
# Sets everything up (Linux prerequisites, npm packages), builds Resonance and opens it. On first
# start an empty database (in your data folder, or $RESONANCE_DB) is filled with the demo data.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "$(uname -s)" = Linux ]; then
  scripts/setup-linux.sh
else
  (cd ui && npm ci --no-audit --no-fund)
fi
ui/node_modules/.bin/tauri build --debug --no-bundle
exec target/debug/resonance-app "$@"
