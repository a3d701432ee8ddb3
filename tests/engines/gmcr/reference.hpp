#pragma once
// A brute-force reference for the stability engine: the definitions transcribed literally,
// with explicit move lists and reachable sets (legal sequences by BFS over (state, last
// mover); with `once`, gmcr-py's rule: a single move by one opponent). SIM and
// SEQ+SIM as written in docs/gmcr.md "Semantics". Slow on purpose; only for small conflicts.
#include <cstdint>
#include <map>
#include <set>
#include <tuple>
#include <vector>

#include "accord/engines/gmcr.hpp"

namespace accord::gmcr::reference {

struct Ref {
  const Conflict& c;
  std::size_t n;
  std::vector<StateCode> states;
  std::vector<std::vector<std::uint64_t>> score;  // [dm][code]
  std::vector<std::vector<int>> players;          // members of each player
  bool once = false;  // gmcr-py's rule: a sanction is one move by one opponent

  Ref(const Conflict& conflict, std::vector<std::vector<int>> ps, bool once_rule = false)
      : c(conflict), n(conflict.options.size()), players(std::move(ps)), once(once_rule) {
    for (StateCode s = 0; s < (StateCode{1} << n); ++s)
      if (is_feasible(c, s)) states.push_back(s);
    for (const DecisionMaker& dm : c.decision_makers) {
      std::vector<std::uint64_t> sc(std::size_t{1} << n, 0);
      for (StateCode s : states) {
        if (dm.preference_kind == PreferenceKind::ranking) {
          for (std::size_t t = 0; t < dm.ranking.size(); ++t)
            for (StateCode x : dm.ranking[t])
              if (x == s) sc[s] = dm.ranking.size() - t;
          continue;
        }
        const std::size_t k = dm.statements.size();
        for (std::size_t j = 0; j < k; ++j)
          if (holds(dm.statements[j].condition, s)) sc[s] += std::uint64_t{1} << (k - 1 - j);
      }
      score.push_back(std::move(sc));
    }
    adj.assign(players.size(), std::vector<std::vector<StateCode>>(std::size_t{1} << n));
    for (std::size_t p = 0; p < players.size(); ++p)
      for (StateCode a : states)
        for (StateCode b : states)
          if (move(static_cast<int>(p), a, b)) adj[p][a].push_back(b);
  }
  std::vector<std::vector<std::vector<StateCode>>> adj;  // [player][code] -> moves
  mutable std::map<std::tuple<int, StateCode, bool>, std::set<StateCode>> cache;

  bool controls(int p, std::size_t option) const {
    for (int m : players[static_cast<std::size_t>(p)])
      for (ConflictOptionIndex o : c.decision_makers[DecisionMakerIndex(m)].options)
        if (o.get() == option) return true;
    return false;
  }
  // The definition of a unilateral move of player p from a to b.
  bool move(int p, StateCode a, StateCode b) const {
    if (a == b || !is_feasible(c, b)) return false;
    for (const ConflictOptionIndex o : c.options.indices()) {
      const bool x = (a >> o.get()) & 1u, y = (b >> o.get()) & 1u;
      if (x == y) continue;
      if (!controls(p, o.get())) return false;
      if (c.options[o].direction == Direction::forward && !(y && !x)) return false;
      if (c.options[o].direction == Direction::backward && !(x && !y)) return false;
    }
    return true;
  }
  bool prefers(int dm, StateCode a, StateCode b) const {  // dm strictly prefers a to b
    return score[static_cast<std::size_t>(dm)][a] > score[static_cast<std::size_t>(dm)][b];
  }
  bool improvement(int p, StateCode a, StateCode b) const {
    if (!move(p, a, b)) return false;
    for (int m : players[static_cast<std::size_t>(p)])
      if (!prefers(m, b, a)) return false;
    return true;
  }
  // R_H(s1): states reached by legal sequences of the players in H (no player twice in a row).
  std::set<StateCode> reach(const std::vector<int>& H, StateCode s1, bool improving) const {
    if (once) return reach_once(H, s1, improving);
    std::set<std::pair<StateCode, int>> seen;
    std::vector<std::pair<StateCode, int>> queue;
    for (int k : H)
      for (StateCode t : adj[static_cast<std::size_t>(k)][s1])
        if (!improving || improvement(k, s1, t))
          if (seen.insert({t, k}).second) queue.push_back({t, k});
    for (std::size_t h = 0; h < queue.size(); ++h) {
      const auto [x, last] = queue[h];
      for (int k : H) {
        if (k == last) continue;
        for (StateCode t : adj[static_cast<std::size_t>(k)][x])
          if (!improving || improvement(k, x, t))
            if (seen.insert({t, k}).second) queue.push_back({t, k});
      }
    }
    std::set<StateCode> out;
    for (const auto& [x, last] : seen) out.insert(x);
    return out;
  }

  // gmcr-py's R: the states one move of one player of H reaches.
  std::set<StateCode> reach_once(const std::vector<int>& H, StateCode s1, bool improving) const {
    std::set<StateCode> out;
    for (int k : H)
      for (StateCode t : adj[static_cast<std::size_t>(k)][s1])
        if (!improving || improvement(k, s1, t)) out.insert(t);
    return out;
  }

  // The joint state when the focal player moves s -> s1 and player k moves s -> s2 at once.
  static StateCode joint(StateCode s, StateCode s1, StateCode s2) { return s ^ (s ^ s1) ^ (s ^ s2); }

  // SIM and SEQ+SIM, literally: every improvement s1 is deterred by an opponent's improvement
  // s2 from s taken at the same time, the joint state x being feasible and not preferred (SIM);
  // SEQ+SIM: or by a sequential sanction from s1, or from x by the opponents' improvements.
  // gmcr-py (`once`): SEQ+SIM is SEQ or SIM.
  bool simultaneous(int focal, const std::vector<int>& H, StateCode s, bool seq_sim) const {
    if (seq_sim && once) return stable(focal, s, Concept::seq) || stable(focal, s, Concept::sim);
    const std::size_t i = static_cast<std::size_t>(players[static_cast<std::size_t>(focal)].front());
    auto deters = [&](StateCode x) {
      if (!prefers(static_cast<int>(i), x, s)) return true;
      if (!seq_sim) return false;
      for (StateCode y : reach(H, x, true))
        if (!prefers(static_cast<int>(i), y, s)) return true;
      return false;
    };
    for (StateCode s1 : states) {
      if (!improvement(focal, s, s1)) continue;
      bool deterred = seq_sim && deters(s1);
      for (int k : H)
        for (StateCode s2 : states)
          if (!deterred && improvement(k, s, s2) && is_feasible(c, joint(s, s1, s2)))
            deterred = deters(joint(s, s1, s2));
      if (!deterred) return false;
    }
    return true;
  }

  bool stable(int focal, StateCode s, Concept kind) const {
    std::vector<int> H;
    for (int p = 0; p < static_cast<int>(players.size()); ++p)
      if (p != focal) H.push_back(p);
    if (kind == Concept::sim || kind == Concept::seq_sim) return simultaneous(focal, H, s, kind == Concept::seq_sim);
    const auto& me = players[static_cast<std::size_t>(focal)];
    auto not_preferred = [&](StateCode x) {  // some member does not prefer x to s
      for (int m : me)
        if (!prefers(m, x, s)) return true;
      return false;
    };
    for (StateCode s1 : states) {
      if (!improvement(focal, s, s1)) continue;
      if (kind == Concept::nash) return false;
      bool sanctioned = false;
      const auto key = std::make_tuple(focal, s1, kind == Concept::seq);
      auto it = cache.find(key);
      if (it == cache.end()) it = cache.emplace(key, reach(H, s1, kind == Concept::seq)).first;
      for (StateCode s2 : it->second) {
        if (!not_preferred(s2)) continue;
        if (kind == Concept::smr) {
          bool escape = false;
          for (StateCode s3 : adj[static_cast<std::size_t>(focal)][s2])
            if (!not_preferred(s3)) escape = true;
          if (escape) continue;
        }
        sanctioned = true;
        break;
      }
      if (!sanctioned) return false;
    }
    return true;
  }
};

}  // namespace accord::gmcr::reference
