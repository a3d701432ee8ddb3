// Inohara and Hipel's coalition stability (gmcr.hpp CoalitionalStability; docs/gmcr.md
// "Coalition stability"): Inohara, T. & Hipel, K. W. (2008a), "Coalition analysis in the graph
// model for conflict resolution", Systems Engineering 11(4):343-359.
//
// For a coalition H of two or more DMs, R_H(s) (legal sequences of the members' moves) is, apart
// from s itself, the set reachable from s in the graph of all members' moves: two moves in a row
// by one member compose into one move of that member (or cancel). So R_H(s) is read off the
// strongly connected components of that graph: s's own component and every component reachable
// from it. s1 in R_H(s) is a coalitional improvement when every member ranks it above s; it
// destabilises s for member i under a concept when the concept's sanction value V_i(s1) is above
// u_i(s):
//   Nash: V = +inf.
//   GMR:  V = min of u_i over s1 and R_{N\H}(s1)          (min_reach, any moves).
//   SEQ:  V = min of u_i over s1 and R+_{N\H}(s1)         (min_reach, improving moves).
//   SMR:  V = min over s1 and R_{N\H}(s1) of e_i, where e_i(x) = max of u_i over x and R_H(x)
//         (the best that H's counter-moves give i).
// Including s1 itself never changes a verdict: u_i(s1) > u_i(s) and e_i(s1) >= u_i(s1). The
// singleton coalitions {i} are the standard individual definitions (stability.cpp).
// Cost per coalition: the components (every member's moves from every state), then for each
// state every state reachable from it: up to (states)^2 comparisons for the grand coalition when
// every option is reversible. Bounded by the deadline.
#include <algorithm>

#include "engines/gmcr/graph.hpp"

namespace accord::gmcr::detail {

namespace {

constexpr std::uint32_t kNone = ~std::uint32_t{0};

// The strongly connected components of the move graph of `members` (Kosaraju, iterative).
// Components are numbered in topological order: an edge between two components goes from the
// lower number to the higher.
struct Components {
  std::vector<std::uint32_t> of;                 // per code (infeasible: kNone)
  std::vector<std::vector<StateCode>> states;    // per component
  std::vector<std::vector<std::uint32_t>> next;  // per component: successor components
};

template <bool Reverse>
StateCode free_of(const Graph& g, const Player& p, StateCode x) {
  return Reverse ? g.reverse_free_bits(p.mask, x) : g.free_bits(p.mask, x);
}

// Depth-first search from `root` over unmarked feasible codes; on_finish(x) in postorder.
template <bool Reverse, class Mark, class Finish>
void dfs(const Graph& g, const std::vector<const Player*>& members, StateCode root, Mark&& mark,
         Finish&& on_finish) {
  struct Frame {
    StateCode x, free, sub;
    std::size_t k;
  };
  std::vector<Frame> stack;
  const auto push = [&](StateCode x) {
    mark(x);
    const StateCode f = free_of<Reverse>(g, *members.front(), x);
    stack.push_back({x, f, f, 0});
  };
  if (!mark(root, true)) return;
  push(root);
  while (!stack.empty()) {
    const std::size_t top = stack.size() - 1;
    bool pushed = false;
    while (!pushed && stack[top].k < members.size()) {
      Frame& f = stack[top];
      if (f.sub == 0) {
        if (++f.k < members.size()) f.free = f.sub = free_of<Reverse>(g, *members[f.k], f.x);
        continue;
      }
      const StateCode y = f.x ^ f.sub;
      f.sub = (f.sub - 1) & f.free;
      if (g.feasible[y] && mark(y, true)) {
        push(y);
        pushed = true;
      }
    }
    if (pushed) continue;
    on_finish(stack[top].x);
    stack.pop_back();
  }
}

Components components(const Graph& g, const std::vector<const Player*>& members) {
  std::vector<std::uint8_t> seen(g.cube, 0);
  std::vector<StateCode> order;  // postorder of the forward search
  order.reserve(g.codes.size());
  // mark(x, true) asks whether x is unmarked; mark(x) marks it.
  const auto fwd_mark = [&](StateCode x, bool query = false) { return query ? !seen[x] : (seen[x] = 1, true); };
  for (StateCode s : g.codes)
    dfs<false>(g, members, s, fwd_mark, [&](StateCode x) { order.push_back(x); });
  Components c;
  c.of.assign(g.cube, kNone);
  for (auto it = order.rbegin(); it != order.rend(); ++it) {
    if (c.of[*it] != kNone) continue;
    const auto id = static_cast<std::uint32_t>(c.states.size());
    c.states.emplace_back();
    const auto rev_mark = [&](StateCode x, bool query = false) {
      return query ? c.of[x] == kNone : (c.of[x] = id, true);
    };
    dfs<true>(g, members, *it, rev_mark, [&](StateCode x) { c.states[id].push_back(x); });
  }
  c.next.resize(c.states.size());
  std::vector<std::uint32_t> stamp(c.states.size(), kNone);
  for (std::uint32_t id = 0; id < c.states.size(); ++id)
    for (StateCode x : c.states[id])
      for (const Player* p : members)
        for_each_move(g, p->mask, x, [&](StateCode y) {
          const std::uint32_t to = c.of[y];
          if (to == id || stamp[to] == id) return;
          stamp[to] = id;
          c.next[id].push_back(to);
        });
  return c;
}

// Marks, per member of H and concept, the states some coalitional improvement of H destabilises.
// unstable[m][k][code]: m indexes H's members, k the concepts. False when the deadline expired.
bool coalition_pass(const Graph& g, const std::vector<Player>& dms, const std::vector<std::size_t>& H,
                    const std::vector<Concept>& concepts, DeadlineTicker& ticker,
                    std::vector<std::vector<std::vector<std::uint8_t>>>& unstable) {
  std::vector<const Player*> members, others;
  for (std::size_t d = 0; d < dms.size(); ++d)
    (std::find(H.begin(), H.end(), d) != H.end() ? members : others).push_back(&dms[d]);
  const Components comp = components(g, members);
  if (ticker.expired()) return false;
  // value[m][k]: the sanction value V of member m under concept k (empty for Nash: +inf).
  std::vector<std::vector<std::vector<Rank>>> value(H.size(), std::vector<std::vector<Rank>>(concepts.size()));
  for (std::size_t m = 0; m < H.size(); ++m) {
    const std::vector<Rank>& u = g.rank[DecisionMakerIndex(H[m])];
    for (std::size_t k = 0; k < concepts.size(); ++k) {
      const Concept c = concepts[k];
      if (c == Concept::nash) continue;
      if (c == Concept::gmr || c == Concept::seq) {
        if (!min_reach(g, u, others, c == Concept::seq, value[m][k], ticker)) return false;
        continue;
      }
      // SMR: e(x) = max of u over x's component and every component after it.
      std::vector<Rank> best(comp.states.size(), kRankMin);
      for (std::size_t id = comp.states.size(); id-- > 0;) {
        for (StateCode x : comp.states[id]) best[id] = std::max(best[id], u[x]);
        for (std::uint32_t to : comp.next[id]) best[id] = std::max(best[id], best[to]);
      }
      std::vector<Rank> e(g.cube, kRankMin);
      for (StateCode x : g.codes) e[x] = best[comp.of[x]];
      if (!min_reach(g, e, others, false, value[m][k], ticker)) return false;
    }
  }
  std::vector<std::uint32_t> stamp(comp.states.size(), kNone), stack;
  std::vector<StateCode> reach;
  const std::size_t flags = H.size() * concepts.size();
  for (std::uint32_t id = 0; id < comp.states.size(); ++id) {
    // Every state of id's component and of the components reachable from it.
    reach.clear();
    stack.assign(1, id);
    stamp[id] = id;
    while (!stack.empty()) {
      const std::uint32_t x = stack.back();
      stack.pop_back();
      reach.insert(reach.end(), comp.states[x].begin(), comp.states[x].end());
      for (std::uint32_t to : comp.next[x])
        if (stamp[to] != id) stamp[to] = id, stack.push_back(to);
    }
    for (StateCode s : comp.states[id]) {
      std::size_t set = 0;
      for (std::size_t m = 0; m < H.size(); ++m)
        for (std::size_t k = 0; k < concepts.size(); ++k) set += unstable[m][k][s];
      for (std::size_t r = 0; r < reach.size() && set < flags; ++r) {
        if (ticker.expired()) return false;
        const StateCode t = reach[r];
        bool improvement = true;
        for (std::size_t m = 0; m < H.size() && improvement; ++m)
          improvement = g.rank[DecisionMakerIndex(H[m])][t] > g.rank[DecisionMakerIndex(H[m])][s];
        if (!improvement) continue;
        for (std::size_t m = 0; m < H.size(); ++m) {
          const Rank us = g.rank[DecisionMakerIndex(H[m])][s];
          for (std::size_t k = 0; k < concepts.size(); ++k) {
            std::uint8_t& flag = unstable[m][k][s];
            if (flag || (!value[m][k].empty() && value[m][k][t] <= us)) continue;
            flag = 1;
            ++set;
          }
        }
      }
    }
  }
  return true;
}

}  // namespace

CoalitionalStability coalitional_stability(const Graph& g, const std::vector<Player>& dms,
                                           const std::vector<PlayerResult>& individual,
                                           const std::vector<Concept>& asked, const Deadline& deadline) {
  CoalitionalStability out;
  for (Concept c : asked)
    if (c != Concept::sim && c != Concept::seq_sim) out.concepts.push_back(c);
  const std::size_t n = dms.size();
  out.coalitions = (std::size_t{1} << n) - 1;
  // unstable[d][k][code], from the coalitions of two or more; the singletons come from `individual`.
  std::vector<std::vector<std::vector<std::uint8_t>>> unstable(
      n, std::vector<std::vector<std::uint8_t>>(out.concepts.size(), std::vector<std::uint8_t>(g.cube, 0)));
  DeadlineTicker ticker(deadline, 4096);
  bool finished = true;
  for (std::size_t mask = 1; mask < (std::size_t{1} << n) && finished; ++mask) {
    if (std::popcount(mask) < 2) continue;
    std::vector<std::size_t> H;
    for (std::size_t d = 0; d < n; ++d)
      if ((mask >> d) & 1u) H.push_back(d);
    std::vector<std::vector<std::vector<std::uint8_t>>> part(H.size());
    for (std::size_t m = 0; m < H.size(); ++m) part[m] = std::move(unstable[H[m]]);
    finished = coalition_pass(g, dms, H, out.concepts, ticker, part);
    for (std::size_t m = 0; m < H.size(); ++m) unstable[H[m]] = std::move(part[m]);
  }
  for (std::size_t d = 0; d < n; ++d) {
    PlayerResult r;
    r.name = dms[d].name;
    r.members = dms[d].members;
    for (std::size_t k = 0; k < out.concepts.size() && finished; ++k) {
      const Concept c = out.concepts[k];
      if (!individual[d].stable[c]) continue;
      StateSet st(g.codes.size());
      for (std::size_t s = 0; s < g.codes.size(); ++s)
        if (individual[d].stable[c]->test(s) && !unstable[d][k][g.codes[s]]) st.set(s);
      r.stable[c] = std::move(st);
    }
    out.decision_makers.push_back(std::move(r));
  }
  for (Concept c : out.concepts) {
    StateSet all(g.codes.size());
    for (std::size_t s = 0; s < g.codes.size(); ++s) all.set(s);
    bool computed = true;
    for (const PlayerResult& r : out.decision_makers) {
      if (!r.stable[c]) computed = false;
      else all &= *r.stable[c];
    }
    if (computed) out.equilibria[c] = std::move(all);
  }
  return out;
}

}  // namespace accord::gmcr::detail
