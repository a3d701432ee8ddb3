// Scenario -> forecast problem (docs/forecast.md#inputs).
#include <algorithm>

#include "accord/engines/forecast.hpp"
#include "engines/forecast/models.hpp"

namespace accord::forecast {
namespace detail {

double option_position(const Issue& issue, OptionIndex o) {
  if (issue.options[o].position) return *issue.options[o].position;
  if (issue.options.size() < 2) return 50.0;
  return 100.0 * static_cast<double>(o.get()) / static_cast<double>(issue.options.size() - 1);
}

}  // namespace detail
namespace {

using detail::option_position;

// The party's best option or value on an issue (ties -> the first in list/curve order).
double best_position(const Issue& issue, const IssuePreference& ip) {
  if (issue.kind == IssueKind::discrete) {
    OptionIndex best(0);
    double best_v = -1.0;
    for (const OptionIndex o : issue.options.indices()) {
      const double v = ip.option_values.contains(o) ? ip.option_values[o].value_or(0.0) : 0.0;
      if (v > best_v) {
        best_v = v;
        best = o;
      }
    }
    return option_position(issue, best);
  }
  if (ip.curve.empty()) return (issue.range.min + issue.range.max) / 2.0;
  double best_x = ip.curve.front().first, best_v = -1.0;
  for (const auto& [x, v] : ip.curve)
    if (v > best_v) {
      best_v = v;
      best_x = x;
    }
  return std::clamp(best_x, issue.range.min, issue.range.max);
}

}  // namespace

Conversion from_scenario(const Scenario& s) {
  Conversion c;
  c.problem.name = s.id;
  for (const Issue& issue : s.issues) {
    ForecastDimension d;
    d.id = issue.id;
    d.title = issue.title;
    if (issue.kind == IssueKind::numeric) {
      d.lo = issue.range.min;
      d.hi = issue.range.max;
    }
    c.problem.dimensions.push_back(std::move(d));
  }
  for (const PartyIndex p : s.parties.indices()) {
    const Party& party = s.parties[p];
    if (!(party.capability > 0.0)) {
      c.notes.push_back("party " + party.id + " left out: capability is 0");
      continue;
    }
    const bool has_prefs = s.preferences.contains(p) && s.preferences[p].present;
    ForecastActor a;
    a.id = party.id;
    a.description = party.name;
    a.capability = party.capability;
    for (const IssueIndex i : s.issues.indices()) {
      const Issue& issue = s.issues[i];
      const IssuePreference* ip =
          has_prefs && s.preferences[p].issues.contains(i) && s.preferences[p].issues[i].present
              ? &s.preferences[p].issues[i]
              : nullptr;
      const double mid = (c.problem.dimensions[i.get()].lo + c.problem.dimensions[i.get()].hi) / 2.0;
      a.position.push_back(ip != nullptr ? best_position(issue, *ip) : mid);
      a.salience.push_back(ip != nullptr ? std::clamp(ip->weight, 0.0, 1.0) : 0.0);
    }
    if (s.forecast)
      for (const ForecastOverride& o : s.forecast->overrides) {
        if (o.party != p) continue;
        const std::size_t i = o.issue.get();
        if (o.position) a.position[i] = *o.position;
        if (o.salience) a.salience[i] = *o.salience / 100.0;
        c.notes.push_back("party " + party.id + ", issue " + s.issues[o.issue].id +
                          ": position/salience from the forecast section");
      }
    double total = 0.0;
    for (double x : a.salience) total += x;
    if (!(total > 0.0)) {
      c.notes.push_back("party " + party.id +
                        " left out: no preferences and no forecast overrides give it a salience");
      continue;
    }
    c.problem.actors.push_back(std::move(a));
  }
  return c;
}

}  // namespace accord::forecast
