#!/usr/bin/env bash
# Configures and builds prodready (plugin, driver, unit tests) in build/.
# Usage: scripts/build.sh [extra cmake args...]
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR="${PRODREADY_BUILD_DIR:-build}"
if [ ! -f "$BUILD_DIR/build.ninja" ] || [ "$#" -gt 0 ]; then
  cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_CXX_COMPILER=clang++-19 \
    -DCMAKE_BUILD_TYPE=Release "$@" >/dev/null
fi
ninja -C "$BUILD_DIR"
