#!/usr/bin/env bash
# Checks that prodready's own C++ sources follow .clang-format (LLVM style),
# with clang-format-19 in --dry-run -Werror mode, and names every file that
# does not. For CI (test/driver/format-tree.test runs it over the tree).
#   scripts/check-format.sh           check; exit 1 if a file needs formatting
#   scripts/check-format.sh --diff    also print what clang-format would change
#   scripts/check-format.sh --fix     reformat those files in place
#
# Checked: every tracked *.cpp/*.h under checks/, lib/, driver/, test/unit/
# and test/fuzz/ -- the code built into prodready and its test programs.
# Not checked, on purpose:
#   test/checks/, test/integration/, test/*/Inputs/  analysed inputs: their
#       lit tests pin findings by line and column ([[@LINE-N]]:COL), and many
#       are shaped on purpose the way the real code they reduce was written;
#   examples/  the demo service: docs/example-report.md and the tests link
#       its findings by line (examples/src/storage.cpp#L18).
# CLANG_FORMAT overrides the binary (default: clang-format-19, the version
# scripts/apt-packages.txt installs; another version formats differently).
set -euo pipefail
cd "$(dirname "$0")/.."
CLANG_FORMAT="${CLANG_FORMAT:-clang-format-19}"
MODE=check
case "${1:-}" in
  "") ;;
  --diff) MODE=diff ;;
  --fix) MODE=fix ;;
  *) echo "usage: scripts/check-format.sh [--diff|--fix]" >&2; exit 2 ;;
esac
if ! command -v "$CLANG_FORMAT" >/dev/null; then
  echo "check-format.sh: $CLANG_FORMAT not found (apt-get install clang-format-19)" >&2
  exit 2
fi
if [ ! -f .clang-format ]; then
  echo "check-format.sh: no .clang-format in $(pwd)" >&2
  exit 2
fi

DIRS=(checks lib driver test/unit test/fuzz)
if [ "$(git rev-parse --show-toplevel 2>/dev/null)" = "$(pwd -P)" ]; then
  mapfile -t FILES < <(git ls-files -- "${DIRS[@]}" | grep -E '\.(cpp|h)$' |
                       grep -v '/Inputs/' || true)
else
  # A source tree outside git (an unpacked release): the same directories.
  mapfile -t FILES < <(for d in "${DIRS[@]}"; do [ -d "$d" ] && find "$d" -type f \
                         \( -name '*.cpp' -o -name '*.h' \) -not -path '*/Inputs/*'; done |
                       sort)
fi
if [ "${#FILES[@]}" -eq 0 ]; then
  echo "check-format.sh: no source files found under ${DIRS[*]}" >&2
  exit 2
fi

if [ "$MODE" = fix ]; then
  "$CLANG_FORMAT" -i --style=file "${FILES[@]}"
  echo "formatted ${#FILES[@]} files with $CLANG_FORMAT"
  exit 0
fi

BAD=0
for file in "${FILES[@]}"; do
  # Each place not in style is one "code should be clang-formatted" warning.
  if ! report=$("$CLANG_FORMAT" --dry-run -Werror --style=file "$file" 2>&1); then
    places=$(grep -c 'code should be clang-formatted' <<<"$report" || true)
    if [ "$places" = 0 ]; then
      echo "check-format.sh: $CLANG_FORMAT failed on $file:" >&2
      echo "$report" >&2
      exit 2
    fi
    echo "needs clang-format: $file ($places places)"
    if [ "$MODE" = diff ]; then
      "$CLANG_FORMAT" --style=file "$file" | diff -u "$file" - |
        sed "1,2s|^\([-+]\{3\}\) .*|\1 $file|" || true
    fi
    BAD=$((BAD + 1))
  fi
done
if [ "$BAD" -gt 0 ]; then
  echo "$BAD of ${#FILES[@]} files need clang-format; scripts/check-format.sh --fix formats them"
  exit 1
fi
echo "${#FILES[@]} files formatted as .clang-format asks"
