#!/bin/sh
# Regenerates data/forecast-accuracy.json (the forecast models' accuracy on DEU III, shown next
# to every forecast) from the DEU III data set. Usage, from the repository root after a build:
#   scripts/update-forecast-accuracy.sh [DATA_DIR] [ACCORD_BINARY]
# DATA_DIR holds deu3/deu3.csv (default ../shared/data); the file keeps only our summary numbers.
set -eu
data=${1:-../shared/data}
accord=${2:-build/apps/accord/accord}
"$accord" bench accuracy --data "$data" --shipped -o data/forecast-accuracy.json
echo "wrote data/forecast-accuracy.json; rebuild (it is compiled into accord::report), then regenerate the forecast and report golden files: ACCORD_UPDATE_GOLDEN=1 build/tests/accord_golden_tests --gtest_filter='*forecast*:*Forecast*:*report*:*ktab*'"
