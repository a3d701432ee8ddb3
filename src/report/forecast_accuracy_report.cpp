// Forecast accuracy as JSON and text (docs/forecast.md#accuracy).
#include <cstdio>
#include <nlohmann/json.hpp>

#include "accord/report/forecast_accuracy.hpp"
#include "accord/report/outcome.hpp"

namespace accord::report {

nlohmann::ordered_json accuracy_json(const forecast::AccuracyResult& r) {
  nlohmann::ordered_json j;
  j["schema"] = kForecastAccuracySchema;
  j["data"] = r.data;
  add_outcome_json(j, r.outcome);
  j["issues"] = r.cases;  // DEU III cases are legislative issues
  j["skipped_rows"] = r.skipped_rows;
  j["models"] = nlohmann::ordered_json::array();
  for (const auto& m : r.models)
    j["models"].push_back({{"model", std::string(forecast::to_string(m.model))},
                           {"label", forecast::accuracy_label(m.model)},
                           {"mae", m.mae},
                           {"issues", m.cases},
                           {"failed", m.failed},
                           {"mean_turns", m.mean_turns}});
  return j;
}

nlohmann::ordered_json accuracy_skipped_json(const std::string& reason) {
  return {{"schema", kForecastAccuracySchema}, {"skipped", true}, {"reason", reason}};
}

std::string accuracy_text(const forecast::AccuracyResult& r) {
  std::string out = "Forecast accuracy on DEU III (" + std::to_string(r.cases) + " issues with an outcome; " +
                    std::to_string(r.skipped_rows) +
                    " rows skipped)\nmean absolute error against the actual outcome, 0..100 scale\n\n";
  char buf[160];
  std::snprintf(buf, sizeof buf, "  %-30s %8s %8s %8s\n", "model", "MAE", "issues", "turns");
  out += buf;
  for (const auto& m : r.models) {
    std::snprintf(buf, sizeof buf, "  %-30s %8.2f %8zu %8.1f\n", forecast::accuracy_label(m.model).c_str(), m.mae,
                  m.cases, m.mean_turns);
    out += buf;
  }
  if (!r.outcome.termination.finished())
    out += "\nStopped early (" + std::string(to_string(r.outcome.termination.stop)) + "): " +
           r.outcome.termination.detail + "; the figures are over the cases that ran.\n";
  out += "\nPublished reference for the baselines on this data: weighted mean 23.2, weighted median 27.6.\n";
  return out;
}

}  // namespace accord::report
