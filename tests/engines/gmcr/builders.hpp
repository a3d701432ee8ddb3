#pragma once
// Small helpers to write conflicts inline in tests.
#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "accord/engines/gmcr.hpp"

namespace accord::gmcr::testing {

// Options by id; decision makers as (id, controlled option ids).
inline Conflict make_conflict(const std::vector<std::string>& options,
                              const std::vector<std::pair<std::string, std::vector<std::string>>>& dms) {
  Conflict c;
  for (const auto& o : options) c.options.push_back({o, "", Direction::both, {}});
  for (const auto& [id, opts] : dms) {
    DecisionMaker dm;
    dm.id = id;
    for (const auto& o : opts) dm.options.push_back(c.find_option(o));
    c.decision_makers.push_back(std::move(dm));
  }
  return c;
}

inline Condition cond(const Conflict& c, const std::string& text) {
  ConditionParse parsed = parse_condition(c, text);
  EXPECT_TRUE(parsed.ok()) << text << ": " << parsed.outcome.message();
  return parsed.condition.value_or(Condition{});
}

inline void prioritise(Conflict& c, std::size_t dm, const std::vector<std::string>& statements) {
  auto& d = c.decision_makers[DecisionMakerIndex(dm)];
  d.preference_kind = PreferenceKind::prioritisation;
  d.statements.clear();
  for (const auto& s : statements) d.statements.push_back({cond(c, s), {}});
}

// Tiers of patterns, best first.
inline void rank(Conflict& c, std::size_t dm, const std::vector<std::vector<std::string>>& tiers) {
  auto& d = c.decision_makers[DecisionMakerIndex(dm)];
  d.preference_kind = PreferenceKind::ranking;
  d.ranking.clear();
  for (const auto& tier : tiers) {
    std::vector<StateCode> codes;
    for (const auto& p : tier) codes.push_back(*parse_state_pattern(p, c.options.size()));
    d.ranking.push_back(codes);
  }
}

inline std::vector<std::string> patterns(const Analysis& a, const std::optional<StateSet>& set) {
  std::vector<std::string> out;
  if (!set) return out;
  for (StateIndex s : set->members()) out.push_back(a.pattern(s));
  return out;
}

inline const std::optional<StateSet>& stable(const Analysis& a, std::size_t dm, Concept c) {
  return a.decision_makers[dm].stable[c];
}
inline const std::optional<StateSet>& equilibria(const Analysis& a, Concept c) {
  return a.equilibria[c];
}

}  // namespace accord::gmcr::testing
