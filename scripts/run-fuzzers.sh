#!/usr/bin/env bash
# Runs every libFuzzer target in BUILD_DIR for SECONDS each, seeded with fuzz/seeds/<target>,
# the project's scenario files and bad-input corpus, and (when present) ../shared/data examples.
# Fails on any crash, leak or timeout.
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
  shared="$root/../shared/data"  # third-party examples, used as seeds only when present
  case "$name" in
    accord_scenario_loader_fuzz) cp "$root"/scenarios/*.yaml "$root"/tests/data/bad/* "$corpus"/ ;;
    accord_forecast_csv_fuzz) [ -d "$shared/ktab-smp" ] && cp "$shared"/ktab-smp/*.csv "$corpus"/ || true ;;
    accord_genius_fuzz)
      if [ -d "$shared/genius-anac/y2013/Lunch" ]; then
        { cat "$shared/genius-anac/y2013/Lunch/Lunch.xml"; printf '\0'; cat "$shared/genius-anac/y2013/Lunch/Lunch_util1.xml"; } > "$corpus/lunch.bin"
      fi ;;
  esac
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
