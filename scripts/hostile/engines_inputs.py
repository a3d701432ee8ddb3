#!/usr/bin/env python3
"""Generators for the engines' hostile/large inputs (issue 10, items 15-17 and 22).

  engines_inputs.py ktab N D SEED > f.csv          KTAB SMP CSV, N actors x D dimensions
  engines_inputs.py scenario N ISSUES SEED > f.yaml scenario with N parties with preferences
  engines_inputs.py gmcr DMS OPTS SEED > f.yaml     conflict: DMS decision makers x OPTS options each
  engines_inputs.py gmcrpy-ranking OPTS > f.gmcr    gmcr-py file whose ranking covers 2^OPTS states

The same shapes (other random numbers: std::mt19937) are generated in tests/hostile/forecast_util.hpp.
"""
import json
import random
import sys


def ktab(n, d, seed):
    r = random.Random(seed)
    out = [f"Hostile{n}x{d},generated,{n},{d},"]
    out.append("Actor,Description,Power," + ",".join(f"Pos{k+1},Sal{k+1}" for k in range(d)) + ",")
    for i in range(n):
        sal = [r.uniform(0, 100.0 / d) for _ in range(d)]
        fields = [f"A{i:04d}", "gen", f"{r.uniform(1, 200):.3f}"]
        for k in range(d):
            fields += [f"{r.uniform(0, 100):.2f}", f"{sal[k]:.2f}"]
        out.append(",".join(fields) + ",")
    return "\n".join(out) + "\n"


def scenario(n, issues, seed):
    r = random.Random(seed)
    lines = ["format: 1", f"id: hostile-{n}", f"title: {n} parties", "parties:"]
    for i in range(n):
        lines.append(f"  - {{id: P{i:05d}, name: Party {i}, role: party, capability: {r.randint(1, 100)}}}")
    lines.append("issues:")
    for k in range(issues):
        opts = ", ".join(f"o{k}_{o}" for o in range(4))
        lines.append(f"  - {{id: i{k}, title: Issue {k}, options: [{opts}]}}")
    lines.append("preferences:")
    for i in range(n):
        w = [r.random() for _ in range(issues)]
        s = sum(w)
        lines.append(f"  P{i:05d}:")
        lines.append("    reservation: 0.3")
        lines.append("    issues:")
        for k in range(issues):
            vals = ", ".join(f"o{k}_{o}: {r.random():.3f}" for o in range(4))
            lines.append(f"      i{k}: {{weight: {w[k] / s:.4f}, values: {{{vals}}}}}")
    return "\n".join(lines) + "\n"


def gmcr(dms, opts, seed):
    r = random.Random(seed)
    lines = ["format: 1", f"id: gmcr-{dms}x{opts}", "title: large conflict", "parties:"]
    for d in range(dms):
        lines.append(f"  - {{id: D{d}, name: DM {d}, role: party, capability: 1}}")
    lines += ["issues:", "  - {id: x, title: X, options: [a, b]}", "conflict:", "  options:"]
    names = [f"o{d}_{k}" for d in range(dms) for k in range(opts)]
    for nm in names:
        lines.append(f"    - {nm}")
    lines.append("  decision_makers:")
    for d in range(dms):
        lines.append(f"    - id: D{d}")
        lines.append(f"      options: [{', '.join(names[d * opts:(d + 1) * opts])}]")
        lines.append("      preferences:")
        for _ in range(8):
            lits = r.sample(names, 2)
            lits = [("" if r.random() < 0.5 else "not ") + x for x in lits]
            lines.append(f"        - \"{' & '.join(lits)}\"")
    lines.append("  status_quo: " + "N" * len(names))
    return "\n".join(lines) + "\n"


def gmcrpy_ranking(opts):
    n = 1 << opts
    doc = {
        "options": [{"name": f"o{k}", "permittedDirection": "both"} for k in range(opts)],
        "decisionMakers": [
            {"name": "A", "options": list(range(opts // 2)), "preferenceRanking": list(range(1, n + 1))},
            {"name": "B", "options": list(range(opts // 2, opts)), "preferenceRanking": list(range(n, 0, -1))},
        ],
        "infeasibles": [],
        "useManualPreferenceRanking": True,
    }
    return json.dumps(doc)


if __name__ == "__main__":
    kind, args = sys.argv[1], [int(a) for a in sys.argv[2:]]
    text = {"ktab": ktab, "scenario": scenario, "gmcr": gmcr, "gmcrpy-ranking": gmcrpy_ranking}[kind](*args)
    sys.stdout.write(text)
