#pragma once
// Problems found in a scenario, as values (never exceptions or asserts).
#include <string>
#include <vector>

namespace accord {

enum class Severity { warning, error };

struct Diagnostic {
  Severity severity = Severity::error;
  std::string file;    // empty for scenarios built in memory
  int line = 0;        // 1-based; 0 = unknown
  int column = 0;      // 1-based; 0 = unknown
  std::string path;    // field path, e.g. preferences.UA.issues.army_cap.weight
  std::string entity;  // e.g. "party UA"
  std::string message; // what was found and what was expected
  std::string hint;    // a likely fix, or empty

  // "file:line:col: error: path (entity): message; hint"
  [[nodiscard]] std::string to_string() const;
};

using Diagnostics = std::vector<Diagnostic>;

[[nodiscard]] bool has_errors(const Diagnostics& d);
// Closest candidate by edit distance, for "did you mean" hints ("" when none is close).
[[nodiscard]] std::string closest_match(const std::string& found,
                                        const std::vector<std::string>& candidates);

}  // namespace accord
