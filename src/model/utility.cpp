#include "accord/model/utility.hpp"

#include <algorithm>
#include <cstdio>
#include <limits>

namespace accord {

namespace {

double curve_value(const std::vector<std::pair<double, double>>& curve, double x) {
  if (curve.empty()) return 0.0;
  if (x <= curve.front().first) return curve.front().second;
  if (x >= curve.back().first) return curve.back().second;
  for (std::size_t k = 1; k < curve.size(); ++k) {
    const auto& [x1, y1] = curve[k];
    if (x <= x1) {
      const auto& [x0, y0] = curve[k - 1];
      if (x1 == x0) return y1;
      return y0 + (y1 - y0) * (x - x0) / (x1 - x0);
    }
  }
  return curve.back().second;
}

}  // namespace

double IssuePreference::value(const Issue& issue, const Setting& s) const {
  if (issue.kind == IssueKind::numeric) return curve_value(curve, s.value);
  if (!option_values.contains(s.option)) return 0.0;
  return option_values[s.option].value_or(0.0);
}

bool IssuePreference::crosses_red_line(const Issue& issue, const Setting& s) const {
  if (issue.kind == IssueKind::numeric)
    return std::any_of(red_line_ranges.begin(), red_line_ranges.end(),
                       [&](const ValueRange& r) { return r.contains(s.value); });
  return std::find(red_line_options.begin(), red_line_options.end(), s.option) !=
         red_line_options.end();
}

Setting grid_setting(const Issue& issue, std::size_t k) {
  if (issue.kind == IssueKind::discrete) return Setting{OptionIndex(k), 0.0};
  return Setting{OptionIndex(), issue.grid_value(k)};
}

double issue_contribution(const Scenario& s, PartyIndex p, IssueIndex i, const Setting& x) {
  const IssuePreference& ip = s.preferences[p].issues[i];
  return ip.weight * ip.value(s.issues[i], x);
}

namespace {

bool inside(const Scenario& s, const Rectangle& r, const Package& x) {
  for (const RectangleBound& b : r.bounds) {
    const auto& xi = x[b.issue];
    if (!xi) return false;
    if (s.issues[b.issue].kind == IssueKind::numeric) {
      if (!b.range.contains(xi->value)) return false;
    } else if (std::find(b.options.begin(), b.options.end(), xi->option) == b.options.end()) {
      return false;
    }
  }
  return true;
}

}  // namespace

double best_issue_value(const Scenario& s, PartyIndex p, IssueIndex i) {
  const Issue& issue = s.issues[i];
  const IssuePreference& ip = s.preferences[p].issues[i];
  double best = 0.0;
  for (std::size_t k = 0; k < issue.value_count(); ++k)
    best = std::max(best, ip.value(issue, grid_setting(issue, k)));
  return best;
}

double worst_issue_value(const Scenario& s, PartyIndex p, IssueIndex i) {
  const Issue& issue = s.issues[i];
  const IssuePreference& ip = s.preferences[p].issues[i];
  double worst = std::numeric_limits<double>::infinity();
  for (std::size_t k = 0; k < issue.value_count(); ++k)
    worst = std::min(worst, ip.value(issue, grid_setting(issue, k)));
  return issue.value_count() == 0 ? 0.0 : worst;
}

UtilityBounds utility_bounds(const Scenario& s, PartyIndex p, const Package& x) {
  UtilityBounds b;
  const Preferences& prefs = s.preferences[p];
  for (const IssueIndex i : s.issues.indices()) {
    const double w = prefs.issues[i].weight;
    if (x[i]) {
      const double c = issue_contribution(s, p, i, *x[i]);
      b.min += c;
      b.max += c;
    } else {
      // w may be negative in hand-written files; bounds stay ordered.
      const double lo = w * worst_issue_value(s, p, i);
      const double hi = w * best_issue_value(s, p, i);
      b.min += std::min(lo, hi);
      b.max += std::max(lo, hi);
    }
  }
  for (const Rectangle& r : prefs.rectangles) {
    if (inside(s, r, x)) {
      b.min += r.utility;
      b.max += r.utility;
    }
  }
  return b;
}

double utility(const Scenario& s, PartyIndex p, const Package& x) {
  const Preferences& prefs = s.preferences[p];
  double u = 0.0;
  for (const IssueIndex i : s.issues.indices())
    if (x[i] && prefs.issues[i].weight != 0.0) u += issue_contribution(s, p, i, *x[i]);
  for (const Rectangle& r : prefs.rectangles)
    if (inside(s, r, x)) u += r.utility;
  return u;
}

std::vector<IssueIndex> red_lines_crossed(const Scenario& s, PartyIndex p, const Package& x) {
  std::vector<IssueIndex> out;
  const Preferences& prefs = s.preferences[p];
  for (const IssueIndex i : s.issues.indices())
    if (x[i] && prefs.issues[i].crosses_red_line(s.issues[i], *x[i])) out.push_back(i);
  return out;
}

bool acceptable(const Scenario& s, PartyIndex p, const Package& x) {
  return red_lines_crossed(s, p, x).empty() && utility(s, p, x) >= s.preferences[p].reservation - kUtilityEps;
}

std::string describe(const Issue& issue, const Setting& x) {
  if (issue.kind == IssueKind::discrete)
    return issue.options.contains(x.option) ? issue.options[x.option].id : std::string("?");
  char buf[64];
  std::snprintf(buf, sizeof buf, "%g", x.value);
  return issue.range.unit.empty() ? std::string(buf) : std::string(buf) + " " + issue.range.unit;
}

}  // namespace accord
