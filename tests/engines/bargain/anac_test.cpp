// The bargaining engine on the ANAC domains (GENIUS scoring, via the importer), against
// brute-force enumeration with accord::utility. Skips when ../shared/data/genius-anac is absent.
#include <gtest/gtest.h>

#include <filesystem>

#include "accord/engines/bargain.hpp"
#include "accord/io/genius.hpp"
#include "engines/bargain/random_scenario.hpp"
#include "io/genius/anac_cases.hpp"

namespace accord::bargain {
namespace {

std::string root() { return std::string(ACCORD_SHARED_DATA_DIR) + "/genius-anac"; }

std::vector<std::vector<double>> utilities_of(const Frontier& f) {
  std::vector<std::vector<double>> out;
  for (const Point& p : f.points) out.push_back(p.utilities);
  return out;
}

class AnacDomain : public ::testing::TestWithParam<std::string> {};

TEST_P(AnacDomain, MatchesBruteForce) {
  if (!std::filesystem::exists(root())) GTEST_SKIP() << root() << " not found";
  const auto cases = testing::anac_cases();
  const auto c = *std::find_if(cases.begin(), cases.end(), [](const auto& x) { return x.folder == GetParam(); });
  const io::GeniusImport imp = io::import_genius(c.domain(root()), c.profiles(root()));
  ASSERT_TRUE(imp.ok());
  const Scenario& s = *imp.scenario;
  const Result r = run(s);
  ASSERT_EQ(r.outcome.status, Status::ok);
  ASSERT_EQ(r.parties.size(), c.profile_files.size());  // profile order
  for (std::size_t q = 0; q < r.parties.size(); ++q) EXPECT_EQ(r.parties[q].get(), q);

  const testing::Brute b = testing::brute(s, r.parties);
  const std::size_t zone = std::count(b.zone.begin(), b.zone.end(), true);
  EXPECT_EQ(r.zone.decimal, std::to_string(zone));
  EXPECT_EQ(r.finding, zone > 0 ? Finding::zone_exists : Finding::no_zone);
  EXPECT_EQ(utilities_of(r.pareto), testing::brute_frontier(b, std::vector<bool>(b.u.size(), true)));
  EXPECT_EQ(utilities_of(r.zone_pareto), testing::brute_frontier(b, b.zone));
  if (zone == 0) {
    EXPECT_FALSE(r.solutions.nash.has_value());
    return;
  }
  // Nash against brute force (the other three are covered by the random differential tests).
  std::vector<std::vector<double>> cand;
  for (std::size_t j = 0; j < b.u.size(); ++j)
    if (b.zone[j]) cand.push_back(b.u[j]);
  const auto want = testing::brute_choose(cand, [&](const std::vector<double>& u) {
    double prod = 1, sum = 0;
    for (std::size_t q = 0; q < u.size(); ++q) {
      prod *= std::max(0.0, u[q] - r.reservations[q]);
      sum += u[q];
    }
    return std::vector<double>{prod, sum};
  });
  ASSERT_TRUE(r.solutions.nash.has_value());
  EXPECT_EQ(r.solutions.nash->utilities, *want);
}

INSTANTIATE_TEST_SUITE_P(Anac, AnacDomain,
                         ::testing::Values("y2011/Laptop", "y2010/ItexvsCypress", "y2010/EnglandZimbabwe",
                                           "y2012/ItexvsCypressA", "y2011/Grocery", "y2013/Lunch",
                                           "y2016/Atlas3", "y2015/group2-politics",
                                           "y2015/group9-killer_robot"),
                         [](const ::testing::TestParamInfo<std::string>& param_info) {
                           std::string n = param_info.param;
                           for (char& ch : n)
                             if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
                           return n;
                         });

TEST(AnacDomain, LunchHasNoZoneAndSaysHowFarApart) {
  if (!std::filesystem::exists(root())) GTEST_SKIP() << root() << " not found";
  const std::string dir = root() + "/y2013/Lunch/";
  const io::GeniusImport imp = io::import_genius(dir + "Lunch.xml", {dir + "Lunch_util1.xml", dir + "Lunch_util2.xml"});
  ASSERT_TRUE(imp.ok());
  Params params;
  params.draft = Package(imp.scenario->issues.size());  // an empty draft
  const Result r = run(*imp.scenario, params);
  EXPECT_EQ(r.finding, Finding::no_zone);
  ASSERT_TRUE(r.closest.has_value());
  EXPECT_FALSE(r.closest->zone_exists);
  double worst = 0;
  for (const auto& x : r.closest->shortfall) worst = std::max(worst, x.value_or(0.0));
  EXPECT_TRUE(r.closest->red_lines_crossed.empty());  // no blocked issue: every shortfall is a number
  for (const auto& x : r.closest->shortfall) EXPECT_TRUE(x.has_value());
  EXPECT_GT(worst, 0.0);
}

TEST(AnacDomain, NonlinearTenIssuesIsTooLargeToSearchButCounted) {
  if (!std::filesystem::exists(root())) GTEST_SKIP() << root() << " not found";
  const std::string dir = root() + "/y2014/10issues/";
  const io::GeniusImport imp =
      io::import_genius(dir + "10issues-domain.xml", {dir + "profile-1.xml", dir + "profile-2.xml"});
  ASSERT_TRUE(imp.ok());
  const Result r = run(*imp.scenario);
  EXPECT_FALSE(r.additive);
  EXPECT_EQ(r.space.decimal, "10000000000");
  EXPECT_EQ(r.zone.decimal, "10000000000");  // reservation 0: every package
  EXPECT_FALSE(r.pareto.computed);           // 10^10 > the enumeration limit
  EXPECT_EQ(r.solutions.method, "skipped");
}

}  // namespace
}  // namespace accord::bargain
