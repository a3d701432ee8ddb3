#pragma once
// Random conflicts for differential tests: 2–4 decision makers, up to `max_options` options,
// irreversible options, infeasible patterns, exclusive groups, prioritisations and rankings.
#include <random>

#include "accord/engines/gmcr.hpp"

namespace accord::gmcr::testing {

// "o" + number without GCC 12's false -Wrestrict on operator+.
inline std::string numbered(char prefix, int k) {
  std::string id(1, prefix);
  id += std::to_string(k);
  return id;
}

inline Conflict random_conflict(std::mt19937& rng, std::size_t max_options) {
  auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  for (;;) {
    Conflict c;
    const int dms = pick(2, 4);
    const int n = pick(dms, static_cast<int>(max_options));
    for (int o = 0; o < n; ++o) {
      const int d = pick(0, 9);
      c.options.push_back({numbered('o', o), "",
                           d < 7 ? Direction::both : d < 9 ? Direction::forward : Direction::backward, {}});
    }
    c.decision_makers.resize(static_cast<std::size_t>(dms));
    for (int d = 0; d < dms; ++d) c.decision_makers[DecisionMakerIndex(d)].id = numbered('D', d);
    for (int o = 0; o < n; ++o) {  // each DM at least one option
      const int owner = o < dms ? o : pick(0, dms - 1);
      c.decision_makers[DecisionMakerIndex(owner)].options.emplace_back(o);
    }
    auto literal = [&]() { return Literal{ConflictOptionIndex(pick(0, n - 1)), pick(0, 1) == 1}; };
    auto conjunction = [&](int size) {
      Conjunction conj;
      for (int k = 0; k < size; ++k) conj.literals.push_back(literal());
      return conj;
    };
    const int rules = pick(0, 3);
    for (int k = 0; k < rules; ++k) c.infeasible.push_back({conjunction(pick(2, 3)), {}});
    if (n >= 3 && pick(0, 3) == 0) {
      ExclusiveGroup g;
      g.options = {ConflictOptionIndex(0), ConflictOptionIndex(1), ConflictOptionIndex(2)};
      c.exclusive.push_back(g);
    }
    std::vector<StateCode> feasible;
    for (StateCode s = 0; s < (StateCode{1} << n); ++s)
      if (is_feasible(c, s)) feasible.push_back(s);
    if (feasible.size() < 2) continue;
    for (DecisionMaker& dm : c.decision_makers) {
      if (n <= 6 && pick(0, 3) == 0) {  // explicit ranking with ties
        dm.preference_kind = PreferenceKind::ranking;
        std::vector<StateCode> order = feasible;
        std::shuffle(order.begin(), order.end(), rng);
        for (StateCode s : order) {
          if (dm.ranking.empty() || pick(0, 2) != 0) dm.ranking.push_back({s});
          else dm.ranking.back().push_back(s);
        }
        continue;
      }
      const int k = pick(1, 5);
      for (int j = 0; j < k; ++j) {
        Condition cond;
        cond.any.push_back(conjunction(pick(1, 2)));
        if (pick(0, 4) == 0) cond.any.push_back(conjunction(1));
        dm.statements.push_back({cond, {}});
      }
    }
    c.status_quo = feasible[static_cast<std::size_t>(pick(0, static_cast<int>(feasible.size()) - 1))];
    return c;
  }
}

}  // namespace accord::gmcr::testing
