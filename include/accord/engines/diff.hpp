#pragma once
// diff: how one framework version became another (kept, amended, merged, split, dropped,
// added), following `from:` links back through intermediate versions, and matching by
// text where a version has no links at all.
#include <optional>
#include <string_view>
#include <vector>

#include "accord/model/budget.hpp"
#include "accord/model/outcome.hpp"
#include "accord/model/scenario.hpp"

namespace accord::diff {

// Append new values at the end.
enum class Change { not_set = 0, kept, amended, merged, split, dropped, added };

struct Entry {
  Change change = Change::kept;
  std::vector<PointIndex> old_points;  // in the first version
  std::vector<PointIndex> new_points;  // in the second version
  bool by_text = false;                // matched by text similarity, not by links
  std::vector<IssueIndex> changed_settings;  // amended: issues whose setting changed
};

struct Params {
  // Past the deadline, points not yet matched by text count as added (their old points as
  // dropped) and `termination` says how many were matched.
  Deadline deadline;
};

struct Result {
  VersionIndex from, to;
  std::size_t from_count = 0, to_count = 0;
  std::vector<Entry> entries;  // in the order of the second version, then dropped points
  // invalid_input for a version the scenario does not have; the termination: finished, or
  // time_limit with "matched K of N points; the rest count as added".
  Outcome outcome;
  [[nodiscard]] std::size_t count(Change c) const;
};

[[nodiscard]] Result run(const Scenario& s, VersionIndex from, VersionIndex to, const Params& params = {});
[[nodiscard]] std::string_view to_string(Change c);
[[nodiscard]] std::optional<Change> parse_change(std::string_view text);
// The changes in the order the JSON and the tables list them (not_set left out).
inline constexpr Change kChanges[] = {Change::kept, Change::amended, Change::merged,
                                      Change::split, Change::dropped, Change::added};

}  // namespace accord::diff
