#!/usr/bin/env python3
"""Cost per call of an agent written in Python (docs/python.md "Agents in Python").

    PYTHONPATH=build/python /usr/bin/python3 bench/python_agent_cost.py [--rounds 2000] [--runs 7]

One negotiation on the Geneva v20 text between US and UA, against the C++ `hardliner` (which
never concedes, so every one of the R rounds is played), with UA played by:
  - cpp:     the C++ `linear` agent;
  - python:  the same rule in Python (tests' Linear: respond + a lookup per round);
  - trivial: a Python agent that always offers its best package (the bare cost of a call).
Per call = (time with the Python agent - time with the C++ agent) / calls into Python, where a
round costs one respond (after round 0) and one propose when the agent does not accept.
Medians of interleaved runs.
"""
import argparse
import statistics
import time

import accord

EPS = 1e-12


class Linear(accord.Agent):
    def _mine(self, turn):
        st = self.domain.stats
        x = self.domain.lowest_at_least(st.pmin + (st.pmax - st.pmin) * (1.0 - turn.t))
        return st.best if x is None else x

    def propose(self, turn):
        return self._mine(turn)

    def respond(self, turn):
        d = self.domain
        mine = self._mine(turn)
        u = d.utility(turn.standing)
        if u >= d.utility(mine) - EPS and u >= d.stats.reservation - EPS and not d.crosses_red_line(turn.standing):
            return accord.ACCEPT
        return mine


class Trivial(accord.Agent):
    calls = 0  # every call into the agent (the GIL serialises them, so a plain counter is exact)

    def on_start(self):
        self.best = self.domain.stats.best

    def propose(self, turn):
        Trivial.calls += 1
        return self.best

    def respond(self, turn):
        Trivial.calls += 1
        return accord.REJECT


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=2000)
    ap.add_argument("--runs", type=int, default=7)
    a = ap.parse_args()
    s = accord.load("geneva-2025")
    kw = dict(version="v20", parties=["US", "UA"], max_seconds=0)

    def seconds(agent):
        t0 = time.perf_counter()
        r = accord.negotiate(s, ["hardliner", agent], a.rounds, **kw)
        return time.perf_counter() - t0, r

    t = {"cpp": [], "python": [], "trivial": []}
    for _ in range(a.runs):
        for name, agent in (("cpp", "linear"), ("python", Linear), ("trivial", Trivial)):
            sec, r = seconds(agent)
            assert r.ending == "deadline" and r.actions == 2 * a.rounds, (r.ending, r.actions)
            t[name].append(sec)
    m = {k: statistics.median(v) for k, v in t.items()}
    # Linear: respond (rounds 1..R-1; it returns its counter-offer itself) + propose at round 0.
    # Trivial: respond is the base class's (REJECT), then propose: 2 calls per round but one.
    linear_calls = a.rounds
    trivial_calls = 2 * a.rounds - 1
    print(f"{a.rounds} rounds, medians of {a.runs} interleaved runs (one negotiation each)")
    print(f"C++ linear vs hardliner:      {m['cpp'] * 1e3:8.2f} ms")
    print(f"Python Linear vs hardliner:   {m['python'] * 1e3:8.2f} ms  "
          f"{(m['python'] - m['cpp']) / linear_calls * 1e6:6.2f} us per call ({linear_calls} calls)")
    print(f"Python Trivial vs hardliner:  {m['trivial'] * 1e3:8.2f} ms  "
          f"{(m['trivial'] - m['cpp']) / trivial_calls * 1e6:6.2f} us per call ({trivial_calls} calls)")

    # In a tournament the Python calls come from oneTBB's worker threads (the GIL taken per call).
    rounds, repeats = 1000, 10
    tt = {"cpp": [], "trivial": []}
    calls = 0
    for _ in range(a.runs):
        for name, agent in (("cpp", "linear"), ("trivial", Trivial)):
            Trivial.calls = 0
            t0 = time.perf_counter()
            r = accord.tournament(s, [agent, "hardliner"], rounds, repeats=repeats, threads=2, **kw)
            tt[name].append(time.perf_counter() - t0)
            assert r.negotiations == 4 * repeats
            calls = max(calls, Trivial.calls)
    mt = {k: statistics.median(v) for k, v in tt.items()}
    print(f"tournament, 2 threads, {repeats} repeats x 4 assignments x {rounds} rounds:")
    print(f"  C++ linear + hardliner:     {mt['cpp'] * 1e3:8.2f} ms")
    print(f"  Python Trivial + hardliner: {mt['trivial'] * 1e3:8.2f} ms  "
          f"{(mt['trivial'] - mt['cpp']) / calls * 1e6:6.2f} us per call ({calls} calls)")


if __name__ == "__main__":
    main()
