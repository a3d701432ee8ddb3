// The report's ceasefire answer (docs/gmcr.md "In the report") and the inverse JSON shape.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "accord/io/builtin.hpp"
#include "accord/report/analysis.hpp"
#include "accord/report/gmcr_inverse.hpp"

namespace accord::report {
namespace {

TEST(CeasefireReport, GenevaNamesTheStatesTheSmallestChangeAndWhyNoneIsReachable) {
  const io::LoadResult l = io::load_scenario("geneva-2025");
  ASSERT_TRUE(l.ok());
  const Scenario& s = *l.scenario;
  ScenarioAnalysis a;
  a.stability = gmcr::run(s);
  a.ceasefire = ceasefire_analysis(s, Deadline::never());
  ASSERT_TRUE(a.ceasefire);
  EXPECT_EQ(a.ceasefire->states.size(), 16u);
  const std::vector<std::string> lines = ceasefire_lines(s, a);
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_NE(lines[0].find("model output on estimated preferences"), std::string::npos);
  EXPECT_NE(lines[0].find("UA 2 of 6"), std::string::npos);
  EXPECT_NE(lines[0].find("YNYYYYN"), std::string::npos);
  EXPECT_NE(lines[1].find("If UA no longer weighs `!ua_accept` (an estimate), YNYYYYN would be Nash-stable"),
            std::string::npos);
  EXPECT_NE(lines[2].find("however many"), std::string::npos);
  const Json j = ceasefire_json(s, a);
  EXPECT_EQ(j["stable"]["schema"], kGmcrInverseSchema);
  EXPECT_EQ(j["stable"]["min_changes"], 1);
  EXPECT_EQ(j["stable"]["solutions"]["listed"][0]["changes"][0]["kind"], "drop");
  EXPECT_EQ(j["stable"]["solutions"]["listed"][0]["changes"][0]["estimate"], true);
  EXPECT_EQ(j["reachable_moves"]["status_quo_locked"], true);
  EXPECT_TRUE(j["reachable_moves"]["min_changes"].is_null());
}

TEST(CeasefireReport, NoAnswerWithoutTheCeasefireOptions) {
  const io::LoadResult l = io::load_scenario("example-small");
  ASSERT_TRUE(l.ok());
  EXPECT_FALSE(ceasefire_analysis(*l.scenario, Deadline::never()));
}

}  // namespace
}  // namespace accord::report
