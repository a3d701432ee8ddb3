// Building a forecast problem from a scenario (options on 0..100, best positions, weights,
// `forecast:` overrides).
#include <gtest/gtest.h>

#include "accord/engines/forecast.hpp"

namespace accord::forecast {
namespace {

Scenario two_party_scenario() {
  Scenario s;
  s.id = "toy";
  s.parties = {{"A", "Alpha", Role::party, 60, {}, {}}, {"B", "Beta", Role::party, 40, {}, {}},
               {"M", "Mediator", Role::mediator, 50, {}, {}}};
  Issue border;
  border.id = "border";
  border.kind = IssueKind::discrete;
  border.options = {{"OLD", "", std::nullopt, {}, {}}, {"NOW", "", std::nullopt, {}, {}},
                    {"NEW", "", 90.0, {}, {}}};
  Issue troops;
  troops.id = "troops";
  troops.kind = IssueKind::numeric;
  troops.range = {0, 100, 10, "k"};
  s.issues = {border, troops};
  s.preferences.resize(3);
  auto& a = s.preferences[PartyIndex(0)];
  a.present = true;
  a.issues.resize(2);
  a.issues[IssueIndex(0)] = {true, 0.5, {1.0, 0.5, 0.0}, {}, {}, {}, {}, {}};
  a.issues[IssueIndex(1)] = {true, 0.3, {}, {{0, 0}, {60, 0.8}, {100, 1}}, {}, {}, {}, {}};
  auto& b = s.preferences[PartyIndex(1)];
  b.present = true;
  b.issues.resize(2);
  b.issues[IssueIndex(0)] = {true, 0.6, {0.0, 0.7, 1.0}, {}, {}, {}, {}, {}};
  b.issues[IssueIndex(1)] = {true, 0.2, {}, {{0, 1}, {50, 0.5}, {100, 0}}, {}, {}, {}, {}};
  return s;
}

TEST(ForecastFromScenario, BestOptionsOnZeroToHundredAndWeightsAsSalience) {
  const Conversion c = from_scenario(two_party_scenario());
  ASSERT_EQ(c.problem.dimensions.size(), 2u);
  EXPECT_EQ(c.problem.dimensions[1].hi, 100);
  ASSERT_EQ(c.problem.actors.size(), 2u);  // the mediator has no preferences
  const ForecastActor& a = c.problem.actors[0];
  EXPECT_EQ(a.position, (std::vector<double>{0.0, 100.0}));
  EXPECT_EQ(a.salience, (std::vector<double>{0.5, 0.3}));
  const ForecastActor& b = c.problem.actors[1];
  EXPECT_EQ(b.position, (std::vector<double>{90.0, 0.0}));  // NEW has position 90
  EXPECT_EQ(b.capability, 40);
  ASSERT_FALSE(c.notes.empty());
  EXPECT_NE(c.notes.back().find("party M left out"), std::string::npos);
}

TEST(ForecastFromScenario, ForecastSectionOverridesWin) {
  Scenario s = two_party_scenario();
  ForecastSettings f;
  f.overrides.push_back({PartyIndex(0), IssueIndex(0), 25.0, 80.0, {}});
  f.overrides.push_back({PartyIndex(2), IssueIndex(1), 50.0, 40.0, {}});
  s.forecast = f;
  const Conversion c = from_scenario(s);
  ASSERT_EQ(c.problem.actors.size(), 3u);  // the mediator now cares about troops
  EXPECT_EQ(c.problem.actors[0].position[0], 25.0);
  EXPECT_DOUBLE_EQ(c.problem.actors[0].salience[0], 0.8);
  EXPECT_EQ(c.problem.actors[2].id, "M");
  EXPECT_EQ(c.problem.actors[2].position[1], 50.0);
  const Result r = run(c.problem, Params{});
  ASSERT_TRUE(r.ok()) << r.outcome.message();
  EXPECT_EQ(r.forecast.size(), 2u);
}

}  // namespace
}  // namespace accord::forecast
