#pragma once
// Exact Pareto frontiers of sums of per-issue contribution vectors.
#include <cstddef>
#include <cstdint>
#include <vector>

#include "accord/model/budget.hpp"
#include "engines/bargain/problem.hpp"

namespace accord::bargain::detail {

struct RawFrontier {
  bool truncated = false;
  Stop stop = Stop::finished;  // size_limit (more than max_points) | time_limit
  std::vector<double> u;                          // points × k
  std::vector<std::vector<std::uint32_t>> choice;  // a representative choice per point
  [[nodiscard]] std::size_t size() const { return choice.size(); }
};

// Indices of the non-dominated points among n points of dimension k (flat, point-major),
// in ascending index order. Of several identical points only the first is kept.
[[nodiscard]] std::vector<std::uint32_t> nondominated(const std::vector<double>& u, std::size_t k,
                                                      bool parallel);

// The same, abandoned as soon as more than `limit` points are known to be non-dominated
// (stop = size_limit) or at the deadline (stop = time_limit); `keep` is then incomplete.
struct Nondominated {
  std::vector<std::uint32_t> keep;
  Stop stop = Stop::finished;
};
[[nodiscard]] Nondominated nondominated_within(const std::vector<double>& u, std::size_t k,
                                               bool parallel, std::size_t limit,
                                               const Deadline& deadline);

// Frontier by merging issue by issue (additive preferences): after each issue only the
// non-dominated partial sums survive. With `zone`, partial sums that can no longer reach
// every reservation are dropped and the result keeps only points with U_p >= r_p.
[[nodiscard]] RawFrontier merge_frontier(const Problem& p, bool zone, std::size_t max_points,
                                         bool parallel, const Deadline& deadline = {});

}  // namespace accord::bargain::detail
