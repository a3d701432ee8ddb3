// Forecast accuracy as JSON and text (docs/forecast.md#accuracy).
#include <cstdio>
#include <nlohmann/json.hpp>

#include "accord/report/forecast_accuracy.hpp"
#include "accord/report/outcome.hpp"

namespace accord::report {
namespace embedded {
std::string_view forecast_accuracy_json();  // generated from data/forecast-accuracy.json (CMakeLists.txt)
}  // namespace embedded

namespace {

constexpr const char* kDeu3Citation =
    "Arregui, J. & Perarnaud, C. (2021), A new dataset on legislative decision-making in the European Union: the "
    "DEU III dataset, doi:10.34810/data53 (as prepared by the open blksv predictioneer-model repository)";

std::optional<ShippedAccuracy> read_shipped(std::string_view text) {
  const auto j = nlohmann::json::parse(text, nullptr, false);
  if (j.is_discarded() || !j.is_object() || j.value("schema", 0) != kShippedAccuracySchema) return std::nullopt;
  ShippedAccuracy a;
  a.data_set = j.value("data_set", "");
  a.citation = j.value("citation", "");
  a.measured = j.value("measured", "");
  a.issues = j.value("issues", std::size_t{0});
  if (!j.contains("models") || !j["models"].is_array()) return std::nullopt;
  for (const auto& m : j["models"]) {
    const auto model = forecast::parse_model(m.value("model", ""));
    if (!model || !m.contains("mae") || !m["mae"].is_number()) return std::nullopt;
    a.models.push_back({*model, m["mae"].get<double>()});
  }
  return a;
}

}  // namespace

std::optional<double> ShippedAccuracy::mae(forecast::Model m) const {
  for (const auto& x : models)
    if (x.model == m) return x.mae;
  return std::nullopt;
}

nlohmann::ordered_json shipped_accuracy_json(const forecast::AccuracyResult& r, const std::string& date) {
  const nlohmann::ordered_json full = accuracy_json(r);
  nlohmann::ordered_json j;
  j["schema"] = kShippedAccuracySchema;
  j["data_set"] = "DEU III";
  j["citation"] = kDeu3Citation;
  j["measured"] = date;
  j["command"] = "accord bench accuracy --shipped (scripts/update-forecast-accuracy.sh)";
  for (const char* k : {"data", "issues", "skipped_rows"}) j[k] = full[k];
  j["scale"] = "mean absolute error against the actual outcome, on 0..100";
  j["models"] = full["models"];
  return j;
}

std::string_view shipped_accuracy_document() { return embedded::forecast_accuracy_json(); }

const std::optional<ShippedAccuracy>& shipped_accuracy() {
  static const std::optional<ShippedAccuracy> a = read_shipped(shipped_accuracy_document());
  return a;
}

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
