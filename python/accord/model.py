"""Scenarios as Python objects (docs/python.md "Scenarios").

A :class:`Scenario` holds an immutable C++ scenario; reading it gives dataclasses, editing it
(:meth:`Scenario.add_party`, :meth:`Scenario.set_preference`, ...) builds the edited scenario
in the file format and reads it back through the same reader as ``accord validate``, so an
edit is checked exactly as a file is and a bad one raises :class:`accord.ScenarioError`
(the scenario is then left unchanged).
"""
from __future__ import annotations

import copy
import json
from dataclasses import dataclass, field
from typing import Any, Dict, List, Optional

from . import _accord


@dataclass(frozen=True)
class Provenance:
    sources: List[str] = field(default_factory=list)
    estimate: bool = False
    note: str = ""


def _prov(d: Dict[str, Any]) -> Provenance:
    return Provenance(list(d["sources"]), bool(d["estimate"]), d["note"])


def _fields(d: Dict[str, Any]) -> Dict[str, Provenance]:
    return {k: _prov(v) for k, v in d.items()}


@dataclass(frozen=True)
class Party:
    id: str
    name: str
    role: str  # party | mediator | stakeholder
    capability: float
    provenance: Provenance
    field_provenance: Dict[str, Provenance]


@dataclass(frozen=True)
class Option:
    id: str
    label: str
    position: Optional[float]
    provenance: Provenance


@dataclass(frozen=True)
class Range:
    min: float
    max: float
    step: float
    unit: str


@dataclass(frozen=True)
class Issue:
    id: str
    title: str
    category: str
    codes: List[str]
    kind: str  # discrete | numeric
    options: List[Option]
    range: Optional[Range]
    provenance: Provenance


@dataclass(frozen=True)
class IssuePreference:
    weight: float
    values: Dict[str, float]  # option id -> value in [0, 1] (discrete issues)
    curve: List[tuple]  # (x, value) points (numeric issues)
    red_lines: List[Any]  # option ids, or {"min": a, "max": b} ranges
    provenance: Provenance
    field_provenance: Dict[str, Provenance]


@dataclass(frozen=True)
class Preferences:
    party: str
    reservation: float
    issues: Dict[str, IssuePreference]  # issues the party lists
    rectangles: int  # non-linear GENIUS terms (count)
    provenance: Provenance
    field_provenance: Dict[str, Provenance]


@dataclass(frozen=True)
class Point:
    id: str
    number: int
    text: str
    sets: Dict[str, Any]  # issue id -> option id | number
    issues: List[str]  # issues it touches without settling
    from_: List[str]  # earlier point ids it derives from (`from:` in files)
    provenance: Provenance


@dataclass(frozen=True)
class Version:
    id: str
    label: str
    date: str
    points: List[Point]
    stances: Dict[str, Dict[str, str]]  # party -> point -> accept|reject|conditional (unknown left out)
    provenance: Provenance


@dataclass(frozen=True)
class ForecastProblem:
    """A forecast input read from a KTAB SMP or EUM CSV file (:func:`accord.read_ktab`)."""

    name: str
    dimensions: List[Dict[str, Any]]
    actors: List[Dict[str, Any]]
    warnings: List[Any]
    _data: Any = field(repr=False, compare=False)


def _problem(data) -> ForecastProblem:
    v = data.view()
    return ForecastProblem(v["name"], v["dimensions"], v["actors"], list(data.warnings), data)


class Scenario:
    """A negotiation scenario (docs/format.md): load one with :func:`accord.load`."""

    def __init__(self, data):
        self._data = data

    def __repr__(self) -> str:
        return f"<accord.Scenario {self.id!r}: {len(self.parties)} parties, {len(self.issues)} issues, " \
               f"{len(self.versions)} versions>"

    def __eq__(self, other) -> bool:
        return isinstance(other, Scenario) and self._data.equals(other._data)

    # --- reading ---------------------------------------------------------------------------
    id = property(lambda self: self._data.id)
    title = property(lambda self: self._data.title)
    description = property(lambda self: self._data.description)
    date = property(lambda self: self._data.date)
    has_conflict = property(lambda self: self._data.has_conflict, doc="whether it has a `conflict:` section")

    @property
    def warnings(self) -> list:
        """The reader's or importer's warnings (accord.Diagnostic)."""
        return list(self._data.warnings)

    @property
    def parties(self) -> List[Party]:
        return [Party(d["id"], d["name"], d["role"], d["capability"], _prov(d["provenance"]),
                      _fields(d["field_provenance"])) for d in self._data.parties()]

    @property
    def issues(self) -> List[Issue]:
        out = []
        for d in self._data.issues():
            options = [Option(o["id"], o["label"], o["position"], _prov(o["provenance"])) for o in d["options"]]
            r = Range(**d["range"]) if d["range"] is not None else None
            out.append(Issue(d["id"], d["title"], d["category"], list(d["codes"]), d["kind"], options, r,
                             _prov(d["provenance"])))
        return out

    @property
    def preferences(self) -> Dict[str, Preferences]:
        """Per party with preferences: reservation, and per listed issue weight, values, red lines."""
        out = {}
        for party, d in self._data.preferences().items():
            issues = {i: IssuePreference(e["weight"], dict(e["values"]), [tuple(p) for p in e["curve"]],
                                         list(e["red_lines"]), _prov(e["provenance"]),
                                         _fields(e["field_provenance"]))
                      for i, e in d["issues"].items()}
            out[party] = Preferences(party, d["reservation"], issues, d["rectangles"], _prov(d["provenance"]),
                                     _fields(d["field_provenance"]))
        return out

    @property
    def versions(self) -> List[Version]:
        out = []
        for d in self._data.versions():
            points = [Point(p["id"], p["number"], p["text"], dict(p["sets"]), list(p["issues"]), list(p["from"]),
                            _prov(p["provenance"])) for p in d["points"]]
            out.append(Version(d["id"], d["label"], d["date"], points, dict(d["stances"]), _prov(d["provenance"])))
        return out

    def party(self, id: str) -> Party:
        return _find(self.parties, id, "party")

    def issue(self, id: str) -> Issue:
        return _find(self.issues, id, "issue")

    def version(self, id: str) -> Version:
        return _find(self.versions, id, "version")

    # --- the file format -------------------------------------------------------------------
    def to_yaml(self) -> str:
        return self._data.text("yaml")

    def to_json(self) -> str:
        return self._data.text("json")

    def to_dict(self) -> Dict[str, Any]:
        """The scenario in the file format (docs/format.md), as Python data."""
        return json.loads(self._data.text("json"))

    @classmethod
    def from_dict(cls, d: Dict[str, Any]) -> "Scenario":
        """Reads the file format from Python data, with the reader's checks."""
        return cls(_accord.loads(json.dumps(d), "json", "<dict>.json", True))

    def save(self, path: str) -> None:
        """Writes YAML, or JSON when `path` ends in .json."""
        text = self.to_json() if path.endswith(".json") else self.to_yaml()
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)

    def copy(self) -> "Scenario":
        return Scenario(self._data)  # the data is immutable; edits replace it

    # --- editing ---------------------------------------------------------------------------
    def edit(self, change) -> "Scenario":
        """Applies `change(d)` to the file-format dict and reads the result back (all or nothing)."""
        d = self.to_dict()
        change(d)
        self._data = _accord.loads(json.dumps(d), "json", "<edited scenario>.json", True)
        return self

    def add_party(self, id: str, name: Optional[str] = None, role: str = "party", capability: float = 1.0,
                  *, estimate: bool = False, source: Optional[str] = None, note: Optional[str] = None) -> "Scenario":
        party = {"id": id, "name": name if name is not None else id, "role": role,
                 "capability": _value(capability, estimate, source, note)}
        return self.edit(lambda d: d.setdefault("parties", []).append(party))

    def add_issue(self, id: str, title: str, options=None, range=None, *, category: str = "") -> "Scenario":
        """`options`: option ids, or (id, label) pairs, or dicts as in files; `range`: a dict
        {min, max, step, unit} or a (min, max, step) tuple."""
        issue: Dict[str, Any] = {"id": id, "title": title}
        if category:
            issue["category"] = category
        if options is not None:
            issue["options"] = [_option(o) for o in options]
        if range is not None:
            issue["range"] = dict(range) if isinstance(range, dict) else dict(zip(("min", "max", "step"), range))
        return self.edit(lambda d: d.setdefault("issues", []).append(issue))

    def set_preference(self, party: str, issue: Optional[str] = None, *, weight=None, values=None,
                       red_lines=None, curve=None, reservation=None, estimate: bool = False,
                       source: Optional[str] = None, note: Optional[str] = None) -> "Scenario":
        """Sets a party's reservation and/or one issue's weight, values, curve and red lines.
        Values given replace the old ones (with their provenance); others are kept."""
        def change(d):
            prefs = d.setdefault("preferences", {})
            if party not in prefs:
                prefs[party] = {}
            p = prefs[party]
            if reservation is not None:
                p["reservation"] = _value(reservation, estimate, source, note)
            if issue is None:
                return
            e = p.setdefault("issues", {}).setdefault(issue, {})
            if weight is not None:
                e["weight"] = _value(weight, estimate, source, note)
            if values is not None:
                e["values"] = dict(values)
            if curve is not None:
                e["curve"] = [list(pt) for pt in curve]
            if red_lines is not None:
                e["red_lines"] = list(red_lines)
        return self.edit(change)

    def add_version(self, id: str, label: str = "", date: str = "", points=(), stances=None) -> "Scenario":
        """`points`: dicts as in files ({id, number, text, sets, issues, from}); `stances`:
        {party: {point: accept|reject|conditional|unknown}}."""
        version: Dict[str, Any] = {"id": id, "points": [_point(p) for p in points]}
        if label:
            version["label"] = label
        if date:
            version["date"] = date
        if stances:
            version["stances"] = copy.deepcopy(stances)
        return self.edit(lambda d: d.setdefault("framework", {}).setdefault("versions", []).append(version))

    def set_stance(self, version: str, party: str, point: str, stance: str) -> "Scenario":
        def change(d):
            for v in d.get("framework", {}).get("versions", []):
                if v["id"] == version:
                    v.setdefault("stances", {}).setdefault(party, {})[point] = stance
                    return
            raise _accord_error(f"unknown version `{version}`", "framework.versions")
        return self.edit(change)


def _find(items, id, what):
    for x in items:
        if x.id == id:
            return x
    raise KeyError(f"no {what} `{id}`")


def _value(x, estimate, source, note):
    if not estimate and source is None and note is None:
        return x
    v: Dict[str, Any] = {"value": x}
    if estimate:
        v["estimate"] = True
    if source is not None:
        v["source"] = source
    if note is not None:
        v["note"] = note
    return v


def _option(o):
    if isinstance(o, str):
        return {"id": o, "label": o}
    if isinstance(o, dict):
        return dict(o)
    oid, label = o
    return {"id": oid, "label": label}


def _point(p):
    p = dict(p)
    if "from_" in p:
        p["from"] = p.pop("from_")
    return p


def _accord_error(message, path):
    from . import ScenarioError  # defined in __init__
    return ScenarioError(message, [])
