#pragma once
// Utility of packages under a party's preferences (DESIGN.md semantics).
#include <string>
#include <vector>

#include "accord/model/scenario.hpp"

namespace accord {

// Utilities are compared with this tolerance everywhere (acceptability, ties), so that
// sums of weights like 0.1 + 0.2 do not flip a verdict.
inline constexpr double kUtilityEps = 1e-9;

// Utility bounds of a possibly partial package: open issues may still take any value,
// so min/max are the worst and best utility they could yield. For a full package min == max.
struct UtilityBounds {
  double min = 0.0;
  double max = 0.0;
};

// Per-issue contribution w_i * v_i(x_i) (0 for open issues).
[[nodiscard]] double issue_contribution(const Scenario& s, PartyIndex p, IssueIndex i,
                                        const Setting& x);
[[nodiscard]] UtilityBounds utility_bounds(const Scenario& s, PartyIndex p, const Package& x);
// Utility of a complete package (open issues count 0).
[[nodiscard]] double utility(const Scenario& s, PartyIndex p, const Package& x);
// Issues whose setting in x crosses one of p's red lines.
[[nodiscard]] std::vector<IssueIndex> red_lines_crossed(const Scenario& s, PartyIndex p,
                                                        const Package& x);
// DESIGN.md: acceptable iff no red line crossed and U_p(x) >= r_p - kUtilityEps.
[[nodiscard]] bool acceptable(const Scenario& s, PartyIndex p, const Package& x);

// Best and worst value p can get on issue i over its whole value grid.
[[nodiscard]] double best_issue_value(const Scenario& s, PartyIndex p, IssueIndex i);
[[nodiscard]] double worst_issue_value(const Scenario& s, PartyIndex p, IssueIndex i);
// The setting of the k-th value of an issue's grid (option k, or grid value k).
[[nodiscard]] Setting grid_setting(const Issue& issue, std::size_t k);
// Human-readable setting: option id, or the number with its unit.
[[nodiscard]] std::string describe(const Issue& issue, const Setting& x);

}  // namespace accord
