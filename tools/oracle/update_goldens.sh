#!/usr/bin/env bash
# update_goldens.sh: records the real netstat's output for every checked-in fixture root as golden
# files, which tests/render/golden_test.cc compares netsnap's renderer with byte for byte.
#
#   sudo bash tools/oracle/update_goldens.sh [FIXTURE_DIR...]     (default: every fixtures/*/)
#
# For each fixture F and each case of the "golden" grid (python3 tools/oracle/option_grid.py
# golden) it runs `netstat-oracle fixtures/F ARGS` and writes
#   tests/golden/F/CASE.args     the netstat arguments, one per line
#   tests/golden/F/CASE.stdout   what netstat printed on stdout
#   tests/golden/F/CASE.stderr   ... on stderr
#   tests/golden/F/CASE.status   its exit status and a newline
#   tests/golden/F/proc-order    the PID entries of fixtures/F/proc in readdir order, one a line
# replacing tests/golden/F entirely. Interface-table cases run with ORACLE_IFACES=1 and have their
# hardware addresses replaced by <MAC> (the oracle's veth devices get random ones); the test masks
# netsnap's output the same way.
#
# proc-order exists because netstat -p names the first PID that readdir returns for a socket held
# by several processes, and the order of an on-disk directory differs between filesystems: the test
# skips a fixture's -p cases when its proc/ is listed in another order than when the goldens were
# made. Name lookups fall back to this machine's /etc files where a fixture has no etc/ file, so
# goldens assume a Debian 12 /etc/services and /etc/protocols.
#
# Needs root, net-tools, iproute2 and ../shared/tools/netstat-oracle (or NETSTAT_ORACLE=PATH).
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)
oracle=${NETSTAT_ORACLE:-$(cd "$repo/.." && pwd)/shared/tools/netstat-oracle}
golden_dir=$repo/tests/golden

die() { echo "update_goldens: $*" >&2; exit 2; }
[[ $(id -u) == 0 ]] || die "needs root (the oracle uses unshare and mounts)"
[[ -x $oracle ]] || die "no netstat-oracle at $oracle"

# Writes the readdir order of ROOT/proc's PID entries (python's listdir keeps readdir order).
write_proc_order() {
  python3 -c 'import os, sys
print("".join(n + "\n" for n in os.listdir(sys.argv[1]) if n.isdigit()), end="")' "$1/proc" >"$2"
}

# Runs one case: NAME IFACES ARGS... for fixture root $root into $out.
record_case() {
  local name=$1 ifaces=$2
  shift 2
  local base=$out/$name status=0
  printf '%s\n' "$@" >"$base.args"
  (($# == 0)) && : >"$base.args"
  if [[ $ifaces == 1 ]]; then
    ORACLE_IFACES=1 LC_ALL=C "$oracle" "$root" "$@" >"$base.stdout" 2>"$base.stderr" || status=$?
    sed -i -E 's/\b(ether|unspec) [0-9A-Fa-f]{2}([:-][0-9A-Fa-f]{2})+/\1 <MAC>/g' \
      "$base.stdout" "$base.stderr"
  else
    LC_ALL=C "$oracle" "$root" "$@" >"$base.stdout" 2>"$base.stderr" || status=$?
  fi
  echo "$status" >"$base.status"
}

if (($# > 0)); then
  fixtures=("$@")
else
  fixtures=()
  for d in "$repo"/fixtures/*/; do
    [[ -d $d/proc ]] && fixtures+=("${d%/}")
  done
fi

mapfile -t cases < <(python3 "$here/option_grid.py" golden)
for root in "${fixtures[@]}"; do
  root=$(cd "$root" && pwd)
  out=$golden_dir/$(basename "$root")
  rm -rf "$out"
  mkdir -p "$out"
  write_proc_order "$root" "$out/proc-order"
  for line in "${cases[@]}"; do
    IFS=$'\t' read -r -a fields <<<"$line"
    record_case "${fields[@]}"
  done
  echo "update_goldens: $(basename "$root"): ${#cases[@]} cases"
done
