// POST /api/scenarios/{id}/analyses/evaluate: utilities, red lines, consensus and readiness of a version.
#include "accord/engines/evaluate.hpp"
#include "accord/report/sections.hpp"
#include "analysis_params.hpp"

namespace accord::server {

Json run_evaluate(const Scenario& s, const Json& params) {
  evaluate::Params p;
  p.deadline = deadline_param(params);
  if (auto it = params.find("max_open_points"); it != params.end()) {
    if (!it->is_number_unsigned()) throw bad_param("`max_open_points` must be a non-negative integer", "max_open_points");
    p.max_open_points = it->get<std::size_t>();
  }
  if (auto it = params.find("max_open_salience"); it != params.end()) {
    if (!it->is_number()) throw bad_param("`max_open_salience` must be a number", "max_open_salience");
    p.max_open_salience = it->get<double>();
  }
  const VersionIndex v = version_param(s, params, true);
  if (!v.valid()) throw bad_param("the scenario has no framework versions to evaluate", "version");
  return report::evaluate_json(s, evaluate::run_version(s, v, p), p);
}

}  // namespace accord::server
