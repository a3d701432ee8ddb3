// POST /api/scenarios/{id}/analyses/evaluate: `accord evaluate --json` (report::evaluate_json) of
// params.version (default: the latest).
#include "accord/engines/evaluate.hpp"
#include "accord/report/evaluate.hpp"
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
  const evaluate::Result r = evaluate::run_version(s, v, p);
  if (!r.outcome.ok()) throw bad_param(r.outcome.message(), "version");
  return report::evaluate_json(s, r, p);
}

}  // namespace accord::server
