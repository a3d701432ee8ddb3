// Issue 10 item 15 (forecast half): `forecast` of a 1,000-party scenario took 43 s (more with
// other preferences). Now a budget stops SMP between (or inside) turns with the forecast of
// the last completed turn, marked partial; Monte Carlo stops between runs; problems beyond
// the actor limit are refused at once.
#include <nlohmann/json.hpp>

#include "hostile/forecast_util.hpp"

namespace accord::hostile::engines {
namespace {

class HostileForecast : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    path_ = new std::string(temp_path("s1000.yaml"));
    write_file(*path_, scenario_yaml(1000, 5, 1));
  }
  static void TearDownTestSuite() {
    std::remove(path_->c_str());
    delete path_;
  }
  static std::string* path_;
};
std::string* HostileForecast::path_ = nullptr;

TEST_F(HostileForecast, AThousandPartiesEndWithinTheBudgetMarkedPartial) {
  const Child c = run_accord({"forecast", *path_, "--json", "--max-seconds", "2"});
  ASSERT_EQ(c.exit_code, 0) << c.err;
  const auto j = nlohmann::json::parse(c.out);
  EXPECT_EQ(j["actors"].size(), 1000u);
  const std::string stop = j["termination"]["stop"];
  EXPECT_TRUE(stop == "time_limit" || stop == "finished") << stop;
  if (stop == "time_limit") {
    EXPECT_NE(c.err.find("the result is partial"), std::string::npos) << c.err;
  }
  EXPECT_EQ(j["forecast"].size(), 5u);
  EXPECT_LT(c.seconds, kMaxWallSeconds);
  EXPECT_LT(c.peak_rss_kb, kMaxRssKb);
}

TEST_F(HostileForecast, MonteCarloStopsBetweenRunsAndCountsThem) {
  const Child c = run_accord({"forecast", *path_, "--json", "--runs", "200", "--max-seconds", "2"});
  ASSERT_EQ(c.exit_code, 0) << c.err;
  const auto j = nlohmann::json::parse(c.out);
  EXPECT_EQ(j["monte_carlo"]["runs"], 200);
  EXPECT_LT(j["monte_carlo"]["completed"].get<int>(), 200);
  EXPECT_EQ(j["monte_carlo"]["termination"]["stop"], "time_limit");
  EXPECT_LT(c.seconds, kMaxWallSeconds);
  EXPECT_LT(c.peak_rss_kb, kMaxRssKb);
}

TEST_F(HostileForecast, MoreActorsThanTheLimitAreRefusedAtOnce) {
  const Child c = run_accord({"forecast", *path_, "--max-actors", "500"});
  EXPECT_EQ(c.exit_code, 2);
  EXPECT_NE(c.err.find("the smp model handles at most 500 actors; found 1000"), std::string::npos) << c.err;
  EXPECT_LT(c.seconds, kMaxWallSeconds);
}

}  // namespace
}  // namespace accord::hostile::engines
