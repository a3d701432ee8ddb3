// Explanations: for each unilateral improvement of the focal decision maker, the shortest
// legal sanctioning sequence of the others (breadth-first over (state, last mover)), or
// none. Computed on demand for one state.
#include <algorithm>

#include "engines/gmcr/graph.hpp"

namespace accord::gmcr {

namespace {

using detail::Graph;
using detail::Player;
using detail::Rank;

constexpr std::uint64_t kNone = ~std::uint64_t{0};

// Shortest legal sequence from s1 to a state accepted by `good`; empty when there is none.
template <class Good>
std::vector<std::pair<StateCode, DecisionMakerIndex>> sanction(
    const Graph& g, const std::vector<Player>& others, StateCode s1, bool improving_only, Good good) {
  const std::size_t P = others.size();
  std::vector<std::uint64_t> parent(g.cube * P, kNone);  // node = code * P + last mover
  std::vector<std::uint64_t> queue;
  for (std::size_t k = 0; k < P; ++k)
    detail::for_each_move(g, others[k].mask, s1, [&](StateCode t) {
      if (improving_only && !g.improves(others[k], s1, t)) return;
      const std::uint64_t node = std::uint64_t{t} * P + k;
      if (parent[node] != kNone) return;
      parent[node] = node;  // a root
      queue.push_back(node);
    });
  for (std::size_t head = 0; head < queue.size(); ++head) {
    const std::uint64_t node = queue[head];
    const auto x = static_cast<StateCode>(node / P);
    if (good(x)) {
      std::vector<std::pair<StateCode, DecisionMakerIndex>> path;
      for (std::uint64_t n = node;; n = parent[n]) {
        path.emplace_back(static_cast<StateCode>(n / P),
                          DecisionMakerIndex(others[n % P].members.front()));
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
  return {};
}

}  // namespace

std::optional<Explanation> explain(const Conflict& conflict, StateCode state, DecisionMakerIndex dm,
                                   Concept kind, std::string& error) {
  const Diagnostics d = validate_conflict(conflict);
  if (has_errors(d)) {
    error = d.front().to_string();
    return std::nullopt;
  }
  if (!dm.valid() || dm.get() >= conflict.decision_makers.size()) {
    error = "unknown decision maker";
    return std::nullopt;
  }
  if ((state >> conflict.options.size()) != 0 || !is_feasible(conflict, state)) {
    error = "state " + state_pattern(state, conflict.options.size()) + " is not a feasible state";
    return std::nullopt;
  }
  const Graph g = detail::build_graph(conflict);
  const std::vector<Rank>& u = g.rank[dm.get()];
  const StateCode mask = g.dm_mask[dm.get()];
  std::vector<Player> others;
  for (std::size_t k = 0; k < conflict.decision_makers.size(); ++k)
    if (k != dm.get()) others.push_back({conflict.decision_makers[k].id, {static_cast<int>(k)}, g.dm_mask[k]});

  auto escape = [&](StateCode x) {  // the best the focal DM can reach from x in one move
    Rank best = u[x];
    detail::for_each_move(g, mask, x, [&](StateCode t) { best = std::max(best, u[t]); });
    return best;
  };
  Explanation e;
  e.stable = true;
  detail::for_each_move(g, mask, state, [&](StateCode s1) {
    if (u[s1] <= u[state]) return;
    Deterrence det;
    det.improvement = s1;
    if (kind != Concept::nash) {
      auto good = [&](StateCode x) {
        if (u[x] > u[state]) return false;
        return kind != Concept::smr || escape(x) <= u[state];
      };
      auto path = sanction(g, others, s1, kind == Concept::seq, good);
      if (!path.empty()) {
        det.deterred = true;
        det.sanction.emplace_back(s1, dm);
        det.sanction.insert(det.sanction.end(), path.begin(), path.end());
      }
    }
    e.stable = e.stable && det.deterred;
    e.improvements.push_back(std::move(det));
  });
  return e;
}

}  // namespace accord::gmcr
