#pragma once
// One forecast with everything shown about it, computed once for every client (`accord
// forecast`, `accord report`, the server): the model run, the capability x salience baselines
// of the input positions, and the Monte Carlo band and sensitivity when asked. Serialised and
// rendered by accord/report/forecast.hpp (docs/forecast.md#json).
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "accord/engines/forecast.hpp"

namespace accord::forecast {

struct AnalysisParams {
  Params engine;  // the budget every run shares, max actors, SMP/EUM settings (engine.model: see `model`)
  // Unset: the scenario's `forecast:` section (ForecastSettings), else the default.
  std::optional<Model> model;         // default smp
  std::optional<std::size_t> runs;    // Monte Carlo runs; default 0 (none)
  std::optional<std::uint64_t> seed;  // default 1
  std::optional<double> noise;        // scale of the documented noise; default 1
  std::size_t sensitivity = 0;        // keep the K inputs that move the forecast most (0: not run)
  int threads = 0;                    // Monte Carlo and sensitivity workers (0 = oneTBB default)
  std::function<void(std::size_t)> progress;  // Monte Carlo runs done, from worker threads
  work::Distributor distribute;  // Monte Carlo runs across MPI ranks (MonteCarloParams::distribute)
};

struct Analysis {
  // The model run's status and diagnostics (invalid_input: nothing else is set). termination:
  // the first run that did not finish, in the order model, Monte Carlo, sensitivity.
  Outcome outcome;
  ForecastProblem problem;          // the input (scenario: ForecastProblem from from_scenario)
  std::vector<std::string> notes;   // parties left out and overrides applied
  // Per dimension: the id of the option nearest the forecast on a discrete scenario issue; ""
  // for numeric issues and CSV inputs.
  std::vector<std::string> nearest_option;
  // Per dimension (scenario inputs only): the ids of the parties with preferences whose red
  // line the forecast lands on (the nearest option of a discrete issue is one of their red-line
  // options; a numeric forecast lies in one of their red-line ranges), in party order. Empty
  // for CSV inputs.
  std::vector<std::vector<std::string>> red_line_parties;
  Result run;                       // the model run (run.model: the model used)
  Baselines baselines;              // of the input positions
  std::optional<MonteCarloResult> monte_carlo;   // when runs > 0
  std::optional<SensitivityResult> sensitivity;  // when asked: the first K inputs by impact
  [[nodiscard]] bool ok() const { return outcome.ok(); }
};

// `defaults` fills what `params` leaves unset (a scenario's `forecast:` section).
[[nodiscard]] Analysis analyse(ForecastProblem p, const AnalysisParams& params, const ForecastSettings& defaults = {});
// from_scenario(s), its notes, the scenario's `forecast:` defaults and the nearest options.
[[nodiscard]] Analysis analyse(const Scenario& s, const AnalysisParams& params);

}  // namespace accord::forecast
