// Enumeration of a non-additive package space (enumerate.hpp).
#include "engines/bargain/enumerate.hpp"

#include <algorithm>
#include <bit>
#include <cstdint>
#include <vector>

#include <tbb/parallel_for.h>

#include "accord/model/utility.hpp"

namespace accord::bargain::detail {

namespace {

// Candidate points of one frontier (utilities and odometer ranks), flushed to the
// non-dominated set every `chunk` points.
struct Buffer {
  std::size_t k, max_points;
  bool parallel;
  bool on = true;
  Stop stop = Stop::finished;
  std::vector<double> u;
  std::vector<std::uint64_t> rank;
  std::size_t front = 0;  // the first `front` points are the frontier so far
  // Up to 64 points of the frontier so far: a candidate weakly dominated by one of them is
  // not a frontier point, or equals an earlier one (the earlier is kept): skip it.
  std::vector<double> filter;

  void add(const double* x, std::uint64_t r) {
    if (!on) return;
    for (std::size_t f = 0; f < filter.size(); f += k) {
      std::size_t q = 0;
      while (q < k && filter[f + q] >= x[q]) ++q;
      if (q == k) return;
    }
    u.insert(u.end(), x, x + k);
    rank.push_back(r);
    if (rank.size() - front >= std::max<std::size_t>(4096, 2 * front)) flush();
  }
  void flush() {
    if (!on) return;
    const std::vector<std::uint32_t> keep = nondominated(u, k, parallel);
    if (keep.size() > max_points) {
      on = false;
      stop = Stop::size_limit;
      u.clear();
      rank.clear();
      return;
    }
    std::vector<double> nu;
    std::vector<std::uint64_t> nr;
    nu.reserve(keep.size() * k);
    nr.reserve(keep.size());
    for (const std::uint32_t j : keep) {
      nu.insert(nu.end(), &u[j * k], &u[j * k] + k);
      nr.push_back(rank[j]);
    }
    u = std::move(nu);
    rank = std::move(nr);
    front = rank.size();
    filter.clear();
    const std::size_t step = std::max<std::size_t>(1, front / 64);
    for (std::size_t j = 0; j < front; j += step) filter.insert(filter.end(), &u[j * k], &u[j * k] + k);
  }
};

std::vector<std::uint32_t> decode(const Problem& p, std::uint64_t r) {
  std::vector<std::uint32_t> choice(p.issues.size(), 0);
  for (std::size_t i = p.issues.size(); i-- > 0;) {
    const std::uint64_t m = p.issues[i].size();
    choice[i] = static_cast<std::uint32_t>(r % m);
    r /= m;
  }
  return choice;
}

RawFrontier finish(const Problem& p, Buffer& b, bool wanted) {
  RawFrontier out;
  if (!wanted) return out;
  b.flush();
  if (!b.on) {
    out.truncated = true;
    out.stop = b.stop;
    return out;
  }
  out.u = std::move(b.u);
  for (const std::uint64_t r : b.rank) out.choice.push_back(decode(p, r));
  // Lexicographically descending utilities, as merge_frontier gives them.
  std::vector<std::uint32_t> idx(out.choice.size());
  for (std::uint32_t j = 0; j < idx.size(); ++j) idx[j] = j;
  const std::size_t k = p.k;
  std::sort(idx.begin(), idx.end(), [&](std::uint32_t a, std::uint32_t c) {
    return std::lexicographical_compare(&out.u[c * k], &out.u[c * k] + k, &out.u[a * k], &out.u[a * k] + k);
  });
  RawFrontier sorted;
  for (const std::uint32_t j : idx) {
    sorted.u.insert(sorted.u.end(), &out.u[j * k], &out.u[j * k] + k);
    sorted.choice.push_back(std::move(out.choice[j]));
  }
  return sorted;
}

}  // namespace

Enumeration enumerate_space(const Problem& p, bool whole_frontier, bool zone_frontier,
                            std::size_t max_points, bool parallel, const Deadline& deadline) {
  Enumeration out;
  const std::size_t n = p.issues.size(), k = p.k, R = p.rects.size(), W = (R + 63) / 64;
  out.total = space_size(p);
  if (out.total == 0) return out;
  const Scenario& s = *p.s;
  // mask[i][v]: rectangles that value v of issue i does not exclude; clean[i][v]: no red line.
  std::vector<std::vector<std::uint64_t>> mask(n);
  std::vector<std::vector<char>> clean(n);
  for (std::size_t i = 0; i < n; ++i) {
    const IssueSpace& sp = p.issues[i];
    mask[i].assign(sp.size() * W, 0);
    clean[i].assign(sp.size(), 1);
    for (std::size_t v = 0; v < sp.size(); ++v) {
      for (std::size_t r = 0; r < R; ++r)
        if (sp.rect_in[r].empty() || sp.rect_in[r][v]) mask[i][v * W + r / 64] |= std::uint64_t{1} << (r % 64);
      for (const PartyIndex party : p.parties)
        if (s.preferences[party].issues[IssueIndex(i)].crosses_red_line(s.issues[IssueIndex(i)], sp.settings[v]))
          clean[i][v] = 0;
    }
  }
  // Independent chunks, one per value of the first issue, run in parallel; their frontier
  // candidates are merged in chunk (= rank) order, so the result is the sequential one.
  struct Chunk {
    Stop stop = Stop::finished;
    u128 seen = 0, zone = 0;
    Buffer whole, zone_front;
  };
  const std::size_t chunks = n == 0 ? 1 : p.issues[0].size();
  const std::uint64_t per_chunk = static_cast<std::uint64_t>(out.total / chunks);
  std::vector<Chunk> parts(chunks, Chunk{Stop::finished, 0, 0,
                                         Buffer{k, max_points, parallel, whole_frontier, Stop::finished, {}, {}, 0, {}},
                                         Buffer{k, max_points, parallel, zone_frontier, Stop::finished, {}, {}, 0, {}}});
  auto body = [&](std::size_t chunk) {
    Chunk& part = parts[chunk];
    std::vector<double> S((n + 1) * k, 0.0), u(k);
    std::vector<std::uint64_t> P((n + 1) * W, ~std::uint64_t{0});
    std::vector<char> C(n + 1, 1);
    std::vector<std::uint32_t> choice(n, 0);
    if (n > 0) choice[0] = static_cast<std::uint32_t>(chunk);
    DeadlineTicker ticker(deadline, 8192);
    std::size_t from = 0;  // first issue whose prefix needs recomputing
    for (std::uint64_t rank = chunk * per_chunk;; ++rank) {
      if (ticker.expired()) {
        part.stop = Stop::time_limit;
        break;
      }
      for (std::size_t i = from; i < n; ++i) {
        const double* c = p.contrib(i, choice[i]);
        for (std::size_t q = 0; q < k; ++q) S[(i + 1) * k + q] = S[i * k + q] + c[q];
        const std::uint64_t* m = &mask[i][choice[i] * W];
        for (std::size_t w = 0; w < W; ++w) P[(i + 1) * W + w] = P[i * W + w] & m[w];
        C[i + 1] = C[i] && clean[i][choice[i]];
      }
      for (std::size_t q = 0; q < k; ++q) u[q] = S[n * k + q];
      for (std::size_t w = 0; w < W; ++w) {
        // Active rectangles in index order: the order Problem::utilities adds them in.
        for (std::uint64_t bits = P[n * W + w]; bits != 0; bits &= bits - 1) {
          const RectTerm& t = p.rects[w * 64 + static_cast<std::size_t>(std::countr_zero(bits))];
          u[t.party] += t.utility;
        }
      }
      ++part.seen;
      part.whole.add(u.data(), rank);
      bool in_zone = C[n] != 0;
      for (std::size_t q = 0; q < k && in_zone; ++q) in_zone = u[q] >= p.r[q] - kUtilityEps;
      if (in_zone) {
        ++part.zone;
        part.zone_front.add(u.data(), rank);
      }
      // Odometer over issues 1..n-1 (the last fastest); issue 0 is the chunk.
      std::size_t i = n;
      bool done = true;
      while (i > 1) {
        --i;
        if (++choice[i] < p.issues[i].size()) {
          done = false;
          break;
        }
        choice[i] = 0;
      }
      if (done) break;
      from = i;
    }
    part.whole.flush();
    part.zone_front.flush();
  };
  if (parallel && chunks > 1) {
    tbb::parallel_for(std::size_t{0}, chunks, body);
  } else {
    for (std::size_t j = 0; j < chunks; ++j) body(j);
  }
  Buffer whole{k, max_points, parallel, whole_frontier, Stop::finished, {}, {}, 0, {}};
  Buffer zone{k, max_points, parallel, zone_frontier, Stop::finished, {}, {}, 0, {}};
  for (Chunk& part : parts) {
    out.seen += part.seen;
    out.zone += part.zone;
    if (part.stop != Stop::finished) out.stop = part.stop;
    for (auto [from_buf, to_buf] : {std::pair<Buffer*, Buffer*>{&part.whole, &whole},
                                    std::pair<Buffer*, Buffer*>{&part.zone_front, &zone}}) {
      if (!from_buf->on) {
        to_buf->on = false;
        to_buf->stop = from_buf->stop;
      }
      if (!to_buf->on) continue;
      to_buf->u.insert(to_buf->u.end(), from_buf->u.begin(), from_buf->u.end());
      to_buf->rank.insert(to_buf->rank.end(), from_buf->rank.begin(), from_buf->rank.end());
    }
  }
  if (out.stop != Stop::finished) {
    // Frontiers of part of the space are not frontiers of the space.
    whole.on = zone.on = false;
    whole.stop = zone.stop = out.stop;
  }
  out.whole = finish(p, whole, whole_frontier);
  out.zone_front = finish(p, zone, zone_frontier);
  return out;
}

}  // namespace accord::bargain::detail
