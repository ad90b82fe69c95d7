#!/usr/bin/env bash
# Builds the libFuzzer targets (CMake preset "fuzz": clang with
# AddressSanitizer and UndefinedBehaviorSanitizer) and runs each from its
# committed seeds in tests/fuzz/corpus/<target>, one per core at a time.
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]
#
# SECONDS per target (default 30, what the test command runs); every target
# when none is named. Inputs that reach new code collect in
# build/fuzz/corpus/<target>, so a later run starts from where the last one
# got to; a finding is kept in build/fuzz/findings/<target>/ and fails the run.
# For hours: scripts/fuzz.sh 14400 soap_answer, or run a target by hand with
# -jobs=N -workers=N (README, Tests).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
seconds=${1:-30}
shift || true
targets=("$@")
((${#targets[@]})) || targets=(vch_json merge_patch soap_answer http_request guestinfo version docker_api)

cd "$root"
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz --target fuzzers >/dev/null

# One target: its verdict in build/fuzz/<target>.result.
run() {
  local t=$1 work=build/fuzz/corpus/$1 findings=build/fuzz/findings/$1 log=build/fuzz/$1.log
  mkdir -p "$work" "$findings"
  if build/fuzz/tests/fuzz/fuzz_"$t" -max_total_time="$seconds" -print_final_stats=1 \
      -artifact_prefix="$findings/" "$work" "tests/fuzz/corpus/$t" >"$log" 2>&1; then
    local runs
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
    echo "fuzz $t: ${runs:-?} inputs in ${seconds} s, no finding" >"build/fuzz/$t.result"
  else
    { echo "fuzz $t: FINDING (see $log and $findings)"
      grep -m3 -E 'ERROR|property broken|SUMMARY' "$log" || true; } >"build/fuzz/$t.result"
  fi
}

cores=$(nproc)
failed=()
for t in "${targets[@]}"; do
  rm -f "build/fuzz/$t.result"
  while (($(jobs -rp | wc -l) >= cores)); do wait -n || true; done
  run "$t" &
done
wait
for t in "${targets[@]}"; do
  cat "build/fuzz/$t.result" 2>/dev/null || echo "fuzz $t: FINDING (it did not finish)"
  grep -q "no finding" "build/fuzz/$t.result" 2>/dev/null || failed+=("$t")
done
((${#failed[@]} == 0)) || { echo "fuzz: findings in ${failed[*]}" >&2; exit 1; }
