"""Agents written in Python (docs/python.md "Agents in Python")."""
import pytest

import accord

EPS = 1e-12  # negotiate::kNegotiationEps


class Linear(accord.Agent):
    """The C++ `linear` agent (time-dependent, e = 1, AC_next) written in Python."""

    def _mine(self, turn):
        st = self.domain.stats
        target = st.pmin + (st.pmax - st.pmin) * (1.0 - turn.t)
        x = self.domain.lowest_at_least(target)
        return st.best if x is None else x

    def propose(self, turn):
        return self._mine(turn) if self.domain.stats.has_packages else accord.END

    def respond(self, turn):
        d = self.domain
        if not d.stats.has_packages:
            return accord.END
        mine = self._mine(turn)
        u = d.utility(turn.standing)
        if u >= d.utility(mine) - EPS and u >= d.stats.reservation - EPS and not d.crosses_red_line(turn.standing):
            return accord.ACCEPT
        return mine


@pytest.fixture(scope="module")
def geneva():
    return accord.load("geneva-2025")


def strip_agents(doc):
    doc = dict(doc)
    doc.pop("agents")
    return doc


@pytest.mark.parametrize("parties,other,position", [
    (["US", "UA"], "boulware", 0), (["US", "UA"], "conceder", 1), (["US", "RU"], "boulware", 0), (["US", "UA"], "micro", 1),
    (["UA", "RU"], "hardliner", 1),
])
def test_python_linear_reproduces_the_cpp_trace(geneva, parties, other, position):
    def agents(me):
        return [me, other] if position == 0 else [other, me]
    kw = dict(version="v20", parties=parties, trace=True, rounds=60)
    cpp = accord.negotiate(geneva, agents("linear"), **kw).to_dict()
    py = accord.negotiate(geneva, agents(Linear), **kw).to_dict()
    assert py["agents"][position] == "py:Linear"
    assert strip_agents(py) == strip_agents(cpp)
    assert len(cpp["trace"]) == cpp["actions"] > 2


def test_python_agent_in_a_tournament(geneva):
    kw = dict(repeats=2, version="v20", parties=["US", "UA"], seed=11)
    cpp = accord.tournament(geneva, ["linear", "boulware", "random"], 40, **kw).to_dict()
    for threads in (1, 2):
        py = accord.tournament(geneva, [Linear, "boulware", "random"], 40, threads=threads, **kw).to_dict()
        assert py["agents"] == ["py:Linear", "boulware", "random"]
        # Every statistic and negotiation equals the C++ tournament's, names apart.
        assert [{**n, "agents": []} for n in py["results"]] == [{**n, "agents": []} for n in cpp["results"]]
        assert py["assignments"][0]["mean_utilities"] == \
            cpp["assignments"][0]["mean_utilities"]
        assert [{**a, "agent": ""} for a in py["per_agent"]] == [{**a, "agent": ""} for a in cpp["per_agent"]]


def test_the_agent_sees_what_the_cpp_interface_gives(geneva):
    seen = {}

    class Watcher(Linear):
        name = "watcher"

        def on_start(self):
            seen.update(index=self.index, party=self.party, rounds=self.rounds, seed=self.seed,
                        size=self.domain.size, parties=self.domain.parties, issues=self.domain.issues,
                        domain=self.domain, observed=[])

        def observe(self, party, turn, action):
            seen["observed"].append((party, turn.round, action.kind, action.package))

    r = accord.negotiate(geneva, ["boulware", Watcher], 30, version="v20", parties=["US", "UA"], trace=True, seed=4)
    d = r.to_dict()
    assert (seen["index"], seen["party"], seen["rounds"]) == (1, "UA", 30)
    assert seen["parties"] == ["US", "UA"] and seen["issues"] == d["issues"] and seen["size"] == d["packages"]
    assert seen["seed"] != 0 and r.agents == ["boulware", "py:watcher"]
    # observe() saw every action of the other party, in order (the final acceptance included
    # only if it was not this agent's).
    theirs = [(0, s["round"], s["kind"]) for s in d["trace"] if s["party"] == "US"]
    assert [(p, rnd, kind) for p, rnd, kind, _ in seen["observed"]] == theirs
    with pytest.raises(RuntimeError, match="has ended"):
        seen["domain"].utility(0)


def test_an_exception_names_the_agent_and_the_round(geneva):
    class Faulty(Linear):
        def respond(self, turn):
            if turn.round == 3:
                raise KeyError("no such package")
            return super().respond(turn)

    with pytest.raises(accord.AgentError, match=r"`Faulty` \(party UA\) raised in respond at round 3") as e:
        accord.negotiate(geneva, [Faulty, "hardliner"], 20, version="v20", parties=["UA", "RU"])
    assert isinstance(e.value.__cause__, KeyError)
    with pytest.raises(accord.AgentError, match="raised in respond at round 3"):
        accord.tournament(geneva, [Faulty, "hardliner", "linear"], 20, repeats=3, threads=2, version="v20",
                          parties=["UA", "RU"])


@pytest.mark.parametrize("bad,error", [("maybe", TypeError), (1.5, TypeError), (10 ** 30, ValueError), (-1, ValueError)])
def test_a_bad_action_is_an_agent_error(geneva, bad, error):
    class Odd(accord.Agent):
        def propose(self, turn):
            return bad

    with pytest.raises(accord.AgentError, match="returned") as e:
        accord.negotiate(geneva, [Odd, "linear"], 10, version="v20", parties=["US", "UA"])
    assert isinstance(e.value.__cause__, error)


def test_an_exception_when_created(geneva):
    class Broken(accord.Agent):
        def on_start(self):
            raise RuntimeError("cannot start")

    with pytest.raises(accord.AgentError, match="raised when created: RuntimeError: cannot start"):
        accord.negotiate(geneva, [Broken, "linear"], 10, version="v20", parties=["US", "UA"])


def test_instances_and_names(geneva):
    r = accord.negotiate(geneva, [Linear(), "linear"], 30, version="v20", parties=["US", "UA"])
    assert r.agents == ["py:Linear", "linear"]
    with pytest.raises(TypeError, match="subclass"):
        accord.tournament(geneva, [Linear(), "linear"], 30, version="v20", parties=["US", "UA"])
    other = type("Linear", (Linear,), {})
    with pytest.raises(ValueError, match="named 'Linear'"):
        accord.tournament(geneva, [Linear, other], 30, version="v20", parties=["US", "UA"])
