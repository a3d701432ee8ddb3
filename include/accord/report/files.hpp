#pragma once
// The documents of the scenario-file commands: `accord validate --json` and `accord scenarios
// --json` (shapes: docs/cli.md "JSON shapes").
#include <nlohmann/json_fwd.hpp>

#include <string>
#include <vector>

#include "accord/io/scenario_io.hpp"

namespace accord::report {

// Versions of the JSON shapes below; bumped when one changes incompatibly.
inline constexpr int kValidationSchema = 1;
inline constexpr int kScenarioListSchema = 1;

// {schema, scenario, status, diagnostics, termination, file, valid, errors, warnings}: the
// envelope of every document (report/outcome.hpp) first.
[[nodiscard]] nlohmann::ordered_json validation_json(const std::string& file, const io::LoadResult& r);

struct ScenarioListing {
  std::string name;
  std::string title;
};
// {schema, scenarios: [{name, title}]}
[[nodiscard]] nlohmann::ordered_json scenario_list_json(const std::vector<ScenarioListing>& list);

}  // namespace accord::report
