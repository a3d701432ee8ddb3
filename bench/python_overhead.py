#!/usr/bin/env python3
"""Python overhead of accord.bargain on KillerRobot (ANAC 2015, 5 parties, 240,000 packages).

    PYTHONPATH=build/python /usr/bin/python3 bench/python_overhead.py [--runs N] [--bench build/bench/accord_bargain_bench]

Compares, each as the median of N interleaved runs on the same machine:
  - C++:    the engine alone, bargain::run (Google Benchmark BM_KillerRobot, one iteration per
            round) when --bench is given;
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


def seconds(fn):
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


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

    def python_like_cli():
        r = accord.bargain(accord.import_genius(*files))
        with open(os.devnull, "w") as f:
            f.write(r.to_json() + "\n")

    def cpp_engine_ms():
        out = subprocess.run([a.bench, "--benchmark_filter=BM_KillerRobot$", "--benchmark_min_time=0.001",
                              "--benchmark_format=json"], capture_output=True, text=True, check=True)
        row = json.loads(out.stdout)["benchmarks"][0]
        return row["real_time"] / (1.0 if row["time_unit"] == "ms" else 1e6)

    # Interleaved, so a change of the machine's load hits every variant alike.
    t = {"py_engine": [], "cpp_engine": [], "py_full": [], "cli": []}
    for _ in range(a.runs):
        t["py_engine"].append(seconds(lambda: accord.bargain(s)) * 1e3)
        if a.bench:
            t["cpp_engine"].append(cpp_engine_ms())
        t["py_full"].append(seconds(python_like_cli) * 1e3)
        t["cli"].append(seconds(lambda: subprocess.run(
            [a.cli, "bargain", "--genius", *files, "--json", "-o", "/dev/null"], check=True)) * 1e3)
    m = {k: statistics.median(v) for k, v in t.items() if v}
    print(f"medians of {a.runs} interleaved runs")
    print(f"Python accord.bargain(s), engine call:      {m['py_engine']:8.1f} ms")
    if a.bench:
        print(f"C++ bargain::run (BM_KillerRobot):          {m['cpp_engine']:8.1f} ms   "
              f"Python/C++ = {m['py_engine'] / m['cpp_engine']:.3f}")
    print(f"Python import + bargain + JSON, in-process: {m['py_full']:8.1f} ms")
    print(f"CLI accord bargain --genius --json (wall):  {m['cli']:8.1f} ms   Python/CLI = {m['py_full'] / m['cli']:.3f}")

    # An upper bound of the per-call overhead: a whole call on a 10-package scenario.
    tiny = accord.loads("format: 1\nid: t\ntitle: t\nparties: [{id: A}, {id: B}]\n"
                        "issues: [{id: x, options: [L, H]}, {id: y, range: {min: 1, max: 5, step: 1}}]\n"
                        "preferences:\n  A: {issues: {x: {weight: 1, values: {L: 0, H: 1}}}}\n"
                        "  B: {issues: {x: {weight: 1, values: {L: 1, H: 0}}}}\n")
    n = 2000
    t0 = time.perf_counter()
    for _ in range(n):
        accord.bargain(tiny)
    print(f"whole accord.bargain call on 10 packages:   {(time.perf_counter() - t0) / n * 1e6:8.1f} us "
          f"(an upper bound of the Python overhead per call)")

if __name__ == "__main__":
    main()
