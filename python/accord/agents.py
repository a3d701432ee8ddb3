"""Negotiation agents written in Python (docs/python.md "Agents in Python").

Subclass :class:`Agent` and pass the class to :func:`accord.negotiate` or
:func:`accord.tournament` next to the C++ agents' names::

    class Linear(accord.Agent):
        def propose(self, turn):
            st = self.domain.stats
            target = st.pmin + (st.pmax - st.pmin) * (1.0 - turn.t)
            x = self.domain.lowest_at_least(target)
            return st.best if x is None else x

    accord.negotiate(s, agents=[Linear, "hardliner"], rounds=50, version="v20", parties=["UA", "RU"])

The engine runs in C++ with the GIL released; it takes the GIL for each call into a Python
agent, so calls into Python agents are serialised (one at a time, whatever the thread) while
negotiations between C++ agents go on in parallel.
"""
from __future__ import annotations

from typing import Optional, Union

# What respond() returns (or a package id: a counter-offer).
ACCEPT = "accept"
REJECT = "reject"  # then propose() is called for the counter-offer
END = "end"        # ends the negotiation without agreement (propose may return it too)


class AgentError(RuntimeError):
    """A Python agent raised (or returned something that is not an action). The message names
    the agent, its party, the method and the round; ``__cause__`` is the agent's exception."""


class Agent:
    """A negotiation strategy in Python, playing one party of one negotiation.

    Before :meth:`on_start` the engine sets:

    - ``domain``: an :class:`accord.AgentDomain`, this party's view of the package space — its own
      ``utility(x)``, ``crosses_red_line(x)``, ``lowest_at_least(target)``, ``stats`` (pmax, pmin,
      umin, reservation, best, has_packages), the space's ``size``, ``issues``, ``parties``,
      ``options(x)``, ``id(options)``, ``package(x)``. The other parties' utilities are not in it.
    - ``index`` (its position among the negotiating parties), ``party`` (its id), ``rounds`` (R),
      ``seed`` (its seed, derived as for the C++ agents).

    Each call gets an :class:`accord.Turn`: ``action`` k, ``round`` r, ``t`` = r / (R - 1),
    ``standing`` (the standing offer's package id, None at action 0) and ``proposer``.
    """

    name: Optional[str] = None  # shown in results as "py:NAME" (default: the class name)

    def on_start(self) -> None:
        """Called once, after the attributes above are set."""

    def propose(self, turn) -> Union[int, str]:
        """The offer to make: a package id in [0, domain.size), or END."""
        raise NotImplementedError(f"{type(self).__name__}.propose")

    def respond(self, turn) -> Union[int, str]:
        """There is a standing offer (``turn.standing``): ACCEPT, END, REJECT (then
        :meth:`propose` makes the counter-offer) or a package id (the counter-offer)."""
        return REJECT

    def observe(self, party: int, turn, action) -> None:
        """Every other party's action (``action.kind``: "offer" | "accept" | "end",
        ``action.package``), in order, before this agent's next turn. Not called unless overridden."""


def agent_name(agent) -> str:
    name = getattr(agent, "name", None) or getattr(agent, "__name__", None) or type(agent).__name__
    return str(name)


def split_agents(agents, one_negotiation: bool):
    """Agent specs for the engine, and {name: factory} of the Python agents among them."""
    specs, factories = [], {}
    for a in agents:
        if isinstance(a, str):
            specs.append(a)
            continue
        if isinstance(a, Agent):
            if not one_negotiation:
                raise TypeError("a tournament plays each agent many times: give the Agent subclass, not an instance")
            instance = a
            factory = lambda instance=instance: instance  # noqa: E731
        elif callable(a):
            factory = a
        else:
            raise TypeError(f"expected an agent name, an accord.Agent subclass or a factory, not {type(a).__name__}")
        name = agent_name(a)
        if name in factories and factories[name] is not factory:
            raise ValueError(f"two different Python agents are named {name!r}; set `name` on one of them")
        factories.setdefault(name, factory)
        specs.append("py:" + name)
    return specs, factories
