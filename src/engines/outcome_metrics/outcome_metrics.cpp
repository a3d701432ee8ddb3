// Outcome metrics against one bargaining run per domain (docs/mediate-and-tournament.md).
#include "accord/engines/outcome_metrics.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "accord/model/utility.hpp"

namespace accord::outcome_metrics {

namespace {

double distance(const std::vector<double>& a, const std::vector<double>& b) {
  double sum = 0.0;
  for (std::size_t q = 0; q < a.size(); ++q) sum += (a[q] - b[q]) * (a[q] - b[q]);
  return std::sqrt(sum);
}

// Π_p max(0, U_p − r_p): the bargaining engine's Nash objective.
double nash_product(const std::vector<double>& u, const std::vector<double>& r) {
  double product = 1.0;
  for (std::size_t q = 0; q < u.size(); ++q) product *= std::max(0.0, u[q] - r[q]);
  return product;
}

bool is_fixed(const Package& fixed, IssueIndex i) {
  return fixed.contains(i) && fixed[i].has_value();
}

// A discrete issue reduced to its fixed option `o`: every option index becomes 0.
void fix_discrete(Scenario& out, const Scenario& s, IssueIndex i, OptionIndex o) {
  Issue& issue = out.issues[i];
  issue.options = {};
  issue.options.push_back(s.issues[i].options[o]);
  for (Preferences& prefs : out.preferences) {
    if (!prefs.present || !prefs.issues.contains(i)) continue;
    IssuePreference& ip = prefs.issues[i];
    const std::optional<double> v = ip.option_values.contains(o) ? ip.option_values[o] : std::nullopt;
    const bool red = std::find(ip.red_line_options.begin(), ip.red_line_options.end(), o) != ip.red_line_options.end();
    ip.option_values = {};
    ip.option_values.push_back(v);
    ip.red_line_options.clear();
    if (red) ip.red_line_options.emplace_back(std::size_t{0});
    for (Rectangle& rect : prefs.rectangles)
      for (RectangleBound& b : rect.bounds) {
        if (b.issue != i) continue;
        const bool in = std::find(b.options.begin(), b.options.end(), o) != b.options.end();
        b.options.clear();
        if (in) b.options.emplace_back(std::size_t{0});
      }
  }
}

}  // namespace

Scenario fix_issues(const Scenario& s, const Package& fixed) {
  Scenario out;
  out.format = s.format;
  out.id = s.id;
  out.title = s.title;
  out.parties = s.parties;
  out.issues = s.issues;
  out.preferences = s.preferences;
  for (const IssueIndex i : s.issues.indices()) {
    if (!is_fixed(fixed, i)) continue;
    const Setting& x = *fixed[i];
    if (s.issues[i].kind == IssueKind::discrete) {
      fix_discrete(out, s, i, x.option);
    } else {
      out.issues[i].range.min = out.issues[i].range.max = x.value;
    }
  }
  return out;
}

Package expand(const Scenario& s, const Package& fixed, const Package& reduced) {
  Package x = reduced;
  for (const IssueIndex i : s.issues.indices())
    if (is_fixed(fixed, i) && x.contains(i) && x[i]) x[i] = fixed[i];
  return x;
}

Reference prepare(const Scenario& s, const Params& params) {
  Reference ref;
  ref.fixed = params.fixed.value_or(Package(s.issues.size()));
  if (ref.fixed.size() != s.issues.size()) {
    ref.outcome = Outcome::failure(Status::invalid_input, "the fixed settings do not cover the scenario's issues", "fixed");
    return ref;
  }
  for (const IssueIndex i : s.issues.indices())
    if (is_fixed(ref.fixed, i) && s.issues[i].kind == IssueKind::discrete &&
        !s.issues[i].options.contains(ref.fixed[i]->option)) {
      ref.outcome = Outcome::failure(Status::invalid_input, "issue `" + s.issues[i].id + "` is fixed at an option it does not have",
                                     "fixed." + s.issues[i].id);
      return ref;
    }
  const Scenario domain = fix_issues(s, ref.fixed);
  bargain::Params bp;
  bp.parties = params.parties;
  bp.deadline = params.deadline;
  bp.max_frontier = params.max_frontier;
  bp.parallel = params.parallel;
  const bargain::Result r = bargain::run(domain, bp);
  ref.outcome = r.outcome;
  if (!r.outcome.ok()) return ref;
  ref.parties = r.parties;
  ref.reservations = r.reservations;
  ref.finding = r.finding;
  ref.frontier_complete = r.pareto.computed && !r.pareto.truncated && r.pareto.stop == Stop::finished;
  if (ref.frontier_complete)
    for (const bargain::Point& pt : r.pareto.points) ref.frontier.push_back(pt.utilities);
  if (r.solutions.nash) {
    ref.nash = r.solutions.nash->utilities;
    ref.nash_package = expand(s, ref.fixed, r.solutions.nash->package);
    ref.nash_product = nash_product(*ref.nash, ref.reservations);
  }
  return ref;
}

Metrics measure(const Reference& ref, const std::vector<double>& utilities) {
  Metrics m;
  m.agreement = true;
  m.utilities = utilities;
  for (const double u : utilities) m.welfare += u;
  m.nash_product = nash_product(utilities, ref.reservations);
  if (ref.frontier_complete && !ref.frontier.empty()) {
    double best = std::numeric_limits<double>::infinity();
    for (const auto& f : ref.frontier) best = std::min(best, distance(utilities, f));
    m.pareto_distance = best;
  }
  if (ref.nash) m.nash_distance = distance(utilities, *ref.nash);
  return m;
}

Metrics measure(const Scenario& s, const Reference& ref, const Package& x) {
  std::vector<double> u;
  u.reserve(ref.parties.size());
  for (const PartyIndex p : ref.parties) u.push_back(utility(s, p, x));
  return measure(ref, u);
}

Metrics disagreement(const Reference& ref) {
  Metrics m = measure(ref, ref.reservations);
  m.agreement = false;
  return m;
}

}  // namespace accord::outcome_metrics
