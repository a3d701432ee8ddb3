// Budgets of the forecast engine (docs/forecast.md "Budgets"): an expired deadline gives the
// forecast of the last completed turn marked time_limit; too many actors are refused.
#include <gtest/gtest.h>

#include "accord/engines/forecast.hpp"

namespace accord::forecast {
namespace {

ForecastProblem line(std::size_t n) {
  ForecastProblem p;
  p.dimensions.push_back({"d", "D", 0.0, 100.0});
  for (std::size_t i = 0; i < n; ++i)
    p.actors.push_back({"A" + std::to_string(i), "", 1.0 + static_cast<double>(i % 7),
                        {static_cast<double>((i * 37) % 101)}, {0.2 + 0.1 * static_cast<double>(i % 5)}});
  return p;
}

Deadline passed() { return Deadline::at(Deadline::Clock::now() - std::chrono::seconds(1)); }

TEST(ForecastBudget, AFinishedRunSaysSo) {
  const Result r = run(line(12), Params{});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.outcome.termination.stop, Stop::finished);
}

TEST(ForecastBudget, AnExpiredDeadlineGivesThePartialForecastOfTurnZero) {
  for (Model m : {Model::smp, Model::eum}) {
    Params p;
    p.model = m;
    p.deadline = passed();
    const Result r = run(line(12), p);
    ASSERT_TRUE(r.ok()) << r.outcome.message();
    EXPECT_EQ(r.outcome.termination.stop, Stop::time_limit) << to_string(m);
    EXPECT_NE(r.outcome.termination.detail.find("0 of at most 100"), std::string::npos) << r.outcome.termination.detail;
    EXPECT_EQ(r.turns, 0);
    EXPECT_FALSE(r.converged);
    EXPECT_EQ(r.forecast.size(), 1u);
  }
}

TEST(ForecastBudget, MonteCarloAndSensitivityCountWhatTheyDid) {
  Params p;
  p.deadline = passed();
  MonteCarloParams mc;
  mc.runs = 10;
  const MonteCarloResult m = monte_carlo(line(8), p, mc);
  ASSERT_TRUE(m.ok());
  EXPECT_EQ(m.completed, 0u);
  EXPECT_EQ(m.outcome.termination.stop, Stop::time_limit);
  EXPECT_NE(m.outcome.termination.detail.find("0 of 10 runs"), std::string::npos);
  const SensitivityResult s = sensitivity(line(8), p);
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s.outcome.termination.stop, Stop::time_limit);
}

TEST(ForecastBudget, MoreActorsThanTheLimitAreRefused) {
  Params p;
  p.max_actors = 10;
  const Result r = run(line(11), p);
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(r.outcome.termination.stop, Stop::size_limit);
  EXPECT_NE(r.outcome.message().find("the smp model handles at most 10 actors; found 11"), std::string::npos) << r.outcome.message();
  p.model = Model::median;  // the baselines take any number
  EXPECT_TRUE(run(line(11), p).ok());
}

}  // namespace
}  // namespace accord::forecast
