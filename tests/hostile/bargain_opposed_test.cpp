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
  EXPECT_LT(r.max_rss_kb, kRssCeilingKb);
  expect_exact_or_partial(r);
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_NE(j["finding"], "no_zone");  // a zone exists; a slow (sanitizer) run may not decide
  if (j["finding"] == "zone_exists" && j["solutions"]["exact"].get<bool>())
    EXPECT_TRUE(j["solutions"]["nash"].is_object());
  std::filesystem::remove_all(dir);
}

TEST(HostileBargain, OpposedCampsFiveByTwentyByFiveSolutionsAreExact) {
  const std::string dir = temp_dir("bargain-opposed5");
  const std::string file = dir + "/opposed.yaml";
  std::ofstream(file) << io::write_scenario(testing::opposed_camps(5, 20, 5, 1), io::TextFormat::yaml);
  // Without the count and frontier budgets the solutions take well under a second.
  const ChildRun r = run_accord({"bargain", file, "--json", "--max-seconds", "20", "--max-frontier", "1000"}, dir);
  EXPECT_LT(r.seconds, kWallCeiling);
  EXPECT_LT(r.max_rss_kb, kRssCeilingKb);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_TRUE(j["solutions"]["exact"].get<bool>()) << j["termination"].dump();
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace accord
