#!/usr/bin/env bash
# Runs the end-to-end tests of the real window under a virtual X server.
# Usage: tests/e2e/run.sh [path/to/resonance-app]   (built with `tauri build --debug --no-bundle`)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
app=${1:-target/debug/resonance-app}
status=0
for t in "$here"/*.test.mjs; do
  echo "# $(basename "$t")"
  xvfb-run -a -s "-screen 0 1280x800x24 -nolisten tcp" node "$t" "$app" || status=1
done
exit $status
