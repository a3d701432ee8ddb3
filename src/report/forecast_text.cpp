// The forecast as text: `accord forecast` and the forecast section of `accord report`.
#include <cstdio>
#include <sstream>

#include "accord/report/forecast.hpp"

namespace accord::report {
namespace {

std::string fmt(double x, int prec = 2) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", prec, x);
  return buf;
}

bool bargaining(forecast::Model m) { return m == forecast::Model::smp || m == forecast::Model::eum; }

// " (stopped by the time budget: partial)", " (turn limit reached)" or "".
std::string how_it_ended(const forecast::Result& r) {
  if (!r.outcome.termination.finished()) return " (stopped by the time budget: partial)";
  return r.converged ? "" : " (turn limit reached)";
}

std::string monte_carlo_line(const forecast::MonteCarloResult& mc, std::size_t k) {
  const std::string runs = mc.outcome.termination.finished()
                               ? std::to_string(mc.runs)
                               : std::to_string(mc.completed) + " of " + std::to_string(mc.runs);
  return "      Monte Carlo (" + runs + " runs): mean " + fmt(mc.dimensions[k].mean) + ", 5-95% " +
         fmt(mc.dimensions[k].p05) + " .. " + fmt(mc.dimensions[k].p95) + "\n";
}

}  // namespace

std::string forecast_text(const forecast::Analysis& a) {
  const ForecastProblem& p = a.problem;
  const forecast::Result& r = a.run;
  std::ostringstream out;
  if (!a.ok()) return "Forecast not computed: " + a.outcome.message() + "\n";
  out << "Forecast (" << forecast::to_string(r.model) << ") of " << p.name << ": " << p.actors.size() << " actors, "
      << p.dimensions.size() << " dimensions";
  if (bargaining(r.model)) out << "; " << r.turns << " turns" << how_it_ended(r);
  out << "\n\n";
  for (std::size_t k = 0; k < p.dimensions.size(); ++k) {
    const auto& d = p.dimensions[k];
    out << "  " << d.id << ": " << fmt(r.forecast[k]);
    if (k < a.nearest_option.size() && !a.nearest_option[k].empty())
      out << " (nearest option " << a.nearest_option[k] << ")";
    out << "   [weighted mean " << fmt(a.baselines.weighted_mean[k]) << ", weighted median "
        << fmt(a.baselines.weighted_median[k]) << "; scale " << fmt(d.lo, 0) << ".." << fmt(d.hi, 0) << "]\n";
    if (a.monte_carlo && k < a.monte_carlo->dimensions.size()) out << monte_carlo_line(*a.monte_carlo, k);
  }
  if (bargaining(r.model)) {
    out << "\nFinal positions:\n";
    for (std::size_t i = 0; i < p.actors.size(); ++i) {
      out << "  " << p.actors[i].id << ":";
      for (double x : r.final_positions()[i]) out << " " << fmt(x, 1);
      if (!r.probabilities.empty()) out << "   (P win " << fmt(r.probabilities[i], 4) << ")";
      out << "\n";
    }
  }
  if (a.sensitivity) {
    out << "\nInputs that move the forecast most (one step each):\n";
    for (const auto& s : a.sensitivity->inputs) {
      out << "  " << p.actors[s.actor].id << " " << forecast::to_string(s.input);
      if (s.input != forecast::Input::capability) out << " on " << p.dimensions[s.input_dim].id;
      out << ": moves the forecast by up to " << fmt(s.impact) << " points (of 100)\n";
    }
  }
  for (const auto& n : a.notes) out << "note: " << n << "\n";
  return out.str();
}

std::string forecast_headline_text(const Scenario& s, const forecast::Analysis& a, Style style) {
  if (!a.ok()) {
    if (a.outcome.termination.stop != Stop::size_limit) return "";  // nothing to forecast
    std::string note = "\n";
    note += wrap("Forecast not computed: " + a.outcome.message() + ".");
    return note;
  }
  const forecast::Result& r = a.run;
  const std::string title = "Forecast: where each issue lands (SMP, KTAB defaults)";
  std::string out = "\n";
  out += style == Style::markdown ? "## " + title + "\n\n" : title + "\n" + std::string(display_width(title), '=') + "\n";
  Table t;
  t.header = {"issue", "forecast", "nearest option", "w. mean", "w. median"};
  t.right_align = {false, true, false, true, true};
  for (std::size_t k = 0; k < a.problem.dimensions.size(); ++k)
    t.rows.push_back({a.problem.dimensions[k].id, fixed(r.forecast[k], 1),
                      k < a.nearest_option.size() ? a.nearest_option[k] : "", fixed(a.baselines.weighted_mean[k], 1),
                      fixed(a.baselines.weighted_median[k], 1)});
  out += t.render(style, 100, 2);
  out += wrap(std::to_string(a.problem.actors.size()) + " actors bargained for " + std::to_string(r.turns) + " turns" +
              how_it_ended(r) +
              ". Discrete issues are on 0-100 in option order; weights = capability x salience. "
              "Details and Monte Carlo bands: accord forecast " + s.id + " --runs 1000.");
  return out;
}

}  // namespace accord::report
