#!/usr/bin/env bash
# Runs every libFuzzer target in BUILD_DIR for SECONDS each, seeded with the project's
# scenario files and the bad-input corpus. Fails on any crash, leak or timeout.
set -euo pipefail
build=${1:-build-fuzz}
seconds=${2:-60}
root=$(cd "$(dirname "$0")/.." && pwd)
status=0
for fuzzer in "$build"/fuzz/accord_*_fuzz; do
  [ -x "$fuzzer" ] || continue
  name=$(basename "$fuzzer")
  corpus=$(mktemp -d)
  seeds="$root/fuzz/seeds/${name#accord_}"
  [ -d "$seeds" ] && cp "$seeds"/* "$corpus"/ 2>/dev/null || true
  if [ "$name" = accord_scenario_loader_fuzz ]; then
    cp "$root"/scenarios/*.yaml "$root"/tests/data/bad/* "$corpus"/
  fi
  echo "fuzz: $name for ${seconds}s"
  if ! "$fuzzer" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
       -artifact_prefix="$build/" -print_final_stats=1 "$corpus" 2>"$build/$name.log"; then
    echo "fuzz: $name FAILED; see $build/$name.log"
    tail -n 40 "$build/$name.log"
    status=1
  else
    grep -E "stat::number_of_executed_units|Done" "$build/$name.log" | tail -n 2 || true
  fi
  rm -rf "$corpus"
done
exit $status
