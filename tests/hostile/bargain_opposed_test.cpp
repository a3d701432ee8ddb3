// Hostile input for `accord bargain` (issue 10 item 20): opposed camps of five parties. Each
// run has a small --max-seconds; the test measures the child's wall time and peak RSS and
// checks that the JSON is exact or says how far it got.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>

#include "accord/io/scenario_io.hpp"
#include "engines/bargain/opposed_scenario.hpp"
#include "hostile/bargain_util.hpp"

namespace accord {
namespace {

using test::bargain_hostile::ChildRun;
using test::bargain_hostile::run_accord;
using test::bargain_hostile::temp_dir;

using test::bargain_hostile::expect_exact_or_partial;
using test::bargain_hostile::kRssCeilingKb;
using test::bargain_hostile::kWallCeiling;

TEST(HostileBargain, OpposedCampsFiveByThirtyByTenIsBounded) {
  const std::string dir = temp_dir("bargain-opposed");
  const std::string file = dir + "/opposed.yaml";
  std::ofstream(file) << io::write_scenario(testing::opposed_camps(5, 30, 10, 1), io::TextFormat::yaml);
  const ChildRun r = run_accord({"bargain", file, "--json", "--max-seconds", "2"}, dir);
  EXPECT_LT(r.seconds, kWallCeiling);
  EXPECT_LT(r.peak_rss_kb, kRssCeilingKb);
  expect_exact_or_partial(r);
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_NE(j["finding"], "no_zone");  // a zone exists; a slow (sanitizer) run may not decide
  if (j["finding"] == "zone_exists" && j["solutions"]["exact"].get<bool>()) {
    EXPECT_TRUE(j["solutions"]["nash"].is_object());
  }
  std::filesystem::remove_all(dir);
}

TEST(HostileBargain, OpposedCampsFiveByTwentyByFiveSolutionsAreExact) {
  const std::string dir = temp_dir("bargain-opposed5");
  const std::string file = dir + "/opposed.yaml";
  std::ofstream(file) << io::write_scenario(testing::opposed_camps(5, 20, 5, 1), io::TextFormat::yaml);
  // Without the count and frontier budgets the solutions take well under a second.
  const ChildRun r = run_accord({"bargain", file, "--json", "--max-seconds", "20", "--max-frontier", "1000"}, dir);
  EXPECT_LT(r.seconds, kWallCeiling);
  EXPECT_LT(r.peak_rss_kb, kRssCeilingKb);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_TRUE(j["solutions"]["exact"].get<bool>()) << j["termination"].dump();
  std::filesystem::remove_all(dir);
}

// Numeric issues on the finest grid the validator allows (10^6 values each) with opposed
// curves: every value is on its issue's frontier. Reducing the values was quadratic (10^12
// comparisons) and a merge step could ask for 10^12 candidates.
TEST(HostileBargain, FineNumericGridsAreBounded) {
  const std::string dir = temp_dir("bargain-grid");
  Scenario s;
  s.id = "grid";
  s.title = "grid";
  for (const char* p : {"A", "B"}) s.parties.push_back(Party{p, p, Role::party, 1.0, {}, {}});
  for (int i = 0; i < 3; ++i) {
    Issue issue;
    issue.id = "n" + std::to_string(i);
    issue.title = issue.id;
    issue.kind = IssueKind::numeric;
    issue.range = Range{0.0, 1e6, 1.0, "u"};
    s.issues.push_back(issue);
  }
  for (int p = 0; p < 2; ++p) {
    Preferences prefs;
    prefs.present = true;
    prefs.reservation = 0.4;
    for (int i = 0; i < 3; ++i) {
      IssuePreference ip;
      ip.present = true;
      ip.weight = 1.0 / 3;
      ip.curve = p == 0 ? std::vector<std::pair<double, double>>{{0.0, 0.0}, {1e6, 1.0}}
                        : std::vector<std::pair<double, double>>{{0.0, 1.0}, {1e6, 0.0}};
      prefs.issues.push_back(ip);
    }
    s.preferences.push_back(prefs);
  }
  const std::string file = dir + "/grid.yaml";
  std::ofstream(file) << io::write_scenario(s, io::TextFormat::yaml);
  const ChildRun r = run_accord({"bargain", file, "--json", "--max-seconds", "3"}, dir);
  EXPECT_LT(r.seconds, kWallCeiling);
  EXPECT_LT(r.peak_rss_kb, kRssCeilingKb);
  expect_exact_or_partial(r);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace accord
