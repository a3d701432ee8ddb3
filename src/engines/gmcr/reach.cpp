// Minimum of a value over everything a set of players can reach (the best sanction).
//
// Two exact methods:
// - subcube transforms: one player's moves from c reach exactly the feasible codes of a
//   subcube (its options, each free or fixed by its direction), so "min over c and one
//   move" is a per-bit min pass (cost 2^n × its options). Alternating the players' passes
//   until nothing changes gives the min over every sequence. Rounds are few in practice;
//   after kMaxRounds the reverse search below finishes the job instead.
// - threshold passes (steps must improve the mover, SEQ): a decision maker's improving moves
//   from c reach the feasible codes of its subcube ranked above c by it, so "min over c and
//   one improving move" is one sorted sweep per subcube (transforms.hpp). Two improving moves
//   in a row by one player are one improving move, so one pass per player per round, rounds
//   until nothing changes (one pass suffices when a single player sanctions).
// - reverse search in increasing order of value: the first (smallest) value whose reverse
//   search reaches a state is its minimum; every state is labelled once and every reverse
//   edge is looked at once (cost: every move, 2^n x 2^|options| for a player). Used for
//   coalitions moving as one (an improvement must help every member) and after kMaxRounds.
#include <numeric>

#include "engines/gmcr/graph.hpp"
#include "engines/gmcr/transforms.hpp"

namespace accord::gmcr::detail {

namespace {

constexpr int kMaxRounds = 32;

std::int64_t feasible_sum(const Graph& g, const std::vector<Rank>& f) {
  std::int64_t sum = 0;
  for (StateCode s : g.codes) sum += f[s];
  return sum;
}

bool min_reach_improving(const Graph& g, const std::vector<Rank>& val,
                         const std::vector<const Player*>& players, std::vector<Rank>& out,
                         DeadlineTicker& ticker) {
  for (const Player* p : players)
    if (p->members.size() != 1) return min_reach_labels(g, val, players, true, out, ticker);
  out = val;
  neutralise(g, out, kRankMax);
  for (int round = 0;; ++round) {
    bool changed = false;
    for (const Player* p : players) {
      const std::vector<Rank>& key = g.rank[p->members.front()];
      if (!threshold_min(g, p->mask, g.fwd, g.back, key, true, out, out, kRankMax, ticker, &changed))
        return false;
    }
    if (!changed || players.size() == 1) return true;
    if (round >= kMaxRounds) return min_reach_labels(g, val, players, true, out, ticker);
  }
}

}  // namespace

bool min_reach(const Graph& g, const std::vector<Rank>& val, const std::vector<const Player*>& players,
               bool improving_only, std::vector<Rank>& out, DeadlineTicker& ticker) {
  if (improving_only) return min_reach_improving(g, val, players, out, ticker);
  out = val;
  neutralise(g, out, kRankMax);
  if (players.empty()) return true;
  if (players.size() == 1) {  // two moves in a row by one player are one move
    subcube_min(g, players.front()->mask, out);
    neutralise(g, out, kRankMax);
    return true;
  }
  std::int64_t previous = feasible_sum(g, out);
  for (int round = 0;; ++round) {
    if (ticker.expired()) return false;
    for (const Player* p : players) {
      subcube_min(g, p->mask, out);
      neutralise(g, out, kRankMax);
    }
    const std::int64_t now = feasible_sum(g, out);
    if (now == previous) return true;
    previous = now;
    if (round >= kMaxRounds) return min_reach_labels(g, val, players, false, out, ticker);
  }
}

bool min_reach_labels(const Graph& g, const std::vector<Rank>& val,
                      const std::vector<const Player*>& players, bool improving_only,
                      std::vector<Rank>& out, DeadlineTicker& ticker) {
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
      if (ticker.expired()) return false;
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
  return true;
}

}  // namespace accord::gmcr::detail
