#!/usr/bin/env bash
# Before/after figures of issue 10 items 15, 18 and 19 (and the floods of 22) for the scenario
# readers and `accord report`: generates the inputs (fixed seeds) and runs each command under
# /usr/bin/time with a 3 GB address-space cap so a regression cannot take the machine down.
#   scripts/hostile/readers_measure.sh [ACCORD_BINARY] [TIMEOUT_SECONDS]
set -uo pipefail
bin=${1:-build/apps/accord/accord}
limit=${2:-120}
dir=$(mktemp -d)
gen="$(dirname "$0")/readers_gen.py"
python3 "$gen" alias 1000 5000 > "$dir/alias.yaml"
python3 "$gen" didyoumean 2000 2000 > "$dir/dym.yaml"
python3 "$gen" report 1000 > "$dir/r1k.yaml"
python3 "$gen" report 20000 > "$dir/r20k.yaml"
run() {
  printf '%-40s ' "$*"
  ( ulimit -v 3000000; /usr/bin/time -f "%e s  %M KB  exit %x" timeout "$limit" "$bin" "$@" 2>&1 >/dev/null | tail -n 1 )
}
run validate "$dir/alias.yaml"
run validate "$dir/dym.yaml"
run report --json "$dir/r1k.yaml"
run report "$dir/r1k.yaml"
run report --json "$dir/r20k.yaml"
run report "$dir/r20k.yaml" --max-seconds 20
rm -rf "$dir"
