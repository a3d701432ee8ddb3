// Exact count of the zone of agreement by branch and bound: a subtree is counted whole when
// even its worst completion is acceptable to everyone, skipped when even its best is not.
#include <tbb/parallel_for.h>

#include <algorithm>
#include <numeric>

#include "accord/model/utility.hpp"
#include "engines/bargain/search.hpp"

namespace accord::bargain::detail {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

struct Counter {
  const Problem& p;
  const std::vector<double>& sufmin;  // (n+1) × k, canonical issue order
  const std::vector<double>& sufmax;
  const std::vector<u128>& size;      // packages below depth t
  std::uint64_t max_nodes;
  DeadlineTicker ticker;
  std::uint64_t nodes = 0, visits = 0;
  Stop stop = Stop::finished;
  bool halted = false;  // time or visit cap: everything left is undecided
  u128 counted = 0, undecided = 0;
  std::vector<std::uint32_t> choice;
  std::vector<double> S;

  void dfs(std::size_t t, u128 mult) {
    const std::size_t k = p.k, n = p.issues.size();
    // Every visit (pruned ones too: an issue may have 10^6 values) polls the deadline and
    // counts against a visit cap; the node budget below counts expanded nodes only.
    if (!halted && (ticker.expired() || ++visits > 64 * max_nodes + 4096)) {
      halted = true;
      stop = ticker.expired() ? Stop::time_limit : Stop::node_limit;
    }
    if (halted) {
      undecided += mult * size[t];
      return;
    }
    const double* s = &S[t * k];
    bool all_in = true;
    for (std::size_t q = 0; q < k; ++q) {
      const double thr = p.r[q] - kUtilityEps;
      if (s[q] + sufmax[t * k + q] < thr - kBoundSlack) return;
      if (s[q] + sufmin[t * k + q] < thr + kBoundSlack) all_in = false;
    }
    if (all_in) {
      counted += mult * size[t];
      return;
    }
    if (t == n) {
      std::vector<double> u(k);
      p.utilities(choice.data(), u.data());
      for (std::size_t q = 0; q < k; ++q)
        if (u[q] < p.r[q] - kUtilityEps) return;
      counted += mult;
      return;
    }
    if (++nodes > max_nodes) {
      if (stop == Stop::finished) stop = Stop::node_limit;
      undecided += mult * size[t];
      return;
    }
    const IssueSpace& sp = p.issues[t];
    double* next = &S[(t + 1) * k];
    for (std::uint32_t v = 0; v < sp.size(); ++v) {
      const double* c = p.contrib(t, v);
      for (std::size_t q = 0; q < k; ++q) next[q] = s[q] + c[q];
      choice[t] = v;
      dfs(t + 1, mult * sp.mult[v]);
      if (halted) {  // the remaining siblings, undecided in bulk
        for (std::uint32_t w = v + 1; w < sp.size(); ++w) undecided += mult * sp.mult[w] * size[t + 1];
        return;
      }
    }
  }
};

}  // namespace

CountResult count_zone(const Problem& p, std::uint64_t max_nodes, bool parallel,
                       const Deadline& deadline) {
  const std::size_t k = p.k, n = p.issues.size();
  CountResult out;
  const u128 total = space_size(p);
  if (total == 0) return out;
  if (total == static_cast<u128>(1) << 127) {  // too large to count exactly
    out.exact = false;
    out.stop = Stop::size_limit;
    out.upper = total;
    return out;
  }
  std::vector<double> sufmin((n + 1) * k, 0.0), sufmax((n + 1) * k, 0.0);
  const std::vector<double> rneg = p.rect_slack(false), rpos = p.rect_slack(true);
  for (std::size_t q = 0; q < k; ++q) {
    sufmin[n * k + q] = rneg[q];
    sufmax[n * k + q] = rpos[q];
  }
  std::vector<u128> size(n + 1, 1);
  for (std::size_t i = n; i-- > 0;) {
    u128 m = 0;
    for (const std::uint64_t x : p.issues[i].mult) m += x;
    size[i] = size[i + 1] * m;
    for (std::size_t q = 0; q < k; ++q) {
      double lo = kInf, hi = -kInf;
      for (std::size_t v = 0; v < p.issues[i].size(); ++v) {
        lo = std::min(lo, p.contrib(i, v)[q]);
        hi = std::max(hi, p.contrib(i, v)[q]);
      }
      sufmin[i * k + q] = sufmin[(i + 1) * k + q] + lo;
      sufmax[i * k + q] = sufmax[(i + 1) * k + q] + hi;
    }
  }
  // Split into independent prefixes (the same split with or without threads, each with an
  // equal share of the node budget, so the result never depends on scheduling).
  std::size_t depth = 0;
  std::size_t prefixes = 1;
  while (depth < n && prefixes < 256 && prefixes * p.issues[depth].size() <= 65536)
    prefixes *= p.issues[depth++].size();
  std::vector<std::vector<std::uint32_t>> starts;
  std::vector<std::uint32_t> pre(depth, 0);
  for (std::size_t j = 0; j < prefixes; ++j) {
    starts.push_back(pre);
    for (std::size_t i = depth; i-- > 0;) {
      if (++pre[i] < p.issues[i].size()) break;
      pre[i] = 0;
    }
  }
  const std::uint64_t share = std::max<std::uint64_t>(1, max_nodes / prefixes);
  std::vector<u128> counted(prefixes, 0), undecided(prefixes, 0);
  std::vector<Stop> stops(prefixes, Stop::finished);
  auto body = [&](std::size_t j) {
    Counter c{p, sufmin, sufmax, size, share, DeadlineTicker(deadline, 1024), 0, 0, Stop::finished, false, 0, 0,
              std::vector<std::uint32_t>(n, 0), std::vector<double>((n + 1) * k, 0.0)};
    u128 mult = 1;
    for (std::size_t i = 0; i < depth; ++i) {
      const std::uint32_t v = starts[j][i];
      c.choice[i] = v;
      mult *= p.issues[i].mult[v];
      for (std::size_t q = 0; q < k; ++q)
        c.S[(i + 1) * k + q] = c.S[i * k + q] + p.contrib(i, v)[q];
    }
    if (deadline.expired()) {
      c.halted = true;
      c.stop = Stop::time_limit;
    }
    c.dfs(depth, mult);
    counted[j] = c.counted;
    undecided[j] = c.undecided;
    stops[j] = c.stop;
  };
  if (parallel && prefixes > 1) {
    tbb::parallel_for(std::size_t{0}, prefixes, body);
  } else {
    for (std::size_t j = 0; j < prefixes; ++j) body(j);
  }
  for (std::size_t j = 0; j < prefixes; ++j) {
    out.lower += counted[j];
    out.upper += counted[j] + undecided[j];
  }
  out.exact = out.lower == out.upper;
  for (const Stop st : stops)
    if (st != Stop::finished && (out.stop == Stop::finished || st == Stop::time_limit)) out.stop = st;
  if (out.exact) out.stop = Stop::finished;
  return out;
}

}  // namespace accord::bargain::detail
