// Inverse stability analysis (docs/gmcr.md "Inverse analysis"): a hand case, every result
// re-checked by the forward analysis, and a brute force over every change sequence up to K
// on small random conflicts (minimality, completeness and the count of distinct solutions),
// checked with the literal reference of reference.hpp.
#include <gtest/gtest.h>

#include <array>

#include <functional>
#include <map>
#include <random>
#include <set>

#include "accord/engines/gmcr_inverse.hpp"
#include "accord/io/builtin.hpp"
#include "engines/gmcr/builders.hpp"
#include "engines/gmcr/random_conflict.hpp"
#include "engines/gmcr/reference.hpp"

namespace accord::gmcr {
namespace {

using inverse::Change;
using inverse::ChangeKind;
using inverse::Scope;
using testing::make_conflict;
using testing::prioritise;

Conflict prisoners_dilemma() {
  Conflict c = make_conflict({"a_defect", "b_defect"}, {{"A", {"a_defect"}}, {"B", {"b_defect"}}});
  prioritise(c, 0, {"!b_defect", "a_defect"});
  prioritise(c, 1, {"!a_defect", "b_defect"});
  c.status_quo = 3;  // YY: both defect
  return c;
}

TEST(GmcrInverse, PrisonersDilemmaMutualCooperationNeedsEachToDropDefecting) {
  const Conflict c = prisoners_dilemma();
  inverse::Params p;  // Nash, every decision maker
  const inverse::Result r = inverse::run(c, {0}, p);
  ASSERT_TRUE(r.ok()) << r.outcome.message();
  ASSERT_EQ(r.min_changes, std::optional<std::size_t>(2));
  EXPECT_EQ(r.solutions, 1u);
  ASSERT_EQ(r.listed.size(), 1u);
  const std::vector<Change>& ch = r.listed[0].changes;
  ASSERT_EQ(ch.size(), 2u);
  EXPECT_EQ(ch[0].kind, ChangeKind::drop);
  EXPECT_EQ(ch[0].decision_maker, DecisionMakerIndex(0));
  EXPECT_EQ(ch[0].statement, 1u);  // A drops "a_defect"
  EXPECT_EQ(ch[1].kind, ChangeKind::drop);
  EXPECT_EQ(ch[1].decision_maker, DecisionMakerIndex(1));
  EXPECT_EQ(ch[1].statement, 1u);
  EXPECT_TRUE(inverse::holds(inverse::apply(c, ch), 0, Concept::nash, {}, false));
  EXPECT_TRUE(r.outcome.termination.finished());

  p.decision_makers = {DecisionMakerIndex(0)};  // only A: one change
  EXPECT_EQ(inverse::run(c, {0}, p).min_changes, std::optional<std::size_t>(1));
  p.decision_makers.clear();
  p.max_changes = 1;  // not within one change
  const inverse::Result none = inverse::run(c, {0}, p);
  EXPECT_FALSE(none.min_changes);
  EXPECT_EQ(none.lower_bound, 2u);
  EXPECT_TRUE(none.outcome.termination.finished());
  // Mutual cooperation is already GMR- and SEQ-stable (the other defects in return).
  for (Concept k : {Concept::gmr, Concept::smr, Concept::seq}) {
    p.stability = k;
    EXPECT_EQ(inverse::run(c, {0}, p).min_changes, std::optional<std::size_t>(0)) << to_string(k);
  }
}

TEST(GmcrInverse, PrisonersDilemmaCooperationIsNeverReachedFromMutualDefection) {
  const Conflict c = prisoners_dilemma();
  for (Scope s : {Scope::preferences, Scope::moves}) {
    inverse::Params p;
    p.scope = s;
    p.stability = Concept::gmr;
    p.reachable = true;
    const inverse::Result r = inverse::run(c, {0}, p);
    ASSERT_TRUE(r.ok());
    EXPECT_TRUE(r.status_quo_locked) << to_string(s);
    EXPECT_FALSE(r.min_changes);
  }
}

TEST(GmcrInverse, BudgetStopsTheSearchAndSaysSo) {
  const Conflict c = prisoners_dilemma();
  inverse::Params p;
  p.max_candidates = 3;
  const inverse::Result r = inverse::run(c, {0}, p);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.outcome.termination.stop, Stop::node_limit);
  EXPECT_TRUE(r.partial());
  EXPECT_FALSE(r.min_changes);
}

TEST(GmcrInverse, RejectsInfeasibleTargetsAndMissingStatusQuo) {
  Conflict c = prisoners_dilemma();
  c.infeasible.push_back({{{{ConflictOptionIndex(0), true}, {ConflictOptionIndex(1), false}}}, {}});
  EXPECT_EQ(inverse::run(c, {1}).outcome.status, Status::invalid_input);
  EXPECT_NE(inverse::run(c, {1}).outcome.message().find("not a feasible state"), std::string::npos);
  c.status_quo.reset();
  inverse::Params p;
  p.reachable = true;
  EXPECT_NE(inverse::run(c, {0}, p).outcome.message().find("needs a status quo"), std::string::npos);
}

TEST(GmcrInverse, ApplyRaisesDropsAndSwaps) {
  Conflict c = make_conflict({"x", "y"}, {{"A", {"x"}}, {"B", {"y"}}});
  prioritise(c, 0, {"x", "y", "!x"});
  testing::rank(c, 1, {{"YY"}, {"NN", "YN"}, {"NY"}});
  Change raise{ChangeKind::raise, DecisionMakerIndex(0), 2, 1, 0, 0, {}};
  Change drop{ChangeKind::drop, DecisionMakerIndex(0), 0, 0, 0, 0, {}};
  Change swap{ChangeKind::swap, DecisionMakerIndex(1), 0, 0, 2, 0, {}};  // NY up, NN down
  const Conflict d = inverse::apply(c, {raise, drop, swap});
  const auto& st = d.decision_makers[DecisionMakerIndex(0)].statements;
  ASSERT_EQ(st.size(), 2u);
  EXPECT_EQ(format_condition(d, st[0].condition), "!x");
  EXPECT_EQ(format_condition(d, st[1].condition), "y");
  const auto& tiers = d.decision_makers[DecisionMakerIndex(1)].ranking;
  EXPECT_EQ(tiers[1], (std::vector<StateCode>{2, 1}));
  EXPECT_EQ(tiers[2], (std::vector<StateCode>{0}));
  Change far = swap;
  far.other_state = 3;  // YY is not in the tier just above NY
  EXPECT_THROW((void)inverse::apply(c, {far}), std::invalid_argument);
}

// ---- brute force ---------------------------------------------------------------------

// Every elementary change applicable to `c`, applied independently of inverse::apply.
std::vector<Conflict> neighbours(const Conflict& c, Scope scope) {
  std::vector<Conflict> out;
  if (scope == Scope::moves) return out;
  for (const DecisionMakerIndex d : c.decision_makers.indices()) {
    const DecisionMaker& dm = c.decision_makers[d];
    if (dm.preference_kind == PreferenceKind::ranking) {
      for (std::size_t t = 0; t + 1 < dm.ranking.size(); ++t)
        for (std::size_t a = 0; a < dm.ranking[t].size(); ++a)
          for (std::size_t b = 0; b < dm.ranking[t + 1].size(); ++b) {
            Conflict x = c;
            auto& r = x.decision_makers[d].ranking;
            std::swap(r[t][a], r[t + 1][b]);
            out.push_back(std::move(x));
          }
      continue;
    }
    for (std::size_t j = 0; j < dm.statements.size(); ++j) {
      Conflict x = c;
      auto& st = x.decision_makers[d].statements;
      st.erase(st.begin() + static_cast<std::ptrdiff_t>(j));
      out.push_back(std::move(x));
      if (j == 0) continue;
      Conflict y = c;
      std::swap(y.decision_makers[d].statements[j - 1], y.decision_makers[d].statements[j]);
      out.push_back(std::move(y));
    }
  }
  return out;
}

// The literal reference's answer, and each decision maker's order of the states (dense).
struct Check {
  bool ok = false;
  std::vector<std::vector<int>> order;
};
Check check(const Conflict& c, StateCode target, Concept k, bool reachable) {
  std::vector<std::vector<int>> players;
  for (std::size_t d = 0; d < c.decision_makers.size(); ++d) players.push_back({static_cast<int>(d)});
  reference::Ref ref(c, players);
  Check out;
  for (const auto& sc : ref.score) {
    std::set<std::uint64_t> distinct;
    for (StateCode s : ref.states) distinct.insert(sc[s]);
    std::vector<int> o;
    for (StateCode s : ref.states)
      o.push_back(static_cast<int>(std::distance(distinct.begin(), distinct.find(sc[s]))));
    out.order.push_back(std::move(o));
  }
  if (!is_feasible(c, target) || !c.status_quo || !is_feasible(c, *c.status_quo)) return out;
  for (std::size_t d = 0; d < players.size(); ++d)
    if (!ref.stable(static_cast<int>(d), target, k)) return out;
  if (reachable) {
    std::set<StateCode> seen = {*c.status_quo};
    std::vector<StateCode> queue = {*c.status_quo};
    for (std::size_t h = 0; h < queue.size(); ++h)
      for (std::size_t p = 0; p < players.size(); ++p)
        for (StateCode t : ref.states)
          if (ref.improvement(static_cast<int>(p), queue[h], t) && seen.insert(t).second) queue.push_back(t);
    if (!seen.count(target)) return out;
  }
  out.ok = true;
  return out;
}

struct Brute {
  std::optional<std::size_t> min;
  std::size_t solutions = 0;
};

Brute brute_preferences(const Conflict& c, StateCode target, Concept k, bool reachable, std::size_t K) {
  std::vector<Conflict> layer = {c};
  for (std::size_t cost = 0; cost <= K; ++cost) {
    std::set<std::vector<std::vector<int>>> found;
    std::vector<Conflict> next;
    for (const Conflict& x : layer) {
      const Check r = check(x, target, k, reachable);
      if (r.ok) found.insert(r.order);
      if (cost < K)
        for (Conflict& y : neighbours(x, Scope::preferences)) next.push_back(std::move(y));
    }
    if (!found.empty()) return {cost, found.size()};
    layer.swap(next);
  }
  return {};
}

Brute brute_moves(const Conflict& c, StateCode target, Concept k, std::size_t K) {
  const std::size_t n = c.options.size();
  for (std::size_t size = 0; size <= K && size <= n; ++size) {
    std::size_t found = 0;
    // Every option gets a code: 0 unchanged, 1 fwd, 2 back, 3 excluded.
    std::vector<int> code(n, 0);
    std::function<void(std::size_t, std::size_t)> go = [&](std::size_t o, std::size_t left) {
      if (o == n) {
        if (left != 0) return;
        Conflict x = c;
        for (std::size_t i = 0; i < n; ++i) {
          const ConflictOptionIndex oi(i);
          if (code[i] == 1 || code[i] == 2) {
            if (c.options[oi].direction != Direction::both) return;
            x.options[oi].direction = code[i] == 1 ? Direction::forward : Direction::backward;
          }
          if (code[i] == 3) x.infeasible.push_back({{{{oi, true}}}, {}});
        }
        if (check(x, target, k, true).ok) ++found;
        return;
      }
      for (int v = 0; v < 4; ++v) {
        if ((v != 0) > left) continue;
        code[o] = v;
        go(o + 1, left - (v != 0 ? 1 : 0));
      }
      code[o] = 0;
    };
    go(0, size);
    if (found > 0) return {size, found};
  }
  return {};
}

void expect_rechecked(const Conflict& c, const inverse::Result& r, Concept k, bool reachable) {
  for (const inverse::Solution& s : r.listed) {
    const Conflict changed = inverse::apply(c, s.changes);
    EXPECT_EQ(s.changes.size(), *r.min_changes);
    EXPECT_TRUE(check(changed, s.target, k, reachable).ok);                // the literal definitions
    EXPECT_TRUE(inverse::holds(changed, s.target, k, {}, reachable));      // the forward engine
  }
}

// The concepts inverse analysis supports (SIM and SEQ+SIM are refused: InverseRefusesSim).
constexpr std::array<Concept, 4> kInverseConcepts{Concept::nash, Concept::gmr, Concept::smr, Concept::seq};

class GmcrInverseBrute : public ::testing::TestWithParam<int> {};

TEST(GmcrInverse, RefusesSimAndSeqSimNamingTheSupportedConcepts) {
  const Conflict c = prisoners_dilemma();
  for (const Concept k : {Concept::sim, Concept::seq_sim}) {
    inverse::Params p;
    p.stability = k;
    const inverse::Result r = inverse::run(c, {StateCode{0}}, p);
    EXPECT_FALSE(r.ok());
    EXPECT_NE(r.outcome.message().find("supports nash, gmr, smr and seq"), std::string::npos) << r.outcome.message();
  }
}

TEST_P(GmcrInverseBrute, PreferenceChangesAreMinimalAndComplete) {
  std::mt19937 rng(static_cast<unsigned>(GetParam()) * 7919u);
  int cases = 0;
  while (cases < 10) {
    const Conflict c = testing::random_conflict(rng, 4);
    if (c.decision_makers.size() > 3) continue;
    std::vector<StateCode> feasible;
    for (StateCode s = 0; s < (StateCode{1} << c.options.size()); ++s)
      if (is_feasible(c, s)) feasible.push_back(s);
    const StateCode target = feasible[rng() % feasible.size()];
    const Concept k = kInverseConcepts[static_cast<std::size_t>(cases) % kInverseConcepts.size()];
    const bool reachable = (cases / 2) % 2 == 1;
    const std::size_t K = c.decision_makers.size() == 2 && c.options.size() <= 3 ? 3 : 2;
    ++cases;
    inverse::Params p;
    p.stability = k;
    p.reachable = reachable;
    p.max_changes = K;
    p.max_listed = 1000;
    const inverse::Result r = inverse::run(c, {target}, p);
    ASSERT_TRUE(r.ok()) << r.outcome.message();
    ASSERT_TRUE(r.outcome.termination.finished());
    const Brute b = brute_preferences(c, target, k, reachable, K);
    SCOPED_TRACE(std::string(to_string(k)) + (reachable ? " reachable" : "") + " target " +
                 state_pattern(target, c.options.size()));
    EXPECT_EQ(r.min_changes, b.min);
    if (r.status_quo_locked) {
      EXPECT_FALSE(b.min);
    }
    if (!b.min) continue;
    EXPECT_EQ(r.solutions, b.solutions);
    expect_rechecked(c, r, k, reachable);
  }
}

TEST_P(GmcrInverseBrute, MoveChangesAreMinimalAndComplete) {
  std::mt19937 rng(static_cast<unsigned>(GetParam()) * 104729u);
  int cases = 0;
  while (cases < 10) {
    const Conflict c = testing::random_conflict(rng, 4);
    if (c.decision_makers.size() > 3) continue;
    std::vector<StateCode> feasible;
    for (StateCode s = 0; s < (StateCode{1} << c.options.size()); ++s)
      if (is_feasible(c, s)) feasible.push_back(s);
    const StateCode target = feasible[rng() % feasible.size()];
    const Concept k = kInverseConcepts[static_cast<std::size_t>(cases) % kInverseConcepts.size()];
    ++cases;
    inverse::Params p;
    p.scope = Scope::moves;
    p.stability = k;
    p.max_changes = 3;
    p.max_listed = 1000;
    const inverse::Result r = inverse::run(c, {target}, p);
    ASSERT_TRUE(r.ok()) << r.outcome.message();
    const Brute b = brute_moves(c, target, k, 3);
    SCOPED_TRACE(std::string(to_string(k)) + " target " + state_pattern(target, c.options.size()));
    EXPECT_EQ(r.min_changes, b.min);
    if (!b.min) continue;
    EXPECT_EQ(r.solutions, b.solutions);
    expect_rechecked(c, r, k, true);
  }
}

INSTANTIATE_TEST_SUITE_P(Seeds, GmcrInverseBrute, ::testing::Range(1, 11));

// ---- the built-in case ---------------------------------------------------------------

std::vector<StateCode> ceasefire_states(const Conflict& c) {
  const ConditionParse cease = parse_condition(c, "ua_accept & ru_sign");
  std::vector<StateCode> out;
  for (StateCode s = 0; s < (StateCode{1} << c.options.size()); ++s)
    if (is_feasible(c, s) && holds(*cease.condition, s)) out.push_back(s);
  return out;
}

TEST(GmcrInverse, GenevaCeasefireNeedsOneChangeToBeNashStableAndCannotBeReached) {
  const io::LoadResult l = io::load_scenario("geneva-2025");
  ASSERT_TRUE(l.ok());
  const Conflict& c = *l.scenario->conflict;
  const std::vector<StateCode> targets = ceasefire_states(c);
  ASSERT_EQ(targets.size(), 16u);
  inverse::Params p;
  const inverse::Result r = inverse::run(c, targets, p);
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r.min_changes, std::optional<std::size_t>(1));
  ASSERT_FALSE(r.listed.empty());
  EXPECT_EQ(state_pattern(r.listed[0].target, 7), "YNYYYYN");
  ASSERT_EQ(r.listed[0].changes.size(), 1u);
  EXPECT_EQ(r.listed[0].changes[0].kind, ChangeKind::drop);
  EXPECT_EQ(c.decision_makers[r.listed[0].changes[0].decision_maker].id, "UA");
  expect_rechecked(c, r, Concept::nash, false);
  for (Scope s : {Scope::preferences, Scope::moves}) {
    p.scope = s;
    p.reachable = true;
    const inverse::Result locked = inverse::run(c, targets, p);
    EXPECT_TRUE(locked.status_quo_locked) << to_string(s);
  }
}

}  // namespace
}  // namespace accord::gmcr
