// Temporary reader of `forecast:` until the forecast engine defines the section (docs/forecast.md).
#include "io/sections.hpp"

namespace accord::io {

std::optional<ForecastSettings> read_forecast(Reader& r, const YAML::Node& node, const Scenario&) {
  if (!r.expect_map(node, "forecast", "", {"note", "source", "sources", "estimate"})) return {};
  ForecastSettings c;
  c.note = r.string(node, "note", "forecast.note", "", false).value_or("");
  c.provenance = r.provenance(node, "forecast", "");
  return c;
}

nlohmann::ordered_json write_forecast(const ForecastSettings& c, const Scenario&) {
  nlohmann::ordered_json j = nlohmann::ordered_json::object();
  if (!c.note.empty()) j["note"] = c.note;
  return j;
}

}  // namespace accord::io
