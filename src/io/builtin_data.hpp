#pragma once
#include <string>
#include <vector>

namespace accord::io {

struct EmbeddedScenario {
  std::string name;  // file stem, e.g. "geneva-2025"
  std::string text;  // YAML
};

// Defined in the generated builtin_scenarios.cpp (cmake/EmbedScenarios.cmake).
const std::vector<EmbeddedScenario>& embedded_scenarios();

}  // namespace accord::io
