#!/usr/bin/env bash
# Builds the libFuzzer targets (clang-19, ASan+UBSan) in build-fuzz/ and runs
# each for SECONDS (default 20) from its seed corpus in test/fuzz/corpus/.
# New interesting inputs go to build-fuzz/corpus/<target>; crashes to
# build-fuzz/crashes/ (turn each into a regression test). Prints exec/s.
#   scripts/fuzz.sh [SECONDS] [TARGET...]   targets: Checklist Sarif Diff CompileDb ClangTidyConfig Redact
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_TARGET="${1:-20}"
shift || true
TARGETS=("$@")
[ "${#TARGETS[@]}" -eq 0 ] && TARGETS=(Checklist Sarif Diff CompileDb ClangTidyConfig Redact)
# libFuzzer's runtime is packaged apart from clang-19 on Debian.
if ! echo 'extern "C" int LLVMFuzzerTestOneInput(const char *, unsigned long) { return 0; }' |
    clang++-19 -x c++ -fsanitize=fuzzer - -o /dev/null 2>/dev/null; then
  echo "fuzz.sh: clang++-19 -fsanitize=fuzzer does not link; install libclang-rt-19-dev" >&2
  exit 2
fi
cmake -S . -B build-fuzz -G Ninja -DCMAKE_CXX_COMPILER=clang++-19 \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo -DPRODREADY_FUZZ=ON >/dev/null
ninja -C build-fuzz $(printf 'fuzz-%s ' "${TARGETS[@]}")
mkdir -p build-fuzz/crashes
status=0
for t in "${TARGETS[@]}"; do
  seed="test/fuzz/corpus/$(echo "$t" | sed 's/CompileDb/compile-db/; s/ClangTidyConfig/clang-tidy-config/' | tr '[:upper:]' '[:lower:]')"
  work="build-fuzz/corpus/$t"
  mkdir -p "$work"
  echo "== fuzz-$t for ${SECONDS_PER_TARGET}s (seeds: $seed)"
  if ! ASAN_OPTIONS=detect_leaks=1 "build-fuzz/test/fuzz/fuzz-$t" "$work" "$seed" \
      -max_total_time="$SECONDS_PER_TARGET" -max_len=65536 -timeout=10 -rss_limit_mb=4096 \
      -artifact_prefix="build-fuzz/crashes/$t-" -print_final_stats=1 2> "build-fuzz/fuzz-$t.log"; then
    echo "fuzz-$t: FAILED, see build-fuzz/fuzz-$t.log and build-fuzz/crashes/"
    status=1
  fi
  grep -a -E "^stat::number_of_executed_units|^stat::average_exec_per_sec|^stat::peak_rss_mb" \
    "build-fuzz/fuzz-$t.log" | sed "s/^/  /"
done
exit $status
