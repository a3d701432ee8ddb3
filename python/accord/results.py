"""Engine results (docs/python.md "Results").

Every result keeps the typed C++ result; the report library's serialiser writes its JSON
document — the document ``accord <engine> --json`` prints, with the same ``"schema"`` number —
the first time it is needed, :meth:`Result.to_dict` parses it with :mod:`json`, and the typed
attributes read from it.
Numeric tables (Pareto frontiers, forecast trajectories) come from the C++ result directly,
as numpy arrays when numpy is installed (lists of lists otherwise).
"""
from __future__ import annotations

import json
from typing import Any, Dict, List, Optional

try:
    import numpy as _np
except ImportError:  # numpy is optional
    _np = None


def _array(rows):
    return _np.asarray(rows, dtype=float) if _np is not None else rows


class Result:
    """What every engine returns: the envelope (status, diagnostics, termination) and the document."""

    engine = ""

    def __init__(self, raw):
        self._raw = raw
        self.__doc = None

    @property
    def _doc(self) -> Dict[str, Any]:
        # Serialised and parsed on first use: an engine call costs the engine only.
        if self.__doc is None:
            self.__doc = json.loads(self._raw.json)
        return self.__doc

    def __repr__(self) -> str:
        return f"<accord.{type(self).__name__} schema={self.schema} termination={self.termination['stop']}>"

    def to_dict(self) -> Dict[str, Any]:
        """The serialiser's JSON document as Python data (a fresh copy each call)."""
        return json.loads(self._raw.json)

    def to_json(self) -> str:
        """The serialiser's JSON text (as ``accord <engine> --json`` prints it, without the final newline)."""
        return self._raw.json

    schema = property(lambda self: self._doc["schema"])
    status = property(lambda self: self._doc["status"])
    termination = property(lambda self: dict(self._doc["termination"]),
                           doc="{'stop': finished | time_limit | node_limit | size_limit | memory_limit, 'detail': ...}")
    finished = property(lambda self: self._doc["termination"]["stop"] == "finished",
                        doc="False when a budget stopped the run (the result is partial)")
    warnings = property(lambda self: list(self._raw.warnings), doc="warning diagnostics (accord.Diagnostic)")


class EvaluateResult(Result):
    engine = "evaluate"
    version = property(lambda self: self._doc.get("version"))
    package = property(lambda self: dict(self._doc["package"]), doc="{issue: option | number | None (open)}")
    open_issues = property(lambda self: list(self._doc["open_issues"]))
    parties = property(lambda self: list(self._doc["parties"]))
    points = property(lambda self: list(self._doc["points"]))
    readiness = property(lambda self: dict(self._doc["readiness"]))
    near_final = property(lambda self: self._doc["readiness"]["near_final"])

    @property
    def verdicts(self) -> Dict[str, str]:
        """{party: acceptable | unacceptable | open}"""
        return {p["party"]: p["verdict"] for p in self._doc["parties"]}


class DiffResult(Result):
    engine = "diff"
    from_version = property(lambda self: self._doc["from"]["version"])
    to_version = property(lambda self: self._doc["to"]["version"])
    counts = property(lambda self: dict(self._doc["counts"]), doc="{kept, amended, merged, split, dropped, added}")
    entries = property(lambda self: list(self._doc["entries"]))


class BargainResult(Result):
    engine = "bargain"
    parties = property(lambda self: list(self._doc["parties"]))
    reservations = property(lambda self: list(self._doc["reservations"]))
    finding = property(lambda self: self._doc["finding"], doc="zone_exists | no_zone | too_large")
    zone_exists = property(lambda self: self._doc["finding"] == "zone_exists")
    space = property(lambda self: dict(self._doc["space"]))
    zone = property(lambda self: {k: v for k, v in self._doc["zone"].items() if k != "pareto"})
    blocked_issues = property(lambda self: list(self._doc["blocked_issues"]))
    solutions = property(lambda self: dict(self._doc["solutions"]),
                         doc="nash, kalai_smorodinsky, egalitarian, utilitarian (None outside a zone)")
    closest = property(lambda self: self._doc.get("closest"))
    draft = property(lambda self: self._doc.get("draft"))

    @property
    def pareto(self):
        """Every point of the whole space's Pareto frontier: utilities, one row per point, one
        column per bargaining party (the JSON lists at most max_points of them)."""
        return _array(self._raw.table("pareto"))

    @property
    def zone_pareto(self):
        """The zone of agreement's Pareto frontier, as `pareto`."""
        return _array(self._raw.table("zone_pareto"))

    @property
    def pair_frontier(self):
        """The two-party frontier of `pair=` (None when not asked)."""
        rows = self._raw.table("pair")
        return None if rows is None else _array(rows)


class GmcrResult(Result):
    engine = "gmcr"
    options = property(lambda self: list(self._doc["options"]))
    decision_makers = property(lambda self: list(self._doc["decision_makers"]))
    concepts = property(lambda self: list(self._doc["concepts"]))
    state_count = property(lambda self: self._doc["states"]["count"])
    status_quo = property(lambda self: self._doc.get("status_quo"))

    @property
    def equilibria(self) -> Dict[str, List[str]]:
        """{concept: [state patterns]} (listed states only; see `include=`)."""
        return {concept: list(e.get("listed", [])) for concept, e in self._doc["equilibria"].items()}


class ForecastResult(Result):
    engine = "forecast"
    model = property(lambda self: self._doc["model"])
    turns = property(lambda self: self._doc.get("turns"))
    converged = property(lambda self: self._doc.get("converged"))
    forecast = property(lambda self: dict(self._doc.get("forecast") or {}), doc="{dimension: position}")
    nearest_option = property(lambda self: dict(self._doc.get("nearest_option") or {}))
    red_lines = property(lambda self: dict(self._doc.get("red_lines") or {}))
    monte_carlo = property(lambda self: self._doc.get("monte_carlo"))
    dimensions = property(lambda self: [d["id"] for d in self._doc.get("dimensions", [])])
    actors = property(lambda self: [a["id"] for a in self._doc.get("actors", [])])

    @property
    def trajectories(self):
        """Positions per turn: shape (turns + 1, actors, dimensions); row 0 is the input."""
        return _array(self._raw.history())

    @property
    def samples(self):
        """Monte Carlo forecasts: shape (runs, dimensions), in run order (None without runs)."""
        rows = self._raw.table("samples")
        return None if rows is None else _array(rows)


class RobustnessResult(Result):
    engine = "robustness"
    version = property(lambda self: self._doc.get("version"))
    bargaining_parties = property(lambda self: list(self._doc["bargaining_parties"]))
    findings = property(lambda self: list(self._doc["findings"]))
    evaluations = property(lambda self: self._doc["evaluations"])

    def finding(self, id: str) -> Optional[Dict[str, Any]]:
        """The finding with this id ("zone", "closest", "verdict.UA", ...), or None."""
        for f in self._doc["findings"]:
            if f["id"] == id:
                return f
        return None


class NegotiateResult(Result):
    engine = "negotiate"
    parties = property(lambda self: list(self._doc["parties"]))
    agents = property(lambda self: list(self._doc["agents"]), doc="agent specs per party (Python agents: \"py:NAME\")")
    rounds = property(lambda self: self._doc["rounds"])
    seed = property(lambda self: self._doc["seed"])
    ending = property(lambda self: self._doc["ending"], doc="agreement | deadline | ended | stopped")
    agreement = property(lambda self: self._doc["agreement"], doc="the agreed package and its utilities, or None")
    utilities = property(lambda self: list(self._doc["utilities"]),
                         doc="per party: the agreement's utility, or its reservation value")
    actions = property(lambda self: self._doc["actions"])
    round = property(lambda self: self._doc["round"])
    ended_by = property(lambda self: self._doc["ended_by"])
    trace = property(lambda self: list(self._doc.get("trace") or []), doc="every action (trace=True), as the JSON lists it")

    @property
    def trace_array(self):
        """The trace as numbers, one row per action: action, round, party index, t, kind
        (1 offer, 2 accept, 3 end), package id, then the package's utility to each party."""
        return _array(self._raw.table("trace"))


class TournamentResult(Result):
    engine = "tournament"
    agents = property(lambda self: list(self._doc["agents"]))
    rounds = property(lambda self: self._doc["rounds"])
    repeats = property(lambda self: self._doc["repeats"])
    seed = property(lambda self: self._doc["seed"])
    planned = property(lambda self: self._doc["planned"])
    negotiations = property(lambda self: self._doc["negotiations"])
    domains = property(lambda self: list(self._doc["domains"]))
    per_agent = property(lambda self: list(self._doc["per_agent"]))
    assignments = property(lambda self: list(self._doc["assignments"]))
    results = property(lambda self: list(self._doc.get("results") or []),
                       doc="every negotiation in the fixed order (empty with summary=True)")

    def table(self) -> List[Dict[str, Any]]:
        """The per-agent table (one dict per agent: agent, slots, agreements, agreement_rate,
        mean_utility, mean_advantage, mean_rounds), as list of dicts."""
        return [dict(row) for row in self._doc["per_agent"]]

    def to_pandas(self):
        """The per-agent table as a pandas DataFrame indexed by agent (needs pandas)."""
        import pandas as pd  # optional: ImportError without it
        return pd.DataFrame(self.table()).set_index("agent")

    @property
    def results_array(self):
        """Every negotiation as numbers (also with summary=True), one row each: domain, assignment,
        repeat, ending (1 agreement, 2 deadline, 3 ended, 4 stopped), actions, round, agreed (0/1),
        then each party's utility."""
        rows = self._raw.table("results")
        if _np is None or not rows:
            return rows
        width = max(len(r) for r in rows)
        return _np.asarray([r + [float("nan")] * (width - len(r)) for r in rows], dtype=float)


class MediateResult(Result):
    engine = "mediate"
    parties = property(lambda self: list(self._doc["parties"]))
    voters = property(lambda self: list(self._doc["voters"]))
    seed = property(lambda self: self._doc["seed"])
    steps = property(lambda self: self._doc["steps"])
    adopted = property(lambda self: self._doc["adopted"])
    last_adoption = property(lambda self: self._doc["last_adoption"])
    temperature = property(lambda self: self._doc["temperature"])
    start = property(lambda self: self._doc["start"])
    text = property(lambda self: self._doc["text"], doc="the final text")
    acceptance = property(lambda self: dict(self._doc["acceptance"]),
                          doc="{party: utility, reservation, reaches_reservation, red_lines_crossed}")
    all_acceptable = property(lambda self: self._doc["all_acceptable"])
    metrics = property(lambda self: self._doc.get("metrics"))
