// `accord negotiate` as a user runs it: a scenario version's open issues, GENIUS files and
// folders, the JSON shape of the issue, the trace, bad input exits 2.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "test_util.hpp"

namespace accord {
namespace {

using test::run_cli;

std::string anac() { return std::string(ACCORD_SHARED_DATA_DIR) + "/genius-anac"; }

TEST(CliNegotiate, GenevaVersionOpenIssuesJsonShape) {
  const auto r = run_cli("negotiate geneva-2025 --version v20 --parties UA,RU --agents linear,hardliner --rounds 50 --json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["schema"], 1);
  EXPECT_EQ(j["parties"], nlohmann::json::array({"UA", "RU"}));
  EXPECT_EQ(j["agents"], nlohmann::json::array({"linear", "hardliner"}));
  EXPECT_EQ(j["version"], "v20");
  EXPECT_EQ(j["rounds"], 50);
  EXPECT_TRUE(j["agreement"].is_null() || j["agreement"]["package"].is_object());
  EXPECT_TRUE(j["actions"].is_number_integer());
  EXPECT_TRUE(j["round"].is_number_integer());
  EXPECT_EQ(j["utilities"].size(), 2u);
  // v20 settles some issues; the others are negotiated; together they are every issue.
  EXPECT_FALSE(j["fixed"].empty());
  EXPECT_FALSE(j["issues"].empty());
  EXPECT_FALSE(j.contains("trace"));
  if (j["agreement"].is_null()) {
    EXPECT_EQ(j["actions"], 100);
    EXPECT_EQ(j["utilities"], j["reservations"]);
  }
}

TEST(CliNegotiate, TraceListsEveryAction) {
  const auto r = run_cli("negotiate geneva-2025 --version v20 --parties UA,RU --agents conceder,conceder --rounds 6 --trace --json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  ASSERT_EQ(j["trace"].size(), j["actions"].get<std::size_t>());
  EXPECT_EQ(j["trace"][0]["kind"], "offer");
  EXPECT_EQ(j["trace"][0]["party"], "UA");
  EXPECT_EQ(j["trace"][1]["party"], "RU");
  EXPECT_EQ(j["trace"][1]["round"], 0);
  EXPECT_EQ(j["trace"][2]["t"], 0.2);  // round 1 of R = 6: 1 / 5
  const auto text = run_cli("negotiate geneva-2025 --version v20 --parties UA,RU --agents conceder,conceder --rounds 6 --trace");
  EXPECT_NE(text.out.find("Trace:"), std::string::npos) << text.out;
  EXPECT_NE(text.out.find("simulation"), std::string::npos);
}

TEST(CliNegotiate, GeniusFilesAndFolderGiveTheSameRun) {
  if (!std::filesystem::exists(anac())) GTEST_SKIP() << anac() << " not found";
  const std::string dir = anac() + "/y2010/ItexvsCypress";
  const auto files = run_cli("negotiate --genius " + dir + "/ItexvsCypress_domain.xml " + dir + "/ItexvsCypress_Cypress.xml " +
                             dir + "/ItexvsCypress_Itex.xml --agents boulware,conceder --rounds 100 --json");
  const auto folder = run_cli("negotiate --genius " + dir + " --agents boulware,conceder --rounds 100 --json");
  ASSERT_EQ(files.exit_code, 0) << files.err;
  ASSERT_EQ(folder.exit_code, 0) << folder.err;
  EXPECT_EQ(files.out, folder.out);  // the folder's profiles in file-name order: Cypress, Itex
  const auto j = nlohmann::json::parse(folder.out);
  EXPECT_EQ(j["parties"], nlohmann::json::array({"ItexvsCypress_Cypress", "ItexvsCypress_Itex"}));
  ASSERT_TRUE(j["agreement"].is_object());
  const auto price = j["agreement"]["package"]["Price"].get<std::string>();
  EXPECT_EQ(price[0], '$') << "options as the domain file writes them";
}

TEST(CliNegotiate, FiveParties) {
  if (!std::filesystem::exists(anac())) GTEST_SKIP() << anac() << " not found";
  const auto r = run_cli("negotiate --genius " + anac() + "/y2015/group9-killer_robot --agents boulware,conceder,linear,micro,tft --rounds 200 --json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["parties"].size(), 5u);
  EXPECT_EQ(j["packages"], 240000);
}

TEST(CliNegotiate, BadInputExitsTwo) {
  auto r = run_cli("negotiate geneva-2025 --parties UA,RU --agents linear --rounds 10");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("give one per party"), std::string::npos) << r.err;
  r = run_cli("negotiate geneva-2025 --parties UA,RU --agents linear,nosuch --rounds 10");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("unknown agent `nosuch`"), std::string::npos) << r.err;
  r = run_cli("negotiate geneva-2025 --parties UA,RU --agents linear,linear");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("--rounds is required"), std::string::npos) << r.err;
  r = run_cli("negotiate geneva-2025 --version v99 --parties UA,RU --agents linear,linear --rounds 5");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("unknown version `v99`"), std::string::npos) << r.err;
  r = run_cli("negotiate --genius /nonexistent-folder-xyz --agents linear,linear --rounds 5");
  EXPECT_EQ(r.exit_code, 2);
}

TEST(CliNegotiate, ListAgentsAndHelpExamples) {
  const auto r = run_cli("negotiate --list-agents");
  ASSERT_EQ(r.exit_code, 0);
  for (const char* a : {"hardliner", "boulware", "linear", "conceder", "timedep", "micro", "tft", "freq", "random"})
    EXPECT_NE(r.out.find(std::string("  ") + a + ":"), std::string::npos) << a;
  const auto h = run_cli("negotiate --help");
  EXPECT_NE(h.out.find("--agents"), std::string::npos);
  EXPECT_NE(h.out.find("docs/negotiation.md"), std::string::npos);
}

}  // namespace
}  // namespace accord
