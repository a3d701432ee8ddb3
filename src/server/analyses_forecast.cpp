// POST /api/scenarios/{id}/analyses/forecast: where each issue lands (SMP, EUM, baselines), in
// the shape of `accord forecast --json` (report::forecast_json; docs/forecast.md#json).
// params: model (default: the scenario's, else smp), runs (0..1000 Monte Carlo runs, default
// 0), seed, max_seconds.
#include "accord/engines/forecast_analysis.hpp"
#include "accord/report/forecast.hpp"
#include "analysis_params.hpp"

namespace accord::server {

Json run_forecast(const Scenario& s, const Json& params) {
  forecast::AnalysisParams p;
  p.engine.deadline = deadline_param(params);
  if (auto it = params.find("model"); it != params.end()) {
    p.model = it->is_string() ? forecast::parse_model(it->get<std::string>()) : std::nullopt;
    if (!p.model) throw bad_param("`model` must be one of smp, eum, mean, median", "model");
  }
  p.runs = 0;
  if (auto it = params.find("runs"); it != params.end()) {
    if (!it->is_number_unsigned() || it->get<std::size_t>() > 1000)
      throw bad_param("`runs` must be an integer from 0 to 1000", "runs");
    p.runs = it->get<std::size_t>();
  }
  if (auto it = params.find("seed"); it != params.end() && it->is_number_unsigned()) p.seed = it->get<std::uint64_t>();
  const forecast::Analysis a = forecast::analyse(s, p);
  if (!a.ok()) throw HttpError{400, "invalid", a.outcome.message(), "params", {}};
  return report::forecast_json(a);
}

}  // namespace accord::server
