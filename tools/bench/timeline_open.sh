#!/usr/bin/env bash
# Times opening a long timeline and reading its last frame (`netsnap dump F --frame -1`) against
# the same command on a one-frame timeline of the same fixture, in turns, and prints medians and
# their ratio.
#
#   tools/bench/timeline_open.sh [FRAMES...]      (default: 500000 1000000 2000000)
#
# Timelines are written to /dev/shm by build/make_long_timeline (tools/corrupt: small frames, an
# index record every 256 frames, as netsnap's writer lays them out) and removed at the end. RUNS
# (default 7) sets the repetitions.
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
netsnap=${NETSNAP:-$here/build/netsnap}
long=${LONG_TIMELINE:-$here/build/make_long_timeline}
runs=${RUNS:-7}
work=$(mktemp -d /dev/shm/netsnap-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
(($#)) || set -- 500000 1000000 2000000

# Wall seconds of one run of "$@", output discarded.
seconds() {
  local start end
  start=$(date +%s%N)
  "$@" >/dev/null
  end=$(date +%s%N)
  awk -v s="$start" -v e="$end" 'BEGIN { printf "%.4f\n", (e - s) / 1e9 }'
}

median() { sort -n | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'; }

"$long" "$work/one.nsnap" 1 >/dev/null
printf '%10s  %12s  %12s  %8s\n' frames "long (s)" "1 frame (s)" ratio
for frames in "$@"; do
  "$long" "$work/long.nsnap" "$frames" >/dev/null
  long_times=() one_times=()
  for ((i = 0; i < runs; i++)); do
    long_times+=("$(seconds "$netsnap" dump "$work/long.nsnap" --frame -1)")
    one_times+=("$(seconds "$netsnap" dump "$work/one.nsnap" --frame -1)")
  done
  l=$(printf '%s\n' "${long_times[@]}" | median)
  o=$(printf '%s\n' "${one_times[@]}" | median)
  printf '%10s  %12s  %12s  %8.1f\n' "$frames" "$l" "$o" "$(awk -v l="$l" -v o="$o" 'BEGIN { print l / o }')"
  rm -f "$work/long.nsnap"
done
