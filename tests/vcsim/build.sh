#!/usr/bin/env bash
# Builds govmomi's vSphere API simulator (vcsim) from Debian's packages only:
# golang-go and golang-github-vmware-govmomi-dev (0.24.2) ship the simulator
# library but no vcsim command, so main.go here supplies one (upstream flag
# names), and zz_vic_fixes.go fills five gaps of 0.24.2 that our engine
# depends on: ExtensionManager methods, RetrievePropertiesEx paging,
# vCenter-like extraConfig updates, uplink port groups marked as such, and
# every entity's license assignment in one QueryAssignedLicenses. The govmomi tree is copied and patched
# privately; /usr/share/gocode is never touched.
#
# Usage: tests/vcsim/build.sh [OUTDIR]     (default: build/vcsim)
# Prints the vcsim binary's absolute path as the last line of stdout.
# A second run with nothing changed does nothing.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
out=${1:-$here/../../build/vcsim}
mkdir -p "$out"
out=$(cd "$out" && pwd)
work="$out/.build"
bin="$out/vcsim"
say() { printf 'vcsim-build: %s\n' "$*" >&2; }

need=(golang-go golang-github-vmware-govmomi-dev golang-github-google-uuid-dev)
missing=()
for p in "${need[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if ((${#missing[@]})); then
  sudo=; [[ $(id -u) == 0 ]] || sudo=sudo
  say "installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get install -y -q --no-install-recommends "${missing[@]}" >&2 ||
    { $sudo apt-get update -q >&2 && $sudo apt-get install -y -q --no-install-recommends "${missing[@]}" >&2; }
fi

go=/usr/lib/go/bin/go; [[ -x $go ]] || go=$(command -v go)
src=/usr/share/gocode/src/github.com/vmware/govmomi
[[ -d $src/simulator ]] || { say "no govmomi simulator source under $src"; exit 1; }
govmomi=$(dpkg-query -W -f='${Version}' golang-github-vmware-govmomi-dev)
inputs=$(cat "$here/build.sh" "$here/main.go" "$here/zz_vic_fixes.go" | sha256sum | cut -c1-16)
want="govmomi=$govmomi go=$($go env GOVERSION) inputs=$inputs"
stamp="$out/.stamp"

if [[ -x $bin && -f $stamp && $(cat "$stamp") == "$want" ]]; then
  say "up to date ($want)"
  echo "$bin"
  exit 0
fi

say "building ($want)"
[[ $govmomi == 0.24.2* ]] || say "warning: the fixes were written against govmomi 0.24.2, found $govmomi"
gopath="$work/gopath"
tree="$gopath/src/github.com/vmware/govmomi"
rm -rf "$tree" "$gopath/src/vcsim"
mkdir -p "$(dirname "$tree")" "$gopath/src/vcsim"
cp -r "$src" "$tree"
chmod -R u+w "$tree"
find "$tree" -name '*_test.go' -delete
cp "$here/main.go" "$gopath/src/vcsim/main.go"
cp "$here/zz_vic_fixes.go" "$tree/simulator/zz_vic_fixes.go"

# Each hook is one anchored edit; the build stops if an anchor is not found
# exactly once, so a different govmomi version fails loudly, not silently.
patch_once() { # file sed-expression text-that-must-then-occur-once
  sed -i "$2" "$1"
  [[ $(grep -cF -- "$3" "$1") == 1 ]] || { say "could not hook $(basename "$1"): unexpected source"; exit 1; }
}
patch_once "$tree/simulator/virtual_machine.go" \
  's/vm\.Config\.ExtraConfig = append(vm\.Config\.ExtraConfig, c)/vm.Config.ExtraConfig = vicSetExtraConfig(vm.Config.ExtraConfig, c)/' \
  'vicSetExtraConfig(vm.Config.ExtraConfig, c)'
patch_once "$tree/simulator/virtual_machine.go" \
  's/^\(\s*\)vm\.applyExtraConfig(spec) \/\/ Do this after device config.*$/&\n\1vm.vicAnnounceExtraConfig(spec)/' \
  'vm.vicAnnounceExtraConfig(spec)'
patch_once "$tree/simulator/property_collector.go" \
  's/^\(\s*\)res\.Objects = objects$/&\n\1vicPageResult(pc, res, r.Options.MaxObjects)/' \
  'vicPageResult(pc, res, r.Options.MaxObjects)'

patch_once "$tree/simulator/license_manager.go" \
  's|^\(\s*\)// EntityId can be a HostSystem or the vCenter InstanceUuid$|\1if req.EntityId == "" {\n\1\treturn vicAllLicenseAssignments(body)\n\1}\n\n&|' \
  'return vicAllLicenseAssignments(body)'

(cd "$gopath/src/vcsim" &&
  env GO111MODULE=off GOPATH="$gopath:/usr/share/gocode" GOCACHE="$work/gocache" \
    GOFLAGS= GOPROXY=off CGO_ENABLED=0 \
    "$go" build -trimpath -ldflags "-s -w -X main.buildVersion=$govmomi+vicfixes" -o "$bin.tmp" .)
mv "$bin.tmp" "$bin"
echo "$want" >"$stamp"
"$bin" version >&2
echo "$bin"
