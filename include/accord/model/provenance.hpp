#pragma once
#include <map>
#include <string>
#include <vector>

namespace accord {

// Where a value comes from, and whether it is a guess.
struct Provenance {
  std::vector<std::string> sources;
  bool estimate = false;
  std::string note;

  [[nodiscard]] bool empty() const { return sources.empty() && !estimate && note.empty(); }
  bool operator==(const Provenance&) const = default;
};

// Provenance of individual fields of an entity, keyed by field name
// ("capability", "weight", "values.D_FREEZE"). Ordered so output is deterministic.
using FieldProvenance = std::map<std::string, Provenance>;

}  // namespace accord
