// Simultaneous sanctions (SIM, SEQ+SIM) and gmcr-py's one-move sanction rule.
//
// SIM: the focal DM's improvement s -> s1 = s ^ d (d: a change of its options) is deterred
// when an opponent k, moving at the same time from s by an improvement s -> s2, makes the
// joint state x = s2 ^ d feasible and not preferred to s. For each change d, the best joint
// value over k's improvements from every s at once is one sweep per subcube of k in decreasing
// order of k's rank (as in transforms.hpp), over the value array v_d[y] = w[y ^ d]. The sort of
// each subcube by k's rank does not depend on d, so it is done once per opponent.
// Cost: 2^|focal options| x opponents x 2^n at worst, plus one sort per opponent; changes are
// tried fewest options first, and states found unstable (and subcubes with none left) are
// dropped, so conflicts with few SIM-stable states cost much less.
#include <algorithm>
#include <bit>

#include "engines/gmcr/graph.hpp"
#include "engines/gmcr/transforms.hpp"

namespace accord::gmcr::detail {

namespace {

// The feasible states of each subcube of one opponent, sorted by its rank (best first), with
// the pattern of their directed options (transforms.hpp).
struct SortedSubcubes {
  StateCode mask = 0;
  std::vector<StateCode> code;
  std::vector<Rank> key;
  std::vector<std::uint32_t> pat;
  std::vector<std::uint32_t> start;  // subcube b spans [start[b], start[b+1])
  std::vector<std::uint32_t> sub;    // per code: its subcube b
  std::vector<std::uint32_t> live;   // per subcube: states not yet found unstable
  std::size_t patterns = 1;
};

SortedSubcubes sort_subcubes(const Graph& g, const Player& k) {
  SortedSubcubes s;
  s.mask = k.mask;
  const std::vector<Rank>& key = g.rank[k.members.front()];
  const StateCode directed = k.mask & (g.fwd | g.back);
  std::vector<int> dbits;
  for (std::size_t b = 0; b < g.n; ++b)
    if ((directed >> b) & 1u) dbits.push_back(static_cast<int>(b));
  s.patterns = std::size_t{1} << dbits.size();
  const auto pattern = [&](StateCode y) {
    const StateCode z = y ^ g.back;
    std::uint32_t p = 0;
    for (std::size_t i = 0; i < dbits.size(); ++i) p |= ((z >> dbits[i]) & 1u) << i;
    return p;
  };
  const StateCode others = static_cast<StateCode>(g.cube - 1) & ~k.mask;
  std::vector<StateCode> items;
  s.sub.assign(g.cube, 0);
  StateCode rest = 0;
  do {
    items.clear();
    for_each_in_subcube(k.mask, rest, [&](StateCode c) {
      if (g.feasible[c]) items.push_back(c);
    });
    std::stable_sort(items.begin(), items.end(), [&](StateCode a, StateCode b) { return key[a] > key[b]; });
    s.start.push_back(static_cast<std::uint32_t>(s.code.size()));
    s.live.push_back(static_cast<std::uint32_t>(items.size()));
    for (StateCode c : items) {
      s.sub[c] = static_cast<std::uint32_t>(s.live.size() - 1);
      s.code.push_back(c);
      s.key.push_back(key[c]);
      s.pat.push_back(pattern(c));
    }
    rest = (rest - others) & others;
  } while (rest != 0);
  s.start.push_back(static_cast<std::uint32_t>(s.code.size()));
  return s;
}

// out[c] = min(out[c], min{ w[y ^ d] : y an improvement of the opponent from c }), where w
// holds kRankMax at infeasible codes (a joint state that cannot occur deters nothing).
void improving_min(const SortedSubcubes& s, const std::vector<Rank>& w, StateCode d, std::vector<Rank>& out,
                   std::vector<Rank>& best, std::vector<Rank>& found) {
  const bool plain = s.patterns == 1;  // no directed option: one running minimum per subcube
  best.assign(s.patterns, kRankMax);
  for (std::size_t b = 0; b + 1 < s.start.size(); ++b) {
    const std::size_t lo = s.start[b], hi = s.start[b + 1];
    if (hi - lo < 2 || s.live[b] == 0) continue;  // no state left to decide there
    if (plain) {
      Rank run = kRankMax;
      for (std::size_t i = lo; i < hi;) {
        std::size_t j = i;
        while (j < hi && s.key[j] == s.key[i]) ++j;
        // States of equal rank never improve on each other: update the block, then insert it.
        for (std::size_t k = i; k < j; ++k) out[s.code[k]] = std::min(out[s.code[k]], run);
        for (std::size_t k = i; k < j; ++k) run = std::min(run, w[s.code[k] ^ d]);
        i = j;
      }
      continue;
    }
    std::fill(best.begin(), best.end(), kRankMax);
    for (std::size_t i = lo; i < hi;) {
      std::size_t j = i;
      while (j < hi && s.key[j] == s.key[i]) ++j;
      found.resize(j - i);
      for (std::size_t k = i; k < j; ++k) found[k - i] = best[s.pat[k]];
      for (std::size_t k = i; k < j; ++k) out[s.code[k]] = std::min(out[s.code[k]], found[k - i]);
      for (std::size_t k = i; k < j; ++k) {
        const Rank x = w[s.code[k] ^ d];
        if (x == kRankMax) continue;
        const std::uint32_t p = s.pat[k];
        for (std::uint32_t q = p;; q = (q - 1) & p) {  // every sub-pattern of p
          if (x < best[q]) best[q] = x;
          if (q == 0) break;
        }
      }
      i = j;
    }
  }
}

}  // namespace

bool simultaneous_stable(const Graph& g, const Player& me, const std::vector<const Player*>& others,
                         const std::vector<Rank>& w, const std::vector<Rank>* direct,
                         DeadlineTicker& ticker, StateSet& out) {
  const std::vector<Rank>& u = g.rank[me.members.front()];
  std::vector<SortedSubcubes> sorted;
  for (const Player* k : others) sorted.push_back(sort_subcubes(g, *k));
  std::vector<std::uint8_t> unstable(g.cube, 0);
  std::vector<Rank> wn = w, joint(g.cube), best, found;
  neutralise(g, wn, kRankMax);
  // Changes of the focal DM's options, fewest options first: a state found unstable is
  // dropped, and a subcube of an opponent with no state left is not swept again.
  std::vector<StateCode> changes;
  for (StateCode d = me.mask; d != 0; d = (d - 1) & me.mask) changes.push_back(d);
  std::stable_sort(changes.begin(), changes.end(),
                   [](StateCode a, StateCode b) { return std::popcount(a) < std::popcount(b); });
  std::vector<StateCode> alive = g.codes;
  for (const StateCode d : changes) {
    if (alive.empty()) break;
    if (ticker.expired()) return false;
    for (StateCode s : alive) joint[s] = kRankMax;
    for (const SortedSubcubes& s : sorted) improving_min(s, wn, d, joint, best, found);
    std::size_t kept = 0;
    for (StateCode s : alive) {
      bool drop = false;
      const StateCode s1 = s ^ d;
      if ((d & ~g.free_bits(me.mask, s)) == 0 && g.feasible[s1] && u[s1] > u[s]) {  // an improvement
        Rank sanction = joint[s];
        if (direct) sanction = std::min(sanction, (*direct)[s1]);
        drop = sanction > u[s];
      }
      if (!drop) {
        alive[kept++] = s;
        continue;
      }
      unstable[s] = 1;
      for (SortedSubcubes& sc : sorted) --sc.live[sc.sub[s]];
    }
    alive.resize(kept);
  }
  out = StateSet(g.codes.size());
  for (std::size_t k = 0; k < g.codes.size(); ++k)
    if (!unstable[g.codes[k]]) out.set(k);
  return true;
}

bool min_one_move(const Graph& g, const std::vector<Rank>& val, const std::vector<const Player*>& players,
                  bool improving_only, std::vector<Rank>& out, DeadlineTicker& ticker) {
  std::vector<Rank> base = val;
  neutralise(g, base, kRankMax);
  out = base;
  std::vector<Rank> tmp;
  for (const Player* p : players) {
    if (ticker.expired()) return false;
    if (improving_only && p->members.size() > 1) {  // a coalition: every member must improve
      for (StateCode c : g.codes)
        for_each_move(g, p->mask, c, [&](StateCode y) {
          if (g.improves(*p, c, y)) out[c] = std::min(out[c], base[y]);
        });
    } else if (improving_only) {
      if (!threshold_min(g, p->mask, g.fwd, g.back, g.rank[p->members.front()], true, base, out, kRankMax, ticker))
        return false;
    } else {
      tmp = base;
      subcube_min(g, p->mask, tmp);
      for (StateCode c : g.codes) out[c] = std::min(out[c], tmp[c]);
    }
  }
  return true;
}

}  // namespace accord::gmcr::detail
