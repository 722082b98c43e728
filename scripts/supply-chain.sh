#!/usr/bin/env bash
# Supply-chain checks: licences, banned crates (OpenSSL) and sources of every Rust dependency
# (cargo-deny), RustSec advisories when the advisory database can be fetched, and known
# vulnerabilities of the UI's production npm dependencies (npm audit --omit=dev).
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v cargo-deny >/dev/null 2>&1; then
  echo "installing cargo-deny (once per machine)…"
  cargo install cargo-deny --locked --quiet
fi

echo "--- cargo deny: licences, bans, sources"
cargo deny --log-level error check licenses bans sources

echo "--- cargo deny: advisories"
# The RustSec database lives on GitHub. Machines without access to it (this project's CI kind
# reaches package registries only) cannot check advisories; say so instead of pretending.
if timeout 120 cargo deny --log-level error fetch db >/dev/null 2>&1; then
  cargo deny --log-level error check advisories
else
  echo "WARNING: the RustSec advisory database (github.com/rustsec/advisory-db) cannot be reached from"
  echo "this machine: Rust advisories NOT checked here. Run 'cargo deny check advisories' where GitHub is"
  echo "reachable (see docs/security.md)."
  if [ "${RESONANCE_REQUIRE_ADVISORIES:-0}" = 1 ]; then exit 1; fi
fi

echo "--- npm audit (production dependencies of the UI)"
# npm's audit service is a POST endpoint; registry mirrors that only serve packages refuse it.
set +e
audit=$(cd ui && npm audit --omit=dev --json 2>/dev/null)
status=$?
set -e
if echo "$audit" | grep -q '"statusCode"'; then
  echo "WARNING: npm's audit service cannot be reached from this machine ($(echo "$audit" | grep -m1 '"message"' | cut -c1-120))"
  echo "npm advisories NOT checked here (see docs/security.md)."
  if [ "${RESONANCE_REQUIRE_ADVISORIES:-0}" = 1 ]; then exit 1; fi
elif [ $status -ne 0 ]; then
  (cd ui && npm audit --omit=dev) || true
  echo "npm audit found vulnerabilities in production dependencies"
  exit 1
else
  echo "npm audit: no known vulnerability in production dependencies"
fi
