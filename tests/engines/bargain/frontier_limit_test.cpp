// The dominance filter that abandons a step once more than `limit` points are non-dominated
// (issue 10 item 20), and the default frontier limits per number of bargaining parties.
#include <gtest/gtest.h>

#include <random>

#include "accord/engines/bargain.hpp"
#include "engines/bargain/opposed_scenario.hpp"
#include "engines/bargain/pareto.hpp"

namespace accord::bargain {
namespace {

// Random points in k dimensions on a coarse grid (many ties and duplicates).
std::vector<double> random_points(std::size_t n, std::size_t k, std::uint32_t seed) {
  std::mt19937 rng(seed);
  std::uniform_int_distribution<int> d(0, 9);
  std::vector<double> u(n * k);
  for (double& x : u) x = d(rng) / 10.0;
  return u;
}

// The plain O(n²) definition: kept iff no other point weakly dominates it and differs from
// it, and it is the first of identical points.
std::vector<std::uint32_t> brute_nondominated(const std::vector<double>& u, std::size_t k) {
  const std::size_t n = u.size() / k;
  std::vector<std::uint32_t> out;
  for (std::size_t a = 0; a < n; ++a) {
    bool keep = true;
    for (std::size_t b = 0; b < n && keep; ++b) {
      if (a == b) continue;
      bool ge = true, same = true;
      for (std::size_t q = 0; q < k; ++q) {
        ge = ge && u[b * k + q] >= u[a * k + q];
        same = same && u[b * k + q] == u[a * k + q];
      }
      if (ge && (!same || b < a)) keep = false;
    }
    if (keep) out.push_back(static_cast<std::uint32_t>(a));
  }
  return out;
}

TEST(FrontierLimit, FilterWithAGenerousLimitEqualsBruteForce) {
  for (std::uint32_t seed = 1; seed <= 12; ++seed) {
    const std::size_t k = 2 + seed % 4, n = 300 + 900 * (seed % 3);
    const std::vector<double> u = random_points(n, k, seed);
    const std::vector<std::uint32_t> want = brute_nondominated(u, k);
    const detail::Nondominated got = detail::nondominated_within(u, k, seed % 2 == 0, n, Deadline{});
    EXPECT_EQ(got.stop, Stop::finished) << seed;
    EXPECT_EQ(got.keep, want) << "seed " << seed << ", k " << k;
    EXPECT_EQ(detail::nondominated(u, k, true), want) << seed;
  }
}

// Points near the plane Σ u = const: most of them are non-dominated.
std::vector<double> opposed_points(std::size_t n, std::size_t k, std::uint32_t seed) {
  std::vector<double> u = random_points(n, k, seed);
  std::mt19937 rng(seed + 1000);
  std::uniform_int_distribution<int> noise(0, 2);
  for (std::size_t j = 0; j < n; ++j) {
    double sum = 0.0;
    for (std::size_t q = 0; q + 1 < k; ++q) sum += u[j * k + q];
    u[j * k + k - 1] = 0.9 * static_cast<double>(k - 1) - sum + noise(rng) / 10.0;
  }
  return u;
}

TEST(FrontierLimit, FilterStopsAsSoonAsTheLimitIsPassed) {
  for (std::uint32_t seed = 1; seed <= 8; ++seed) {
    const std::size_t k = 3 + seed % 3;
    const std::vector<double> u = opposed_points(4000, k, seed);
    const std::size_t size = brute_nondominated(u, k).size();
    ASSERT_GT(size, 10u) << seed;
    const detail::Nondominated at = detail::nondominated_within(u, k, true, size, Deadline{});
    EXPECT_EQ(at.stop, Stop::finished) << "exactly the limit is not more than it";
    EXPECT_EQ(at.keep.size(), size);
    const detail::Nondominated over = detail::nondominated_within(u, k, true, size - 1, Deadline{});
    EXPECT_EQ(over.stop, Stop::size_limit) << seed;
    EXPECT_TRUE(over.keep.empty());
  }
}

TEST(FrontierLimit, DefaultsDependOnTheNumberOfParties) {
  Params p;
  EXPECT_EQ(frontier_limit(p, 2), 200000u);
  EXPECT_EQ(frontier_limit(p, 3), 20000u);
  EXPECT_EQ(frontier_limit(p, 5), 20000u);
  p.max_frontier = 7;
  EXPECT_EQ(frontier_limit(p, 2), 7u);
  EXPECT_EQ(frontier_limit(p, 5), 7u);
}

// Five opposed parties over 11 issues: both frontiers have between 20,000 and 200,000 points
// (106,220 and 56,189). The default run abandons it and finds the solutions by search; an explicit
// 200,000-point limit computes it and takes them from the zone frontier: the same packages.
TEST(FrontierLimit, DefaultRunOnOpposedCampsKeepsTheExactSolutions) {
  const Scenario s = testing::opposed_camps(5, 11, 5, 1);
  Params fast;
  fast.max_count_nodes = 1000;
  const Result a = run(s, fast);
  EXPECT_TRUE(a.pareto.truncated);
  EXPECT_EQ(a.pareto.stop, Stop::size_limit);
  EXPECT_TRUE(a.zone_pareto.truncated);
  ASSERT_TRUE(a.solutions.exact);
  Params wide = fast;
  wide.max_frontier = 200000;
  wide.whole_space_frontier = false;  // half the cost; the zone frontier is what solutions use
  const Result b = run(s, wide);
  ASSERT_FALSE(b.zone_pareto.truncated);
  EXPECT_GT(b.zone_pareto.points.size(), 20000u);
  EXPECT_EQ(b.solutions.method, "frontier");
  ASSERT_TRUE(b.solutions.exact);
  EXPECT_EQ(a.solutions.method, "search");
  ASSERT_TRUE(a.solutions.nash && b.solutions.nash);
  EXPECT_EQ(a.solutions.nash->package, b.solutions.nash->package);
  EXPECT_EQ(a.solutions.egalitarian->package, b.solutions.egalitarian->package);
  EXPECT_EQ(a.solutions.utilitarian->package, b.solutions.utilitarian->package);
  EXPECT_EQ(a.solutions.kalai_smorodinsky->package, b.solutions.kalai_smorodinsky->package);
}

}  // namespace
}  // namespace accord::bargain
