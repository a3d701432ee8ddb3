// POST /api/scenarios/{id}/analyses/robustness: which estimated inputs flip the headline
// findings, in the shape of `accord robustness --json` (report::robustness_json; docs/robustness.md
// "JSON"). params: version (default: the latest), findings (kinds, default every kind but the
// forecast: zone, closest, verdicts, status_quo, readiness), smallest_only (default true: each
// finding to its smallest flip, as `accord report`), max_evaluations (engine runs per engine,
// 1..20000, default 4000, as `accord report`), max_seconds. What a party may see:
// report/views/robustness_view.cpp (its own verdict only).
#include <nlohmann/json.hpp>

#include "accord/engines/robustness.hpp"
#include "accord/report/analysis.hpp"
#include "accord/report/robustness.hpp"
#include "analysis_params.hpp"

namespace accord::server {
namespace {

std::vector<robustness::FindingKind> findings_param(const Json& params) {
  using robustness::FindingKind;
  const auto it = params.find("findings");
  if (it == params.end() || it->is_null())
    return {FindingKind::zone, FindingKind::closest, FindingKind::verdict, FindingKind::status_quo,
            FindingKind::readiness};
  if (!it->is_array()) throw bad_param("`findings` must be an array of finding kinds", "findings");
  std::vector<FindingKind> out;
  for (const Json& k : *it) {
    const auto kind = k.is_string() ? robustness::parse_finding_kind(k.get<std::string>()) : std::nullopt;
    if (!kind)
      throw bad_param("`findings` must name zone, closest, verdicts, status_quo, forecast or readiness", "findings");
    out.push_back(*kind);
  }
  return out;
}

}  // namespace

Json run_robustness(const Scenario& s, const Json& params) {
  robustness::Params p;
  p.deadline = deadline_param(params);
  p.version = version_param(s, params, true);
  p.findings = findings_param(params);
  p.smallest_only = true;
  if (auto it = params.find("smallest_only"); it != params.end()) {
    if (!it->is_boolean()) throw bad_param("`smallest_only` must be true or false", "smallest_only");
    p.smallest_only = it->get<bool>();
  }
  p.max_evaluations = report::kReportRobustnessRuns;
  if (auto it = params.find("max_evaluations"); it != params.end()) {
    if (!it->is_number_unsigned() || it->get<std::size_t>() == 0 || it->get<std::size_t>() > 20000)
      throw bad_param("`max_evaluations` must be an integer from 1 to 20000", "max_evaluations");
    p.max_evaluations = it->get<std::size_t>();
  }
  const robustness::Result r = robustness::run(s, p);
  if (!r.outcome.ok()) throw bad_param(r.outcome.message(), "params");
  return report::robustness_json(s, r, !p.smallest_only);
}

}  // namespace accord::server
