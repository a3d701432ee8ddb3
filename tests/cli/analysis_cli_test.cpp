// `accord evaluate`, `accord diff` and `accord bargain` as a script uses them: the default
// scenario, -o FILE, and the schema and envelope every document starts with.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "accord/report/bargain.hpp"
#include "test_util.hpp"

namespace accord {
namespace {

using test::run_cli;

std::string temp_path(const std::string& name) {
  return (std::filesystem::path(::testing::TempDir()) / ("accord_analysis_cli_" + name)).string();
}

std::string read(const std::string& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

TEST(AnalysisCli, DiffDefaultsToTheBuiltInScenario) {
  const auto named = run_cli("diff geneva-2025 v28 v20 --json");
  const auto unnamed = run_cli("diff v28 v20 --json");
  ASSERT_EQ(named.exit_code, 0) << named.err;
  ASSERT_EQ(unnamed.exit_code, 0) << unnamed.err;
  EXPECT_EQ(named.out, unnamed.out);
  const auto j = nlohmann::json::parse(unnamed.out);
  EXPECT_EQ(j["schema"], 1);
  EXPECT_EQ(j["scenario"], "geneva-2025");
  EXPECT_EQ(j["status"], "ok");
  EXPECT_EQ(j["termination"]["stop"], "finished");
  EXPECT_EQ(j["from"]["version"], "v28");
}

TEST(AnalysisCli, DiffUnknownVersionNamesTheKnownOnes) {
  const auto r = run_cli("diff v28 v99");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("unknown version `v99`"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("v20"), std::string::npos) << r.err;
}

TEST(AnalysisCli, OutputFileHoldsWhatStdoutWouldShow) {
  for (const std::string cmd : {"evaluate --version v20 --json", "diff v19 v20 --json", "bargain --json --max-points 3",
                                "diff v19 v20 --markdown"}) {
    const std::string path = temp_path("out.txt");
    std::remove(path.c_str());
    const auto to_file = run_cli(cmd + " -o " + path);
    ASSERT_EQ(to_file.exit_code, 0) << cmd << ": " << to_file.err;
    EXPECT_TRUE(to_file.out.empty()) << cmd;
    EXPECT_EQ(read(path), run_cli(cmd).out) << cmd;
  }
}

TEST(AnalysisCli, EveryDocumentStartsWithSchemaAndEnvelope) {
  for (const std::string cmd :
       {"evaluate --json", "diff v28 v19 --json", "bargain --json --max-points 0", "validate example-small --json"}) {
    const auto r = run_cli(cmd);
    ASSERT_EQ(r.exit_code, 0) << cmd << ": " << r.err;
    const auto j = nlohmann::ordered_json::parse(r.out);
    std::vector<std::string> keys;
    for (const auto& [k, v] : j.items()) keys.push_back(k);
    ASSERT_GE(keys.size(), 5u);
    EXPECT_EQ(std::vector<std::string>(keys.begin(), keys.begin() + 5),
              (std::vector<std::string>{"schema", "scenario", "status", "diagnostics", "termination"}))
        << cmd;
    EXPECT_EQ(j["schema"], cmd.starts_with("bargain") ? report::kBargainSchema : 1) << cmd;
  }
}

TEST(AnalysisCli, BargainPairGivesTheTwoPartyFrontierAndMarkers) {
  const auto r = run_cli("bargain --version v20 --pair UA,RU --json --max-points 0");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["draft"]["version"], "v20");
  ASSERT_TRUE(j["pair"].is_object());
  EXPECT_EQ(j["pair"]["parties"], nlohmann::json::parse(R"(["UA","RU"])"));
  EXPECT_GT(j["pair"]["frontier"]["size"].get<int>(), 10);
  EXPECT_EQ(j["pair"]["frontier"]["points"].size(), j["pair"]["frontier"]["size"].get<std::size_t>());
  EXPECT_TRUE(j["pareto"]["points"].empty());  // --max-points 0 limits the n-party frontiers only
  std::vector<std::string> keys;
  for (const auto& m : j["pair"]["markers"]) keys.push_back(m["key"]);
  EXPECT_EQ(keys, (std::vector<std::string>{"closest", "draft"}));  // no zone: no fair packages
  // The draft marker is its worst completion (`utilities`) and its best (`best`), never the
  // midpoint of the draft's utility ranges (bargain schema 3).
  const auto& u = j["draft"]["utilities"][0];
  EXPECT_DOUBLE_EQ(j["pair"]["markers"][1]["utilities"][0].get<double>(), u["min"].get<double>());
  EXPECT_DOUBLE_EQ(j["pair"]["markers"][1]["best"][0].get<double>(), u["max"].get<double>());
  const auto none = run_cli("bargain --json --max-points 0");
  EXPECT_TRUE(nlohmann::json::parse(none.out)["pair"].is_null());
  const auto bad = run_cli("bargain --pair UA,XX");
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("unknown party `XX` in --pair"), std::string::npos) << bad.err;
}

}  // namespace
}  // namespace accord
