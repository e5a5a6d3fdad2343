#!/usr/bin/env bash
# Bytes a timeline takes per socket and frame, beside zstd of the text tools print at the same
# moments: tools/bench/storage.sh [SOCKETS] [FRAMES] [CHURN_PERCENT]
#
# In a scratch network namespace, tools/bench/socket_population.py holds SOCKETS loopback TCP
# sockets (SOCKETS/2 connections, both ends, keepalive timers running). Two scenarios:
#   steady  nothing changes between frames (but the timers count down)
#   churn   CHURN_PERCENT of the connections are replaced (reset, opened anew) before each frame
# For each, FRAMES times: churn, then `netsnap record --append --count 1` (one short run a frame,
# as cron would), `ss -tan` and a copy of /proc/net/tcp{,6}, so all three see the same moment.
# It prints, per scenario, the timeline's bytes/socket/frame (the whole file) and the same for
# `zstd -3` of the concatenated `ss -tan` text and `zstd -19` of the concatenated /proc text; then
# what each frame after the first added (the file's growth, and for ss the growth of its zstd -3
# text, over FRAMES - 1 frames): what a long recording pays a frame between keyframes.
# Needs root (ip netns), python3 and zstd. NETSNAP (default build/netsnap) is the binary measured;
# KEEP=DIR keeps the timelines and texts there.
set -euo pipefail
cd "$(dirname "$0")/../.."

sockets=${1:-4000}
frames=${2:-60}
churn_percent=${3:-5}
netsnap=$(realpath "${NETSNAP:-build/netsnap}")
population=$(realpath tools/bench/socket_population.py)
work=$(mktemp -d "${TMPDIR:-/tmp}/netsnap-storage.XXXXXX")
ns=netsnap-bench-$$
pop_pid=

cleanup() {
  if [[ -n $pop_pid ]]; then
    echo quit >&"${pop[1]}" 2>/dev/null || true
    wait "$pop_pid" 2>/dev/null || true
  fi
  ip netns del "$ns" 2>/dev/null || true
  [[ -n ${KEEP:-} ]] && { mkdir -p "$KEEP"; cp -r "$work"/. "$KEEP"/; }
  rm -rf "$work"
}
trap cleanup EXIT

ip netns add "$ns"
ip -n "$ns" link set lo up
in_ns() { ip netns exec "$ns" "$@"; }

# command LINE: sends LINE to the population and waits for its "ok".
command() {
  local answer
  echo "$1" >&"${pop[1]}"
  read -r answer <&"${pop[0]}"
  [[ $answer == ok ]] || { echo "storage.sh: population answered '$answer'" >&2; exit 1; }
}

# bytes_per_socket_frame BYTES: BYTES / (sockets * frames), 3 decimals.
per_socket_frame() { awk -v b="$1" -v s="$sockets" -v f="$frames" 'BEGIN { printf "%.3f", b / (s * f) }'; }

# scenario NAME CHURN_PER_FRAME: records FRAMES frames and prints the scenario's line.
scenario() {
  local name=$1 churn=$2 dir=$work/$1 k
  mkdir -p "$dir"
  for ((k = 0; k < frames; k++)); do
    ((k > 0 && churn > 0)) && command "churn $churn"
    in_ns "$netsnap" record --append --count 1 -q -o "$dir/timeline.nsnap"
    in_ns ss -tan >>"$dir/ss.txt"
    if ((k == 0)); then
      first_timeline=$(stat -c %s "$dir/timeline.nsnap")
      first_ss=$(zstd -q -3 -c "$dir/ss.txt" | wc -c)
    fi
    in_ns cat /proc/net/tcp /proc/net/tcp6 >>"$dir/proc.txt"
  done
  local timeline ss proc
  timeline=$(stat -c %s "$dir/timeline.nsnap")
  ss=$(zstd -q -3 -c "$dir/ss.txt" | wc -c)
  proc=$(zstd -q -19 -c "$dir/proc.txt" | wc -c)
  printf '%-7s %9d %9.3f %9d %9.3f %9d %9.3f %7.2fx\n' "$name" \
    "$timeline" "$(per_socket_frame "$timeline")" "$ss" "$(per_socket_frame "$ss")" \
    "$proc" "$(per_socket_frame "$proc")" "$(awk -v a="$timeline" -v b="$ss" 'BEGIN { print a / b }')"
  added+=("$(printf '%-7s %9.4f %9.4f' "$name" \
    "$(per_later_frame $((timeline - first_timeline)))" "$(per_later_frame $((ss - first_ss)))")")
}

# per_later_frame BYTES: BYTES / (sockets * (frames - 1)), 4 decimals.
per_later_frame() {
  awk -v b="$1" -v s="$sockets" -v f="$frames" 'BEGIN { printf "%.4f", (f > 1) ? b / (s * (f - 1)) : 0 }'
}

ulimit -n 65536 2>/dev/null || true
coproc pop { exec ip netns exec "$ns" python3 "$population" --sockets "$sockets"; }
pop_pid=$pop_PID
read -r ready <&"${pop[0]}"
[[ $ready == ok ]] || { echo "storage.sh: the population did not start" >&2; exit 1; }

echo "storage: $sockets TCP sockets, $frames frames, $churn_percent% of connections replaced per frame in 'churn'"
echo "         bytes of the whole file, and bytes/socket/frame; ratio = timeline / zstd -3 of ss -tan"
printf '%-7s %9s %9s %9s %9s %9s %9s %8s\n' scenario timeline B/s/f 'ss zstd3' B/s/f \
  'proc z19' B/s/f ratio
added=()
scenario steady 0
scenario churn $((sockets / 2 * churn_percent / 100))
echo "each frame after the first: bytes/socket/frame the file grew by"
printf '%-7s %9s %9s\n' scenario timeline 'ss zstd3'
printf '%s\n' "${added[@]}"
