// One SMP bargaining turn (KTAB SMPState::doBCN with InitOnlyInterp bargains and
// deterministic state transitions). docs/forecast.md#smp, steps 4-5.
#include <tbb/enumerable_thread_specific.h>
#include <tbb/parallel_for.h>

#include <algorithm>
#include <atomic>

#include "engines/forecast/smp.hpp"

namespace accord::forecast::smp {
namespace {

constexpr double kMinSigGain = 1e-5;  // KTAB bestChallenge: minSigEDU

}  // namespace

std::vector<double> step(const Actors& a, const std::vector<double>& pos, TurnLog* log,
                         const Deadline* deadline) {
  const std::size_t n = a.n, d = a.d;
  const TurnSetup t = setup_turn(a, pos);

  // Every actor's list of options: its status quo first, then each bargain it is part of,
  // in the order of the initiators (KTAB appends them as initiators are processed).
  std::vector<Bargain> bargains;
  std::vector<std::vector<std::size_t>> options(n);
  for (std::size_t i = 0; i < n; ++i) {
    Bargain sq;
    sq.init = sq.rcvr = i;
    options[i].push_back(bargains.size());
    bargains.push_back(std::move(sq));
  }
  if (log != nullptr) {
    log->target.assign(n, -1);
    log->target_p.assign(n, 0.0);
    log->target_gain.assign(n, 0.0);
  }

  // Each actor's best target: the j with the largest gain above kMinSigGain, the first j on
  // ties. The gain is (1 - u_i(j)) (1 - 2 s_j (1 - P[i beats j])) <= 1 - u_i(j), so targets
  // are tried by that bound, largest first, and the search stops when the bound cannot beat
  // the best gain found (kSlack absorbs rounding): the same target as trying every j.
  constexpr double kSlack = 1e-12;
  std::vector<double> weight(n);
  for (std::size_t x = 0; x < n; ++x) weight[x] = a.sal_sum[x] * a.cap[x];
  Matrix dist_t(n, n);
  for (std::size_t x = 0; x < n; ++x)
    for (std::size_t c = 0; c < n; ++c) dist_t(c, x) = t.dist(x, c);
  std::vector<int> target(n, -1);
  std::vector<double> target_p(n, 0.0), target_gain(n, -1.0);
  struct Work {
    std::vector<double> col, diag, scratch, rx;
    std::vector<char> done;
    std::vector<std::pair<double, std::size_t>> order;
  };
  tbb::enumerable_thread_specific<Work> work;
  std::atomic<bool> stopped{false};
  const auto best_target = [&](std::size_t i) {
    if (stopped.load(std::memory_order_relaxed)) return;
    if (deadline != nullptr && deadline->expired()) {
      stopped = true;
      return;
    }
    Work& w = work.local();
    // Columns of i's utility matrix, computed when first needed (most targets are pruned).
    w.col.resize(n * n);
    w.done.assign(n, 0);
    w.diag.resize(n);
    w.scratch.resize(n);
    const double rh = t.risk[i];
    w.rx.resize(n);
    for (std::size_t x = 0; x < n; ++x) w.rx[x] = (2.0 * rh + t.risk[x]) / 3.0;
    for (std::size_t x = 0; x < n; ++x) w.diag[x] = utility(t.dist(x, x), w.rx[x]);
    const auto column = [&](std::size_t c) {
      if (w.done[c]) return;
      w.done[c] = 1;
      const double* dc = &dist_t.v[c * n];
      double* out = &w.col[c * n];
      for (std::size_t x = 0; x < n; ++x) out[x] = utility(dc[x], w.rx[x]);
    };
    column(i);
    w.order.clear();
    for (std::size_t j = 0; j < n; ++j)
      if (j != i) w.order.emplace_back(1.0 - utility(t.dist(i, j), w.rx[i]), j);
    std::stable_sort(w.order.begin(), w.order.end(),
                     [](const auto& x, const auto& y) { return x.first > y.first; });
    int best = -1;
    double best_p = 0.0, best_gain = -1.0;
    for (const auto& [bound, j] : w.order) {
      if (bound + kSlack < std::max(best_gain, kMinSigGain)) break;
      column(j);
      const Challenge c = own_challenge(a, weight, w.col, w.diag, i, j, w.scratch);
      if (!(kMinSigGain < c.gain)) continue;
      if (best_gain < c.gain || (c.gain == best_gain && static_cast<int>(j) < best)) {
        best = static_cast<int>(j);
        best_p = c.prob;
        best_gain = c.gain;
      }
    }
    target[i] = best;
    target_p[i] = best_p;
    target_gain[i] = best_gain;
  };
  tbb::parallel_for(std::size_t{0}, n, best_target);
  if (stopped) return {};

  for (std::size_t i = 0; i < n; ++i) {
    const int best = target[i];
    if (best < 0) continue;
    const double best_p = target_p[i], best_gain = target_gain[i];
    const std::size_t j = static_cast<std::size_t>(best);
    if (log != nullptr) {
      log->target[i] = best;
      log->target_p[i] = best_p;
      log->target_gain[i] = best_gain;
    }
    Bargain b;
    b.init = i;
    b.rcvr = j;
    b.pos_init.resize(d);
    b.pos_rcvr.resize(d);
    for (std::size_t k = 0; k < d; ++k)
      interpolate(pos[i * d + k], a.sal[i * d + k], best_p, pos[j * d + k], a.sal[j * d + k],
                  1.0 - best_p, b.pos_init[k], b.pos_rcvr[k]);
    options[i].push_back(bargains.size());
    options[j].push_back(bargains.size());
    bargains.push_back(std::move(b));
  }

  // Each actor values a state by the mean of its (own, risk-aware) utility over all actors'
  // positions; a bargain changes the positions of its two parties only.
  Matrix own(n, n);  // own(a, m) = u_a(position of m), with a's own risk attitude
  std::vector<double> row_sum(n, 0.0);
  for (std::size_t x = 0; x < n; ++x)
    for (std::size_t m = 0; m < n; ++m) {
      own(x, m) = utility(t.dist(x, m), t.risk[x]);
      row_sum[x] += own(x, m);
    }
  const auto value_of = [&](std::size_t x, const Bargain& b) {
    if (b.init == b.rcvr) return row_sum[x] / static_cast<double>(n);
    const double* px = &pos[x * d];
    const double* sx = &a.sal[x * d];
    const double ui = utility(distance(px, b.pos_init.data(), sx, a.sal_sq[x], d), t.risk[x]);
    const double uj = utility(distance(px, b.pos_rcvr.data(), sx, a.sal_sq[x], d), t.risk[x]);
    return (row_sum[x] - own(x, b.init) - own(x, b.rcvr) + ui + uj) / static_cast<double>(n);
  };

  std::vector<double> next(pos);
  for (std::size_t k = 0; k < n; ++k) {
    const auto& opts = options[k];
    if (opts.size() == 1) continue;  // only the status quo
    Matrix u(n, opts.size());
    for (std::size_t x = 0; x < n; ++x)
      for (std::size_t m = 0; m < opts.size(); ++m) u(x, m) = value_of(x, bargains[opts[m]]);
    const std::vector<double> p = scalar_pce(a.cap, u);
    std::size_t chosen = 0;
    double pmax = -1.0;
    for (std::size_t m = 0; m < p.size(); ++m)
      if (pmax < p[m]) {
        pmax = p[m];
        chosen = m;
      }
    const Bargain& b = bargains[opts[chosen]];
    if (b.init == b.rcvr) continue;
    const std::vector<double>& np = b.init == k ? b.pos_init : b.pos_rcvr;
    for (std::size_t q = 0; q < d; ++q) next[k * d + q] = np[q];
  }
  return next;
}

}  // namespace accord::forecast::smp
