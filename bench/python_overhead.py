#!/usr/bin/env python3
"""Python overhead of accord.bargain on KillerRobot (ANAC 2015, 5 parties, 240,000 packages).

    PYTHONPATH=build/python /usr/bin/python3 bench/python_overhead.py [--runs N] [--bench build/bench/accord_bargain_bench]

Compares, each as the median of N runs on the same machine:
  - C++:    the engine alone, bargain::run (Google Benchmark BM_KillerRobot) when --bench is given;
  - Python: accord.bargain(s) (the engine call from Python: arguments, GIL release, result);
  - CLI:    `accord bargain --genius DOMAIN PROFILES --json -o /dev/null` (process wall time:
            start, import, engine, JSON) against Python doing the same work in-process
            (import_genius + bargain + to_json written to /dev/null).
Skips (exit 0 with a note) when ../shared/data/genius-anac is absent. docs/python.md "Benchmark".
"""
import argparse
import json
import os
import pathlib
import statistics
import subprocess
import time

import accord

REPO = pathlib.Path(__file__).resolve().parents[1]
KILLER = pathlib.Path(os.environ.get("ACCORD_SHARED_DATA", REPO.parent / "shared" / "data")) / \
    "genius-anac" / "y2015" / "group9-killer_robot"


def median_seconds(fn, runs):
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=15)
    ap.add_argument("--cli", default=str(REPO / "build" / "apps" / "accord" / "accord"))
    ap.add_argument("--bench", default="", help="accord_bargain_bench binary (C++ engine time)")
    a = ap.parse_args()
    if not KILLER.is_dir():
        print(f"skipped: {KILLER} not found")
        return
    files = [str(KILLER / "KillerRobot.xml")] + [str(KILLER / f"KillerRobot_util{k}.xml") for k in range(1, 6)]
    s = accord.import_genius(*files)
    accord.bargain(s)  # warm-up

    py_engine = median_seconds(lambda: accord.bargain(s), a.runs)
    print(f"Python accord.bargain(s), engine call:      {py_engine * 1e3:8.1f} ms")

    if a.bench:
        out = subprocess.run([a.bench, "--benchmark_filter=BM_KillerRobot$", f"--benchmark_repetitions={a.runs}",
                              "--benchmark_report_aggregates_only=true", "--benchmark_format=json"],
                             capture_output=True, text=True, check=True)
        rows = json.loads(out.stdout)["benchmarks"]
        cpp = [r for r in rows if r.get("aggregate_name") == "median"][0]
        cpp_ms = cpp["real_time"] if cpp["time_unit"] == "ms" else cpp["real_time"] / 1e6
        print(f"C++ bargain::run (BM_KillerRobot median):   {cpp_ms:8.1f} ms   Python/C++ = {py_engine * 1e3 / cpp_ms:.3f}")

    def python_like_cli():
        r = accord.bargain(accord.import_genius(*files))
        with open(os.devnull, "w") as f:
            f.write(r.to_json() + "\n")

    py_full = median_seconds(python_like_cli, a.runs)
    cli = median_seconds(lambda: subprocess.run([a.cli, "bargain", "--genius", *files, "--json", "-o", "/dev/null"],
                                                check=True), a.runs)
    print(f"Python import + bargain + JSON, in-process: {py_full * 1e3:8.1f} ms")
    print(f"CLI accord bargain --genius --json (wall):  {cli * 1e3:8.1f} ms   Python/CLI = {py_full / cli:.3f}")


if __name__ == "__main__":
    main()
