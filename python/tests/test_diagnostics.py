"""Invalid input raises accord.ScenarioError carrying the reader's diagnostics."""
import pytest

import accord

from conftest import REPO

BAD = REPO / "tests" / "data" / "bad"


def test_file_diagnostics_have_positions():
    with pytest.raises(accord.ScenarioError) as e:
        accord.load(BAD / "duplicate_party.yaml")
    d = e.value.diagnostics
    assert "invalid scenario (1 error): duplicate party id `UA`" in str(e.value)
    assert any("duplicate party id `UA`" in x.message for x in d)
    first = [x for x in d if "duplicate party" in x.message][0]
    assert (first.line, first.column) == (6, 10)  # as tests/data/bad/expected.tsv
    assert first.file.endswith("duplicate_party.yaml") and first.severity == "error"
    assert "duplicate_party.yaml:6:10" in str(first)


@pytest.mark.parametrize("line", [l for l in (BAD / "expected.tsv").read_text().splitlines()
                                  if l and not l.startswith("#")])
def test_bad_corpus(line):
    """The bad-input corpus gives the same line, column and message from Python."""
    name, position, message = line.split("\t")
    want_line, want_column = map(int, position.split(":"))
    with pytest.raises(accord.ScenarioError) as e:
        accord.load(BAD / name)
    found = [(d.line, d.column) for d in e.value.diagnostics if message in str(d)]
    assert (want_line, want_column) in found, [str(d) for d in e.value.diagnostics]


def test_loads_yaml_and_json():
    text = (BAD / "base_ok.yaml").read_text()
    s = accord.loads(text)
    assert s.id == "ok"
    assert accord.loads(s.to_json(), format="json") == s
    with pytest.raises(accord.ScenarioError) as e:
        accord.loads("{\"format\": 1,", format="json")
    assert "invalid JSON" in str(e.value.diagnostics[0])
    assert e.value.diagnostics[0].line >= 1


def test_missing_file():
    with pytest.raises(accord.ScenarioError) as e:
        accord.load("/nonexistent/scenario.yaml")
    assert e.value.diagnostics


def test_engine_arguments():
    s = accord.load("geneva-2025")
    with pytest.raises(accord.ScenarioError, match="unknown version `v99`"):
        accord.evaluate(s, version="v99")
    with pytest.raises(accord.ScenarioError, match="unknown issue `nope`") as e:
        accord.bargain(s, set={"nope": "X"})
    assert e.value.diagnostics[0].path == "set.nope"
    with pytest.raises(accord.ScenarioError, match="unknown option"):
        accord.evaluate(s, set={"territory_donbas": "NOPE"})
    with pytest.raises(accord.ScenarioError, match="unknown party"):
        accord.bargain(s, parties=["XX"])
    with pytest.raises(accord.ScenarioError, match="unknown concept"):
        accord.gmcr(s, concepts="nash,xyz")
    with pytest.raises(accord.ScenarioError, match="unknown decision maker"):
        accord.gmcr(s, coalition="US+XX")
    with pytest.raises(accord.ScenarioError, match="unknown finding"):
        accord.robustness(s, findings="nope")
    with pytest.raises(accord.ScenarioError, match="unknown model"):
        accord.forecast(s, model="nope")


def test_importer_errors(tmp_path):
    bad = tmp_path / "d.xml"
    bad.write_text("<negotiation_template><utility_space")
    with pytest.raises(accord.ScenarioError) as e:
        accord.import_genius(bad, bad)
    assert e.value.diagnostics
    with pytest.raises(accord.ScenarioError):
        accord.import_gmcr(tmp_path / "none.gmcr")
    with pytest.raises(accord.ScenarioError):
        accord.read_ktab(tmp_path / "none.csv")
