"""Accord from Python: scenarios, importers and the analysis engines (docs/python.md).

    import accord
    s = accord.load("geneva-2025")
    r = accord.bargain(s, version="v20")
    r.finding, r.to_dict()["schema"]

The engines run in C++ (the same library as the ``accord`` command) with the GIL released;
each result's :meth:`~accord.results.Result.to_dict` is the document ``accord <engine> --json``
prints.
"""
from __future__ import annotations

import os as _os
from typing import Iterable, List, Optional, Sequence, Union


class ScenarioError(ValueError):
    """Invalid input: a scenario file, an edit, an import or an engine argument.

    ``diagnostics`` is the list of :class:`accord.Diagnostic` (severity, file, line, column,
    path, entity, message, hint); line and column are 0 when the input was not a file.
    """

    def __init__(self, message: str, diagnostics: Optional[list] = None):
        super().__init__(message)
        self.diagnostics = list(diagnostics or [])


from . import _accord  # noqa: E402
from .agents import ACCEPT, END, REJECT, Agent, AgentError  # noqa: E402
from .agents import split_agents as _split_agents  # noqa: E402

_accord.set_error_class(ScenarioError)
_accord.set_agent_classes(Agent, AgentError)

from ._accord import Diagnostic  # noqa: E402
from .model import (ForecastProblem, Issue, IssuePreference, Option, Party, Point, Preferences,  # noqa: E402
                    Provenance, Range, Scenario, Version, _problem)
from ._accord import Action, AgentDomain, PartyStats, Turn  # noqa: E402
from .results import (BargainResult, DiffResult, EvaluateResult, ForecastResult, GmcrResult,  # noqa: E402
                      MediateResult, NegotiateResult, Result, RobustnessResult, TournamentResult)

__version__ = "0.1.0"

# The CLI's default budget (--max-seconds 60); 0 means none.
DEFAULT_MAX_SECONDS = 60.0


def builtin_scenarios() -> List[str]:
    """Names of the scenarios compiled into the library (``geneva-2025``, ...)."""
    return list(_accord.builtin_names())


def load(path_or_builtin: Union[str, "_os.PathLike[str]"]) -> Scenario:
    """A built-in scenario by name, else a YAML or JSON scenario file."""
    return Scenario(_accord.load(_os.fspath(path_or_builtin)))


def loads(text: str, format: str = "yaml", name: str = "") -> Scenario:
    """A scenario from text; `format` is "yaml" or "json"; `name` is the file name diagnostics give."""
    if format == "json" and name and not name.endswith(".json"):
        name += ".json"
    return Scenario(_accord.loads(text, format, name, False))


def import_genius(domain, *profiles, party_ids: Optional[Sequence[str]] = None) -> Scenario:
    """A GENIUS (ANAC) domain XML and one profile XML per party (as ``accord import genius``)."""
    if not profiles:
        raise ScenarioError("import_genius needs a domain file and at least one profile file")
    s = Scenario(_accord.import_genius(_os.fspath(domain), [_os.fspath(p) for p in profiles],
                                       list(party_ids or [])))
    s._genius = True  # negotiate/tournament name issues and options as the GENIUS files do
    return s


def import_gmcr(path, id: str = "") -> Scenario:
    """A gmcr-py ``.gmcr`` save file as a scenario (as ``accord import gmcr``)."""
    return Scenario(_accord.import_gmcr(_os.fspath(path), id))


def read_ktab(path) -> ForecastProblem:
    """A forecast input: a KTAB SMP CSV file, or an EUM CSV (header
    ``Actor,Capability,Position,Salience``), as ``accord forecast FILE.csv`` reads it."""
    return _problem(_accord.read_forecast_csv(_os.fspath(path)))


read_forecast_csv = read_ktab


def _scenario(s) -> Scenario:
    if isinstance(s, Scenario):
        return s
    if isinstance(s, (str, _os.PathLike)):
        return load(s)
    raise TypeError(f"expected an accord.Scenario or a scenario name/path, not {type(s).__name__}")


def evaluate(scenario, version: Optional[str] = None, set: Optional[dict] = None, *,
             max_open_points: int = 2, max_open_salience: float = 0.05,
             max_seconds: float = DEFAULT_MAX_SECONDS) -> EvaluateResult:
    """As ``accord evaluate``: a version (default: the latest), with `set` {issue: option | number} on top."""
    s = _scenario(scenario)
    return EvaluateResult(_accord.evaluate(s._data, version, dict(set or {}), max_open_points,
                                           max_open_salience, max_seconds))


def diff(scenario, from_version: str, to_version: str, *, max_seconds: float = DEFAULT_MAX_SECONDS) -> DiffResult:
    """As ``accord diff``: how one version became another."""
    s = _scenario(scenario)
    return DiffResult(_accord.diff(s._data, from_version, to_version, max_seconds))


def bargain(scenario, version: Optional[str] = None, set: Optional[dict] = None, *,
            parties: Union[None, str, Iterable[str]] = None, pair: Optional[Sequence[str]] = None,
            max_frontier: Optional[int] = None, max_points: int = 1000, max_nodes: int = 0,
            max_seconds: float = DEFAULT_MAX_SECONDS) -> BargainResult:
    """As ``accord bargain``: zone of agreement, Pareto frontier, solutions, closest package to a draft."""
    s = _scenario(scenario)
    if parties is not None and not isinstance(parties, str):
        parties = list(parties)
    return BargainResult(_accord.bargain(s._data, version, dict(set or {}), parties,
                                         list(pair) if pair is not None else None, max_frontier, max_points,
                                         max_nodes, max_seconds))


def _words(x, sep):
    if x is None:
        return []
    if isinstance(x, str):
        return [w for w in x.split(sep) if w]
    return list(x)


def gmcr(source, *, concepts: Union[str, Sequence[str]] = ("nash", "gmr", "smr", "seq", "sim", "seq_sim"),
         sanctions: str = "standard", coalition: Union[None, str, Sequence[str]] = None, explain: Optional[str] = None,
         include: Union[None, str, Sequence[str]] = None, max_memory_mib: float = 2048.0,
         max_seconds: float = DEFAULT_MAX_SECONDS) -> GmcrResult:
    """As ``accord gmcr``: a scenario's `conflict:` section, or a gmcr-py ``.gmcr`` file path."""
    args = (_words(concepts, ","), sanctions, _words(coalition, "+"), explain,
            include if include is None or isinstance(include, str) else ",".join(include),
            max_memory_mib, max_seconds)
    if isinstance(source, (str, _os.PathLike)) and _os.fspath(source).endswith(".gmcr"):
        return GmcrResult(_accord.gmcr_file(_os.fspath(source), *args))
    return GmcrResult(_accord.gmcr(_scenario(source)._data, *args))


def forecast(source, *, model: Optional[str] = None, runs: Optional[int] = None, seed: Optional[int] = None,
             noise: Optional[float] = None, sensitivity: int = 0, threads: int = 0,
             max_actors: Optional[int] = None, max_nodes: int = 0,
             max_seconds: float = DEFAULT_MAX_SECONDS) -> ForecastResult:
    """As ``accord forecast``: a scenario or a problem from :func:`read_ktab` (or a CSV path).
    Unset model/runs/seed/noise: the scenario's `forecast:` section, else smp, 0, 1, 1."""
    if isinstance(source, ForecastProblem):
        data = source._data
    elif isinstance(source, (str, _os.PathLike)) and _os.fspath(source).lower().endswith(".csv"):
        data = read_ktab(source)._data
    else:
        data = _scenario(source)._data
    limit = _accord.default_max_actors() if max_actors is None else max_actors
    return ForecastResult(_accord.forecast(data, model, runs, seed, noise, sensitivity, threads, limit,
                                           max_nodes, max_seconds))


def robustness(scenario, *, findings: Union[None, str, Sequence[str]] = None, version: Optional[str] = None,
               all_inputs: bool = False, smallest: bool = False, tolerance: float = 1e-4, max_nodes: int = 0,
               max_seconds: float = DEFAULT_MAX_SECONDS) -> RobustnessResult:
    """As ``accord robustness``: which estimated inputs flip each headline finding.
    `findings`: zone, closest, verdicts, status_quo, forecast (default: all)."""
    s = _scenario(scenario)
    return RobustnessResult(_accord.robustness(s._data, _words(findings, ","), version, all_inputs, smallest,
                                               tolerance, max_nodes, max_seconds))


def agent_names() -> List[tuple]:
    """The C++ agents (name, summary), as ``accord negotiate --list-agents`` lists them."""
    return [tuple(x) for x in _accord.agent_names()]


def _names_genius(scenarios, names: Optional[str]) -> bool:
    if names is None:
        return any(getattr(s, "_genius", False) for s in scenarios)
    if names not in ("ids", "genius"):
        raise ScenarioError(f"names must be \"ids\" or \"genius\", not {names!r}")
    return names == "genius"


def negotiate(scenario, agents: Sequence, rounds: int, *, parties: Optional[Sequence[str]] = None,
              version: Optional[str] = None, seed: int = 0, trace: bool = False, max_sorted: int = 1_000_000,
              max_actions: int = 0, names: Optional[str] = None,
              max_seconds: float = DEFAULT_MAX_SECONDS) -> NegotiateResult:
    """As ``accord negotiate``: one negotiation under SAO, one agent per party in party order.
    An agent is a C++ agent's name ("linear", "timedep:2", ...), an :class:`Agent` subclass, an
    Agent instance, or a callable returning one. `names`: "ids" or "genius" (default: "genius"
    for a scenario from :func:`import_genius`, as ``--genius`` does)."""
    s = _scenario(scenario)
    specs, factories = _split_agents(agents, one_negotiation=True)
    return NegotiateResult(_accord.negotiate(s._data, specs, factories, rounds, list(parties or []), version, seed,
                                             trace, max_sorted, max_actions, max_seconds, _names_genius([s], names)))


def tournament(domains, agents: Sequence, rounds: int, *, repeats: int = 1, seed: int = 0, threads: int = 0,
               parties: Optional[Sequence[str]] = None, version: Optional[str] = None, max_sorted: int = 1_000_000,
               summary: bool = False, names: Optional[str] = None,
               max_seconds: float = DEFAULT_MAX_SECONDS) -> TournamentResult:
    """As ``accord tournament``: every assignment of `agents` to the parties of each domain,
    `repeats` times. `domains`: a scenario, a list of them (named by their ids) or {name: scenario}
    (a GENIUS folder's name, as ``--domain FOLDER`` names it). Python agents run here too (their
    calls serialised under the GIL; docs/python.md)."""
    if isinstance(domains, dict):
        named = [(str(k), _scenario(v)) for k, v in domains.items()]
    elif isinstance(domains, (list, tuple)):
        named = [(x.id, x) for x in map(_scenario, domains)]
    else:
        d = _scenario(domains)
        named = [(d.id, d)]
    specs, factories = _split_agents(agents, one_negotiation=False)
    return TournamentResult(_accord.tournament([(n, d._data) for n, d in named], specs, factories, rounds, repeats,
                                               seed, threads, list(parties or []), version, max_sorted, max_seconds,
                                               _names_genius([d for _, d in named], names), summary))


def mediate(scenario, voters: Union[str, Sequence[str]] = "hill", steps: int = 1000, *,
            from_version: Optional[str] = None, parties: Optional[Sequence[str]] = None, seed: int = 1,
            temperature: Optional[float] = None, max_seconds: float = DEFAULT_MAX_SECONDS) -> MediateResult:
    """As ``accord mediate``: the mediated single-text protocol; `voters` "hill" | "anneal", one
    for all or one per voter."""
    s = _scenario(scenario)
    return MediateResult(_accord.mediate(s._data, _words(voters, ","), steps, from_version, list(parties or []), seed,
                                         temperature, max_seconds))


__all__ = [
    "ScenarioError", "Diagnostic", "Scenario", "Party", "Issue", "Option", "Range", "Preferences",
    "IssuePreference", "Version", "Point", "Provenance", "ForecastProblem", "Result", "EvaluateResult",
    "DiffResult", "BargainResult", "GmcrResult", "ForecastResult", "RobustnessResult", "builtin_scenarios",
    "load", "loads", "import_genius", "import_gmcr", "read_ktab", "read_forecast_csv", "evaluate", "diff",
    "bargain", "gmcr", "forecast", "robustness", "negotiate", "tournament", "mediate", "agent_names",
    "Agent", "AgentError", "ACCEPT", "REJECT", "END", "Turn", "Action", "AgentDomain", "PartyStats",
    "NegotiateResult", "TournamentResult", "MediateResult",
]
