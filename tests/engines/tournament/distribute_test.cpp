// The work-item hook (accord/model/work_items.hpp) without MPI: a distributor that runs the
// items in reverse order (as other ranks might) gives the plain run's result field for field;
// a worker's result is marked and empty; a deadline prefix is a partial result.
#include <gtest/gtest.h>

#include <cstdint>

#include "accord/engines/tournament.hpp"
#include "engines/bargain/random_scenario.hpp"

namespace accord {
namespace {

tournament::DomainSpec domain(std::uint32_t seed, std::size_t parties) {
  testing::RandomSpec spec;
  spec.parties = parties;
  spec.issues = 3;
  const Scenario s = testing::random_scenario(seed, spec);
  const negotiate::DomainBuild built = negotiate::Domain::build(s, {});
  EXPECT_TRUE(built.ok()) << built.outcome.message();
  return {s.id, built.domain};
}

tournament::Params params() {
  tournament::Params p;
  p.agents = {"random", "boulware", "micro"};
  p.rounds = 20;
  p.repeats = 3;
  p.seed = 7;
  return p;
}

// Runs the items last first and keeps `keep` of them (all when keep is n).
work::Distributor reversed(std::size_t keep = SIZE_MAX) {
  return [keep](std::size_t n, const work::ItemFn& item, const Deadline&, const ProgressFn&) {
    work::Gathered g;
    g.items.resize(n);
    for (std::size_t i = n; i-- > 0;) g.items[i] = item(i);
    if (keep < n) g.items.resize(keep), g.stop = Stop::time_limit;
    return g;
  };
}

TEST(TournamentDistribute, ItemsInAnyOrderGiveThePlainResult) {
  const std::vector<tournament::DomainSpec> domains = {domain(11, 2), domain(12, 3)};
  auto p = params();
  const tournament::Result plain = tournament::run(domains, p);
  p.distribute = reversed();
  const tournament::Result dist = tournament::run(domains, p);
  ASSERT_TRUE(plain.outcome.ok() && dist.outcome.ok()) << dist.outcome.message();
  EXPECT_FALSE(dist.worker);
  ASSERT_EQ(dist.results.size(), plain.results.size());
  for (std::size_t i = 0; i < plain.results.size(); ++i) {
    const auto& a = plain.results[i];
    const auto& b = dist.results[i];
    EXPECT_EQ(a.domain, b.domain);
    EXPECT_EQ(a.assignment, b.assignment);
    EXPECT_EQ(a.agents, b.agents);
    EXPECT_EQ(a.repeat, b.repeat);
    EXPECT_EQ(a.seed, b.seed);
    EXPECT_EQ(a.ending, b.ending);
    EXPECT_EQ(a.actions, b.actions);
    EXPECT_EQ(a.round, b.round);
    EXPECT_EQ(a.agreement, b.agreement);
    EXPECT_EQ(a.metrics.agreement, b.metrics.agreement);
    EXPECT_EQ(a.metrics.utilities, b.metrics.utilities);  // bit for bit
    EXPECT_EQ(a.metrics.welfare, b.metrics.welfare);
    EXPECT_EQ(a.metrics.nash_product, b.metrics.nash_product);
    EXPECT_EQ(a.metrics.pareto_distance, b.metrics.pareto_distance);
    EXPECT_EQ(a.metrics.nash_distance, b.metrics.nash_distance);
  }
  for (std::size_t k = 0; k < plain.per_agent.size(); ++k)
    EXPECT_EQ(plain.per_agent[k].mean_utility, dist.per_agent[k].mean_utility);
}

TEST(TournamentDistribute, AWorkerRankReportsNothing) {
  auto p = params();
  p.distribute = [](std::size_t n, const work::ItemFn& item, const Deadline&, const ProgressFn&) {
    for (std::size_t i = 0; i < n; i += 5) (void)item(i);  // its share went to the root
    return work::Gathered{false, {}, Stop::finished};
  };
  const tournament::Result r = tournament::run({domain(11, 2)}, p);
  EXPECT_TRUE(r.outcome.ok());
  EXPECT_TRUE(r.worker);
  EXPECT_TRUE(r.results.empty());
  EXPECT_TRUE(r.per_agent.empty());
}

TEST(TournamentDistribute, APrefixIsAPartialResult) {
  auto p = params();
  p.distribute = reversed(10);
  const tournament::Result r = tournament::run({domain(11, 2)}, p);
  ASSERT_TRUE(r.outcome.ok());
  EXPECT_EQ(r.negotiations, 10u);
  EXPECT_EQ(r.results.size(), 10u);
  EXPECT_EQ(r.outcome.termination.stop, Stop::time_limit);
}

}  // namespace
}  // namespace accord
