#include "accord/report/outcome.hpp"

#include <nlohmann/json.hpp>

#include "accord/report/sections.hpp"

namespace accord::report {

Json diagnostic_json(const Diagnostic& d) {
  return {{"severity", d.severity == Severity::error ? "error" : "warning"},
          {"file", d.file},
          {"line", d.line},
          {"column", d.column},
          {"path", d.path},
          {"entity", d.entity},
          {"message", d.message},
          {"hint", d.hint},
          {"omitted", d.omitted}};
}

Json diagnostics_json(const Diagnostics& ds) {
  Json out = Json::array();
  for (const Diagnostic& d : ds) out.push_back(diagnostic_json(d));
  return out;
}

void add_outcome_json(Json& doc, const Outcome& o) {
  doc["status"] = std::string(to_string(o.status));
  doc["diagnostics"] = diagnostics_json(o.diagnostics);
  doc["termination"] = termination_json(o.termination);
}

}  // namespace accord::report
