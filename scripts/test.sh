#!/usr/bin/env bash
# The second README command: installs what is missing, builds prodready and
# runs the whole test suite (unit tests and the lit suite), ending with a line
# "N passed, N failed". Exit status 0 only when every test passed.
#   scripts/test.sh              the suite
#   scripts/test.sh --sanitize   the same, built with ASan+UBSan in build-asan/
set -euo pipefail
cd "$(dirname "$0")/.."
SANITIZE=0
for arg in "$@"; do
  case "$arg" in
    --sanitize) SANITIZE=1 ;;
    *) echo "usage: scripts/test.sh [--sanitize]" >&2; exit 2 ;;
  esac
done
scripts/install-deps.sh
if [ "$SANITIZE" = 1 ]; then
  export PRODREADY_BUILD_DIR=build-asan
  scripts/build.sh -DPRODREADY_SANITIZE=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo
  export ASAN_OPTIONS=detect_leaks=0 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
  # clang-tidy-19 itself is not instrumented: preload the runtime so that it
  # can load the instrumented plugin.
  LD_PRELOAD="$(clang++-19 -print-file-name=libclang_rt.asan-x86_64.so)"
  export LD_PRELOAD
else
  export PRODREADY_BUILD_DIR=build
  scripts/build.sh
fi
cmake -S examples -B "$PRODREADY_BUILD_DIR/examples" -G Ninja -DCMAKE_CXX_COMPILER=clang++-19 >/dev/null

RESULTS="$PRODREADY_BUILD_DIR/test-results.json"
set +e
/usr/bin/python3 /usr/lib/llvm-19/build/utils/lit/lit.py -sv \
  --output "$RESULTS" "$PRODREADY_BUILD_DIR/test"
set -e
/usr/bin/python3 - "$RESULTS" <<'PY'
import json, sys
results = json.load(open(sys.argv[1]))["tests"]
passed = sum(r["code"] in ("PASS", "XFAIL") for r in results)
failed = sum(r["code"] in ("FAIL", "XPASS", "UNRESOLVED", "TIMEOUT") for r in results)
skipped = sum(r["code"] in ("UNSUPPORTED", "SKIPPED", "EXCLUDED") for r in results)
for r in results:
    if r["code"] in ("FAIL", "XPASS", "UNRESOLVED", "TIMEOUT"):
        print("FAILED:", r["name"])
print("%d passed, %d failed, %d skipped" % (passed, failed, skipped))
sys.exit(1 if failed or not passed else 0)
PY
