#!/usr/bin/env bash
# Times `netsnap show F -tan` against the real `netstat -tan` on the same 60,000 TCP sockets.
#
#   tools/bench/show_vs_netstat.sh [NETSNAP_BINARY] [SOCKETS] [RUNS]
#
# Writes a fixture root whose /proc/net/tcp and tcp6 hold SOCKETS sockets (every state, IPv4 and
# IPv6), records it once, then runs each command RUNS times and prints the median wall time of
# each. The real netstat reads the fixture through ../shared/tools/netstat-oracle's private mount
# namespace; the time of an empty netstat run there (namespace set-up) is measured and subtracted.
# Needs root.
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
netsnap=${1:-$here/build/netsnap}
sockets=${2:-60000}
runs=${3:-11}
oracle=${ORACLE:-$here/../shared/tools/netstat-oracle}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

python3 - "$work/root" "$sockets" <<'PY'
import os, sys
root, n = sys.argv[1], int(sys.argv[2])
os.makedirs(root + "/proc/net", exist_ok=True)
os.makedirs(root + "/empty/proc/net", exist_ok=True)
head4 = "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n"
head6 = "  sl  local_address                         remote_address                        st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n"
v4, v6 = [head4], [head6]
for i in range(n):
    st = 1 + i % 11
    lport, rport = 1024 + i % 60000, 0 if st == 10 else 2000 + i % 50000
    inode = 100000 + i
    if i % 4:
        local = "%08X:%04X" % (0x0100000A + ((i % 250) << 24), lport)
        remote = "%08X:%04X" % (0x0200000A + ((i % 200) << 24), rport)
        v4.append("%4d: %s %s %02X 00000000:00000000 00:00000000 00000000     0        0 %d 1 0000000000000000 20 4 30 10 -1\n" % (len(v4) - 1, local, remote, st, inode))
    else:
        local = "B80D0120000000000000000001%06X:%04X" % (i, lport)
        remote = "B80D0120000000000000000002%06X:%04X" % (i, rport)
        v6.append("%4d: %s %s %02X 00000000:00000000 00:00000000 00000000     0        0 %d 1 0000000000000000 20 4 30 10 -1\n" % (len(v6) - 1, local, remote, st, inode))
open(root + "/proc/net/tcp", "w").writelines(v4)
open(root + "/proc/net/tcp6", "w").writelines(v6)
PY

"$netsnap" record --root "$work/root" --count 1 -o "$work/f.nsnap" -q
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
time_runs() {  # prints the median seconds of RUNS runs of "$@"
  for _ in $(seq "$runs"); do
    local t0 t1
    t0=$(date +%s.%N)
    "$@" >/dev/null 2>&1 || true
    t1=$(date +%s.%N)
    awk -v a="$t0" -v b="$t1" 'BEGIN { print b - a }'
  done | median
}
show=$(time_runs "$netsnap" show "$work/f.nsnap" -tan)
real=$(time_runs "$oracle" "$work/root" -tan)
setup=$(time_runs "$oracle" "$work/root/empty" -tan)
"$netsnap" show "$work/f.nsnap" -tan >"$work/show.out"
"$oracle" "$work/root" -tan >"$work/real.out"
same=$(cmp -s "$work/show.out" "$work/real.out" && echo identical || echo DIFFERENT)
printf 'sockets: %d, runs: %d, outputs %s (%d lines)\n' "$sockets" "$runs" "$same" \
  "$(wc -l <"$work/real.out")"
printf 'netsnap show -tan:          %.3f s\n' "$show"
printf 'netstat -tan (via oracle):  %.3f s, of which namespace set-up %.3f s\n' "$real" "$setup"
printf 'netstat -tan, net:          %.3f s\n' "$(awk -v a="$real" -v b="$setup" 'BEGIN { print a - b }')"
