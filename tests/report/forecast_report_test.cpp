// The forecast's one serialiser and renderer: schema first, one shape (full or its summary),
// the envelope on failure, and the report's deadline-taking headline equal to run + render;
// what the headline may claim (converged or not, the band, red lines, shipped accuracy).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>
#include <sstream>
#include <nlohmann/json.hpp>

#include "accord/io/builtin.hpp"
#include "accord/report/analysis.hpp"
#include "accord/report/forecast.hpp"
#include "accord/report/forecast_accuracy.hpp"
#include "engines/bargain/random_scenario.hpp"
#include "test_util.hpp"

namespace accord::report {
namespace {

Scenario builtin(const std::string& name) {
  io::LoadResult r = io::load_scenario(name);
  EXPECT_TRUE(r.ok()) << name;
  return *r.scenario;
}
Scenario example_small() { return builtin("example-small"); }

std::vector<std::string> keys(const nlohmann::ordered_json& j) {
  std::vector<std::string> out;
  for (const auto& [k, v] : j.items()) out.push_back(k);
  return out;
}

TEST(ForecastJson, FullShapeStartsWithTheSchemaAndTheEnvelope) {
  forecast::AnalysisParams params;
  params.runs = 5;
  const auto j = forecast_json(forecast::analyse(example_small(), params));
  EXPECT_EQ(keys(j), (std::vector<std::string>{"schema", "scenario", "model", "status", "diagnostics", "termination",
                                               "turns", "converged", "dimensions", "actors", "forecast",
                                               "nearest_option", "red_lines", "baselines", "history",
                                               "final_positions", "probabilities", "monte_carlo", "accuracy",
                                               "sensitivity", "notes"}));
  EXPECT_EQ(j["schema"], kForecastSchema);
  EXPECT_EQ(j["scenario"], "example-small");
  EXPECT_EQ(j["status"], "ok");
  EXPECT_EQ(j["monte_carlo"]["runs"], 5);
  EXPECT_TRUE(j["sensitivity"].is_null());
  EXPECT_EQ(j["history"][0].size(), j["actors"].size());  // {actor: positions} per turn
}

TEST(ForecastJson, TheSummaryIsTheFullShapeWithoutPerActorDetail) {
  const forecast::Analysis a = forecast::analyse(example_small(), forecast::AnalysisParams{});
  const auto full = forecast_json(a), summary = forecast_json(a, ForecastDetail::summary);
  EXPECT_EQ(keys(summary), (std::vector<std::string>{"schema", "scenario", "model", "status", "diagnostics",
                                                     "termination", "turns", "converged", "forecast", "nearest_option",
                                                     "red_lines", "baselines", "monte_carlo", "accuracy", "notes"}));
  for (const auto& [k, v] : summary.items()) EXPECT_EQ(v, full[k]) << k;
}

TEST(ForecastJson, AFailedAnalysisCarriesOnlyTheEnvelopeAndNotes) {
  forecast::AnalysisParams params;
  params.engine.max_actors = 1;
  const auto j = forecast_json(forecast::analyse(example_small(), params));
  EXPECT_EQ(keys(j), (std::vector<std::string>{"schema", "scenario", "model", "status", "diagnostics", "termination",
                                               "notes"}));
  EXPECT_EQ(j["status"], "invalid_input");
  EXPECT_EQ(j["termination"]["stop"], "size_limit");
  EXPECT_EQ(j["diagnostics"][0]["path"], "actors");
}

TEST(ForecastHeadline, TheReportSectionIsTheSerialisersSummaryForm) {
  const Scenario s = example_small();
  const forecast::Analysis a = forecast::analyse(s, forecast_headline_params({}));
  EXPECT_EQ(forecast_headline_json(s, a), forecast_json(a, ForecastDetail::summary));
  EXPECT_EQ(analyse(s).forecast->run.forecast, a.run.forecast);
  ASSERT_TRUE(a.run.converged);
  EXPECT_NE(forecast_headline_text(s, a, Style::text).find("Forecast: where each issue lands (SMP, KTAB defaults; "
                                                          "converged after"),
            std::string::npos);
}

TEST(ForecastHeadline, NothingToForecastIsAnEmptySection) {
  Scenario s = example_small();
  for (auto& p : s.preferences) p.present = false;
  const forecast::Analysis a = forecast::analyse(s, forecast_headline_params({}));
  EXPECT_EQ(a.outcome.status, Status::invalid_input);
  EXPECT_EQ(forecast_headline_text(s, a, Style::text), "");
}

TEST(ForecastText, NamesEachDimensionWithItsBaselines) {
  const std::string t = forecast_text(forecast::analyse(example_small(), forecast::AnalysisParams{}));
  EXPECT_NE(t.find("Forecast (smp) of example-small:"), std::string::npos) << t;
  EXPECT_NE(t.find("[weighted mean "), std::string::npos);
  EXPECT_NE(t.find("Final positions:"), std::string::npos);
}

// The headline claims a landing only when the SMP converged: on Geneva it stops at the turn
// limit; with a turn cap of 2 example-small still converges; an expired budget is partial.
TEST(ForecastHeadline, SaysConvergedOrNotAsTheAnalysisFound) {
  struct Case {
    std::string scenario;
    int max_turns;
    bool expired;
  };
  for (const Case& c : {Case{"geneva-2025", 100, false}, Case{"example-small", 100, false},
                        Case{"geneva-2025", 3, false}, Case{"geneva-2025", 100, true}}) {
    const Scenario s = builtin(c.scenario);
    forecast::AnalysisParams p = forecast_headline_params(c.expired ? Deadline::after(1e-9) : Deadline{});
    p.engine.smp.max_turns = c.max_turns;
    const forecast::Analysis a = forecast::analyse(s, p);
    ASSERT_TRUE(a.ok()) << c.scenario;
    const bool landed = a.run.converged && a.outcome.termination.finished();
    const std::string title = forecast_headline_title(a), text = forecast_headline_text(s, a, Style::text);
    const std::string summary = forecast_summary_line(a, nullptr);
    SCOPED_TRACE(c.scenario + " max_turns " + std::to_string(c.max_turns) + (c.expired ? " expired" : ""));
    EXPECT_EQ(title.find("where each issue lands") != std::string::npos, landed) << title;
    EXPECT_EQ(title.find("so no landing point") != std::string::npos, !landed) << title;
    EXPECT_EQ(title.find("; converged after " + std::to_string(a.run.turns)) != std::string::npos,
              a.run.converged && a.outcome.termination.finished());
    EXPECT_EQ(title.find("not converged after") != std::string::npos,
              !a.run.converged && a.outcome.termination.finished());
    EXPECT_EQ(title.find("stopped by the time budget") != std::string::npos, !a.outcome.termination.finished());
    EXPECT_NE(text.find(title), std::string::npos);
    EXPECT_EQ(summary.find("names no landing point") != std::string::npos, !landed) << summary;
    const auto j = forecast_json(a, ForecastDetail::summary);
    EXPECT_EQ(j["converged"], a.run.converged);
  }
}

// The report runs a Monte Carlo band by default, and every format shows it beside each issue.
TEST(ForecastHeadline, EveryIssueHasItsBandInTextAndJson) {
  const Scenario s = builtin("geneva-2025");
  const ScenarioAnalysis a = analyse(s);
  ASSERT_TRUE(a.forecast && a.forecast->ok()) << (a.forecast ? a.forecast->outcome.message() : std::string("no forecast: ") + std::string(a.section("forecast").detail));
  ASSERT_TRUE(a.forecast->monte_carlo);
  const auto& mc = *a.forecast->monte_carlo;
  EXPECT_EQ(mc.runs, a.options.forecast_runs);
  const auto j = full_report_json(s, a)["forecast"];
  const std::string text = full_report_text(s, a, Style::text), md = full_report_text(s, a, Style::markdown);
  for (std::size_t k = 0; k < a.forecast->problem.dimensions.size(); ++k) {
    const std::string id = a.forecast->problem.dimensions[k].id;
    ASSERT_TRUE(j["monte_carlo"]["dimensions"].contains(id)) << id;
    EXPECT_DOUBLE_EQ(j["monte_carlo"]["dimensions"][id]["p05"].get<double>(), mc.dimensions[k].p05);
    EXPECT_DOUBLE_EQ(j["monte_carlo"]["dimensions"][id]["p95"].get<double>(), mc.dimensions[k].p95);
    const std::string band = fixed(mc.dimensions[k].p05, 0) + "-" + fixed(mc.dimensions[k].p95, 0);
    // The issue's row of the forecast table holds its forecast and its band.
    for (const std::string* doc : {&text, &md}) {
      std::istringstream in(doc->substr(doc->find(forecast_headline_title(*a.forecast))));
      std::string line, row;
      while (std::getline(in, line) && row.empty())
        if (line.rfind(id + " ", 0) == 0 || line.rfind("| " + id + " ", 0) == 0) row = line;
      ASSERT_FALSE(row.empty()) << id;
      EXPECT_NE(row.find(band), std::string::npos) << row;
      EXPECT_NE(row.find(fixed(a.forecast->run.forecast[k], 1)), std::string::npos) << row;
    }
  }
}

// Whose red lines each nearest option (or numeric forecast) is, recomputed from the scenario.
std::map<std::string, std::vector<std::string>> expected_red_lines(const Scenario& s, const forecast::Analysis& a) {
  std::map<std::string, std::vector<std::string>> out;
  for (std::size_t i = 0; i < s.issues.size(); ++i) {
    const Issue& issue = s.issues[IssueIndex(i)];
    for (const PartyIndex p : s.parties.indices()) {
      const Preferences& pr = s.preferences[p];
      if (!pr.present) continue;
      const IssuePreference& ip = pr.issues[IssueIndex(i)];
      bool hit = false;
      if (issue.kind == IssueKind::discrete) {
        // The nearest option by the documented placement: 100 k / (n - 1) unless it has a position.
        std::size_t best = 0;
        for (std::size_t o = 0; o < issue.options.size(); ++o) {
          auto at = [&](std::size_t q) {
            return issue.options[OptionIndex(q)].position.value_or(100.0 * q / (issue.options.size() - 1));
          };
          if (std::fabs(at(o) - a.run.forecast[i]) < std::fabs(at(best) - a.run.forecast[i])) best = o;
        }
        for (const OptionIndex o : ip.red_line_options) hit = hit || o.get() == best;
      } else {
        for (const ValueRange& r : ip.red_line_ranges) hit = hit || r.contains(a.run.forecast[i]);
      }
      if (hit) out[issue.id].push_back(s.parties[p].id);
    }
  }
  return out;
}

TEST(ForecastRedLines, WarnedExactlyWhereTheForecastLandsOnAPartysRedLine) {
  const Scenario s = builtin("geneva-2025");
  const ScenarioAnalysis a = analyse(s);
  ASSERT_TRUE(a.forecast && a.forecast_eum) << a.section("forecast").detail;
  std::size_t warned = 0;
  for (const forecast::Analysis* f : {&*a.forecast, &*a.forecast_eum}) {
    ASSERT_TRUE(f->ok());
    const auto expected = expected_red_lines(s, *f);
    const auto j = forecast_json(*f, ForecastDetail::summary);
    std::map<std::string, std::vector<std::string>> got;
    for (const auto& [issue, parties] : j["red_lines"].items()) got[issue] = parties.get<std::vector<std::string>>();
    EXPECT_EQ(got, expected) << forecast_model_name(f->run.model);
    const std::string warning = forecast_red_line_warning(*a.forecast, &*a.forecast_eum);
    for (const auto& [issue, parties] : expected) {
      std::string who;
      for (const auto& p : parties) who += (who.empty() ? "" : ", ") + p;
      EXPECT_NE(warning.find(issue + " "), std::string::npos) << issue;
      EXPECT_NE(warning.find("(" + who + ")"), std::string::npos) << issue;
    }
    warned += expected.size();
  }
  EXPECT_GT(warned, 0u);
  // The issue's example: SMP puts znpp nearest Z_TRI, a red line of both UA and RU.
  const auto j = forecast_json(*a.forecast, ForecastDetail::summary);
  EXPECT_EQ(j["nearest_option"]["znpp"], "Z_TRI");
  EXPECT_EQ(j["red_lines"]["znpp"], nlohmann::ordered_json({"UA", "RU"}));
  EXPECT_NE(forecast_headline_text(s, *a.forecast, Style::text, &*a.forecast_eum).find("znpp Z_TRI (UA, RU)"),
            std::string::npos);
  // No warning where no red line is hit: example-small's forecast lands on none.
  const Scenario small = example_small();
  const forecast::Analysis fs = forecast::analyse(small, forecast_headline_params({}));
  EXPECT_EQ(expected_red_lines(small, fs).empty(), forecast_red_line_warning(fs, nullptr).empty());
}

// The same on random scenarios (fixed seeds), for SMP, EUM and the weighted mean: a dimension
// is flagged exactly when the recomputation finds a party's red line there.
TEST(ForecastRedLines, MatchABruteForceRecomputationOnRandomScenarios) {
  testing::RandomSpec spec;
  spec.parties = 3;
  spec.issues = 4;
  spec.red_line_rate = 0.35;
  std::size_t flagged = 0;
  for (std::uint32_t seed = 1; seed <= 20; ++seed) {
    const Scenario s = testing::random_scenario(seed, spec);
    for (const auto model : {forecast::Model::smp, forecast::Model::eum, forecast::Model::mean}) {
      forecast::AnalysisParams p;
      p.model = model;
      const forecast::Analysis a = forecast::analyse(s, p);
      ASSERT_TRUE(a.ok()) << seed;
      const auto expected = expected_red_lines(s, a);
      std::map<std::string, std::vector<std::string>> got;
      for (std::size_t k = 0; k < a.red_line_parties.size(); ++k)
        if (!a.red_line_parties[k].empty()) got[a.problem.dimensions[k].id] = a.red_line_parties[k];
      EXPECT_EQ(got, expected) << "seed " << seed << " " << forecast::to_string(model);
      EXPECT_EQ(forecast_red_line_warning(a, nullptr).empty(), expected.empty());
      flagged += expected.size();
    }
  }
  EXPECT_GT(flagged, 10u) << "the seeds exercise the warning";
}

TEST(ShippedAccuracy, TheBuildCompilesInTheRepositorysFile) {
  const std::string file = test::read_text(std::string(ACCORD_SOURCE_DIR) + "/data/forecast-accuracy.json");
  EXPECT_EQ(shipped_accuracy_document(), file) << "rebuild after scripts/update-forecast-accuracy.sh";
  const auto& acc = shipped_accuracy();
  ASSERT_TRUE(acc);
  EXPECT_EQ(acc->data_set, "DEU III");
  EXPECT_NE(acc->citation.find("doi:10.34810/data53"), std::string::npos);
  EXPECT_EQ(acc->measured.size(), 10u) << "YYYY-MM-DD";
  for (const auto m : {forecast::Model::mean, forecast::Model::smp, forecast::Model::eum})
    EXPECT_TRUE(acc->mae(m)) << forecast::to_string(m);
  // Our summary numbers only, never the data set's rows.
  const auto j = nlohmann::ordered_json::parse(file);
  EXPECT_EQ(keys(j), (std::vector<std::string>{"schema", "data_set", "citation", "measured", "command", "data", "issues",
                                               "skipped_rows", "scale", "models"}));
  EXPECT_LT(file.size(), 4000u);
}

// The shipped figures are what `accord bench accuracy` computes now (skipped without the data).
TEST(ShippedAccuracy, MatchesWhatBenchAccuracyComputesNow) {
  const std::string data = ACCORD_SHARED_DATA_DIR;
  if (!std::filesystem::exists(data + "/deu3/deu3.csv")) GTEST_SKIP() << "DEU III data not available";
  const auto r = test::run_cli("bench accuracy --data " + data + " --shipped --date 2000-01-01");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto now = nlohmann::json::parse(r.out);
  auto shipped = nlohmann::json::parse(std::string(shipped_accuracy_document()));
  EXPECT_EQ(now["measured"], "2000-01-01");
  now.erase("measured");
  shipped.erase("measured");
  EXPECT_EQ(now, shipped) << "regenerate: scripts/update-forecast-accuracy.sh";
}

TEST(ShippedAccuracy, TheReportSaysHowEachModelDidNextToTheForecast) {
  const auto& acc = shipped_accuracy();
  ASSERT_TRUE(acc);
  const Scenario s = builtin("geneva-2025");
  const ScenarioAnalysis a = analyse(s);
  ASSERT_TRUE(a.forecast && a.forecast_eum) << a.section("forecast").detail;
  const std::string text = forecast_headline_text(s, *a.forecast, Style::text, &*a.forecast_eum);
  const std::string flat = [&] {
    std::string t = text;
    std::replace(t.begin(), t.end(), '\n', ' ');
    return t;
  }();
  for (const auto m : {forecast::Model::smp, forecast::Model::eum, forecast::Model::mean})
    EXPECT_NE(flat.find(fixed(*acc->mae(m), 1)), std::string::npos) << forecast::to_string(m);
  const bool both_worse = *acc->mae(forecast::Model::smp) > *acc->mae(forecast::Model::mean) &&
                          *acc->mae(forecast::Model::eum) > *acc->mae(forecast::Model::mean);
  EXPECT_EQ(flat.find("Both bargaining models did worse there than the weighted mean baseline") != std::string::npos,
            both_worse);
  EXPECT_NE(flat.find(acc->measured), std::string::npos);
  const auto j = full_report_json(s, a);
  EXPECT_EQ(j["forecast"]["accuracy"]["mae"]["smp"].get<double>(), *acc->mae(forecast::Model::smp));
  EXPECT_EQ(j["forecast_eum"]["model"], "eum");
  bool in_summary = false;
  for (const auto& line : summary_lines(s, a))
    in_summary = in_summary || (line.rfind("Forecast (SMP", 0) == 0 && line.find(fixed(*acc->mae(forecast::Model::mean), 1)) != std::string::npos);
  EXPECT_TRUE(in_summary);
}

TEST(AccuracyJson, StartsWithTheSchema) {
  forecast::AccuracyResult r;
  r.outcome = Outcome::success();
  r.data = "deu3.csv";
  r.models.push_back({forecast::Model::mean, 1.5, 2, 0, 0.0});
  const auto j = accuracy_json(r);
  EXPECT_EQ(keys(j), (std::vector<std::string>{"schema", "data", "status", "diagnostics", "termination", "issues",
                                               "skipped_rows", "models"}));
  EXPECT_EQ(j["models"][0]["label"], "weighted mean");
}

}  // namespace
}  // namespace accord::report
