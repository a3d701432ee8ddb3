// The stacked alternating offers protocol (docs/negotiation.md "Protocol").
#include <limits>

#include "accord/engines/agent.hpp"
#include "accord/engines/negotiate.hpp"

namespace accord::negotiate {

std::uint64_t agent_seed(std::uint64_t seed, std::size_t k) {
  // splitmix64 of seed + golden-ratio steps, so neighbouring seeds and parties decorrelate.
  std::uint64_t z = seed + 0x9E3779B97F4A7C15ULL * (static_cast<std::uint64_t>(k) + 1);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

std::string_view to_string(ActionKind k) {
  switch (k) {
    case ActionKind::not_set: return "not_set";
    case ActionKind::offer: return "offer";
    case ActionKind::accept: return "accept";
    case ActionKind::end: return "end";
  }
  return "not_set";
}

std::optional<ActionKind> parse_action_kind(std::string_view text) {
  for (const ActionKind k : {ActionKind::offer, ActionKind::accept, ActionKind::end})
    if (to_string(k) == text) return k;
  return std::nullopt;
}

std::string_view to_string(Ending e) {
  switch (e) {
    case Ending::not_set: return "not_set";
    case Ending::agreement: return "agreement";
    case Ending::deadline: return "deadline";
    case Ending::ended: return "ended";
    case Ending::stopped: return "stopped";
  }
  return "not_set";
}

std::optional<Ending> parse_ending(std::string_view text) {
  for (const Ending e : {Ending::agreement, Ending::deadline, Ending::ended, Ending::stopped})
    if (to_string(e) == text) return e;
  return std::nullopt;
}

namespace {

Result invalid(std::string message, std::string path) {
  Result r;
  r.outcome = Outcome::failure(Status::invalid_input, std::move(message), std::move(path));
  return r;
}

void reservations(const Domain& d, Result& r) {
  r.utilities.clear();
  for (std::size_t k = 0; k < d.party_count(); ++k) r.utilities.push_back(d.stats(k).reservation);
}

}  // namespace

Result run(const Domain& d, const Params& params) {
  const std::size_t n = d.party_count();
  if (params.agents.size() != n)
    return invalid("--agents names " + std::to_string(params.agents.size()) + " agent(s) for " +
                       std::to_string(n) + " parties; give one per party, in party order",
                   "agents");
  if (params.rounds < 2) return invalid("rounds must be at least 2 (t = r / (R - 1))", "rounds");
  std::vector<std::unique_ptr<Agent>> agents;
  for (std::size_t k = 0; k < n; ++k) {
    AgentContext ctx{&d, k, params.rounds, agent_seed(params.seed, k)};
    AgentMade made = make_agent(params.agents[k], ctx);
    if (!made.agent) return invalid("agent " + std::to_string(k + 1) + ": " + made.error, "agents");
    agents.push_back(std::move(made.agent));
  }
  return run(d, agents, params);
}

Result run(const Domain& d, std::vector<std::unique_ptr<Agent>>& agents, const Params& params) {
  const std::size_t n = d.party_count();
  if (agents.size() != n) return invalid("one agent per party is needed", "agents");
  if (params.rounds < 2) return invalid("rounds must be at least 2 (t = r / (R - 1))", "rounds");
  Result r;
  r.outcome = Outcome::success();
  r.rounds = params.rounds;
  r.seed = params.seed;
  r.agents = params.agents;
  const std::size_t total = n * params.rounds;
  const double span = static_cast<double>(params.rounds - 1);
  Turn turn;
  std::size_t accepts = 0;  // acceptances of the standing offer in a row
  std::size_t polled = 0;
  for (std::size_t k = 0; k < total; ++k) {
    if (params.max_actions > 0 && k >= params.max_actions) {
      r.ending = Ending::stopped;
      r.outcome.termination = {Stop::node_limit, "stopped after " + std::to_string(k) + " of " +
                                                     std::to_string(total) + " actions (max_actions)"};
      reservations(d, r);
      return r;
    }
    if (++polled == 1024) {
      polled = 0;
      if (params.deadline.expired()) {
        r.ending = Ending::stopped;
        r.outcome.termination = {Stop::time_limit, "stopped after " + std::to_string(k) + " of " +
                                                       std::to_string(total) + " actions"};
        reservations(d, r);
        return r;
      }
    }
    const std::size_t who = k % n;
    turn.action = k;
    turn.round = k / n;
    turn.t = static_cast<double>(turn.round) / span;
    Action a = agents[who]->act(turn);
    // Action 0 must be an offer; an accept without a standing offer is a strategy bug: treat as end.
    if (a.kind == ActionKind::accept && !turn.standing) a = Action::end();
    if (a.kind == ActionKind::offer && a.package >= d.size()) a = Action::end();
    if (a.kind == ActionKind::not_set) a = Action::end();
    if (a.kind == ActionKind::accept) a.package = *turn.standing;
    r.actions = k + 1;
    r.round = turn.round;
    if (params.trace) r.trace.push_back({k, turn.round, who, turn.t, a.kind, a.package});
    if (a.kind == ActionKind::end) {
      r.ending = Ending::ended;
      r.ended_by = who;
      reservations(d, r);
      return r;
    }
    for (std::size_t q = 0; q < n; ++q)
      if (q != who) agents[q]->observe(who, turn, a);
    if (a.kind == ActionKind::offer) {
      turn.standing = a.package;
      turn.proposer = who;
      accepts = 0;
      continue;
    }
    if (++accepts == n - 1) {
      Agreement ag;
      ag.id = *turn.standing;
      ag.package = d.package(ag.id);
      ag.proposer = turn.proposer;
      for (std::size_t q = 0; q < n; ++q) ag.utilities.push_back(d.utility(q, ag.id));
      r.utilities = ag.utilities;
      r.agreement = std::move(ag);
      r.ending = Ending::agreement;
      return r;
    }
  }
  r.ending = Ending::deadline;
  reservations(d, r);
  return r;
}

}  // namespace accord::negotiate
