// The forecast's one serialiser and renderer: schema first, one shape (full or its summary),
// the envelope on failure, and the report's deadline-taking headline equal to run + render.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "accord/io/builtin.hpp"
#include "accord/report/analysis.hpp"
#include "accord/report/forecast.hpp"
#include "accord/report/forecast_accuracy.hpp"

namespace accord::report {
namespace {

Scenario example_small() {
  io::LoadResult r = io::load_scenario("example-small");
  EXPECT_TRUE(r.ok());
  return *r.scenario;
}

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
                                               "nearest_option", "baselines", "history", "final_positions",
                                               "probabilities", "monte_carlo", "sensitivity", "notes"}));
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
                                                     "baselines", "monte_carlo", "notes"}));
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
  EXPECT_NE(forecast_headline_text(s, a, Style::text).find("Forecast: where each issue lands"), std::string::npos);
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

TEST(AccuracyJson, StartsWithTheSchema) {
  forecast::AccuracyResult r;
  r.outcome = Outcome::success();
  r.data = "deu3.csv";
  r.models.push_back({forecast::Model::mean, 1.5, 2, 0, 0.0});
  const auto j = accuracy_json(r);
  EXPECT_EQ(keys(j), (std::vector<std::string>{"schema", "data", "status", "diagnostics", "termination", "issues",
                                               "skipped_rows", "models"}));
  EXPECT_EQ(j["models"][0]["label"], "weighted mean");
  EXPECT_EQ(accuracy_skipped_json("absent")["schema"], kForecastAccuracySchema);
}

}  // namespace
}  // namespace accord::report
