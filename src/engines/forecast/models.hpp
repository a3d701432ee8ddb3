#pragma once
// Internal entry points of the forecast models; the public API is accord/engines/forecast.hpp.
#include "accord/engines/forecast.hpp"

namespace accord::forecast::detail {

// Each fills r.turns, r.converged, r.history, r.forecast (and SMP: r.probabilities).
// The problem has been validated for the model.
void run_smp(const ForecastProblem& p, const SmpParams& params, Result& r);
void run_eum(const ForecastProblem& p, const EumParams& params, Result& r);
// Weighted mean / median of the final positions (weights = capability x salience).
void fill_baselines(const ForecastProblem& p, Result& r);

}  // namespace accord::forecast::detail
