// Monte Carlo determinism across thread counts, and the sensitivity ranking.
#include <gtest/gtest.h>

#include <atomic>

#include "accord/engines/forecast.hpp"

namespace accord::forecast {
namespace {

ForecastProblem small_problem() {
  ForecastProblem p;
  p.dimensions = {{"a", "A", 0, 100}, {"b", "B", 0, 10}};
  p.actors = {{"x", "", 100, {10, 2}, {0.6, 0.3}},
              {"y", "", 50, {60, 8}, {0.4, 0.5}},
              {"z", "", 80, {90, 5}, {0.5, 0.2}},
              {"w", "", 20, {40, 9}, {0.3, 0.6}}};
  return p;
}

TEST(ForecastMonteCarlo, SameSeedSameResultWhateverTheThreadCount) {
  for (Model m : {Model::smp, Model::eum, Model::mean}) {
    Params params;
    params.model = m;
    MonteCarloParams mc;
    mc.runs = 40;
    mc.seed = 12345;
    mc.threads = 1;
    const MonteCarloResult one = monte_carlo(small_problem(), params, mc);
    ASSERT_TRUE(one.ok()) << one.outcome.message();
    for (int threads : {2, 4}) {
      mc.threads = threads;
      const MonteCarloResult many = monte_carlo(small_problem(), params, mc);
      EXPECT_EQ(many.samples, one.samples) << to_string(m) << " threads " << threads;
      ASSERT_EQ(many.dimensions.size(), 2u);
      EXPECT_EQ(many.dimensions[0].mean, one.dimensions[0].mean);
      EXPECT_EQ(many.dimensions[1].p95, one.dimensions[1].p95);
    }
  }
}

TEST(ForecastMonteCarlo, BandsAreOrderedAndSeedsDiffer) {
  Params params;
  MonteCarloParams mc;
  mc.runs = 60;
  std::atomic<std::size_t> calls{0};
  mc.progress = [&](std::size_t) { ++calls; };
  const MonteCarloResult r = monte_carlo(small_problem(), params, mc);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(calls.load(), 60u);
  EXPECT_EQ(r.failed, 0u);
  for (const auto& d : r.dimensions) {
    EXPECT_LE(d.p05, d.median);
    EXPECT_LE(d.median, d.p95);
    EXPECT_GE(d.mean, d.p05);
    EXPECT_LE(d.mean, d.p95);
  }
  mc.seed = 2;
  EXPECT_NE(monte_carlo(small_problem(), params, mc).samples, r.samples);
}

TEST(ForecastMonteCarlo, PerturbStaysOnScale) {
  NoiseParams n;
  n.scale = 5;
  const ForecastProblem q = perturb(small_problem(), n, 7, 3);
  for (const auto& a : q.actors) {
    EXPECT_GT(a.capability, 0);
    double s = 0;
    for (std::size_t k = 0; k < 2; ++k) {
      EXPECT_GE(a.position[k], q.dimensions[k].lo);
      EXPECT_LE(a.position[k], q.dimensions[k].hi);
      s += a.salience[k];
    }
    EXPECT_LE(s, 1.0 + 1e-12);
  }
  EXPECT_EQ(perturb(small_problem(), n, 7, 3), q);
}

TEST(ForecastSensitivity, MeanModelSlopesAreTheAnalyticDerivatives) {
  Params params;
  params.model = Model::mean;
  const SensitivityResult r = sensitivity(small_problem(), params);
  ASSERT_TRUE(r.ok()) << r.outcome.message();
  ASSERT_EQ(r.inputs.size(), 4u * 5u);
  // d mean_a / d x_i = w_i / sum w on dimension a.
  const double w[] = {60, 20, 40, 6};
  const double total = 126;
  for (const Sensitivity& s : r.inputs)
    if (s.input == Input::position && s.input_dim == 0) {
      EXPECT_NEAR(s.slope[0], w[s.actor] / total, 1e-9);
      EXPECT_NEAR(s.slope[1], 0.0, 1e-12);
    }
  for (std::size_t k = 1; k < r.inputs.size(); ++k) EXPECT_GE(r.inputs[k - 1].impact, r.inputs[k].impact);
  // The largest single mover of the mean is the heaviest actor's position or weight.
  EXPECT_EQ(r.inputs.front().actor, 0u);
}

// The work-item hook without MPI: runs gathered in reverse order (as other ranks might) give
// the plain result; a worker rank's result is marked and carries no summary.
TEST(ForecastMonteCarlo, DistributedRunsGiveThePlainResult) {
  Params params;
  MonteCarloParams mc;
  mc.runs = 30;
  mc.seed = 77;
  const MonteCarloResult plain = monte_carlo(small_problem(), params, mc);
  mc.distribute = [](std::size_t n, const work::ItemFn& item, const Deadline&, const ProgressFn&) {
    work::Gathered g;
    g.items.resize(n);
    for (std::size_t i = n; i-- > 0;) g.items[i] = item(i);
    return g;
  };
  const MonteCarloResult dist = monte_carlo(small_problem(), params, mc);
  ASSERT_TRUE(dist.ok());
  EXPECT_FALSE(dist.worker);
  EXPECT_EQ(dist.samples, plain.samples);
  EXPECT_EQ(dist.completed, plain.completed);
  ASSERT_EQ(dist.dimensions.size(), 2u);
  EXPECT_EQ(dist.dimensions[0].mean, plain.dimensions[0].mean);
  EXPECT_EQ(dist.dimensions[1].p95, plain.dimensions[1].p95);

  mc.distribute = [](std::size_t, const work::ItemFn&, const Deadline&, const ProgressFn&) {
    return work::Gathered{false, {}, Stop::finished};
  };
  const MonteCarloResult worker = monte_carlo(small_problem(), params, mc);
  EXPECT_TRUE(worker.worker);
  EXPECT_TRUE(worker.dimensions.empty());
}

}  // namespace
}  // namespace accord::forecast
