#!/bin/sh
# Times `accord bargain --json` on the opposed-camp scenarios (issue 10 item 20).
# Usage: scripts/hostile/bargain_opposed.sh ACCORD_BINARY TESTS_BINARY [DIR]
# TESTS_BINARY is build/tests/accord_engines_bargain_tests (it writes the fixed-seed files).
set -eu
accord=$1; tests=$2; dir=${3:-/tmp/accord-opposed}
mkdir -p "$dir"
ACCORD_WRITE_OPPOSED_DIR="$dir" "$tests" --gtest_also_run_disabled_tests --gtest_filter='BargainOpposed.DISABLED_WriteScenarioFilesOnRequest' >/dev/null
for f in "$dir"/opposed-*.yaml; do
  printf '%s: ' "$(basename "$f")"
  /usr/bin/time -f '%e s, %M KB' timeout 120 "$accord" bargain "$f" --json >/dev/null || echo "(exit $?)"
done
