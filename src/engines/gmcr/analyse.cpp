// Entry points of the stability engine: validation, the graph, per-player stability (in
// parallel over players, merged in order), equilibria, coalitions, the status quo.
#include <tbb/parallel_for.h>

#include <algorithm>
#include <bit>

#include "engines/gmcr/graph.hpp"

namespace accord::gmcr {

std::string_view to_string(Concept c) {
  switch (c) {
    case Concept::nash: return "nash";
    case Concept::gmr: return "gmr";
    case Concept::smr: return "smr";
    case Concept::seq: return "seq";
  }
  return "?";
}

std::optional<Concept> parse_concept(std::string_view text) {
  for (Concept c : kAllConcepts)
    if (to_string(c) == text) return c;
  if (text == "r" || text == "R") return Concept::nash;
  return std::nullopt;
}

std::size_t StateSet::count() const {
  std::size_t n = 0;
  for (std::uint64_t w : words_) n += static_cast<std::size_t>(std::popcount(w));
  return n;
}

std::vector<StateIndex> StateSet::members() const {
  std::vector<StateIndex> out;
  for (std::size_t k = 0; k < size_; ++k)
    if (test(k)) out.push_back(static_cast<StateIndex>(k));
  return out;
}

StateSet& StateSet::operator&=(const StateSet& o) {
  for (std::size_t k = 0; k < words_.size() && k < o.words_.size(); ++k) words_[k] &= o.words_[k];
  return *this;
}

std::optional<StateIndex> Analysis::find(StateCode code) const {
  auto it = std::lower_bound(states.begin(), states.end(), code);
  if (it == states.end() || *it != code) return std::nullopt;
  return static_cast<StateIndex>(it - states.begin());
}

namespace {

using detail::Graph;
using detail::Player;

std::vector<PlayerResult> stabilities(const Graph& g, const std::vector<Player>& players,
                                      const std::vector<Concept>& concepts) {
  std::vector<PlayerResult> out(players.size());
  tbb::parallel_for(std::size_t{0}, players.size(), [&](std::size_t p) {
    detail::player_stability(g, players, p, concepts, out[p]);
  });
  return out;
}

std::array<std::optional<StateSet>, 4> equilibria(const std::vector<PlayerResult>& players,
                                                  const std::vector<Concept>& concepts,
                                                  std::size_t states) {
  std::array<std::optional<StateSet>, 4> eq;
  for (Concept c : concepts) {
    const auto k = static_cast<std::size_t>(c);
    bool computed = true;
    StateSet all(states);
    for (std::size_t s = 0; s < states; ++s) all.set(s);
    for (const PlayerResult& p : players) {
      if (!p.stable[k]) computed = false;
      else all &= *p.stable[k];
    }
    if (computed) eq[k] = std::move(all);
  }
  return eq;
}

Diagnostics check_params(const Conflict& c, const Params& params) {
  Diagnostics d;
  auto error = [&](std::string msg) {
    d.push_back({Severity::error, "", 0, 0, "coalition", "", std::move(msg), {}});
  };
  std::vector<DecisionMakerIndex> seen;
  for (DecisionMakerIndex m : params.coalition) {
    if (!m.valid() || m.get() >= c.decision_makers.size()) error("unknown decision maker in the coalition");
    else if (std::find(seen.begin(), seen.end(), m) != seen.end()) error("a decision maker is named twice in the coalition");
    seen.push_back(m);
  }
  if (!params.coalition.empty() && params.coalition.size() < 2)
    error("a coalition needs at least two decision makers; found one");
  if (!params.coalition.empty() && params.coalition.size() == c.decision_makers.size())
    error("the coalition holds every decision maker; expected at least one outside it");
  return d;
}

}  // namespace

RunResult analyse(const Conflict& conflict, const Params& params) {
  RunResult result;
  result.diagnostics = validate_conflict(conflict);
  if (has_errors(result.diagnostics)) return result;
  for (auto& d : check_params(conflict, params)) result.diagnostics.push_back(std::move(d));
  if (has_errors(result.diagnostics)) return result;

  const Graph g = detail::build_graph(conflict);
  Analysis a;
  a.option_count = g.n;
  a.states = g.codes;
  for (Concept c : kAllConcepts)
    if (std::find(params.concepts.begin(), params.concepts.end(), c) != params.concepts.end())
      a.concepts.push_back(c);

  std::vector<Player> players;
  for (std::size_t d = 0; d < conflict.decision_makers.size(); ++d)
    players.push_back({conflict.decision_makers[d].id, {static_cast<int>(d)}, g.dm_mask[d]});
  a.decision_makers = stabilities(g, players, a.concepts);
  a.equilibria = equilibria(a.decision_makers, a.concepts, g.codes.size());

  if (!params.coalition.empty()) {
    Player c;
    for (DecisionMakerIndex m : params.coalition) {
      c.name += (c.name.empty() ? "" : "+") + conflict.decision_makers[m.get()].id;
      c.members.push_back(m.value);
      c.mask |= g.dm_mask[m.get()];
    }
    std::vector<Player> reduced = {c};
    for (const Player& p : players)
      if (std::find(c.members.begin(), c.members.end(), p.members.front()) == c.members.end())
        reduced.push_back(p);
    CoalitionResult cr;
    cr.players = stabilities(g, reduced, a.concepts);
    cr.equilibria = equilibria(cr.players, a.concepts, g.codes.size());
    a.coalition = std::move(cr);
  }
  if (conflict.status_quo) {
    a.status_quo = g.index[*conflict.status_quo];
    if (params.status_quo_paths) detail::status_quo_paths(g, *conflict.status_quo, a);
  }
  result.analysis = std::move(a);
  return result;
}

RunResult run(const Scenario& scenario, const Params& params) {
  if (!scenario.conflict) {
    RunResult r;
    r.diagnostics.push_back({Severity::error, "", 0, 0, "conflict", "scenario " + scenario.id,
                             "the scenario has no `conflict:` section; expected one for the "
                             "stability analysis",
                             "see docs/gmcr.md, or import a gmcr-py file with `accord import gmcr`"});
    return r;
  }
  return analyse(*scenario.conflict, params);
}

}  // namespace accord::gmcr
