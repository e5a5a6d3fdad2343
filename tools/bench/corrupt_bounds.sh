#!/usr/bin/env bash
# Prints, per hostile timeline of the corrupt-input suite, the largest peak RSS and wall time of any
# reading command on it: the figures to quote for issue 9's bounds.
#
#   tools/bench/corrupt_bounds.sh [NETSNAP_BINARY] [run_corrupt_suite.py options...]
#
# Runs tests/corrupt/run_corrupt_suite.py --bounds in a scratch folder (the cases take ~110 MB
# there, the 2-million-frame timeline 280 MB, and two sparse files 2 GiB of apparent size each) and
# prints its full table, then the per-case figures. Extra options go to the suite, e.g. --case zstd-bomb or --hang-seconds 60 to see how long
# a hang really lasts, --long-frames 500000 for a quicker run. Exit status: the suite's (1 when any
# check failed).
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
netsnap=${1:-$here/build/netsnap}
shift $(($# > 0 ? 1 : 0))
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 "$here/tests/corrupt/run_corrupt_suite.py" --netsnap "$netsnap" --work "$work" --bounds "$@"
