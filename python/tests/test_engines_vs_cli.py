"""Every engine from Python gives exactly the CLI's --json document on the same input."""
import pathlib

import pytest

import accord

from conftest import REPO

GMCR_FILE = REPO / "fuzz" / "seeds" / "gmcr_py_fuzz" / "prisoners.gmcr"
KTAB_FILE = REPO / "fuzz" / "seeds" / "forecast_csv_fuzz" / "ktab.csv"
EUM_FILE = REPO / "fuzz" / "seeds" / "forecast_csv_fuzz" / "eum.csv"


@pytest.fixture(scope="module")
def geneva():
    return accord.load("geneva-2025")


@pytest.mark.parametrize("kwargs,args", [
    ({}, []),
    ({"version": "v19"}, ["--version", "v19"]),
    ({"version": "v20", "set": {"territory_donbas": "D_FEZ", "army_cap": 600}},
     ["--version", "v20", "--set", "territory_donbas=D_FEZ", "--set", "army_cap=600"]),
    ({"version": "v20", "max_open_points": 5}, ["--version", "v20", "--max-open-points", "5"]),
])
def test_evaluate(geneva, cli, kwargs, args):
    r = accord.evaluate(geneva, **kwargs)
    assert r.to_dict() == cli("evaluate", "geneva-2025", *args)
    assert r.schema == 1 and r.status == "ok" and r.finished
    assert set(r.verdicts) == {p["party"] for p in r.to_dict()["parties"]}


def test_diff(geneva, cli):
    r = accord.diff(geneva, "v28", "v20")
    assert r.to_dict() == cli("diff", "geneva-2025", "v28", "v20")
    assert (r.from_version, r.to_version) == ("v28", "v20")
    assert sum(r.counts.values()) >= 20


@pytest.mark.parametrize("kwargs,args", [
    ({}, []),
    ({"version": "v20"}, ["--version", "v20"]),
    ({"version": "v20", "parties": "all"}, ["--version", "v20", "--parties", "all"]),
    ({"pair": ["UA", "RU"], "max_points": 50}, ["--pair", "UA,RU", "--max-points", "50"]),
    ({"parties": ["UA", "RU"], "set": {"territory_donbas": "D_FREEZE"}},
     ["--parties", "UA,RU", "--set", "territory_donbas=D_FREEZE"]),
])
def test_bargain(geneva, cli, kwargs, args):
    r = accord.bargain(geneva, **kwargs)
    d = r.to_dict()
    assert d == cli("bargain", "geneva-2025", *args)
    assert r.schema == d["schema"] and r.finding == d["finding"]
    # The numpy frontier holds every point; the JSON lists the first max_points of them.
    # A truncated frontier (more points than max_frontier) has no points and no size.
    assert r.pareto.shape == (d["pareto"]["size"] or 0, len(d["parties"])) or (
        d["pareto"]["truncated"] and r.pareto.size == 0)
    listed = [p["utilities"] for p in d["pareto"]["points"]]
    assert r.pareto[: len(listed)].tolist() == listed
    if "pair" in kwargs:
        assert r.pair_frontier.shape[1] == 2
        assert r.pair_frontier.tolist() == [p["utilities"] for p in d["pair"]["frontier"]["points"]]


@pytest.mark.parametrize("kwargs,args", [
    ({}, []),
    ({"concepts": "nash,seq"}, ["--concepts", "nash,seq"]),
    ({"coalition": "US+EU"}, ["--coalition", "US+EU"]),
    ({"explain": "NYNNNNN"}, ["--explain", "NYNNNNN"]),
    ({"include": "equilibria"}, ["--include", "equilibria"]),
])
def test_gmcr_scenario(geneva, cli, kwargs, args):
    r = accord.gmcr(geneva, **kwargs)
    d = r.to_dict()
    assert d == cli("gmcr", "geneva-2025", *args)
    assert r.equilibria["nash"] == d["equilibria"]["nash"]["listed"]


def test_gmcr_file(cli):
    r = accord.gmcr(str(GMCR_FILE))
    assert r.to_dict() == cli("gmcr", GMCR_FILE)
    imported = accord.import_gmcr(GMCR_FILE)
    assert imported.has_conflict and len(imported.parties) == len(r.decision_makers)


@pytest.mark.parametrize("kwargs,args", [
    ({}, []),
    ({"model": "eum", "runs": 100, "seed": 7}, ["--model", "eum", "--runs", "100", "--seed", "7"]),
    ({"runs": 200, "noise": 0.5, "sensitivity": 3}, ["--runs", "200", "--noise", "0.5", "--sensitivity", "3"]),
    ({"model": "median"}, ["--model", "median"]),
])
def test_forecast_scenario(geneva, cli, kwargs, args):
    r = accord.forecast(geneva, **kwargs)
    d = r.to_dict()
    assert d == cli("forecast", "geneva-2025", *args)
    t = r.trajectories
    assert t.shape == (len(d["history"]), len(d["actors"]), len(d["dimensions"]))
    if kwargs.get("runs"):
        assert r.samples.shape == (kwargs["runs"], len(d["dimensions"]))


@pytest.mark.parametrize("path", [KTAB_FILE, EUM_FILE])
def test_forecast_csv(cli, path):
    problem = accord.read_ktab(path)
    assert len(problem.actors) >= 2
    r = accord.forecast(problem, runs=50)
    assert r.to_dict() == cli("forecast", path, "--runs", "50")
    assert accord.forecast(str(path), runs=50).to_dict() == r.to_dict()


@pytest.mark.parametrize("kwargs,args", [
    ({"findings": "zone"}, ["--finding", "zone"]),
    ({"findings": ["verdicts", "status_quo"], "version": "v19"},
     ["--finding", "verdicts", "--finding", "status_quo", "--version", "v19"]),
    ({"findings": "closest", "smallest": True}, ["--finding", "closest", "--smallest"]),
])
def test_robustness(geneva, cli, kwargs, args):
    r = accord.robustness(geneva, **kwargs)
    d = r.to_dict()
    assert d == cli("robustness", "geneva-2025", *args)
    assert [f["id"] for f in r.findings] == [f["id"] for f in d["findings"]]


def test_scenario_file(tmp_path, cli):
    """A scenario from a file path, as the CLI reads it (and YAML written from Python)."""
    path = tmp_path / "g.yaml"
    accord.load("geneva-2025").save(str(path))
    assert accord.evaluate(accord.load(path)).to_dict() == cli("evaluate", path)


def test_the_issue_check():
    r = accord.bargain(accord.load("geneva-2025"), version="v20")
    assert r.to_dict()["schema"] == 3
