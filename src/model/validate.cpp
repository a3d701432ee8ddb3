#include "accord/model/validate.hpp"

#include <cmath>
#include <string>

#include "accord/model/utility.hpp"

namespace accord {

namespace {

std::string num(double x) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", x);
  return buf;
}

struct Checker {
  Diagnostics out;
  DiagnosticLimiter limiter;  // thousands of parties must not mean thousands of warnings
  void error(std::string path, std::string entity, std::string msg, std::string hint = {}) {
    limiter.add(out, {Severity::error, "", 0, 0, std::move(path), std::move(entity), std::move(msg),
                      std::move(hint)});
  }
  void warning(std::string path, std::string entity, std::string msg, std::string hint = {}) {
    limiter.add(out, {Severity::warning, "", 0, 0, std::move(path), std::move(entity), std::move(msg),
                      std::move(hint)});
  }
  void unit(double v, const std::string& path, const std::string& entity, const std::string& what) {
    if (!(v >= 0.0 && v <= 1.0))
      error(path, entity, what + " " + num(v) + " is outside [0, 1]; expected a value in [0, 1]");
  }
};

void check_issues(const Scenario& s, Checker& c) {
  for (const Issue& issue : s.issues) {
    const std::string entity = "issue " + issue.id;
    const std::string base = "issues." + issue.id;
    if (issue.kind == IssueKind::discrete) {
      for (const OptionIndex o : issue.options.indices()) {
        const auto& pos = issue.options[o].position;
        if (pos && !(*pos >= 0.0 && *pos <= 100.0))
          c.error(base + ".options[" + std::to_string(o.get()) + "].position", entity,
                  "position " + num(*pos) + " is outside [0, 100]; expected a value in [0, 100]");
      }
      continue;
    }
    const Range& r = issue.range;
    if (!(r.step > 0.0))
      c.error(base + ".range.step", entity, "step " + num(r.step) + " must be greater than 0");
    if (r.max < r.min)
      c.error(base + ".range", entity,
              "min " + num(r.min) + " is greater than max " + num(r.max), "swap min and max");
    else if (r.step > 0.0 && (r.max - r.min) / r.step > 1e6)
      c.error(base + ".range.step", entity,
              "the grid has more than 10^6 values; expected a coarser step",
              "choose step >= " + num((r.max - r.min) / 1e6));
  }
}

void check_preferences(const Scenario& s, Checker& c) {
  for (const PartyIndex p : s.parties.indices()) {
    const Preferences& prefs = s.preferences[p];
    const std::string pid = s.parties[p].id;
    const std::string entity = "party " + pid;
    const std::string base = "preferences." + pid;
    if (!prefs.present) {
      c.warning(base, entity, "party `" + pid + "` has no preferences; engines will skip it");
      continue;
    }
    c.unit(prefs.reservation, base + ".reservation", entity, "reservation");
    double total = 0.0;
    for (const IssueIndex i : s.issues.indices()) {
      const IssuePreference& ip = prefs.issues[i];
      if (!ip.present) continue;
      const Issue& issue = s.issues[i];
      const std::string ipath = base + ".issues." + issue.id;
      total += ip.weight;
      if (ip.weight < 0.0)
        c.error(ipath + ".weight", entity, "weight " + num(ip.weight) + " is negative; expected >= 0");
      if (issue.kind == IssueKind::discrete) {
        for (const OptionIndex o : issue.options.indices()) {
          const auto& v = ip.option_values[o];
          if (v) c.unit(*v, ipath + ".values." + issue.options[o].id, entity, "value");
          else if (ip.weight != 0.0)
            c.warning(ipath + ".values", entity,
                      "option `" + issue.options[o].id + "` has no value; taken as 0");
        }
        continue;
      }
      if (ip.curve.empty() && ip.weight != 0.0)
        c.error(ipath + ".curve", entity, "numeric issue without a `curve`; expected [[x, value], ...]");
      for (std::size_t k = 0; k < ip.curve.size(); ++k) {
        const std::string cp = ipath + ".curve[" + std::to_string(k) + "]";
        c.unit(ip.curve[k].second, cp, entity, "value");
        if (k > 0 && !(ip.curve[k].first > ip.curve[k - 1].first))
          c.error(cp, entity,
                  "x = " + num(ip.curve[k].first) + " does not increase; expected curve points in "
                  "increasing x order");
      }
      for (std::size_t k = 0; k < ip.red_line_ranges.size(); ++k) {
        const auto& rr = ip.red_line_ranges[k];
        if (rr.min && rr.max && *rr.min > *rr.max)
          c.error(ipath + ".red_lines[" + std::to_string(k) + "]", entity,
                  "min " + num(*rr.min) + " is greater than max " + num(*rr.max));
      }
    }
    if (std::fabs(total - 1.0) > 0.001 && prefs.rectangles.empty())
      c.warning(base + ".issues", entity,
                "weights sum to " + num(total) + ", not 1 (±0.001); they are used as given");
  }
}

void check_framework(const Scenario& s, Checker& c) {
  for (const Version& v : s.versions) {
    for (std::size_t k = 0; k < v.points.size(); ++k) {
      const Point& pt = v.points[PointIndex(k)];
      for (const PointSetting& ps : pt.sets) {
        const Issue& issue = s.issues[ps.issue];
        if (issue.kind != IssueKind::numeric) continue;
        const double x = ps.setting.value;
        if (x < issue.range.min || x > issue.range.max)
          c.error("framework." + v.id + ".points[" + std::to_string(k) + "].sets." + issue.id,
                  "point " + pt.id,
                  num(x) + " is outside the range of issue `" + issue.id + "`; expected a value in [" +
                      num(issue.range.min) + ", " + num(issue.range.max) + "]");
      }
    }
  }
}

}  // namespace

Diagnostics validate(const Scenario& s) {
  Checker c;
  for (const PartyIndex p : s.parties.indices())
    if (!(s.parties[p].capability >= 0.0))
      c.error("parties[" + std::to_string(p.get()) + "].capability", "party " + s.parties[p].id,
              "capability " + num(s.parties[p].capability) + " is negative; expected >= 0");
  check_issues(s, c);
  if (s.preferences.size() == s.parties.size()) check_preferences(s, c);
  check_framework(s, c);
  c.limiter.finish(c.out);
  return c.out;
}

}  // namespace accord
