// Bueno de Mesquita's expected utility model, one dimension at a time, as replicated by
// Scholz, Calbert & Smith (2011). Every variant choice is a parameter (EumParams);
// equations and reasons: docs/forecast.md#eum.
#include <algorithm>
#include <cmath>
#include <numeric>

#include "engines/forecast/models.hpp"

namespace accord::forecast::detail {
namespace {

struct Eum1D {
  std::vector<double> w;  // c_k s_k
  std::vector<double> s;  // s_k
  double range = 1.0;     // Delta
  const EumParams* params = nullptr;
};

// sup[i*n+j] = support for i's position over j's:
//   sum_k max(0, w_k (|x_k - x_j| - |x_k - x_i|))   (the votes without the 1/Delta factor).
// For a < b (the two positions) and m = (a + b)/2, an actor at x votes for the lower position
// with a + b - 2 max(x, a) when x < m, and for the upper one with 2 min(x, b) - a - b when
// x > m. With prefix sums W, WX of w and w x over positions sorted ascending, and the
// midpoint located by a pointer that only moves forward, all pairs cost O(n^2).
std::vector<double> support_matrix(const std::vector<double>& x, const std::vector<double>& w) {
  const std::size_t n = x.size();
  std::vector<std::size_t> order(n);
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return x[a] < x[b]; });
  std::vector<double> xs(n), W(n + 1, 0.0), WX(n + 1, 0.0);
  for (std::size_t t = 0; t < n; ++t) {
    xs[t] = x[order[t]];
    W[t + 1] = W[t] + w[order[t]];
    WX[t + 1] = WX[t] + w[order[t]] * xs[t];
  }
  // le[t] = count of positions <= xs[t]; lt[t] = count < xs[t].
  std::vector<std::size_t> le(n), lt(n);
  for (std::size_t t = 0, u = 0, v = 0; t < n; ++t) {
    while (u < n && xs[u] < xs[t]) ++u;
    while (v < n && xs[v] <= xs[t]) ++v;
    lt[t] = u;
    le[t] = v;
  }
  std::vector<double> sup(n * n, 0.0);
  for (std::size_t p = 0; p < n; ++p) {
    std::size_t m_lt = p, m_le = p;  // counts of positions < m and <= m; m grows with q
    for (std::size_t q = p + 1; q < n; ++q) {
      const double a = xs[p], b = xs[q];
      if (a == b) continue;
      const double m = (a + b) / 2;
      while (m_lt < n && xs[m_lt] < m) ++m_lt;
      if (m_le < m_lt) m_le = m_lt;
      while (m_le < n && xs[m_le] <= m) ++m_le;
      const std::size_t ia = le[p], ib = lt[q];
      const double low = (a + b) * W[m_lt] - 2 * (a * W[ia] + (WX[m_lt] - WX[ia]));
      const double high = 2 * ((WX[ib] - WX[m_le]) + b * (W[n] - W[ib])) - (a + b) * (W[n] - W[m_le]);
      sup[order[p] * n + order[q]] = low;
      sup[order[q] * n + order[p]] = high;
    }
  }
  return sup;
}

double median_position(const std::vector<double>& x, const Eum1D& e, const std::vector<double>& sup) {
  if (e.params->median == EumMedian::weighted) return weighted_median(x, e.w);
  const std::size_t n = x.size();
  // The position with the largest total vote against all others (a Condorcet winner when
  // one exists); ties -> lowest actor index.
  std::size_t best = 0;
  double best_total = -1e300;
  for (std::size_t j = 0; j < x.size(); ++j) {
    double total = 0.0;
    for (std::size_t m = 0; m < x.size(); ++m)
      if (m != j) total += sup[j * n + m] - sup[m * n + j];
    if (total > best_total + 1e-12 * std::fabs(best_total)) {
      best_total = total;
      best = j;
    }
  }
  return x[best];
}

// Probability that i's position prevails against j's.
double prob_success(const std::vector<double>& sup, std::size_t n, std::size_t i, std::size_t j) {
  const double fi = sup[i * n + j], fj = sup[j * n + i];
  return fi + fj > 0.0 ? fi / (fi + fj) : 0.5;
}

// Pair terms that do not depend on who challenges: the distance d = |x_i - x_j| / Delta and
// log(0.5 - 0.5 d), log(0.5 + 0.5 d), so that (0.5 -/+ 0.5 d)^r = exp(r log(...)).
struct PairTerms {
  std::vector<double> d, log_s, log_f;  // n*n, symmetric
};

PairTerms pair_terms(const std::vector<double>& x, double range) {
  const std::size_t n = x.size();
  PairTerms t{std::vector<double>(n * n), std::vector<double>(n * n), std::vector<double>(n * n)};
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = i; j < n; ++j) {
      const double d = std::fabs(x[i] - x[j]) / range;
      const double ls = std::log(std::max(0.0, 0.5 - 0.5 * d)), lf = std::log(0.5 + 0.5 * d);
      t.d[i * n + j] = t.d[j * n + i] = d;
      t.log_s[i * n + j] = t.log_s[j * n + i] = ls;
      t.log_f[i * n + j] = t.log_f[j * n + i] = lf;
    }
  return t;
}

// EU_i(challenge j) with risk exponent r_i:
//   s_j [P U_s + (1 - P) U_f] + (1 - s_j) U_s - Q U_sq - (1 - Q)[T U_b + (1 - T) U_w],
//   U = 2 - 4 (base)^r with base 0.5 - 0.5d (s), 0.5 + 0.5d (f), 0.5 (sq),
//   0.5 -/+ 0.25 (d_mu + d) (b / w).
double expected_utility(const std::vector<double>& x, const Eum1D& e, const PairTerms& t,
                        std::size_t i, std::size_t j, double mu, double r, double p) {
  const std::size_t n = x.size(), ij = i * n + j;
  const auto u = [r](double base) {
    const double b = std::max(0.0, base);
    return 2.0 - 4.0 * (r == 1.0 ? b : std::pow(b, r));
  };
  const double us = r == 1.0 ? 2.0 - 4.0 * (0.5 - 0.5 * t.d[ij]) : 2.0 - 4.0 * std::exp(r * t.log_s[ij]);
  const double uf = r == 1.0 ? 2.0 - 4.0 * (0.5 + 0.5 * t.d[ij]) : 2.0 - 4.0 * std::exp(r * t.log_f[ij]);
  const double usq = r == 1.0 ? 0.0 : 2.0 - 4.0 * std::exp(r * -0.6931471805599453);
  const double q = e.params->q, tt = e.params->t;
  double eu = e.s[j] * (p * us + (1 - p) * uf) + (1 - e.s[j]) * us - q * usq;
  if (q != 1.0) {  // the status quo may change even without a challenge
    const double dmu = std::fabs(x[i] - mu) / e.range;
    const double ub = u(0.5 - 0.25 * (dmu + t.d[ij]));
    const double uw = u(0.5 + 0.25 * (dmu + t.d[ij]));
    eu -= (1 - q) * (tt * ub + (1 - tt) * uw);
  }
  return eu;
}

std::vector<double> risk_exponents(const std::vector<double>& x, const Eum1D& e,
                                   const PairTerms& t, const std::vector<double>& sup, double mu) {
  const std::size_t n = x.size();
  std::vector<double> r(n, 1.0);
  if (e.params->risk == EumRisk::neutral) return r;
  // X_i = sum_{j != i} EU_j(challenge i), risk neutral: how much the others stand to gain
  // by challenging i (i's vulnerability).
  std::vector<double> X(n, 0.0);
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = 0; j < n; ++j)
      if (j != i) X[i] += expected_utility(x, e, t, j, i, mu, 1.0, prob_success(sup, n, j, i));
  const double xmax = *std::max_element(X.begin(), X.end());
  const double xmin = *std::min_element(X.begin(), X.end());
  if (!(xmax > xmin)) return r;
  for (std::size_t i = 0; i < n; ++i) {
    const double R = (2 * X[i] - xmax - xmin) / (xmax - xmin);
    r[i] = (1 - R / 3) / (1 + R / 3);
  }
  return r;
}

// One round: every actor accepts at most one offer. Returns the new positions.
std::vector<double> eum_round(const std::vector<double>& x, const Eum1D& e, double& mu) {
  const std::size_t n = x.size();
  const std::vector<double> sup = support_matrix(x, e.w);
  mu = median_position(x, e, sup);
  const PairTerms terms = pair_terms(x, e.range);
  const std::vector<double> r = risk_exponents(x, e, terms, sup, mu);
  std::vector<double> eu(n * n, 0.0);  // eu[i*n+j] = EU_i(challenge j)
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = 0; j < n; ++j)
      if (i != j) eu[i * n + j] = expected_utility(x, e, terms, i, j, mu, r[i], prob_success(sup, n, i, j));

  std::vector<double> next(x);
  for (std::size_t j = 0; j < n; ++j) {  // j receives offers
    double best_move = -1.0;
    for (std::size_t i = 0; i < n; ++i) {
      if (i == j) continue;
      const double eij = eu[i * n + j], eji = eu[j * n + i];
      if (!(eij > 0.0) || x[i] == x[j]) continue;
      double target;
      if (eji > 0.0) {
        if (!(eij > eji)) continue;  // conflict that i does not expect to win: no offer
        target = x[i];               // conflict: j gives way to i
      } else if (eij > -eji) {
        target = x[j] + (x[i] - x[j]) * (-eji / eij);  // compromise
      } else {
        target = x[i];  // capitulation
      }
      const double move = std::fabs(target - x[j]);
      if (best_move < 0.0 || move < best_move) {  // accept the offer that moves j least
        best_move = move;
        next[j] = target;
      }
    }
  }
  return next;
}

}  // namespace

void run_eum(const ForecastProblem& p, const EumParams& params, const Deadline& deadline, Result& r) {
  const std::size_t n = p.actors.size(), d = p.dimensions.size();
  std::vector<std::vector<std::vector<double>>> per_dim(d);  // [dim][round][actor]
  r.forecast.assign(d, 0.0);
  r.converged = true;
  int turns = 0;
  for (std::size_t k = 0; k < d; ++k) {
    Eum1D e;
    e.params = &params;
    e.range = p.dimensions[k].hi - p.dimensions[k].lo;
    std::vector<double> x;
    for (const ForecastActor& a : p.actors) {
      e.s.push_back(a.salience[k]);
      e.w.push_back(a.capability * a.salience[k]);
      x.push_back(a.position[k]);
    }
    per_dim[k].push_back(x);
    double mu = 0.0;
    bool still = false;
    for (int round = 1; round <= params.max_rounds; ++round) {
      if (deadline.expired()) {
        if (r.outcome.termination.stop != Stop::time_limit)  // name the first dimension cut short
          r.outcome.termination = {Stop::time_limit, "dimension " + p.dimensions[k].id + ": " +
                                               std::to_string(round - 1) + " of at most " +
                                               std::to_string(params.max_rounds) +
                                               " rounds done (later dimensions: initial positions)"};
        break;
      }
      std::vector<double> nx = eum_round(x, e, mu);
      double moved = 0.0;
      for (std::size_t i = 0; i < n; ++i) moved = std::max(moved, std::fabs(nx[i] - x[i]));
      if (moved <= params.move_tolerance * e.range) {
        still = true;
        break;
      }
      x = std::move(nx);
      per_dim[k].push_back(x);
    }
    r.converged = r.converged && still;
    turns = std::max(turns, static_cast<int>(per_dim[k].size()) - 1);
    r.forecast[k] = median_position(x, e, support_matrix(x, e.w));
  }
  r.turns = turns;
  for (int t = 0; t <= turns; ++t) {
    std::vector<std::vector<double>> state(n, std::vector<double>(d));
    for (std::size_t k = 0; k < d; ++k) {
      const auto& rounds = per_dim[k];
      const auto& xs = rounds[std::min<std::size_t>(static_cast<std::size_t>(t), rounds.size() - 1)];
      for (std::size_t i = 0; i < n; ++i) state[i][k] = xs[i];
    }
    r.history.push_back(std::move(state));
  }
}

}  // namespace accord::forecast::detail
