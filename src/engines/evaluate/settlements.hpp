#pragma once
// The exact extremes of a party's settlements of a draft's open issues (evaluate's verdicts and
// predictions rest on them). Internal to the evaluate engine.
#include <vector>

#include "accord/engines/evaluate.hpp"

namespace accord::evaluate::detail {

struct Extremes {
  Settlement best;   // fewest red lines crossed, then highest utility
  Settlement worst;  // most red lines crossed, then lowest utility
  UtilityBounds utility;  // lowest and highest utility over every settlement
  Verdict verdict = Verdict::not_set;
  bool exact = true;
};

// Every open issue of `x` (unset) may take any value of its option list or grid. Additive
// preferences decompose per issue, so each extreme is the per-issue extreme (ordering
// (red lines, utility) is compatible with addition). Issues tied by rectangles are enumerated
// jointly up to kMaxJoint settlements; beyond that the result is not exact.
inline constexpr std::size_t kMaxJoint = 65536;
[[nodiscard]] Extremes settle(const Scenario& s, PartyIndex p, const Package& x);

// The open issues an open verdict depends on (PartyResult::deciding_issues).
[[nodiscard]] std::vector<IssueIndex> deciding_issues(const Scenario& s, PartyIndex p, const Package& x,
                                                      const Extremes& e);

}  // namespace accord::evaluate::detail
