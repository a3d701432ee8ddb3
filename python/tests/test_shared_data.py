"""The ANAC and KTAB data sets in ../shared/data (marker shared_data; skipped when absent)."""
import pytest

import accord

from conftest import run_cli, shared_data

pytestmark = pytest.mark.shared_data

KILLER = shared_data() / "genius-anac" / "y2015" / "group9-killer_robot"
KTAB = shared_data() / "ktab-smp" / "SOE-Pol-Comp.csv"


def killer_files():
    if not KILLER.is_dir():
        pytest.skip(f"{KILLER} not found")
    return [KILLER / "KillerRobot.xml"] + [KILLER / f"KillerRobot_util{k}.xml" for k in range(1, 6)]


def test_killer_robot_bargain_equals_cli():
    files = killer_files()
    s = accord.import_genius(*files)
    assert [p.id for p in s.parties] == [f"KillerRobot_util{k}" for k in range(1, 6)]
    r = accord.bargain(s)
    d = r.to_dict()
    assert d == run_cli("bargain", "--genius", *files)
    assert r.pareto.shape == (d["pareto"]["size"], 5)
    assert r.zone_pareto.shape[0] == d["zone"]["pareto"]["size"]


def test_ktab_forecast_equals_cli():
    if not KTAB.is_file():
        pytest.skip(f"{KTAB} not found")
    problem = accord.read_ktab(KTAB)
    r = accord.forecast(problem, runs=100)
    assert r.to_dict() == run_cli("forecast", KTAB, "--runs", "100")
    assert r.trajectories.shape[1:] == (len(problem.actors), len(problem.dimensions))


ITEX = shared_data() / "genius-anac" / "y2010" / "ItexvsCypress"


def itex_files():
    if not ITEX.is_dir():
        pytest.skip(f"{ITEX} not found")
    # The profiles in the order `--genius FOLDER` takes them (by name).
    return [ITEX / "ItexvsCypress_domain.xml", ITEX / "ItexvsCypress_Cypress.xml", ITEX / "ItexvsCypress_Itex.xml"]


def test_genius_negotiate_and_tournament_equal_cli():
    files = itex_files()
    s = accord.import_genius(*files)
    n = accord.negotiate(s, ["boulware", "conceder"], 100, trace=True)  # GENIUS names, as --genius
    assert n.to_dict() == run_cli("negotiate", "--genius", *files, "--agents", "boulware,conceder",
                                  "--rounds", "100", "--trace")
    t = accord.tournament({"ItexvsCypress": s}, ["boulware", "micro", "random"], 50, repeats=3)
    assert t.to_dict() == run_cli("tournament", "--genius", ITEX, "--agents", "boulware,micro,random",
                                  "--rounds", "50", "--repeats", "3")


def test_python_agent_on_an_anac_domain():
    from test_agents import Linear
    s = accord.import_genius(*itex_files())
    cpp = accord.tournament({"ItexvsCypress": s}, ["linear", "boulware", "tft"], 80, repeats=2).to_dict()
    py = accord.tournament({"ItexvsCypress": s}, [Linear, "boulware", "tft"], 80, repeats=2, threads=2).to_dict()
    assert [{**n, "agents": []} for n in py["results"]] == [{**n, "agents": []} for n in cpp["results"]]
