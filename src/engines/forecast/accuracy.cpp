// Forecast accuracy on decisions with a known outcome (docs/forecast.md#accuracy).
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

#include <cmath>

#include "accord/engines/forecast_accuracy.hpp"

namespace accord::forecast {

std::string accuracy_label(Model m) {
  switch (m) {
    case Model::mean: return "weighted mean";
    case Model::median: return "weighted median";
    case Model::smp: return "smp (KTAB defaults)";
    case Model::eum: return "eum (Scholz et al. defaults)";
    case Model::not_set: break;
  }
  return std::string(to_string(m));
}

AccuracyResult accuracy(const ForecastDataSet& data, const AccuracyParams& params) {
  AccuracyResult out;
  out.outcome = Outcome::success();
  out.data = data.name;
  out.cases = data.cases.size();
  out.skipped_rows = data.skipped;
  const std::size_t n = data.cases.size();
  std::size_t done = 0;
  tbb::task_arena arena(params.threads > 0 ? params.threads : tbb::task_arena::automatic);
  for (const Model model : params.models) {
    ModelAccuracy row;
    row.model = model;
    std::vector<double> err(n, std::nan(""));
    std::vector<int> turns(n, 0);
    Params engine;
    engine.model = model;
    engine.deadline = params.deadline;
    arena.execute([&] {
      tbb::parallel_for(std::size_t{0}, n, [&](std::size_t k) {
        if (params.deadline.expired()) return;
        const Result r = run(data.cases[k].problem, engine);
        if (!r.ok() || !r.outcome.termination.finished()) return;
        err[k] = std::fabs(r.forecast[0] - data.cases[k].outcome);
        turns[k] = r.turns;
      });
    });
    double sum = 0.0, tsum = 0.0;
    for (std::size_t k = 0; k < n; ++k) {  // summed in case order: deterministic
      if (std::isnan(err[k])) {
        ++row.failed;
        continue;
      }
      sum += err[k];
      tsum += turns[k];
      ++row.cases;
    }
    done += row.cases;
    row.mae = row.cases > 0 ? sum / static_cast<double>(row.cases) : std::nan("");
    row.mean_turns = row.cases > 0 ? tsum / static_cast<double>(row.cases) : 0.0;
    out.models.push_back(row);
  }
  if (params.deadline.expired() && done < n * params.models.size())
    out.outcome.termination = {Stop::time_limit, std::to_string(done) + " of " +
                                                     std::to_string(n * params.models.size()) + " model runs done"};
  return out;
}

}  // namespace accord::forecast
