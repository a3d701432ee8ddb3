// `accord bargain` and `accord import genius` through the CLI binary.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>

namespace {

using ::testing::HasSubstr;

struct CliRun {
  int code;
  std::string out;
};

CliRun run(const std::string& args) {
  const std::string cmd = std::string(ACCORD_CLI_PATH) + " " + args + " 2>&1";
  FILE* pipe = popen(cmd.c_str(), "r");
  std::string out;
  std::array<char, 4096> buf{};
  while (const std::size_t n = fread(buf.data(), 1, buf.size(), pipe)) out.append(buf.data(), n);
  const int status = pclose(pipe);
  return {WEXITSTATUS(status), out};
}

std::string write_temp(const std::string& name, const std::string& text) {
  const auto path = std::filesystem::temp_directory_path() / name;
  std::ofstream(path) << text;
  return path.string();
}

// The hand case of hand_test.cpp, in the scenario format.
const char* kScenario = R"(format: 1
id: hand
title: Two by two
parties:
  - {id: P1, name: One, role: party}
  - {id: P2, name: Two, role: party}
issues:
  - {id: A, title: A, options: [{id: a0, label: a0}, {id: a1, label: a1}]}
  - {id: B, title: B, options: [{id: b0, label: b0}, {id: b1, label: b1}]}
preferences:
  P1:
    reservation: 0.3
    issues:
      A: {weight: 0.6, values: {a0: 1, a1: 0}}
      B: {weight: 0.4, values: {b0: 1, b1: 0}}
  P2:
    reservation: 0.3
    issues:
      A: {weight: 0.5, values: {a0: 0, a1: 1}}
      B: {weight: 0.5, values: {b0: 0, b1: 1}}
)";

TEST(BargainCli, JsonShape) {
  const std::string file = write_temp("accord_bargain_hand.yaml", kScenario);
  const CliRun r = run("bargain " + file + " --set A=a1 --set B=b1 --json");
  ASSERT_EQ(r.code, 0) << r.out;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["parties"], nlohmann::json::array({"P1", "P2"}));
  EXPECT_EQ(j["zone"]["exists"], true);
  EXPECT_EQ(j["zone"]["count"], 2);
  EXPECT_EQ(j["pareto"]["size"], 3);
  EXPECT_EQ(j["pareto"]["points"].size(), 3u);
  EXPECT_EQ(j["solutions"]["nash"]["package"]["A"], "a0");
  EXPECT_EQ(j["solutions"]["nash"]["package"]["B"], "b1");
  for (const char* k : {"kalai_smorodinsky", "egalitarian", "utilitarian"})
    EXPECT_TRUE(j["solutions"][k].is_object()) << k;
  EXPECT_EQ(j["closest"]["changed_issues"], 1);
  EXPECT_EQ(j["closest"]["changes"][0]["issue"], "A");
  EXPECT_EQ(j["closest"]["changes"][0]["from"], "a1");
  EXPECT_EQ(j["closest"]["changes"][0]["to"], "a0");
}

TEST(BargainCli, EmptyZoneSaysSoPlainly) {
  std::string text = kScenario;
  for (std::size_t at; (at = text.find("reservation: 0.3")) != std::string::npos;)
    text.replace(at, 16, "reservation: 0.8");
  const std::string file = write_temp("accord_bargain_empty.yaml", text);
  const CliRun r = run("bargain " + file + " --set A=a1");
  ASSERT_EQ(r.code, 0) << r.out;
  EXPECT_THAT(r.out, HasSubstr("NO ZONE OF AGREEMENT"));
  EXPECT_THAT(r.out, HasSubstr("Shortfall: P1 0.200, P2 0.300"));
  const CliRun j = run("bargain " + file + " --json");
  const auto json = nlohmann::json::parse(j.out);
  EXPECT_EQ(json["zone"]["exists"], false);
  EXPECT_TRUE(json["solutions"]["nash"].is_null());
}

// Geneva v20: territory_recognition and foreign_troops are blocked; the closest package crosses
// UA's red lines there, so UA gets "red line crossed", never a number; EU did not bargain.
TEST(BargainCli, CrossedRedLineIsNeverANumericShortfall) {
  const CliRun r = run("bargain geneva-2025 --version v20");
  ASSERT_EQ(r.code, 0) << r.out;
  EXPECT_THAT(r.out, HasSubstr("NO DEAL UNLESS ONE OF THESE RED LINES MOVES"));
  EXPECT_THAT(r.out, HasSubstr("Shortfall: UA red line crossed, RU 0.000, US 0.000."));
  EXPECT_THAT(r.out, HasSubstr("Not bargaining, with preferences: EU (stakeholder)."));
  EXPECT_THAT(r.out, HasSubstr("Closest package for EU (did not bargain)"));
  const auto j = nlohmann::json::parse(run("bargain geneva-2025 --version v20 --json").out);
  EXPECT_TRUE(j["closest"]["shortfall"]["UA"].is_null());
  EXPECT_EQ(j["closest"]["shortfall"]["RU"], 0.0);
  EXPECT_EQ(j["closest"]["red_lines_crossed"]["UA"].size(), 2u);
  EXPECT_EQ(j["blocked"].size(), 2u);
  EXPECT_EQ(j["blocked"][0]["red_lines"]["UA"]["options"], nlohmann::json::array({"R_DEJURE", "R_DEFACTO28"}));
  EXPECT_TRUE(j["blocked"][0]["red_lines"]["UA"]["estimate"].get<bool>());
  ASSERT_TRUE(j["closest"]["stakeholders"].contains("EU"));
  bool frozen = false;
  for (const auto& c : j["closest"]["stakeholders"]["EU"]["red_lines_crossed"]) frozen |= c["issue"] == "frozen_assets";
  EXPECT_TRUE(frozen);
}

TEST(BargainCli, PartiesAllBargainsEveryPartyWithPreferences) {
  const auto j = nlohmann::json::parse(run("bargain geneva-2025 --parties all --json").out);
  EXPECT_EQ(j["parties"], nlohmann::json::array({"UA", "RU", "US", "EU"}));
  EXPECT_TRUE(j["stakeholders"].empty());
  const CliRun r = run("bargain geneva-2025 --parties all");
  EXPECT_THAT(r.out, HasSubstr("Every party with preferences bargained."));
}

TEST(BargainCli, UnknownPartyIsAnInputError) {
  const std::string file = write_temp("accord_bargain_hand2.yaml", kScenario);
  const CliRun r = run("bargain " + file + " --parties P1,XX");
  EXPECT_EQ(r.code, 2);
  EXPECT_THAT(r.out, HasSubstr("unknown party `XX`"));
}

TEST(BargainCli, GeniusImportAndDirectAnalysisAgree) {
  const std::string dir = std::string(ACCORD_SHARED_DATA_DIR) + "/genius-anac/y2011/Laptop/";
  if (!std::filesystem::exists(dir)) GTEST_SKIP() << dir << " not found";
  const std::string files = dir + "laptop_domain.xml " + dir + "laptop_buyer_utility.xml " + dir +
                            "laptop_seller_utility.xml";
  const auto out = (std::filesystem::temp_directory_path() / "accord_laptop.yaml").string();
  const CliRun imp = run("import genius " + files + " -q -o " + out);
  ASSERT_EQ(imp.code, 0) << imp.out;
  const CliRun a = run("bargain " + out + " --json");
  const CliRun b = run("bargain --genius " + files + " --json");
  ASSERT_EQ(a.code, 0) << a.out;
  ASSERT_EQ(b.code, 0) << b.out;
  auto ja = nlohmann::json::parse(a.out), jb = nlohmann::json::parse(b.out);
  EXPECT_EQ(jb["parties"], nlohmann::json::array({"laptop_buyer_utility", "laptop_seller_utility"}));
  EXPECT_EQ(ja["solutions"], jb["solutions"]);
  EXPECT_EQ(ja["pareto"], jb["pareto"]);
}

TEST(BargainCli, GeniusImportReportsBadFiles) {
  const std::string file = write_temp("accord_bad_domain.xml", "<negotiation_template>");
  const CliRun r = run("import genius " + file + " " + file);
  EXPECT_EQ(r.code, 2);
  EXPECT_THAT(r.out, HasSubstr("malformed XML"));
}

}  // namespace
