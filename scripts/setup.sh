#!/usr/bin/env bash
# Installs what building and testing need on Debian 12, and nothing twice:
# packages already present are not asked for, and the package lists are only
# refreshed when an install fails without it.
set -euo pipefail

packages=(
  build-essential cmake pkg-config git
  libpoco-dev libssl-dev libexpat1-dev nlohmann-json3-dev libspdlog-dev libsqlite3-dev
  libboost-test-dev
  golang-go golang-github-vmware-govmomi-dev golang-github-google-uuid-dev
  openssl ca-certificates xorriso curl
  wrk
  chromium
  clang libclang-rt-14-dev
)

sudo=; [[ $(id -u) == 0 ]] || sudo=sudo
export DEBIAN_FRONTEND=noninteractive

install() {  # packages...
  local missing=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  ((${#missing[@]})) || return 0
  echo "setup: installing ${missing[*]}" >&2
  $sudo apt-get install -y -q --no-install-recommends "${missing[@]}" >&2 ||
    { $sudo apt-get update -q >&2 && $sudo apt-get install -y -q --no-install-recommends "${missing[@]}" >&2; }
}

install "${packages[@]}"

# Debian's docker CLI (client only: the tests never need its daemon) and
# Registry v2, which the endpoint daemon's tests drive. docker.io's service may
# fail to start where there is no init system; only the client matters here.
install docker-registry
if [[ ! -x /usr/bin/docker ]]; then
  install docker.io || true
  [[ -x /usr/bin/docker ]] || echo "setup: warning: Debian's docker CLI did not install; the endpoint daemon tests use any docker on PATH" >&2
fi

# Node.js and npm, for the OpenAPI document's validator (tests/openapi), the
# plug-in UI and its browser tests; any node 18 or newer on PATH will do.
if ! command -v npm >/dev/null; then
  install nodejs npm
fi
