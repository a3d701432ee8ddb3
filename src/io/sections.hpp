#pragma once
// Readers and writers of the optional scenario sections owned by engines.
// The scenario reader calls read_* after parties and issues are resolved, so a section
// may refer to them; the writer calls write_* and stores the result under the key.
#include <yaml-cpp/yaml.h>

#include <nlohmann/json.hpp>
#include <optional>

#include "accord/model/scenario.hpp"
#include "io/reader.hpp"

namespace accord::io {

// `conflict:` (src/io/conflict_section.cpp). Path prefix "conflict".
std::optional<Conflict> read_conflict(Reader& r, const YAML::Node& node, const Scenario& s);
nlohmann::ordered_json write_conflict(const Conflict& c, const Scenario& s);

// `forecast:` (src/io/forecast_section.cpp). Path prefix "forecast".
std::optional<ForecastSettings> read_forecast(Reader& r, const YAML::Node& node, const Scenario& s);
nlohmann::ordered_json write_forecast(const ForecastSettings& f, const Scenario& s);

}  // namespace accord::io
