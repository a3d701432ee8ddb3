// Runs the `accord` binary as a user would: exit codes, stderr diagnostics, JSON shapes,
// and the main job on the built-in scenario.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <sstream>

#include "test_util.hpp"

namespace accord {
namespace {

using test::run_cli;

TEST(Cli, HelpListsCommandsAndExamples) {
  const auto r = run_cli("--help");
  EXPECT_EQ(r.exit_code, 0);
  for (const char* cmd : {"report", "evaluate", "diff", "validate", "convert", "scenarios"})
    EXPECT_NE(r.out.find(cmd), std::string::npos) << cmd;
  EXPECT_NE(r.out.find("Exit codes"), std::string::npos);
}

TEST(Cli, VersionFlag) {
  const auto r = run_cli("--version");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out.rfind("accord ", 0), 0u) << r.out;
}

TEST(Cli, UnknownCommandIsInvalidInput) {
  const auto r = run_cli("frobnicate");
  EXPECT_EQ(r.exit_code, 2);
}

TEST(Cli, ScenariosListsGeneva) {
  const auto r = run_cli("scenarios --json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["schema"], 1);
  bool found = false;
  for (const auto& e : j["scenarios"]) found = found || e["name"] == "geneva-2025";
  EXPECT_TRUE(found) << r.out;
}

TEST(Cli, ReportOnGenevaIsTheMainJob) {
  const auto r = run_cli("report");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  for (const char* part : {"Accord report", "Summary", "Latest text v20", "Parties", "How the text evolved",
                           "v28 → v19", "v19 → v20", "Stances on v20", "Readiness of v20",
                           "Bargaining: zone of agreement", "NO ZONE OF AGREEMENT",
                           "Stability of outcomes", "Status quo NYNNNNN", "Forecast (SMP, KTAB defaults)",
                           "UA", "RU", "US", "EU"})
    EXPECT_NE(r.out.find(part), std::string::npos) << part;
  // Readable at 100 columns; a source note "[n] URL" keeps its address whole.
  std::istringstream lines(r.out);
  std::string line;
  std::size_t longest = 0;
  const std::regex url_note(R"(\[\d+\] \S+)");
  while (std::getline(lines, line)) {
    if (std::regex_match(line, url_note)) continue;
    std::size_t w = 0;
    for (unsigned char c : line) w += (c & 0xC0) != 0x80;
    if (w > longest) longest = w;
    EXPECT_LE(w, 100u) << line;
  }
}

TEST(Cli, ReportJsonAndMarkdown) {
  const auto j = run_cli("report geneva-2025 --json");
  ASSERT_EQ(j.exit_code, 0) << j.err;
  const auto doc = nlohmann::json::parse(j.out);
  EXPECT_EQ(doc["scenario"]["id"], "geneva-2025");
  EXPECT_EQ(doc["versions"].size(), 3u);
  EXPECT_EQ(doc["versions"][0]["points"], 28);
  EXPECT_EQ(doc["versions"][1]["points"], 19);
  EXPECT_EQ(doc["versions"][2]["points"], 20);
  EXPECT_EQ(doc["evaluations"].size(), 3u);
  EXPECT_EQ(doc["bargain"]["zone"]["exists"], false);
  EXPECT_TRUE(doc["gmcr"]["equilibria"].contains("nash"));
  EXPECT_TRUE(doc["forecast"].is_object());
  const auto md = run_cli("report --markdown");
  ASSERT_EQ(md.exit_code, 0);
  EXPECT_NE(md.out.find("# Accord report"), std::string::npos);
  EXPECT_NE(md.out.find("|---"), std::string::npos);
}

TEST(Cli, EvaluateJsonShape) {
  const auto r = run_cli("evaluate geneva-2025 --version v20 --json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["version"], "v20");
  for (const char* key : {"package", "open_issues", "parties", "points", "readiness"})
    EXPECT_TRUE(j.contains(key)) << key;
  EXPECT_EQ(j["points"].size(), 20u);
  for (const auto& p : j["parties"]) {
    EXPECT_TRUE(p.contains("utility"));
    EXPECT_TRUE(p.contains("verdict"));
    EXPECT_TRUE(p.contains("red_lines_crossed"));
  }
}

TEST(Cli, EvaluateWithSetOverridesTheVersion) {
  const auto base = nlohmann::json::parse(run_cli("evaluate geneva-2025 --version v28 --json").out);
  const auto r = run_cli("evaluate geneva-2025 --version v28 --set territory_donbas=D_FREEZE --json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["version"], nullptr);  // a modified package is not the version any more
  EXPECT_EQ(j["package"]["territory_donbas"], "D_FREEZE");
  bool changed = false;
  for (std::size_t k = 0; k < j["parties"].size(); ++k)
    changed = changed || j["parties"][k]["utility"]["min"] != base["parties"][k]["utility"]["min"];
  EXPECT_TRUE(changed);
}

TEST(Cli, EvaluateBadArgumentsExit2) {
  auto r = run_cli("evaluate geneva-2025 --version v99");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("unknown version `v99`"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("(versions: v28, v19, v20)"), std::string::npos) << r.err;
  r = run_cli("evaluate geneva-2025 --set territory_donbas=D_FREEZ");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("unknown option `D_FREEZ`"), std::string::npos) << r.err;
  r = run_cli("evaluate no-such-scenario");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("no-such-scenario: error: cannot open"), std::string::npos) << r.err;
}

TEST(Cli, DiffCountsGeneva) {
  const auto r = run_cli("diff geneva-2025 v28 v20 --json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["from"]["points"], 28);
  EXPECT_EQ(j["to"]["points"], 20);
  // Every point of both versions is accounted for (a point may be both merged and part of a split).
  std::set<std::string> olds, news;
  for (const auto& e : j["entries"]) {
    for (const auto& p : e["from"]) olds.insert(p.get<std::string>());
    for (const auto& p : e["to"]) news.insert(p.get<std::string>());
  }
  EXPECT_EQ(olds.size(), 28u);
  EXPECT_EQ(news.size(), 20u);
}

TEST(Cli, ValidateEveryBadFileExits2WithPosition) {
  std::ifstream in(test::source_path("tests/data/bad/expected.tsv"));
  std::string row;
  int checked = 0;
  while (std::getline(in, row)) {
    if (row.empty() || row[0] == '#') continue;
    const std::string file = row.substr(0, row.find('\t'));
    const auto r = run_cli("validate '" + test::source_path("tests/data/bad/" + file) + "'");
    EXPECT_EQ(r.exit_code, 2) << file;
    EXPECT_NE(r.err.find(file), std::string::npos) << file << ": " << r.err;
    EXPECT_NE(r.err.find("error:"), std::string::npos) << file;
    ++checked;
  }
  EXPECT_GT(checked, 30);
}

TEST(Cli, ValidateBuiltinsAndConvertRoundTrip) {
  auto r = run_cli("validate " + test::source_path("scenarios/geneva-2025.yaml"));
  EXPECT_EQ(r.exit_code, 0) << r.err;
  const std::string json = std::string(::testing::TempDir()) + "geneva_cli_" + std::to_string(getpid()) + ".json";
  const std::string yaml = std::string(::testing::TempDir()) + "geneva_cli_" + std::to_string(getpid()) + ".yaml";
  r = run_cli("convert geneva-2025 --to json -o " + json);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  r = run_cli("convert " + json + " --to yaml -o " + yaml);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto a = run_cli("convert geneva-2025 --to json");
  const auto b = run_cli("convert " + yaml + " --to json");
  EXPECT_EQ(a.out, b.out);
  std::remove(json.c_str());
  std::remove(yaml.c_str());
}

}  // namespace
}  // namespace accord
