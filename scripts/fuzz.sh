#!/usr/bin/env bash
# Builds the libFuzzer targets (CMake preset "fuzz": clang with
# AddressSanitizer and UndefinedBehaviorSanitizer) and runs each from its
# committed seeds in tests/fuzz/corpus/<target>.
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]
#
# SECONDS per target (default 30, what the test command runs); every target
# when none is named. Inputs that reach new code collect in
# build/fuzz/corpus/<target>, so a later run starts from where the last one
# got to; a finding is kept in build/fuzz/findings/<target>/ and fails the run.
# For hours, and on every core: scripts/fuzz.sh 14400 soap_answer, or run a
# target by hand with -jobs=N -workers=N.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
seconds=${1:-30}
shift || true
targets=("$@")
((${#targets[@]})) || targets=(vch_json merge_patch soap_answer http_request guestinfo version docker_api)

cd "$root"
cmake --preset fuzz >/dev/null
cmake --build --preset fuzz --target fuzzers >/dev/null
failed=()
for t in "${targets[@]}"; do
  work=build/fuzz/corpus/$t findings=build/fuzz/findings/$t
  mkdir -p "$work" "$findings"
  log=build/fuzz/$t.log
  if build/fuzz/tests/fuzz/fuzz_"$t" -max_total_time="$seconds" -print_final_stats=1 \
      -artifact_prefix="$findings/" "$work" "tests/fuzz/corpus/$t" >"$log" 2>&1; then
    runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
    echo "fuzz $t: ${runs:-?} inputs in ${seconds} s, no finding"
  else
    echo "fuzz $t: FINDING (see $log and $findings)" >&2
    grep -m3 -E 'ERROR|property broken|SUMMARY' "$log" >&2 || true
    failed+=("$t")
  fi
done
((${#failed[@]} == 0)) || { echo "fuzz: findings in ${failed[*]}" >&2; exit 1; }
