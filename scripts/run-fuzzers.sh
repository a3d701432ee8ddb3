#!/usr/bin/env bash
# Runs every libFuzzer target in BUILD_DIR for SECONDS each, JOBS at a time, seeded with
# fuzz/seeds/<target>, the project's scenario files and bad-input corpus, and (when present)
# ../shared/data examples. Fails on any crash, leak or timeout.
set -euo pipefail
build=${1:-build-asan}
seconds=${2:-60}
jobs=${3:-2}
root=$(cd "$(dirname "$0")/.." && pwd)

# Fills $2 with the seed corpus of fuzzer $1.
seed_corpus() {
  local name=$1 corpus=$2
  local seeds="$root/fuzz/seeds/${name#accord_}"
  local shared="$root/../shared/data"  # third-party examples, used as seeds only when present
  [ -d "$seeds" ] && cp "$seeds"/* "$corpus"/ 2>/dev/null || true
  case "$name" in
    accord_scenario_loader_fuzz) cp "$root"/scenarios/*.yaml "$root"/tests/data/bad/* "$corpus"/ ;;
    accord_forecast_csv_fuzz) [ -d "$shared/ktab-smp" ] && cp "$shared"/ktab-smp/*.csv "$corpus"/ || true ;;
    accord_genius_fuzz)
      if [ -d "$shared/genius-anac/y2013/Lunch" ]; then
        { cat "$shared/genius-anac/y2013/Lunch/Lunch.xml"; printf '\0'; cat "$shared/genius-anac/y2013/Lunch/Lunch_util1.xml"; } > "$corpus/lunch.bin"
      fi ;;
  esac
}

# Runs one fuzzer; its verdict goes to $build/<name>.result (ok or FAILED).
run_one() {
  local fuzzer=$1 name corpus
  name=$(basename "$fuzzer")
  corpus=$(mktemp -d)
  seed_corpus "$name" "$corpus"
  if "$fuzzer" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
       -artifact_prefix="$build/" -print_final_stats=1 "$corpus" >/dev/null 2>"$build/$name.log"; then
    echo ok > "$build/$name.result"
  else
    echo FAILED > "$build/$name.result"
  fi
  rm -rf "$corpus"
}

fuzzers=()
for fuzzer in "$build"/fuzz/accord_*_fuzz; do
  [ -x "$fuzzer" ] && fuzzers+=("$fuzzer")
done
if [ ${#fuzzers[@]} -eq 0 ]; then
  echo "fuzz: no fuzzers in $build/fuzz (configure with -DACCORD_FUZZ=ON and clang)" >&2
  exit 1
fi

rm -f "$build"/accord_*_fuzz.result
running=0
for fuzzer in "${fuzzers[@]}"; do
  echo "fuzz: $(basename "$fuzzer") for ${seconds}s"
  run_one "$fuzzer" &
  running=$((running + 1))
  if [ "$running" -ge "$jobs" ]; then wait -n || true; running=$((running - 1)); fi
done
wait

status=0
for fuzzer in "${fuzzers[@]}"; do
  name=$(basename "$fuzzer")
  if [ "$(cat "$build/$name.result" 2>/dev/null)" != ok ]; then
    echo "fuzz: $name FAILED; see $build/$name.log"
    tail -n 40 "$build/$name.log"
    status=1
  else
    echo "fuzz: $name: $(grep -E "stat::number_of_executed_units" "$build/$name.log" | tail -n 1)"
  fi
done
exit $status
