#!/usr/bin/env bash
# The product's main job. With no arguments it starts an embedded simulated
# vCenter; pass --target HOST --user USER [--thumbprint ...] for a real one.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
"$root/scripts/build.sh" release >&2
exec "$root/build/release/vicapi/vic-machine" inventory "$@"
