// Entry points of the stability engine: validation, the graph, per-player stability (in
// parallel over players, merged in order), equilibria, coalitions, the status quo.
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

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
    case Concept::sim: return "sim";
    case Concept::seq_sim: return "seq_sim";
    case Concept::not_set: return "not_set";
  }
  return "?";
}

std::optional<Concept> parse_concept(std::string_view text) {
  for (Concept c : kAllConcepts)
    if (to_string(c) == text) return c;
  if (text == "r" || text == "R") return Concept::nash;
  if (text == "seq+sim") return Concept::seq_sim;
  return std::nullopt;
}

std::string_view to_string(Sanctions s) {
  switch (s) {
    case Sanctions::standard: return "standard";
    case Sanctions::gmcr_py: return "gmcr-py";
    case Sanctions::not_set: return "not_set";
  }
  return "?";
}

std::optional<Sanctions> parse_sanctions(std::string_view text) {
  if (text == "standard") return Sanctions::standard;
  if (text == "gmcr-py" || text == "gmcr_py") return Sanctions::gmcr_py;
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
                                      const std::vector<Concept>& concepts, const Deadline& deadline,
                                      Sanctions rule) {
  std::vector<PlayerResult> out(players.size());
  tbb::parallel_for(std::size_t{0}, players.size(), [&](std::size_t p) {
    detail::player_stability(g, players, p, concepts, deadline, out[p], rule);
  });
  return out;
}

// Concepts never computed for the players of a coalition analysis (docs/gmcr.md).
bool coalition_concept(Concept k) { return k != Concept::sim && k != Concept::seq_sim; }

// The states that are an equilibrium under some concept in one result and not in the other.
std::vector<StateIndex> differences(const PerConcept<std::optional<StateSet>>& a,
                                    const PerConcept<std::optional<StateSet>>& b,
                                    const std::vector<Concept>& concepts, std::size_t states) {
  std::vector<StateIndex> out;
  for (std::size_t s = 0; s < states; ++s) {
    bool differs = false;
    for (Concept k : concepts)
      if (a[k] && b[k] && a[k]->test(s) != b[k]->test(s)) differs = true;
    if (differs) out.push_back(static_cast<StateIndex>(s));
  }
  return out;
}

// "gmr: D1 not computed; seq: D0, D1 not computed" for the players whose concept is missing.
std::string missing(const std::vector<PlayerResult>& players, const std::vector<Concept>& concepts,
                    const std::string& prefix) {
  std::string out;
  for (Concept c : concepts) {
    std::string who;
    for (const PlayerResult& p : players)
      if (!p.stable[c]) who += (who.empty() ? "" : ", ") + p.name;
    if (!who.empty()) out += (out.empty() ? "" : "; ") + prefix + std::string(to_string(c)) + " not computed for " + who;
  }
  return out;
}

std::string mib(std::uint64_t bytes) {
  return std::to_string((bytes + (std::uint64_t{1} << 20) - 1) >> 20) + " MiB";
}

PerConcept<std::optional<StateSet>> equilibria(const std::vector<PlayerResult>& players,
                                               const std::vector<Concept>& concepts, std::size_t states) {
  PerConcept<std::optional<StateSet>> eq;
  for (Concept k : concepts) {
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
    if (!c.decision_makers.contains(m)) error("unknown decision maker in the coalition");
    else if (std::find(seen.begin(), seen.end(), m) != seen.end()) error("a decision maker is named twice in the coalition");
    seen.push_back(m);
  }
  if (!params.coalition.empty() && params.coalition.size() < 2)
    error("a coalition needs at least two decision makers; found one");
  if (!params.coalition.empty() && params.coalition.size() == c.decision_makers.size())
    error("the coalition holds every decision maker; expected at least one outside it");
  if (params.sanctions == Sanctions::not_set)
    d.push_back({Severity::error, "", 0, 0, "sanctions", "", "no sanction rule given; expected standard or gmcr-py", {}});
  return d;
}

}  // namespace

RunResult analyse(const Conflict& conflict, const Params& params) {
  RunResult result;
  Diagnostics& diagnostics = result.outcome.diagnostics;
  result.outcome.status = Status::invalid_input;
  diagnostics = validate_conflict(conflict);
  if (has_errors(diagnostics)) return result;
  for (auto& d : check_params(conflict, params)) diagnostics.push_back(std::move(d));
  if (has_errors(diagnostics)) return result;

  const bool sq_wanted = conflict.status_quo.has_value() && params.status_quo_paths;
  const std::uint64_t need = estimate_memory(conflict.options.size(), conflict.decision_makers.size(), false);
  if (need > params.max_memory) {
    result.outcome.termination = {Stop::memory_limit, "estimated " + mib(need) + "; limit " + mib(params.max_memory)};
    diagnostics.push_back(
        {Severity::error, "", 0, 0, "conflict", "",
         "the analysis of " + std::to_string(conflict.options.size()) + " options and " +
             std::to_string(conflict.decision_makers.size()) + " decision makers needs an estimated " +
             mib(need) + " of memory; the limit is " + mib(params.max_memory),
         "raise the limit (accord gmcr --max-memory MiB) or merge options"});
    return result;
  }
  const Graph g = detail::build_graph(conflict, params.deadline);
  if (!g.complete) {
    result.outcome.termination = {Stop::time_limit, "the state graph was not built within the time budget"};
    diagnostics.push_back(
        {Severity::error, "", 0, 0, "conflict", "",
         "building the graph of " + std::to_string(g.cube) + " states did not finish within the time budget",
         "raise the budget (accord gmcr --max-seconds S) or merge options"});
    return result;
  }
  Analysis a;
  a.option_count = g.n;
  a.states = g.codes;
  for (Concept c : kAllConcepts)
    if (std::find(params.concepts.begin(), params.concepts.end(), c) != params.concepts.end())
      a.concepts.push_back(c);

  std::vector<Player> players;
  for (const DecisionMakerIndex d : conflict.decision_makers.indices())
    players.push_back({conflict.decision_makers[d].id, {d}, g.dm_mask[d]});
  a.sanctions = params.sanctions;
  a.decision_makers = stabilities(g, players, a.concepts, params.deadline, params.sanctions);
  a.equilibria = equilibria(a.decision_makers, a.concepts, g.codes.size());
  if (params.compare_sanctions) {
    const Sanctions other = params.sanctions == Sanctions::gmcr_py ? Sanctions::standard : Sanctions::gmcr_py;
    const auto alt = stabilities(g, players, a.concepts, params.deadline, other);
    a.sanction_differences = differences(a.equilibria, equilibria(alt, a.concepts, g.codes.size()), a.concepts,
                                         g.codes.size());
  }

  if (!params.coalition.empty()) {
    Player c;
    for (DecisionMakerIndex m : params.coalition) {
      c.name += (c.name.empty() ? "" : "+") + conflict.decision_makers[m].id;
      c.members.push_back(m);
      c.mask |= g.dm_mask[m];
    }
    std::vector<Player> reduced = {c};
    for (const Player& p : players)
      if (std::find(c.members.begin(), c.members.end(), p.members.front()) == c.members.end())
        reduced.push_back(p);
    CoalitionResult cr;
    std::vector<Concept> concepts;
    for (Concept k : a.concepts)
      if (k != Concept::sim && k != Concept::seq_sim) concepts.push_back(k);
    cr.players = stabilities(g, reduced, concepts, params.deadline, params.sanctions);
    cr.equilibria = equilibria(cr.players, concepts, g.codes.size());
    a.coalition = std::move(cr);
  }
  // Coalition stability on top of the graph: per code, components and stamps (16 bytes), a
  // flag per DM and concept, and a sanction value per member of a coalition and concept.
  const std::uint64_t dms = conflict.decision_makers.size();
  const std::uint64_t coalition_need = need + g.cube * (16 + dms * 4 + dms * 3 * 4);
  const bool coalitions = params.coalitions && coalition_need <= params.max_memory;
  if (coalitions) {
    // The singleton coalitions are the individual definitions under the standard rule.
    const auto individual = params.sanctions == Sanctions::standard
                                ? a.decision_makers
                                : stabilities(g, players, a.concepts, params.deadline, Sanctions::standard);
    a.coalitional = detail::coalitional_stability(g, players, individual, a.concepts, params.deadline);
  }
  std::string detail = missing(a.decision_makers, a.concepts, "");
  if (a.coalition) {
    // Coalition SIM and SEQ+SIM are never computed (docs/gmcr.md): their absence is not a
    // budget's doing.
    std::vector<Concept> coalition_concepts;
    for (Concept k : a.concepts)
      if (coalition_concept(k)) coalition_concepts.push_back(k);
    const std::string c = missing(a.coalition->players, coalition_concepts, "coalition ");
    if (!c.empty()) detail += (detail.empty() ? "" : "; ") + c;
  }
  if (a.coalitional) {
    const std::string c = missing(a.coalitional->decision_makers, a.coalitional->concepts, "coalitional ");
    if (!c.empty()) detail += (detail.empty() ? "" : "; ") + c;
  }
  Stop stop = detail.empty() ? Stop::finished : Stop::time_limit;
  if (params.coalitions && !coalitions) {
    detail += (detail.empty() ? "" : "; ") + std::string("coalition stability skipped: estimated ") +
              mib(coalition_need) + ", limit " + mib(params.max_memory);
    if (stop == Stop::finished) stop = Stop::memory_limit;
  }
  if (conflict.status_quo) {
    a.status_quo = g.index[*conflict.status_quo];
    const std::uint64_t with_sq = estimate_memory(conflict.options.size(), conflict.decision_makers.size(), true);
    if (sq_wanted && with_sq > params.max_memory) {
      detail += (detail.empty() ? "" : "; ") + std::string("status-quo paths skipped: estimated ") +
                mib(with_sq) + ", limit " + mib(params.max_memory);
      if (stop == Stop::finished) stop = Stop::memory_limit;
    } else if (sq_wanted) {
      std::size_t targets = 0;
      a.status_quo_paths_computed = detail::status_quo_paths(g, *conflict.status_quo, params.deadline,
                                                             params.max_status_quo_paths, targets, a);
      if (a.status_quo_paths_computed && targets > params.max_status_quo_paths) {
        detail += (detail.empty() ? "" : "; ") + std::string("status-quo paths kept for the first ") +
                  std::to_string(params.max_status_quo_paths) + " of " + std::to_string(targets) + " equilibria";
        if (stop == Stop::finished) stop = Stop::size_limit;
      }
      if (!a.status_quo_paths_computed) {
        a.status_quo_paths.clear();
        detail += (detail.empty() ? "" : "; ") + std::string("status-quo paths not computed");
        stop = Stop::time_limit;
      }
    }
  }
  result.outcome.status = Status::ok;
  result.outcome.termination = {stop, detail};
  result.analysis = std::move(a);
  return result;
}

std::uint64_t estimate_memory(std::size_t options, std::size_t dms, bool status_quo_paths) {
  if (options > kMaxConflictOptions) return ~std::uint64_t{0};
  const std::uint64_t cube = std::uint64_t{1} << options;
  // The graph: feasible flags, index, codes, one rank per decision maker (per code).
  const std::uint64_t graph = cube * (1 + 4 + 4 + 4 * dms);
  // Per player being analysed at once: its escape values, sanction minima and a working copy.
  const std::uint64_t workers = std::min<std::uint64_t>(
      dms, static_cast<std::uint64_t>(std::max(1, tbb::this_task_arena::max_concurrency())));
  const std::uint64_t players = workers * cube * 16;
  // Two search trees (parent, mover) and one layer's working arrays.
  const std::uint64_t paths = status_quo_paths ? cube * (2 * 6 + 14) : 0;
  return graph + std::max(players, paths);
}

RunResult run(const Scenario& scenario, const Params& params) {
  if (!scenario.conflict) {
    RunResult r;
    r.outcome.status = Status::invalid_input;
    r.outcome.diagnostics.push_back({Severity::error, "", 0, 0, "conflict", "scenario " + scenario.id,
                             "the scenario has no `conflict:` section; expected one for the "
                             "stability analysis",
                             "see docs/gmcr.md, or import a gmcr-py file with `accord import gmcr`"});
    return r;
  }
  return analyse(*scenario.conflict, params);
}

}  // namespace accord::gmcr
