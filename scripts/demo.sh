#!/usr/bin/env bash
# The product's main job: this appliance registered with a vCenter, ready for
# an administrator to create VCHs from the plug-in.
#
#   scripts/demo.sh [--listen ip:port]
#       An embedded simulated vCenter (vcsim), the appliance registered with
#       it, and a page that plays the vSphere Client (default
#       https://127.0.0.1:9443/). Open it and click New Virtual Container Host.
#
#   scripts/demo.sh --target HOST[:PORT] --user USER [--password-file F]
#                   [--thumbprint AA:BB:...] [--public-address HOST[:PORT]]
#                   [--listen ip:port]
#       A real vCenter: the appliance serves on --listen (default
#       0.0.0.0:8443), registers with the vCenter as reachable at
#       --public-address (default: this machine's first address), and runs
#       until Ctrl-C. The plug-in shows in the vSphere Client after signing in
#       again. Without --thumbprint, registration shows the vCenter's and stops.
#       The password comes from --password-file, else $VIC_PASSWORD, else it is
#       asked for (--password works too, but shows in ps).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

target= listen= public= password= args=()
while (($#)); do
  case $1 in
    --target) target=$2; args+=("--target=$2"); shift 2 ;;
    --target=*) target=${1#*=}; args+=("$1"); shift ;;
    --listen) listen=$2; shift 2 ;;
    --listen=*) listen=${1#*=}; shift ;;
    --public-address) public=$2; shift 2 ;;
    --public-address=*) public=${1#*=}; shift ;;
    --password) password=$2; shift 2 ;;
    --password=*) password=${1#*=}; shift ;;
    --user | --password-file | --thumbprint) args+=("$1=$2"); shift 2 ;;
    --user=* | --password-file=* | --thumbprint=*) args+=("$1"); shift ;;
    -h | --help) sed -n '2,19p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "demo.sh: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
done

"$root/scripts/build.sh" release >&2
bin=$root/build/release
mkdir -p "$root/build/demo"

if [[ -z $target ]]; then
  exec "$bin/tests/shell/vsphere-client-shell" --listen "${listen:-127.0.0.1:9443}" \
    --work-dir "$root/build/demo/embedded"
fi

listen=${listen:-0.0.0.0:8443}
port=${listen##*:}
if [[ -z $public ]]; then
  public="$(hostname -I 2>/dev/null | awk '{print $1}'):$port"
  [[ $public != :* ]] || public="$(hostname -f):$port"
fi
data=$root/build/demo/appliance
server=("$bin/plugin-server/vic-machine-server" "--data-dir=$data" "--listen=$listen"
        "--public-address=$public")

"${server[@]}" &
pid=$!
trap 'kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true' EXIT INT TERM
for _ in $(seq 50); do
  curl -ksf "https://127.0.0.1:$port/container/version" >/dev/null && break
  kill -0 "$pid" 2>/dev/null || { echo "demo.sh: the appliance did not start" >&2; exit 1; }
  sleep 0.2
done
# A password given to this script reaches the server by its environment, not
# its command line, where ps would show it.
if [[ -n $password ]]; then
  VIC_PASSWORD=$password "${server[@]}" register "${args[@]}"
else
  "${server[@]}" register "${args[@]}"
fi
cat <<MSG

  The appliance runs at https://$public/ and is registered with $target.
  Open https://$target/ui, sign in again, and find vSphere Integrated Containers
  under Menu; New Virtual Container Host is on the Virtual Container Hosts tab.
  Ctrl-C stops the appliance; the registration stays. To remove it:
    $bin/plugin-server/vic-machine-server unregister --data-dir=$data ${args[*]}

MSG
wait "$pid"
