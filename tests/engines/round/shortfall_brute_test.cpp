// The shortfall sum of a text (docs/rounds.md "Shortfall sum") against brute force on small
// random scenarios (fixed seeds): every complete package that agrees with the text's settled
// issues and crosses no counted party's red line, the least sum of shortfalls.
#include <gtest/gtest.h>

#include <limits>
#include <random>

#include "accord/engines/bargain.hpp"
#include "accord/engines/round.hpp"
#include "accord/model/utility.hpp"
#include "engines/bargain/random_scenario.hpp"

namespace accord::rounds {
namespace {

// The text: each issue settled at a random grid value with probability 1/2, else open.
Package random_text(const Scenario& s, std::mt19937& rng) {
  Package x(s.issues.size());
  for (const IssueIndex i : s.issues.indices())
    if (rng() % 2) x[i] = grid_setting(s.issues[i], rng() % s.issues[i].value_count());
  return x;
}

bool same(const Issue& issue, const Setting& a, const Setting& b) {
  return issue.kind == IssueKind::discrete ? a.option == b.option : a.value == b.value;
}

struct Reference {
  std::vector<PartyIndex> counted, crossed;
  std::optional<double> sum;
};

Reference brute_force(const Scenario& s, const Package& text, const std::vector<PartyIndex>& parties) {
  Reference ref;
  for (const PartyIndex p : parties) (red_lines_crossed(s, p, text).empty() ? ref.counted : ref.crossed).push_back(p);
  if (ref.counted.empty()) return ref;
  testing::for_each_package(s, [&](const Package& x) {
    for (const IssueIndex i : s.issues.indices())
      if (text[i] && !same(s.issues[i], *text[i], *x[i])) return;
    double sum = 0.0;
    for (const PartyIndex p : ref.counted) {
      if (!red_lines_crossed(s, p, x).empty()) return;
      const double gap = s.preferences[p].reservation - utility(s, p, x);
      if (gap > kUtilityEps) sum += gap;
    }
    if (!ref.sum || sum < *ref.sum) ref.sum = sum;
  });
  return ref;
}

TEST(ShortfallSum, MatchesBruteForceOnRandomScenarios) {
  std::size_t numbers = 0, positive = 0, nulls = 0, excluded = 0;
  for (std::uint32_t seed = 1; seed <= 300; ++seed) {
    SCOPED_TRACE("seed " + std::to_string(seed));
    testing::RandomSpec spec;
    spec.parties = 2 + seed % 3;
    spec.issues = 2 + seed % 4;
    spec.red_line_rate = 0.2;
    spec.max_reservation = 0.9;  // often no settlement reaches every reservation
    spec.coarse_values = seed % 3 == 0;
    spec.rectangle_rate = seed % 5 == 0 ? 0.5 : 0.0;
    const Scenario s = testing::random_scenario(seed, spec);
    std::mt19937 rng(seed * 31u + 7);
    const Package text = random_text(s, rng);
    const auto parties = bargain::default_bargaining_parties(s);
    const Reference ref = brute_force(s, text, parties);
    const Convergence::Shortfall got = shortfall_sum(s, text, parties);
    EXPECT_TRUE(got.exact);
    EXPECT_EQ(got.counted, ref.counted);
    EXPECT_EQ(got.red_line_crossed, ref.crossed);
    ASSERT_EQ(got.sum.has_value(), ref.sum.has_value());
    if (ref.sum) {
      EXPECT_NEAR(*got.sum, *ref.sum, 1e-9);
      ++numbers;
      positive += *ref.sum > 1e-9;
    } else {
      ++nulls;
    }
    excluded += !ref.crossed.empty();
  }
  // The seeds reach every case the definition distinguishes.
  EXPECT_GT(numbers, 50u);
  EXPECT_GT(positive, 20u);
  EXPECT_GT(nulls, 5u);
  EXPECT_GT(excluded, 20u);
}

TEST(ShortfallSum, PastTheNodeBudgetTheSumIsAnUpperBoundMarkedInexact) {
  testing::RandomSpec spec;
  spec.parties = 3;
  spec.issues = 6;
  spec.red_line_rate = 0.0;
  spec.max_reservation = 0.9;
  const Scenario s = testing::random_scenario(11, spec);
  const Package open(s.issues.size());  // every issue open
  const auto parties = bargain::default_bargaining_parties(s);
  const Reference ref = brute_force(s, open, parties);
  const Convergence::Shortfall cut = shortfall_sum(s, open, parties, 3);
  EXPECT_FALSE(cut.exact);
  if (cut.sum) {
    EXPECT_GE(*cut.sum, *ref.sum - 1e-12);
  }
  const Convergence::Shortfall full = shortfall_sum(s, open, parties);
  EXPECT_TRUE(full.exact);
  EXPECT_NEAR(*full.sum, *ref.sum, 1e-12);
}

TEST(ShortfallSum, ASettledRedLineLeavesThePartyOutAndNobodyCountedGivesNoNumber) {
  testing::RandomSpec spec;
  spec.parties = 2;
  spec.issues = 2;
  spec.red_line_rate = 0.0;
  Scenario s = testing::random_scenario(5, spec);
  Package text(s.issues.size());
  const IssueIndex i0(std::size_t{0});
  text[i0] = grid_setting(s.issues[i0], 0);
  const auto parties = bargain::default_bargaining_parties(s);
  for (const PartyIndex p : parties) {  // the text's setting of issue 0 is every party's red line
    IssuePreference& ip = s.preferences[p].issues[i0];
    if (s.issues[i0].kind == IssueKind::discrete) ip.red_line_options = {OptionIndex(std::size_t{0})};
    else ip.red_line_ranges = {ValueRange{std::nullopt, s.issues[i0].range.min}};
  }
  const Convergence::Shortfall got = shortfall_sum(s, text, parties);
  EXPECT_TRUE(got.counted.empty());
  EXPECT_EQ(got.red_line_crossed, parties);
  EXPECT_FALSE(got.sum.has_value()) << "a sum over nobody must not read as no shortfall";
}

}  // namespace
}  // namespace accord::rounds
