#!/usr/bin/env bash
# Regenerates docs/example-report.md, the scorecard of examples/.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR="${PRODREADY_BUILD_DIR:-build}"
cmake -S examples -B "$BUILD_DIR/examples" -G Ninja -DCMAKE_CXX_COMPILER=clang++-19 >/dev/null
"$BUILD_DIR/driver/prodready" -p "$BUILD_DIR/examples" --source-root . --quiet --fail-on=none \
  --no-cache --format=markdown --project-name 'prodready examples/' --commit= \
  -o docs/example-report.md
echo "wrote docs/example-report.md"
