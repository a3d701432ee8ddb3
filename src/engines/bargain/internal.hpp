#pragma once
// Pieces of bargain::run shared between its source files.
#include "accord/engines/bargain.hpp"
#include "engines/bargain/problem.hpp"
#include "engines/bargain/search.hpp"

namespace accord::bargain::detail {

[[nodiscard]] Count make_count(u128 lower, u128 upper, bool exact);

// Best package by the shortfall rule: maximise min_p (U_p - r_p) over `p` (no zone
// constraint), i.e. minimise the largest shortfall below reservation.
[[nodiscard]] SearchResult shortfall_search(const Problem& p, const Package* draft,
                                            std::uint64_t max_nodes, const Deadline& deadline);

[[nodiscard]] Closest closest_package(const Scenario& s, const std::vector<PartyIndex>& parties,
                                      const Package& draft, bool zone_exists,
                                      const Params& params, const Deadline& deadline);

}  // namespace accord::bargain::detail
