#!/usr/bin/env python3
"""Distributing Accord runs from Python with mpi4py (docs/scale.md "From Python").

A sweep of negotiations — every pair of strategies, a Python agent among them, on the open
issues of the v20 text, for several seeds — is a list of independent work items.
Each rank runs the items it is dealt (item i goes to rank i mod size), rank 0 gathers the rows
and puts them back in item order, so the printed JSON is the same with any number of ranks:

    PYTHONPATH=build/python python3 examples/mpi4py_sweep.py > one.json
    mpirun -n 2 env PYTHONPATH=build/python python3 examples/mpi4py_sweep.py > two.json
    cmp one.json two.json

Without mpi4py, or without mpirun, it runs every item itself. The engines release the GIL
while they run, so a rank may also use threads; here each rank runs its items one after another.
The test python/tests/test_mpi4py_example.py runs it with 1 and 2 ranks and compares.
"""
import itertools
import json
import sys

import accord

try:
    from mpi4py import MPI
    comm = MPI.COMM_WORLD
except ImportError:  # a single process does everything
    comm = None


class Stubborn(accord.Agent):
    """A Python agent: asks for 90 % of its best utility until the last fifth, then for its
    reservation; accepts any offer at or above what it asks for."""

    def _target(self, turn):
        st = self.domain.stats
        return st.pmin + 0.9 * (st.pmax - st.pmin) if turn.t < 0.8 else st.pmin

    def propose(self, turn):
        x = self.domain.lowest_at_least(self._target(turn))
        return self.domain.stats.best if x is None else x

    def respond(self, turn):
        d = self.domain
        ok = d.utility(turn.standing) >= self._target(turn) - 1e-12 and not d.crosses_red_line(turn.standing)
        return accord.ACCEPT if ok else accord.REJECT


AGENTS = ["linear", "boulware", "random", Stubborn]
VERSIONS = ["v20"]
SEEDS = [1, 2, 3]
PARTIES = ["US", "UA"]


def items():
    """The work items, in their fixed order: (version, seed, first agent, second agent)."""
    return list(itertools.product(VERSIONS, SEEDS, AGENTS, AGENTS))


def run(item, scenario):
    version, seed, a, b = item
    r = accord.negotiate(scenario, [a, b], 50, version=version, parties=PARTIES, seed=seed)
    return {"version": version, "seed": seed, "agents": r.agents, "ending": r.ending,
            "round": r.round, "utilities": r.utilities}


def main():
    rank, size = (comm.Get_rank(), comm.Get_size()) if comm is not None else (0, 1)
    scenario = accord.load("geneva-2025")  # every rank reads its own input
    work = items()
    mine = [(i, run(item, scenario)) for i, item in enumerate(work) if i % size == rank]
    gathered = comm.gather(mine, root=0) if comm is not None else [mine]
    if rank != 0:
        return
    rows = [row for _, row in sorted(itertools.chain.from_iterable(gathered), key=lambda x: x[0])]
    agreements = sum(r["ending"] == "agreement" for r in rows)
    json.dump({"negotiations": len(rows), "agreements": agreements, "rows": rows}, sys.stdout, indent=1)
    sys.stdout.write("\n")
    print(f"{len(rows)} negotiations on {size} rank(s), {agreements} agreements", file=sys.stderr)


if __name__ == "__main__":
    main()
