#!/usr/bin/env bash
# The first README command: installs what is missing, builds prodready, and
# scans the example service in examples/, writing prodready.sarif and
# printing the findings. Usage: scripts/demo.sh
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
# The example's compile_commands.json comes from CMake (configure only).
cmake -S examples -B build/examples -G Ninja -DCMAKE_CXX_COMPILER=clang++-19 >/dev/null
set +e
build/driver/prodready -p build/examples --source-root . --sarif-output prodready.sarif
status=$?
set -e
echo "prodready: SARIF written to prodready.sarif (exit status $status: 1 means findings)"
build/driver/prodready report --format=markdown prodready.sarif -o build/examples/report.md
echo "prodready: readiness scorecard written to build/examples/report.md"
