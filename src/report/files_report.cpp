#include "accord/report/files.hpp"

#include <nlohmann/json.hpp>

#include "accord/report/outcome.hpp"

namespace accord::report {

nlohmann::ordered_json validation_json(const std::string& file, const io::LoadResult& r) {
  nlohmann::ordered_json j;
  j["schema"] = kValidationSchema;
  // The scenario's id once read; null when the file does not hold a valid scenario.
  j["scenario"] = r.scenario ? nlohmann::ordered_json(r.scenario->id) : nlohmann::ordered_json();
  add_outcome_json(j, r.outcome);
  j["file"] = file;
  j["valid"] = r.ok();
  j["errors"] = count(r.outcome.diagnostics, Severity::error);
  j["warnings"] = count(r.outcome.diagnostics, Severity::warning);
  return j;
}

nlohmann::ordered_json scenario_list_json(const std::vector<ScenarioListing>& list) {
  nlohmann::ordered_json j;
  j["schema"] = kScenarioListSchema;
  auto& arr = j["scenarios"] = nlohmann::ordered_json::array();
  for (const ScenarioListing& s : list) arr.push_back({{"name", s.name}, {"title", s.title}});
  return j;
}

}  // namespace accord::report
