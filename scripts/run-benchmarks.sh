#!/usr/bin/env bash
# Runs every benchmark executable in BUILD_DIR/bench with repetitions and prints medians;
# peak memory per executable from /usr/bin/time when available.
set -euo pipefail
build=${1:-build}
if ! compgen -G "$build/bench/accord_*_bench" >/dev/null; then
  echo "run-benchmarks: no benchmarks in $build/bench; configure with -DACCORD_BENCH=ON (make bench does)" >&2
  exit 1
fi
for b in "$build"/bench/accord_*_bench; do
  [ -x "$b" ] || continue
  echo "== $(basename "$b")"
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -f "peak memory: %M KiB" "$b" --benchmark_repetitions=5 \
      --benchmark_report_aggregates_only=true --benchmark_display_aggregates_only=true
  else
    "$b" --benchmark_repetitions=5 --benchmark_report_aggregates_only=true \
      --benchmark_display_aggregates_only=true
  fi
done
