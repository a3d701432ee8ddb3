#pragma once
// The negotiation model shared by every engine (semantics: docs/format.md, DESIGN.md).
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "accord/model/ids.hpp"
#include "accord/model/indexed_vector.hpp"
#include "accord/model/provenance.hpp"
#include "accord/model/conflict.hpp"
#include "accord/model/forecast_settings.hpp"

namespace accord {

enum class Role { party, mediator, stakeholder };

struct Party {
  std::string id;
  std::string name;
  Role role = Role::party;
  double capability = 1.0;
  Provenance provenance;
  FieldProvenance field_provenance;
  bool operator==(const Party&) const = default;
};

struct Option {
  std::string id;
  std::string label;
  std::optional<double> position;  // 0..100 for the forecast engine
  Provenance provenance;
  FieldProvenance field_provenance;
  bool operator==(const Option&) const = default;
};

struct Range {
  double min = 0.0;
  double max = 0.0;
  double step = 1.0;
  std::string unit;
  bool operator==(const Range&) const = default;
};

enum class IssueKind { discrete, numeric };

struct Issue {
  std::string id;
  std::string title;
  std::string category;
  std::vector<std::string> codes;
  IssueKind kind = IssueKind::discrete;
  IndexedVector<OptionIndex, Option> options;  // discrete only
  Range range;                  // numeric only
  Provenance provenance;
  FieldProvenance field_provenance;
  bool operator==(const Issue&) const = default;

  // Number of distinct values a package can take on this issue: the options, or the
  // grid min, min+step, ... (plus max when the step does not divide the range).
  [[nodiscard]] std::size_t value_count() const;
  // The k-th grid value of a numeric issue.
  [[nodiscard]] double grid_value(std::size_t k) const;
  [[nodiscard]] OptionIndex find_option(std::string_view option_id) const;
};

// One issue's setting in a package or point: an option (discrete) or a number (numeric).
struct Setting {
  OptionIndex option;
  double value = 0.0;
  bool operator==(const Setting&) const = default;
};

// A package assigns a setting to some or all issues (index = issue index).
// Unset issues are "open".
using Package = IndexedVector<IssueIndex, std::optional<Setting>>;

struct ValueRange {  // a rejected sub-range [min, max]; either bound may be absent
  std::optional<double> min;
  std::optional<double> max;
  bool operator==(const ValueRange&) const = default;
  [[nodiscard]] bool contains(double x) const {
    return (!min || x >= *min) && (!max || x <= *max);
  }
};

struct IssuePreference {
  bool present = false;                  // listed in the party's preferences
  double weight = 0.0;
  IndexedVector<OptionIndex, std::optional<double>> option_values;  // discrete: per option (nullopt = not given, 0)
  std::vector<std::pair<double, double>> curve;      // numeric: piecewise-linear (x, value)
  std::vector<OptionIndex> red_line_options;
  std::vector<ValueRange> red_line_ranges;
  Provenance provenance;
  FieldProvenance field_provenance;      // "weight", "values.OPT", "curve", "red_lines"
  bool operator==(const IssuePreference&) const = default;

  // v(x) in [0, 1] for this issue's setting.
  [[nodiscard]] double value(const Issue& issue, const Setting& s) const;
  [[nodiscard]] bool crosses_red_line(const Issue& issue, const Setting& s) const;
};

// Non-linear term (GENIUS hyperrectangle): a package inside every bound gains `utility`.
struct RectangleBound {
  IssueIndex issue;
  std::vector<OptionIndex> options;  // discrete: allowed options
  ValueRange range;                  // numeric: allowed range
  bool operator==(const RectangleBound&) const = default;
};
struct Rectangle {
  double utility = 0.0;
  std::vector<RectangleBound> bounds;
  bool operator==(const Rectangle&) const = default;
};

struct Preferences {
  bool present = false;
  double reservation = 0.0;
  IndexedVector<IssueIndex, IssuePreference> issues;  // one per scenario issue, same order
  std::vector<Rectangle> rectangles;
  Provenance provenance;
  FieldProvenance field_provenance;  // "reservation"
  bool operator==(const Preferences&) const = default;

  [[nodiscard]] bool is_additive() const { return rectangles.empty(); }
};

enum class StanceKind { accept, reject, conditional, unknown };

struct Stance {
  StanceKind kind = StanceKind::unknown;
  Provenance provenance;  // note, sources, estimate
  bool operator==(const Stance&) const = default;
};

struct PointRef {
  VersionIndex version;
  PointIndex point;
  bool operator==(const PointRef&) const = default;
};

struct PointSetting {
  IssueIndex issue;
  Setting setting;
  bool operator==(const PointSetting&) const = default;
};

struct Point {
  std::string id;
  int number = 0;
  std::string text;
  std::vector<PointSetting> sets;
  std::vector<IssueIndex> touches;  // issues named without a setting
  std::vector<PointRef> from;
  Provenance provenance;
  FieldProvenance field_provenance;
  bool operator==(const Point&) const = default;
};

struct Version {
  std::string id;
  std::string label;
  std::string date;
  IndexedVector<PointIndex, Point> points;
  // stances[party][point]; sized parties × points, default unknown.
  IndexedVector<PartyIndex, IndexedVector<PointIndex, Stance>> stances;
  Provenance provenance;
  bool operator==(const Version&) const = default;

  [[nodiscard]] PointIndex find_point(std::string_view point_id) const;
};

// What a timeline event is; written as talks | statement | strike | proposal | other in files,
// the database and JSON (to_string / parse_event_kind). Append new kinds at the end.
enum class EventKind { not_set = 0, talks, statement, strike, proposal, other };

struct Event {
  std::string date;
  EventKind kind = EventKind::other;  // the reader's default when a file gives none
  std::string text;
  Provenance provenance;
  bool operator==(const Event&) const = default;
};

struct Scenario {
  int format = 1;
  std::string id;
  std::string title;
  std::string description;
  std::string date;
  Provenance provenance;
  IndexedVector<PartyIndex, Party> parties;
  IndexedVector<IssueIndex, Issue> issues;
  IndexedVector<PartyIndex, Preferences> preferences;  // one per party, same order
  IndexedVector<VersionIndex, Version> versions;
  std::vector<Event> timeline;
  std::optional<Conflict> conflict;
  std::optional<ForecastSettings> forecast;
  bool operator==(const Scenario&) const = default;

  [[nodiscard]] PartyIndex find_party(std::string_view party_id) const;
  [[nodiscard]] IssueIndex find_issue(std::string_view issue_id) const;
  [[nodiscard]] VersionIndex find_version(std::string_view version_id) const;
  // The package a version's points set (later points override earlier ones).
  [[nodiscard]] Package version_package(VersionIndex v) const;
};

// Each vocabulary's text (the same in files, the database and JSON) and back; parse_* gives
// nullopt for any other text (exact, case-sensitive).
[[nodiscard]] std::string_view to_string(Role r);
[[nodiscard]] std::optional<Role> parse_role(std::string_view text);
[[nodiscard]] std::string_view to_string(StanceKind s);
[[nodiscard]] std::optional<StanceKind> parse_stance_kind(std::string_view text);
[[nodiscard]] std::string_view to_string(IssueKind k);
[[nodiscard]] std::optional<IssueKind> parse_issue_kind(std::string_view text);
// "not_set" for EventKind::not_set, which parse_event_kind never returns.
[[nodiscard]] std::string_view to_string(EventKind k);
[[nodiscard]] std::optional<EventKind> parse_event_kind(std::string_view text);
// The kinds a file may name, in order ("talks, statement, strike, proposal, other").
[[nodiscard]] const std::vector<std::string>& event_kind_names();

}  // namespace accord
