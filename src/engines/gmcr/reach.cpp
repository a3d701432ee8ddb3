// Minimum of a value over everything a set of players can reach (the best sanction).
//
// Two exact methods:
// - subcube transforms: one player's moves from c reach exactly the feasible codes of a
//   subcube (its options, each free or fixed by its direction), so "min over c and one
//   move" is a per-bit min pass (cost 2^n × its options). Alternating the players' passes
//   until nothing changes gives the min over every sequence. Rounds are few in practice;
//   after kMaxRounds the reverse search below finishes the job instead.
// - reverse search in increasing order of value: the first (smallest) value whose reverse
//   search reaches a state is its minimum; every state is labelled once and every reverse
//   edge is looked at once. Needed when steps must improve the mover (SEQ).
#include <numeric>

#include "engines/gmcr/graph.hpp"

namespace accord::gmcr::detail {

namespace {

constexpr int kMaxRounds = 32;

std::int64_t feasible_sum(const Graph& g, const std::vector<Rank>& f) {
  std::int64_t sum = 0;
  for (StateCode s : g.codes) sum += f[s];
  return sum;
}

}  // namespace

void min_reach(const Graph& g, const std::vector<Rank>& val, const std::vector<const Player*>& players,
               bool improving_only, std::vector<Rank>& out) {
  if (improving_only) {
    min_reach_labels(g, val, players, true, out);
    return;
  }
  out = val;
  neutralise(g, out, kRankMax);
  if (players.empty()) return;
  if (players.size() == 1) {  // two moves in a row by one player are one move
    subcube_min(g, players.front()->mask, out);
    neutralise(g, out, kRankMax);
    return;
  }
  std::int64_t previous = feasible_sum(g, out);
  for (int round = 0;; ++round) {
    for (const Player* p : players) {
      subcube_min(g, p->mask, out);
      neutralise(g, out, kRankMax);
    }
    const std::int64_t now = feasible_sum(g, out);
    if (now == previous) return;
    previous = now;
    if (round >= kMaxRounds) {
      min_reach_labels(g, val, players, false, out);
      return;
    }
  }
}

void min_reach_labels(const Graph& g, const std::vector<Rank>& val,
                      const std::vector<const Player*>& players, bool improving_only,
                      std::vector<Rank>& out) {
  // Counting sort of the feasible states by value (values are ranks: 0 <= v < states).
  Rank top = 0;
  for (StateCode s : g.codes) top = std::max(top, val[s]);
  std::vector<std::uint32_t> start(static_cast<std::size_t>(top) + 2, 0);
  for (StateCode s : g.codes) ++start[static_cast<std::size_t>(val[s]) + 1];
  std::partial_sum(start.begin(), start.end(), start.begin());
  std::vector<StateCode> order(g.codes.size());
  for (StateCode s : g.codes) order[start[static_cast<std::size_t>(val[s])]++] = s;

  constexpr Rank kUnset = kRankMax;
  out.assign(g.cube, kUnset);
  std::vector<StateCode> queue;
  queue.reserve(1024);
  for (StateCode t : order) {
    if (out[t] != kUnset) continue;
    const Rank v = val[t];
    out[t] = v;
    queue.clear();
    queue.push_back(t);
    for (std::size_t head = 0; head < queue.size(); ++head) {
      const StateCode y = queue[head];
      for (const Player* p : players) {
        const StateCode free = g.reverse_free_bits(p->mask, y);
        for (StateCode sub = free; sub != 0; sub = (sub - 1) & free) {
          const StateCode x = y ^ sub;
          if (out[x] != kUnset || !g.feasible[x]) continue;
          if (improving_only && !g.improves(*p, x, y)) continue;
          out[x] = v;
          queue.push_back(x);
        }
      }
    }
  }
}

}  // namespace accord::gmcr::detail
