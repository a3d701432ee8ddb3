#pragma once
// Internal entry points of the forecast models; the public API is accord/engines/forecast.hpp.
#include "accord/engines/forecast.hpp"

namespace accord::forecast::detail {

// Each fills r.turns, r.converged, r.history, r.forecast (and SMP: r.probabilities).
// The problem has been validated for the model.
// A deadline that passes sets r.termination to time_limit with the turns done.
void run_smp(const ForecastProblem& p, const SmpParams& params, const Deadline& deadline, Result& r);
void run_eum(const ForecastProblem& p, const EumParams& params, const Deadline& deadline, Result& r);
// Weighted mean / median of the final positions (weights = capability x salience).
void fill_baselines(const ForecastProblem& p, Result& r);

}  // namespace accord::forecast::detail
