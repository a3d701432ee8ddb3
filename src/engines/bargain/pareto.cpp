#include "engines/bargain/pareto.hpp"

#include <tbb/parallel_for.h>

#include <algorithm>
#include <numeric>

#include "accord/model/utility.hpp"

namespace accord::bargain::detail {

namespace {

// At most this many doubles of candidate partial sums in one merge step (256 MB).
constexpr double kMaxCandidateDoubles = 33554432.0;

// ---- 2 parties: sort and sweep.
std::vector<std::uint32_t> nondominated2(const std::vector<double>& u) {
  const std::size_t n = u.size() / 2;
  std::vector<std::uint32_t> idx(n);
  std::iota(idx.begin(), idx.end(), 0u);
  std::sort(idx.begin(), idx.end(), [&](std::uint32_t a, std::uint32_t b) {
    if (u[2 * a] != u[2 * b]) return u[2 * a] > u[2 * b];
    if (u[2 * a + 1] != u[2 * b + 1]) return u[2 * a + 1] > u[2 * b + 1];
    return a < b;
  });
  std::vector<std::uint32_t> out;
  bool first = true;
  double best = 0.0;
  for (const std::uint32_t i : idx) {
    if (first || u[2 * i + 1] > best) {
      out.push_back(i);
      best = u[2 * i + 1];
      first = false;
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

// ---- k parties: a static k-d tree with bounding boxes; each point asks whether any other
// point lies in its dominating orthant. Queries are independent (parallel, deterministic).
class KdTree {
 public:
  KdTree(const std::vector<double>& u, std::size_t k, std::vector<std::uint32_t> ids)
      : u_(u), k_(k), ids_(std::move(ids)) {
    if (!ids_.empty()) build(0, ids_.size());
  }

  [[nodiscard]] bool dominated(std::uint32_t q) const {
    if (nodes_.empty()) return false;
    const double* qv = &u_[q * k_];
    std::vector<std::size_t> stack{0};
    while (!stack.empty()) {
      const Node& nd = nodes_[stack.back()];
      stack.pop_back();
      if (!all_ge(&nd_hi(nd), qv)) continue;
      const std::size_t size = nd.end - nd.begin;
      if (all_ge(&nd_lo(nd), qv) && (size > 1 || ids_[nd.begin] != q)) return true;
      if (nd.left == 0) {
        for (std::size_t j = nd.begin; j < nd.end; ++j)
          if (ids_[j] != q && all_ge(&u_[ids_[j] * k_], qv)) return true;
        continue;
      }
      stack.push_back(nd.left);
      stack.push_back(nd.right);
    }
    return false;
  }

 private:
  struct Node {
    std::size_t begin, end, left = 0, right = 0, box;  // box: offset into boxes_ (lo, hi)
  };
  const double& nd_lo(const Node& nd) const { return boxes_[nd.box]; }
  const double& nd_hi(const Node& nd) const { return boxes_[nd.box + k_]; }

  bool all_ge(const double* a, const double* b) const {
    for (std::size_t p = 0; p < k_; ++p)
      if (a[p] < b[p]) return false;
    return true;
  }

  std::size_t build(std::size_t begin, std::size_t end) {
    const std::size_t id = nodes_.size();
    nodes_.push_back(Node{begin, end, 0, 0, boxes_.size()});
    boxes_.resize(boxes_.size() + 2 * k_);
    double* lo = &boxes_[nodes_[id].box];
    double* hi = lo + k_;
    for (std::size_t p = 0; p < k_; ++p) {
      lo[p] = u_[ids_[begin] * k_ + p];
      hi[p] = lo[p];
    }
    for (std::size_t j = begin + 1; j < end; ++j)
      for (std::size_t p = 0; p < k_; ++p) {
        const double x = u_[ids_[j] * k_ + p];
        lo[p] = std::min(lo[p], x);
        hi[p] = std::max(hi[p], x);
      }
    if (end - begin <= 16) return id;
    std::size_t dim = 0;
    for (std::size_t p = 1; p < k_; ++p)
      if (hi[p] - lo[p] > hi[dim] - lo[dim]) dim = p;
    const std::size_t mid = begin + (end - begin) / 2;
    std::nth_element(ids_.begin() + static_cast<std::ptrdiff_t>(begin),
                     ids_.begin() + static_cast<std::ptrdiff_t>(mid),
                     ids_.begin() + static_cast<std::ptrdiff_t>(end),
                     [&](std::uint32_t a, std::uint32_t b) {
                       const double x = u_[a * k_ + dim], y = u_[b * k_ + dim];
                       return x != y ? x < y : a < b;
                     });
    const std::size_t l = build(begin, mid);
    const std::size_t r = build(mid, end);
    nodes_[id].left = l;
    nodes_[id].right = r;
    return id;
  }

  const std::vector<double>& u_;
  std::size_t k_;
  std::vector<std::uint32_t> ids_;
  std::vector<Node> nodes_;
  std::vector<double> boxes_;
};

Nondominated nondominated_k(const std::vector<double>& u, std::size_t k, bool parallel,
                            std::size_t limit, const Deadline& deadline) {
  const std::size_t n = u.size() / k;
  std::vector<std::uint32_t> idx(n);
  std::iota(idx.begin(), idx.end(), 0u);
  auto less_vec = [&](std::uint32_t a, std::uint32_t b) {
    return std::lexicographical_compare(&u[a * k], &u[a * k] + k, &u[b * k], &u[b * k] + k);
  };
  std::sort(idx.begin(), idx.end(), [&](std::uint32_t a, std::uint32_t b) {
    if (less_vec(a, b)) return true;
    if (less_vec(b, a)) return false;
    return a < b;
  });
  std::vector<std::uint32_t> unique;
  for (std::size_t j = 0; j < n; ++j)
    if (j == 0 || less_vec(idx[j - 1], idx[j])) unique.push_back(idx[j]);
  const KdTree tree(u, k, unique);
  // Queried from the lexicographically largest point down, in chunks, so that a frontier that
  // is going to be abandoned for its size is abandoned early: the largest points are the most
  // likely to be non-dominated, and each query is exact on its own.
  std::reverse(unique.begin(), unique.end());
  std::vector<char> dom(unique.size(), 0);
  auto body = [&](std::size_t j) { dom[j] = tree.dominated(unique[j]) ? 1 : 0; };
  Nondominated out;
  constexpr std::size_t kChunk = 8192;
  std::size_t found = 0;
  for (std::size_t begin = 0; begin < unique.size(); begin += kChunk) {
    const std::size_t end = std::min(unique.size(), begin + kChunk);
    if (parallel && end - begin >= 4096) {
      tbb::parallel_for(begin, end, body);
    } else {
      for (std::size_t j = begin; j < end; ++j) body(j);
    }
    for (std::size_t j = begin; j < end; ++j) found += dom[j] ? 0 : 1;
    if (found > limit) {
      out.stop = Stop::size_limit;
      return out;
    }
    if (end < unique.size() && deadline.expired()) {
      out.stop = Stop::time_limit;
      return out;
    }
  }
  for (std::size_t j = 0; j < unique.size(); ++j)
    if (!dom[j]) out.keep.push_back(unique[j]);
  std::sort(out.keep.begin(), out.keep.end());
  return out;
}

void sort_descending(RawFrontier& f, std::size_t k) {
  std::vector<std::uint32_t> idx(f.size());
  std::iota(idx.begin(), idx.end(), 0u);
  std::sort(idx.begin(), idx.end(), [&](std::uint32_t a, std::uint32_t b) {
    return std::lexicographical_compare(&f.u[b * k], &f.u[b * k] + k, &f.u[a * k],
                                        &f.u[a * k] + k);
  });
  RawFrontier out;
  out.truncated = f.truncated;
  for (const std::uint32_t j : idx) {
    out.u.insert(out.u.end(), &f.u[j * k], &f.u[j * k] + k);
    out.choice.push_back(std::move(f.choice[j]));
  }
  f = std::move(out);
}

bool meets_reservations(const Problem& p, const double* u) {
  for (std::size_t q = 0; q < p.k; ++q)
    if (u[q] < p.r[q] - kUtilityEps) return false;
  return true;
}

}  // namespace

std::vector<std::uint32_t> nondominated(const std::vector<double>& u, std::size_t k,
                                        bool parallel) {
  if (u.empty()) return {};
  if (k == 2) return nondominated2(u);
  return nondominated_k(u, k, parallel, static_cast<std::size_t>(-1), Deadline{}).keep;
}

Nondominated nondominated_within(const std::vector<double>& u, std::size_t k, bool parallel,
                                 std::size_t limit, const Deadline& deadline) {
  Nondominated out;
  if (u.empty()) return out;
  if (k != 2) return nondominated_k(u, k, parallel, limit, deadline);
  out.keep = nondominated2(u);
  if (out.keep.size() > limit) out.stop = Stop::size_limit;
  return out;
}

RawFrontier merge_frontier(const Problem& p, bool zone, std::size_t max_points, bool parallel,
                           const Deadline& deadline) {
  const std::size_t k = p.k, n = p.issues.size();
  // suffix_max[i][q]: the most party q can still gain from issues i..n-1.
  std::vector<double> suffix_max((n + 1) * k, 0.0);
  for (std::size_t i = n; i-- > 0;)
    for (std::size_t q = 0; q < k; ++q) {
      double best = -1e300;
      for (std::size_t v = 0; v < p.issues[i].size(); ++v) best = std::max(best, p.contrib(i, v)[q]);
      suffix_max[i * k + q] = suffix_max[(i + 1) * k + q] + best;
    }
  std::vector<double> cur(k, 0.0);
  std::vector<std::vector<std::uint32_t>> parent(n), value(n);
  RawFrontier out;
  DeadlineTicker ticker(deadline);
  auto stop = [&](Stop why) {
    out.truncated = true;
    out.stop = why;
    return out;
  };
  for (std::size_t i = 0; i < n; ++i) {
    if (deadline.expired()) return stop(Stop::time_limit);
    const IssueSpace& space = p.issues[i];
    const std::size_t f = cur.size() / k;
    std::vector<double> cand;
    std::vector<std::uint32_t> cpar, cval;
    // Memory: a step holds f × values candidate vectors (a numeric grid may have 10^6 values).
    if (static_cast<double>(f) * static_cast<double>(space.size()) * static_cast<double>(k) > kMaxCandidateDoubles)
      return stop(Stop::size_limit);
    cand.reserve(f * space.size() * k);
    for (std::size_t j = 0; j < f; ++j) {
      if (ticker.expired()) return stop(Stop::time_limit);
      for (std::size_t v = 0; v < space.size(); ++v) {
        const double* c = p.contrib(i, v);
        bool ok = true;
        const std::size_t at = cand.size();
        for (std::size_t q = 0; q < k; ++q) {
          const double x = cur[j * k + q] + c[q];
          cand.push_back(x);
          if (zone && x + suffix_max[(i + 1) * k + q] < p.r[q] - kUtilityEps - kBoundSlack) ok = false;
        }
        if (!ok) {
          cand.resize(at);
          continue;
        }
        cpar.push_back(static_cast<std::uint32_t>(j));
        cval.push_back(static_cast<std::uint32_t>(v));
      }
    }
    const Nondominated nd = nondominated_within(cand, k, parallel, max_points, deadline);
    if (nd.stop != Stop::finished) return stop(nd.stop);
    const std::vector<std::uint32_t>& keep = nd.keep;
    cur.clear();
    for (const std::uint32_t j : keep) {
      cur.insert(cur.end(), &cand[j * k], &cand[j * k] + k);
      parent[i].push_back(cpar[j]);
      value[i].push_back(cval[j]);
    }
  }
  const std::size_t f = cur.size() / k;
  for (std::size_t j = 0; j < f; ++j) {
    if (zone && !meets_reservations(p, &cur[j * k])) continue;
    std::vector<std::uint32_t> choice(n);
    std::uint32_t at = static_cast<std::uint32_t>(j);
    for (std::size_t i = n; i-- > 0;) {
      choice[i] = value[i][at];
      at = parent[i][at];
    }
    out.u.insert(out.u.end(), &cur[j * k], &cur[j * k] + k);
    out.choice.push_back(std::move(choice));
  }
  sort_descending(out, k);
  return out;
}

}  // namespace accord::bargain::detail
