// One-at-a-time finite-difference sensitivity of the forecast (docs/forecast.md#sensitivity).
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

#include <algorithm>
#include <atomic>
#include <cmath>

#include "accord/engines/forecast.hpp"

namespace accord::forecast {

SensitivityResult sensitivity(const ForecastProblem& p, const Params& params,
                              const SensitivityParams& sp) {
  SensitivityResult out;
  const Result base = run(p, params);
  if (!base.ok()) {
    out.outcome = base.outcome;
    return out;
  }
  out.base = base.forecast;
  const std::size_t dims = p.dimensions.size();
  for (std::size_t i = 0; i < p.actors.size(); ++i) {
    out.inputs.push_back({i, Input::capability, 0, 0.0, {}, 0.0});
    for (std::size_t d = 0; d < dims; ++d) {
      out.inputs.push_back({i, Input::position, d, 0.0, {}, 0.0});
      out.inputs.push_back({i, Input::salience, d, 0.0, {}, 0.0});
    }
  }
  std::atomic<std::size_t> evaluated{0};
  const auto eval = [&](std::size_t idx) {
    Sensitivity& s = out.inputs[idx];
    s.slope.assign(dims, std::nan(""));
    if (params.deadline.expired()) return;
    ForecastProblem q = p;
    ForecastActor& a = q.actors[s.actor];
    switch (s.input) {
      case Input::capability:
        s.step = sp.capability_step * a.capability;
        a.capability += s.step;
        break;
      case Input::position: {
        const ForecastDimension& dim = q.dimensions[s.input_dim];
        s.step = sp.position_step * (dim.hi - dim.lo) / 100.0;
        if (a.position[s.input_dim] + s.step > dim.hi) s.step = -s.step;  // step inward
        a.position[s.input_dim] += s.step;
        break;
      }
      case Input::salience:
        s.step = sp.salience_step;
        if (a.salience[s.input_dim] + s.step > 1.0) s.step = -s.step;
        a.salience[s.input_dim] += s.step;
        break;
      case Input::not_set: return;
    }
    const Result r = run(q, params);
    if (!r.ok() || !r.outcome.termination.finished()) return;
    ++evaluated;
    for (std::size_t d = 0; d < dims; ++d) {
      const double change = r.forecast[d] - out.base[d];
      s.slope[d] = change / s.step;
      const double scaled = std::fabs(change) * 100.0 / (p.dimensions[d].hi - p.dimensions[d].lo);
      s.impact = std::max(s.impact, scaled);
    }
  };
  tbb::task_arena arena(sp.threads > 0 ? sp.threads : tbb::task_arena::automatic);
  arena.execute([&] { tbb::parallel_for(std::size_t{0}, out.inputs.size(), eval); });
  out.outcome = Outcome::success();
  if (!base.outcome.termination.finished())
    out.outcome.termination = {base.outcome.termination.stop, "the unperturbed run: " + base.outcome.termination.detail};
  else if (evaluated < out.inputs.size() && params.deadline.expired())
    out.outcome.termination = {Stop::time_limit, std::to_string(evaluated.load()) + " of " +
                                             std::to_string(out.inputs.size()) + " inputs evaluated"};
  std::stable_sort(out.inputs.begin(), out.inputs.end(),
                   [](const Sensitivity& a, const Sensitivity& b) { return a.impact > b.impact; });
  return out;
}

}  // namespace accord::forecast
