#pragma once
// Internal entry points of the forecast models; the public API is accord/engines/forecast.hpp.
#include "accord/engines/forecast.hpp"

namespace accord::forecast::detail {

// Each fills r.turns, r.converged, r.history, r.forecast (and SMP: r.probabilities).
// The problem has been validated for the model.
// A deadline that passes sets r.outcome.termination to time_limit with the turns done.
void run_smp(const ForecastProblem& p, const SmpParams& params, const Deadline& deadline, Result& r);
void run_eum(const ForecastProblem& p, const EumParams& params, const Deadline& deadline, Result& r);
// Where a discrete issue's option `o` sits on the forecast scale: its `position`, else its
// place in list order on 0..100 (a single option: 50).
[[nodiscard]] double option_position(const Issue& issue, OptionIndex o);

}  // namespace accord::forecast::detail
