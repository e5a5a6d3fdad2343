#!/usr/bin/env bash
# The README's second command: set up, build, and run every test.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/setup.sh
ctest --test-dir build --output-on-failure -j2
