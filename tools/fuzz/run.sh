#!/usr/bin/env bash
# Runs the libFuzzer harnesses of tests/fuzz: tools/fuzz/run.sh [SECONDS_EACH] [HARNESS...]
#
# Installs clang and its fuzzer runtime from Debian when missing (as root, as tools/setup.sh
# does), builds the fuzzers in build-fuzz/ (-DNETSNAP_FUZZ=ON), then runs each harness (all by
# default): first every input kept in tests/fuzz/regressions/<harness>/ once, under ASan and
# UBSan, then SECONDS_EACH seconds (default 60) of fuzzing from a scratch copy of its seed corpus;
# it prints one line per harness. A crash, leak, timeout or out-of-memory input
# found is copied into tests/fuzz/regressions/<harness>/ (replayed by netsnap_tests from then on),
# and the script exits 1 once every harness has run. FUZZ_JOBS (default 2) sets ninja's jobs;
# FUZZ_FLAGS adds libFuzzer options: "-runs=10000000" for a campaign by executions, or
# "-fork=1 -ignore_crashes=1 -ignore_ooms=1 -ignore_timeouts=1" to go on past findings.
set -euo pipefail
cd "$(dirname "$0")/../.."

seconds=${1:-60}
shift || true
[[ $seconds =~ ^[0-9]+$ ]] || { echo "usage: $0 [SECONDS_EACH] [HARNESS...]" >&2; exit 2; }

install_clang() { bash tools/install_packages.sh clang libclang-rt-14-dev; }

build_fuzzers() {
  if [[ ! -f build-fuzz/CMakeCache.txt ]]; then
    CC=clang CXX=clang++ cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
      -DNETSNAP_FUZZ=ON >/dev/null
  fi
  ninja -C build-fuzz -j "${FUZZ_JOBS:-2}" fuzzers >/dev/null
}

# The libFuzzer options of every run.
limits=(-rss_limit_mb=2048 -timeout=10)

# replay_regressions NAME DIR: runs every kept input of NAME once under the sanitizers, with the
# log in DIR/replay.log; returns 1 when one still fails.
replay_regressions() {
  local inputs=()
  mapfile -t inputs < <(find "tests/fuzz/regressions/$1" -maxdepth 1 -type f ! -name README.md \
    2>/dev/null | sort)
  ((${#inputs[@]})) || return 0
  "build-fuzz/tests/fuzz/fuzz_$1" "${limits[@]}" "${inputs[@]}" >"$2/replay.log" 2>&1
}

# The executions and exec/s a log reports: the final stats, or in fork mode (FUZZ_FLAGS=-fork=N)
# the last progress line ("#141315: cov: ... time: 60s ...").
log_figures() {
  local runs rate
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$1" | tail -n 1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$1" | tail -n 1)
  if [[ -z $runs ]]; then  # fork mode's exec/s figure stays 0: divide by its time instead
    local line
    line=$(grep -E '^#[0-9]+: cov:.* time: [0-9]+s' "$1" | tail -n 1)
    runs=$(sed -n 's/^#\([0-9]*\):.*/\1/p' <<<"$line")
    local time
    time=$(sed -n 's/.* time: \([0-9]*\)s.*/\1/p' <<<"$line")
    [[ -n $runs && ${time:-0} -gt 0 ]] && rate=$((runs / time))
  fi
  echo "${runs:-?} ${rate:-?}"
}

# excerpt LOG: the sanitizer's or libFuzzer's report, indented.
excerpt() {
  grep -m 1 -A 12 -E '^==[0-9]+== ?ERROR|runtime error|fuzz check failed|^INFO: a leak' "$1" |
    sed 's/^/fuzz:   | /' || true
}

# run_harness NAME: replays NAME's regressions, then fuzzes it for $seconds; prints its line;
# returns 1 on a failure.
run_harness() {
  local name=$1 fuzzer=build-fuzz/tests/fuzz/fuzz_$1 work status=0 regressions
  regressions=tests/fuzz/regressions/$name
  work=$(mktemp -d "${TMPDIR:-/tmp}/netsnap-fuzz-$name.XXXXXX")
  mkdir -p "$work/corpus" "$work/findings"
  if ! replay_regressions "$name" "$work"; then
    printf 'fuzz: %-20s FAILED a kept input in %s still fails\n' "$name" "$regressions"
    excerpt "$work/replay.log"
    echo "fuzz:   full log: $work/replay.log"
    status=1
  fi
  # Only the seeds: a large kept input would raise libFuzzer's input size limit (-max_len
  # defaults to the largest) and slow every run down.
  cp tests/fuzz/corpus/"$name"/* "$work/corpus/"
  local fuzz_status=0
  # shellcheck disable=SC2086  # FUZZ_FLAGS is a list of options
  "$fuzzer" "$work/corpus" -max_total_time="$seconds" "${limits[@]}" \
    -artifact_prefix="$work/findings/" -print_final_stats=1 ${FUZZ_FLAGS:-} \
    >"$work/log" 2>&1 || fuzz_status=$?
  local figures findings=("$work"/findings/*)
  read -r -a figures < <(log_figures "$work/log")
  if ((fuzz_status == 0)) && [[ ! -e ${findings[0]} ]]; then
    printf 'fuzz: %-20s ok     %10s runs %7s exec/s\n' "$name" "${figures[@]}"
    ((status)) || rm -rf "$work"
    return "$status"
  fi
  printf 'fuzz: %-20s FAILED %10s runs %7s exec/s (exit %d)\n' "$name" "${figures[@]}" \
    "$fuzz_status"
  mkdir -p "$regressions"
  local finding
  for finding in "${findings[@]}"; do
    [[ -e $finding ]] || continue
    cp "$finding" "$regressions/"
    echo "fuzz:   kept $regressions/$(basename "$finding")"
  done
  excerpt "$work/log"
  echo "fuzz:   full log: $work/log"
  return 1
}

install_clang
build_fuzzers
harnesses=("$@")
if ((${#harnesses[@]} == 0)); then
  for source in tests/fuzz/*_fuzz.cc; do
    name=$(basename "$source" _fuzz.cc)
    harnesses+=("$name")
  done
fi
failed=0
for name in "${harnesses[@]}"; do
  [[ -x build-fuzz/tests/fuzz/fuzz_$name ]] || { echo "fuzz: no harness '$name'" >&2; exit 2; }
  run_harness "$name" || failed=1
done
exit "$failed"
