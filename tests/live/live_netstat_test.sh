#!/usr/bin/env bash
# Live check of `netsnap netstat` against the real netstat 2.10: in a fresh network namespace with
# known listeners, connections, UDP, raw and unix sockets, multicast memberships and routes, both
# print -tuanp, -xa, -rn, -i, -s, -g and more, and the outputs must be identical. The namespace is
# idle, so counters and queues hold still between the two reads; a differing pair is re-read a few
# times before it counts as a failure.
#
#   tests/live/live_netstat_test.sh NETSNAP_BINARY
#
# Exits 77 (ctest: skipped, with the reason printed) without root, netstat, python3 or netns.
set -uo pipefail
netsnap=$(realpath "$1")
skip() { echo "SKIPPED: $*"; exit 77; }
[[ $(id -u) == 0 ]] || skip "needs root to create a network namespace"
command -v netstat >/dev/null || skip "needs net-tools' netstat (apt-get install net-tools)"
command -v python3 >/dev/null || skip "needs python3"
command -v ip >/dev/null || skip "needs iproute2"

ns=netsnap-live-$$
work=$(mktemp -d)
cleanup() {
  [[ -n ${holder:-} ]] && kill "$holder" 2>/dev/null && wait "$holder" 2>/dev/null
  ip netns del "$ns" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
ip netns add "$ns" 2>/dev/null || skip "cannot create a network namespace here"
in_ns() { ip netns exec "$ns" "$@"; }
in_ns ip link set lo up
in_ns ip link add nsveth0 type veth peer name nsveth1
in_ns ip addr add 192.0.2.1/24 dev nsveth0
in_ns ip addr add 2001:db8::1/64 dev nsveth0 nodad
in_ns ip addr add 192.0.2.9/24 dev nsveth0 label nsveth0:1
in_ns ip addr add 192.0.2.2/24 dev nsveth1
in_ns ip link set nsveth0 up
in_ns ip link set nsveth1 up
in_ns ip route add 198.51.100.0/24 via 192.0.2.254 dev nsveth0 onlink
in_ns ip route add blackhole 203.0.113.0/24

# The socket holder: opens every kind of socket, says "ready", then waits to be killed.
cat >"$work/holder.py" <<'PY'
import os, socket, struct, sys, time
keep = []
def tcp_pair(family, host, port):
    srv = socket.socket(family, socket.SOCK_STREAM)
    srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    srv.bind((host, port)); srv.listen(8)
    cli = socket.socket(family, socket.SOCK_STREAM); cli.connect((host, port))
    acc, _ = srv.accept()
    keep.extend([srv, cli, acc])
tcp_pair(socket.AF_INET, "127.0.0.1", 8080)
tcp_pair(socket.AF_INET6, "::1", 8443)
lst = socket.socket(socket.AF_INET, socket.SOCK_STREAM); lst.bind(("0.0.0.0", 22)); lst.listen(1)
keep.append(lst)
lst6 = socket.socket(socket.AF_INET6, socket.SOCK_STREAM); lst6.bind(("::", 2222)); lst6.listen(1)
keep.append(lst6)
u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); u.bind(("0.0.0.0", 5353)); keep.append(u)
uc = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); uc.bind(("192.0.2.1", 40000))
uc.connect(("192.0.2.2", 53)); keep.append(uc)
u6 = socket.socket(socket.AF_INET6, socket.SOCK_DGRAM); u6.bind(("::", 546)); keep.append(u6)
raw = socket.socket(socket.AF_INET, socket.SOCK_RAW, socket.IPPROTO_ICMP); keep.append(raw)
mreq = struct.pack("4s4s", socket.inet_aton("239.1.2.3"), socket.inet_aton("192.0.2.1"))
u.setsockopt(socket.IPPROTO_IP, socket.IP_ADD_MEMBERSHIP, mreq)
us = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM); us.bind(sys.argv[1] + "/stream.sock")
us.listen(4); keep.append(us)
uc1 = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM); uc1.connect(sys.argv[1] + "/stream.sock")
ua, _ = us.accept(); keep.extend([uc1, ua])
ud = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM); ud.bind("\0netsnap-abstract"); keep.append(ud)
keep.extend(socket.socketpair())
open(sys.argv[1] + "/ready", "w").close()
while True:
    time.sleep(60)
PY
ip netns exec "$ns" python3 "$work/holder.py" "$work" &  # not in_ns: $! must be python itself
holder=$!
for _ in $(seq 100); do [[ -e $work/ready ]] && break; sleep 0.1; done
[[ -e $work/ready ]] || { echo "FAIL: socket holder did not start"; exit 1; }
sleep 0.3  # let the handshakes' timers and queues settle

failures=0
compare() {
  local attempt
  for attempt in 1 2 3; do
    in_ns netstat "$@" >"$work/want.out" 2>"$work/want.err"; local want=$?
    in_ns "$netsnap" netstat "$@" >"$work/got.out" 2>"$work/got.err"; local got=$?
    if cmp -s "$work/want.out" "$work/got.out" && cmp -s "$work/want.err" "$work/got.err" &&
       [[ $want == "$got" ]]; then
      echo "same: netstat $*  ($(wc -l <"$work/want.out") lines)"
      return
    fi
    sleep 0.2
  done
  echo "DIFFERENT: netstat $*  (exit $want vs netsnap $got)"
  diff -u "$work/want.out" "$work/got.out" | head -40
  diff -u "$work/want.err" "$work/got.err" | head -10
  failures=$((failures + 1))
}

for opts in "-tuanp" "-tuan" "-tuaW" "-tuanpeo" "-xa" "-xap" "-rn" "-r" "-rne" "-rn6" "-i" "-ia" "-ie" "-iae" \
            "-s" "-s6" "-st" "-g" "-gn" "-an" "-lntu"; do
  # shellcheck disable=SC2086
  compare $opts
done
if ((failures)); then
  echo "FAIL: $failures option sets differ"
  exit 1
fi
echo "PASS: netsnap netstat matches netstat in a live namespace"
