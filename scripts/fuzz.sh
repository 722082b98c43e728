#!/usr/bin/env bash
# Builds every cargo-fuzz target of fuzz/ and runs each for a short time; fails when any input
# crashes, hangs (> FUZZ_TIMEOUT s) or exceeds FUZZ_RSS_MB. Made for CI on a fresh machine:
# installs cargo-fuzz when it is missing and works on a stable-only toolchain (RUSTC_BOOTSTRAP=1).
#
#   scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]      (default: 20 s, every target)
#
# Environment:
#   FUZZ_CORPUS_DIR  corpus folder (one sub-folder per target). Default: a scratch copy of the
#                    committed corpus tests/fixtures/fuzz/, thrown away afterwards. The long runs
#                    use FUZZ_CORPUS_DIR=fuzz/corpus (git-ignored), seeded by `--seeds`.
#   FUZZ_SANITIZER   none (default) or address.
#   FUZZ_TIMEOUT     seconds one input may take (default 10), FUZZ_RSS_MB memory (default 2048).
#   FUZZ_LOG_DIR     where each target's libFuzzer log goes (default: the scratch folder).
#   FUZZ_STABLE=1    use the stable toolchain even when rustup has a nightly one.
#
#   scripts/fuzz.sh --seeds        writes the starting corpus into fuzz/corpus (fuzz/examples/make_seeds.rs)
#
# docs/security-fuzzing.md explains the targets, the long runs and what they found.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

TARGETS_ALL=(import_instagram import_x import_linkedin import_meta_csv import_tiktok import_youtube import_mastodon
  import_generic detect archive)

if [[ ${1:-} == --seeds ]]; then
  cargo run --quiet --release --manifest-path fuzz/Cargo.toml --example make_seeds -- "$ROOT/fuzz/corpus"
  exit 0
fi

SECONDS_PER_TARGET=${1:-20}
shift || true
TARGETS=("$@")
[[ ${#TARGETS[@]} -gt 0 ]] || TARGETS=("${TARGETS_ALL[@]}")
SANITIZER=${FUZZ_SANITIZER:-none}
TIMEOUT=${FUZZ_TIMEOUT:-10}
RSS_MB=${FUZZ_RSS_MB:-2048}

# cargo-fuzz itself (a fresh CI machine has only cargo).
if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "fuzz: installing cargo-fuzz" >&2
  t0=$(date +%s)
  cargo install --locked cargo-fuzz
  echo "fuzz: cargo-fuzz installed in $(($(date +%s) - t0)) s" >&2
fi

# A nightly toolchain when rustup has one; otherwise the stable one, allowed nightly flags.
CARGO=(cargo)
TOOLCHAIN="stable, RUSTC_BOOTSTRAP=1"
if [[ -z ${FUZZ_STABLE:-} ]] && command -v rustup >/dev/null 2>&1 && rustup toolchain list 2>/dev/null | grep -q '^nightly'; then
  CARGO=(cargo +nightly)
  TOOLCHAIN=nightly
else
  export RUSTC_BOOTSTRAP=1
fi

SCRATCH=$(mktemp -d "${TMPDIR:-/tmp}/resonance-fuzz.XXXXXX")
trap 'rm -rf "$SCRATCH"' EXIT
LOG_DIR=${FUZZ_LOG_DIR:-$SCRATCH/logs}
mkdir -p "$LOG_DIR"

if [[ -n ${FUZZ_CORPUS_DIR:-} ]]; then
  CORPUS=$(realpath -m "$FUZZ_CORPUS_DIR")
else
  CORPUS=$SCRATCH/corpus
fi
for t in "${TARGETS[@]}"; do
  mkdir -p "$CORPUS/$t"
  # The committed corpus and crashers always seed the run (copied: the run never writes into tests/).
  cp -n tests/fixtures/fuzz/"$t"/* "$CORPUS/$t/" 2>/dev/null || true
done

t0=$(date +%s)
# Every target, with debug assertions and overflow checks (cargo fuzz's default), optimised.
(cd fuzz && "${CARGO[@]}" fuzz build --sanitizer "$SANITIZER")
echo "fuzz: built in $(($(date +%s) - t0)) s (sanitizer $SANITIZER, toolchain $TOOLCHAIN)"

failed=()
printf '%-18s %8s %10s %8s %7s %7s %7s  %s\n' target seconds execs exec/s cov ft corpus result
for t in "${TARGETS[@]}"; do
  log=$LOG_DIR/$t.log
  mkdir -p "$SCRATCH/artifacts/$t"
  start=$(date +%s)
  set +e
  (cd fuzz && "${CARGO[@]}" fuzz run --sanitizer "$SANITIZER" "$t" "$CORPUS/$t" -- \
    -max_total_time="$SECONDS_PER_TARGET" -timeout="$TIMEOUT" -rss_limit_mb="$RSS_MB" -malloc_limit_mb="$RSS_MB" \
    -print_final_stats=1 -artifact_prefix="$SCRATCH/artifacts/$t/") >"$log" 2>&1
  rc=$?
  set -e
  took=$(($(date +%s) - start))
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -n 1)
  last=$(grep -E '^#[0-9]+' "$log" | tail -n 1 || true)
  cov=$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<<"$last")
  ft=$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<<"$last")
  files=$(find "$CORPUS/$t" -type f | wc -l)
  result=ok
  if [[ $rc -ne 0 ]]; then
    result="FAILED (exit $rc)"
    failed+=("$t")
    mkdir -p "$ROOT/fuzz/artifacts/$t"
    cp "$SCRATCH/artifacts/$t/"* "$ROOT/fuzz/artifacts/$t/" 2>/dev/null || true
  fi
  printf '%-18s %8s %10s %8s %7s %7s %7s  %s\n' "$t" "$took" "${execs:-?}" "${rate:-?}" "${cov:-?}" "${ft:-?}" "$files" "$result"
  if [[ $rc -ne 0 ]]; then
    grep -E 'panicked|ERROR|SUMMARY|Test unit written|deadly signal|timeout|out-of-memory' "$log" | head -n 20 >&2 || true
  fi
done

if [[ ${#failed[@]} -gt 0 ]]; then
  echo "fuzz: FAILED: ${failed[*]} (inputs copied to fuzz/artifacts/<target>/; replay one with" >&2
  echo "  cd fuzz && cargo +nightly fuzz run <target> <file>; keep it in tests/fixtures/fuzz/<target>/)" >&2
  exit 1
fi
echo "fuzz: every target ran ${SECONDS_PER_TARGET} s without a crash, a hang or running out of memory"
