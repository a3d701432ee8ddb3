// One forecast computed once for every client (docs/forecast.md#json).
#include <cmath>
#include <optional>
#include <utility>

#include "accord/engines/forecast_analysis.hpp"
#include "engines/forecast/models.hpp"

namespace accord::forecast {
namespace {

// The termination of the first run that did not finish (model, Monte Carlo, sensitivity).
Termination first_unfinished(const Analysis& a) {
  if (!a.run.outcome.termination.finished()) return a.run.outcome.termination;
  if (a.monte_carlo && !a.monte_carlo->outcome.termination.finished()) return a.monte_carlo->outcome.termination;
  if (a.sensitivity && !a.sensitivity->outcome.termination.finished()) return a.sensitivity->outcome.termination;
  return Termination::done();
}

// The option of a discrete issue nearest x on its forecast scale (ties: the first).
std::optional<OptionIndex> nearest_index(const Issue& issue, double x) {
  if (issue.kind != IssueKind::discrete || issue.options.empty()) return std::nullopt;
  OptionIndex best(0);
  double best_d = 1e300;
  for (const OptionIndex o : issue.options.indices()) {
    const double d = std::fabs(detail::option_position(issue, o) - x);
    if (d < best_d) {
      best_d = d;
      best = o;
    }
  }
  return best;
}

// The parties whose red line on issue i the forecast x lands on: the nearest option (discrete)
// or x itself (numeric).
std::vector<std::string> red_line_parties(const Scenario& s, IssueIndex i, double x) {
  const Issue& issue = s.issues[i];
  Setting at{OptionIndex(), x};
  if (issue.kind == IssueKind::discrete) {
    const auto k = nearest_index(issue, x);
    if (!k) return {};
    at.option = *k;
  }
  std::vector<std::string> out;
  for (const PartyIndex p : s.preferences.indices()) {
    const Preferences& pr = s.preferences[p];
    if (pr.present && pr.issues.contains(i) && pr.issues[i].crosses_red_line(issue, at))
      out.push_back(s.parties[p].id);
  }
  return out;
}

}  // namespace

Analysis analyse(ForecastProblem p, const AnalysisParams& params, const ForecastSettings& defaults) {
  Analysis a;
  a.problem = std::move(p);
  Params engine = params.engine;
  engine.model = params.model.value_or(defaults.model.value_or(Model::smp));
  a.run = run(a.problem, engine);
  a.outcome = a.run.outcome;
  if (!a.run.ok()) return a;
  a.nearest_option.assign(a.problem.dimensions.size(), "");
  a.baselines = baselines(a.problem);

  const long long scenario_runs = defaults.runs.value_or(0);
  const std::size_t runs = params.runs.value_or(scenario_runs > 0 ? static_cast<std::size_t>(scenario_runs) : 0);
  if (runs > 0) {
    MonteCarloParams mc;
    mc.runs = runs;
    mc.seed = params.seed.value_or(defaults.seed.value_or(1));
    mc.noise.scale = params.noise.value_or(defaults.noise.value_or(1.0));
    mc.threads = params.threads;
    mc.progress = params.progress;
    mc.distribute = params.distribute;
    a.monte_carlo = monte_carlo(a.problem, engine, mc);
    if (a.monte_carlo->worker) return a;  // an MPI worker rank: rank 0 does the rest
  }
  if (params.sensitivity > 0) {
    SensitivityParams sp;
    sp.threads = params.threads;
    a.sensitivity = sensitivity(a.problem, engine, sp);
    if (a.sensitivity->inputs.size() > params.sensitivity) a.sensitivity->inputs.resize(params.sensitivity);
  }
  a.outcome.termination = first_unfinished(a);
  return a;
}

Analysis analyse(const Scenario& s, const AnalysisParams& params) {
  Conversion c = from_scenario(s);
  Analysis a = analyse(std::move(c.problem), params, s.forecast.value_or(ForecastSettings{}));
  a.notes = std::move(c.notes);
  if (!a.ok()) return a;
  a.red_line_parties.assign(a.nearest_option.size(), {});
  for (std::size_t k = 0; k < a.nearest_option.size() && k < s.issues.size(); ++k) {
    const IssueIndex i(k);
    if (const auto o = nearest_index(s.issues[i], a.run.forecast[k])) a.nearest_option[k] = s.issues[i].options[*o].id;
    a.red_line_parties[k] = red_line_parties(s, i, a.run.forecast[k]);
  }
  return a;
}

}  // namespace accord::forecast
