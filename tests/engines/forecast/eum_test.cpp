// EUM and the baselines on the EC car-emissions data (BdM's textbook example).
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>

#include "accord/engines/forecast.hpp"

namespace accord::forecast {
namespace {

ForecastProblem car_emissions() {
  ForecastProblem p;
  p.name = "ec-car-emissions";
  p.dimensions.push_back({"standard", "Emission standard", 4.0, 10.0});
  const struct { const char* id; double c, x, s; } rows[] = {
      {"Netherlands", 0.08, 4, 0.8}, {"Belgium", 0.08, 7, 0.4}, {"Luxembourg", 0.03, 4, 0.2},
      {"Germany", 0.16, 4, 0.8},     {"France", 0.16, 10, 0.6}, {"Italy", 0.16, 10, 0.6},
      {"UK", 0.16, 10, 0.9},         {"Ireland", 0.05, 7, 0.1}, {"Denmark", 0.05, 4, 1.0},
      {"Greece", 0.08, 7, 0.7}};
  for (const auto& r : rows) p.actors.push_back({r.id, "", r.c, {r.x}, {r.s}});
  return p;
}

TEST(ForecastBaselines, CarEmissionsWeightedMeanAndMedian) {
  Params m;
  m.model = Model::mean;
  const Result mean = run(car_emissions(), m);
  ASSERT_TRUE(mean.ok()) << mean.outcome.message();
  EXPECT_NEAR(mean.forecast[0], 7.38996, 5e-6);
  m.model = Model::median;
  const Result median = run(car_emissions(), m);
  EXPECT_DOUBLE_EQ(median.forecast[0], 7.0);
  EXPECT_EQ(mean.turns, 0);
}

TEST(ForecastBaselines, WeightedMedianTakesTheLowerPositionAtAnExactHalf) {
  EXPECT_DOUBLE_EQ(weighted_median({1, 2}, {1, 1}), 1.0);
  EXPECT_DOUBLE_EQ(weighted_median({3, 1, 2}, {1, 1, 5}), 2.0);
  EXPECT_DOUBLE_EQ(weighted_mean({0, 10}, {1, 3}), 7.5);
}

TEST(ForecastEum, CarEmissionsRunsAndStaysOnTheScale) {
  Params p;
  p.model = Model::eum;
  const Result r = run(car_emissions(), p);
  ASSERT_TRUE(r.ok()) << r.outcome.message();
  EXPECT_GE(r.turns, 1);
  EXPECT_LE(r.turns, p.eum.max_rounds);
  EXPECT_EQ(r.history.front()[0][0], 4.0);  // history[0] is the input
  for (const auto& state : r.history)
    for (const auto& a : state) {
      EXPECT_GE(a[0], 4.0);
      EXPECT_LE(a[0], 10.0);
    }
  EXPECT_GE(r.forecast[0], 4.0);
  EXPECT_LE(r.forecast[0], 10.0);
  const Result again = run(car_emissions(), p);
  EXPECT_EQ(again.history, r.history);
  EXPECT_EQ(again.forecast, r.forecast);
}

TEST(ForecastEum, MedianVoterOfTheInitialPositionsIsSeven) {
  // With one round allowed and every actor frozen by tolerance, the forecast is the
  // Condorcet median of the input: 7 beats both 4 and 10 in pairwise votes.
  Params p;
  p.model = Model::eum;
  p.eum.max_rounds = 0;
  const Result r = run(car_emissions(), p);
  ASSERT_TRUE(r.ok()) << r.outcome.message();
  EXPECT_DOUBLE_EQ(r.forecast[0], 7.0);
  p.eum.median = EumMedian::weighted;
  EXPECT_DOUBLE_EQ(run(car_emissions(), p).forecast[0], 7.0);
}

TEST(ForecastEum, CondorcetMedianMatchesBruteForceVotes) {
  // The engine counts votes with prefix sums over sorted positions; recount them naively.
  std::uint64_t state = 99;
  const auto next = [&state] {
    state = state * 6364136223846793005ull + 1442695040888963407ull;
    return static_cast<double>(state >> 11) * 0x1.0p-53;
  };
  for (int trial = 0; trial < 50; ++trial) {
    ForecastProblem q;
    q.dimensions.push_back({"x", "x", 0, 100});
    const int n = 2 + trial % 9;
    for (int i = 0; i < n; ++i)
      q.actors.push_back({"a" + std::to_string(i), "", 0.1 + next(),
                          {static_cast<double>(static_cast<int>(next() * 10) * 10)}, {0.05 + 0.9 * next()}});
    double best_total = -1e300, best_x = 0;
    for (int j = 0; j < n; ++j) {
      double total = 0;
      for (int m = 0; m < n; ++m)
        for (int k = 0; k < n; ++k) {
          const auto& a = q.actors[static_cast<std::size_t>(k)];
          const double xj = q.actors[static_cast<std::size_t>(j)].position[0];
          const double xm = q.actors[static_cast<std::size_t>(m)].position[0];
          total += a.capability * a.salience[0] * (std::abs(a.position[0] - xm) - std::abs(a.position[0] - xj));
        }
      if (total > best_total + 1e-9 * std::abs(best_total)) {
        best_total = total;
        best_x = q.actors[static_cast<std::size_t>(j)].position[0];
      }
    }
    Params p;
    p.model = Model::eum;
    p.eum.max_rounds = 0;
    EXPECT_DOUBLE_EQ(run(q, p).forecast[0], best_x) << "trial " << trial;
  }
}

TEST(ForecastEum, UnanimityIsAFixedPoint) {
  ForecastProblem q;
  q.dimensions.push_back({"x", "x", 0, 100});
  q.actors = {{"a", "", 1, {40}, {0.5}}, {"b", "", 2, {40}, {0.9}}, {"c", "", 1, {40}, {0.1}}};
  Params p;
  p.model = Model::eum;
  const Result r = run(q, p);
  ASSERT_TRUE(r.ok()) << r.outcome.message();
  EXPECT_TRUE(r.converged);
  EXPECT_EQ(r.turns, 0);
  EXPECT_DOUBLE_EQ(r.forecast[0], 40.0);
}

TEST(ForecastValidation, InvalidProblemsAreReportedNotRun) {
  ForecastProblem q = car_emissions();
  q.actors[1].capability = 0;
  const Diagnostics d = validate(q, Model::smp);
  ASSERT_EQ(d.size(), 1u);
  EXPECT_NE(d[0].message.find("actor `Belgium`: capability"), std::string::npos);
  EXPECT_EQ(d[0].path, "actors.Belgium.capability");
  EXPECT_EQ(d[0].entity, "actor Belgium");
  q = car_emissions();
  q.actors[2].position[0] = 11;
  const Result r = run(q, Params{});
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(r.outcome.status, Status::invalid_input);
  EXPECT_NE(r.outcome.message().find("outside its scale [4.000000, 10.000000]"), std::string::npos) << r.outcome.message();
  q = car_emissions();
  q.actors.resize(1);
  EXPECT_NE(validate(q, Model::eum).at(0).message.find("needs at least 2"), std::string::npos);
  EXPECT_TRUE(validate(q, Model::mean).empty());
  EXPECT_FALSE(validate(q, Model::not_set).empty());
}

}  // namespace
}  // namespace accord::forecast
