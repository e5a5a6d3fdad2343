#!/usr/bin/env bash
# Live check of `netsnap summary`: in a fresh network namespace a server listens on loopback while
# `netsnap record` takes a frame every 0.2 s, and a client holds 0, 5, 10, 5, then 0 connections,
# about a second each. The summary's ESTABLISHED series must climb to 20 (each loopback connection
# is two sockets, client and server side) and come back down to 0, through plateaus of 0, 10, 20,
# 10, 0, with only short transitions in between; the listening port, the peer address and the
# server process must top their rankings.
#
#   tests/live/summary_live_test.sh NETSNAP_BINARY
#
# Exits 77 (ctest: skipped, with the reason printed) without root, python3 or netns.
set -uo pipefail
netsnap=$(realpath "$1")
skip() { echo "SKIPPED: $*"; exit 77; }
[[ $(id -u) == 0 ]] || skip "needs root to create a network namespace"
command -v python3 >/dev/null || skip "needs python3"
command -v ip >/dev/null || skip "needs iproute2"

ns=netsnap-summary-$$
port=8080
work=$(mktemp -d)
background=()
cleanup() {
  local pid
  for pid in "${background[@]}"; do kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null; done
  ip netns del "$ns" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
ip netns add "$ns" 2>/dev/null || skip "cannot create a network namespace here"
ip netns exec "$ns" ip link set lo up || skip "cannot bring up lo in the namespace"

# Accepts every connection and keeps it open until the client closes its end.
cat >"$work/server.py" <<'PY'
import os, socket, sys, threading
def serve(conn):
    while conn.recv(4096):
        pass
    conn.close()
srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
srv.bind(("127.0.0.1", int(sys.argv[2]))); srv.listen(64)
with open(sys.argv[1] + "/server.pid", "w") as f:
    f.write(str(os.getpid()))
while True:
    conn, _ = srv.accept()
    threading.Thread(target=serve, args=(conn,), daemon=True).start()
PY

# Holds each step's number of connections for HOLD seconds, then exits.
cat >"$work/client.py" <<'PY'
import socket, sys, time
port, hold, steps = int(sys.argv[1]), float(sys.argv[2]), [int(n) for n in sys.argv[3:]]
open_conns = []
for want in steps:
    while len(open_conns) < want:
        open_conns.append(socket.create_connection(("127.0.0.1", port)))
    while len(open_conns) > want:
        open_conns.pop().close()
    print(f"client: {want} connections", flush=True)
    time.sleep(hold)
PY

# Not through a function: $! must be the process itself (ip netns exec execs it).
ip netns exec "$ns" python3 "$work/server.py" "$work" "$port" &
background+=($!)
for _ in $(seq 50); do [[ -s $work/server.pid ]] && break; sleep 0.1; done
[[ -s $work/server.pid ]] || { echo "FAIL: server did not start"; exit 1; }
server_pid=$(cat "$work/server.pid")

# 7 s at 0.2 s: about 1 s before the client starts, its 4 steps of 1 s, then 2 s with none. The
# recording ends by --duration rather than by a signal, so its end does not race the last frame.
ip netns exec "$ns" "$netsnap" record -q -o "$work/t.nsnap" --interval 0.2 --duration 7 &
recorder=$!
background+=("$recorder")
sleep 1

ip netns exec "$ns" python3 "$work/client.py" "$port" 1.0 5 10 5 0 ||
  { echo "FAIL: client failed"; exit 1; }
wait "$recorder"; status=$?
[[ $status == 0 ]] || { echo "FAIL: netsnap record exited with $status"; exit 1; }

"$netsnap" summary "$work/t.nsnap" --json >"$work/summary.json" ||
  { echo "FAIL: netsnap summary --json exited with $?"; exit 1; }
"$netsnap" summary "$work/t.nsnap" --all >"$work/summary.txt" ||
  { echo "FAIL: netsnap summary exited with $?"; exit 1; }

python3 - "$work/summary.json" "$work/summary.txt" "$port" "$server_pid" <<'PY'
import json, sys
summary = json.load(open(sys.argv[1]))
text = open(sys.argv[2]).read()
port, server_pid = int(sys.argv[3]), int(sys.argv[4])
failures = []
def check(ok, what):
    print(("ok:   " if ok else "FAIL: ") + what)
    if not ok:
        failures.append(what)

series = [f["states"].get("ESTABLISHED", 0) for f in summary["frames"]]
print(f"ESTABLISHED per frame ({len(series)} frames): {series}")
# Consecutive duplicates compressed; plateaus are the values held for at least 2 frames.
runs = []
for value in series:
    if runs and runs[-1][0] == value:
        runs[-1][1] += 1
    else:
        runs.append([value, 1])
plateaus = [value for value, length in runs if length >= 2]
top = series.index(max(series))
check(max(series) == 20, f"peak ESTABLISHED is 20 (10 connections, both ends): {max(series)}")
check(all(a <= b for a, b in zip(series[:top], series[1:top + 1])),
      "ESTABLISHED rises monotonically to the peak")
check(all(a >= b for a, b in zip(series[top:], series[top + 1:])),
      "ESTABLISHED falls monotonically after the peak")
check(series[0] == 0 and series[-1] == 0, f"first and last frames have none: {series[0]}, {series[-1]}")
check(plateaus == [0, 10, 20, 10, 0], f"plateaus are 0, 10, 20, 10, 0: {plateaus}")
check(len(runs) - len(plateaus) <= 4, f"at most one transitional frame per step: {len(runs) - len(plateaus)}")

ports = summary["busiest_local_ports"]
check(bool(ports) and (ports[0]["protocol"], ports[0]["port"], ports[0]["peak"]) == ("tcp", port, 10),
      f"busiest local port is tcp {port} with 10 connections: {ports[:1]}")
peak_frame = ports[0]["frame"] if ports else None
check(peak_frame == summary["frames"][top]["frame"],
      f"the port peaked in the first frame at 20 ESTABLISHED: {peak_frame}")
remotes = summary["busiest_remote_addresses"]
check(bool(remotes) and (remotes[0]["address"], remotes[0]["peak"]) == ("127.0.0.1", 20),
      f"busiest remote address is 127.0.0.1 with 20 sockets: {remotes[:1]}")
server = [p for p in summary["processes"] if p["pid"] == server_pid]
check(len(server) == 1 and server[0]["peak"] == 11,
      f"server pid {server_pid} held at most 11 sockets (listener + 10): {server}")
check(text.splitlines()[0].split()[:3] == ["frame", "time", "total"] and "ESTABLISHED" in text,
      "text report has the frame table with an ESTABLISHED column")
check(len([l for l in text.splitlines() if l.strip()[:1].isdigit() and "Z " in l]) == len(series),
      "--all prints a table row for every frame")
sys.exit(1 if failures else 0)
PY
status=$?
if ((status)); then
  echo "FAIL: netsnap summary does not match the connections made"
  exit 1
fi
echo "PASS: netsnap summary follows connections opened and closed in a live namespace"
