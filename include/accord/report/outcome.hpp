#pragma once
// The result envelope (include/accord/model/outcome.hpp) as JSON, the same in every document:
//   "status": "ok" | "invalid_input" | "internal",
//   "diagnostics": [{severity, file, line, column, path, entity, message, hint, omitted}],
//   "termination": {"stop": "finished" | "time_limit" | ..., "detail": "..."}
#include <nlohmann/json_fwd.hpp>

#include "accord/model/outcome.hpp"

namespace accord::report {

[[nodiscard]] nlohmann::ordered_json diagnostic_json(const Diagnostic& d);
[[nodiscard]] nlohmann::ordered_json diagnostics_json(const Diagnostics& d);
// Adds "status", "diagnostics" and "termination" to `doc` (an object), in that order.
void add_outcome_json(nlohmann::ordered_json& doc, const Outcome& o);

}  // namespace accord::report
