#!/usr/bin/env bash
# Every test: unit and integration tests (against vcsim) in the debug build
# with AddressSanitizer and UndefinedBehaviorSanitizer; each fuzz target for
# 30 s; the hostile-input tests again against the release server; then the
# benchmarks from the release build, which print figures and never fail the run.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
start=$(date +%s)
phase() { echo "== $1 ($(($(date +%s) - start)) s in) =="; }

phase "debug build"
scripts/build.sh debug
for dir in tests/openapi tests/browser; do
  npm ci --prefix "$dir" --no-audit --no-fund --loglevel=error
done
phase "tests"
ctest --preset debug
echo "browser test screenshots: $root/build/debug/artifacts/browser"

phase "fuzzing: each target 30 s from its seeds"
scripts/fuzz.sh 30

phase "release build"
scripts/build.sh release benchmarks
phase "hostile input against the release server"
# The attacks of tests/server/hostile_input_test.cpp against the release
# server, as deployed, where its memory is measured without the sanitizers'.
VIC_SERVER=build/release/plugin-server/vic-machine-server \
  build/debug/tests/server_tests --run_test=hostile_input --log_level=message
phase "benchmarks (figures, not pass/fail)"
tests/bench/run build/release || echo "a benchmark failed to run (see above)"
echo "== all tests passed in $(( $(date +%s) - start )) s =="
