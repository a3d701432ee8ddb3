// One scenario analysis for every format of `accord report` (issue 15, item 3): the estimates
// count follows docs/format.md, the renderers read the analysis instead of running engines, and
// text, Markdown, JSON and HTML say the same numbers.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "accord/io/builtin.hpp"
#include "accord/io/scenario_io.hpp"
#include "accord/report/analysis.hpp"
#include "accord/report/html.hpp"
#include "test_util.hpp"

namespace accord {
namespace {

// Two parties, two versions, a timeline and a conflict, with one `estimate: true` mark on each
// kind of thing that can carry one (docs/format.md "Provenance on any value").
const char* kMarked = R"yaml(
format: 1
id: marked
title: Marked
estimate: true
parties:
  - {id: A, name: Alpha, role: party, capability: {value: 2, estimate: true}}
  - {id: B, name: Beta, role: party, estimate: true}
issues:
  - id: border
    estimate: true
    options:
      - {id: OLD, estimate: true}
      - {id: NOW, label: Now, position: {value: 50, estimate: true}}
      - {id: NEW}
preferences:
  A:
    reservation: {value: 0.3, estimate: true}
    issues:
      border: {weight: {value: 1, estimate: true}, values: {OLD: 1, NOW: 0.6, NEW: 0}, estimate: true}
  B:
    reservation: 0.3
    issues:
      border: {weight: 1, values: {OLD: 0, NOW: 0.6, NEW: 1}}
framework:
  versions:
    - id: d1
      label: First draft
      estimate: true
      points:
        - {id: D1_1, number: 1, text: "Current line", sets: {border: NOW}, estimate: true}
      stances:
        A: {D1_1: {stance: accept, estimate: true}}
        B: {D1_1: reject}
    - id: d2
      label: Second draft
      points:
        - {id: D2_1, number: 1, text: "Current line", sets: {border: NOW}, from: [D1_1]}
      stances:
        A: {D2_1: accept}
        B: {D2_1: accept}
timeline:
  - {date: 2025-01-10, kind: proposal, text: "First draft", estimate: true}
conflict:
  options: [a_defect, b_defect]
  decision_makers:
    - id: A
      party: A
      options: [a_defect]
      preferences: [{statement: "!b_defect", estimate: true}, "a_defect"]
    - {id: B, party: B, options: [b_defect], preferences: ["!a_defect", "b_defect"]}
  status_quo: NN
)yaml";

Scenario load(const char* text) {
  io::LoadResult r = io::load_scenario_text(text, "marked.yaml");
  for (const auto& d : r.outcome.diagnostics) ADD_FAILURE() << d.to_string();
  EXPECT_TRUE(r.ok());
  return *r.scenario;
}

Scenario geneva() {
  io::LoadResult r = io::load_scenario("geneva-2025");
  EXPECT_TRUE(r.ok());
  return std::move(*r.scenario);
}

bool has(const std::string& text, const std::string& what) { return text.find(what) != std::string::npos; }

TEST(CountEstimates, CountsEveryMarkOnEveryEntityAndField) {
  // scenario, A.capability, B, border, OLD, NOW.position, A's preferences.reservation, A.border
  // weight and block, d1, D1_1, A's stance on D1_1, the event, the conflict statement.
  EXPECT_EQ(report::count_estimates(load(kMarked)), 14u);
}

TEST(CountEstimates, GenevaCountsItsConflictStatementsToo) {
  // The 359 `estimate: true` marks of scenarios/geneva-2025.yaml (docs/geneva-2025.md); the text
  // report used to miss the 9 on the conflict's preference statements (350) and the HTML report
  // also the versions and points (328).
  EXPECT_EQ(report::count_estimates(geneva()), 359u);
}

TEST(ScenarioAnalysis, RecordsEverySectionInReportOrder) {
  const report::ScenarioAnalysis a = report::analyse(load(kMarked));
  std::vector<std::string> names;
  for (const auto& st : a.sections) names.push_back(st.section);
  EXPECT_EQ(names, (std::vector<std::string>{"evolution", "evaluations", "bargain", "stability", "forecast", "robustness",
                                                    "rounds", "negotiations"}));
  EXPECT_EQ(a.evolution.size(), 1u);
  EXPECT_EQ(a.evaluations.size(), 2u);
  ASSERT_TRUE(a.bargain.has_value());
  ASSERT_TRUE(a.stability.has_value());
  EXPECT_TRUE(a.stability->ok());
}

TEST(ScenarioAnalysis, GatesLeaveTheirEngineUnrunAndSayWhy) {
  report::ReportOptions options;
  options.limits.bargain_parties = 1;
  options.limits.gmcr_options = 1;
  const report::ScenarioAnalysis a = report::analyse(load(kMarked), options);
  EXPECT_FALSE(a.bargain.has_value());
  EXPECT_FALSE(a.stability.has_value());
  EXPECT_EQ(a.section("bargain").stop, Stop::size_limit);
  EXPECT_EQ(a.section("stability").stop, Stop::size_limit);
}

// Every renderer shows what the analysis holds: change the analysis after computing it and
// each format follows, which it could not if it ran the engines again.
TEST(ScenarioAnalysis, EveryFormatRendersTheAnalysisWithoutRunningItsEnginesAgain) {
  const Scenario s = load(kMarked);
  report::ScenarioAnalysis a = report::analyse(s);
  a.estimates = 4242;
  a.evolution.at(0).from_count = 777;
  a.evaluations.back().readiness.near_final = false;
  a.evaluations.back().readiness.reason = "doctored readiness";
  ASSERT_TRUE(a.bargain && a.bargain->zone.exact);
  a.bargain->zone.decimal = "31337";
  ASSERT_TRUE(a.stability && a.stability->ok());
  a.stability->analysis->status_quo = a.stability->analysis->find(3);  // YY

  const std::string text = report::full_report_text(s, a, report::Style::text);
  const std::string md = report::full_report_text(s, a, report::Style::markdown);
  const auto j = report::full_report_json(s, a);
  const std::string html = report::html_report(s, a);
  for (const std::string* out : {&text, &md, &html}) {
    EXPECT_TRUE(has(*out, "4242 values in this scenario are marked as estimates")) << *out;
    EXPECT_TRUE(has(*out, "Readiness of d2: not near-final")) << *out;
    EXPECT_TRUE(has(*out, "the status quo YY is an equilibrium")) << *out;
  }
  EXPECT_TRUE(has(text, "d1 → d2: 777 → 1 point ("));
  EXPECT_TRUE(has(html, "d1 (777 points)"));
  EXPECT_TRUE(has(text, "31337"));
  EXPECT_TRUE(has(html, "31337 of"));
  EXPECT_TRUE(has(html, "<code>YY</code> SQ")) << "the stability table reads the analysis";
  EXPECT_EQ(j["scenario"]["estimates"], 4242);
  EXPECT_EQ(j["evolution"][0]["from"]["points"], 777);
  EXPECT_EQ(j["evaluations"][1]["readiness"]["reason"], "doctored readiness");
  EXPECT_EQ(j["bargain"]["zone"]["count"], 31337);
}

TEST(ScenarioAnalysis, TextMarkdownAndHtmlSayTheSameNumbersOnGeneva) {
  const Scenario s = geneva();
  const report::ScenarioAnalysis a = report::analyse(s);
  const std::string text = report::full_report_text(s, a, report::Style::text);
  const std::string md = report::full_report_text(s, a, report::Style::markdown);
  const std::string html = report::html_report(s, a);
  EXPECT_EQ(report::full_report_json(s, a)["scenario"]["estimates"], 359);
  for (const std::string* out : {&text, &md, &html}) {
    EXPECT_TRUE(has(*out, "359 values in this scenario are marked as estimates"));
    for (const std::string& line : report::summary_lines(s, a))
      EXPECT_TRUE(has(*out, line.substr(0, 40))) << line;  // wrapped in text, escaped in HTML
  }
}

TEST(FullReportJson, StartsWithItsSchemaAndKeepsTheSectionsSchemaKeys) {
  const Scenario s = load(kMarked);
  const auto j = report::full_report_json(s, report::analyse(s));
  ASSERT_FALSE(j.empty());
  EXPECT_EQ(j.begin().key(), "schema");
  EXPECT_EQ(j["schema"], report::kReportSchema);
  for (const char* k : {"evolution", "evaluations", "bargain", "stability", "forecast"})
    EXPECT_EQ(j["sections"][k]["stop"], "finished") << k;
}

// `-o FILE` writes every format; the file holds what standard output would (deterministic).
TEST(ReportCli, WritesEveryFormatToTheOutputFile) {
  const std::string file = std::string(::testing::TempDir()) + "accord_report_o_" + std::to_string(getpid());
  for (const std::string flags : {"", "--markdown", "--json", "--html"}) {
    const auto to_stdout = test::run_cli("report example-small " + flags);
    ASSERT_EQ(to_stdout.exit_code, 0) << flags << to_stdout.err;
    const auto to_file = test::run_cli("report example-small " + flags + " -o " + file);
    ASSERT_EQ(to_file.exit_code, 0) << flags << to_file.err;
    EXPECT_TRUE(to_file.out.empty()) << flags;
    EXPECT_EQ(test::read_text(file), to_stdout.out) << flags;
  }
  std::filesystem::remove(file);
}

TEST(ReportCli, RefusesTwoFormats) {
  const auto formats = test::run_cli("report example-small --json --markdown");
  EXPECT_EQ(formats.exit_code, 2);
  EXPECT_TRUE(has(formats.err, "choose one of --json, --markdown and --html")) << formats.err;
}

// `--html` takes no file (that is -o's job): a name after it is refused, never written over.
TEST(ReportCli, HtmlIsAFlagSoAFileAfterItIsRefusedNotOverwritten) {
  const std::string file = std::string(::testing::TempDir()) + "accord_report_keep_" + std::to_string(getpid());
  { std::ofstream(file) << "keep me"; }
  const auto r = test::run_cli("report example-small --html " + file);
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_EQ(test::read_text(file), "keep me");
  std::filesystem::remove(file);
}

}  // namespace
}  // namespace accord
