#pragma once
// Forecasts (accord::forecast::Analysis) as JSON and text: the one serialiser and the one
// renderer behind `accord forecast`, the server's forecast analysis and the forecast section of
// `accord report` (shape and schema history: docs/forecast.md#json).
#include <cstdint>
#include <nlohmann/json_fwd.hpp>
#include <string>
#include <vector>

#include "accord/engines/forecast_analysis.hpp"
#include "accord/model/budget.hpp"
#include "accord/model/scenario.hpp"
#include "accord/report/table.hpp"

namespace accord::report {

inline constexpr int kForecastSchema = 1;

// Append new values at the end.
enum class ForecastDetail : std::uint8_t {
  not_set = 0,
  full,     // everything: actors, history, final positions, probabilities, Monte Carlo, sensitivity
  summary,  // the forecast, nearest options, baselines and Monte Carlo (a report's section)
};

// {"schema", "scenario", "model", "status", "diagnostics", "termination", ...}; a failed
// analysis has only those and "notes". Every ok analysis carries "red_lines" (where the
// forecast lands on a party's red line) and "accuracy" (the build's shipped DEU III figures).
[[nodiscard]] nlohmann::ordered_json forecast_json(const forecast::Analysis& a,
                                                   ForecastDetail detail = ForecastDetail::full);
// The text of `accord forecast`.
[[nodiscard]] std::string forecast_text(const forecast::Analysis& a);

// --- the forecast section of `accord report` ---------------------------------------------
// The headline: SMP with KTAB's defaults, bounded by `deadline` (the report sets the Monte
// Carlo runs: ReportOptions::forecast_runs).
[[nodiscard]] forecast::AnalysisParams forecast_headline_params(const Deadline& deadline);
// forecast_json(a, summary).
[[nodiscard]] nlohmann::ordered_json forecast_headline_json(const Scenario& s, const forecast::Analysis& a);
// A table per issue (SMP, its Monte Carlo band, nearest option, whose red line it is, EUM when
// given, the weighted mean), then the red-line warning and each model's DEU III accuracy; empty
// when there is nothing to forecast (fewer than two actors with a salience), a note when the
// SMP refused the size.
// `scenario`: the word the suggested `accord forecast` command names (default: the scenario's id).
[[nodiscard]] std::string forecast_headline_text(const Scenario& s, const forecast::Analysis& a, Style style,
                                                 const forecast::Analysis* eum = nullptr,
                                                 const std::string& scenario = {});

// --- wording shared by the text, Markdown and HTML reports and the report's summary --------
// (docs/forecast.md "What the report says")
// "SMP", "EUM", "weighted mean", "weighted median".
[[nodiscard]] std::string forecast_model_name(forecast::Model m);
// The section's title, which says whether the run converged: "Forecast: where each issue
// lands (SMP, KTAB defaults; converged after 12 turns)", or "Forecast (SMP, KTAB defaults): not
// converged after 100 turns (turn limit), so no landing point" / "… stopped by the time budget
// after 3 turns (partial), so no landing point".
[[nodiscard]] std::string forecast_headline_title(const forecast::Analysis& a);
// "Where the forecast lands on a party's red line — SMP: znpp Z_TRI (UA, RU); EUM: …." or ""
// when neither does.
[[nodiscard]] std::string forecast_red_line_warning(const forecast::Analysis& a, const forecast::Analysis* eum);
// "Accuracy on real decisions (DEU III, …): mean absolute error on 0-100 SMP 25.5, EUM 30.2,
// weighted mean of the positions 23.2. Both bargaining models did worse there than the
// weighted mean baseline. Source: …" for the models `shown` (the weighted mean, the baseline,
// always), or "" when the build ships no figures.
[[nodiscard]] std::string forecast_accuracy_note(const std::vector<forecast::Model>& shown);
// The report summary's sentence on the forecast (converged or not, the band, red lines,
// agreement with the EUM, accuracy); "" when nothing was forecast.
[[nodiscard]] std::string forecast_summary_line(const forecast::Analysis& smp, const forecast::Analysis* eum);

}  // namespace accord::report
