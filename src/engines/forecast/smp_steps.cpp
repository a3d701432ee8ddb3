// SMP step functions (KTAB's Spatial Model of Politics). See docs/forecast.md#smp for the
// equations and where each one comes from in KTAB (smp.cpp, smpbcn.cpp, kmodel.cpp).
#include <algorithm>
#include <cmath>

#include "engines/forecast/smp.hpp"

namespace accord::forecast::smp {

double distance(const double* a, const double* b, const double* s, double sal_sq, std::size_t d) {
  double ds = 0.0;
  for (std::size_t k = 0; k < d; ++k) {
    const double x = (a[k] - b[k]) * s[k];
    ds += x * x;
  }
  return std::sqrt(ds / sal_sq);
}

double utility(double d, double risk) {
  return d <= 1.0 ? (1.0 - d) * (1.0 + d * risk) : (1.0 - d) * (1.0 + risk);
}

Matrix coalitions(const std::vector<double>& w, const Matrix& u) {
  const std::size_t n = u.rows, m = u.cols;
  constexpr double kMinC = 1e-8;
  Matrix c(m, m, 0.0);
  for (std::size_t i = 0; i < m; ++i) {
    for (std::size_t j = 0; j < i; ++j) {
      double cij = kMinC, cji = kMinC;
      for (std::size_t k = 0; k < n; ++k) {
        const double v = w[k] * (u(k, i) - u(k, j));
        if (v > 0) cij += v;
        if (v < 0) cji -= v;
      }
      c(i, j) = cij;
      c(j, i) = cji;
    }
    c(i, i) = kMinC;
  }
  return c;
}

std::vector<double> conditional_pce(const Matrix& c) {
  const std::size_t m = c.rows;
  std::vector<double> p(m, 1.0);
  for (std::size_t i = 0; i < m; ++i) {
    double pi = 1.0;
    for (std::size_t j = 0; j < m; ++j) pi *= i == j ? 0.5 : c(i, j) / (c(i, j) + c(j, i));
    p[i] = pi;
  }
  double total = 0.0;
  for (double x : p) total += x;
  for (double& x : p) x /= total;
  return p;
}

std::vector<double> scalar_pce(const std::vector<double>& w, const Matrix& u) {
  return conditional_pce(coalitions(w, u));
}

std::vector<double> risk_from_prob(const std::vector<double>& p) {
  double pmin = 1.0, pmax = 0.0;
  for (double x : p) {
    pmin = std::min(pmin, x);
    pmax = std::max(pmax, x);
  }
  std::vector<double> r(p.size(), 0.0);
  if (!(pmax > pmin)) return r;  // every position equally likely: KTAB divides by zero here
  for (std::size_t i = 0; i < p.size(); ++i)
    r[i] = (3 * p[i] - (pmax + 2 * pmin)) / (2 * (pmax - pmin));
  return r;
}

TurnSetup setup_turn(const Actors& a, const std::vector<double>& pos) {
  const std::size_t n = a.n, d = a.d;
  TurnSetup t;
  t.dist = Matrix(n, n);
  t.rn_util = Matrix(n, n);
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = 0; j < n; ++j) {
      const double dij = distance(&pos[i * d], &pos[j * d], &a.sal[i * d], a.sal_sq[i], d);
      t.dist(i, j) = dij;
      t.rn_util(i, j) = utility(dij, 0.0);
    }
  // Risk attitudes from a PCE over the actors' own positions, risk-neutral, capability weights.
  t.risk = risk_from_prob(scalar_pce(a.cap, t.rn_util));
  return t;
}

Matrix estimated_utilities(const TurnSetup& t, std::size_t h) {
  const std::size_t n = t.dist.rows;
  Matrix u(n, n);
  const double rh = t.risk[h];
  for (std::size_t i = 0; i < n; ++i) {
    const double rhi = (2.0 * rh + t.risk[i]) / 3.0;
    for (std::size_t j = 0; j < n; ++j) u(i, j) = utility(t.dist(i, j), rhi);
  }
  return u;
}

Challenge prob_edu_challenge(const Actors& a, const Matrix& uh, std::size_t k, std::size_t i,
                             std::size_t j) {
  const double uii = uh(i, i), uij = uh(i, j), uji = uh(j, i), ujj = uh(j, j);
  const double eu_sq = uh(k, i) + uh(k, j);
  const double u_vict = uh(k, i) + uh(k, i);
  const double u_loss = uh(k, j) + uh(k, j);
  const double si = a.sal_sum[i], sj = a.sal_sum[j];
  constexpr double kMinCltn = 1e-10;

  // The principals vote with weight salience-sum x capability.
  const double ci = si * a.cap[i] * (uii - uij);
  const double cj = sj * a.cap[j] * (uji - ujj);
  double chij = kMinCltn, chji = kMinCltn;
  if (ci > 0.0) chij += ci;
  if (ci < 0.0) chji -= ci;
  if (cj > 0.0) chij += cj;
  if (cj < 0.0) chji -= cj;
  const double ci0 = chij, cj0 = chji;

  for (std::size_t n = 0; n < a.n; ++n) {
    if (n == i || n == j) continue;
    const double wn = a.sal_sum[n] * a.cap[n];
    const double uni = uh(n, i), unj = uh(n, j), unn = uh(n, n);
    // The little three-way contest among i, j and n decides n's estimate of P[i wins].
    const double cn = wn * (uni - unj);
    const double cni = cn > 0 ? ci0 + cn : ci0;
    const double cnj = cn < 0 ? cj0 - cn : cj0;
    const double pin = cni / (cni + cnj);
    const double pjn = 1.0 - pin;
    // SemiCommit: n joins the winner if it sided with it; the loser's side keeps its own.
    const double u_ik_j = pin * (uni + uni + unn) + pjn * (unj + unj + unj);
    const double u_i_jk = pin * (uni + uni + uni) + pjn * (unj + unj + unn);
    const double vn = wn * (u_ik_j - u_i_jk);
    if (vn > 0) chij += vn;
    if (vn < 0) chji -= vn;
  }
  const double p = chij / (chij + chji);
  const double q = chji / (chij + chji);
  const double eu_contest = p * u_vict + q * u_loss;
  const double eu_chlg = (1 - sj) * u_vict + sj * eu_contest;
  return {p, eu_chlg - eu_sq};
}

void interpolate(double ti, double si, double pi, double tj, double sj, double pj, double& bi,
                 double& bj) {
  const auto round4 = [](double x) {
    const int y = static_cast<int>(0.5 + x * 10000.0);
    return static_cast<double>(y) / 10000.0;
  };
  const double wi = (si * si) * (pi * pi);
  const double wj = (sj * sj) * (pj * pj);
  constexpr double kMinW = 1e-6;
  bi = round4(((wi + kMinW) * ti + wj * tj) / (wi + kMinW + wj));
  bj = round4((wi * ti + (kMinW + wj) * tj) / (wi + kMinW + wj));
}

double movement(const std::vector<double>& p0, const std::vector<double>& p1, std::size_t n,
                std::size_t d) {
  double total = 0.0;
  for (std::size_t i = 0; i < n; ++i) {
    double s = 0.0;
    for (std::size_t k = 0; k < d; ++k) {
      const double x = p1[i * d + k] - p0[i * d + k];
      s += x * x;
    }
    total += std::sqrt(s);
  }
  return total;
}

std::vector<std::size_t> position_classes(const std::vector<double>& pos, std::size_t n,
                                          std::size_t d) {
  // KTAB SMPModel::posTol: positions closer than 1e-3 (Euclidean, 0..1 scale) are one option.
  constexpr double kPosTol = 1e-3;
  std::vector<std::size_t> cls(n);
  for (std::size_t i = 0; i < n; ++i) {
    cls[i] = i;
    for (std::size_t r = 0; r < i; ++r) {
      if (cls[r] != r) continue;  // compare with class representatives only
      double s = 0.0;
      for (std::size_t k = 0; k < d; ++k) {
        const double x = pos[i * d + k] - pos[r * d + k];
        s += x * x;
      }
      if (std::sqrt(s) < kPosTol) {
        cls[i] = r;
        break;
      }
    }
  }
  return cls;
}

std::vector<double> position_probabilities(const Actors& a, const std::vector<double>& pos) {
  const std::size_t n = a.n;
  const TurnSetup t = setup_turn(a, pos);
  const std::vector<std::size_t> cls = position_classes(pos, n, a.d);
  std::vector<std::size_t> reps, slot(n, 0);
  for (std::size_t i = 0; i < n; ++i)
    if (cls[i] == i) {
      slot[i] = reps.size();
      reps.push_back(i);
    }
  Matrix u(n, reps.size());
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t r = 0; r < reps.size(); ++r) u(i, r) = utility(t.dist(i, reps[r]), t.risk[i]);
  const std::vector<double> pu = scalar_pce(a.cap, u);
  std::vector<double> p(n);
  for (std::size_t i = 0; i < n; ++i) p[i] = pu[slot[cls[i]]];
  return p;
}

}  // namespace accord::forecast::smp
