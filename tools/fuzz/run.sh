#!/usr/bin/env bash
# Runs the libFuzzer harnesses of tests/fuzz: tools/fuzz/run.sh [SECONDS_EACH] [HARNESS...]
#
# Installs clang and its fuzzer runtime from Debian when missing (as root, as tools/setup.sh
# does), builds the fuzzers in build-fuzz/ (-DNETSNAP_FUZZ=ON), then runs each harness (all by
# default) for SECONDS_EACH seconds (default 60) on a scratch copy of its seed corpus and its
# regression inputs, and prints one line per harness. A crash, leak, timeout or out-of-memory
# input is copied into tests/fuzz/regressions/<harness>/ (replayed by netsnap_tests from then on),
# and the script exits 1 once every harness has run. FUZZ_JOBS (default 2) sets ninja's jobs;
# FUZZ_FLAGS adds libFuzzer options (e.g. "-runs=10000000" for a campaign by executions).
set -euo pipefail
cd "$(dirname "$0")/../.."

seconds=${1:-60}
shift || true
[[ $seconds =~ ^[0-9]+$ ]] || { echo "usage: $0 [SECONDS_EACH] [HARNESS...]" >&2; exit 2; }

install_clang() {
  local packages=(clang libclang-rt-14-dev) missing=() p
  for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if ((${#missing[@]})); then
    echo "fuzz: installing ${missing[*]}" >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}

build_fuzzers() {
  if [[ ! -f build-fuzz/CMakeCache.txt ]]; then
    CC=clang CXX=clang++ cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
      -DNETSNAP_FUZZ=ON >/dev/null
  fi
  ninja -C build-fuzz -j "${FUZZ_JOBS:-2}" fuzzers >/dev/null
}

# run_harness NAME: fuzzes NAME for $seconds; prints its line; returns 1 on a finding.
run_harness() {
  local name=$1 fuzzer=build-fuzz/tests/fuzz/fuzz_$1 work status=0 regressions
  regressions=tests/fuzz/regressions/$name
  work=$(mktemp -d "${TMPDIR:-/tmp}/netsnap-fuzz-$name.XXXXXX")
  mkdir -p "$work/corpus" "$work/findings"
  cp tests/fuzz/corpus/"$name"/* "$work/corpus/"
  if [[ -d $regressions ]]; then
    find "$regressions" -maxdepth 1 -type f ! -name README.md -exec cp {} "$work/corpus/" \;
  fi
  # shellcheck disable=SC2086  # FUZZ_FLAGS is a list of options
  "$fuzzer" "$work/corpus" -max_total_time="$seconds" -rss_limit_mb=2048 -timeout=10 \
    -artifact_prefix="$work/findings/" -print_final_stats=1 ${FUZZ_FLAGS:-} \
    >"$work/log" 2>&1 || status=$?
  local runs rate
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$work/log" | tail -n 1)
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$work/log" | tail -n 1)
  local findings=("$work"/findings/*)
  if ((status == 0)) && [[ ! -e ${findings[0]} ]]; then
    printf 'fuzz: %-20s ok     %10s runs %7s exec/s\n' "$name" "${runs:-?}" "${rate:-?}"
    rm -rf "$work"
    return 0
  fi
  printf 'fuzz: %-20s FAILED %10s runs %7s exec/s (exit %d)\n' "$name" "${runs:-?}" \
    "${rate:-?}" "$status"
  mkdir -p "$regressions"
  local finding
  for finding in "${findings[@]}"; do
    [[ -e $finding ]] || continue
    cp "$finding" "$regressions/"
    echo "fuzz:   kept $regressions/$(basename "$finding")"
  done
  grep -m 1 -A 12 -E '^==[0-9]+==ERROR|runtime error|^==[0-9]+== ERROR|fuzz check failed' \
    "$work/log" | sed 's/^/fuzz:   | /' || true
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
