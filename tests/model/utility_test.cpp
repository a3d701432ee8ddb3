// Hand-computed utilities, red lines and acceptability (DESIGN.md semantics).
#include <gtest/gtest.h>

#include "accord/io/scenario_io.hpp"
#include "accord/model/utility.hpp"

namespace accord {
namespace {

Scenario load(const std::string& text) {
  auto r = io::load_scenario_text(text, "inline.yaml");
  if (!r.ok()) {
    for (const auto& d : r.outcome.diagnostics) ADD_FAILURE() << d.to_string();
    return {};
  }
  return *r.scenario;
}

const char* kTwoIssues = R"(format: 1
id: t
title: t
parties: [{id: A}, {id: B}]
issues:
  - {id: x, options: [x0, x1, x2]}
  - {id: cap, range: {min: 0, max: 100, step: 25}}
preferences:
  A:
    reservation: 0.5
    issues:
      x: {weight: 0.6, values: {x0: 0, x1: 0.5, x2: 1}, red_lines: [x0]}
      cap: {weight: 0.4, curve: [[0, 0], [50, 0.8], [100, 1]], red_lines: [{max: 10}]}
  B:
    reservation: 0.3
    issues:
      x: {weight: 0.5, values: {x0: 1, x1: 0.6}}
      cap: {weight: 0.5, curve: [[20, 1], [80, 0]]}
)";

Package pkg(const Scenario& s, int x_option, std::optional<double> cap) {
  Package p(s.issues.size());
  if (x_option >= 0) p[IssueIndex(0)] = Setting{OptionIndex(x_option), 0.0};
  if (cap) p[IssueIndex(1)] = Setting{OptionIndex(), *cap};
  return p;
}

TEST(Utility, AdditiveWithPiecewiseLinearCurve) {
  const Scenario s = load(kTwoIssues);
  const PartyIndex a(0), b(1);
  // A: 0.6*0.5 + 0.4*(0.8*25/50) = 0.3 + 0.16
  EXPECT_NEAR(utility(s, a, pkg(s, 1, 25.0)), 0.46, 1e-12);
  // A: 0.6*1 + 0.4*(0.8 + 0.2*25/50) = 0.6 + 0.36
  EXPECT_NEAR(utility(s, a, pkg(s, 2, 75.0)), 0.96, 1e-12);
  // B: the curve is flat beyond its ends: cap 0 -> 1, cap 100 -> 0; x2 has no value -> 0.
  EXPECT_NEAR(utility(s, b, pkg(s, 2, 0.0)), 0.5, 1e-12);
  EXPECT_NEAR(utility(s, b, pkg(s, 0, 100.0)), 0.5, 1e-12);
  // B at cap 50: halfway between (20,1) and (80,0).
  EXPECT_NEAR(utility(s, b, pkg(s, 1, 50.0)), 0.5 * 0.6 + 0.5 * 0.5, 1e-12);
}

TEST(Utility, RedLinesAndAcceptability) {
  const Scenario s = load(kTwoIssues);
  const PartyIndex a(0);
  EXPECT_EQ(red_lines_crossed(s, a, pkg(s, 0, 100.0)), std::vector<IssueIndex>{IssueIndex(0)});
  EXPECT_EQ(red_lines_crossed(s, a, pkg(s, 2, 10.0)), std::vector<IssueIndex>{IssueIndex(1)});
  EXPECT_TRUE(red_lines_crossed(s, a, pkg(s, 2, 25.0)).empty());
  // Red line crossed although U = 0.4 * 1 = 0.4 < 0.5 anyway; x0 is a red line.
  EXPECT_FALSE(acceptable(s, a, pkg(s, 0, 100.0)));
  // U = 0.46 < 0.5: no red line but below reservation.
  EXPECT_FALSE(acceptable(s, a, pkg(s, 1, 25.0)));
  // U = 0.3 + 0.4*0.8 = 0.62 >= 0.5.
  EXPECT_TRUE(acceptable(s, a, pkg(s, 1, 50.0)));
}

TEST(Utility, ExactlyAtReservationIsAcceptable) {
  // 0.1 + 0.2 is not exactly 0.3 in binary; the tolerance keeps the verdict "acceptable".
  const Scenario s = load(R"(format: 1
id: t
title: t
parties: [{id: A}]
issues: [{id: x, options: [a]}, {id: y, options: [b]}]
preferences:
  A:
    reservation: 0.3
    issues: {x: {weight: 0.1, values: {a: 1}}, y: {weight: 0.2, values: {b: 1}}}
)");
  Package p(2);
  p[IssueIndex(0)] = Setting{OptionIndex(0), 0};
  p[IssueIndex(1)] = Setting{OptionIndex(0), 0};
  EXPECT_TRUE(acceptable(s, PartyIndex(0), p));
}

TEST(Utility, BoundsOverOpenIssues) {
  const Scenario s = load(kTwoIssues);
  const auto b = utility_bounds(s, PartyIndex(0), pkg(s, 1, std::nullopt));
  EXPECT_NEAR(b.min, 0.3 + 0.0, 1e-12);
  EXPECT_NEAR(b.max, 0.3 + 0.4, 1e-12);
}

TEST(Issue, NumericGrid) {
  Issue i;
  i.kind = IssueKind::numeric;
  i.range = {0, 100, 25, ""};
  EXPECT_EQ(i.value_count(), 5u);
  EXPECT_DOUBLE_EQ(i.grid_value(4), 100);
  i.range = {0, 100, 30, ""};  // 0, 30, 60, 90 and the end 100
  EXPECT_EQ(i.value_count(), 5u);
  EXPECT_DOUBLE_EQ(i.grid_value(3), 90);
  EXPECT_DOUBLE_EQ(i.grid_value(4), 100);
}

TEST(Diagnostic, ClosestMatch) {
  EXPECT_EQ(closest_match("D_FREEZ", {"D_RU_FULL", "D_FREEZE", "D_FEZ"}), "D_FREEZE");
  EXPECT_EQ(closest_match("completely_different", {"D_FREEZE"}), "");
}

}  // namespace
}  // namespace accord
