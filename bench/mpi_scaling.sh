#!/bin/sh
# MPI scaling of the issue-14 benchmarks (docs/scale.md "Measured on this machine"): a tournament
# of 8 agents x 4 ANAC domains x 100 repeats, a 10^6-draw Monte Carlo forecast of geneva-2025 and
# `accord robustness geneva-2025`, each plain and under mpirun with 1 and 2 ranks of one thread
# (the tournament also plain with 2 threads), no time budget; prints wall and user CPU seconds and checks every output equals the plain one.
#   sh bench/mpi_scaling.sh [build/apps/accord/accord] [../shared/data/genius-anac]
set -eu
ACCORD=${1:-build/apps/accord/accord}
ANAC=${2:-../shared/data/genius-anac}
OUT=${TMPDIR:-/tmp}/accord-mpi-scaling
mkdir -p "$OUT"
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
AGENTS=boulware,conceder,freq,hardliner,linear,micro,random,tft
T="tournament --domain $ANAC/y2010/EnglandZimbabwe --domain $ANAC/y2010/ItexvsCypress \
--domain $ANAC/y2011/Grocery --domain $ANAC/y2011/Laptop --agents $AGENTS --rounds 100 --repeats 100 --summary --json --max-seconds 0"
F="forecast geneva-2025 --runs 1000000 --json --max-seconds 0"
R="robustness geneva-2025 --json --max-seconds 0"
uptime
for case in T F R; do
  eval args=\"\$$case\"
  runs="plain1 plain2 mpi1 mpi2"
  [ "$case" = T ] || runs="plain1 mpi1 mpi2"  # the long ones: 2 threads in one process is not the question
  for run in $runs; do
    case $run in
      plain1) cmd="$ACCORD $args --threads 1" ;;
      plain2) cmd="$ACCORD $args --threads 2" ;;
      mpi1) cmd="mpirun -n 1 $ACCORD $args --threads 1" ;;
      mpi2) cmd="mpirun -n 2 $ACCORD $args --threads 1" ;;
    esac
    [ "$case" = R ] && cmd=$(echo "$cmd" | sed 's/ --threads [12]//')  # robustness has no --threads
    /usr/bin/time -f "%e %U" -o "$OUT/time" sh -c "$cmd > $OUT/$case-$run.json 2>$OUT/$case-$run.err"
    same=same; cmp -s "$OUT/$case-plain1.json" "$OUT/$case-$run.json" || same=DIFFERENT
    echo "$case $run: wall/user $(cat "$OUT/time") s, output $same; $(grep -h 'MPI:' "$OUT/$case-$run.err" || true)"
  done
done
uptime
