// Forecast accuracy on cases with a known outcome: the mean absolute error per model, the
// same whatever the thread count, and failures counted rather than hidden.
#include <gtest/gtest.h>

#include <cmath>

#include "accord/engines/forecast_accuracy.hpp"

namespace accord::forecast {
namespace {

ForecastCase one_case(std::size_t k) {
  ForecastCase c;
  c.id = "i" + std::to_string(k);
  c.problem.dimensions = {{c.id, c.id, 0.0, 100.0}};
  for (std::size_t i = 0; i < 5; ++i)
    c.problem.actors.push_back({"a" + std::to_string(i), "", 1.0 + static_cast<double>((i * 7 + k) % 5),
                                {static_cast<double>((i * 37 + k * 11) % 101)}, {0.2 + 0.1 * static_cast<double>(i % 4)}});
  c.outcome = static_cast<double>((k * 23) % 101);
  return c;
}

ForecastDataSet data(std::size_t n) {
  ForecastDataSet d;
  d.name = "toy.csv";
  for (std::size_t k = 0; k < n; ++k) d.cases.push_back(one_case(k));
  d.skipped = 3;
  return d;
}

TEST(ForecastAccuracy, MeanAbsoluteErrorOfTheWeightedMeanByHand) {
  AccuracyParams params;
  params.models = {Model::mean};
  const ForecastDataSet d = data(6);
  const AccuracyResult r = accuracy(d, params);
  ASSERT_EQ(r.models.size(), 1u);
  double sum = 0.0;
  for (const auto& c : d.cases) sum += std::fabs(baselines(c.problem).weighted_mean[0] - c.outcome);
  EXPECT_DOUBLE_EQ(r.models[0].mae, sum / 6.0);
  EXPECT_EQ(r.models[0].cases, 6u);
  EXPECT_EQ(r.cases, 6u);
  EXPECT_EQ(r.skipped_rows, 3u);
  EXPECT_EQ(r.data, "toy.csv");
  EXPECT_TRUE(r.outcome.ok());
  EXPECT_TRUE(r.outcome.termination.finished());
}

TEST(ForecastAccuracy, OneThreadAndTwoGiveIdenticalFigures) {
  AccuracyParams one, two;
  one.threads = 1;
  two.threads = 2;
  const ForecastDataSet d = data(12);
  const AccuracyResult a = accuracy(d, one), b = accuracy(d, two);
  ASSERT_EQ(a.models.size(), 4u);
  for (std::size_t m = 0; m < a.models.size(); ++m) {
    EXPECT_EQ(a.models[m].mae, b.models[m].mae) << to_string(a.models[m].model);
    EXPECT_EQ(a.models[m].mean_turns, b.models[m].mean_turns);
  }
}

TEST(ForecastAccuracy, ACaseAModelRefusesIsCountedAsFailed) {
  ForecastDataSet d = data(3);
  d.cases[1].problem.actors.resize(1);  // smp needs two actors; the mean does not
  AccuracyParams params;
  params.models = {Model::mean, Model::smp};
  const AccuracyResult r = accuracy(d, params);
  EXPECT_EQ(r.models[0].failed, 0u);
  EXPECT_EQ(r.models[1].failed, 1u);
  EXPECT_EQ(r.models[1].cases, 2u);
}

TEST(ForecastAccuracy, AnExpiredDeadlineSaysHowFarItGot) {
  AccuracyParams params;
  params.deadline = Deadline::at(Deadline::Clock::now() - std::chrono::seconds(1));
  const AccuracyResult r = accuracy(data(4), params);
  EXPECT_EQ(r.outcome.termination.stop, Stop::time_limit);
  EXPECT_NE(r.outcome.termination.detail.find("0 of 16 model runs"), std::string::npos) << r.outcome.termination.detail;
}

}  // namespace
}  // namespace accord::forecast
