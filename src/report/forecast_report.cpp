// Headline forecast section of `accord report` (SMP with KTAB's defaults; docs/forecast.md).
#include <cmath>
#include <nlohmann/json.hpp>

#include "accord/engines/forecast.hpp"
#include "accord/report/forecast.hpp"
#include "accord/report/sections.hpp"

namespace accord::report {
namespace {

struct Headline {
  forecast::Conversion input;
  forecast::Result smp;
  std::vector<double> mean, median;  // of the input positions
};

// nullopt when there is nothing to forecast; `error` set when the SMP refused the problem.
std::optional<Headline> headline(const Scenario& s, const Deadline& deadline, std::string& error) {
  Headline h;
  h.input = forecast::from_scenario(s);
  forecast::Params params;
  params.deadline = deadline;
  h.smp = forecast::run(h.input.problem, params);
  if (!h.smp.ok()) {
    if (h.smp.termination.stop == Stop::size_limit) error = h.smp.error;
    return std::nullopt;
  }
  const ForecastProblem& p = h.input.problem;
  for (std::size_t k = 0; k < p.dimensions.size(); ++k) {
    std::vector<double> x, w;
    for (const auto& a : p.actors) {
      x.push_back(a.position[k]);
      w.push_back(a.capability * a.salience[k]);
    }
    h.mean.push_back(forecast::weighted_mean(x, w));
    h.median.push_back(forecast::weighted_median(x, w));
  }
  return h;
}

std::string nearest_option(const Issue& issue, double x) {
  if (issue.kind != IssueKind::discrete || issue.options.empty()) return "";
  std::size_t best = 0;
  double best_d = 1e300;
  for (std::size_t o = 0; o < issue.options.size(); ++o) {
    const double n = static_cast<double>(issue.options.size());
    const double pos = issue.options[o].position.value_or(n < 2 ? 50.0 : 100.0 * static_cast<double>(o) / (n - 1));
    if (std::fabs(pos - x) < best_d) {
      best_d = std::fabs(pos - x);
      best = o;
    }
  }
  return issue.options[best].id;
}

}  // namespace

nlohmann::ordered_json forecast_headline_json(const Scenario& s, const Deadline& deadline) {
  nlohmann::ordered_json j;
  std::string error;
  const auto h = headline(s, deadline, error);
  if (!error.empty()) j["error"] = error;
  if (!h) return j;
  j["model"] = "smp";
  j["turns"] = h->smp.turns;
  j["converged"] = h->smp.converged;
  j["termination"] = termination_json(h->smp.termination);
  nlohmann::ordered_json issues = nlohmann::ordered_json::object();
  for (std::size_t k = 0; k < s.issues.size(); ++k) {
    nlohmann::ordered_json e;
    e["forecast"] = h->smp.forecast[k];
    const std::string opt = nearest_option(s.issues[k], h->smp.forecast[k]);
    if (!opt.empty()) e["nearest_option"] = opt;
    e["weighted_mean"] = h->mean[k];
    e["weighted_median"] = h->median[k];
    issues[s.issues[k].id] = std::move(e);
  }
  j["issues"] = std::move(issues);
  return j;
}

std::string forecast_headline_text(const Scenario& s, Style style, const Deadline& deadline) {
  std::string error;
  const auto h = headline(s, deadline, error);
  if (!error.empty()) return "\n" + wrap("Forecast not computed: " + error + ".");
  if (!h) return "";
  const std::string title = "Forecast: where each issue lands (SMP, KTAB defaults)";
  std::string out = style == Style::markdown ? "\n## " + title + "\n\n"
                                             : "\n" + title + "\n" + std::string(display_width(title), '=') + "\n";
  Table t;
  t.header = {"issue", "forecast", "nearest option", "w. mean", "w. median"};
  t.right_align = {false, true, false, true, true};
  for (std::size_t k = 0; k < s.issues.size(); ++k)
    t.rows.push_back({s.issues[k].id, fixed(h->smp.forecast[k], 1), nearest_option(s.issues[k], h->smp.forecast[k]),
                      fixed(h->mean[k], 1), fixed(h->median[k], 1)});
  out += t.render(style, 100, 2);
  out += wrap(std::to_string(h->input.problem.actors.size()) + " actors bargained for " +
              std::to_string(h->smp.turns) + " turns" +
              (!h->smp.termination.finished() ? " (stopped by the time budget: partial)"
               : h->smp.converged             ? ""
                                              : " (turn limit reached)") +
              ". Discrete issues are on 0-100 in option order; weights = capability x salience. "
              "Details and Monte Carlo bands: accord forecast " + s.id + " --runs 1000.");
  return out;
}

}  // namespace accord::report
