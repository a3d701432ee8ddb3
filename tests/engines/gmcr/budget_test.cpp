// Budgets of the stability engine (docs/gmcr.md "Budgets"): a deadline leaves what it stops
// not computed and says so; an analysis over the memory limit is refused up front.
#include <gtest/gtest.h>

#include "engines/gmcr/builders.hpp"

namespace accord::gmcr {
namespace {

Conflict two_by_six() {
  std::vector<std::string> a, b, all;
  for (int k = 0; k < 6; ++k) {
    a.push_back("a" + std::to_string(k));
    b.push_back("b" + std::to_string(k));
  }
  all = a;
  all.insert(all.end(), b.begin(), b.end());
  Conflict c = testing::make_conflict(all, {{"A", a}, {"B", b}});
  c.decision_makers[DecisionMakerIndex(0)].statements = {{testing::cond(c, "a0 & !b0"), {}}, {testing::cond(c, "b1"), {}}};
  c.decision_makers[DecisionMakerIndex(1)].statements = {{testing::cond(c, "b0 | a1"), {}}, {testing::cond(c, "!a2"), {}}};
  c.status_quo = 0;
  return c;
}

TEST(GmcrBudget, AFinishedRunSaysSo) {
  const RunResult r = analyse(two_by_six());
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.outcome.status, Status::ok);
  EXPECT_EQ(r.outcome.termination.stop, Stop::finished);
  EXPECT_TRUE(r.analysis->status_quo_paths_computed);
  for (Concept k : kAllConcepts) EXPECT_TRUE(r.analysis->equilibria[k]);
}

TEST(GmcrBudget, AnExpiredDeadlineLeavesConceptsAndPathsNotComputed) {
  Params p;
  p.deadline = Deadline::at(Deadline::Clock::now() - std::chrono::seconds(1));
  const RunResult r = analyse(two_by_six(), p);
  ASSERT_TRUE(r.ok());
  const Analysis& a = *r.analysis;
  const Termination& t = r.outcome.termination;
  EXPECT_EQ(t.stop, Stop::time_limit);
  EXPECT_NE(t.detail.find("seq not computed for A, B"), std::string::npos) << t.detail;
  EXPECT_NE(t.detail.find("status-quo paths not computed"), std::string::npos);
  EXPECT_FALSE(a.equilibria[Concept::seq]);
  EXPECT_FALSE(a.status_quo_paths_computed);
  EXPECT_TRUE(a.status_quo_paths.empty());
}

TEST(GmcrBudget, AnAnalysisOverTheMemoryLimitIsRefused) {
  Params p;
  p.max_memory = 1024;  // bytes
  const RunResult r = analyse(two_by_six(), p);
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(r.outcome.status, Status::invalid_input);
  EXPECT_EQ(r.outcome.termination.stop, Stop::memory_limit);
  EXPECT_NE(r.outcome.message().find("of memory; the limit is"), std::string::npos);
}

TEST(GmcrBudget, TheMemoryEstimateGrowsWithTheCube) {
  EXPECT_LT(estimate_memory(12, 2, true), estimate_memory(20, 2, true));
  EXPECT_LT(estimate_memory(20, 2, false), kDefaultMaxMemory);   // 2 x 10: well under 2 GiB
  EXPECT_GT(estimate_memory(24, 24, true), kDefaultMaxMemory);  // 24 one-option DMs: refused
}

// An explanation shares the run's deadline: the searches it could not make are marked, Nash
// (no search) is always complete, and with time enough every explanation is complete.
TEST(GmcrBudget, AnExpiredDeadlineLeavesSearchedExplanationsIncomplete) {
  const Conflict c = two_by_six();
  const std::vector<Concept> concepts{Concept::nash, Concept::gmr, Concept::seq};
  const ExplainResult full = explain(c, 0, concepts);
  ASSERT_TRUE(full.ok());
  EXPECT_EQ(full.outcome.termination.stop, Stop::finished);
  for (const Explanation& e : full.explanations) EXPECT_TRUE(e.complete);

  const ExplainResult cut = explain(c, 0, concepts, Deadline::at(Deadline::Clock::now() - std::chrono::seconds(1)));
  ASSERT_TRUE(cut.ok());
  EXPECT_EQ(cut.outcome.termination.stop, Stop::time_limit);
  ASSERT_EQ(cut.explanations.size(), full.explanations.size());
  std::size_t incomplete = 0;
  for (std::size_t k = 0; k < cut.explanations.size(); ++k) {
    const Explanation& e = cut.explanations[k];
    if (e.kind == Concept::nash) {
      EXPECT_TRUE(e.complete);
      EXPECT_EQ(e.stable, full.explanations[k].stable);
      continue;
    }
    // A searched concept with at least one improvement to examine cannot finish.
    if (full.explanations[k].improvements.empty()) continue;
    EXPECT_FALSE(e.complete);
    EXPECT_FALSE(e.stable);
    ++incomplete;
  }
  EXPECT_GT(incomplete, 0u);
}

}  // namespace
}  // namespace accord::gmcr
