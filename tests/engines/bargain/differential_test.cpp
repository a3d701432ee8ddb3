// The engine against brute-force enumeration on random instances (fixed seeds).
#include <gtest/gtest.h>

#include <cmath>
#include <numeric>

#include "accord/engines/bargain.hpp"
#include "engines/bargain/opposed_scenario.hpp"
#include "engines/bargain/random_scenario.hpp"

namespace accord::bargain {
namespace {

using testing::Brute;
using testing::RandomSpec;

double sum(const std::vector<double>& u) {
  double s = 0;
  for (const double x : u) s += x;
  return s;
}

std::vector<std::vector<double>> utilities_of(const Frontier& f) {
  std::vector<std::vector<double>> out;
  for (const Point& p : f.points) out.push_back(p.utilities);
  return out;
}

// Every representative package really has the reported utilities.
void expect_packages_match(const Scenario& s, const std::vector<PartyIndex>& parties,
                           const Frontier& f) {
  for (const Point& p : f.points)
    for (std::size_t q = 0; q < parties.size(); ++q)
      EXPECT_EQ(utility(s, parties[q], p.package), p.utilities[q]);
}

struct Reference {
  std::optional<std::vector<double>> nash, ks, egal, util;
};

Reference reference_solutions(const Brute& b, const std::vector<double>& r) {
  std::vector<std::vector<double>> zone;
  for (std::size_t j = 0; j < b.u.size(); ++j)
    if (b.zone[j]) zone.push_back(b.u[j]);
  Reference ref;
  if (zone.empty()) return ref;
  const std::size_t k = r.size();
  std::vector<double> ideal(k, -1e300);
  for (const auto& u : zone)
    for (std::size_t q = 0; q < k; ++q) ideal[q] = std::max(ideal[q], u[q]);
  auto nash = [&](const std::vector<double>& u) {
    double p = 1;
    for (std::size_t q = 0; q < k; ++q) p *= std::max(0.0, u[q] - r[q]);
    return std::vector<double>{p, sum(u)};
  };
  auto ks = [&](const std::vector<double>& u) {
    double m = 1;
    for (std::size_t q = 0; q < k; ++q)
      if (ideal[q] - r[q] > kUtilityEps) m = std::min(m, (u[q] - r[q]) / (ideal[q] - r[q]));
    return std::vector<double>{m, sum(u)};
  };
  auto egal = [&](const std::vector<double>& u) {
    std::vector<double> g;
    for (std::size_t q = 0; q < k; ++q) g.push_back(u[q] - r[q]);
    std::sort(g.begin(), g.end());
    g.push_back(sum(u));
    return g;
  };
  auto util = [&](const std::vector<double>& u) {
    double m = 1e300;
    for (std::size_t q = 0; q < k; ++q) m = std::min(m, u[q] - r[q]);
    return std::vector<double>{sum(u), m};
  };
  ref.nash = testing::brute_choose(zone, nash);
  ref.ks = testing::brute_choose(zone, ks);
  ref.egal = testing::brute_choose(zone, egal);
  ref.util = testing::brute_choose(zone, util);
  return ref;
}

void expect_solution(const Scenario& s, const std::vector<PartyIndex>& parties,
                     const std::optional<Solution>& got, const std::optional<std::vector<double>>& want,
                     const char* what) {
  ASSERT_EQ(got.has_value(), want.has_value()) << what;
  if (!got) return;
  EXPECT_EQ(got->utilities, *want) << what;
  for (std::size_t q = 0; q < parties.size(); ++q)
    EXPECT_EQ(utility(s, parties[q], got->package), got->utilities[q]) << what;
}

void check_scenario(const Scenario& s, std::size_t party_count) {
  const std::vector<PartyIndex> parties = default_bargaining_parties(s);
  ASSERT_EQ(parties.size(), party_count);
  const Brute b = testing::brute(s, parties);
  std::vector<double> r;
  for (const PartyIndex p : parties) r.push_back(s.preferences[p].reservation);

  Params params;
  const Result res = run(s, params);
  ASSERT_EQ(res.outcome.status, Status::ok) << res.outcome.message();

  const std::size_t zone_count = std::count(b.zone.begin(), b.zone.end(), true);
  EXPECT_TRUE(res.zone.exact);
  EXPECT_EQ(res.zone.decimal, std::to_string(zone_count));
  EXPECT_EQ(res.finding, zone_count > 0 ? Finding::zone_exists : Finding::no_zone);
  EXPECT_EQ(res.space.decimal, std::to_string(b.u.size()));

  const std::vector<bool> all(b.u.size(), true);
  EXPECT_EQ(utilities_of(res.pareto), testing::brute_frontier(b, all));
  EXPECT_EQ(utilities_of(res.zone_pareto), testing::brute_frontier(b, b.zone));
  expect_packages_match(s, parties, res.pareto);
  expect_packages_match(s, parties, res.zone_pareto);

  const Reference ref = reference_solutions(b, r);
  expect_solution(s, parties, res.solutions.nash, ref.nash, "nash");
  expect_solution(s, parties, res.solutions.kalai_smorodinsky, ref.ks, "ks");
  expect_solution(s, parties, res.solutions.egalitarian, ref.egal, "egalitarian");
  expect_solution(s, parties, res.solutions.utilitarian, ref.util, "utilitarian");

  // Branch and bound gives the same solutions; so do one thread and many.
  Params search = params;
  search.force_search = true;
  search.parallel = false;
  const Result res2 = run(s, search);
  expect_solution(s, parties, res2.solutions.nash, ref.nash, "nash (search)");
  expect_solution(s, parties, res2.solutions.kalai_smorodinsky, ref.ks, "ks (search)");
  expect_solution(s, parties, res2.solutions.egalitarian, ref.egal, "egalitarian (search)");
  expect_solution(s, parties, res2.solutions.utilitarian, ref.util, "utilitarian (search)");
  EXPECT_EQ(res2.zone.decimal, res.zone.decimal);
  EXPECT_EQ(utilities_of(res2.pareto), utilities_of(res.pareto));
  EXPECT_TRUE(res2.outcome.termination.finished()) << res2.outcome.termination.detail;

  // No count and no frontier: the finding comes from the shortfall search (whose answer is
  // reused as the egalitarian one) and every solution from branch and bound, in parallel.
  Params bare;
  bare.max_count_nodes = 0;
  bare.max_frontier = 0;
  bare.whole_space_frontier = false;
  const Result res3 = run(s, bare);
  EXPECT_EQ(res3.finding, zone_count > 0 ? Finding::zone_exists : Finding::no_zone);
  EXPECT_TRUE(res3.solutions.exact);
  expect_solution(s, parties, res3.solutions.nash, ref.nash, "nash (bare)");
  expect_solution(s, parties, res3.solutions.kalai_smorodinsky, ref.ks, "ks (bare)");
  expect_solution(s, parties, res3.solutions.egalitarian, ref.egal, "egalitarian (bare)");
  expect_solution(s, parties, res3.solutions.utilitarian, ref.util, "utilitarian (bare)");
}

void check_instance(std::uint32_t seed, const RandomSpec& spec) {
  SCOPED_TRACE("seed " + std::to_string(seed) + ", parties " + std::to_string(spec.parties));
  check_scenario(testing::random_scenario(seed, spec), spec.parties);
}

TEST(BargainDifferential, TwoPartiesRandom) {
  for (std::uint32_t seed = 1; seed <= 40; ++seed) check_instance(seed, RandomSpec{2, 4, 4});
}

TEST(BargainDifferential, ThreeToFivePartiesRandom) {
  for (std::uint32_t seed = 100; seed <= 130; ++seed) {
    RandomSpec spec;
    spec.parties = 3 + seed % 3;
    spec.issues = 3 + seed % 3;
    check_instance(seed, spec);
  }
}

TEST(BargainDifferential, CoarseValuesWithManyTies) {
  for (std::uint32_t seed = 200; seed <= 230; ++seed) {
    RandomSpec spec;
    spec.parties = 2 + seed % 4;
    spec.issues = 4;
    spec.coarse_values = true;
    spec.red_line_rate = 0.05;
    check_instance(seed, spec);
  }
}

TEST(BargainDifferential, EmptyZonesFromHighReservations) {
  std::size_t empty = 0;
  for (std::uint32_t seed = 300; seed <= 330; ++seed) {
    RandomSpec spec;
    spec.parties = 2 + seed % 4;
    spec.max_reservation = 1.0;
    spec.red_line_rate = 0.25;
    check_instance(seed, spec);
    const Scenario s = testing::random_scenario(seed, spec);
    empty += run(s).finding == Finding::no_zone ? 1 : 0;
  }
  EXPECT_GT(empty, 5u);  // the family does exercise empty zones
}

TEST(BargainDifferential, NonAdditiveRectanglesByEnumeration) {
  for (std::uint32_t seed = 400; seed <= 420; ++seed) {
    RandomSpec spec;
    spec.parties = 2 + seed % 3;
    spec.rectangle_rate = 0.7;
    check_instance(seed, spec);
  }
}

// Two opposed camps (issue 10 item 20): the LP bounds, reduced-cost fixing and the reuse of
// the shortfall search are exercised hard here, and must still give brute force's packages.
TEST(BargainDifferential, OpposedCampsMatchBruteForce) {
  std::size_t zones = 0;
  for (std::uint32_t seed = 500; seed <= 515; ++seed) {
    const std::size_t k = 3 + seed % 3, n = 6 + seed % 2, m = 3 + seed % 2;
    const double reservation = seed % 4 == 0 ? 0.46 : 0.4;
    SCOPED_TRACE("opposed seed " + std::to_string(seed) + ": " + std::to_string(k) + "x" +
                 std::to_string(n) + "x" + std::to_string(m));
    const Scenario s = testing::opposed_camps(k, n, m, seed, reservation);
    check_scenario(s, k);
    zones += run(s).finding == Finding::zone_exists ? 1 : 0;
  }
  EXPECT_GE(zones, 8u);  // the family does have zones to find solutions in
}

TEST(BargainDifferential, OpposedCampsWithCoarseTies) {
  // Noise 0: the camps are exact mirrors, so many packages tie.
  for (std::uint32_t seed = 600; seed <= 607; ++seed) {
    const std::size_t k = 2 + seed % 4;
    SCOPED_TRACE("opposed mirror seed " + std::to_string(seed));
    check_scenario(testing::opposed_camps(k, 6, 3, seed, 0.3, 0.0), k);
  }
}

}  // namespace
}  // namespace accord::bargain
