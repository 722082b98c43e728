#!/usr/bin/env bash
# Cold start to a painted overview and idle memory of the real app, under Xvfb, through
# WebKitWebDriver (tests/e2e/measure-app.mjs). Not part of the test run: scripts/bench-scale.sh
# calls it on the scale database and the demo database.
#
# Usage: scripts/measure-app.sh DB [RUNS=5] [IDLE_SECONDS=10] [APP=target/release/resonance-app]
# Build the app first: ui/node_modules/.bin/tauri build --no-bundle
# Prints one JSON line per run and a "SUMMARY {...}" line with the medians.
set -euo pipefail
cd "$(dirname "$0")/.."
db=${1:?usage: scripts/measure-app.sh DB [RUNS] [IDLE_SECONDS] [APP]}
runs=${2:-5}
idle=${3:-10}
app=${4:-target/release/resonance-app}
[ -x "$app" ] || { echo "no app at $app: build it with ui/node_modules/.bin/tauri build --no-bundle" >&2; exit 1; }
[ -f "$db" ] || { echo "no database at $db" >&2; exit 1; }
exec xvfb-run -a -s "-screen 0 1280x800x24 -nolisten tcp" node tests/e2e/measure-app.mjs "$app" "$db" "$runs" "$idle"
