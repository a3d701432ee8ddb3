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

_accord.set_error_class(ScenarioError)

from ._accord import Diagnostic  # noqa: E402
from .model import (ForecastProblem, Issue, IssuePreference, Option, Party, Point, Preferences,  # noqa: E402
                    Provenance, Range, Scenario, Version, _problem)
from .results import (BargainResult, DiffResult, EvaluateResult, ForecastResult, GmcrResult,  # noqa: E402
                      Result, RobustnessResult)

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
    return Scenario(_accord.import_genius(_os.fspath(domain), [_os.fspath(p) for p in profiles],
                                          list(party_ids or [])))


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


__all__ = [
    "ScenarioError", "Diagnostic", "Scenario", "Party", "Issue", "Option", "Range", "Preferences",
    "IssuePreference", "Version", "Point", "Provenance", "ForecastProblem", "Result", "EvaluateResult",
    "DiffResult", "BargainResult", "GmcrResult", "ForecastResult", "RobustnessResult", "builtin_scenarios",
    "load", "loads", "import_genius", "import_gmcr", "read_ktab", "read_forecast_csv", "evaluate", "diff",
    "bargain", "gmcr", "forecast", "robustness",
]
