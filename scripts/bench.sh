#!/usr/bin/env bash
# The benchmark (docs/performance.md): parse floor vs prodready vs clang-tidy.
#   scripts/bench.sh                 examples/ + a generated 200-unit workload
#   scripts/bench.sh --units N       a smaller/larger generated workload
#   scripts/bench.sh --db FILE       any compile_commands.json
#   --reps R (default 3), --jobs J (default: all cores)
#   scripts/bench.sh --edit-loop     only the edit loop: cold analysis vs
#                                    re-analysis after a body edit with the
#                                    preamble reused (examples/src/session.cpp
#                                    and a generated Asio unit)
# Writes build/bench/results.md and results.json (edit-loop.md/.json).
set -euo pipefail
cd "$(dirname "$0")/.."
UNITS=200 DB="" REPS=3 JOBS="$(nproc)" TOUCH="" EDIT_LOOP=""
while [ $# -gt 0 ]; do
  case "$1" in
    --units) UNITS="$2"; shift 2 ;;
    --db) DB="$2"; shift 2 ;;
    --reps) REPS="$2"; shift 2 ;;
    --jobs) JOBS="$2"; shift 2 ;;
    --edit-loop) EDIT_LOOP=1; shift ;;
    *) echo "usage: scripts/bench.sh [--units N | --db FILE] [--reps R] [--jobs J] | --edit-loop [--reps R]" >&2; exit 2 ;;
  esac
done
BUILD_DIR="${PRODREADY_BUILD_DIR:-build}"
scripts/build.sh >/dev/null
if [ -n "$EDIT_LOOP" ]; then
  cmake -S examples -B "$BUILD_DIR/examples" -G Ninja -DCMAKE_CXX_COMPILER=clang++-19 >/dev/null
  WL="$BUILD_DIR/bench/edit-loop-workload"
  rm -rf "$WL"
  python3 scripts/gen-workload.py units 1 "$WL"
  exec python3 scripts/bench-edit-loop.py --driver "$BUILD_DIR/driver/prodready" \
    --out "$BUILD_DIR/bench" --reps "$REPS" --lsp \
    "examples/src/session.cpp:$BUILD_DIR/examples/compile_commands.json" \
    "$WL/src/unit_000.cpp:$WL/compile_commands.json"
fi
if [ -z "$DB" ]; then
  WL="$BUILD_DIR/bench/workload"
  rm -rf "$WL"
  python3 scripts/gen-workload.py units "$UNITS" "$WL"
  # examples/ joins the generated units in one database.
  cmake -S examples -B "$BUILD_DIR/examples" -G Ninja -DCMAKE_CXX_COMPILER=clang++-19 >/dev/null
  python3 - "$WL/compile_commands.json" "$BUILD_DIR/examples/compile_commands.json" <<'PY'
import json, sys
a = json.load(open(sys.argv[1])); b = json.load(open(sys.argv[2]))
json.dump(a + b, open(sys.argv[1], "w"), indent=1)
PY
  DB="$WL/compile_commands.json"
  TOUCH="$WL/include/common.h"
fi
python3 scripts/bench.py --db "$DB" --driver "$BUILD_DIR/driver/prodready" \
  --plugin "$BUILD_DIR/checks/libProdReadyTidy.so" --scripts scripts --reps "$REPS" \
  --jobs "$JOBS" ${TOUCH:+--touch "$TOUCH"} --out "$BUILD_DIR/bench/results"
