#!/usr/bin/env bash
# Builds vcsim, the plug-in UI and the C++ tree with the given CMake preset
# (default: release): everything, or only the targets named after it.
#   scripts/build.sh [PRESET [TARGET...]]
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
preset=${1:-release}
shift || true
"$root/scripts/setup.sh"
"$root/tests/vcsim/build.sh" "$root/build/vcsim" >/dev/null
"$root/scripts/build-ui.sh" >&2
cmake --preset "$preset" -S "$root" >/dev/null
if (($#)); then
  cmake --build --preset "$preset" --target "$@"
else
  cmake --build --preset "$preset"
fi
