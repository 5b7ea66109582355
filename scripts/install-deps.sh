#!/usr/bin/env bash
# Installs everything prodready needs to build, run and test on Debian
# bookworm: the LLVM/Clang 19 toolchain, CMake/Ninja, the real library
# headers the tests compile against (scripts/apt-packages.txt), and the
# offline SARIF judge from npm (test/tools/package.json).
# Safe to run again: it installs only what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi

# --build-only: what building and running prodready needs (the GitHub Action),
# not the test-only packages or the npm SARIF judge.
BUILD_ONLY=0
if [ "${1:-}" = "--build-only" ]; then BUILD_ONLY=1; fi

if [ "$BUILD_ONLY" = 1 ]; then
  mapfile -t PACKAGES < <(sed '/^# ---- test-only/q' scripts/apt-packages.txt |
                          grep -v '^\s*#' | sed '/^\s*$/d')
else
  mapfile -t PACKAGES < <(grep -v '^\s*#' scripts/apt-packages.txt | sed '/^\s*$/d')
  # Node.js and npm for the SARIF Multitool, unless the machine has them.
  if ! command -v npm >/dev/null 2>&1; then PACKAGES+=(nodejs npm); fi
fi

MISSING=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || MISSING+=("$p")
done
if [ "${#MISSING[@]}" -gt 0 ]; then
  echo "install-deps: installing ${MISSING[*]}"
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${MISSING[@]}"
fi

if [ "$BUILD_ONLY" = 1 ]; then exit 0; fi

MULTITOOL=test/tools/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool
if [ ! -x "$MULTITOOL" ]; then
  echo "install-deps: installing the SARIF Multitool from npm"
  (cd test/tools && npm ci --no-audit --no-fund --loglevel=error)
  # Its postinstall step (chmod) may be disabled by npm's install-script policy.
  chmod u+x "$MULTITOOL"
fi
