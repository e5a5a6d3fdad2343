#!/usr/bin/env bash
# The README's second command: set up, build, run every test, then fuzz every harness briefly
# (FUZZ_SECONDS each, default 20; 0 skips) with clang's libFuzzer, ASan and UBSan.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/setup.sh
ctest --test-dir build --output-on-failure -j2
if ((${FUZZ_SECONDS:-20} > 0)); then
  bash tools/fuzz/run.sh "${FUZZ_SECONDS:-20}"
fi
