// Monte Carlo over perturbed inputs (docs/forecast.md#monte-carlo). Run k draws its noise
// from its own stream (seed, k), so results do not depend on the number of threads.
#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstring>
#include <stdexcept>

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

// A run's state and forecast as bytes for a Distributor (native layout, same build everywhere).
std::string encode(char state, const std::vector<double>& forecast) {
  std::string out(1, state);
  out.append(reinterpret_cast<const char*>(forecast.data()), forecast.size() * sizeof(double));
  return out;
}

char decode(const std::string& in, std::vector<double>& forecast) {
  if (in.size() != 1 + forecast.size() * sizeof(double)) throw std::runtime_error("monte carlo: bad work item");
  std::memcpy(forecast.data(), in.data() + 1, forecast.size() * sizeof(double));
  return in[0];
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
  // Run k: its state and, when done, its forecast in samples[k].
  const auto run_k = [&](std::size_t k, std::vector<double>& sample) -> char {
    if (params.deadline.expired()) return 0;
    const Result r = run(perturb(p, mc.noise, mc.seed, k), params);
    if (!r.ok()) return 2;
    if (!r.outcome.termination.finished()) return 0;
    sample = r.forecast;
    return 1;
  };
  if (mc.distribute) {
    const work::ItemFn item = [&](std::size_t k) {
      std::vector<double> sample(dims, std::nan(""));
      const char st = run_k(k, sample);
      return encode(st, sample);
    };
    const ProgressFn progress = [&](double fraction, std::string_view) {
      if (mc.progress) mc.progress(static_cast<std::size_t>(fraction * static_cast<double>(mc.runs)));
    };
    const work::Gathered g = mc.distribute(mc.runs, item, params.deadline, progress);
    if (!g.root) {
      out.worker = true;
      out.outcome = Outcome::success();
      return out;
    }
    for (std::size_t k = 0; k < g.items.size(); ++k) state[k] = decode(g.items[k], out.samples[k]);
  } else {
    std::atomic<std::size_t> done{0};
    const auto body = [&](const tbb::blocked_range<std::size_t>& range) {
      for (std::size_t k = range.begin(); k != range.end(); ++k) {
        if (params.deadline.expired()) return;
        state[k] = run_k(k, out.samples[k]);
        const std::size_t now = ++done;
        if (mc.progress) mc.progress(now);
      }
    };
    tbb::task_arena arena(mc.threads > 0 ? mc.threads : tbb::task_arena::automatic);
    arena.execute([&] { tbb::parallel_for(tbb::blocked_range<std::size_t>(0, mc.runs, 1), body); });
  }

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
