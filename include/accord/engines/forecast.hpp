#pragma once
// Forecast engine: where each issue lands when it is left to power and persuasion.
// Models (every equation and choice: docs/forecast.md):
//   - mean, median: capability x salience weighted mean / weighted median per dimension;
//   - smp: KTAB's Spatial Model of Politics, reproduced to KTAB's defaults;
//   - eum: Bueno de Mesquita's expected utility model as replicated by Scholz et al. (2011).
// Pure functions: no I/O, no clock; deterministic for a seed whatever the thread count.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "accord/model/budget.hpp"
#include "accord/model/forecast_settings.hpp"
#include "accord/model/outcome.hpp"
#include "accord/model/scenario.hpp"
#include "accord/model/work_items.hpp"

namespace accord::forecast {

// Model, to_string(Model) and parse_model: accord/model/forecast_settings.hpp.

// --- parameters -------------------------------------------------------------------------

// KTAB SMP defaults (VictoryProbModel Linear, PCEModel Conditional, VotingRule Proportional,
// BigRRange Mid, BigRAdjust OneThird, ThirdPartyCommit SemiCommit, InterVecBrgn S2P2,
// BargnModel InitOnlyInterp, deterministic transitions). Only the stopping rule is tunable.
struct SmpParams {
  int min_turns = 2;
  int max_turns = 100;
  double stop_ratio = 0.02;     // stop when last movement < stop_ratio * (first movement + min_sig_delta)
  double min_sig_delta = 1e-4;  // on the 0..1 scale
};

// Append new values at the end.
enum class EumMedian : std::uint8_t { not_set = 0, condorcet, weighted };  // how the median voter position is found
enum class EumRisk : std::uint8_t { not_set = 0, scholz, neutral };        // r_i from security levels, or r_i = 1
[[nodiscard]] std::string_view to_string(EumMedian m);
[[nodiscard]] std::optional<EumMedian> parse_eum_median(std::string_view text);
[[nodiscard]] std::string_view to_string(EumRisk r);
[[nodiscard]] std::optional<EumRisk> parse_eum_risk(std::string_view text);

struct EumParams {
  int max_rounds = 100;
  double q = 1.0;      // probability the status quo persists when nobody challenges
  double t = 1.0;      // (used only when q < 1) probability the median moves toward i
  EumMedian median = EumMedian::condorcet;
  EumRisk risk = EumRisk::scholz;
  double move_tolerance = 1e-9;  // a round with every move below tol * range stops the run
};

// The smp and eum models keep several actors x actors matrices and cost actors^3 (smp) per
// turn: larger problems are refused (Stop::size_limit) rather than run for hours.
inline constexpr std::size_t kDefaultMaxActors = 3000;

struct Params;
// A node budget for the forecast (CLI `--max-nodes`): at most `nodes` SMP turns and EUM rounds
// (capped at 10^6; 0 leaves the defaults).
void cap_iterations(Params& p, std::uint64_t nodes);

struct Params {
  // Time budget (default: none). SMP checks it inside each turn and stops before a turn that
  // would not end in time; EUM between rounds; Monte Carlo and sensitivity between runs. A
  // stopped run reports the forecast of the last completed turn (outcome.termination).
  Deadline deadline;
  std::size_t max_actors = kDefaultMaxActors;  // smp and eum only
  Model model = Model::smp;
  SmpParams smp;
  EumParams eum;
};

// --- results ----------------------------------------------------------------------------

struct Result {
  // ok (findings valid; termination finished, or time_limit with the turns done: "3 of at
  // most 100 turns"), or invalid_input (nothing else is set; termination size_limit when the
  // problem has more actors than Params::max_actors).
  Outcome outcome;
  Model model = Model::smp;
  int turns = 0;            // bargaining turns (EUM: rounds) taken; 0 for baselines
  bool converged = true;    // a finding: the stopping rule was met before the turn limit
  // history[t][actor][dim]: positions on the problem's scale; history[0] is the input.
  std::vector<std::vector<std::vector<double>>> history;
  std::vector<double> forecast;         // per dimension, on the problem's scale
  // SMP: probability that each actor's final position wins a probabilistic Condorcet
  // election (actors sharing a position share its probability). Empty for other models.
  std::vector<double> probabilities;
  [[nodiscard]] bool ok() const { return outcome.ok(); }
  [[nodiscard]] const std::vector<std::vector<double>>& final_positions() const {
    return history.back();
  }
};

// Checks a problem (>= 1 dimension, >= 2 actors for smp/eum, finite values on scale,
// capability > 0, salience in [0,1] with a positive sum). Empty when valid, else one error
// naming the field (path "actors.UA.position.territory", entity "actor UA").
[[nodiscard]] Diagnostics validate(const ForecastProblem& p, Model m);
// validate() and the size limit of `params` (the error names the limit and the size found).
[[nodiscard]] Diagnostics validate(const ForecastProblem& p, const Params& params);

[[nodiscard]] Result run(const ForecastProblem& p, const Params& params);

// Baselines on arbitrary positions (weights = capability x salience of each dimension).
[[nodiscard]] double weighted_mean(const std::vector<double>& x, const std::vector<double>& w);
// Smallest x whose cumulative weight (positions sorted ascending) reaches half the total.
[[nodiscard]] double weighted_median(const std::vector<double>& x, const std::vector<double>& w);

// The capability x salience weighted mean and median of the actors' input positions, per
// dimension (docs/forecast.md#baselines).
struct Baselines {
  std::vector<double> weighted_mean;
  std::vector<double> weighted_median;
};
[[nodiscard]] Baselines baselines(const ForecastProblem& p);

// --- from a scenario ----------------------------------------------------------------------

struct Conversion {
  ForecastProblem problem;
  std::vector<std::string> notes;  // parties left out and why, overrides applied
};
// Actors = parties with preferences and capability > 0; each issue a dimension (discrete:
// options on 0..100 in list order unless `position` is given; numeric: its range);
// position = the party's best option/value, salience = its weight; `forecast:` overrides win.
[[nodiscard]] Conversion from_scenario(const Scenario& s);

// --- Monte Carlo --------------------------------------------------------------------------

struct NoiseParams {
  double position_sd = 5.0;    // normal, in points of a 0..100 scale (scaled to each range)
  double salience_sd = 0.05;   // normal, absolute on the 0..1 scale; clipped to [0, 1]
  double capability_sd = 0.2;  // log-normal: capability * exp(N(0, sd))
  double scale = 1.0;          // multiplies all three
};

struct MonteCarloParams {
  std::size_t runs = 100;
  std::uint64_t seed = 1;
  NoiseParams noise;
  int threads = 0;  // 0 = oneTBB default
  // Called (from worker threads, possibly concurrently) with the number of runs done.
  std::function<void(std::size_t)> progress;
  // When set (the CLI under mpirun), run k is work item k (docs/scale.md); same result.
  work::Distributor distribute;
};

struct DimensionSummary {
  double mean = 0.0;
  double sd = 0.0;
  double p05 = 0.0;
  double median = 0.0;
  double p95 = 0.0;
};

struct MonteCarloResult {
  // ok, or invalid_input when the unperturbed problem is invalid. termination: finished, or
  // time_limit: "37 of 100 runs" (the summaries are over the completed runs; a run the
  // deadline cut short is not counted).
  Outcome outcome;
  std::uint64_t seed = 0;                   // the parameters used, for the record
  NoiseParams noise;
  std::size_t runs = 0;                     // runs requested
  std::size_t completed = 0;                // runs done (fewer when the deadline stopped it)
  std::size_t failed = 0;                   // runs whose perturbed input was rejected
  std::vector<DimensionSummary> dimensions; // distribution of the forecast, per dimension
  std::vector<std::vector<double>> samples; // samples[run][dim], in run order; NaN if not done
  bool worker = false;  // an MPI worker rank: its runs went to the root; nothing to report
  [[nodiscard]] bool ok() const { return outcome.ok(); }
};

// The perturbed copy of `p` used by run number `k` (pure function of seed and k).
[[nodiscard]] ForecastProblem perturb(const ForecastProblem& p, const NoiseParams& n,
                                      std::uint64_t seed, std::size_t k);
[[nodiscard]] MonteCarloResult monte_carlo(const ForecastProblem& p, const Params& params,
                                           const MonteCarloParams& mc);

// --- sensitivity --------------------------------------------------------------------------

// Append new values at the end.
enum class Input : std::uint8_t { not_set = 0, position, salience, capability };
[[nodiscard]] std::string_view to_string(Input i);
[[nodiscard]] std::optional<Input> parse_input(std::string_view text);

struct Sensitivity {
  std::size_t actor = 0;
  Input input = Input::position;
  std::size_t input_dim = 0;      // the dimension of a position/salience input
  double step = 0.0;              // the finite-difference step used (input units)
  std::vector<double> slope;      // d forecast[d] / d input, per dimension
  double impact = 0.0;            // max_d |forecast change| for one step, on a 0..100 scale
};

struct SensitivityParams {
  double position_step = 1.0;   // points on a 0..100 scale
  double salience_step = 0.01;  // absolute, 0..1 scale
  double capability_step = 0.01;  // relative (1%)
  int threads = 0;
};

struct SensitivityResult {
  // ok, or invalid_input. termination: finished, or time_limit: "120 of 400 inputs" (inputs
  // not evaluated: NaN slopes, impact 0).
  Outcome outcome;
  std::vector<double> base;         // the unperturbed forecast
  std::vector<Sensitivity> inputs;  // every input, sorted by impact (largest first; stable)
  [[nodiscard]] bool ok() const { return outcome.ok(); }
};

[[nodiscard]] SensitivityResult sensitivity(const ForecastProblem& p, const Params& params,
                                            const SensitivityParams& sp = {});

}  // namespace accord::forecast
