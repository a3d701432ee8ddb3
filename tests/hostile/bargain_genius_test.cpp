// Hostile input for `accord bargain --genius` (issue 10 item 21): nonlinear GENIUS profiles of
// 7 issues x 10 values with 100 and 2,000 hyperrectangles each (written by the test, fixed
// seeds). Bounded time and memory, measured on the child; exact or honestly partial JSON.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <filesystem>

#include "hostile/bargain_util.hpp"

namespace accord {
namespace {

using test::bargain_hostile::ChildRun;
using test::bargain_hostile::expect_exact_or_partial;
using test::bargain_hostile::kRssCeilingKb;
using test::bargain_hostile::kWallCeiling;
using test::bargain_hostile::run_accord;
using test::bargain_hostile::temp_dir;
using test::bargain_hostile::write_genius_rectangles;

TEST(HostileBargain, GeniusHundredRectanglesIsFastAndExact) {
  const std::string dir = temp_dir("bargain-genius100");
  const auto files = write_genius_rectangles(dir, 7, 10, 2, 100, 7);
  std::vector<std::string> args{"bargain", "--json", "--max-seconds", "20", "--genius"};
  args.insert(args.end(), files.begin(), files.end());
  const ChildRun r = run_accord(args, dir);
  EXPECT_LT(r.seconds, kWallCeiling);  // 42 s before (three passes over 10^7 packages)
  EXPECT_LT(r.peak_rss_kb, kRssCeilingKb);
  expect_exact_or_partial(r);
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["space"]["count"], 10000000);
  std::filesystem::remove_all(dir);
}

TEST(HostileBargain, GeniusTwoThousandRectanglesStopsOnItsBudget) {
  const std::string dir = temp_dir("bargain-genius2000");
  const auto files = write_genius_rectangles(dir, 7, 10, 2, 2000, 8);
  std::vector<std::string> args{"bargain", "--json", "--max-seconds", "2", "--genius"};
  args.insert(args.end(), files.begin(), files.end());
  const ChildRun r = run_accord(args, dir);
  EXPECT_LT(r.seconds, kWallCeiling);
  EXPECT_LT(r.peak_rss_kb, kRssCeilingKb);
  expect_exact_or_partial(r);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace accord
