#pragma once
// A literal checker of Inohara and Hipel's coalition stability (Inohara & Hipel 2008a, Systems
// Engineering 11(4):343-359; docs/gmcr.md "Coalition stability"), sharing no code with the
// engine: preferences are scored from the model, moves are tested against the definition of a
// unilateral move, and every coalition H containing the focal DM i is enumerated with its
// reachable sets R_X(s) built by breadth-first search over (state, last mover), so that no DM
// moves twice in a row. Slow on purpose; small conflicts only.
#include <cstdint>
#include <map>
#include <tuple>
#include <vector>

#include "accord/engines/gmcr.hpp"

namespace accord::gmcr::coalition_reference {

class Checker {
 public:
  explicit Checker(const Conflict& c) : c_(c), n_(c.options.size()), dms_(c.decision_makers.size()) {
    for (StateCode s = 0; s < (StateCode{1} << n_); ++s)
      if (is_feasible(c, s)) states_.push_back(s);
    for (const DecisionMaker& dm : c.decision_makers) {
      std::vector<std::uint64_t> sc(std::size_t{1} << n_, 0);
      for (StateCode s : states_) {
        if (dm.preference_kind == PreferenceKind::ranking) {  // tiers, best first
          for (std::size_t t = 0; t < dm.ranking.size(); ++t)
            for (StateCode x : dm.ranking[t])
              if (x == s) sc[s] = dm.ranking.size() - t;
          continue;
        }
        const std::size_t k = dm.statements.size();  // lexicographic: the first statement counts most
        for (std::size_t j = 0; j < k; ++j)
          if (holds(dm.statements[j].condition, s)) sc[s] += std::uint64_t{1} << (k - 1 - j);
      }
      score_.push_back(std::move(sc));
    }
    moves_.assign(dms_, std::vector<std::vector<StateCode>>(std::size_t{1} << n_));
    for (std::size_t m = 0; m < dms_; ++m)
      for (StateCode a : states_)
        for (StateCode b : states_)
          if (move(m, a, b)) moves_[m][a].push_back(b);
  }

  [[nodiscard]] const std::vector<StateCode>& states() const { return states_; }

  // Is s coalitionally stable for DM i under `kind` (nash, gmr, smr or seq)?
  [[nodiscard]] bool stable(std::size_t i, StateCode s, Concept kind) const {
    const std::uint32_t all = (std::uint32_t{1} << dms_) - 1;
    for (std::uint32_t H = 1; H <= all; ++H) {
      if (!((H >> i) & 1u)) continue;
      const std::uint32_t rest = all & ~H;
      for (StateCode s1 : reach(H, s, false)) {
        if (!every_member_prefers(H, s1, s)) continue;  // not a coalitional improvement
        if (!deterred(i, H, rest, s, s1, kind)) return false;
      }
    }
    return true;
  }

 private:
  bool prefers(std::size_t dm, StateCode a, StateCode b) const { return score_[dm][a] > score_[dm][b]; }
  bool every_member_prefers(std::uint32_t H, StateCode a, StateCode b) const {
    for (std::size_t m = 0; m < dms_; ++m)
      if (((H >> m) & 1u) && !prefers(m, a, b)) return false;
    return true;
  }

  bool deterred(std::size_t i, std::uint32_t H, std::uint32_t rest, StateCode s, StateCode s1, Concept kind) const {
    switch (kind) {
      case Concept::nash: return false;
      case Concept::gmr:
      case Concept::seq:
        for (StateCode s2 : reach(rest, s1, kind == Concept::seq))
          if (!prefers(i, s2, s)) return true;
        return false;
      case Concept::smr:
        for (StateCode s2 : reach(rest, s1, false)) {
          if (prefers(i, s2, s)) continue;
          bool escape = false;  // H's counter-moves reach a state i prefers to s
          for (StateCode s3 : reach(H, s2, false)) escape = escape || prefers(i, s3, s);
          if (!escape) return true;
        }
        return false;
      default: return true;
    }
  }

  // A unilateral move of dm from a to b: a different feasible state, only dm's options changed,
  // each in a direction the option allows.
  bool move(std::size_t dm, StateCode a, StateCode b) const {
    if (a == b || !is_feasible(c_, b)) return false;
    for (const ConflictOptionIndex o : c_.options.indices()) {
      const bool x = (a >> o.get()) & 1u, y = (b >> o.get()) & 1u;
      if (x == y) continue;
      bool owns = false;
      for (ConflictOptionIndex k : c_.decision_makers[DecisionMakerIndex(dm)].options) owns = owns || k == o;
      if (!owns) return false;
      if (c_.options[o].direction == Direction::forward && !y) return false;
      if (c_.options[o].direction == Direction::backward && y) return false;
    }
    return true;
  }

  // R_X(s) (or, improving, R+_X(s)): every state a legal sequence of one or more moves of X's
  // members reaches from s (each move, improving, strictly preferred by its mover).
  const std::vector<StateCode>& reach(std::uint32_t X, StateCode s, bool improving) const {
    const auto key = std::make_tuple(X, s, improving);
    if (auto it = cache_.find(key); it != cache_.end()) return it->second;
    std::vector<StateCode> out;
    std::vector<std::uint8_t> in(std::size_t{1} << n_, 0);
    std::vector<std::uint8_t> seen((std::size_t{1} << n_) * dms_, 0);  // (state, last mover)
    std::vector<std::pair<StateCode, std::size_t>> queue = {{s, dms_}};  // dms_: nobody moved yet
    for (std::size_t h = 0; h < queue.size(); ++h) {
      const auto [x, last] = queue[h];
      for (std::size_t m = 0; m < dms_; ++m) {
        if (!((X >> m) & 1u) || m == last) continue;
        for (StateCode y : moves_[m][x]) {
          if (improving && !prefers(m, y, x)) continue;
          if (seen[std::size_t{y} * dms_ + m]) continue;
          seen[std::size_t{y} * dms_ + m] = 1;
          queue.emplace_back(y, m);
          if (!in[y]) in[y] = 1, out.push_back(y);
        }
      }
    }
    return cache_.emplace(key, std::move(out)).first->second;
  }

  const Conflict& c_;
  std::size_t n_, dms_;
  std::vector<StateCode> states_;
  std::vector<std::vector<std::uint64_t>> score_;
  std::vector<std::vector<std::vector<StateCode>>> moves_;  // [dm][code]: unilateral moves
  mutable std::map<std::tuple<std::uint32_t, StateCode, bool>, std::vector<StateCode>> cache_;
};

}  // namespace accord::gmcr::coalition_reference
