#include "accord/io/builtin.hpp"

#include "io/builtin_data.hpp"

namespace accord::io {

std::vector<std::string> builtin_scenario_names() {
  std::vector<std::string> names;
  for (const auto& e : embedded_scenarios()) names.push_back(e.name);
  return names;
}

const std::string* builtin_scenario_text(const std::string& name) {
  for (const auto& e : embedded_scenarios())
    if (e.name == name) return &e.text;
  return nullptr;
}

LoadResult load_scenario(const std::string& name_or_path, const LoadOptions& options) {
  if (const std::string* text = builtin_scenario_text(name_or_path))
    return load_scenario_text(*text, "builtin:" + name_or_path, options);
  return load_scenario_file(name_or_path, options);
}

}  // namespace accord::io
