// Status-quo analysis: shortest paths (breadth-first) from the status quo to each equilibrium,
// by unilateral improvements and by any unilateral moves. A shortest path never has one
// decision maker move twice in a row (two such moves are one move), so it is a legal sequence.
#include <algorithm>

#include "engines/gmcr/graph.hpp"

namespace accord::gmcr::detail {

namespace {

constexpr StateCode kNone = ~StateCode{0};

struct Tree {
  std::vector<StateCode> parent;  // per code; kNone = not reached
  std::vector<std::int16_t> mover;
};

Tree search(const Graph& g, StateCode sq, bool improving_only) {
  Tree t;
  t.parent.assign(g.cube, kNone);
  t.mover.assign(g.cube, -1);
  t.parent[sq] = sq;
  std::vector<StateCode> queue = {sq};
  std::vector<Player> dms(g.dm_mask.size());
  for (std::size_t d = 0; d < dms.size(); ++d) dms[d] = {"", {static_cast<int>(d)}, g.dm_mask[d]};
  for (std::size_t head = 0; head < queue.size(); ++head) {
    const StateCode x = queue[head];
    for (std::size_t d = 0; d < dms.size(); ++d)
      for_each_move(g, dms[d].mask, x, [&](StateCode y) {
        if (t.parent[y] != kNone) return;
        if (improving_only && !g.improves(dms[d], x, y)) return;
        t.parent[y] = x;
        t.mover[y] = static_cast<std::int16_t>(d);
        queue.push_back(y);
      });
  }
  return t;
}

std::optional<std::vector<PathStep>> path_to(const Graph& g, const Tree& t, StateCode sq, StateCode target) {
  if (t.parent[target] == kNone) return std::nullopt;
  std::vector<PathStep> path;
  for (StateCode x = target;; x = t.parent[x]) {
    PathStep step;
    step.state = g.index[x];
    if (x != sq) step.mover = DecisionMakerIndex(static_cast<std::int32_t>(t.mover[x]));
    path.push_back(step);
    if (x == sq) break;
  }
  std::reverse(path.begin(), path.end());
  return path;
}

}  // namespace

void status_quo_paths(const Graph& g, StateCode sq, Analysis& a) {
  const Tree improving = search(g, sq, true);
  const Tree moving = search(g, sq, false);
  for (std::size_t k = 0; k < g.codes.size(); ++k) {
    Reachability r;
    r.target = static_cast<StateIndex>(k);
    for (Concept c : a.concepts)
      if (a.equilibria[static_cast<std::size_t>(c)]->test(k)) r.equilibrium_under.push_back(c);
    if (r.equilibrium_under.empty()) continue;
    r.by_improvements = path_to(g, improving, sq, g.codes[k]);
    r.by_moves = path_to(g, moving, sq, g.codes[k]);
    a.status_quo_paths.push_back(std::move(r));
  }
}

}  // namespace accord::gmcr::detail
