#!/usr/bin/env bash
# Runs every test of Resonance on a fresh machine: installs what is missing, then formatting,
# lints, the Rust tests, the UI's type-check, lint and unit tests, the check that the TypeScript
# types of the IPC match the Rust types, a debug build of the app and the end-to-end tests of
# the real window under Xvfb, the .deb, a tiny scale benchmark and a short fuzzing run.
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TERM_COLOR=never
# A fresh clone gains nothing from incremental caches; they would double target/'s size.
export CARGO_INCREMENTAL=0
start=$(date +%s)
section() { echo; echo "=== $* ($(( $(date +%s) - start )) s)"; }

section "setup"
df -h . /tmp 2>/dev/null || true
RESONANCE_TEST_TOOLS=1 scripts/setup-linux.sh

section "cargo fmt"
cargo fmt --all -- --check

section "cargo clippy"
cargo clippy --workspace --all-targets --locked -- -D warnings

section "supply chain (licences, bans, sources, advisories where reachable)"
scripts/supply-chain.sh

section "cargo test"
cargo test --workspace --locked

section "scale benchmark smoke (0.2 % size; fails on errors, never on timings)"
scripts/bench-scale.sh --smoke

section "IPC types are up to date"
if [ -n "$(git status --porcelain -- ui/src/lib/bindings)" ]; then
  git status --porcelain -- ui/src/lib/bindings
  git diff -- ui/src/lib/bindings | head -50
  echo "ui/src/lib/bindings differ from the Rust types: run 'cargo test' and commit the result."
  exit 1
fi

section "UI: type-check, lint, unit tests"
(cd ui && npm run check && npm run lint && npm test)

section "build the app (debug, UI embedded) and its .deb"
ui/node_modules/.bin/tauri build --debug --bundles deb
scripts/check-deb.sh

section "end-to-end tests of the real window"
tests/e2e/run.sh target/debug/resonance-app

section "fuzzing smoke (every target, 20 s each; the long runs: docs/security-fuzzing.md)"
FUZZ_STABLE=1 scripts/fuzz.sh

section "all tests passed"
