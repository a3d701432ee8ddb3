// Dispatch, validation and the weighted mean / median baselines (docs/forecast.md).
#include <algorithm>
#include <cmath>
#include <numeric>

#include "accord/engines/forecast.hpp"
#include "engines/forecast/models.hpp"

namespace accord::forecast {

std::string_view to_string(Model m) {
  switch (m) {
    case Model::smp: return "smp";
    case Model::eum: return "eum";
    case Model::mean: return "mean";
    case Model::median: return "median";
  }
  return "smp";
}

std::optional<Model> model_from_string(std::string_view s) {
  for (Model m : {Model::smp, Model::eum, Model::mean, Model::median})
    if (to_string(m) == s) return m;
  return std::nullopt;
}

std::string_view to_string(Input i) {
  switch (i) {
    case Input::position: return "position";
    case Input::salience: return "salience";
    case Input::capability: return "capability";
  }
  return "position";
}

double weighted_mean(const std::vector<double>& x, const std::vector<double>& w) {
  double sw = 0.0, swx = 0.0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    sw += w[i];
    swx += w[i] * x[i];
  }
  if (!(sw > 0.0)) return std::accumulate(x.begin(), x.end(), 0.0) / static_cast<double>(x.size());
  return swx / sw;
}

double weighted_median(const std::vector<double>& x, const std::vector<double>& w) {
  std::vector<std::size_t> order(x.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return x[a] < x[b]; });
  const double total = std::accumulate(w.begin(), w.end(), 0.0);
  if (!(total > 0.0)) return x[order[(order.size() - 1) / 2]];
  double cum = 0.0;
  for (std::size_t i : order) {
    cum += w[i];
    if (cum >= total / 2.0 - 1e-12 * total) return x[i];
  }
  return x[order.back()];
}

std::string validate(const ForecastProblem& p, Model m) {
  const std::size_t d = p.dimensions.size();
  if (d == 0) return "the problem has no dimensions; expected at least one issue";
  const std::size_t min_actors = (m == Model::smp || m == Model::eum) ? 2 : 1;
  if (p.actors.size() < min_actors)
    return "the problem has " + std::to_string(p.actors.size()) + " actors; the " +
           std::string(to_string(m)) + " model needs at least " + std::to_string(min_actors);
  for (const ForecastDimension& dim : p.dimensions)
    if (!std::isfinite(dim.lo) || !std::isfinite(dim.hi) || !(dim.hi > dim.lo))
      return "dimension `" + dim.id + "`: scale [" + std::to_string(dim.lo) + ", " +
             std::to_string(dim.hi) + "] is empty; expected lo < hi";
  for (const ForecastActor& a : p.actors) {
    const std::string who = "actor `" + a.id + "`: ";
    if (!(std::isfinite(a.capability) && a.capability > 0.0))
      return who + "capability " + std::to_string(a.capability) + " must be a finite number > 0";
    if (a.position.size() != d || a.salience.size() != d)
      return who + "expected one position and one salience per dimension (" + std::to_string(d) + ")";
    double ssum = 0.0;
    for (std::size_t k = 0; k < d; ++k) {
      const ForecastDimension& dim = p.dimensions[k];
      if (!std::isfinite(a.position[k]) || a.position[k] < dim.lo || a.position[k] > dim.hi)
        return who + "position " + std::to_string(a.position[k]) + " on `" + dim.id +
               "` is outside its scale [" + std::to_string(dim.lo) + ", " + std::to_string(dim.hi) + "]";
      if (!std::isfinite(a.salience[k]) || a.salience[k] < 0.0 || a.salience[k] > 1.0)
        return who + "salience " + std::to_string(a.salience[k]) + " on `" + dim.id +
               "` is outside [0, 1]";
      ssum += a.salience[k];
    }
    if (m == Model::smp && !(ssum > 0.0))
      return who + "salience is 0 on every dimension; the smp model needs a positive salience";
  }
  return {};
}

std::string validate(const ForecastProblem& p, const Params& params) {
  if ((params.model == Model::smp || params.model == Model::eum) && p.actors.size() > params.max_actors)
    return "the " + std::string(to_string(params.model)) + " model handles at most " +
           std::to_string(params.max_actors) + " actors; found " + std::to_string(p.actors.size()) +
           " (use --model mean or median, or merge actors)";
  return validate(p, params.model);
}

Result run(const ForecastProblem& p, const Params& params) {
  Result r;
  r.model = params.model;
  r.error = validate(p, params);
  if (!r.ok()) {
    if (p.actors.size() > params.max_actors) r.termination = {Stop::size_limit, r.error};
    return r;
  }
  r.termination = Termination::done();
  switch (params.model) {
    case Model::smp: detail::run_smp(p, params.smp, params.deadline, r); break;
    case Model::eum: detail::run_eum(p, params.eum, params.deadline, r); break;
    case Model::mean:
    case Model::median: {
      std::vector<std::vector<double>> pos;
      for (const ForecastActor& a : p.actors) pos.push_back(a.position);
      r.history.push_back(std::move(pos));
      break;
    }
  }
  if (!r.ok()) return r;
  detail::fill_baselines(p, r);
  if (params.model == Model::mean) r.forecast = r.weighted_mean;
  if (params.model == Model::median) r.forecast = r.weighted_median;
  return r;
}

namespace detail {

void fill_baselines(const ForecastProblem& p, Result& r) {
  const auto& fin = r.history.back();
  const std::size_t d = p.dimensions.size();
  r.weighted_mean.assign(d, 0.0);
  r.weighted_median.assign(d, 0.0);
  for (std::size_t k = 0; k < d; ++k) {
    std::vector<double> x, w;
    for (std::size_t i = 0; i < p.actors.size(); ++i) {
      x.push_back(fin[i][k]);
      w.push_back(p.actors[i].capability * p.actors[i].salience[k]);
    }
    r.weighted_mean[k] = weighted_mean(x, w);
    r.weighted_median[k] = weighted_median(x, w);
  }
}

}  // namespace detail
}  // namespace accord::forecast
