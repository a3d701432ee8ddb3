"""negotiate, tournament and mediate from Python give exactly the CLI's --json document."""
import pytest

import accord


@pytest.fixture(scope="module")
def geneva():
    return accord.load("geneva-2025")


@pytest.mark.parametrize("agents,rounds,kwargs,args", [
    (["linear", "hardliner"], 20, {"version": "v20", "parties": ["UA", "RU"], "trace": True},
     ["--version", "v20", "--parties", "UA,RU", "--trace"]),
    (["micro", "boulware", "conceder"], 30, {"version": "v20", "parties": ["US", "UA", "RU"]},
     ["--version", "v20", "--parties", "US,UA,RU"]),
    (["random:7", "tft"], 40, {"version": "v20", "parties": ["US", "UA"], "seed": 3, "trace": True},
     ["--version", "v20", "--parties", "US,UA", "--seed", "3", "--trace"]),
])
def test_negotiate(geneva, cli, agents, rounds, kwargs, args):
    r = accord.negotiate(geneva, agents, rounds, **kwargs)
    d = r.to_dict()
    assert d == cli("negotiate", "geneva-2025", "--agents", ",".join(agents), "--rounds", rounds, *args)
    assert r.schema == d["schema"] == 1 and r.agents == agents and r.ending == d["ending"]
    assert r.utilities == d["utilities"] and r.actions == d["actions"]
    if kwargs.get("trace"):
        assert r.trace_array.shape == (r.actions, 6 + len(r.parties))
        assert [row["utilities"] for row in r.trace if row["kind"] != "end"] == \
            [list(row[6:]) for row in r.trace_array.tolist() if row[4] != 3]


@pytest.mark.parametrize("summary", [False, True])
def test_tournament(geneva, cli, summary):
    agents = ["linear", "boulware", "micro"]
    r = accord.tournament(geneva, agents, 30, repeats=2, version="v20", parties=["US", "UA"], summary=summary)
    d = r.to_dict()
    args = ["tournament", "geneva-2025", "--version", "v20", "--parties", "US,UA", "--agents", ",".join(agents),
            "--rounds", "30", "--repeats", "2"] + (["--summary"] if summary else [])
    assert d == cli(*args)
    assert r.schema == 1 and r.negotiations == r.planned == 3 * 3 * 2
    assert [row["agent"] for row in r.table()] == agents
    assert r.results_array.shape == (r.negotiations, 7 + 2)
    assert len(r.results) == (0 if summary else r.negotiations)


def test_tournament_threads_do_not_change_the_result(geneva):
    kw = dict(repeats=3, version="v20", parties=["US", "UA"], seed=5)
    one = accord.tournament(geneva, ["random", "tft", "freq"], 20, threads=1, **kw).to_json()
    assert accord.tournament(geneva, ["random", "tft", "freq"], 20, threads=2, **kw).to_json() == one


@pytest.mark.parametrize("kwargs,args", [
    ({}, []),
    ({"voters": "anneal", "steps": 500, "seed": 7, "from_version": "v20"},
     ["--voters", "anneal", "--steps", "500", "--seed", "7", "--from", "v20"]),
    ({"voters": ["hill", "anneal", "hill"], "parties": ["US", "UA", "RU"], "temperature": 0.05},
     ["--voters", "hill,anneal,hill", "--parties", "US,UA,RU", "--temperature", "0.05"]),
])
def test_mediate(geneva, cli, kwargs, args):
    r = accord.mediate(geneva, **kwargs)
    d = r.to_dict()
    assert d == cli("mediate", "geneva-2025", *args)
    assert r.schema == 1 and r.steps == d["steps"] and r.text == d["text"]
    assert set(r.acceptance) == set(r.parties)


def test_bad_arguments_are_scenario_errors(geneva):
    with pytest.raises(accord.ScenarioError, match="unknown agent"):
        accord.negotiate(geneva, ["linear", "nosuch"], 10, version="v20", parties=["US", "UA"])
    with pytest.raises(accord.ScenarioError, match="unknown party"):
        accord.tournament(geneva, ["linear"], 10, version="v20", parties=["US", "XX"])
    with pytest.raises(accord.ScenarioError, match="unknown voter"):
        accord.mediate(geneva, "lazy")
    with pytest.raises(accord.ScenarioError, match="unknown version"):
        accord.mediate(geneva, from_version="v99")
