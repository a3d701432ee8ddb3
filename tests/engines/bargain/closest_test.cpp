// The closest acceptable package to a draft, against brute force.
#include <gtest/gtest.h>

#include <limits>
#include <random>

#include "accord/engines/bargain.hpp"
#include "engines/bargain/random_scenario.hpp"

namespace accord::bargain {
namespace {

using testing::RandomSpec;

double sum(const std::vector<double>& u) {
  double s = 0;
  for (const double x : u) s += x;
  return s;
}

bool same(const Issue& issue, const Setting& a, const Setting& b) {
  return issue.kind == IssueKind::discrete ? a.option == b.option : a.value == b.value;
}

std::size_t changes(const Scenario& s, const Package& draft, const Package& x) {
  std::size_t n = 0;
  for (const IssueIndex i : s.issues.indices())
    if (draft[i] && !same(s.issues[i], *draft[i], *x[i])) ++n;
  return n;
}

Package random_draft(const Scenario& s, std::uint32_t seed) {
  std::mt19937 rng(seed);
  Package d(s.issues.size());
  for (const IssueIndex i : s.issues.indices())
    if (rng() % 5 != 0) d[i] = grid_setting(s.issues[i], rng() % s.issues[i].value_count());
  return d;
}

void check(std::uint32_t seed, const RandomSpec& spec) {
  SCOPED_TRACE("seed " + std::to_string(seed));
  Scenario s = testing::random_scenario(seed, spec);
  testing::random_provenance(s, seed);
  const auto parties = default_bargaining_parties(s);
  const testing::Brute b = testing::brute(s, parties);
  std::vector<double> r;
  for (const PartyIndex p : parties) r.push_back(s.preferences[p].reservation);
  const Package draft = random_draft(s, seed);
  Params params;
  params.draft = draft;
  const Result res = run(s, params);
  ASSERT_TRUE(res.closest.has_value());
  const Closest& c = *res.closest;
  const std::size_t k = parties.size();
  for (std::size_t q = 0; q < k; ++q) EXPECT_EQ(utility(s, parties[q], c.package), c.utilities[q]);

  const bool zone = std::count(b.zone.begin(), b.zone.end(), true) > 0;
  ASSERT_EQ(c.zone_exists, zone);
  std::vector<std::vector<double>> cand;
  if (zone) {
    std::size_t fewest = s.issues.size() + 1;
    for (std::size_t j = 0; j < b.u.size(); ++j)
      if (b.zone[j]) fewest = std::min(fewest, changes(s, draft, b.x[j]));
    for (std::size_t j = 0; j < b.u.size(); ++j)
      if (b.zone[j] && changes(s, draft, b.x[j]) == fewest) cand.push_back(b.u[j]);
    EXPECT_EQ(c.changed_issues, fewest);
    EXPECT_EQ(changes(s, draft, c.package), fewest);
    for (const PartyIndex p : parties) EXPECT_TRUE(acceptable(s, p, c.package));
    const auto want = testing::brute_choose(cand, [&](const std::vector<double>& u) {
      double prod = 1;
      for (std::size_t q = 0; q < k; ++q) prod *= std::max(0.0, u[q] - r[q]);
      return std::vector<double>{prod, sum(u)};
    });
    EXPECT_EQ(c.utilities, *want);
  } else {
    // Red lines hard on every issue that is not blocked; on a blocked issue (every value is
    // someone's red line) one of the values crossing the fewest, least sourced red lines.
    IndexedVector<IssueIndex, std::vector<Setting>> offered(s.issues.size());
    for (const IssueIndex i : s.issues.indices()) offered[i] = testing::brute_offered(s, parties, i);
    auto allowed = [&](const Package& x) {
      for (const IssueIndex i : s.issues.indices()) {
        if (offered[i].empty()) {
          for (const PartyIndex p : parties)
            if (s.preferences[p].issues[i].crosses_red_line(s.issues[i], *x[i])) return false;
        } else if (std::find(offered[i].begin(), offered[i].end(), *x[i]) == offered[i].end()) {
          return false;
        }
      }
      return true;
    };
    std::vector<bool> ok_pkg(b.u.size());
    for (std::size_t j = 0; j < b.u.size(); ++j) {
      ok_pkg[j] = allowed(b.x[j]);
      if (ok_pkg[j]) cand.push_back(b.u[j]);
    }
    // The least largest shortfall S*; then, among packages within S*, the fewest changes to
    // the draft; then the highest Nash product over d = r - S*.
    ASSERT_FALSE(cand.empty());
    double worst = std::numeric_limits<double>::infinity();
    for (const auto& u : cand) {
      double w = 0.0;
      for (std::size_t q = 0; q < k; ++q) w = std::max(w, r[q] - u[q]);
      worst = std::min(worst, w);
    }
    std::size_t fewest = s.issues.size() + 1;
    std::vector<std::size_t> within;
    for (std::size_t j = 0; j < b.u.size(); ++j) {
      bool ok = ok_pkg[j];
      for (std::size_t q = 0; q < k; ++q) ok = ok && b.u[j][q] >= r[q] - worst - kUtilityEps;
      if (!ok) continue;
      within.push_back(j);
      fewest = std::min(fewest, changes(s, draft, b.x[j]));
    }
    std::vector<std::vector<double>> best;
    for (std::size_t j : within)
      if (changes(s, draft, b.x[j]) == fewest) best.push_back(b.u[j]);
    const auto want = testing::brute_choose(best, [&](const std::vector<double>& u) {
      double prod = 1;
      for (std::size_t q = 0; q < k; ++q) prod *= std::max(0.0, u[q] - (r[q] - worst));
      return std::vector<double>{prod, sum(u)};
    });
    ASSERT_TRUE(want.has_value());
    EXPECT_EQ(c.utilities, *want);
    EXPECT_EQ(changes(s, draft, c.package), fewest);
    // Never a number for a party whose red line the package crosses.
    for (std::size_t q = 0; q < k; ++q) {
      if (!red_lines_crossed(s, parties[q], c.package).empty()) {
        EXPECT_FALSE(c.shortfall[q].has_value()) << "party " << q;
      } else {
        ASSERT_TRUE(c.shortfall[q].has_value()) << "party " << q;
        EXPECT_EQ(*c.shortfall[q], std::max(0.0, r[q] - c.utilities[q]));
      }
    }
  }
  // Changes list exactly the issues that differ from the draft.
  for (const Change& ch : c.changes) {
    const IssueIndex i = ch.issue;
    EXPECT_TRUE(!draft[i] || !same(s.issues[i], *draft[i], ch.to));
    ASSERT_EQ(ch.delta.size(), k);
  }
}

TEST(BargainClosest, MatchesBruteForceWithZone) {
  for (std::uint32_t seed = 500; seed <= 540; ++seed) {
    RandomSpec spec;
    spec.parties = 2 + seed % 4;
    spec.issues = 4;
    spec.max_reservation = 0.5;
    check(seed, spec);
  }
}

TEST(BargainClosest, MatchesBruteForceWithoutZone) {
  for (std::uint32_t seed = 600; seed <= 640; ++seed) {
    RandomSpec spec;
    spec.parties = 2 + seed % 4;
    spec.issues = 4;
    spec.max_reservation = 1.0;
    spec.red_line_rate = 0.3;
    check(seed, spec);
  }
}

TEST(BargainClosest, NonAdditive) {
  for (std::uint32_t seed = 700; seed <= 720; ++seed) {
    RandomSpec spec;
    spec.parties = 2 + seed % 3;
    spec.rectangle_rate = 0.8;
    check(seed, spec);
  }
}

}  // namespace
}  // namespace accord::bargain
