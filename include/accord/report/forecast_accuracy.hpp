#pragma once
// Forecast accuracy (accord::forecast::AccuracyResult) as JSON and text, for `accord bench
// accuracy` (shape: docs/forecast.md#accuracy).
#include <nlohmann/json_fwd.hpp>
#include <string>

#include "accord/engines/forecast_accuracy.hpp"

namespace accord::report {

inline constexpr int kForecastAccuracySchema = 1;

// {"schema", "data", "status", "diagnostics", "termination", "issues", "skipped_rows",
//  "models": [{"model", "label", "mae", "issues", "failed", "mean_turns"}]}
[[nodiscard]] nlohmann::ordered_json accuracy_json(const forecast::AccuracyResult& r);
// The same when the data set is absent: {"schema", "skipped": true, "reason"}.
[[nodiscard]] nlohmann::ordered_json accuracy_skipped_json(const std::string& reason);
[[nodiscard]] std::string accuracy_text(const forecast::AccuracyResult& r);

}  // namespace accord::report
