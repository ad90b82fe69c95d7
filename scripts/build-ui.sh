#!/usr/bin/env bash
# Builds the plug-in UI (ui-bundle/dist/vic-ui/browser, which the server
# serves under /ui/) from the committed lockfile. Skipped when the build is
# newer than every source, so that the debug and release builds share it.
set -euo pipefail
ui=$(cd "$(dirname "${BASH_SOURCE[0]}")/../ui-bundle" && pwd)
stamp="$ui/dist/vic-ui/browser/index.html"
installed="$ui/node_modules/.package-lock.json"

if [[ ! -f $installed || $ui/package-lock.json -nt $installed ]]; then
  npm ci --prefix "$ui" --no-audit --no-fund --loglevel=error
fi
if [[ -f $stamp ]] && [[ -z $(find "$ui/src" "$ui/package-lock.json" "$ui/angular.json" \
    "$ui"/tsconfig*.json -newer "$stamp" -print -quit) ]]; then
  exit 0
fi
cd "$ui"
NG_CLI_ANALYTICS=false npx --no-install ng build
