#pragma once
// Reading and writing scenario files (YAML or JSON, docs/format.md).
#include <optional>
#include <string>
#include <string_view>

#include "accord/model/diagnostic.hpp"
#include "accord/model/scenario.hpp"

namespace accord::io {

inline constexpr std::size_t kMaxScenarioBytes = 16u << 20;  // 16 MiB

inline constexpr const char* kInternalReadError = "internal error while reading (please report): ";

enum class TextFormat { yaml, json };

struct LoadResult {
  std::optional<Scenario> scenario;  // set when there is no error
  Diagnostics diagnostics;           // errors and warnings, in file order
  [[nodiscard]] bool ok() const { return scenario.has_value(); }
};

// `name` is used in diagnostics as the file name.
[[nodiscard]] LoadResult load_scenario_text(std::string_view text, const std::string& name);
[[nodiscard]] LoadResult load_scenario_file(const std::string& path);

[[nodiscard]] std::string write_scenario(const Scenario& s, TextFormat format);

}  // namespace accord::io
