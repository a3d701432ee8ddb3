// POST /api/scenarios/{id}/analyses/forecast: where each issue lands (SMP, EUM, baselines).
#include "accord/engines/forecast.hpp"
#include "analysis_params.hpp"

namespace accord::server {

Json run_forecast(const Scenario& s, const Json& params) {
  forecast::Params p;
  p.deadline = deadline_param(params);
  if (auto it = params.find("model"); it != params.end()) {
    const auto m = it->is_string() ? forecast::model_from_string(it->get<std::string>()) : std::nullopt;
    if (!m) throw bad_param("`model` must be one of smp, eum, mean, median", "model");
    p.model = *m;
  }
  const forecast::Conversion conv = forecast::from_scenario(s);
  const forecast::Result r = forecast::run(conv.problem, p);
  if (!r.ok()) throw HttpError{400, "invalid", r.error, "params", {}};
  Json fc = Json::object(), finals = Json::object();
  for (std::size_t d = 0; d < conv.problem.dimensions.size() && d < r.forecast.size(); ++d)
    fc[conv.problem.dimensions[d].id] = r.forecast[d];
  for (std::size_t a = 0; a < conv.problem.actors.size(); ++a)
    finals[conv.problem.actors[a].id] = r.final_positions()[a];
  Json out = {{"scenario", s.id},          {"model", std::string(forecast::to_string(r.model))},
              {"turns", r.turns},          {"converged", r.converged},
              {"forecast", std::move(fc)}, {"final_positions", std::move(finals)},
              {"notes", conv.notes}};
  // For the dashboard (docs/dashboard.md): scales, actors, positions per turn and, with
  // params.runs (1..1000, seed params.seed), the Monte Carlo band. Mediator only.
  Json dims = Json::array(), actors = Json::array();
  for (const auto& d : conv.problem.dimensions) dims.push_back({{"id", d.id}, {"title", d.title}, {"lo", d.lo}, {"hi", d.hi}});
  for (const auto& a : conv.problem.actors) actors.push_back(a.id);
  out["dimensions"] = std::move(dims);
  out["actors"] = std::move(actors);
  out["history"] = r.history;
  out["monte_carlo"] = nullptr;
  if (auto it = params.find("runs"); it != params.end()) {
    if (!it->is_number_unsigned() || it->get<std::size_t>() > 1000)
      throw bad_param("`runs` must be an integer from 0 to 1000", "runs");
    forecast::MonteCarloParams mc;
    mc.runs = it->get<std::size_t>();
    if (auto sd = params.find("seed"); sd != params.end() && sd->is_number_unsigned()) mc.seed = sd->get<std::uint64_t>();
    if (mc.runs > 0) {
      const forecast::MonteCarloResult m = forecast::monte_carlo(conv.problem, p, mc);
      if (m.ok()) {
        Json band = Json::array();
        for (const auto& d : m.dimensions) band.push_back({{"p05", d.p05}, {"median", d.median}, {"p95", d.p95}});
        out["monte_carlo"] = {{"runs", m.runs}, {"seed", mc.seed}, {"dimensions", std::move(band)}};
      }
    }
  }
  return out;
}

}  // namespace accord::server
