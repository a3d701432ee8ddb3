// The report summary's bargaining sentence (report::bargain_summary, docs/bargain.md "Summary
// sentence") on the built-in scenario: true by the definitions, never a shortfall for a party
// whose red line the closest package crosses.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "accord/engines/bargain.hpp"
#include "accord/io/builtin.hpp"
#include "accord/report/bargain.hpp"

namespace accord::report {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

Scenario geneva() {
  io::LoadResult r = io::load_scenario("geneva-2025");
  EXPECT_TRUE(r.scenario.has_value());
  return std::move(*r.scenario);
}

TEST(BargainSummary, GenevaNamesTheBlockingRedLinesAndWhoseTheClosestPackageCrosses) {
  const Scenario s = geneva();
  bargain::Params p;
  p.draft_version = s.find_version("v20");
  p.draft = s.version_package(p.draft_version);
  const bargain::Result r = bargain::run(s, p);
  const std::string z = bargain_summary(s, r, "v20");
  EXPECT_THAT(z, HasSubstr("No package is acceptable to all of UA, RU and US (EU, with preferences, did not bargain)."));
  EXPECT_THAT(z, HasSubstr("no deal unless one of these red lines moves: UA R_DEJURE, R_DEFACTO28 and RU "
                           "R_LINE_ONLY, R_DEFER on territory_recognition"));
  EXPECT_THAT(z, HasSubstr("(all 4 estimates)"));
  EXPECT_THAT(z, HasSubstr("crosses UA's red lines on territory_recognition (R_DEJURE) and foreign_troops (T_NONE)"));
  EXPECT_THAT(z, HasSubstr("RU and US reach their reservations"));
  EXPECT_THAT(z, Not(HasSubstr("UA reach")));
  EXPECT_THAT(z, HasSubstr("EU's red lines on"));
  EXPECT_THAT(z, HasSubstr("frozen_assets (F_28)"));
}

TEST(BargainSummary, ZoneAmongTwoPartiesNamesTheOthersAndWhatTheNashPackageMeansForThem) {
  const Scenario s = geneva();
  bargain::Params p;
  p.parties = {s.find_party("UA"), s.find_party("US")};
  const bargain::Result r = bargain::run(s, p);
  const std::string z = bargain_summary(s, r, "v20");
  EXPECT_THAT(z, HasSubstr("A zone of agreement exists among UA and US (RU and EU, with preferences, did not bargain)."));
  EXPECT_THAT(z, HasSubstr("The Nash package crosses RU's red lines on"));
  EXPECT_THAT(z, HasSubstr("leaves RU below its reservation"));
}

}  // namespace
}  // namespace accord::report
