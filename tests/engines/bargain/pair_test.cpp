// The two-party frontier the dashboard and the HTML report draw (Params::pair, pair_frontier):
// the non-dominated (U_a, U_b) over every package, red lines ignored, against brute force.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <set>

#include "accord/engines/bargain.hpp"
#include "accord/model/utility.hpp"
#include "random_scenario.hpp"

namespace accord::bargain {
namespace {

using Pt = std::pair<double, double>;

std::set<Pt> brute_force(const Scenario& s, PartyIndex a, PartyIndex b) {
  std::vector<Pt> all;
  Package x(s.issues.size());
  std::vector<std::size_t> at(s.issues.size(), 0);
  while (true) {
    for (const IssueIndex i : s.issues.indices()) x[i] = grid_setting(s.issues[i], at[i.get()]);
    all.emplace_back(utility(s, a, x), utility(s, b, x));
    std::size_t i = 0;
    while (i < at.size() && ++at[i] == s.issues[IssueIndex(i)].value_count()) at[i++] = 0;
    if (i == at.size()) break;
  }
  std::set<Pt> out;
  for (const Pt& p : all) {
    const bool dominated = std::any_of(all.begin(), all.end(), [&](const Pt& q) {
      return q.first >= p.first - 1e-12 && q.second >= p.second - 1e-12 &&
             (q.first > p.first + 1e-12 || q.second > p.second + 1e-12);
    });
    if (!dominated) out.emplace(std::round(p.first * 1e9) / 1e9, std::round(p.second * 1e9) / 1e9);
  }
  return out;
}

TEST(BargainPair, FrontierOfTwoOfThreePartiesEqualsBruteForce) {
  for (std::uint64_t seed = 1; seed <= 6; ++seed) {
    const Scenario s = testing::random_scenario(seed, testing::RandomSpec{3, 4, 3});
    Params p;
    p.parties = {PartyIndex(0), PartyIndex(1), PartyIndex(2)};
    p.pair = std::array<PartyIndex, 2>{PartyIndex(2), PartyIndex(0)};
    const Result r = run(s, p);
    ASSERT_TRUE(r.outcome.ok()) << r.outcome.message();
    ASSERT_TRUE(r.pair.has_value());
    EXPECT_EQ(r.pair->parties[0], PartyIndex(2));
    EXPECT_EQ(r.pair->reservations[0], s.preferences[PartyIndex(2)].reservation);
    std::set<Pt> got;
    for (const Point& pt : r.pair->frontier.points) {
      ASSERT_EQ(pt.utilities.size(), 2u);
      // Each point carries a package with exactly its utilities.
      EXPECT_NEAR(utility(s, PartyIndex(2), pt.package), pt.utilities[0], 1e-9) << seed;
      EXPECT_NEAR(utility(s, PartyIndex(0), pt.package), pt.utilities[1], 1e-9) << seed;
      got.emplace(std::round(pt.utilities[0] * 1e9) / 1e9, std::round(pt.utilities[1] * 1e9) / 1e9);
    }
    EXPECT_EQ(got, brute_force(s, PartyIndex(2), PartyIndex(0))) << "seed " << seed;
  }
}

TEST(BargainPair, NoPairAskedNoPairComputed) {
  const Result r = run(testing::random_scenario(3, testing::RandomSpec{2, 3, 3}));
  ASSERT_TRUE(r.outcome.ok());
  EXPECT_FALSE(r.pair.has_value());
}

TEST(BargainPair, APartyOutsideTheBargainingIsInvalidInput) {
  const Scenario s = testing::random_scenario(4, testing::RandomSpec{3, 3, 3});
  Params p;
  p.parties = {PartyIndex(0), PartyIndex(1)};
  p.pair = std::array<PartyIndex, 2>{PartyIndex(0), PartyIndex(2)};
  const Result r = run(s, p);
  EXPECT_EQ(r.outcome.status, Status::invalid_input);
  EXPECT_NE(r.outcome.message().find("two of the bargaining parties"), std::string::npos) << r.outcome.message();
  p.pair = std::array<PartyIndex, 2>{PartyIndex(1), PartyIndex(1)};
  EXPECT_EQ(run(s, p).outcome.status, Status::invalid_input);
}

TEST(BargainPair, DraftUtilitiesAreRangesOverOpenIssues) {
  const Scenario s = testing::random_scenario(5, testing::RandomSpec{2, 3, 3});
  Params p;
  p.draft = Package(s.issues.size());
  (*p.draft)[IssueIndex(0)] = grid_setting(s.issues[IssueIndex(0)], 1);
  const Result r = run(s, p);
  ASSERT_EQ(r.draft_utilities.size(), 2u);
  for (std::size_t q = 0; q < 2; ++q) {
    const UtilityBounds b = utility_bounds(s, r.parties[q], *p.draft);
    EXPECT_EQ(r.draft_utilities[q].min, b.min);
    EXPECT_EQ(r.draft_utilities[q].max, b.max);
  }
}

}  // namespace
}  // namespace accord::bargain
