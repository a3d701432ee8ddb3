// `accord mediate` as a user runs it: the JSON shape, the same output for the same seed, GENIUS
// input, and bad flags exit 2 naming what is wrong.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "test_util.hpp"

namespace accord {
namespace {

using test::run_cli;

TEST(CliMediate, GenevaFromV20AsJson) {
  const auto r = run_cli("mediate geneva-2025 --voters hill --steps 300 --from v20 --seed 5 --json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["schema"], 1);
  EXPECT_EQ(j["status"], "ok");
  EXPECT_EQ(j["start"]["version"], "v20");
  EXPECT_EQ(j["steps"], 300);
  EXPECT_EQ(j["voters"].size(), j["parties"].size());
  EXPECT_EQ(j["temperature"], 0.0);
  // Hill climbers: nobody ends below where the text started.
  for (std::size_t q = 0; q < j["parties"].size(); ++q)
    EXPECT_GE(j["text"]["utilities"][q].get<double>(), j["start"]["utilities"][q].get<double>());
  for (const auto& [party, a] : j["acceptance"].items()) {
    EXPECT_TRUE(a.contains("reaches_reservation")) << party;
    EXPECT_TRUE(a["red_lines_crossed"].is_array()) << party;
  }
  EXPECT_TRUE(j["metrics"]["final"].contains("pareto_distance"));
  EXPECT_TRUE(j["metrics"]["reference"].contains("nash"));
}

TEST(CliMediate, SameSeedSameOutput) {
  const std::string args = "mediate geneva-2025 --voters anneal --steps 400 --seed 9 --json";
  const auto a = run_cli(args), b = run_cli(args);
  ASSERT_EQ(a.exit_code, 0) << a.err;
  EXPECT_EQ(a.out, b.out);
  const auto c = run_cli("mediate geneva-2025 --voters anneal --steps 400 --seed 10 --json");
  EXPECT_NE(a.out, c.out);
}

TEST(CliMediate, TextNamesTheProtocolAndTheOutcome) {
  const auto r = run_cli("mediate geneva-2025 --voters hill,anneal,hill --steps 200");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("Simulation of the mediated single-text protocol"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("RU anneal"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("from the Pareto frontier"), std::string::npos) << r.out;
}

TEST(CliMediate, GeniusInput) {
  const std::string dir = std::string(ACCORD_SHARED_DATA_DIR) + "/genius-anac/y2010/ItexvsCypress/ItexvsCypress_";
  if (!std::filesystem::exists(dir + "domain.xml")) GTEST_SKIP() << "shared data absent";
  const auto r = run_cli("mediate --genius " + dir + "domain.xml " + dir + "Itex.xml " + dir +
                         "Cypress.xml --voters anneal --steps 1000 --json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["parties"].size(), 2u);
  EXPECT_TRUE(j["metrics"]["final"]["pareto_distance"].is_number());
  // A folder: the same domain, profiles in file-name order (Cypress, Itex).
  const auto folder = run_cli("mediate --genius " + std::string(ACCORD_SHARED_DATA_DIR) +
                              "/genius-anac/y2010/ItexvsCypress --voters anneal --steps 1000 --json");
  ASSERT_EQ(folder.exit_code, 0) << folder.err;
  EXPECT_EQ(nlohmann::json::parse(folder.out)["parties"].size(), 2u);
}

TEST(CliMediate, BadInputExits2) {
  auto r = run_cli("mediate geneva-2025 --voters greedy");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("unknown voter `greedy`"), std::string::npos) << r.err;
  r = run_cli("mediate geneva-2025 --from v99");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("unknown version `v99`"), std::string::npos) << r.err;
  r = run_cli("mediate geneva-2025 --voters hill,anneal");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("one per voter (3)"), std::string::npos) << r.err;
  r = run_cli("mediate geneva-2025 --steps 0");
  EXPECT_EQ(r.exit_code, 2);
}

}  // namespace
}  // namespace accord
