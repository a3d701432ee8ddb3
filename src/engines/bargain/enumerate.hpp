#pragma once
// One pass over every package of a (small) space for non-additive preferences: the zone
// count and both Pareto frontiers at once, with utilities evaluated incrementally.
#include <cstddef>

#include "accord/model/budget.hpp"
#include "engines/bargain/pareto.hpp"
#include "engines/bargain/problem.hpp"

namespace accord::bargain::detail {

struct Enumeration {
  Stop stop = Stop::finished;  // time_limit: the counts cover only the packages enumerated
  u128 total = 0;              // packages in the space
  u128 seen = 0;               // packages enumerated
  u128 zone = 0;               // of those: crossing no red line, acceptable to every party
  RawFrontier whole, zone_front;
};

// `p`: the whole space (no red-line filtering; red lines are checked per package). Utilities
// are bit-identical to Problem::utilities (additive part in issue order, then each active
// rectangle in order): prefix sums and prefix bitsets of the rectangles not excluded by the
// issues so far are updated only from the first issue that changed (odometer order).
[[nodiscard]] Enumeration enumerate_space(const Problem& p, bool whole_frontier, bool zone_frontier,
                                          std::size_t max_points, bool parallel,
                                          const Deadline& deadline);

}  // namespace accord::bargain::detail
