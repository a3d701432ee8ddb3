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
  for (const OptionIndex k : options.indices())
    if (options[k].id == option_id) return k;
  return {};
}

PointIndex Version::find_point(std::string_view point_id) const {
  for (const PointIndex k : points.indices())
    if (points[k].id == point_id) return k;
  return {};
}

PartyIndex Scenario::find_party(std::string_view party_id) const {
  for (const PartyIndex k : parties.indices())
    if (parties[k].id == party_id) return k;
  return {};
}

IssueIndex Scenario::find_issue(std::string_view issue_id) const {
  for (const IssueIndex k : issues.indices())
    if (issues[k].id == issue_id) return k;
  return {};
}

VersionIndex Scenario::find_version(std::string_view version_id) const {
  for (const VersionIndex k : versions.indices())
    if (versions[k].id == version_id) return k;
  return {};
}

Package Scenario::version_package(VersionIndex v) const {
  Package pkg(issues.size());
  if (!versions.contains(v)) return pkg;
  for (const Point& pt : versions[v].points)
    for (const PointSetting& ps : pt.sets) pkg[ps.issue] = ps.setting;
  return pkg;
}

namespace {

// Every value once, in declaration order; parse_* searches these so text and enum cannot drift.
template <class E, std::size_t N>
std::optional<E> parse_by_name(std::string_view text, const E (&values)[N]) {
  for (E v : values)
    if (to_string(v) == text) return v;
  return std::nullopt;
}

constexpr Role kRoles[] = {Role::party, Role::mediator, Role::stakeholder};
constexpr StanceKind kStanceKinds[] = {StanceKind::accept, StanceKind::reject, StanceKind::conditional,
                                       StanceKind::unknown};
constexpr IssueKind kIssueKinds[] = {IssueKind::discrete, IssueKind::numeric};
constexpr EventKind kEventKinds[] = {EventKind::talks, EventKind::statement, EventKind::strike, EventKind::proposal,
                                     EventKind::other};

}  // namespace

std::string_view to_string(Role r) {
  switch (r) {
    case Role::party: return "party";
    case Role::mediator: return "mediator";
    case Role::stakeholder: return "stakeholder";
  }
  return "?";
}

std::optional<Role> parse_role(std::string_view text) { return parse_by_name(text, kRoles); }

std::string_view to_string(StanceKind s) {
  switch (s) {
    case StanceKind::accept: return "accept";
    case StanceKind::reject: return "reject";
    case StanceKind::conditional: return "conditional";
    case StanceKind::unknown: return "unknown";
  }
  return "?";
}

std::optional<StanceKind> parse_stance_kind(std::string_view text) { return parse_by_name(text, kStanceKinds); }

std::string_view to_string(IssueKind k) {
  return k == IssueKind::discrete ? "discrete" : "numeric";
}

std::optional<IssueKind> parse_issue_kind(std::string_view text) { return parse_by_name(text, kIssueKinds); }

std::string_view to_string(EventKind k) {
  switch (k) {
    case EventKind::not_set: return "not_set";
    case EventKind::talks: return "talks";
    case EventKind::statement: return "statement";
    case EventKind::strike: return "strike";
    case EventKind::proposal: return "proposal";
    case EventKind::other: return "other";
  }
  return "not_set";
}

std::optional<EventKind> parse_event_kind(std::string_view text) { return parse_by_name(text, kEventKinds); }

const std::vector<std::string>& event_kind_names() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> out;
    for (EventKind k : kEventKinds) out.emplace_back(to_string(k));
    return out;
  }();
  return names;
}

}  // namespace accord
