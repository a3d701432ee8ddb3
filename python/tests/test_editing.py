"""Reading a scenario as Python objects, and editing it with the reader's validation."""
import pytest

import accord

from conftest import run_cli


@pytest.fixture
def geneva():
    return accord.load("geneva-2025")


def test_read_views(geneva):
    parties = {p.id: p for p in geneva.parties}
    assert {"UA", "RU", "US"} <= set(parties)
    assert parties["UA"].role == "party"
    issues = {i.id: i for i in geneva.issues}
    assert issues["army_cap"].kind == "numeric" and issues["army_cap"].range.max > issues["army_cap"].range.min
    assert issues["territory_donbas"].kind == "discrete" and issues["territory_donbas"].options
    assert [v.id for v in geneva.versions] == ["v28", "v19", "v20"]
    v20 = geneva.version("v20")
    assert len(v20.points) == 20 and v20.points[0].id
    assert v20.stances["UA"]  # recorded stances, unknown ones left out
    ua = geneva.preferences["UA"]
    assert 0 <= ua.reservation <= 1
    assert ua.issues["territory_donbas"].red_lines
    assert ua.field_provenance["reservation"].estimate or ua.provenance.estimate or True


def test_round_trip(geneva, tmp_path):
    assert accord.loads(geneva.to_yaml()) == geneva
    assert accord.Scenario.from_dict(geneva.to_dict()) == geneva


def test_add_party_preference_version(geneva, tmp_path):
    s = geneva.copy()
    s.add_party("TR", "Türkiye", role="mediator", capability=10, estimate=True)
    assert s.party("TR").role == "mediator"
    assert s.party("TR").field_provenance["capability"].estimate
    s.set_preference("TR", reservation=0.3)
    s.set_preference("TR", "navigation", weight=1.0, values={"NV_20": 1.0}, estimate=True)
    assert s.preferences["TR"].issues["navigation"].weight == 1.0
    v20 = geneva.version("v20")
    points = [{"id": "P21_" + str(k), "number": k, "text": p.text, "sets": p.sets, "from": [p.id]}
              for k, p in enumerate(v20.points[:3], start=1)]
    s.add_version("v21", "Draft 21", "2025-12-01", points, stances={"UA": {"P21_1": "accept"}})
    assert s.versions[-1].id == "v21" and s.version("v21").stances["UA"] == {"P21_1": "accept"}
    s.set_stance("v21", "RU", "P21_2", "reject")
    assert s.version("v21").stances["RU"] == {"P21_2": "reject"}
    # The edited scenario analyses as the same scenario read from a file by the CLI.
    path = tmp_path / "edited.yaml"
    s.save(str(path))
    assert accord.load(path) == s
    assert accord.evaluate(s, version="v21").to_dict() == run_cli("evaluate", path, "--version", "v21")
    assert accord.bargain(s, version="v21").to_dict() == run_cli("bargain", path, "--version", "v21")
    assert geneva == accord.load("geneva-2025")  # the original is untouched


def test_invalid_edits_raise_and_leave_the_scenario(geneva):
    s = geneva.copy()
    with pytest.raises(accord.ScenarioError) as e:
        s.add_party("UA")
    assert any("duplicate party id `UA`" in d.message for d in e.value.diagnostics)
    assert all(d.line == 0 and d.file == "" for d in e.value.diagnostics)  # no generated positions
    with pytest.raises(accord.ScenarioError, match="reservation 1.5 is outside") as e:
        s.set_preference("UA", reservation=1.5)
    assert any(d.path.startswith("preferences.UA.reservation") for d in e.value.diagnostics)
    with pytest.raises(accord.ScenarioError) as e:
        s.set_preference("UA", "territory_donbas", values={"NOPE": 1.0})
    assert any("NOPE" in str(d) for d in e.value.diagnostics)
    with pytest.raises(accord.ScenarioError) as e:
        s.add_version("v22", points=[{"id": "Q1", "number": 1, "text": "x", "sets": {"army_cap": 5000}}])
    assert any("army_cap" in str(d) for d in e.value.diagnostics)
    with pytest.raises(accord.ScenarioError):
        s.set_stance("v99", "UA", "P20_01", "accept")
    assert s == geneva


def test_build_from_scratch():
    s = accord.loads("format: 1\nid: deal\ntitle: A deal\nparties: [{id: A}]\nissues: [{id: price, options: [LOW, HIGH]}]\n")
    s.add_party("B")
    s.add_issue("term", "Contract term", range=(1, 5, 1))
    s.set_preference("A", "price", weight=0.7, values={"LOW": 0.0, "HIGH": 1.0})
    s.set_preference("A", "term", weight=0.3, curve=[(1, 0.0), (5, 1.0)], reservation=0.2)
    s.set_preference("B", "price", weight=1.0, values={"LOW": 1.0, "HIGH": 0.0}, red_lines=["HIGH"])
    r = accord.bargain(s)
    assert r.parties == ["A", "B"] and r.zone_exists
    assert r.to_dict()["space"]["count"] == 10
