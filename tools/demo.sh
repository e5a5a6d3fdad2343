#!/usr/bin/env bash
# The README's first command: set up, build, record this machine for a few seconds, and show the
# last frame as `netstat -tanp` would.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/setup.sh >/dev/null
out=${1:-demo.nsnap}
./build/netsnap record --force --duration 3 --interval 1 -o "$out"
./build/netsnap ls "$out"
./build/netsnap show "$out" -tanp
