// Issue 16, the first hour: a CLI that forgives — did-you-mean for commands, flags and ids,
// numbers as written, clear errors for wrong paths and dates, progress flags, report --version,
// plural forms, no empty revisions, backdated stances.
#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "test_util.hpp"

namespace accord {
namespace {

using test::run_cli;

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// A fresh directory per test.
std::string temp_dir(const std::string& name) {
  const std::string dir = std::string(::testing::TempDir()) + "accord_forgiving_" + name + "_" + std::to_string(::getpid());
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

TEST(CliDidYouMean, MistypedCommand) {
  const auto r = run_cli("evalute");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(has(r.err, "unknown command 'evalute'; did you mean 'evaluate'?")) << r.err;
}

TEST(CliDidYouMean, MistypedSubcommandOfAGroup) {
  const auto r = run_cli("db int --db x.db");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(has(r.err, "unknown command 'db int'; did you mean 'db init'?")) << r.err;
}

TEST(CliDidYouMean, UnknownCommandWithoutACloseOneNamesHelp) {
  const auto r = run_cli("frobnicate");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(has(r.err, "unknown command 'frobnicate' (see `accord --help`)")) << r.err;
}

TEST(CliDidYouMean, MistypedFlag) {
  const auto r = run_cli("report --markdwn");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(has(r.err, "unknown option '--markdwn' for 'accord report'; did you mean '--markdown'?")) << r.err;
}

TEST(CliDidYouMean, FlagAfterAnOptionValueAndAPositional) {
  const auto r = run_cli("evaluate geneva-2025 --version v20 --jsn");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(has(r.err, "did you mean '--json'?")) << r.err;
}

TEST(CliDidYouMean, IssueAndOptionInSet) {
  auto r = run_cli("evaluate geneva-2025 --set territory_donbass=D_FEZ");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(has(r.err, "unknown issue `territory_donbass`; did you mean `territory_donbas`?")) << r.err;
  r = run_cli("evaluate geneva-2025 --set territory_donbas=D_FEX");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(has(r.err, "unknown option `D_FEX` of issue `territory_donbas`; did you mean `D_FEZ`?")) << r.err;
}

TEST(CliDidYouMean, PartyInParties) {
  const auto r = run_cli("bargain geneva-2025 --parties UA,RUS --max-seconds 5");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(has(r.err, "unknown party `RUS` in --parties; did you mean `R")) << r.err;
}

TEST(CliDidYouMean, Version) {
  for (const char* cmd : {"evaluate geneva-2025 --version V20", "bargain geneva-2025 --version V20 --max-seconds 5",
                          "report geneva-2025 --version V20", "diff geneva-2025 v28 V20"}) {
    const auto r = run_cli(cmd);
    EXPECT_EQ(r.exit_code, 2) << cmd;
    EXPECT_TRUE(has(r.err, "unknown version `V20`; did you mean `v20`? (versions: v28, v19, v20)")) << cmd << ": " << r.err;
  }
}

TEST(CliNumbers, RangeAsTheUserWroteIt) {
  const auto r = run_cli("evaluate geneva-2025 --set army_cap=5000");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(has(r.err, "expected a number in [50, 1000]")) << r.err;
  EXPECT_FALSE(has(r.err, "50.000000")) << r.err;
}

TEST(CliBenchAccuracy, WrongDataPathIsAnError) {
  for (const char* extra : {"", " --json"}) {
    const auto r = run_cli(std::string("bench accuracy --data /nonexistent/accord-data") + extra);
    EXPECT_EQ(r.exit_code, 2) << extra << r.out;
    EXPECT_TRUE(has(r.err, "DEU III data not found: no /nonexistent/accord-data/deu3/deu3.csv; pass --data DIR"))
        << r.err;
    EXPECT_TRUE(r.out.empty()) << r.out;
  }
}

TEST(CliBenchAccuracy, DefaultPathDoesNotDependOnTheWorkingDirectory) {
  const auto r = run_cli("bench accuracy --help");
  ASSERT_EQ(r.exit_code, 0);
  // The default is the shared data next to the source tree, an absolute path.
  EXPECT_TRUE(has(r.out, std::string(ACCORD_SOURCE_DIR) + "/../shared/data")) << r.out;
}

TEST(CliConflictingFlags, DiffRejectsJsonWithMarkdownLikeReport) {
  for (const char* cmd : {"diff geneva-2025 v28 v20 --json --markdown", "report --json --markdown"}) {
    const auto r = run_cli(cmd);
    EXPECT_EQ(r.exit_code, 2) << cmd;
    EXPECT_TRUE(has(r.err, "choose one of --json")) << cmd << ": " << r.err;
  }
}

TEST(CliProgress, ProgressAndQuietFlags) {
  // stderr is a file here: no progress by default, a line every 2 s with --progress.
  auto r = run_cli("forecast geneva-2025 --runs 20 --progress");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(has(r.err, "Monte Carlo: ")) << r.err;
  EXPECT_FALSE(has(r.err, "\033[K")) << "no terminal codes in a file";
  r = run_cli("forecast geneva-2025 --runs 20");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_FALSE(has(r.err, "Monte Carlo: ")) << r.err;
  r = run_cli("forecast geneva-2025 --runs 20 --quiet");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_FALSE(has(r.err, "Monte Carlo: ")) << r.err;
  EXPECT_EQ(run_cli("forecast geneva-2025 --runs 20 --quiet --progress").exit_code, 2);
}

TEST(CliReport, VersionLeavesOutTheLaterVersions) {
  const auto r = run_cli("report geneva-2025 --version v19 --json --max-seconds 30");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  ASSERT_EQ(j["evaluations"].size(), 2u) << r.out.substr(0, 400);
  EXPECT_EQ(j["evaluations"][1]["version"], "v19");
  const auto text = run_cli("report geneva-2025 --version v19 --max-seconds 30");
  ASSERT_EQ(text.exit_code, 0) << text.err;
  EXPECT_TRUE(has(text.out, "Latest text v19")) << text.out.substr(0, 2000);
  EXPECT_FALSE(has(text.out, "Stances on v20")) << text.out.substr(0, 2000);
}

TEST(CliPlurals, OneOfEachReadsAsEnglish) {
  const std::string dir = temp_dir("plural");
  const std::string path = dir + "/one.yaml";
  std::ofstream(path) << "format: 1\nid: one\ntitle: One of each\n"
                         "parties:\n  - {id: A, name: Alpha}\n"
                         "issues:\n  - {id: x, title: X, options: [P, Q]}\n"
                         "framework:\n  versions:\n    - id: d1\n      points:\n        - {id: D1, text: t, sets: {x: P}}\n";
  const auto r = run_cli("validate " + path);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(has(r.out, "(1 party, 1 issue, 1 version; ")) << r.out;
  const auto rep = run_cli("report " + path + " --max-seconds 20");
  ASSERT_EQ(rep.exit_code, 0) << rep.err;
  EXPECT_TRUE(has(rep.out, "Stances on d1 (1 point)")) << rep.out;
  EXPECT_FALSE(has(rep.out, "1 points")) << rep.out;
  std::filesystem::remove_all(dir);
}

// --- dates ---------------------------------------------------------------------------------------

TEST(CliDates, ScenarioDatesAreCheckedWithFileAndLine) {
  const std::string dir = temp_dir("dates");
  for (const char* bad : {"2026-13-45", "yesterday", "2025-02-29"}) {
    const std::string path = dir + "/bad.yaml";
    std::ofstream(path) << "format: 1\nid: d\ntitle: D\ndate: " << bad
                        << "\nparties:\n  - {id: A, name: Alpha}\nissues:\n  - {id: x, title: X, options: [P, Q]}\n";
    const auto r = run_cli("validate " + path);
    EXPECT_EQ(r.exit_code, 2) << bad;
    EXPECT_TRUE(has(r.err, path + ":4:7: error: date: `" + bad + "` is not a date")) << r.err;
    EXPECT_TRUE(has(r.err, "YYYY-MM-DD")) << r.err;
  }
  std::filesystem::remove_all(dir);
}

TEST(CliDates, VersionAndTimelineDatesToo) {
  const std::string dir = temp_dir("dates2");
  const std::string path = dir + "/bad.yaml";
  std::ofstream(path) << "format: 1\nid: d\ntitle: D\n"
                         "parties:\n  - {id: A, name: Alpha}\nissues:\n  - {id: x, title: X, options: [P, Q]}\n"
                         "framework:\n  versions:\n    - {id: d1, date: 2026-13-45, points: []}\n"
                         "timeline:\n  - {date: 2026-13-99, kind: talks, text: t}\n";
  const auto r = run_cli("validate " + path);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(has(r.err, "`2026-13-45` is not a date (month 13 is not 01-12)")) << r.err;
  EXPECT_TRUE(has(r.err, "`2026-13-99` is not a date (month 13 is not 01-12)")) << r.err;
  std::filesystem::remove_all(dir);
}

struct Db {
  std::string dir, db;
  explicit Db(const std::string& name) : dir(temp_dir(name)), db(dir + "/t.db") {
    EXPECT_EQ(run_cli("db init --db " + db).exit_code, 0);
    EXPECT_EQ(run_cli("db import " + test::source_path("scenarios/example-small.yaml") + " --db " + db).exit_code, 0);
  }
  ~Db() { std::filesystem::remove_all(dir); }
};

TEST(CliDates, EventAddRefusesABadDate) {
  Db f("event");
  for (const char* bad : {"2026-13-99", "yesterday", "2026-02-30"}) {
    const auto r = run_cli("event add --db " + f.db + " example-small --date " + bad + " --kind talks --text t");
    EXPECT_EQ(r.exit_code, 2) << bad;
    EXPECT_TRUE(has(r.err, std::string("`") + bad + "` is not a date")) << r.err;
  }
  EXPECT_EQ(run_cli("event add --db " + f.db + " example-small --date 2025-03-01 --kind talks --text t").exit_code, 0);
}

TEST(CliStance, SetAtBackdatesAndRefusesABadDate) {
  Db f("stance");
  auto r = run_cli("stance set --db " + f.db + " example-small d2 B D2_2 accept --at yesterday");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_TRUE(has(r.err, "`yesterday` is not a date")) << r.err;
  r = run_cli("stance set --db " + f.db + " example-small d2 B D2_2 accept --at 2025-02-03");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  r = run_cli("history --db " + f.db + " example-small --party B --json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(has(r.out, "2025-02-03")) << r.out;
}

TEST(CliDb, ReimportingAnUnchangedScenarioKeepsTheRevision) {
  Db f("reimport");
  const std::string file = test::source_path("scenarios/example-small.yaml");
  auto r = run_cli("db import " + file + " --db " + f.db);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(has(r.out, "example-small unchanged, revision 1 kept")) << r.out;
  r = run_cli("db import " + file + " --db " + f.db + " --dry-run");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(has(r.out, "unchanged")) << r.out;
  r = run_cli("db list --db " + f.db);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(has(r.out, "example-small\trevision 1\t")) << r.out;
}

}  // namespace
}  // namespace accord
