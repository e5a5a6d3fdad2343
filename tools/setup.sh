#!/usr/bin/env bash
# Installs what netsnap needs from Debian's packages (only what is missing), then configures and
# builds it in build/. Run as root on Debian 12; safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(g++ cmake ninja-build pkg-config capnproto libcapnp-dev libzstd-dev libcli11-dev
          googletest libgtest-dev net-tools iproute2 util-linux python3
          nlohmann-json3-dev libcsv-dev zstd)
bash tools/install_packages.sh "${packages[@]}"

cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
ninja -C build
