// `accord tournament` as a user runs it: byte-identical JSON with one thread or two, the
// negotiation count, one CSV row per negotiation, GENIUS folders, and bad input exits 2.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <sstream>

#include "test_util.hpp"

namespace accord {
namespace {

using test::run_cli;

const std::string kGeneva = "tournament geneva-2025 --version v20 --parties US,UA --agents random,linear,micro,boulware "
                            "--rounds 20 --repeats 6 --seed 4 ";

TEST(CliTournament, SameJsonWithOneThreadOrTwo) {
  const auto one = run_cli(kGeneva + "--threads 1 --json");
  const auto two = run_cli(kGeneva + "--threads 2 --json");
  ASSERT_EQ(one.exit_code, 0) << one.err;
  ASSERT_EQ(two.exit_code, 0) << two.err;
  EXPECT_EQ(one.out, two.out);
  const auto j = nlohmann::json::parse(one.out);
  EXPECT_EQ(j["schema"], 1);
  EXPECT_EQ(j["negotiations"], 4 * 4 * 6);
  EXPECT_EQ(j["results"].size(), 96u);
  EXPECT_EQ(j["per_agent"].size(), 4u);
  EXPECT_EQ(j["assignments"].size(), 16u);
  EXPECT_EQ(j["domains"][0]["version"], "v20");
  for (const auto& x : j["results"]) {
    EXPECT_EQ(x["utilities"].size(), 2u);
    EXPECT_EQ(x["agreement"].is_null(), x["ending"] != "agreement");
  }
  const auto summary = nlohmann::json::parse(run_cli(kGeneva + "--threads 2 --json --summary").out);
  EXPECT_FALSE(summary.contains("results"));
  EXPECT_EQ(summary["negotiations"], 96);
}

TEST(CliTournament, CsvHasOneRowPerNegotiation) {
  const std::string csv = std::string(::testing::TempDir()) + "accord_tournament_test.csv";
  const auto r = run_cli(kGeneva + "--csv " + csv);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("Per agent"), std::string::npos) << r.out;
  std::istringstream in(test::read_text(csv));
  std::string line;
  std::getline(in, line);
  EXPECT_EQ(line, "domain,assignment,repeat,seed,agent_1,agent_2,ending,agreement,actions,round,utility_1,utility_2,"
                  "welfare,nash_product,pareto_distance,nash_distance");
  std::size_t rows = 0;
  while (std::getline(in, line)) ++rows;
  EXPECT_EQ(rows, 96u);
  std::filesystem::remove(csv);
}

TEST(CliTournament, GeniusFoldersAsDomains) {
  const std::string base = std::string(ACCORD_SHARED_DATA_DIR) + "/genius-anac/y2010/";
  if (!std::filesystem::exists(base + "ItexvsCypress")) GTEST_SKIP() << "shared data absent";
  const std::string args = "tournament --domain " + base + "ItexvsCypress --agents boulware,conceder,random --rounds 50 "
                           "--repeats 3 --json --threads ";
  const auto one = run_cli(args + "1"), two = run_cli(args + "2");
  ASSERT_EQ(one.exit_code, 0) << one.err;
  EXPECT_EQ(one.out, two.out);
  const auto j = nlohmann::json::parse(one.out);
  EXPECT_EQ(j["negotiations"], 27);
  EXPECT_EQ(j["domains"][0]["name"], "ItexvsCypress");
  EXPECT_EQ(j["domains"][0]["reference"]["frontier_size"], 18);
  for (const auto& x : j["results"]) EXPECT_TRUE(x["pareto_distance"].is_number());
}

TEST(CliTournament, BadInputExits2) {
  auto r = run_cli("tournament geneva-2025 --agents linear,nosuch --rounds 10");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("nosuch"), std::string::npos) << r.err;
  r = run_cli("tournament geneva-2025 --agents linear,linear --rounds 10");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("listed twice"), std::string::npos) << r.err;
  r = run_cli("tournament geneva-2025 --agents linear --rounds 10 --repeats 0");
  EXPECT_EQ(r.exit_code, 2);
  r = run_cli("tournament geneva-2025 --agents linear");
  EXPECT_EQ(r.exit_code, 2);  // --rounds is required
}

}  // namespace
}  // namespace accord
