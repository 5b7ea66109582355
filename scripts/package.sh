#!/usr/bin/env bash
# Builds prodready_<version>_amd64.deb (CPack): the driver in /usr/bin, the
# clang-tidy plugin in /usr/lib/prodready, docs and hooks.
# Usage: scripts/package.sh [OUTPUT_DIR]   (default: the build directory)
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR="${PRODREADY_BUILD_DIR:-build}"
OUT="${1:-$BUILD_DIR}"
scripts/build.sh >/dev/null
mkdir -p "$OUT"
cpack --config "$BUILD_DIR/CPackConfig.cmake" -B "$OUT" >/dev/null
ls "$OUT"/prodready_*_amd64.deb
