#pragma once
// Forecasts (accord::forecast::Analysis) as JSON and text: the one serialiser and the one
// renderer behind `accord forecast`, the server's forecast analysis and the forecast section of
// `accord report` (shape and schema history: docs/forecast.md#json).
#include <cstdint>
#include <nlohmann/json_fwd.hpp>
#include <string>

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
// analysis has only those and "notes".
[[nodiscard]] nlohmann::ordered_json forecast_json(const forecast::Analysis& a,
                                                   ForecastDetail detail = ForecastDetail::full);
// The text of `accord forecast`.
[[nodiscard]] std::string forecast_text(const forecast::Analysis& a);

// --- the forecast section of `accord report` ---------------------------------------------
// The headline: SMP with KTAB's defaults, no Monte Carlo, bounded by `deadline`.
[[nodiscard]] forecast::AnalysisParams forecast_headline_params(const Deadline& deadline);
// forecast_json(a, summary).
[[nodiscard]] nlohmann::ordered_json forecast_headline_json(const Scenario& s, const forecast::Analysis& a);
// A table per issue; empty when there is nothing to forecast (fewer than two actors with a
// salience), a note when the SMP refused the size.
[[nodiscard]] std::string forecast_headline_text(const Scenario& s, const forecast::Analysis& a, Style style);

}  // namespace accord::report
