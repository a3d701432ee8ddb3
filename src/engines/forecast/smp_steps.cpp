// SMP step functions (KTAB's Spatial Model of Politics). See docs/forecast.md#smp for the
// equations and where each one comes from in KTAB (smp.cpp, smpbcn.cpp, kmodel.cpp).
#include <tbb/parallel_for.h>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <algorithm>
#include <cmath>
#include <utility>

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

Matrix coalitions(const std::vector<double>& w, const Matrix& u) {
  const std::size_t n = u.rows, m = u.cols;
  constexpr double kMinC = 1e-8;
  // Options by rows (ut(i, k) = u(k, i)) so the inner loop reads memory in order.
  Matrix ut(m, n);
  for (std::size_t k = 0; k < n; ++k)
    for (std::size_t i = 0; i < m; ++i) ut(i, k) = u(k, i);
  Matrix c(m, m, 0.0);
  // Four j at a time: each (i, j) sum is still added in k order (identical results), but
  // independent sums keep the processor busy instead of waiting on one chain of additions.
  const auto row = [&](std::size_t i) {
    const double* ui = &ut.v[i * n];
    std::size_t j = 0;
#if defined(__SSE2__)
    // Two j per SSE2 register, two registers: each lane does the scalar loop's operations.
    const __m128d zero = _mm_setzero_pd();
    for (; j + 4 <= i; j += 4) {
      const double* u0 = &ut.v[j * n];
      const double* u1 = u0 + n;
      const double* u2 = u1 + n;
      const double* u3 = u2 + n;
      __m128d pa = _mm_set1_pd(kMinC), qa = pa, pb = pa, qb = pa;
      for (std::size_t k = 0; k < n; ++k) {
        const __m128d wk = _mm_set1_pd(w[k]), uik = _mm_set1_pd(ui[k]);
        const __m128d va = _mm_mul_pd(wk, _mm_sub_pd(uik, _mm_set_pd(u1[k], u0[k])));
        const __m128d vb = _mm_mul_pd(wk, _mm_sub_pd(uik, _mm_set_pd(u3[k], u2[k])));
        pa = _mm_add_pd(pa, _mm_max_pd(va, zero));  // max(-0, +0) = +0: adds nothing
        qa = _mm_sub_pd(qa, _mm_min_pd(va, zero));
        pb = _mm_add_pd(pb, _mm_max_pd(vb, zero));
        qb = _mm_sub_pd(qb, _mm_min_pd(vb, zero));
      }
      double p[4], q[4];
      _mm_storeu_pd(p, pa);
      _mm_storeu_pd(p + 2, pb);
      _mm_storeu_pd(q, qa);
      _mm_storeu_pd(q + 2, qb);
      for (std::size_t l = 0; l < 4; ++l) {
        c(i, j + l) = p[l];
        c(j + l, i) = q[l];
      }
    }
#endif
    for (; j < i; ++j) {
      const double* uj = &ut.v[j * n];
      double cij = kMinC, cji = kMinC;
      // Branch-free: adding +0 leaves the (positive) sums unchanged, so the result is the
      // same as adding only the positive (negative) terms, without mispredicted branches.
      for (std::size_t k = 0; k < n; ++k) {
        const double v = w[k] * (ui[k] - uj[k]);
        cij += std::max(v, 0.0);
        cji -= std::min(v, 0.0);
      }
      c(i, j) = cij;
      c(j, i) = cji;
    }
    c(i, i) = kMinC;
  };
  // Each row writes its own cells: the same result with any number of threads.
  if (static_cast<double>(m) * static_cast<double>(m) * static_cast<double>(n) < 4e6) {
    for (std::size_t i = 0; i < m; ++i) row(i);
  } else {
    tbb::parallel_for(std::size_t{0}, m, row);
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

// The principals' votes in the i-versus-j contest, weighted by salience sum x capability, each
// side starting from a tiny floor so neither total is zero. Shared by the general and the fast
// path, so both add in the same order.
static std::pair<double, double> principal_votes(const Actors& a, std::size_t i, std::size_t j, double uii, double uij,
                                          double uji, double ujj) {
  constexpr double kMinCltn = 1e-10;
  const double ci = a.sal_sum[i] * a.cap[i] * (uii - uij);
  const double cj = a.sal_sum[j] * a.cap[j] * (uji - ujj);
  double chij = kMinCltn, chji = kMinCltn;
  if (ci > 0.0) chij += ci;
  if (ci < 0.0) chji -= ci;
  if (cj > 0.0) chij += cj;
  if (cj < 0.0) chji -= cj;
  return {chij, chji};
}

Challenge prob_edu_challenge(const Actors& a, const Matrix& uh, std::size_t k, std::size_t i,
                             std::size_t j) {
  const double uii = uh(i, i), uij = uh(i, j), uji = uh(j, i), ujj = uh(j, j);
  const double eu_sq = uh(k, i) + uh(k, j);
  const double u_vict = uh(k, i) + uh(k, i);
  const double u_loss = uh(k, j) + uh(k, j);
  const double sj = a.sal_sum[j];
  auto [chij, chji] = principal_votes(a, i, j, uii, uij, uji, ujj);
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

void estimated_columns(const TurnSetup& t, const Matrix& dist_t, std::size_t h,
                       std::vector<double>& col) {
  const std::size_t n = t.dist.rows;
  col.resize(n * n);
  const double rh = t.risk[h];
  thread_local std::vector<double> rx;
  rx.resize(n);
  for (std::size_t x = 0; x < n; ++x) rx[x] = (2.0 * rh + t.risk[x]) / 3.0;
  for (std::size_t c = 0; c < n; ++c) {
    const double* dc = &dist_t.v[c * n];
    double* out = &col[c * n];
    for (std::size_t x = 0; x < n; ++x) out[x] = utility(dc[x], rx[x]);
  }
}

Challenge own_challenge(const Actors& a, const std::vector<double>& weight,
                        const std::vector<double>& col, const std::vector<double>& diag, std::size_t i, std::size_t j,
                        std::vector<double>& scratch) {
  const std::size_t n = a.n;
  const double* ci = &col[i * n];  // u_h(x, i) for every x
  const double* cj = &col[j * n];
  const double uii = ci[i], uij = cj[i], uji = ci[j], ujj = cj[j];
  const double eu_sq = uii + uij;  // k = i
  const double u_vict = uii + uii;
  const double u_loss = uij + uij;
  const double sj = a.sal_sum[j];
  auto [chij, chji] = principal_votes(a, i, j, uii, uij, uji, ujj);
  const double ci0 = chij, cj0 = chji;
  // Every third party's vote first (element by element, so the compiler can vectorise), then
  // the sums in actor order, as prob_edu_challenge adds them.
  double* vote = scratch.data();
  const double* w = weight.data();
  std::size_t m0 = 0;
#if defined(__SSE2__)
  {  // two third parties per register; each lane does the scalar loop's operations
    const __m128d zero = _mm_setzero_pd(), one = _mm_set1_pd(1.0);
    const __m128d vci0 = _mm_set1_pd(ci0), vcj0 = _mm_set1_pd(cj0);
    for (; m0 + 2 <= n; m0 += 2) {
      const __m128d wn = _mm_loadu_pd(w + m0);
      const __m128d uni = _mm_loadu_pd(ci + m0), unj = _mm_loadu_pd(cj + m0);
      const __m128d unn = _mm_loadu_pd(diag.data() + m0);
      const __m128d cn = _mm_mul_pd(wn, _mm_sub_pd(uni, unj));
      const __m128d pos = _mm_cmpgt_pd(cn, zero), neg = _mm_cmplt_pd(cn, zero);
      const __m128d cni = _mm_or_pd(_mm_and_pd(pos, _mm_add_pd(vci0, cn)), _mm_andnot_pd(pos, vci0));
      const __m128d cnj = _mm_or_pd(_mm_and_pd(neg, _mm_sub_pd(vcj0, cn)), _mm_andnot_pd(neg, vcj0));
      const __m128d pin = _mm_div_pd(cni, _mm_add_pd(cni, cnj));
      const __m128d pjn = _mm_sub_pd(one, pin);
      const __m128d uni2 = _mm_add_pd(uni, uni), unj2 = _mm_add_pd(unj, unj);
      const __m128d u_ik_j = _mm_add_pd(_mm_mul_pd(pin, _mm_add_pd(uni2, unn)),
                                        _mm_mul_pd(pjn, _mm_add_pd(unj2, unj)));
      const __m128d u_i_jk = _mm_add_pd(_mm_mul_pd(pin, _mm_add_pd(uni2, uni)),
                                        _mm_mul_pd(pjn, _mm_add_pd(unj2, unn)));
      _mm_storeu_pd(vote + m0, _mm_mul_pd(wn, _mm_sub_pd(u_ik_j, u_i_jk)));
    }
  }
#endif
  for (std::size_t m = m0; m < n; ++m) {
    const double wn = w[m];
    const double uni = ci[m], unj = cj[m], unn = diag[m];
    const double cn = wn * (uni - unj);
    const double cni = cn > 0 ? ci0 + cn : ci0;
    const double cnj = cn < 0 ? cj0 - cn : cj0;
    const double pin = cni / (cni + cnj);
    const double pjn = 1.0 - pin;
    const double u_ik_j = pin * (uni + uni + unn) + pjn * (unj + unj + unj);
    const double u_i_jk = pin * (uni + uni + uni) + pjn * (unj + unj + unn);
    vote[m] = wn * (u_ik_j - u_i_jk);
  }
  vote[i] = 0.0;
  vote[j] = 0.0;
  for (std::size_t m = 0; m < n; ++m) {  // branch-free, as in coalitions()
    const double vn = vote[m];
    chij += std::max(vn, 0.0);
    chji -= std::min(vn, 0.0);
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
