#pragma once
// Built-in scenarios compiled into the binary (scenarios/*.yaml).
#include <string>
#include <vector>

#include "accord/io/scenario_io.hpp"

namespace accord::io {

[[nodiscard]] std::vector<std::string> builtin_scenario_names();
// The YAML text of a built-in scenario, or nullptr.
[[nodiscard]] const std::string* builtin_scenario_text(const std::string& name);
// Loads `name_or_path`: a built-in name when one matches, else a file path.
[[nodiscard]] LoadResult load_scenario(const std::string& name_or_path, const LoadOptions& options = {});

}  // namespace accord::io
