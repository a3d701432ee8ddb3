// Explanations: for each unilateral improvement of the focal decision maker, the shortest
// legal sanctioning sequence of the others (breadth-first over (state, last mover)), or
// none. Computed on demand for one state.
#include <algorithm>
#include <optional>

#include "engines/gmcr/graph.hpp"

namespace accord::gmcr {

namespace {

using detail::Graph;
using detail::Player;
using detail::Rank;

constexpr std::uint64_t kNone = ~std::uint64_t{0};

using Path = std::vector<std::pair<StateCode, DecisionMakerIndex>>;

// The search state shared by every sanction search of one explanation: the parent array over
// (state, last mover) is allocated once (2^n × players entries) and reset after each search
// through the queue, which lists every node it touched.
struct Search {
  const Graph& g;
  const std::vector<Player>& others;
  DeadlineTicker ticker;
  std::vector<std::uint64_t> parent;
  std::vector<std::uint64_t> queue;
  Search(const Graph& graph, const std::vector<Player>& o, const Deadline& deadline)
      : g(graph), others(o), ticker(deadline, 1024), parent(graph.cube * o.size(), kNone) {}
  void reset() {
    for (const std::uint64_t node : queue) parent[node] = kNone;
    queue.clear();
  }
};

// Shortest legal sequence from s1 to a state accepted by `good`; empty when there is none;
// nullopt when the deadline passed first.
template <class Good>
std::optional<Path> sanction(Search& z, StateCode s1, bool improving_only, Good good) {
  const Graph& g = z.g;
  const std::vector<Player>& others = z.others;
  const std::size_t P = others.size();
  std::vector<std::uint64_t>& parent = z.parent;
  std::vector<std::uint64_t>& queue = z.queue;
  z.reset();
  for (std::size_t k = 0; k < P; ++k)
    detail::for_each_move(g, others[k].mask, s1, [&](StateCode t) {
      if (improving_only && !g.improves(others[k], s1, t)) return;
      const std::uint64_t node = std::uint64_t{t} * P + k;
      if (parent[node] != kNone) return;
      parent[node] = node;  // a root
      queue.push_back(node);
    });
  for (std::size_t head = 0; head < queue.size(); ++head) {
    if (z.ticker.expired()) return std::nullopt;
    const std::uint64_t node = queue[head];
    const auto x = static_cast<StateCode>(node / P);
    if (good(x)) {
      Path path;
      for (std::uint64_t n = node;; n = parent[n]) {
        path.emplace_back(static_cast<StateCode>(n / P), others[n % P].members.front());
        if (parent[n] == n) break;
      }
      std::reverse(path.begin(), path.end());
      return path;
    }
    for (std::size_t k = 0; k < P; ++k) {
      if (k == node % P) continue;  // no one moves twice in a row
      detail::for_each_move(g, others[k].mask, x, [&](StateCode t) {
        if (improving_only && !g.improves(others[k], x, t)) return;
        const std::uint64_t next = std::uint64_t{t} * P + k;
        if (parent[next] != kNone) return;
        parent[next] = node;
        queue.push_back(next);
      });
    }
  }
  return Path{};
}

// SIM: an opponent's improvement from `state`, taken at the same time as s1, to a joint state
// the focal DM does not prefer; SEQ+SIM: or from which the opponents' improvements reach one.
// Returned as [s1 by the focal DM, the joint state by that opponent, ...]; empty when none;
// nullopt when the deadline passed first.
template <class Good>
std::optional<Path> simultaneous_sanction(Search& z, StateCode state, StateCode s1, DecisionMakerIndex dm,
                                          bool then_sequential, Good good) {
  const Graph& g = z.g;
  Path out;
  bool timed_out = false;
  for (const Player& k : z.others) {
    detail::for_each_move(g, k.mask, state, [&](StateCode s2) {
      if (timed_out || !out.empty() || !g.improves(k, state, s2)) return;
      const StateCode x = s1 ^ state ^ s2;
      if (!g.feasible[x]) return;
      Path rest;
      if (!good(x)) {
        if (!then_sequential) return;
        std::optional<Path> found = sanction(z, x, true, good);
        if (!found) {
          timed_out = true;
          return;
        }
        if (found->empty()) return;
        rest = std::move(*found);
      }
      out = {{s1, dm}, {x, k.members.front()}};
      out.insert(out.end(), rest.begin(), rest.end());
    });
    if (timed_out) return std::nullopt;
    if (!out.empty()) break;
  }
  return out;
}

}  // namespace

namespace {

ExplainResult invalid(StateCode state, std::string message, std::string path) {
  ExplainResult r;
  r.state = state;
  r.outcome = Outcome::failure(Status::invalid_input, std::move(message), std::move(path));
  return r;
}

// Why `state` is stable or not for `dm` under `kind`, on a validated conflict's graph.
Explanation explain_one(const Conflict& conflict, const Graph& g, StateCode state, DecisionMakerIndex dm,
                        Concept kind, const Deadline& deadline) {
  const std::vector<Rank>& u = g.rank[dm];
  const StateCode mask = g.dm_mask[dm];
  std::vector<Player> others;
  for (const DecisionMakerIndex k : conflict.decision_makers.indices())
    if (k != dm) others.push_back({conflict.decision_makers[k].id, {k}, g.dm_mask[k]});
  const bool searches = kind != Concept::nash;
  std::optional<Search> z;
  if (searches) z.emplace(g, others, deadline);

  auto escape = [&](StateCode x) {  // the best the focal DM can reach from x in one move
    Rank best = u[x];
    detail::for_each_move(g, mask, x, [&](StateCode t) { best = std::max(best, u[t]); });
    return best;
  };
  Explanation e;
  e.decision_maker = dm;
  e.kind = kind;
  e.stable = true;
  detail::for_each_move(g, mask, state, [&](StateCode s1) {
    if (!e.complete || u[s1] <= u[state]) return;
    if (searches && deadline.expired()) {  // Nash needs no search: it always finishes
      e.complete = false;
      return;
    }
    Deterrence det;
    det.improvement = s1;
    auto good = [&](StateCode x) {
      if (u[x] > u[state]) return false;
      return kind != Concept::smr || escape(x) <= u[state];
    };
    if (kind == Concept::gmr || kind == Concept::smr || kind == Concept::seq || kind == Concept::seq_sim) {
      const std::optional<Path> path = sanction(*z, s1, kind != Concept::gmr && kind != Concept::smr, good);
      if (!path) {
        e.complete = false;
        return;
      }
      if (!path->empty()) {
        det.deterred = true;
        det.sanction.emplace_back(s1, dm);
        det.sanction.insert(det.sanction.end(), path->begin(), path->end());
      }
    }
    if (!det.deterred && (kind == Concept::sim || kind == Concept::seq_sim)) {
      std::optional<Path> path = simultaneous_sanction(*z, state, s1, dm, kind == Concept::seq_sim, good);
      if (!path) {
        e.complete = false;
        return;
      }
      det.sanction = std::move(*path);
    }
    det.deterred = det.deterred || !det.sanction.empty();
    e.stable = e.stable && det.deterred;
    e.improvements.push_back(std::move(det));
  });
  if (!e.complete) e.stable = false;
  return e;
}

// The explanations of `state` for each (decision maker, concept) pair, or why there are none.
ExplainResult explain_pairs(const Conflict& conflict, StateCode state,
                            const std::vector<std::pair<DecisionMakerIndex, Concept>>& pairs,
                            const Deadline& deadline) {
  const Diagnostics d = validate_conflict(conflict);
  if (has_errors(d)) {
    ExplainResult r;
    r.state = state;
    r.outcome.status = Status::invalid_input;
    r.outcome.diagnostics = d;
    return r;
  }
  for (const auto& [dm, kind] : pairs) {
    if (!conflict.decision_makers.contains(dm))
      return invalid(state, "unknown decision maker", "decision_maker");
    if (kind == Concept::not_set) return invalid(state, "no stability concept given", "concept");
  }
  if ((state >> conflict.options.size()) != 0 || !is_feasible(conflict, state))
    return invalid(state, "state " + state_pattern(state, conflict.options.size()) + " is not a feasible state",
                   "state");
  const Graph g = detail::build_graph(conflict, deadline);
  ExplainResult r;
  r.state = state;
  r.outcome = Outcome::success();
  std::size_t unfinished = 0;
  for (const auto& [dm, kind] : pairs) {
    Explanation e;
    if (g.complete) {
      e = explain_one(conflict, g, state, dm, kind, deadline);
    } else {
      e.decision_maker = dm;
      e.kind = kind;
      e.complete = false;
    }
    unfinished += e.complete ? 0 : 1;
    r.explanations.push_back(std::move(e));
  }
  if (unfinished > 0)
    r.outcome.termination = {Stop::time_limit, std::to_string(unfinished) + " of " + std::to_string(pairs.size()) +
                                                   " explanations not finished within the time budget"};
  return r;
}

}  // namespace

ExplainResult explain(const Conflict& conflict, StateCode state, DecisionMakerIndex dm, Concept kind,
                      const Deadline& deadline) {
  return explain_pairs(conflict, state, {{dm, kind}}, deadline);
}

ExplainResult explain(const Conflict& conflict, StateCode state, const std::vector<Concept>& concepts,
                      const Deadline& deadline) {
  std::vector<std::pair<DecisionMakerIndex, Concept>> pairs;
  for (const DecisionMakerIndex d : conflict.decision_makers.indices())
    for (Concept k : kAllConcepts)
      if (std::find(concepts.begin(), concepts.end(), k) != concepts.end()) pairs.emplace_back(d, k);
  return explain_pairs(conflict, state, pairs, deadline);
}

}  // namespace accord::gmcr
