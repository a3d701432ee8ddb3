// Inohara and Hipel's coalition stability (Analysis::coalitional; docs/gmcr.md "Coalition
// stability"): against the literal checker (coalition_reference.hpp) on random conflicts, on
// hand-derived cases, and the relations between the concepts as property tests.
#include <gtest/gtest.h>

#include <map>
#include <random>

#include "builders.hpp"
#include "coalition_reference.hpp"
#include "random_conflict.hpp"

namespace accord::gmcr {
namespace {

using testing::make_conflict;
using testing::patterns;
using testing::rank;

constexpr Concept kCoalitionConcepts[] = {Concept::nash, Concept::gmr, Concept::smr, Concept::seq};

Analysis coalitional(const Conflict& c, Sanctions rule = Sanctions::standard) {
  Params p;
  p.coalitions = true;
  p.status_quo_paths = false;
  p.sanctions = rule;
  RunResult r = analyse(c, p);
  EXPECT_TRUE(r.ok()) << r.outcome.message();
  EXPECT_TRUE(r.analysis->coalitional.has_value());
  return std::move(*r.analysis);
}

// Random conflicts (2-4 DMs, irreversible options, infeasible states, rankings with ties):
// every state, every DM, every concept against the literal definitions. 6 seeds x 20 conflicts.
class CoalitionDifferential : public ::testing::TestWithParam<int> {};

TEST_P(CoalitionDifferential, MatchesTheLiteralDefinitions) {
  std::mt19937 rng(static_cast<unsigned>(GetParam()) * 7919u);
  // Per concept, the (DM, state) pairs individually stable but not coalitionally: the
  // coalitions of two or more must matter somewhere, or this test checks only the singletons.
  std::map<Concept, int> coalition_only;
  for (int round = 0; round < 20; ++round) {
    const Conflict c = testing::random_conflict(rng, round % 5 == 4 ? 8 : 6);
    const Analysis a = coalitional(c);
    const coalition_reference::Checker ref(c);
    ASSERT_EQ(a.states, ref.states());
    const CoalitionalStability& cs = *a.coalitional;
    ASSERT_EQ(cs.coalitions, (std::size_t{1} << c.decision_makers.size()) - 1);
    for (Concept k : kCoalitionConcepts) {
      for (std::size_t d = 0; d < c.decision_makers.size(); ++d) {
        ASSERT_TRUE(cs.decision_makers[d].stable[k]);
        for (std::size_t s = 0; s < a.states.size(); ++s) {
          coalition_only[k] += a.decision_makers[d].stable[k]->test(s) && !cs.decision_makers[d].stable[k]->test(s);
          ASSERT_EQ(cs.decision_makers[d].stable[k]->test(s), ref.stable(d, a.states[s], k))
              << "seed " << GetParam() << " round " << round << " dm " << d << " " << to_string(k) << " state "
              << a.pattern(static_cast<StateIndex>(s));
        }
      }
      for (std::size_t s = 0; s < a.states.size(); ++s) {  // an equilibrium: stable for every DM
        bool all = true;
        for (const PlayerResult& p : cs.decision_makers) all = all && p.stable[k]->test(s);
        ASSERT_EQ(cs.equilibria[k]->test(s), all);
      }
    }
  }
  for (Concept k : kCoalitionConcepts) EXPECT_GT(coalition_only[k], 0) << to_string(k);
}

// Relations among the concepts (Inohara & Hipel 2008b, "Interrelationships among noncooperative
// and coalition stability concepts", Systems Engineering 11(4)): for every DM,
// coalitional stability implies the individual one under the same concept (the coalition {i} is
// one of those examined), CNash implies CSMR and CSEQ, and CSMR and CSEQ each imply CGMR.
TEST_P(CoalitionDifferential, RelationsAmongTheConcepts) {
  std::mt19937 rng(static_cast<unsigned>(GetParam()) * 104729u);
  for (int round = 0; round < 20; ++round) {
    const Conflict c = testing::random_conflict(rng, 8);
    const Analysis a = coalitional(c);
    const CoalitionalStability& cs = *a.coalitional;
    for (std::size_t d = 0; d < c.decision_makers.size(); ++d) {
      const auto& co = cs.decision_makers[d].stable;
      const auto& in = a.decision_makers[d].stable;
      for (std::size_t s = 0; s < a.states.size(); ++s) {
        for (Concept k : kCoalitionConcepts) ASSERT_TRUE(!co[k]->test(s) || in[k]->test(s)) << to_string(k);
        ASSERT_TRUE(!co[Concept::nash]->test(s) || (co[Concept::smr]->test(s) && co[Concept::seq]->test(s)));
        ASSERT_TRUE(!(co[Concept::smr]->test(s) || co[Concept::seq]->test(s)) || co[Concept::gmr]->test(s));
      }
    }
  }
}

// The coalition definitions have one sanction rule: --sanctions gmcr-py leaves them unchanged.
TEST_P(CoalitionDifferential, IndependentOfTheSanctionRule) {
  std::mt19937 rng(static_cast<unsigned>(GetParam()) * 31337u);
  for (int round = 0; round < 5; ++round) {
    const Conflict c = testing::random_conflict(rng, 7);
    EXPECT_EQ(coalitional(c).coalitional->equilibria, coalitional(c, Sanctions::gmcr_py).coalitional->equilibria);
  }
}

INSTANTIATE_TEST_SUITE_P(Seeds, CoalitionDifferential, ::testing::Range(1, 7));

// Prisoner's Dilemma, hand-derived. Option `a`: A defects; `b`: B defects. A ranks
// YN (defects alone) > NN (both cooperate) > YY (both defect) > NY (sucker); B symmetrically.
// Individually YY is an equilibrium under every concept. Coalitionally, {A,B} moves YY -> NY
// (A) -> NN (B), which both prefer to YY, and no one is left to sanction: YY is stable for
// neither. NN: no state both prefer to NN, and {A} alone, {B} alone are deterred as in the
// individual analysis (A's YN is sanctioned by B's YY, an improvement for B, from which A's only
// move NY is worse) -> stable under CGMR, CSMR, CSEQ; not CNash (A's move to YN is an improvement).
TEST(CoalitionStability, PrisonersDilemma) {
  Conflict c = make_conflict({"a", "b"}, {{"A", {"a"}}, {"B", {"b"}}});
  rank(c, 0, {{"YN"}, {"NN"}, {"YY"}, {"NY"}});
  rank(c, 1, {{"NY"}, {"NN"}, {"YY"}, {"YN"}});
  const Analysis a = coalitional(c);
  EXPECT_EQ(patterns(a, a.equilibria[Concept::nash]), std::vector<std::string>({"YY"}));
  const auto& eq = a.coalitional->equilibria;
  EXPECT_TRUE(patterns(a, eq[Concept::nash]).empty());
  for (Concept k : {Concept::gmr, Concept::smr, Concept::seq})
    EXPECT_EQ(patterns(a, eq[k]), std::vector<std::string>({"NN"})) << to_string(k);
}

// Three DMs, one option each (`Y` = contributes). DM i's payoff is 2 x (contributors) - 3 if i
// contributes: contributing costs 3 and gives everyone 2. Ranks follow the payoffs, ties tiered.
//   NNN: 0 for all. YYY: 3 for all. A's payoffs: NYY 4, NNY = NYN 2, YYN = YNY 1, YNN -1.
// NNN is individually Nash stable (contributing alone pays -1 < 0), but {A,B} reaches YYN (A then
// B) paying each 1 > 0, and C's only move from YYN, to YYY, pays A 3 > 0: no sanction. So NNN is
// stable for no DM under any coalition concept.
// YYY: A's improvement to NYY (4 > 3) is sanctioned by B's NYY -> NNY (B: 1 -> 2, an
// improvement; A gets 2 <= 3), after which A's only move, to YNY, pays 1 <= 3: GMR, SMR, SEQ
// stable, not Nash. No coalition reaches a state all its members rank above YYY (a pair's
// states NYY/YNY/NNY pay (4,1), (1,4), (2,2); no state pays all three more than 3): YYY is a
// coalitional equilibrium under CGMR, CSMR and CSEQ.
TEST(CoalitionStability, ThreeContributors) {
  Conflict c = make_conflict({"a", "b", "c"}, {{"A", {"a"}}, {"B", {"b"}}, {"C", {"c"}}});
  const auto payoff = [](int dm, StateCode s) {
    const int contributors = std::popcount(s);
    return 2 * contributors - (((s >> dm) & 1u) ? 3 : 0);
  };
  for (int dm = 0; dm < 3; ++dm) {
    std::vector<std::vector<std::string>> tiers;
    for (int v = 4; v >= -1; --v) {
      std::vector<std::string> tier;
      for (StateCode s = 0; s < 8; ++s)
        if (payoff(dm, s) == v) tier.push_back(state_pattern(s, 3));
      if (!tier.empty()) tiers.push_back(tier);
    }
    rank(c, static_cast<std::size_t>(dm), tiers);
  }
  const Analysis a = coalitional(c);
  const StateIndex nnn = *a.find(0), yyy = *a.find(7);
  EXPECT_TRUE(a.equilibria[Concept::nash]->test(nnn));
  for (Concept k : kCoalitionConcepts)
    for (const PlayerResult& p : a.coalitional->decision_makers)
      EXPECT_FALSE(p.stable[k]->test(nnn)) << p.name << " " << to_string(k);
  EXPECT_FALSE(a.coalitional->equilibria[Concept::nash]->test(yyy));
  for (Concept k : {Concept::gmr, Concept::smr, Concept::seq})
    EXPECT_TRUE(a.coalitional->equilibria[k]->test(yyy)) << to_string(k);
}

// SIM and SEQ+SIM have no coalition form: asked for, they are not computed, and the outcome
// does not call their absence a budget stop.
TEST(CoalitionStability, SimultaneousConceptsAreNotDefined) {
  Conflict c = make_conflict({"a", "b"}, {{"A", {"a"}}, {"B", {"b"}}});
  rank(c, 0, {{"YN"}, {"NN"}, {"YY"}, {"NY"}});
  rank(c, 1, {{"NY"}, {"NN"}, {"YY"}, {"YN"}});
  Params p;
  p.coalitions = true;
  const RunResult r = analyse(c, p);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.outcome.termination.stop, Stop::finished);
  EXPECT_EQ(r.analysis->coalitional->concepts,
            std::vector<Concept>({Concept::nash, Concept::gmr, Concept::smr, Concept::seq}));
  EXPECT_FALSE(r.analysis->coalitional->equilibria[Concept::sim]);
}

// Within the memory limit of the individual analysis but not of the coalition part: the
// individual result stands, the coalition part is skipped and the outcome says so.
TEST(CoalitionStability, SkippedOverTheMemoryLimit) {
  std::mt19937 rng(5);
  const Conflict c = testing::random_conflict(rng, 6);
  Params p;
  p.coalitions = true;
  p.status_quo_paths = false;
  p.max_memory = estimate_memory(c.options.size(), c.decision_makers.size(), false);
  const RunResult r = analyse(c, p);
  ASSERT_TRUE(r.ok());
  EXPECT_FALSE(r.analysis->coalitional);
  EXPECT_EQ(r.outcome.termination.stop, Stop::memory_limit);
  EXPECT_NE(r.outcome.termination.detail.find("coalition stability skipped"), std::string::npos);
}

// A deadline that expires during the analysis: whatever it stopped is not computed, and the
// outcome names it (here 3 DMs, 14 options: 16,384 states, about 0.4 s unbounded).
TEST(CoalitionStability, DeadlineStopsTheCoalitionPart) {
  std::mt19937 rng(11);
  Conflict c;
  for (int o = 0; o < 14; ++o) c.options.push_back({testing::numbered('o', o), "", Direction::both, {}});
  for (int d = 0; d < 3; ++d) {
    DecisionMaker dm;
    dm.id = testing::numbered('D', d);
    for (int o = d; o < 14; o += 3) dm.options.emplace_back(o);
    for (int o = 0; o < 14; ++o) {  // a random strict prioritisation: one literal per option
      Condition cond;
      cond.any.push_back(Conjunction{{Literal{ConflictOptionIndex(static_cast<int>(rng() % 14)), (rng() & 1u) != 0}}});
      dm.statements.push_back({cond, {}});
    }
    c.decision_makers.push_back(std::move(dm));
  }
  Params p;
  p.coalitions = true;
  p.status_quo_paths = false;
  p.deadline = Deadline::after(0.001);
  const RunResult r = analyse(c, p);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.outcome.termination.stop, Stop::time_limit);
  ASSERT_TRUE(r.analysis->coalitional);
  bool missing = false;
  for (const PlayerResult& d : r.analysis->coalitional->decision_makers)
    for (Concept k : kCoalitionConcepts) missing = missing || !d.stable[k];
  EXPECT_TRUE(missing);
  EXPECT_NE(r.outcome.termination.detail.find("not computed"), std::string::npos);
}

}  // namespace
}  // namespace accord::gmcr
