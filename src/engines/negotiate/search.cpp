// Offers on domains too large to sort: the smallest utility at or above a target, found by
// meeting in the middle. Each half of the issues is enumerated once per party (sums sorted);
// a query sweeps both halves with two pointers (O(|head| + |tail|)), then re-scores the
// candidates in the canonical summation order so the result equals the sorted domain's.
#include <algorithm>
#include <cmath>
#include <limits>

#include "accord/engines/negotiate.hpp"

namespace accord::negotiate {

namespace {

// Half sums are added in another order than the canonical one: candidates are taken within
// this slack and re-scored exactly.
constexpr double kSlack = 1e-9;

// Calls f(head position, tail position) for every pair with lo <= head + tail <= hi.
template <class F>
void for_pairs(const std::vector<double>& head, const std::vector<double>& tail, double lo, double hi, F&& f) {
  // As head grows, the tail window [lo - a, hi - a] moves down: both ends only decrease.
  std::size_t first = static_cast<std::size_t>(
      std::lower_bound(tail.begin(), tail.end(), lo - head.front()) - tail.begin());
  std::size_t last = static_cast<std::size_t>(
      std::upper_bound(tail.begin(), tail.end(), hi - head.front()) - tail.begin());
  for (std::size_t a = 0; a < head.size(); ++a) {
    while (first > 0 && head[a] + tail[first - 1] >= lo) --first;
    while (first < tail.size() && head[a] + tail[first] < lo) ++first;
    while (last > 0 && head[a] + tail[last - 1] > hi) --last;
    for (std::size_t b = first; b < last; ++b) f(a, b);
  }
}

// The smallest head + tail >= lo (approximate sums); +inf when none.
double min_at_least(const std::vector<double>& head, const std::vector<double>& tail, double lo) {
  double best = std::numeric_limits<double>::infinity();
  std::size_t b = tail.size();
  for (std::size_t a = 0; a < head.size(); ++a) {
    while (b > 0 && head[a] + tail[b - 1] >= lo) --b;
    if (b < tail.size()) best = std::min(best, head[a] + tail[b]);
  }
  return best;
}

}  // namespace

std::optional<PackageId> Domain::search_lowest(std::size_t k, double target) const {
  if (!stats_[k].has_packages) return std::nullopt;
  const Half& head = head_[k];
  const Half& tail = tail_[k];
  const double lo = target - kNegotiationEps;
  double floor = lo - kSlack;
  // u* = the smallest exact U >= lo. Approximate sums are within kSlack of the exact ones, so
  // the pair holding u* lies within [floor, m1 + window]; step up while no exact U >= lo there.
  double ustar = std::numeric_limits<double>::infinity();
  while (!std::isfinite(ustar)) {
    const double m1 = min_at_least(head.sum, tail.sum, floor);
    if (!std::isfinite(m1)) return std::nullopt;
    const double hi = m1 + 2 * kSlack;
    for_pairs(head.sum, tail.sum, floor, hi, [&](std::size_t a, std::size_t b) {
      const double u = utility(k, head.id[a] + tail.id[b]);
      if (u >= lo) ustar = std::min(ustar, u);
    });
    floor = hi;
  }
  // Lexicographically smallest id with lo <= U <= u* + eps.
  const double top = ustar + kNegotiationEps;
  PackageId best = std::numeric_limits<PackageId>::max();
  for_pairs(head.sum, tail.sum, lo - kSlack, top + kSlack, [&](std::size_t a, std::size_t b) {
    const PackageId x = head.id[a] + tail.id[b];
    if (x >= best) return;
    const double u = utility(k, x);
    if (u >= lo && u <= top) best = x;
  });
  return best;
}

}  // namespace accord::negotiate
