#!/usr/bin/env bash
# Seeking in a day of recording: `show --frame N -tan` on a timeline of FRAMES frames of a host with
# SOCKETS TCP sockets (a day at 1 Hz by default), against the same frame alone in a one-frame
# timeline, in turns, medians of RUNS; then `ls` and `summary` of the whole day.
#
#   tools/bench/seek.sh [FRAMES] [SOCKETS]        (default: 86400 1000)
#
# build/make_day_timeline writes the day through netsnap's writer from fixtures/production-001
# (1% of the connections replaced every second, timers counting down, counters growing), with
# each measured frame also alone in a file of its own. Frames measured: the first, the middle,
# the last, and the last delta before a keyframe (the longest chain to decode). Files go to
# /dev/shm and are removed at the end.
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
netsnap=${NETSNAP:-$here/build/netsnap}
make_day=${MAKE_DAY:-$here/build/make_day_timeline}
frames=${1:-86400}
sockets=${2:-1000}
runs=${RUNS:-9}
interval=64  # frames from one keyframe to the next (kDefaultKeyframeInterval + 1)
work=$(mktemp -d /dev/shm/netsnap-seek.XXXXXX)
trap 'rm -rf "$work"' EXIT

middle=$((frames / 2))
before_key=$(((frames - 1) / interval * interval - 1))
picks=(0 "$middle" "$before_key" $((frames - 1)))
singles=()
for n in "${picks[@]}"; do singles+=("$n" "$work/one-$n.nsnap"); done

start=$(date +%s%N)
"$make_day" "$here/fixtures/production-001" "$work/day.nsnap" "$frames" "$sockets" "${singles[@]}"
end=$(date +%s%N)
size=$(stat -c %s "$work/day.nsnap")
echo "seek: $frames frames of $sockets TCP sockets, $size bytes ($((size / frames)) a frame)," \
  "written in $(awk -v s="$start" -v e="$end" 'BEGIN { printf "%.1f", (e - s) / 1e9 }') s"

seconds() {
  local s e
  s=$(date +%s%N)
  "$@" >/dev/null
  e=$(date +%s%N)
  awk -v s="$s" -v e="$e" 'BEGIN { printf "%.4f\n", (e - s) / 1e9 }'
}
median() { sort -n | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'; }

printf '%-22s %12s %12s %8s\n' "frame" "day (s)" "alone (s)" ratio
for n in "${picks[@]}"; do
  day=() one=()
  for ((i = 0; i < runs; i++)); do
    day+=("$(seconds "$netsnap" show "$work/day.nsnap" --frame "$n" -tan)")
    one+=("$(seconds "$netsnap" show "$work/one-$n.nsnap" --frame 0 -tan)")
  done
  d=$(printf '%s\n' "${day[@]}" | median)
  o=$(printf '%s\n' "${one[@]}" | median)
  label=$n
  ((n == before_key)) && label="$n (before a keyframe)"
  printf '%-22s %12s %12s %8.2f\n' "$label" "$d" "$o" "$(awk -v d="$d" -v o="$o" 'BEGIN { print d / o }')"
done
ls_runs=() summary_runs=()
for ((i = 0; i < 3; i++)); do
  ls_runs+=("$(seconds "$netsnap" ls "$work/day.nsnap")")
  summary_runs+=("$(seconds "$netsnap" summary "$work/day.nsnap")")
done
echo "ls:      $(printf '%s\n' "${ls_runs[@]}" | median) s (median of 3)"
echo "summary: $(printf '%s\n' "${summary_runs[@]}" | median) s (median of 3)"
