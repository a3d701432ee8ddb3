#pragma once
// Reading and writing scenario files (YAML or JSON, docs/format.md).
#include <optional>
#include <string>
#include <string_view>

#include "accord/model/budget.hpp"
#include "accord/model/diagnostic.hpp"
#include "accord/model/outcome.hpp"
#include "accord/model/scenario.hpp"

namespace accord::io {

inline constexpr std::size_t kMaxScenarioBytes = 16u << 20;  // 16 MiB
// YAML/JSON nodes (keys, values, list items) counted after alias expansion: about what 16 MiB
// of YAML without aliases can hold, so only alias amplification ("billion laughs") reaches it.
inline constexpr std::size_t kMaxScenarioNodes = 4'000'000;
// Estimated memory of the scenario's dense tables (preferences: parties x issues x options;
// stances: parties x points per version); a small file cannot ask for gigabytes.
inline constexpr std::size_t kMaxScenarioTableBytes = 512u << 20;  // 512 MiB

// Limits of one load (docs/format.md "Limits"). A load is all or nothing: past a limit the
// result is an error naming the file, the limit and how to raise it.
struct LoadOptions {
  std::size_t max_nodes = kMaxScenarioNodes;  // 0: the default
  std::size_t max_table_bytes = kMaxScenarioTableBytes;  // 0: the default
  Deadline deadline;  // reading stops with an error past it (default: none)
};

inline constexpr const char* kInternalReadError = "internal error while reading (please report): ";

enum class TextFormat { yaml, json };

struct LoadResult {
  std::optional<Scenario> scenario;  // set when the status is ok
  // ok, invalid_input (the diagnostics say why) or internal (a bug while reading); the
  // diagnostics hold errors and warnings in file order. The termination is finished when
  // loaded, time_limit or size_limit (nodes, tables, file size) when a limit stopped it.
  Outcome outcome;
  [[nodiscard]] bool ok() const { return outcome.ok() && scenario.has_value(); }
};

// `name` is used in diagnostics as the file name.
[[nodiscard]] LoadResult load_scenario_text(std::string_view text, const std::string& name,
                                            const LoadOptions& options = {});
[[nodiscard]] LoadResult load_scenario_file(const std::string& path, const LoadOptions& options = {});

[[nodiscard]] std::string write_scenario(const Scenario& s, TextFormat format);
// A JSON `accord db export`: the scenario with a first key `export: {scenario, revision}` naming
// the database revision it was taken at (docs/format.md "Top level").
[[nodiscard]] std::string write_scenario_json_export(const Scenario& s, const std::string& scenario,
                                                     std::int64_t revision);

}  // namespace accord::io
