// The JSON of every command on the built-in scenarios and on the shared data sets, run as a
// user runs them (the `accord` binary), compared with tests/golden/expected/cli_*.json.
#include <filesystem>
#include <string>
#include <vector>

#include "golden.hpp"

namespace accord::test::golden {
namespace {

struct Case {
  std::string name;  // golden file cli_NAME.json
  std::string args;  // {shared} becomes the shared data folder
  bool shared = false;  // needs ../shared/data (skipped when absent)
};

// Names a case by its golden file in test output.
void PrintTo(const Case& c, std::ostream* os) { *os << c.name; }

std::string shared_dir() { return ACCORD_SHARED_DATA_DIR; }

std::string expand(std::string args) {
  const std::string key = "{shared}";
  for (std::size_t at = args.find(key); at != std::string::npos; at = args.find(key))
    args.replace(at, key.size(), shared_dir());
  return args;
}

const std::string kItex = "{shared}/genius-anac/y2010/ItexvsCypress/ItexvsCypress_";

std::vector<Case> cases() {
  return {
      {"report", "report --json"},
      {"report_example_small", "report example-small --json"},
      {"evaluate_v28", "evaluate geneva-2025 --version v28 --json"},
      {"evaluate_v19", "evaluate geneva-2025 --version v19 --json"},
      {"evaluate_v20", "evaluate geneva-2025 --version v20 --json"},
      {"evaluate_v20_set", "evaluate geneva-2025 --version v20 --set territory_donbas=D_FEZ --json"},
      {"evaluate_example_small", "evaluate example-small --json"},
      {"diff_v28_v19", "diff geneva-2025 v28 v19 --json"},
      {"diff_v19_v20", "diff geneva-2025 v19 v20 --json"},
      {"diff_v28_v20", "diff geneva-2025 v28 v20 --json"},
      {"diff_v19_v20_redline", "diff geneva-2025 v19 v20 --redline --json"},
      {"bargain", "bargain geneva-2025 --json --max-points 40"},
      {"bargain_v20", "bargain geneva-2025 --version v20 --json --max-points 40"},
      {"bargain_example_small", "bargain example-small --json --max-points 40"},
      // A zone with stakeholders (RU, EU did not bargain): their entries in every solution.
      {"bargain_stakeholders", "bargain geneva-2025 --parties UA,US --version v20 --json --max-points 3"},
      {"gmcr", "gmcr geneva-2025 --json"},
      {"gmcr_coalition", "gmcr geneva-2025 --coalition US+EU --json"},
      {"gmcr_coalitions", "gmcr geneva-2025 --coalitions --json"},
      {"gmcr_explain", "gmcr geneva-2025 --explain YNNYNNN --json --include equilibria"},
      {"gmcr_inverse_seq", "gmcr geneva-2025 --inverse YNYNNYN --concept seq --json"},
      {"gmcr_inverse_moves", "gmcr geneva-2025 --inverse YNYYYYN --change moves --json"},
      {"forecast_smp", "forecast geneva-2025 --model smp --json"},
      {"forecast_eum", "forecast geneva-2025 --model eum --json"},
      {"forecast_mean", "forecast geneva-2025 --model mean --json"},
      {"forecast_median", "forecast geneva-2025 --model median --json"},
      {"robustness_smallest", "robustness geneva-2025 --smallest --finding verdicts --finding zone --finding closest "
                              "--finding status_quo --json"},
      // The report's forecast section runs the same (report::ReportOptions).
      {"forecast_monte_carlo", "forecast geneva-2025 --runs 1000 --seed 1 --json"},
      // Simulated negotiation on v20's open issues: an agreement (US, UA) and none (UA, RU).
      {"negotiate_v20_us_ua", "negotiate geneva-2025 --version v20 --parties US,UA --agents linear,linear --rounds 50 --json"},
      {"negotiate_v20_ua_ru", "negotiate geneva-2025 --version v20 --parties UA,RU --agents linear,hardliner --rounds 50 --json"},
      {"mediate_hill_v20", "mediate geneva-2025 --voters hill --steps 500 --from v20 --seed 1 --json"},
      {"mediate_anneal", "mediate geneva-2025 --voters anneal --steps 500 --seed 1 --json"},
      {"tournament_v20", "tournament geneva-2025 --version v20 --parties US,UA --agents linear,boulware,micro,random "
                         "--rounds 30 --repeats 2 --seed 1 --json"},
      {"scenarios", "scenarios --json"},
      {"validate_example_small", "validate example-small --json"},
      {"genius_itex_bargain",
       "bargain --genius " + kItex + "domain.xml " + kItex + "Itex.xml " + kItex + "Cypress.xml --json --max-points 40",
       true},
      {"genius_itex_import",
       "import genius " + kItex + "domain.xml " + kItex + "Itex.xml " + kItex + "Cypress.xml --json", true},
      {"genius_itex_negotiate", "negotiate --genius {shared}/genius-anac/y2010/ItexvsCypress --agents boulware,conceder "
                                "--rounds 4 --trace --json", true},
      {"genius_itex_tournament",
       "tournament --genius {shared}/genius-anac/y2010/ItexvsCypress --agents boulware,conceder,micro --rounds 50 "
       "--repeats 2 --seed 3 --json",
       true},
      {"ktab_soe_pol_comp", "forecast {shared}/ktab-smp/SOE-Pol-Comp.csv --json", true},
      {"ktab_3dim", "forecast {shared}/ktab-smp/dummyData_3Dim.csv --json", true},
  };
}

class CliGolden : public ::testing::TestWithParam<Case> {};

TEST_P(CliGolden, JsonMatchesGoldenFile) {
  const Case& c = GetParam();
  if (c.shared && !std::filesystem::exists(shared_dir()))
    GTEST_SKIP() << "shared data absent: " << shared_dir();
  const auto r = run_cli(expand(c.args));
  ASSERT_EQ(r.exit_code, 0) << c.args << "\n" << r.err;
  // The data sets' folder differs between checkouts: the documents name it {shared}.
  std::string out = r.out;
  for (std::size_t at = out.find(shared_dir()); at != std::string::npos; at = out.find(shared_dir(), at))
    out.replace(at, shared_dir().size(), "{shared}");
  const Json got = Json::parse(out, nullptr, false);
  ASSERT_FALSE(got.is_discarded()) << "not JSON: " << out.substr(0, 200);
  expect_golden("cli_" + c.name, c.shared ? skeleton(got) : got);
}

INSTANTIATE_TEST_SUITE_P(Commands, CliGolden, ::testing::ValuesIn(cases()),
                         [](const ::testing::TestParamInfo<Case>& param_info) { return param_info.param.name; });

// `bench accuracy` on DEU III: its shape is stated here rather than in a golden file, so the
// repository keeps nothing derived from the data set (read from ../shared, skipped when absent).
TEST(CliShape, BenchAccuracyOnDeu3) {
  if (!std::filesystem::exists(shared_dir() + "/deu3")) GTEST_SKIP() << "DEU III absent: " << shared_dir();
  const auto r = run_cli("bench accuracy --data " + shared_dir() + " --json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const Json got = Json::parse(r.out);
  const auto keys = [](const Json& j) {
    std::vector<std::string> out;
    for (const auto& [k, v] : j.items()) out.push_back(k);
    return out;
  };
  EXPECT_EQ(keys(got), (std::vector<std::string>{"schema", "data", "status", "diagnostics", "termination", "issues",
                                                 "skipped_rows", "models"}));
  EXPECT_EQ(got["schema"], 1);
  ASSERT_EQ(got["models"].size(), 4u);
  for (const Json& m : got["models"])
    EXPECT_EQ(keys(m), (std::vector<std::string>{"model", "label", "mae", "issues", "failed", "mean_turns"}));
}

// The negotiation record's history after importing the built-in scenario.
TEST(CliGoldenRecord, HistoryAfterImport) {
  const std::string db = std::string(::testing::TempDir()) + "accord_golden_" + std::to_string(::getpid()) + ".db";
  std::filesystem::remove(db);
  ASSERT_EQ(run_cli("db init --db " + db).exit_code, 0);
  ASSERT_EQ(run_cli("db import geneva-2025 --db " + db).exit_code, 0);
  const auto r = run_cli("history geneva-2025 --db " + db + " --json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  expect_golden("cli_history", Json::parse(r.out));
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(db + suffix);
}

// `accord validate --json` on an invalid file: exit 2, the document still written; the
// checkout's folder is named {source}.
TEST(CliGoldenValidate, BadFile) {
  const std::string file = source_path("tests/data/bad/bad_id.yaml");
  const auto r = run_cli("validate " + file + " --json");
  ASSERT_EQ(r.exit_code, 2) << r.err;
  std::string out = r.out;
  const std::string dir = source_path("");
  for (std::size_t at = out.find(dir); at != std::string::npos; at = out.find(dir, at))
    out.replace(at, dir.size(), "{source}/");
  expect_golden("cli_validate_bad_id", Json::parse(out));
}

}  // namespace
}  // namespace accord::test::golden
