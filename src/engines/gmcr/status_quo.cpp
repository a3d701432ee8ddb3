// Status-quo analysis: shortest paths (breadth-first) from the status quo to each equilibrium,
// by unilateral improvements and by any unilateral moves. A shortest path never has one
// decision maker move twice in a row (two such moves are one move), so it is a legal sequence.
//
// The search goes layer by layer. A state of the next layer is claimed by the first state of
// the current layer (in queue order) that reaches it, by the first decision maker that can
// make the move; the next layer is ordered by (claimer's position, mover, the flipped options
// in decreasing order) — the order of a plain queue that enumerates each state's moves.
// Small layers enumerate their moves; large ones use whole-cube passes over each decision
// maker's subcube (the smallest claimer position over the reverse moves), whose cost does
// not grow with the number of moves (2^|options| per state).
#include <algorithm>
#include <bit>
#include <cmath>

#include "engines/gmcr/graph.hpp"
#include "engines/gmcr/transforms.hpp"

namespace accord::gmcr::detail {

namespace {

constexpr StateCode kNone = ~StateCode{0};
constexpr std::uint32_t kNoPos = ~std::uint32_t{0};

struct Claim {
  std::uint32_t pos;  // claimer's position in the current layer
  std::int16_t mover;
  StateCode flipped;  // claimer ^ state
  StateCode code;
};

std::vector<Player> decision_makers(const Graph& g) {
  std::vector<Player> dms;
  for (const DecisionMakerIndex d : g.dm_mask.indices()) dms.push_back({"", {d}, g.dm_mask[d]});
  return dms;
}

// Next layer by enumerating every move of every state of the layer.
bool enumerate_layer(const Graph& g, const std::vector<Player>& dms, bool improving_only,
                     const std::vector<StateCode>& layer, DeadlineTicker& ticker, SearchTree& t,
                     std::vector<StateCode>& next) {
  for (const StateCode x : layer) {
    if (ticker.expired()) return false;
    for (std::size_t d = 0; d < dms.size(); ++d)
      for_each_move(g, dms[d].mask, x, [&](StateCode y) {
        if (t.parent[y] != kNone) return;
        if (improving_only && !g.improves(dms[d], x, y)) return;
        t.parent[y] = x;
        t.mover[y] = static_cast<std::int16_t>(d);
        next.push_back(y);
      });
  }
  return true;
}

// The same next layer by whole-cube passes.
bool transform_layer(const Graph& g, const std::vector<Player>& dms, bool improving_only,
                     const std::vector<StateCode>& layer, DeadlineTicker& ticker, SearchTree& t,
                     std::vector<StateCode>& next) {
  std::vector<std::uint32_t> pos(g.cube, kNoPos), claim;
  for (std::size_t k = 0; k < layer.size(); ++k) pos[layer[k]] = static_cast<std::uint32_t>(k);
  std::vector<std::uint32_t> best(g.cube, kNoPos);
  std::vector<std::int16_t> mover(g.cube, -1);
  for (std::size_t d = 0; d < dms.size(); ++d) {
    if (ticker.expired()) return false;
    if (improving_only) {
      // Claimers x of y: reverse moves (directions swapped) ranked below y by the mover.
      claim.assign(g.cube, kNoPos);
      if (!threshold_min(g, dms[d].mask, g.back, g.fwd, g.rank[dms[d].members.front()], false, pos, claim, kNoPos, ticker))
        return false;
    } else {
      claim = pos;
      subcube_reduce(g.n, dms[d].mask, g.back, g.fwd, claim.data(),
                     [](std::uint32_t a, std::uint32_t b) { return std::min(a, b); });
    }
    for (const StateCode y : g.codes)
      if (claim[y] < best[y]) {  // ties keep the earlier decision maker
        best[y] = claim[y];
        mover[y] = static_cast<std::int16_t>(d);
      }
  }
  std::vector<Claim> claims;
  for (const StateCode y : g.codes) {
    if (t.parent[y] != kNone || best[y] == kNoPos) continue;
    const StateCode x = layer[best[y]];
    claims.push_back({best[y], mover[y], x ^ y, y});
  }
  std::sort(claims.begin(), claims.end(), [](const Claim& a, const Claim& b) {
    if (a.pos != b.pos) return a.pos < b.pos;
    if (a.mover != b.mover) return a.mover < b.mover;
    return a.flipped > b.flipped;
  });
  for (const Claim& c : claims) {
    t.parent[c.code] = layer[c.pos];
    t.mover[c.code] = c.mover;
    next.push_back(c.code);
  }
  return true;
}

std::optional<std::vector<PathStep>> path_to(const Graph& g, const SearchTree& t, StateCode sq,
                                             StateCode target) {
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

bool search_tree(const Graph& g, StateCode sq, bool improving_only, LayerMethod method,
                 const Deadline& deadline, SearchTree& t) {
  DeadlineTicker ticker(deadline, 256);
  t.parent.assign(g.cube, kNone);
  t.mover.assign(g.cube, -1);
  t.parent[sq] = sq;
  const std::vector<Player> dms = decision_makers(g);
  std::size_t reached = 1;
  // A whole-cube pass costs about cube x (options + log) per decision maker; enumerating a
  // layer costs its moves, each a random memory access (counted 4 times). Take the cheaper.
  double pass_cost = 0.0;
  for (const Player& p : dms)
    pass_cost += static_cast<double>(g.cube) * (static_cast<double>(std::popcount(p.mask)) + 8.0);
  std::vector<StateCode> layer = {sq}, next;
  while (!layer.empty() && reached < g.codes.size()) {
    if (deadline.expired()) return false;  // once per layer, whatever its size
    double moves = 0.0;
    for (const StateCode x : layer)
      for (const Player& p : dms) moves += std::ldexp(1.0, std::popcount(g.free_bits(p.mask, x)));
    next.clear();
    const bool passes = method == LayerMethod::passes ||
                        (method == LayerMethod::automatic && 4.0 * moves > pass_cost);
    const bool ok = passes
                        ? transform_layer(g, dms, improving_only, layer, ticker, t, next)
                        : enumerate_layer(g, dms, improving_only, layer, ticker, t, next);
    if (!ok) return false;
    reached += next.size();
    layer.swap(next);
  }
  return true;
}

bool status_quo_paths(const Graph& g, StateCode sq, const Deadline& deadline, std::size_t max_paths,
                      std::size_t& targets, Analysis& a) {
  SearchTree improving, moving;
  if (!search_tree(g, sq, true, LayerMethod::automatic, deadline, improving)) return false;
  if (!search_tree(g, sq, false, LayerMethod::automatic, deadline, moving)) return false;
  for (std::size_t k = 0; k < g.codes.size(); ++k) {
    Reachability r;
    r.target = static_cast<StateIndex>(k);
    for (Concept c : a.concepts) {
      const auto& eq = a.equilibria[c];
      if (eq && eq->test(k)) r.equilibrium_under.push_back(c);
    }
    if (r.equilibrium_under.empty()) continue;
    if (++targets > max_paths) continue;  // counted, not kept
    r.by_improvements = path_to(g, improving, sq, g.codes[k]);
    r.by_moves = path_to(g, moving, sq, g.codes[k]);
    a.status_quo_paths.push_back(std::move(r));
  }
  return true;
}

}  // namespace accord::gmcr::detail
