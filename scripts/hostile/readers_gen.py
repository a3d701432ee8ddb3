#!/usr/bin/env python3
"""Generators of the hostile scenario inputs of issue 10, items 15, 18 and 19 (fixed seeds).

  readers_gen.py report N > big.yaml        # N parties with preferences and stances (item 15)
  readers_gen.py alias P K > alias.yaml     # P parties whose stances alias one K-key map (item 18)
  readers_gen.py didyoumean U I > dym.yaml  # U unknown keys against I ids of 64 chars (item 19)

The C++ hostile tests (tests/hostile/readers_*_test.cpp) build the same shapes in process.
"""
import random
import sys


def report(n):
    rng = random.Random(15)
    issues, options = 4, 3
    out = ["format: 1", "id: big", "title: many parties", "parties:"]
    out += [f"  - {{id: P{p}, capability: {rng.randint(1, 100)}}}" for p in range(n)]
    out.append("issues:")
    for i in range(issues):
        out.append(f"  - {{id: i{i}, options: [{', '.join(f'o{i}_{o}' for o in range(options))}]}}")
    out.append("preferences:")
    for p in range(n):
        out.append(f"  P{p}:")
        out.append(f"    reservation: {rng.randint(0, 40) / 100}")
        out.append("    issues:")
        for i in range(issues):
            vals = ", ".join(f"o{i}_{o}: {rng.randint(0, 100) / 100}" for o in range(options))
            out.append(f"      i{i}: {{weight: 0.25, values: {{{vals}}}}}")
    out.append("framework:")
    out.append("  versions:")
    for v in range(2):
        out.append(f"    - id: v{v}")
        out.append("      points:")
        for k in range(6):
            i = k % issues
            frm = f", from: [v0p{k}]" if v == 1 else ""
            out.append(f"        - {{id: v{v}p{k}, text: point {k} of version {v}, "
                       f"sets: {{i{i}: o{i}_{rng.randint(0, options - 1)}}}{frm}}}")
        out.append("      stances:")
        for p in range(n):
            st = ", ".join(f"v{v}p{k}: {rng.choice(['accept', 'reject', 'conditional'])}" for k in range(6))
            out.append(f"        P{p}: {{{st}}}")
    return "\n".join(out) + "\n"


def alias(parties, keys):
    out = ["format: 1", "id: alias", "title: alias amplification", "parties:"]
    out += [f"  - {{id: P{p}}}" for p in range(parties)]
    out += ["issues: [{id: x, options: [a, b]}]", "framework:", "  versions:", "    - id: v1",
            "      points:"]
    out += [f"        - {{id: k{k}}}" for k in range(keys)]
    out.append("      stances:")
    out.append("        P0: &all")
    out += [f"          k{k}: accept" for k in range(keys)]
    out += [f"        P{p}: *all" for p in range(1, parties)]
    return "\n".join(out) + "\n"


def didyoumean(unknown, ids):
    rng = random.Random(19)
    alphabet = "abcdefghijklmnopqrstuvwxyz0123456789"

    def word():
        return "".join(rng.choice(alphabet) for _ in range(64))

    out = ["format: 1", "id: dym", "title: many unknown keys", "parties:"]
    out += [f"  - {{id: {word()}}}" for _ in range(ids)]
    out += ["issues: [{id: x, options: [a, b]}]", "preferences:"]
    out += [f"  {word()}: {{}}" for _ in range(unknown)]
    return "\n".join(out) + "\n"


def main():
    kind, args = sys.argv[1], [int(a) for a in sys.argv[2:]]
    sys.stdout.write({"report": report, "alias": alias, "didyoumean": didyoumean}[kind](*args))


if __name__ == "__main__":
    main()
