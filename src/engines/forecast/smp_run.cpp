// The SMP run loop and KTAB's stopping rule (docs/forecast.md#smp, step 6).
#include "engines/forecast/models.hpp"
#include "engines/forecast/smp.hpp"

namespace accord::forecast::detail {
namespace {

// Positions on KTAB's 0..1 scale: (x - lo) / (hi - lo); for KTAB files lo = 0, hi = 100.
double to_unit(double x, const ForecastDimension& dim) { return (x - dim.lo) / (dim.hi - dim.lo); }
double from_unit(double u, const ForecastDimension& dim) { return dim.lo + u * (dim.hi - dim.lo); }

std::vector<std::vector<double>> to_problem_units(const ForecastProblem& p,
                                                  const std::vector<double>& pos) {
  const std::size_t d = p.dimensions.size();
  std::vector<std::vector<double>> out(p.actors.size(), std::vector<double>(d));
  for (std::size_t i = 0; i < p.actors.size(); ++i)
    for (std::size_t k = 0; k < d; ++k) out[i][k] = from_unit(pos[i * d + k], p.dimensions[k]);
  return out;
}

}  // namespace

void run_smp(const ForecastProblem& p, const SmpParams& params, const Deadline& deadline, Result& r) {
  smp::Actors a;
  a.n = p.actors.size();
  a.d = p.dimensions.size();
  std::vector<double> pos(a.n * a.d);
  for (std::size_t i = 0; i < a.n; ++i) {
    const ForecastActor& act = p.actors[i];
    a.cap.push_back(act.capability);
    double s1 = 0.0, s2 = 0.0;
    for (std::size_t k = 0; k < a.d; ++k) {
      a.sal.push_back(act.salience[k]);
      s1 += act.salience[k];
      s2 += act.salience[k] * act.salience[k];
      pos[i * a.d + k] = to_unit(act.position[k], p.dimensions[k]);
    }
    a.sal_sum.push_back(s1);
    a.sal_sq.push_back(s2);
  }

  std::vector<std::vector<double>> states{pos};
  double first_move = 0.0;
  r.converged = false;
  double last_turn = 0.0;  // seconds the last turn took
  for (int turn = 1;; ++turn) {
    // Stop before a turn that would not end in time: the final election costs about as much.
    const double left = deadline.seconds_left();
    if (deadline.limited() && left < 2.0 * last_turn) {
      r.outcome.termination = {Stop::time_limit, std::to_string(turn - 1) + " of at most " +
                                             std::to_string(params.max_turns) + " turns done"};
      break;
    }
    std::vector<double> next = smp::step(a, states.back(), nullptr, deadline.limited() ? &deadline : nullptr);
    if (next.empty()) {
      r.outcome.termination = {Stop::time_limit, std::to_string(turn - 1) + " of at most " +
                                             std::to_string(params.max_turns) +
                                             " turns done; turn " + std::to_string(turn) + " cut short"};
      break;
    }
    if (deadline.limited()) last_turn = left - deadline.seconds_left();
    states.push_back(std::move(next));
    const double moved = smp::movement(states[states.size() - 2], states.back(), a.n, a.d);
    if (turn == 1) first_move = moved;
    const bool quiet = moved / (first_move + params.min_sig_delta) < params.stop_ratio;
    if (turn >= params.min_turns && quiet) {
      r.converged = true;
      break;
    }
    if (turn >= params.max_turns) break;
  }
  r.turns = static_cast<int>(states.size()) - 1;
  for (const auto& s : states) r.history.push_back(to_problem_units(p, s));

  // Forecast: the expected outcome of a PCE among the final positions.
  r.probabilities = smp::position_probabilities(a, states.back());
  const auto& fin = r.history.back();
  r.forecast.assign(a.d, 0.0);
  const std::vector<std::size_t> cls = smp::position_classes(states.back(), a.n, a.d);
  for (std::size_t i = 0; i < a.n; ++i) {
    if (cls[i] != i) continue;  // actors sharing a position share its probability
    for (std::size_t k = 0; k < a.d; ++k) r.forecast[k] += r.probabilities[i] * fin[i][k];
  }
}

}  // namespace accord::forecast::detail
