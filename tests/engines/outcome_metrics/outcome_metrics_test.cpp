// Outcome metrics against brute force on small random scenarios: every package enumerated with
// accord::utility, the frontier and the Nash point found independently of the bargaining engine.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "accord/engines/outcome_metrics.hpp"
#include "engines/bargain/random_scenario.hpp"

namespace accord {
namespace {

using testing::Brute;
using testing::RandomSpec;

std::vector<PartyIndex> bargaining(const Scenario& s) { return bargain::default_bargaining_parties(s); }

double brute_distance(const std::vector<std::vector<double>>& front, const std::vector<double>& u) {
  double best = std::numeric_limits<double>::infinity();
  for (const auto& f : front) {
    double d = 0;
    for (std::size_t q = 0; q < u.size(); ++q) d += (u[q] - f[q]) * (u[q] - f[q]);
    best = std::min(best, std::sqrt(d));
  }
  return best;
}

// The Nash point by the documented rule (bargain docs: product, then sum, then the
// lexicographically greatest vector) over the packages acceptable to every party.
std::optional<std::vector<double>> brute_nash(const Brute& b, const std::vector<double>& r) {
  std::vector<std::vector<double>> zone;
  for (std::size_t j = 0; j < b.u.size(); ++j)
    if (b.zone[j]) zone.push_back(b.u[j]);
  return testing::brute_choose(zone, [&](const std::vector<double>& u) {
    double product = 1, sum = 0;
    for (std::size_t q = 0; q < u.size(); ++q) product *= std::max(0.0, u[q] - r[q]), sum += u[q];
    return std::vector<double>{product, sum};
  });
}

void check_against_brute(const Scenario& s, const Scenario& domain, const outcome_metrics::Reference& ref) {
  const std::vector<PartyIndex> parties = bargaining(s);
  ASSERT_TRUE(ref.outcome.ok()) << ref.outcome.message();
  ASSERT_EQ(ref.parties, parties);
  const Brute b = testing::brute(domain, parties);
  const auto front = testing::brute_frontier(b, std::vector<bool>(b.u.size(), true));
  ASSERT_TRUE(ref.frontier_complete);
  EXPECT_EQ(ref.frontier, front);
  const auto nash = brute_nash(b, ref.reservations);
  ASSERT_EQ(ref.nash.has_value(), nash.has_value());
  if (nash) {
    for (std::size_t q = 0; q < nash->size(); ++q) EXPECT_NEAR((*ref.nash)[q], (*nash)[q], 1e-9);
  }
  for (std::size_t j = 0; j < b.u.size(); ++j) {
    const Package x = outcome_metrics::expand(s, ref.fixed, b.x[j]);
    const outcome_metrics::Metrics m = outcome_metrics::measure(s, ref, x);
    ASSERT_EQ(m.utilities, b.u[j]);  // bit-identical: the domain keeps every contribution
    double welfare = 0, product = 1;
    for (std::size_t q = 0; q < b.u[j].size(); ++q)
      welfare += b.u[j][q], product *= std::max(0.0, b.u[j][q] - ref.reservations[q]);
    EXPECT_NEAR(m.welfare, welfare, 1e-12);
    EXPECT_NEAR(m.nash_product, product, 1e-12);
    ASSERT_TRUE(m.pareto_distance);
    EXPECT_NEAR(*m.pareto_distance, brute_distance(front, b.u[j]), 1e-12);
    // 0 exactly when no package dominates it.
    bool dominated = false;
    for (const auto& f : front) dominated = dominated || testing::dominates(f, b.u[j]);
    EXPECT_EQ(*m.pareto_distance == 0.0, !dominated) << j;
    ASSERT_EQ(m.nash_distance.has_value(), nash.has_value());
    if (nash) {
      EXPECT_NEAR(*m.nash_distance, brute_distance({*nash}, b.u[j]), 1e-9);
    }
  }
}

TEST(OutcomeMetrics, AllOpenMatchesBruteForce) {
  for (std::uint32_t seed = 1; seed <= 40; ++seed) {
    RandomSpec spec;
    spec.parties = 2 + seed % 3;
    spec.issues = 2 + seed % 3;
    spec.coarse_values = seed % 4 == 0;
    const Scenario s = testing::random_scenario(seed, spec);
    SCOPED_TRACE(seed);
    check_against_brute(s, s, outcome_metrics::prepare(s));
  }
}

TEST(OutcomeMetrics, FixedIssuesMatchBruteForceOverTheRestrictedSpace) {
  for (std::uint32_t seed = 100; seed <= 130; ++seed) {
    RandomSpec spec;
    spec.parties = 2 + seed % 2;
    spec.issues = 3 + seed % 2;
    spec.rectangle_rate = seed % 3 == 0 ? 0.5 : 0.0;
    const Scenario s = testing::random_scenario(seed, spec);
    Package fixed(s.issues.size());
    fixed[IssueIndex(std::size_t{0})] = grid_setting(s.issues[IssueIndex(std::size_t{0})], 1);
    fixed[IssueIndex(std::size_t{2})] = grid_setting(s.issues[IssueIndex(std::size_t{2})], 0);
    outcome_metrics::Params params;
    params.fixed = fixed;
    const auto ref = outcome_metrics::prepare(s, params);
    SCOPED_TRACE(seed);
    const Scenario domain = outcome_metrics::fix_issues(s, fixed);
    EXPECT_EQ(domain.issues[IssueIndex(std::size_t{0})].value_count(), 1u);
    check_against_brute(s, domain, ref);
    if (ref.nash_package) {  // the Nash package keeps the fixed settings
      EXPECT_EQ((*ref.nash_package)[IssueIndex(std::size_t{0})], fixed[IssueIndex(std::size_t{0})]);
      EXPECT_EQ((*ref.nash_package)[IssueIndex(std::size_t{2})], fixed[IssueIndex(std::size_t{2})]);
    }
  }
}

TEST(OutcomeMetrics, DisagreementIsTheReservationPoint) {
  RandomSpec spec;
  const Scenario s = testing::random_scenario(7, spec);
  const auto ref = outcome_metrics::prepare(s);
  const auto m = outcome_metrics::disagreement(ref);
  EXPECT_FALSE(m.agreement);
  EXPECT_EQ(m.utilities, ref.reservations);
  EXPECT_EQ(m.nash_product, 0.0);
  EXPECT_NEAR(m.welfare, ref.reservations[0] + ref.reservations[1], 1e-15);
  ASSERT_TRUE(m.pareto_distance);
  EXPECT_GT(*m.pareto_distance, 0.0);
}

// Two parties, two issues: A (both prefer a1), B (opposed). Frontier {(1, .5), (.5, 1)};
// Nash over r = (.2, .2): both products .24, both sums 1.5, so the greater vector (1, .5).
TEST(OutcomeMetrics, HandChecked) {
  Scenario s;
  s.id = "hand";
  for (const char* id : {"P1", "P2"}) s.parties.push_back(Party{id, id, Role::party, 1.0, {}, {}});
  for (const char* id : {"A", "B"}) {
    Issue issue;
    issue.id = id;
    for (const char* o : {"0", "1"}) issue.options.push_back(Option{o, "", std::nullopt, {}, {}});
    s.issues.push_back(issue);
  }
  auto prefs = [](double b0, double b1) {
    Preferences p;
    p.present = true;
    p.reservation = 0.2;
    IssuePreference a, b;
    a.present = b.present = true;
    a.weight = b.weight = 0.5;
    a.option_values.push_back(0.0), a.option_values.push_back(1.0);
    b.option_values.push_back(b0), b.option_values.push_back(b1);
    p.issues.push_back(a), p.issues.push_back(b);
    return p;
  };
  s.preferences.push_back(prefs(1.0, 0.0));
  s.preferences.push_back(prefs(0.0, 1.0));
  const auto ref = outcome_metrics::prepare(s);
  ASSERT_TRUE(ref.outcome.ok());
  EXPECT_EQ(ref.frontier, (std::vector<std::vector<double>>{{1.0, 0.5}, {0.5, 1.0}}));
  ASSERT_TRUE(ref.nash);
  EXPECT_EQ(*ref.nash, (std::vector<double>{1.0, 0.5}));
  EXPECT_NEAR(ref.nash_product, 0.24, 1e-15);
  const auto m = outcome_metrics::measure(ref, {0.5, 0.0});  // package (a0, b0)
  EXPECT_NEAR(*m.pareto_distance, std::sqrt(0.5), 1e-15);
  EXPECT_NEAR(*m.nash_distance, std::sqrt(0.5), 1e-15);
  EXPECT_EQ(m.nash_product, 0.0);  // P2 below its reservation
  EXPECT_EQ(m.welfare, 0.5);
  const auto top = outcome_metrics::measure(ref, {0.5, 1.0});
  EXPECT_EQ(*top.pareto_distance, 0.0);
  EXPECT_NEAR(*top.nash_distance, std::sqrt(0.5), 1e-15);
}

TEST(OutcomeMetrics, InvalidFixedOptionIsAStatus) {
  const Scenario s = testing::random_scenario(3, RandomSpec{});
  Package fixed(s.issues.size());
  for (const IssueIndex i : s.issues.indices())
    if (s.issues[i].kind == IssueKind::discrete) {
      fixed[i] = Setting{OptionIndex(std::size_t{99}), 0.0};
      break;
    }
  outcome_metrics::Params params;
  params.fixed = fixed;
  const auto ref = outcome_metrics::prepare(s, params);
  EXPECT_EQ(ref.outcome.status, Status::invalid_input);
  EXPECT_NE(ref.outcome.message().find("fixed at an option it does not have"), std::string::npos);
}

}  // namespace
}  // namespace accord
