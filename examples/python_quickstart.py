#!/usr/bin/env python3
"""Accord from Python, notebook style: the Geneva 2025 case through every engine.

Run after `pip install --no-build-isolation ./python` (docs/python.md), or from a build with
`PYTHONPATH=build/python python3 examples/python_quickstart.py`. CI runs it (ctest:
python_quickstart).
"""
import accord

# %% Load the built-in scenario and look at it.
s = accord.load("geneva-2025")
print(s)
for p in s.parties:
    print(f"  {p.id:3} {p.role:11} capability {p.capability:g}  {p.name}")
print("versions:", [v.id for v in s.versions])
ua = s.preferences["UA"]
print("UA reservation", ua.reservation, "red lines on", [i for i, e in ua.issues.items() if e.red_lines])

# %% Evaluate the latest draft: each party's verdict, and whether the text is near-final.
ev = accord.evaluate(s, version="v20")
print("verdicts on v20:", ev.verdicts, "| near-final:", ev.near_final)

# %% How the text evolved.
d = accord.diff(s, "v28", "v20")
print("v28 -> v20:", d.counts)

# %% Bargaining: zone of agreement, Pareto frontier (a numpy array), closest package to v20.
b = accord.bargain(s, version="v20")
print("finding:", b.finding, "| frontier points:", b.pareto.shape, "| schema", b.to_dict()["schema"])
print("closest package changes", b.closest["changed_issues"], "issues of v20")
best = b.pareto[b.pareto.sum(axis=1).argmax()]
print("frontier point with the largest total utility:", dict(zip(b.parties, best.round(3))))

# %% Stability (GMCR): equilibria per concept.
g = accord.gmcr(s)
print("Nash equilibria:", g.equilibria["nash"])

# %% Forecast with a Monte Carlo band: trajectories (turns x actors x issues) and samples.
f = accord.forecast(s, runs=200, seed=1)
print("forecast trajectories", f.trajectories.shape, "| samples", f.samples.shape)
print("donbas lands near", f.nearest_option.get("territory_donbas"),
      "| 5-95% band", [round(f.monte_carlo["dimensions"]["territory_donbas"][k], 1) for k in ("p05", "p95")])

# %% Robustness: which estimated inputs flip the zone finding.
rb = accord.robustness(s, findings="zone", smallest=True)
print("zone:", rb.finding("zone")["value"], "-", rb.finding("zone")["holds_unless"])

# %% Simulated negotiations: a strategy written in Python against the C++ agents.
class Patient(accord.Agent):
    """Asks for 95 % of its best until the last tenth of the rounds, then concedes linearly."""

    def _target(self, turn):
        st = self.domain.stats
        share = 0.95 if turn.t < 0.9 else 0.95 * (1.0 - turn.t) / 0.1
        return st.pmin + share * (st.pmax - st.pmin)

    def propose(self, turn):
        x = self.domain.lowest_at_least(self._target(turn))
        return self.domain.stats.best if x is None else x

    def respond(self, turn):
        ok = self.domain.utility(turn.standing) >= self._target(turn) - 1e-12 \
            and not self.domain.crosses_red_line(turn.standing)
        return accord.ACCEPT if ok else accord.REJECT


n = accord.negotiate(s, [Patient, "boulware"], 50, version="v20", parties=["US", "UA"])
print("Patient vs boulware:", n.ending, "at round", n.round, "| utilities", n.utilities)
t = accord.tournament(s, [Patient, "linear", "boulware", "micro"], 50, repeats=3, version="v20", parties=["US", "UA"])
for row in t.table():
    print(f"  {row['agent']:12} agreement rate {row['agreement_rate']:.2f}  mean utility {row['mean_utility']:.3f}")
print("mediated text (annealing):", accord.mediate(s, "anneal", 1000, from_version="v20", seed=3).adopted, "variants adopted")

# %% Edit: a new mediator with preferences and a new draft, checked like a file.
s2 = s.copy()
s2.add_party("TR", "Türkiye", role="mediator", capability=10, estimate=True)
s2.set_preference("TR", "navigation", weight=1.0, values={"NV_20": 1.0}, reservation=0.2)
v20 = s.version("v20")
s2.add_version("v21", "Draft 21", "2025-12-01",
               [{"id": f"P21_{p.number:02d}", "number": p.number, "text": p.text, "sets": p.sets, "from": [p.id]}
                for p in v20.points])
print("v21 verdicts:", accord.evaluate(s2, version="v21").verdicts)
try:
    s2.set_preference("TR", reservation=1.5)
except accord.ScenarioError as e:
    print("refused:", e.diagnostics[0])
