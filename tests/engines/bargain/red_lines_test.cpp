// Red lines in bargaining (docs/bargain.md "Blocked issues", "Stakeholders"): blocked issues
// and the values offered on them, shortfalls never stated for a party whose red line is
// crossed, and what every chosen package means for parties that did not bargain — against
// brute force on small random scenarios.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>

#include "accord/engines/bargain.hpp"
#include "engines/bargain/random_scenario.hpp"

namespace accord::bargain {
namespace {

using testing::RandomSpec;

Scenario scenario(std::uint32_t seed, const RandomSpec& spec) {
  Scenario s = testing::random_scenario(seed, spec);
  testing::random_provenance(s, seed * 7 + 1);
  return s;
}

Package random_draft(const Scenario& s, std::uint32_t seed) {
  std::mt19937 rng(seed);
  Package d(s.issues.size());
  for (const IssueIndex i : s.issues.indices())
    if (rng() % 3 != 0) d[i] = grid_setting(s.issues[i], rng() % s.issues[i].value_count());
  return d;
}

RandomSpec blocking_spec(std::uint32_t seed) {
  RandomSpec spec;
  spec.parties = 2 + seed % 3;
  spec.issues = 4;
  spec.max_options = 3;
  spec.red_line_rate = 0.45;  // many blocked issues
  spec.max_reservation = 0.9;
  return spec;
}

// Every blocked issue, its fewest crossings and its offered values, as brute force sees them.
TEST(BargainRedLines, BlockedIssuesAndOfferedValuesMatchBruteForce) {
  std::size_t blocked_seen = 0, narrowed = 0;
  for (std::uint32_t seed = 1100; seed < 1160; ++seed) {
    SCOPED_TRACE("seed " + std::to_string(seed));
    const Scenario s = scenario(seed, blocking_spec(seed));
    const auto parties = default_bargaining_parties(s);
    const Result r = run(s);
    ASSERT_TRUE(r.outcome.ok());
    std::vector<IssueIndex> want;
    for (const IssueIndex i : s.issues.indices())
      if (!testing::brute_offered(s, parties, i).empty()) want.emplace_back(i);
    ASSERT_EQ(r.blocked_issues, want);
    ASSERT_EQ(r.blocked.size(), want.size());
    if (!want.empty()) {
      EXPECT_EQ(r.finding, Finding::no_zone);
    }
    for (const BlockedIssue& b : r.blocked) {
      ++blocked_seen;
      const IssueIndex i = b.issue;
      const Issue& issue = s.issues[i];
      const std::vector<Setting> offered = testing::brute_offered(s, parties, i);
      std::vector<Setting> got;
      for (const auto& o : b.offered) got.push_back(o.setting);
      EXPECT_EQ(got, offered);
      if (offered.size() < issue.value_count()) ++narrowed;
      // fewest: the least number of crossings over the whole grid.
      std::size_t fewest = parties.size() + 1;
      for (std::size_t g = 0; g < issue.value_count(); ++g) {
        std::size_t n = 0;
        for (const PartyIndex p : parties) n += s.preferences[p].issues[i].crosses_red_line(issue, grid_setting(issue, g));
        fewest = std::min(fewest, n);
      }
      EXPECT_EQ(b.fewest, fewest);
      for (const auto& o : b.offered) {
        ASSERT_EQ(o.crosses.size(), fewest);
        for (const RedLineCrossing& c : o.crosses) {
          EXPECT_TRUE(s.preferences[c.party].issues[i].crosses_red_line(issue, o.setting));
          EXPECT_EQ(c.provenance, s.preferences[c.party].issues[i].provenance);
        }
      }
      // Every bargaining party with a red line there is listed, with its red line.
      std::size_t with = 0;
      for (const PartyIndex p : parties) {
        const IssuePreference& ip = s.preferences[p].issues[i];
        if (ip.red_line_options.empty() && ip.red_line_ranges.empty()) continue;
        ASSERT_LT(with, b.red_lines.size());
        EXPECT_EQ(b.red_lines[with].party, p);
        EXPECT_EQ(b.red_lines[with].options, ip.red_line_options);
        ++with;
      }
      EXPECT_EQ(with, b.red_lines.size());
    }
  }
  // The seeds exercise the rule: blocked issues, some of them narrowed by crossings or sourcing.
  EXPECT_GT(blocked_seen, 20u);
  EXPECT_GT(narrowed, 5u);
}

// A red line's provenance: the field provenance "red_lines" when given, else the issue
// preference's; strength orders estimates before unsourced before sourced.
TEST(BargainRedLines, ProvenanceOfARedLine) {
  Scenario s = testing::random_scenario(3, RandomSpec{});
  const PartyIndex p(std::size_t{0});
  const IssueIndex i(std::size_t{0});
  IssuePreference& ip = s.preferences[p].issues[i];
  ip.provenance = Provenance{{"https://a"}, false, ""};
  EXPECT_EQ(red_line_provenance(s, p, i).sources, std::vector<std::string>{"https://a"});
  EXPECT_EQ(red_line_strength(red_line_provenance(s, p, i)), 2);
  ip.field_provenance["red_lines"] = Provenance{{}, true, ""};
  EXPECT_TRUE(red_line_provenance(s, p, i).estimate);
  EXPECT_EQ(red_line_strength(red_line_provenance(s, p, i)), 0);
  EXPECT_EQ(red_line_strength(Provenance{}), 1);
}

// The closest package never states a shortfall for a party whose red line it crosses, and
// crosses bargaining parties' red lines only on blocked issues, with offered values.
TEST(BargainRedLines, NoNumericShortfallForACrossedRedLine) {
  std::size_t crossed_seen = 0;
  for (std::uint32_t seed = 1200; seed < 1260; ++seed) {
    SCOPED_TRACE("seed " + std::to_string(seed));
    const Scenario s = scenario(seed, blocking_spec(seed));
    const auto parties = default_bargaining_parties(s);
    Params params;
    params.draft = random_draft(s, seed);
    const Result r = run(s, params);
    ASSERT_TRUE(r.closest.has_value());
    const Closest& c = *r.closest;
    ASSERT_FALSE(c.package.empty());
    ASSERT_EQ(c.shortfall.size(), parties.size());
    std::vector<RedLineCrossing> want;
    for (std::size_t q = 0; q < parties.size(); ++q) {
      const std::vector<IssueIndex> crossed = red_lines_crossed(s, parties[q], c.package);
      EXPECT_EQ(c.shortfall[q].has_value(), crossed.empty()) << "party " << q;
      for (const IssueIndex i : crossed) {
        ++crossed_seen;
        EXPECT_TRUE(std::find(r.blocked_issues.begin(), r.blocked_issues.end(), i) != r.blocked_issues.end());
        const auto offered = testing::brute_offered(s, parties, i);
        EXPECT_TRUE(std::find(offered.begin(), offered.end(), *c.package[i]) != offered.end());
      }
    }
    ASSERT_EQ(c.red_lines_crossed.size(), [&] {
      std::size_t n = 0;
      for (const PartyIndex p : parties) n += red_lines_crossed(s, p, c.package).size();
      return n;
    }());
  }
  EXPECT_GT(crossed_seen, 10u);
}

void expect_effects(const Scenario& s, const std::vector<PartyIndex>& stakeholders, const Package& x,
                    const std::vector<StakeholderEffect>& got) {
  ASSERT_EQ(got.size(), stakeholders.size());
  for (std::size_t j = 0; j < got.size(); ++j) {
    const PartyIndex p = stakeholders[j];
    EXPECT_EQ(got[j].party, p);
    EXPECT_EQ(got[j].utility, utility(s, p, x));
    EXPECT_EQ(got[j].reservation, s.preferences[p].reservation);
    EXPECT_EQ(got[j].reaches_reservation, utility(s, p, x) >= s.preferences[p].reservation - kUtilityEps);
    std::vector<IssueIndex> issues;
    for (const RedLineCrossing& c : got[j].red_lines) {
      EXPECT_EQ(c.party, p);
      EXPECT_EQ(c.setting, *x[c.issue]);
      issues.push_back(c.issue);
    }
    EXPECT_EQ(issues, red_lines_crossed(s, p, x));
  }
}

// Every party with preferences outside the bargaining parties is a stakeholder, and every
// chosen package (the four solutions, the closest) says what it means for each.
TEST(BargainRedLines, StakeholderEffectsOfEveryChosenPackage) {
  std::size_t crossings = 0, solutions = 0;
  for (std::uint32_t seed = 1300; seed < 1340; ++seed) {
    SCOPED_TRACE("seed " + std::to_string(seed));
    RandomSpec spec;
    spec.parties = 2 + seed % 3;
    spec.issues = 4;
    spec.red_line_rate = 0.25;
    spec.max_reservation = 0.4;
    const Scenario s = scenario(seed, spec);
    Params params;
    params.draft = random_draft(s, seed);
    // Bargain without the first party too, so that a role party is a stakeholder as well.
    for (const bool without_first : {false, true}) {
      std::vector<PartyIndex> parties = default_bargaining_parties(s);
      if (without_first) parties.erase(parties.begin());
      params.parties = parties;
      const Result r = run(s, params);
      ASSERT_TRUE(r.outcome.ok());
      std::vector<PartyIndex> want;
      for (const PartyIndex p : parties_with_preferences(s))
        if (std::find(parties.begin(), parties.end(), p) == parties.end()) want.push_back(p);
      ASSERT_EQ(r.stakeholders, want);
      ASSERT_EQ(r.stakeholder_reservations.size(), want.size());
      for (const auto* sol : {&r.solutions.nash, &r.solutions.kalai_smorodinsky, &r.solutions.egalitarian,
                              &r.solutions.utilitarian}) {
        if (!*sol) continue;
        ++solutions;
        expect_effects(s, want, (*sol)->package, (*sol)->stakeholders);
        for (const auto& e : (*sol)->stakeholders) crossings += e.red_lines.size();
      }
      ASSERT_TRUE(r.closest.has_value());
      expect_effects(s, want, r.closest->package, r.closest->stakeholders);
      for (const auto& e : r.closest->stakeholders) crossings += e.red_lines.size();
    }
  }
  EXPECT_GT(solutions, 20u);
  EXPECT_GT(crossings, 10u);
}

// `--parties all`: every party with preferences bargains; nobody is left a stakeholder.
TEST(BargainRedLines, AllPartiesLeaveNoStakeholder) {
  const Scenario s = testing::random_scenario(1400, RandomSpec{});
  Params params;
  params.parties = parties_with_preferences(s);
  EXPECT_EQ(params.parties.size(), s.parties.size());  // the random stakeholder has preferences
  const Result r = run(s, params);
  ASSERT_TRUE(r.outcome.ok());
  EXPECT_TRUE(r.stakeholders.empty());
  EXPECT_EQ(run(s).stakeholders, std::vector<PartyIndex>{PartyIndex(s.parties.size() - 1)});
}

}  // namespace
}  // namespace accord::bargain
