#!/usr/bin/env bash
# Performance at scale (docs/performance.md, "Scale"): the whole run, or a smoke for CI.
#
#   scripts/bench-scale.sh            # full run: 10 accounts × 10 years, 5,000,000 followers,
#                                     # 200,000 posts (about 15 min here), then the app measures
#   scripts/bench-scale.sh --smoke    # CI: the same benchmark at a tiny size, in a debug build;
#                                     # fails on errors only, never on timings (~1 min)
#
# Environment (full run): RESONANCE_SCALE_DIR (default /tmp/resonance-scale, kept for reuse),
# RESONANCE_SCALE_FACTOR (default 1), RESONANCE_SCALE_REUSE=1 (keep inputs and scale.db),
# RESONANCE_SCALE_RUNS, APP_RUNS (default 5), APP_IDLE (seconds, default 10),
# APP (default target/release/resonance-app; build it with `ui/node_modules/.bin/tauri build
# --no-bundle`; without it the app measures are skipped with a message).
# Writes the benchmark's report to $RESONANCE_SCALE_DIR/report.md and the app's to app-*.txt.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "${1:-}" = "--smoke" ]; then
    dir=$(mktemp -d)
    trap 'rm -rf "$dir"' EXIT
    # Debug build (CI has built the library and the CLI for the tests already); 0.002 is 10,000
    # followers and 400 posts over the same ten years, one run per measure, each view also timed
    # without the follower aggregates (so that both ways of reading them run).
    RESONANCE_SCALE_FACTOR=0.002 RESONANCE_SCALE_RUNS=1 RESONANCE_SCALE_AB=1 RESONANCE_SCALE_DIR="$dir" \
        cargo test --quiet --bench scale >"$dir/report.md"
    # The report must be whole: the import table, the database line and every view measure.
    grep -q '^| \*\*whole history\*\*' "$dir/report.md"
    grep -q '^Database: ' "$dir/report.md"
    grep -q '^Slowest: ' "$dir/report.md"
    views=$(grep -c '^| [a-z/ ()]* | .* ms |' "$dir/report.md" || true)
    [ "$views" -ge 30 ] || { cat "$dir/report.md"; echo "bench-scale smoke: only $views view measures" >&2; exit 1; }
    echo "bench-scale smoke: ok ($views view measures)"
    exit 0
fi

export RESONANCE_SCALE_DIR=${RESONANCE_SCALE_DIR:-/tmp/resonance-scale}
mkdir -p "$RESONANCE_SCALE_DIR"
report="$RESONANCE_SCALE_DIR/report.md"
{
    echo "Machine: $(nproc) vCPU ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)), \
$(free -g | awk '/^Mem:/ {print $2}') GiB; $(date -u '+%Y-%m-%d %H:%M UTC'); commit $(git rev-parse --short HEAD)"
    echo
} >"$report"
nice -n 10 cargo bench --bench scale | tee -a "$report"

app=${APP:-target/release/resonance-app}
if [ ! -x "$app" ]; then
    echo "no release app at $app: app measures skipped (ui/node_modules/.bin/tauri build --no-bundle)" >&2
    exit 0
fi
# The demo database first (the baseline), then the scale database; each on a copy, so that
# the app's writes (settings, a migration) never touch the benchmark's files.
for name in demo scale; do
    cp "$RESONANCE_SCALE_DIR/$name.db" "$RESONANCE_SCALE_DIR/app-$name.db"
    rm -f "$RESONANCE_SCALE_DIR/app-$name.db-wal" "$RESONANCE_SCALE_DIR/app-$name.db-shm"
    scripts/measure-app.sh "$RESONANCE_SCALE_DIR/app-$name.db" "${APP_RUNS:-5}" "${APP_IDLE:-10}" "$app" \
        | tee "$RESONANCE_SCALE_DIR/app-$name.txt"
    rm -f "$RESONANCE_SCALE_DIR/app-$name.db"*
done
python3 - "$RESONANCE_SCALE_DIR" <<'EOF' | tee -a "$report"
import json, sys
d = sys.argv[1]
s = {}
for name in ("demo", "scale"):
    line = [l for l in open(f"{d}/app-{name}.txt") if l.startswith("SUMMARY ")][-1]
    s[name] = json.loads(line[len("SUMMARY "):])
print()
print("## App under Xvfb (release build; medians; memory after the idle wait, app + WebKit processes)")
print()
print("| measure | scale DB | demo DB (baseline) | ratio | target |")
print("|---|---|---|---|---|")
def row(label, key, unit, target):
    a, b = s["scale"][key], s["demo"][key]
    ok = "pass" if a < target else "**fail**"
    print(f"| {label} | {a:.0f} {unit} | {b:.0f} {unit} | {a / b:.2f}× | < {target} {unit}: {ok} |")
row("cold start to painted overview", "spawn_to_painted_ms", "ms", 1500)
row("idle memory, PSS", "pss_mb", "MB", 200)
row("idle memory, RSS (shared pages counted per process)", "rss_mb", "MB", 200)
print()
print(f"Processes (scale DB, last run): {s['scale']['processes']}")
EOF
