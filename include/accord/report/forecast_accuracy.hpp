#pragma once
// Forecast accuracy (accord::forecast::AccuracyResult) as JSON and text, for `accord bench
// accuracy` (shape: docs/forecast.md#accuracy).
#include <cstddef>
#include <nlohmann/json_fwd.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "accord/engines/forecast_accuracy.hpp"

namespace accord::report {

inline constexpr int kForecastAccuracySchema = 1;

// {"schema", "data", "status", "diagnostics", "termination", "issues", "skipped_rows",
//  "models": [{"model", "label", "mae", "issues", "failed", "mean_turns"}]}
[[nodiscard]] nlohmann::ordered_json accuracy_json(const forecast::AccuracyResult& r);
[[nodiscard]] std::string accuracy_text(const forecast::AccuracyResult& r);

// --- the accuracy shipped with the build (data/forecast-accuracy.json) --------------------
// Our summary of a measurement on DEU III, never the data: shown next to every forecast so a
// reader sees how each model did on real decisions. Written by `accord bench accuracy --shipped`
// (scripts/update-forecast-accuracy.sh), compiled into accord::report and installed to
// share/accord/ (docs/forecast.md#accuracy).
inline constexpr int kShippedAccuracySchema = 1;

struct ShippedModelAccuracy {
  forecast::Model model = forecast::Model::not_set;
  double mae = 0.0;  // mean absolute error, 0..100 scale
};
struct ShippedAccuracy {
  std::string data_set;  // "DEU III"
  std::string citation;  // the data set's source
  std::string measured;  // the date it was measured, YYYY-MM-DD
  std::size_t issues = 0;
  std::vector<ShippedModelAccuracy> models;
  [[nodiscard]] std::optional<double> mae(forecast::Model m) const;
};

// {"schema", "data_set", "citation", "measured", "command", "data", "issues", "skipped_rows",
//  "scale", "models": [{"model", "label", "mae", "issues", "failed", "mean_turns"}]}; `r` must
// have finished.
[[nodiscard]] nlohmann::ordered_json shipped_accuracy_json(const forecast::AccuracyResult& r, const std::string& date);
// The document compiled into this build, as text and read (nullopt when it does not parse).
[[nodiscard]] std::string_view shipped_accuracy_document();
[[nodiscard]] const std::optional<ShippedAccuracy>& shipped_accuracy();

}  // namespace accord::report
