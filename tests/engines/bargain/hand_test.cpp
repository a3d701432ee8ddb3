// Small cases computed by hand (numbers in the comments).
#include <gtest/gtest.h>

#include "accord/engines/bargain.hpp"
#include "accord/model/utility.hpp"

namespace accord::bargain {
namespace {

// Two parties, two yes/no issues, opposed:
//   P1: A 0.6·{1,0}, B 0.4·{1,0};  P2: A 0.5·{0,1}, B 0.5·{0,1};  r = (0.3, 0.3).
//   (a0,b0) = (1.0, 0.0)  (a0,b1) = (0.6, 0.5)  (a1,b0) = (0.4, 0.5)  (a1,b1) = (0.0, 1.0)
Scenario two_by_two(double r1 = 0.3, double r2 = 0.3) {
  Scenario s;
  s.id = "hand";
  s.parties = {Party{"P1", "", Role::party, 1, {}, {}}, Party{"P2", "", Role::party, 1, {}, {}},
               Party{"OBS", "", Role::stakeholder, 1, {}, {}}};
  for (const char* id : {"A", "B"}) {
    Issue is;
    is.id = id;
    is.options = {Option{std::string(1, id[0] + 32) + "0", "", {}, {}, {}},
                  Option{std::string(1, id[0] + 32) + "1", "", {}, {}, {}}};
    s.issues.push_back(is);
  }
  auto prefs = [](double r, double wa, double wb, bool first) {
    Preferences p;
    p.present = true;
    p.reservation = r;
    IssuePreference a, b;
    a.present = b.present = true;
    a.weight = wa;
    b.weight = wb;
    a.option_values = {first ? 1.0 : 0.0, first ? 0.0 : 1.0};
    b.option_values = a.option_values;
    p.issues = {a, b};
    return p;
  };
  s.preferences = {prefs(r1, 0.6, 0.4, true), prefs(r2, 0.5, 0.5, false), prefs(0, 0.5, 0.5, true)};
  return s;
}

Package pkg(std::size_t a, std::size_t b) {
  return {Setting{OptionIndex(a), 0}, Setting{OptionIndex(b), 0}};
}

TEST(BargainHand, DefaultPartiesExcludeStakeholders) {
  const auto p = default_bargaining_parties(two_by_two());
  ASSERT_EQ(p.size(), 2u);
  EXPECT_EQ(p[1].get(), 1u);
}

TEST(BargainHand, ZoneFrontierAndSolutions) {
  const Result r = run(two_by_two());
  ASSERT_EQ(r.outcome.status, Status::ok);
  EXPECT_EQ(r.finding, Finding::zone_exists);
  EXPECT_EQ(r.space.decimal, "4");
  EXPECT_EQ(r.zone.decimal, "2");  // (a0,b1) and (a1,b0)
  ASSERT_EQ(r.pareto.points.size(), 3u);  // (a1,b0) is dominated by (a0,b1)
  EXPECT_DOUBLE_EQ(r.pareto.points[0].utilities[0], 1.0);
  ASSERT_EQ(r.zone_pareto.points.size(), 1u);
  EXPECT_EQ(r.zone_pareto.points[0].package, pkg(0, 1));
  EXPECT_DOUBLE_EQ(r.solutions.ideal[0], 0.6);
  EXPECT_DOUBLE_EQ(r.solutions.ideal[1], 0.5);
  for (const auto* sol : {&r.solutions.nash, &r.solutions.kalai_smorodinsky, &r.solutions.egalitarian,
                          &r.solutions.utilitarian}) {
    ASSERT_TRUE(sol->has_value());
    EXPECT_EQ((*sol)->package, pkg(0, 1));
  }
  EXPECT_NEAR(r.solutions.nash->objective, 0.3 * 0.2, 1e-12);
  EXPECT_NEAR(r.solutions.egalitarian->objective, 0.2, 1e-12);
  EXPECT_NEAR(r.solutions.utilitarian->objective, 1.1, 1e-12);
}

TEST(BargainHand, RedLineRemovesOptionsFromTheZone) {
  Scenario s = two_by_two();
  s.preferences[PartyIndex(0)].issues[IssueIndex(1)].red_line_options = {OptionIndex(std::size_t{0})};  // P1 rejects b0
  const Result r = run(s);
  EXPECT_EQ(r.filtered.decimal, "2");
  EXPECT_EQ(r.zone.decimal, "1");
  ASSERT_EQ(r.pareto.points.size(), 3u);  // the whole space ignores red lines
}

TEST(BargainHand, ClosestChangesOneIssueAndPrefersHigherNash) {
  Params params;
  params.draft = pkg(1, 1);  // (0.0, 1.0): P1 below reservation
  const Result r = run(two_by_two(), params);
  ASSERT_TRUE(r.closest.has_value());
  const Closest& c = *r.closest;
  EXPECT_TRUE(c.zone_exists);
  EXPECT_EQ(c.changed_issues, 1u);
  // (a0,b1): Nash 0.3·0.2 = 0.06 beats (a1,b0): 0.1·0.2 = 0.02.
  EXPECT_EQ(c.package, pkg(0, 1));
  ASSERT_EQ(c.changes.size(), 1u);
  EXPECT_EQ(c.changes[0].issue.get(), 0u);
  EXPECT_NEAR(c.changes[0].delta[0], 0.6, 1e-12);   // P1 gains
  EXPECT_NEAR(c.changes[0].delta[1], -0.5, 1e-12);  // P2 loses
}

TEST(BargainHand, ClosestIsTheDraftWhenAcceptable) {
  Params params;
  params.draft = pkg(1, 0);
  const Result r = run(two_by_two(), params);
  EXPECT_EQ(r.closest->changed_issues, 0u);
  EXPECT_EQ(r.closest->package, pkg(1, 0));
}

TEST(BargainHand, EmptyZoneReportsShortfalls) {
  Params params;
  params.draft = pkg(1, 1);
  const Result r = run(two_by_two(0.8, 0.8), params);
  EXPECT_EQ(r.finding, Finding::no_zone);
  EXPECT_EQ(r.zone.decimal, "0");
  EXPECT_FALSE(r.solutions.nash.has_value());
  EXPECT_FALSE(r.solutions.utilitarian.has_value());
  ASSERT_TRUE(r.closest.has_value());
  EXPECT_FALSE(r.closest->zone_exists);
  EXPECT_EQ(r.closest->package, pkg(0, 1));  // max min(U - r) = min(-0.2, -0.3)
  EXPECT_NEAR(r.closest->shortfall[0].value_or(-1), 0.2, 1e-12);
  EXPECT_NEAR(r.closest->shortfall[1].value_or(-1), 0.3, 1e-12);
}

TEST(BargainHand, ConflictingRedLinesBlockAnIssue) {
  Scenario s = two_by_two();
  s.preferences[PartyIndex(0)].issues[IssueIndex(0)].red_line_options = {OptionIndex(std::size_t{1})};
  s.preferences[PartyIndex(1)].issues[IssueIndex(0)].red_line_options = {OptionIndex(std::size_t{0})};
  const Result r = run(s);
  EXPECT_EQ(r.finding, Finding::no_zone);
  ASSERT_EQ(r.blocked_issues.size(), 1u);
  EXPECT_EQ(r.blocked_issues[0].get(), 0u);
}

TEST(BargainHand, ErrorsAreValues) {
  Scenario s = two_by_two();
  for (auto& p : s.preferences) p.present = false;
  const Result r = run(s);
  EXPECT_EQ(r.outcome.status, Status::invalid_input);
  EXPECT_NE(r.outcome.message().find("no bargaining parties"), std::string::npos);
}

TEST(BargainHand, ConcessionsAgainstEachPartysIdeal) {
  const auto c = concessions(two_by_two(), {PartyIndex(0), PartyIndex(1)}, pkg(0, 1));
  ASSERT_EQ(c.size(), 2u);
  EXPECT_NEAR(c[0].ideal - c[0].utility, 0.4, 1e-12);  // P1 gives up B
  EXPECT_NEAR(c[0].issues[1].given_up, 0.4, 1e-12);
  EXPECT_NEAR(c[1].issues[0].given_up, 0.5, 1e-12);    // P2 gives up A
}

TEST(BargainHand, NumericIssueUsesItsGrid) {
  Scenario s = two_by_two();
  Issue n;
  n.id = "N";
  n.kind = IssueKind::numeric;
  n.range = Range{0, 10, 4, ""};  // 0, 4, 8, 10
  s.issues.push_back(n);
  for (auto& p : s.preferences) {
    IssuePreference ip;
    ip.present = true;
    ip.weight = 0.0;
    ip.curve = {{0, 0}, {10, 1}};
    p.issues.push_back(ip);
  }
  const Result r = run(s);
  EXPECT_EQ(r.space.decimal, "16");
  EXPECT_EQ(r.zone.decimal, "8");  // weight 0: every grid value counts
}

TEST(BargainHand, ParallelAndSequentialAgree) {
  Params seq;
  seq.parallel = false;
  const Result a = run(two_by_two()), b = run(two_by_two(), seq);
  EXPECT_EQ(a.zone.decimal, b.zone.decimal);
  EXPECT_EQ(a.pareto.points.size(), b.pareto.points.size());
}

}  // namespace
}  // namespace accord::bargain
