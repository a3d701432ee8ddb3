#pragma once
// Internal step functions of the SMP (KTAB's Spatial Model of Politics), exposed for tests.
// Everything here works on KTAB's internal scale: positions and saliences in [0, 1].
// Equations and the KTAB source they reproduce: docs/forecast.md#smp.
#include <cstddef>
#include <vector>

#include "accord/model/budget.hpp"

namespace accord::forecast::smp {

// Row-major square or rectangular matrix of doubles.
struct Matrix {
  std::size_t rows = 0, cols = 0;
  std::vector<double> v;
  Matrix() = default;
  Matrix(std::size_t r, std::size_t c, double x = 0.0) : rows(r), cols(c), v(r * c, x) {}
  double& operator()(std::size_t i, std::size_t j) { return v[i * cols + j]; }
  double operator()(std::size_t i, std::size_t j) const { return v[i * cols + j]; }
};

struct Actors {
  std::size_t n = 0, d = 0;
  std::vector<double> cap;     // n
  std::vector<double> sal;     // n*d, 0..1
  std::vector<double> sal_sum; // n, sum_k s_ik
  std::vector<double> sal_sq;  // n, sum_k s_ik^2
};

// d = sqrt(sum_k (s_k (a_k - b_k))^2 / sum_k s_k^2)  (KTAB bvDiff)
[[nodiscard]] double distance(const double* a, const double* b, const double* s, double sal_sq,
                              std::size_t d);
// u = (1 - d)(1 + d R) for d <= 1, else (1 - d)(1 + R)  (KTAB bsUtil). Inline: hot loops.
[[nodiscard]] inline double utility(double d, double risk) {
  return d <= 1.0 ? (1.0 - d) * (1.0 + d * risk) : (1.0 - d) * (1.0 + risk);
}

// Coalition matrix of options under proportional voting: c(a,b) = 1e-8 + sum_k max(0, w_k (u_ka - u_kb)).
[[nodiscard]] Matrix coalitions(const std::vector<double>& w, const Matrix& u);
// Conditional PCE: P[a>b] = c_ab / (c_ab + c_ba); P_a proportional to prod_b P[a>b] (P[a>a] = 1/2).
[[nodiscard]] std::vector<double> conditional_pce(const Matrix& c);
// scalarPCE: coalitions then conditional PCE.
[[nodiscard]] std::vector<double> scalar_pce(const std::vector<double>& w, const Matrix& u);
// KTAB BigRRange::Mid: R_i = (3 p_i - (pmax + 2 pmin)) / (2 (pmax - pmin)); all 0 when pmax == pmin.
[[nodiscard]] std::vector<double> risk_from_prob(const std::vector<double>& p);

// The per-turn quantities every later step needs.
struct TurnSetup {
  Matrix dist;              // dist(i,j) = distance from i's ideal (= position) to j's position
  std::vector<double> risk; // R_i
  Matrix rn_util;           // risk-neutral utilities 1 - d
};
[[nodiscard]] TurnSetup setup_turn(const Actors& a, const std::vector<double>& pos);

// h's utility matrix: u_h(i,j) = utility(dist(i,j), (2 R_h + R_i)/3) (BigRAdjust OneThird).
[[nodiscard]] Matrix estimated_utilities(const TurnSetup& t, std::size_t h);

struct Challenge {
  double prob = 0.0;  // h's estimate of P[i beats j]
  double gain = 0.0;  // h's estimate of k's expected change in utility from i challenging j
};
// KTAB SMPState::probEduChlg with SemiCommit third parties; `uh` = estimated_utilities(t, h).
[[nodiscard]] Challenge prob_edu_challenge(const Actors& a, const Matrix& uh, std::size_t k,
                                           std::size_t i, std::size_t j);

// S2P2 interpolation of one coordinate (KTAB interpBrgnSnPm(2,2,...)), rounded to 4 decimals.
void interpolate(double ti, double si, double pi, double tj, double sj, double pj, double& bi,
                 double& bj);

struct Bargain {
  std::size_t init = 0, rcvr = 0;  // init == rcvr: the status quo of that actor
  std::vector<double> pos_init, pos_rcvr;
};

struct TurnLog {
  std::vector<int> target;       // best target of each actor (-1 = none)
  std::vector<double> target_p;  // its P[i beats target]
  std::vector<double> target_gain;
};

// h's utility matrix by columns: col[c * n + x] = u_h(x, c), the same values as
// estimated_utilities(t, h)(x, c); `dist_t` is t.dist transposed.
void estimated_columns(const TurnSetup& t, const Matrix& dist_t, std::size_t h,
                       std::vector<double>& col);
// prob_edu_challenge(a, estimated_utilities(t, i), i, i, j) from h = i's columns, with the
// same arithmetic in the same order (identical results); `scratch` holds n doubles.
// `weight[x]` = sal_sum[x] * cap[x]; `diag[x]` = col[x * n + x].
[[nodiscard]] Challenge own_challenge(const Actors& a, const std::vector<double>& weight,
                                      const std::vector<double>& col,
                                      const std::vector<double>& diag, std::size_t i,
                                      std::size_t j, std::vector<double>& scratch);

// One bargaining turn: returns the new positions (n*d). With a limited deadline, returns
// an empty vector when the deadline passed during the turn (the turn is then not done).
// Each actor's best target is chosen independently of the others' (in parallel).
[[nodiscard]] std::vector<double> step(const Actors& a, const std::vector<double>& pos,
                                       TurnLog* log = nullptr, const Deadline* deadline = nullptr);

// Sum over actors of the Euclidean change of position (KTAB stateDist).
[[nodiscard]] double movement(const std::vector<double>& p0, const std::vector<double>& p1,
                              std::size_t n, std::size_t d);

// Class of each actor's position: the index of the first actor (a class representative)
// within KTAB's position tolerance 1e-3, or itself.
[[nodiscard]] std::vector<std::size_t> position_classes(const std::vector<double>& pos,
                                                        std::size_t n, std::size_t d);

// Probability of each actor's position winning a PCE on the given state (KTAB pDist(-1)):
// own risk-aware utilities, capability weights, actors at the same position share one option.
[[nodiscard]] std::vector<double> position_probabilities(const Actors& a,
                                                         const std::vector<double>& pos);

}  // namespace accord::forecast::smp
