// `accord gmcr` as a user runs it: the default scenario, -o, --include, --explain and their
// errors (docs/gmcr.md "accord gmcr").
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "test_util.hpp"

namespace accord {
namespace {

using test::run_cli;

TEST(CliGmcr, WithoutASourceItAnalysesTheBuiltInScenario) {
  const auto r = run_cli("gmcr");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("Options: 1.ua_accept"), std::string::npos) << r.out.substr(0, 300);
  EXPECT_EQ(r.out, run_cli("gmcr geneva-2025").out);
}

TEST(CliGmcr, OutputFileHoldsWhatStdoutWouldShow) {
  const std::string path = std::string(::testing::TempDir()) + "accord_gmcr_cli_o.json";
  const auto r = run_cli("gmcr --json -o " + path);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(r.out.empty());
  std::stringstream file;
  file << std::ifstream(path).rdbuf();
  std::remove(path.c_str());
  EXPECT_EQ(file.str(), run_cli("gmcr --json").out);
}

TEST(CliGmcr, IncludeChoosesTheListedParts) {
  const auto r = run_cli("gmcr --json --include equilibria");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["schema"], 1);
  EXPECT_TRUE(j["equilibria"]["nash"].contains("listed"));
  EXPECT_FALSE(j["states"].contains("listed"));
  EXPECT_EQ(j["states"]["count"], 80);
  EXPECT_FALSE(j["stability"]["UA"]["nash"].contains("listed"));
  EXPECT_FALSE(j["status_quo"]["paths"].contains("listed"));
  EXPECT_FALSE(j.contains("omitted"));  // asked for, not cut by size
}

TEST(CliGmcr, BadIncludeWordsAndMisuseAreNamed) {
  const auto bad = run_cli("gmcr --json --include equilibria,path");
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("--include: unknown part `path`"), std::string::npos) << bad.err;
  const auto text = run_cli("gmcr --include states");
  EXPECT_EQ(text.exit_code, 2);
  EXPECT_NE(text.err.find("--include applies to --json"), std::string::npos) << text.err;
}

TEST(CliGmcr, ExplainAnInfeasibleStateIsInvalidInput) {
  const auto r = run_cli("gmcr --explain YYYYYYY");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("state YYYYYYY is not a feasible state"), std::string::npos) << r.err;
}

TEST(CliGmcr, ExplainJsonHasOneEntryPerDecisionMakerAndConcept) {
  const auto r = run_cli("gmcr --explain NYNNNNN --concepts nash,gmr --json --include none");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["explanation"]["state"], "NYNNNNN");
  ASSERT_EQ(j["explanation"]["decision_makers"].size(), 8u);  // 4 decision makers x 2 concepts
  EXPECT_EQ(j["explanation"]["decision_makers"][1]["concept"], "gmr");
}

}  // namespace
}  // namespace accord
