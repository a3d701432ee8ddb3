// Stability of one focal player (a decision maker or a coalition) under Nash, GMR, SMR, SEQ,
// SIM and SEQ+SIM (simultaneous.cpp).
//
// With M(s1) = min over s1 and every state the others can reach from s1 of the focal
// DM's rank (for SEQ: by improvements of the movers), s is unstable for GMR/SEQ iff some
// move s -> s1 of the focal DM has M(s1) > u(s): such an s1 is an improvement (M(s1) <= u(s1))
// that no sanction deters, and s1 itself never deters (u(s1) > u(s)). The test is one max
// pass over the focal DM's subcube. SMR does the same with the value
// v(s2) = max of u over s2 and the focal DM's moves from s2 (the best escape), and needs the
// improvement test explicitly: min(u(s1), M(s1)) > u(s).
#include "engines/gmcr/graph.hpp"

namespace accord::gmcr::detail {

namespace {

// stable[s] iff max of w over s and the focal moves from s is <= u[s].
StateSet deterred(const Graph& g, StateCode mask, std::vector<Rank> w, const std::vector<Rank>& u) {
  neutralise(g, w, kRankMin);
  subcube_max(g, mask, w);
  StateSet out(g.codes.size());
  for (std::size_t k = 0; k < g.codes.size(); ++k)
    if (w[g.codes[k]] <= u[g.codes[k]]) out.set(k);
  return out;
}

bool wants(const std::vector<Concept>& cs, Concept c) {
  for (Concept x : cs)
    if (x == c) return true;
  return false;
}

// The best sanction value over `others` under the rule (standard, or gmcr-py's single move).
bool sanction_min(const Graph& g, const std::vector<Rank>& val, const std::vector<const Player*>& others,
                  bool improving_only, Sanctions rule, std::vector<Rank>& out, DeadlineTicker& ticker) {
  if (rule == Sanctions::gmcr_py) return min_one_move(g, val, others, improving_only, out, ticker);
  return min_reach(g, val, others, improving_only, out, ticker);
}

void single(const Graph& g, const Player& me, const std::vector<const Player*>& others,
            const std::vector<Concept>& concepts, Sanctions rule, DeadlineTicker& ticker,
            PlayerResult& out) {
  const std::vector<Rank>& u = g.rank[me.members.front()];
  std::vector<Rank> escape;  // v(s) = max of u over s and the focal moves from s
  if (wants(concepts, Concept::nash) || wants(concepts, Concept::smr)) {
    escape = u;
    neutralise(g, escape, kRankMin);
    subcube_max(g, me.mask, escape);
  }
  if (wants(concepts, Concept::nash)) {
    StateSet st(g.codes.size());
    for (std::size_t k = 0; k < g.codes.size(); ++k)
      if (escape[g.codes[k]] <= u[g.codes[k]]) st.set(k);
    out.stable[Concept::nash] = std::move(st);
  }
  std::vector<Rank> m;
  if (wants(concepts, Concept::gmr)) {
    if (!sanction_min(g, u, others, false, rule, m, ticker)) return;
    out.stable[Concept::gmr] = deterred(g, me.mask, std::move(m), u);
  }
  if (wants(concepts, Concept::smr)) {
    if (!sanction_min(g, escape, others, false, rule, m, ticker)) return;
    for (StateCode s : g.codes) m[s] = std::min(m[s], u[s]);
    out.stable[Concept::smr] = deterred(g, me.mask, std::move(m), u);
  }
  const bool simultaneous = wants(concepts, Concept::sim) || wants(concepts, Concept::seq_sim);
  bool singles = true;  // SIM needs each opponent's own ranking
  for (const Player* p : others) singles = singles && p->members.size() == 1;
  std::vector<Rank> seq_min;  // the best sequential sanction (SEQ), kept for SEQ+SIM
  if (wants(concepts, Concept::seq) || (simultaneous && singles)) {
    if (!sanction_min(g, u, others, true, rule, seq_min, ticker)) return;
  }
  if (wants(concepts, Concept::seq)) out.stable[Concept::seq] = deterred(g, me.mask, seq_min, u);
  if (!simultaneous || !singles) return;
  StateSet sim;
  if (!simultaneous_stable(g, me, others, u, nullptr, ticker, sim)) return;
  if (wants(concepts, Concept::sim)) out.stable[Concept::sim] = sim;
  if (!wants(concepts, Concept::seq_sim)) return;
  if (rule == Sanctions::gmcr_py) {  // gmcr-py: stable by SEQ or by SIM
    StateSet seq = deterred(g, me.mask, seq_min, u);
    StateSet either(g.codes.size());
    for (std::size_t k = 0; k < g.codes.size(); ++k)
      if (seq.test(k) || sim.test(k)) either.set(k);
    out.stable[Concept::seq_sim] = std::move(either);
    return;
  }
  StateSet both;
  if (!simultaneous_stable(g, me, others, seq_min, &seq_min, ticker, both)) return;
  out.stable[Concept::seq_sim] = std::move(both);
}

// Coalition SMR, explicitly: for every coalition improvement s1 from s, a breadth-first search
// over (state, last mover) of the others' legal sequences from s1 (gmcr-py rule: one move) for
// a state s2 that some member does not prefer to s and from which no coalition move reaches a
// state every member prefers to s. Cost: per state, its improvements x the others' reach x the
// coalition's moves; bounded by the deadline.
void coalition_smr(const Graph& g, const Player& me, const std::vector<const Player*>& others,
                   Sanctions rule, DeadlineTicker& ticker, PlayerResult& out) {
  const std::size_t P = others.size();
  std::vector<std::uint32_t> seen(g.cube * std::max<std::size_t>(P, 1), 0);
  std::uint32_t stamp = 0;
  std::vector<std::pair<StateCode, std::size_t>> queue;
  StateSet st(g.codes.size());
  for (std::size_t k = 0; k < g.codes.size(); ++k) {
    if (ticker.expired()) return;
    const StateCode s = g.codes[k];
    const auto some_member_not_better = [&](StateCode x) {
      for (const DecisionMakerIndex m : me.members)
        if (g.rank[m][x] <= g.rank[m][s]) return true;
      return false;
    };
    const auto sanctions = [&](StateCode x) {  // x deters, and the coalition cannot escape it
      if (!some_member_not_better(x)) return false;
      bool escape = false;
      for_each_move(g, me.mask, x, [&](StateCode y) { escape = escape || !some_member_not_better(y); });
      return !escape;
    };
    bool stable = true;
    for_each_move(g, me.mask, s, [&](StateCode s1) {
      if (!stable || !g.improves(me, s, s1)) return;
      ++stamp;
      queue.clear();
      bool deterred = false;
      const auto push = [&](StateCode t, std::size_t mover) {
        std::uint32_t& mark = seen[std::size_t{t} * P + mover];
        if (mark == stamp) return;
        mark = stamp;
        deterred = deterred || sanctions(t);
        queue.emplace_back(t, mover);
      };
      for (std::size_t j = 0; j < P && !deterred; ++j)
        for_each_move(g, others[j]->mask, s1, [&](StateCode t) { push(t, j); });
      for (std::size_t h = 0; h < queue.size() && !deterred && rule == Sanctions::standard; ++h) {
        const auto [x, last] = queue[h];
        for (std::size_t j = 0; j < P && !deterred; ++j)
          if (j != last) for_each_move(g, others[j]->mask, x, [&](StateCode t) { push(t, j); });
      }
      stable = deterred;
    });
    if (stable) st.set(k);
  }
  out.stable[Concept::smr] = std::move(st);
}

// A coalition: per member the best sanction value, then every coalition move explicitly.
void coalition(const Graph& g, const Player& me, const std::vector<const Player*>& others,
               const std::vector<Concept>& concepts, Sanctions rule, DeadlineTicker& ticker,
               PlayerResult& out) {
  const std::size_t S = g.codes.size();
  if (wants(concepts, Concept::nash)) {
    StateSet st(S);
    for (std::size_t k = 0; k < S; ++k) {
      if (ticker.expired()) return;
      bool improvable = false;
      for_each_move(g, me.mask, g.codes[k],
                    [&](StateCode t) { improvable = improvable || g.improves(me, g.codes[k], t); });
      if (!improvable) st.set(k);
    }
    out.stable[Concept::nash] = std::move(st);
  }
  for (Concept c : {Concept::gmr, Concept::seq}) {
    if (!wants(concepts, c)) continue;
    std::vector<std::vector<Rank>> best(me.members.size());
    for (std::size_t i = 0; i < me.members.size(); ++i)
      if (!sanction_min(g, g.rank[me.members[i]], others, c == Concept::seq, rule, best[i], ticker))
        return;
    StateSet st(S);
    for (std::size_t k = 0; k < S; ++k) {
      if (ticker.expired()) return;
      const StateCode s = g.codes[k];
      bool escapes = false;
      for_each_move(g, me.mask, s, [&](StateCode t) {
        if (escapes) return;
        bool all = true;  // every member ends above its rank at s, whatever the others do
        for (std::size_t i = 0; i < me.members.size() && all; ++i)
          all = best[i][t] > g.rank[me.members[i]][s];
        escapes = all;
      });
      if (!escapes) st.set(k);
    }
    out.stable[c] = std::move(st);
  }
  if (wants(concepts, Concept::smr)) coalition_smr(g, me, others, rule, ticker, out);
}

}  // namespace

void player_stability(const Graph& g, const std::vector<Player>& players, std::size_t focal,
                      const std::vector<Concept>& concepts, const Deadline& deadline,
                      PlayerResult& out, Sanctions sanctions) {
  const Player& me = players[focal];
  std::vector<const Player*> others;
  for (std::size_t p = 0; p < players.size(); ++p)
    if (p != focal) others.push_back(&players[p]);
  out.name = me.name;
  out.members = me.members;
  DeadlineTicker ticker(deadline, 64);
  if (deadline.expired()) return;
  if (me.members.size() == 1) single(g, me, others, concepts, sanctions, ticker, out);
  else coalition(g, me, others, concepts, sanctions, ticker, out);
}

}  // namespace accord::gmcr::detail
