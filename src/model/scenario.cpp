#include "accord/model/scenario.hpp"

#include <cmath>

namespace accord {

std::size_t Issue::value_count() const {
  if (kind == IssueKind::discrete) return options.size();
  if (!(range.step > 0.0) || range.max < range.min) return 0;
  const double span = (range.max - range.min) / range.step;
  auto n = static_cast<std::size_t>(std::floor(span + 1e-9)) + 1;
  if (range.min + static_cast<double>(n - 1) * range.step < range.max - 1e-9 * range.step) ++n;
  return n;
}

double Issue::grid_value(std::size_t k) const {
  const double v = range.min + static_cast<double>(k) * range.step;
  return v > range.max ? range.max : v;
}

OptionIndex Issue::find_option(std::string_view option_id) const {
  for (std::size_t k = 0; k < options.size(); ++k)
    if (options[k].id == option_id) return OptionIndex(k);
  return {};
}

PointIndex Version::find_point(std::string_view point_id) const {
  for (std::size_t k = 0; k < points.size(); ++k)
    if (points[k].id == point_id) return PointIndex(k);
  return {};
}

PartyIndex Scenario::find_party(std::string_view party_id) const {
  for (std::size_t k = 0; k < parties.size(); ++k)
    if (parties[k].id == party_id) return PartyIndex(k);
  return {};
}

IssueIndex Scenario::find_issue(std::string_view issue_id) const {
  for (std::size_t k = 0; k < issues.size(); ++k)
    if (issues[k].id == issue_id) return IssueIndex(k);
  return {};
}

VersionIndex Scenario::find_version(std::string_view version_id) const {
  for (std::size_t k = 0; k < versions.size(); ++k)
    if (versions[k].id == version_id) return VersionIndex(k);
  return {};
}

Package Scenario::version_package(VersionIndex v) const {
  Package pkg(issues.size());
  if (!v.valid() || v.get() >= versions.size()) return pkg;
  for (const Point& pt : versions[v.get()].points)
    for (const PointSetting& ps : pt.sets) pkg[ps.issue.get()] = ps.setting;
  return pkg;
}

std::string_view to_string(Role r) {
  switch (r) {
    case Role::party: return "party";
    case Role::mediator: return "mediator";
    case Role::stakeholder: return "stakeholder";
  }
  return "?";
}

std::string_view to_string(StanceKind s) {
  switch (s) {
    case StanceKind::accept: return "accept";
    case StanceKind::reject: return "reject";
    case StanceKind::conditional: return "conditional";
    case StanceKind::unknown: return "unknown";
  }
  return "?";
}

std::string_view to_string(IssueKind k) {
  return k == IssueKind::discrete ? "discrete" : "numeric";
}

}  // namespace accord
