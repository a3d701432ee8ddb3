// The self-contained HTML report (`accord report --html`).
#include <gtest/gtest.h>

#include <filesystem>
#include <regex>

#include "accord/io/builtin.hpp"
#include "accord/io/scenario_io.hpp"
#include "accord/report/analysis.hpp"
#include "accord/report/forecast.hpp"
#include "accord/report/html.hpp"
#include "accord/model/utility.hpp"
#include "report/html/svg.hpp"
#include "test_util.hpp"

namespace accord {
namespace {

using test::read_text;
using test::run_cli;

Scenario builtin(const std::string& name) {
  io::LoadResult r = io::load_scenario(name);
  EXPECT_TRUE(r.ok()) << name;
  return *r.scenario;
}

// example-small plus a two-prisoner conflict (docs/gmcr.md) and a hostile title.
const char* kSmallWithConflict = R"yaml(
format: 1
id: small-conflict
title: "Small <script>alert('x')</script> & co"
parties:
  - {id: A, name: Alpha, role: party}
  - {id: B, name: Beta, role: party}
issues:
  - id: border
    title: Where the line runs
    options: [OLD, NOW, NEW]
  - id: monitors
    title: Monitoring mission
    options: [NONE, UN, REGIONAL]
preferences:
  A:
    reservation: 0.3
    issues:
      border: {weight: 0.6, values: {OLD: 1, NOW: 0.6, NEW: 0}}
      monitors: {weight: 0.4, values: {NONE: 0, UN: 1, REGIONAL: 0.6}}
  B:
    reservation: 0.3
    issues:
      border: {weight: 0.6, values: {OLD: 0, NOW: 0.6, NEW: 1}}
      monitors: {weight: 0.4, values: {NONE: 1, UN: 0.2, REGIONAL: 0.6}}
framework:
  versions:
    - id: d1
      label: First draft
      date: 2025-01-10
      points:
        - {id: D1_1, number: 1, text: "The line runs along the current contact line", sets: {border: NOW}}
        - {id: D1_2, number: 2, text: "UN monitors", sets: {monitors: UN}}
      stances:
        A: {D1_1: accept, D1_2: accept}
        B: {D1_1: accept, D1_2: reject}
    - id: d2
      label: Second draft
      date: 2025-02-01
      points:
        - {id: D2_1, number: 1, text: "The line runs along the current contact line", sets: {border: NOW}, from: [D1_1]}
        - {id: D2_2, number: 2, text: "Regional monitors", sets: {monitors: REGIONAL}, from: [D1_2]}
      stances:
        A: {D2_1: accept, D2_2: accept}
        B: {D2_1: accept, D2_2: accept}
timeline:
  - {date: 2025-01-10, kind: proposal, text: "Mediator tables the first draft"}
  - {date: 2025-02-01, kind: talks, text: "Second round"}
conflict:
  options: [a_defect, b_defect]
  decision_makers:
    - {id: A, party: A, options: [a_defect], preferences: ["!b_defect", "a_defect"]}
    - {id: B, party: B, options: [b_defect], preferences: ["!a_defect", "b_defect"]}
  status_quo: NN
)yaml";

// The HTML of a scenario, analysed with the report's defaults.
std::string html_of(const Scenario& s) {
  return report::html_report(s, report::analyse(s));
}

Scenario small() {
  io::LoadResult r = io::load_scenario_text(kSmallWithConflict, "small.yaml");
  for (const auto& d : r.outcome.diagnostics) ADD_FAILURE() << d.message;
  EXPECT_TRUE(r.ok());
  return *r.scenario;
}

TEST(HtmlSvg, EscapesMarkupAndFormatsNumbers) {
  EXPECT_EQ(report::html::esc("<a href=\"x\">'&'</a>"), "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
  EXPECT_EQ(report::html::num(0.5000, 3), "0.5");
  EXPECT_EQ(report::html::num(12.0), "12");
  EXPECT_EQ(report::html::num(-0.0001, 2), "0");
  const report::html::Scale s{0, 1, 100, 200};
  EXPECT_DOUBLE_EQ(s(0.25), 125.0);
}

TEST(HtmlReport, GenevaHasEverySectionAsOneDocument) {
  const std::string html = html_of(builtin("geneva-2025"));
  EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
  for (const char* id : {"parties", "framework", "stances", "utilities", "bargain", "forecast", "stability", "timeline"})
    EXPECT_NE(html.find(std::string("<section id=\"") + id + "\""), std::string::npos) << id;
  EXPECT_NE(html.find("<svg"), std::string::npos);
  EXPECT_NE(html.find("Near-final: no"), std::string::npos);
  EXPECT_NE(html.find("There is no zone of agreement"), std::string::npos);
  EXPECT_NE(html.find("th scope=\"col\" class=\"pt blocked\""), std::string::npos) << "blocked points highlighted";
  EXPECT_NE(html.find("Positions per turn (SMP"), std::string::npos);
  EXPECT_NE(html.find("Monte Carlo runs"), std::string::npos);
  EXPECT_NE(html.find("amended: <b>"), std::string::npos);
  EXPECT_LT(html.size(), 3'000'000u) << "keep the file light enough to attach to an email";
}

TEST(HtmlReport, HasTheSummaryLinesAndTheRedLineCaveat) {
  const Scenario s = builtin("geneva-2025");
  const report::ScenarioAnalysis a = report::analyse(s);
  const std::string html = report::html_report(s, a);
  const auto lines = report::summary_items(s, a);
  ASSERT_FALSE(lines.empty());
  const std::size_t summary = html.find("<section id=\"summary\"");
  ASSERT_NE(summary, std::string::npos);
  for (const report::SummaryLine& line : lines) {  // the sentence, then its notes as links
    const std::size_t at = html.find("<li>" + report::html::esc(line.text), summary);
    ASSERT_NE(at, std::string::npos) << line.text;
    if (!line.basis.notes.empty()) {
      EXPECT_EQ(html.find("<a href=\"#src-" + std::to_string(line.basis.notes.front()) + "\">", at),
                html.find("<sup class=\"cite\">[", at) + 19) << line.id;
    }
  }
  // The caveat names every party (with preferences) whose red line the least-shortfall package
  // crosses, bargaining or not.
  ASSERT_TRUE(a.bargain && a.bargain->closest);
  const std::size_t caveat = html.find("<b>Red lines.</b>");
  ASSERT_NE(caveat, std::string::npos);
  const std::size_t item = html.find("<li><b>least shortfall</b> crosses red lines of ", caveat);
  ASSERT_NE(item, std::string::npos);
  const std::string li = html.substr(item, html.find("</li>", item) - item);
  for (const PartyIndex p : s.parties.indices()) {
    if (!s.preferences[p].present) continue;
    const auto crossed = red_lines_crossed(s, p, a.bargain->closest->package);
    EXPECT_EQ(li.find(s.parties[p].id + " ") != std::string::npos, !crossed.empty()) << s.parties[p].id << ": " << li;
    for (const IssueIndex i : crossed) EXPECT_NE(li.find(s.issues[i].id), std::string::npos) << li;
  }
  EXPECT_NE(li.find("EU (not bargaining) on"), std::string::npos) << li;
}

// The bargaining chart's geometry (html/bargain.cpp): 520 x 440, margins left 60, right 20,
// top 20, bottom 50.
double chart_x(double u) { return 60 + u * 440; }
double chart_y(double u) { return 390 - u * 370; }

// The draft v20 leaves issues open: it is drawn as each party's worst and best completion
// (evaluate's utility bounds), two squares joined by a segment, and never at the midpoint.
TEST(HtmlReport, DrawsTheDraftAsItsWorstAndBestCompletionsNeverAMidpoint) {
  using report::html::num;
  const Scenario s = builtin("geneva-2025");
  const report::ScenarioAnalysis a = report::analyse(s);
  const std::string html = report::html_report(s, a);
  ASSERT_TRUE(a.bargain);
  const PartyIndex pa = a.bargain->parties[0], pb = a.bargain->parties[1];
  UtilityBounds ua, ub;
  for (const auto& pr : a.evaluations.back().parties) {
    if (pr.party == pa) ua = pr.utility;
    if (pr.party == pb) ub = pr.utility;
  }
  ASSERT_GT(ua.max - ua.min, 1e-6);
  auto rect_at = [](double u, double v) {
    return "<rect x=\"" + num(chart_x(u) - 6) + "\" y=\"" + num(chart_y(v) - 6) + "\" width=\"12\"";
  };
  const std::size_t chart = html.find("<div class=\"pair\">");
  ASSERT_NE(chart, std::string::npos);
  const std::size_t worst = html.find("<g class=\"mark m-draft worst\"", chart);
  const std::size_t best = html.find("<g class=\"mark m-draft best\"", chart);
  ASSERT_NE(worst, std::string::npos);
  ASSERT_NE(best, std::string::npos);
  EXPECT_EQ(html.find(rect_at(ua.min, ub.min), worst), html.find("<rect", worst));
  EXPECT_EQ(html.find(rect_at(ua.max, ub.max), best), html.find("<rect", best));
  EXPECT_NE(html.find("<line x1=\"" + num(chart_x(ua.min)) + "\" y1=\"" + num(chart_y(ub.min)) + "\" x2=\"" +
                          num(chart_x(ua.max)) + "\" y2=\"" + num(chart_y(ub.max)) + "\" class=\"draft-range\"/>",
                      chart),
            std::string::npos);
  EXPECT_EQ(html.find(rect_at((ua.min + ua.max) / 2, (ub.min + ub.max) / 2)), std::string::npos) << "no midpoint";
  EXPECT_EQ(html.find("class=\"mark m-draft\""), std::string::npos) << "no single draft point for an open draft";
  EXPECT_NE(html.find("the hollow square is where each party stands if they settle worst for it, the filled one if "
                      "they settle best for it"),
            std::string::npos);
  EXPECT_NE(html.find(report::html::esc(s.parties[pa].id) + " " + num(ua.min, 3) + "–" + num(ua.max, 3)),
            std::string::npos)
      << "the package list gives the draft's range";
}

// The forecast section says what the text says: the same title (converged or not), the band
// beside each issue, the red-line warning and each model's accuracy.
TEST(HtmlReport, ForecastSectionHasTheBandRedLinesAndAccuracy) {
  const Scenario s = builtin("geneva-2025");
  const report::ScenarioAnalysis a = report::analyse(s);
  ASSERT_TRUE(a.forecast && a.forecast->monte_carlo && a.forecast_eum) << a.section("forecast").detail;
  const std::string html = report::html_report(s, a);
  const std::size_t sec = html.find("<section id=\"forecast\"");
  ASSERT_NE(sec, std::string::npos);
  const std::string body = html.substr(sec, html.find("</section>", sec) - sec);
  EXPECT_NE(body.find(report::html::esc(report::forecast_headline_title(*a.forecast))), std::string::npos);
  const auto& mc = *a.forecast->monte_carlo;
  for (std::size_t k = 0; k < mc.dimensions.size(); ++k)
    EXPECT_NE(body.find("<tr><td>" + a.forecast->problem.dimensions[k].id + "</td><td class=\"num\">" +
                        report::html::num(a.forecast->run.forecast[k], 2) + "</td><td class=\"num\">" +
                        report::html::num(mc.dimensions[k].p05, 2) + "–" + report::html::num(mc.dimensions[k].p95, 2)),
              std::string::npos)
        << a.forecast->problem.dimensions[k].id;
  EXPECT_NE(body.find(report::html::esc(report::forecast_red_line_warning(*a.forecast, &*a.forecast_eum))),
            std::string::npos);
  EXPECT_NE(body.find(report::html::esc(report::forecast_accuracy_note({forecast::Model::smp, forecast::Model::eum}))), std::string::npos);
  EXPECT_NE(body.find("MAE "), std::string::npos);
}

TEST(HtmlReport, LoadsNothingFromTheNetwork) {
  const std::string html = html_of(builtin("geneva-2025"));
  EXPECT_EQ(html.find("<link"), std::string::npos);
  EXPECT_EQ(html.find("@import"), std::string::npos);
  EXPECT_EQ(html.find("url("), std::string::npos);
  EXPECT_FALSE(std::regex_search(html, std::regex(R"(\ssrc\s*=\s*"(https?:)?//)")));
  // Web addresses only as links a reader follows (the list of sources), which load nothing.
  const std::regex external(R"re(<([a-zA-Z]+)[^>]*\shref\s*=\s*"(https?:)?//)re");
  std::size_t links = 0;
  for (auto it = std::sregex_iterator(html.begin(), html.end(), external); it != std::sregex_iterator(); ++it, ++links)
    EXPECT_EQ((*it)[1], "a") << (*it)[0];
  EXPECT_GT(links, 0u) << "the sources are links";
  EXPECT_NE(html.find("default-src 'none'"), std::string::npos) << "a CSP forbids any load";
}

TEST(HtmlReport, IsDeterministic) {
  const Scenario s = builtin("geneva-2025");
  EXPECT_EQ(html_of(s), html_of(s));
}

TEST(HtmlReport, EscapesScenarioText) {
  const std::string html = html_of(small());
  EXPECT_EQ(html.find("<script>alert"), std::string::npos);
  EXPECT_NE(html.find("Small &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; co"), std::string::npos);
}

TEST(HtmlReport, SmallScenarioShowsZoneSolutionsAndStability) {
  const std::string html = html_of(small());
  EXPECT_NE(html.find("A zone of agreement exists"), std::string::npos);
  EXPECT_NE(html.find("class=\"mark m-nash\""), std::string::npos);
  EXPECT_NE(html.find("class=\"mark m-draft\""), std::string::npos) << "d2 settles every issue: one square";
  // Prisoners' dilemma: mutual defection YY is the Nash equilibrium; NN is the status quo.
  EXPECT_NE(html.find("<tr class=\"eq\"><th scope=\"row\"><code>YY</code>"), std::string::npos);
  EXPECT_NE(html.find("<code>NN</code> SQ"), std::string::npos);
  EXPECT_NE(html.find("From the status quo"), std::string::npos);
  // d2 is accepted by both: near-final; d1 had B rejecting point 2.
  EXPECT_NE(html.find("d2 — Second draft (near-final)"), std::string::npos);
  EXPECT_NE(html.find("Stance changes between consecutive versions (1)"), std::string::npos);
}

TEST(HtmlReport, ScenarioWithoutVersionsOrConflictStillRenders) {
  Scenario s = small();
  s.versions.clear();
  s.conflict.reset();
  const std::string html = html_of(s);
  EXPECT_NE(html.find("The scenario has no framework versions."), std::string::npos);
  EXPECT_NE(html.find("no `conflict:` section"), std::string::npos);
  EXPECT_NE(html.find("</html>"), std::string::npos);
}

TEST(HtmlReportCli, WritesOneFile) {
  const std::string out = std::string(::testing::TempDir()) + "accord_report_" + std::to_string(getpid()) + ".html";
  const auto r = run_cli("report geneva-2025 --html -o " + out);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const std::string html = read_text(out);
  EXPECT_NE(html.find("Accord report: "), std::string::npos);
  EXPECT_NE(html.find("</html>"), std::string::npos);
  std::filesystem::remove(out);
}

TEST(HtmlReportCli, RefusesHtmlWithJson) {
  const auto r = run_cli("report geneva-2025 --html --json");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("choose one of --json, --markdown and --html"), std::string::npos) << r.err;
}

TEST(HtmlReportCli, ReadsAScenarioFile) {
  const auto r = run_cli("report " + test::source_path("scenarios/example-small.yaml") + " --html");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("Two parties, three issues"), std::string::npos);
  EXPECT_NE(r.out.find("<section id=\"bargain\""), std::string::npos);
}

}  // namespace
}  // namespace accord
