// The report's simulated rounds (report/rounds.hpp): every version replayed as a round from the
// recorded stances, in every format, labelled model output; the latest round reuses the
// report's closest package; a version that changes a suggested issue is compared correctly.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "accord/io/builtin.hpp"
#include "accord/io/scenario_io.hpp"
#include "accord/report/analysis.hpp"
#include "accord/report/html.hpp"
#include "accord/report/rounds.hpp"
#include "accord/report/suggest.hpp"

namespace accord::report {
namespace {

const char* kTwo = R"yaml(
format: 1
id: two
title: Two
parties:
  - {id: A, role: party}
  - {id: B, role: party}
issues:
  - {id: x, options: [x0, x1, x2]}
  - {id: y, options: [y0, y1]}
preferences:
  A:
    reservation: 0.4
    issues:
      x: {weight: 0.6, values: {x0: 0, x1: 0.5, x2: 1}, red_lines: [x0]}
      y: {weight: 0.4, values: {y0: 1, y1: 0}}
  B:
    reservation: 0.3
    issues:
      x: {weight: 0.5, values: {x0: 1, x1: 1, x2: 0}}
      y: {weight: 0.5, values: {y0: 0, y1: 1}}
framework:
  versions:
    - id: v1
      points:
        - {id: P1, text: "x is x0", sets: {x: x0}}
        - {id: P2, text: "y is y0", sets: {y: y0}}
      stances:
        A: {P1: reject, P2: accept}
        B: {P1: accept, P2: accept}
    - id: v2
      points:
        - {id: Q1, text: "x is x1", sets: {x: x1}, from: [P1]}
        - {id: Q2, text: "y is y0", sets: {y: y0}, from: [P2]}
      stances:
        A: {Q1: accept, Q2: accept}
        B: {Q1: accept, Q2: accept}
)yaml";

TEST(RoundsReport, HandCaseRepairFollowedByTheNextVersion) {
  const auto loaded = io::load_scenario_text(kTwo, "two.yaml");
  ASSERT_TRUE(loaded.ok());
  const Scenario& s = *loaded.scenario;
  const ScenarioAnalysis a = analyse(s);
  ASSERT_EQ(a.rounds.size(), 2u);
  EXPECT_TRUE(a.section("rounds").finished());
  const SimulatedRound& r1 = a.rounds[0];
  ASSERT_TRUE(r1.result.outcome.ok());
  // A rejects P1 (x0, its red line). By its preferences it accepts x1 (0.5 >= 0.4) and x2;
  // x1 leaves B as well off (v_B(x1) = v_B(x0) = 1), so the repair is x0 -> x1, which v2 made.
  ASSERT_FALSE(r1.result.suggestions.empty());
  const suggest::Suggestion& repair = r1.result.suggestions.front();
  EXPECT_EQ(repair.kind, suggest::Kind::pareto_repair);
  EXPECT_EQ(followed_text(s, r1, repair), "v2 made this edit (x x1)");
  EXPECT_EQ(r1.changed, std::vector<PointIndex>{PointIndex(std::size_t{0})});
  // v2 is accepted by both: near-final, nothing to bracket, and the text is in the zone.
  const SimulatedRound& r2 = a.rounds[1];
  EXPECT_TRUE(r2.result.readiness.near_final);
  EXPECT_FALSE(r2.next.valid());
  for (const suggest::Suggestion& sug : r2.result.suggestions) EXPECT_NE(sug.kind, suggest::Kind::bracket);
  const std::string text = full_report_text(s, a, Style::text);
  EXPECT_NE(text.find("Simulated rounds (model output)"), std::string::npos);
  EXPECT_NE(text.find("Model output on the scenario's preferences"), std::string::npos);  // no estimates here
  EXPECT_NE(text.find("→ v2 made this edit (x x1)."), std::string::npos);
}

TEST(RoundsReport, GenevaEveryFormatAndTheLatestRoundReusesTheClosestPackage) {
  const auto loaded = io::load_scenario("geneva-2025");
  ASSERT_TRUE(loaded.ok());
  const Scenario& s = *loaded.scenario;
  const ScenarioAnalysis a = analyse(s);
  ASSERT_EQ(a.rounds.size(), 3u);
  const char* ids[] = {"v28", "v19", "v20"};
  for (std::size_t k = 0; k < 3; ++k) {
    EXPECT_EQ(s.versions[a.rounds[k].circulated].id, ids[k]);
    EXPECT_TRUE(a.rounds[k].result.outcome.ok());
    EXPECT_TRUE(a.rounds[k].result.outcome.termination.finished());
  }
  ASSERT_TRUE(a.bargain && a.bargain->closest);
  ASSERT_TRUE(a.rounds[2].result.closest);
  EXPECT_EQ(a.rounds[2].result.closest->package, a.bargain->closest->package);
  const std::string label = "Model output on estimated preferences";
  const std::string text = full_report_text(s, a, Style::text);
  const std::string md = full_report_text(s, a, Style::markdown);
  const std::string html = html_report(s, a);
  const Json json = full_report_json(s, a);
  EXPECT_NE(text.find(label), std::string::npos);
  EXPECT_NE(md.find("## Simulated rounds (model output)"), std::string::npos);
  EXPECT_NE(html.find("id=\"rounds\""), std::string::npos);
  EXPECT_NE(html.find(label), std::string::npos);
  ASSERT_TRUE(json.contains("rounds"));
  EXPECT_EQ(json["rounds"]["rounds"].size(), 3u);
  EXPECT_TRUE(json["rounds"]["model_output"].get<bool>());
  EXPECT_EQ(json["rounds"]["rounds"][0]["suggest"]["schema"], kSuggestSchema);
  // The first sentence of every round is the same in every format.
  for (const auto& r : json["rounds"]["rounds"]) {
    const std::string first = r["suggest"]["suggestions"][0]["sentence"];
    EXPECT_NE(md.find(first), std::string::npos) << first;
  }
  EXPECT_TRUE(json["rounds"]["rounds"][2]["followed"].is_null());  // the record ends with v20
}

}  // namespace
}  // namespace accord::report
