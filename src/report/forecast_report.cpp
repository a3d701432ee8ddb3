// The forecast as JSON, one shape everywhere (docs/forecast.md#json).
#include <nlohmann/json.hpp>

#include "accord/report/forecast.hpp"
#include "accord/report/forecast_accuracy.hpp"
#include "accord/report/outcome.hpp"
#include "accord/report/sections.hpp"

namespace accord::report {
namespace {

Json per_dim(const ForecastProblem& p, const std::vector<double>& v) {
  Json j = Json::object();
  for (std::size_t k = 0; k < p.dimensions.size() && k < v.size(); ++k) j[p.dimensions[k].id] = v[k];
  return j;
}

Json per_actor(const ForecastProblem& p, const std::vector<std::vector<double>>& state) {
  Json j = Json::object();
  for (std::size_t i = 0; i < p.actors.size() && i < state.size(); ++i) j[p.actors[i].id] = state[i];
  return j;
}

Json nearest_options(const forecast::Analysis& a) {
  Json j = Json::object();
  for (std::size_t k = 0; k < a.problem.dimensions.size() && k < a.nearest_option.size(); ++k)
    if (!a.nearest_option[k].empty()) j[a.problem.dimensions[k].id] = a.nearest_option[k];
  return j;
}

// {dim: [party ids]} for the dimensions whose forecast lands on a red line.
Json red_lines_json(const forecast::Analysis& a) {
  Json j = Json::object();
  for (std::size_t k = 0; k < a.problem.dimensions.size() && k < a.red_line_parties.size(); ++k)
    if (!a.red_line_parties[k].empty()) j[a.problem.dimensions[k].id] = a.red_line_parties[k];
  return j;
}

// The build's shipped DEU III figures (forecast_accuracy.hpp), or null.
Json accuracy_json_of_build() {
  const auto& acc = shipped_accuracy();
  if (!acc) return nullptr;
  Json mae = Json::object();
  for (const auto& m : acc->models) mae[std::string(forecast::to_string(m.model))] = m.mae;
  return {{"data_set", acc->data_set}, {"issues", acc->issues}, {"measured", acc->measured},
          {"citation", acc->citation}, {"mae", std::move(mae)}};
}

Json monte_carlo_json(const ForecastProblem& p, const forecast::MonteCarloResult& mc) {
  Json m;
  m["runs"] = mc.runs;
  m["completed"] = mc.completed;
  m["failed"] = mc.failed;
  m["seed"] = mc.seed;
  m["noise"] = {{"position_sd", mc.noise.position_sd}, {"salience_sd", mc.noise.salience_sd},
                {"capability_sd", mc.noise.capability_sd}, {"scale", mc.noise.scale}};
  m["termination"] = termination_json(mc.outcome.termination);
  Json dims = Json::object();
  for (std::size_t k = 0; k < p.dimensions.size() && k < mc.dimensions.size(); ++k) {
    const auto& s = mc.dimensions[k];
    dims[p.dimensions[k].id] = {{"mean", s.mean}, {"sd", s.sd}, {"p05", s.p05}, {"median", s.median}, {"p95", s.p95}};
  }
  m["dimensions"] = std::move(dims);
  return m;
}

Json sensitivity_json(const ForecastProblem& p, const forecast::SensitivityResult& sens) {
  Json inputs = Json::array();
  for (const auto& s : sens.inputs) {
    Json e;
    e["actor"] = p.actors[s.actor].id;
    e["input"] = std::string(forecast::to_string(s.input));
    e["dimension"] = s.input == forecast::Input::capability ? Json(nullptr) : Json(p.dimensions[s.input_dim].id);
    e["step"] = s.step;
    e["slope"] = per_dim(p, s.slope);
    e["impact"] = s.impact;
    inputs.push_back(std::move(e));
  }
  return {{"termination", termination_json(sens.outcome.termination)}, {"inputs", std::move(inputs)}};
}

Json optional_json(bool present, const auto& make) { return present ? make() : Json(nullptr); }

}  // namespace

Json forecast_json(const forecast::Analysis& a, ForecastDetail detail) {
  const ForecastProblem& p = a.problem;
  const forecast::Result& r = a.run;
  const bool full = detail != ForecastDetail::summary;
  Json j;
  j["schema"] = kForecastSchema;
  j["scenario"] = p.name;
  j["model"] = std::string(forecast::to_string(r.model));
  add_outcome_json(j, a.outcome);
  if (a.ok()) {
    j["turns"] = r.turns;
    j["converged"] = r.converged;
    if (full) {
      j["dimensions"] = Json::array();
      for (const auto& d : p.dimensions)
        j["dimensions"].push_back({{"id", d.id}, {"title", d.title}, {"lo", d.lo}, {"hi", d.hi}});
      j["actors"] = Json::array();
      for (const auto& act : p.actors)
        j["actors"].push_back({{"id", act.id}, {"capability", act.capability}, {"position", act.position},
                               {"salience", act.salience}});
    }
    j["forecast"] = per_dim(p, r.forecast);
    j["nearest_option"] = nearest_options(a);
    j["red_lines"] = red_lines_json(a);
    j["baselines"] = {{"weighted_mean", per_dim(p, a.baselines.weighted_mean)},
                      {"weighted_median", per_dim(p, a.baselines.weighted_median)}};
    if (full) {
      j["history"] = Json::array();
      for (const auto& state : r.history) j["history"].push_back(per_actor(p, state));
      j["final_positions"] = per_actor(p, r.final_positions());
      j["probabilities"] = optional_json(!r.probabilities.empty(), [&] {
        Json pr = Json::object();
        for (std::size_t i = 0; i < p.actors.size() && i < r.probabilities.size(); ++i)
          pr[p.actors[i].id] = r.probabilities[i];
        return pr;
      });
    }
    j["monte_carlo"] = optional_json(a.monte_carlo.has_value(), [&] { return monte_carlo_json(p, *a.monte_carlo); });
    j["accuracy"] = accuracy_json_of_build();
    if (full)
      j["sensitivity"] = optional_json(a.sensitivity.has_value(), [&] { return sensitivity_json(p, *a.sensitivity); });
  }
  j["notes"] = a.notes;
  return j;
}

forecast::AnalysisParams forecast_headline_params(const Deadline& deadline) {
  forecast::AnalysisParams params;
  params.engine.deadline = deadline;
  params.model = forecast::Model::smp;  // the headline is KTAB's SMP whatever the scenario's default
  params.runs = 0;                      // the report sets its Monte Carlo runs
  return params;
}

Json forecast_headline_json(const Scenario&, const forecast::Analysis& a) {
  return forecast_json(a, ForecastDetail::summary);
}

}  // namespace accord::report
