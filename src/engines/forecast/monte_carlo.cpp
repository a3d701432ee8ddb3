// Monte Carlo over perturbed inputs (docs/forecast.md#monte-carlo). Run k draws its noise
// from its own stream (seed, k), so results do not depend on the number of threads.
#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

#include <algorithm>
#include <atomic>
#include <cmath>

#include "accord/engines/forecast.hpp"
#include "engines/forecast/random.hpp"

namespace accord::forecast {
namespace {

double quantile(const std::vector<double>& sorted, double q) {
  if (sorted.empty()) return 0.0;
  const double h = q * static_cast<double>(sorted.size() - 1);
  const std::size_t lo = static_cast<std::size_t>(std::floor(h));
  const std::size_t hi = std::min(lo + 1, sorted.size() - 1);
  return sorted[lo] + (h - static_cast<double>(lo)) * (sorted[hi] - sorted[lo]);
}

}  // namespace

ForecastProblem perturb(const ForecastProblem& p, const NoiseParams& n, std::uint64_t seed,
                        std::size_t k) {
  detail::Rng rng(seed, k);
  ForecastProblem q = p;
  for (ForecastActor& a : q.actors) {
    a.capability *= std::exp(n.capability_sd * n.scale * rng.normal());
    double total = 0.0;
    for (std::size_t d = 0; d < a.position.size(); ++d) {
      const ForecastDimension& dim = q.dimensions[d];
      const double sd = n.position_sd * n.scale * (dim.hi - dim.lo) / 100.0;
      a.position[d] = std::clamp(a.position[d] + sd * rng.normal(), dim.lo, dim.hi);
      a.salience[d] = std::clamp(a.salience[d] + n.salience_sd * n.scale * rng.normal(), 0.0, 1.0);
      total += a.salience[d];
    }
    if (total > 1.0)
      for (double& s : a.salience) s /= total;  // keep an actor's saliences summing to <= 1
  }
  return q;
}

MonteCarloResult monte_carlo(const ForecastProblem& p, const Params& params,
                             const MonteCarloParams& mc) {
  MonteCarloResult out;
  out.seed = mc.seed;
  out.noise = mc.noise;
  if (Diagnostics errors = validate(p, params); !errors.empty()) {
    out.outcome.status = Status::invalid_input;
    out.outcome.diagnostics = std::move(errors);
    return out;
  }
  const std::size_t dims = p.dimensions.size();
  out.runs = mc.runs;
  out.samples.assign(mc.runs, std::vector<double>(dims, std::nan("")));
  // 0 not run (or cut short by the deadline), 1 done, 2 failed (perturbed input rejected).
  std::vector<char> state(mc.runs, 0);
  std::atomic<std::size_t> done{0};
  const auto body = [&](const tbb::blocked_range<std::size_t>& range) {
    for (std::size_t k = range.begin(); k != range.end(); ++k) {
      if (params.deadline.expired()) return;
      const Result r = run(perturb(p, mc.noise, mc.seed, k), params);
      if (!r.ok()) state[k] = 2;
      else if (r.outcome.termination.finished()) {
        out.samples[k] = r.forecast;
        state[k] = 1;
      }
      const std::size_t now = ++done;
      if (mc.progress) mc.progress(now);
    }
  };
  tbb::task_arena arena(mc.threads > 0 ? mc.threads : tbb::task_arena::automatic);
  arena.execute([&] { tbb::parallel_for(tbb::blocked_range<std::size_t>(0, mc.runs, 1), body); });

  for (char f : state) {
    out.failed += f == 2 ? 1 : 0;
    out.completed += f == 1 ? 1 : 0;
  }
  out.outcome = Outcome::success();
  if (out.completed + out.failed < mc.runs)
    out.outcome.termination = {Stop::time_limit, std::to_string(out.completed + out.failed) + " of " +
                                             std::to_string(mc.runs) + " runs done"};
  out.dimensions.resize(dims);
  for (std::size_t d = 0; d < dims; ++d) {
    std::vector<double> xs;
    for (std::size_t k = 0; k < mc.runs; ++k)
      if (state[k] == 1) xs.push_back(out.samples[k][d]);
    if (xs.empty()) continue;
    double sum = 0.0;
    for (double x : xs) sum += x;  // in run order: identical whatever the thread count
    const double mean = sum / static_cast<double>(xs.size());
    double ss = 0.0;
    for (double x : xs) ss += (x - mean) * (x - mean);
    std::sort(xs.begin(), xs.end());
    DimensionSummary& s = out.dimensions[d];
    s.mean = mean;
    s.sd = xs.size() > 1 ? std::sqrt(ss / static_cast<double>(xs.size() - 1)) : 0.0;
    s.p05 = quantile(xs, 0.05);
    s.median = quantile(xs, 0.5);
    s.p95 = quantile(xs, 0.95);
  }
  return out;
}

}  // namespace accord::forecast
