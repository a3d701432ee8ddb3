// LP relaxation bounds (lp_bound.hpp). The relaxation: per issue a distribution x_{i,v} over
// its values (fixed issues: a point mass), utilities U_p = sum c_{i,v,p} x_{i,v}, and
//   egalitarian        max t  s.t. U_p - t >= d_p
//   Kalai–Smorodinsky  max t  s.t. s_p U_p - t >= s_p d_p (s_p > 0), t <= 1
//   utilitarian        max sum_p U_p;   party q: max U_q
//   Nash               max sum_p theta_p  s.t. theta_p <= log a + (U_p - d_p)/a - 1 (tangents)
// plus U_p >= r_p - eps in the zone. From the multipliers m of the utility rows the bound is
//   max over packages of m·U + constant = sum_i max_v m·c_{i,v} + constant,
// valid for any m >= 0 (weak duality), computed here with a rounding slack.
#include "engines/bargain/lp_bound.hpp"

#include <coin/ClpSimplex.hpp>

#include <algorithm>
#include <cmath>
#include <limits>

#include "accord/model/utility.hpp"

namespace accord::bargain::detail {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
// Clp reports row duals of a maximisation with this sign for a binding lower bound.
constexpr double kDualSign = -1.0;
constexpr std::size_t kMaxCutsPerParty = 48;
constexpr int kCutRounds = 4;
// Keep Clp's work areas and factorization between the solves of one search.
constexpr int kStartFinish = 1 | 2 | 4;

}  // namespace

bool LpBound::usable(const Problem& p, const Spec& spec) {
  std::size_t cols = 0;
  for (const IssueSpace& sp : p.issues) cols += sp.size();
  // Past this many columns an LP per node costs more than the cheap bounds save.
  return p.additive && spec.draft == nullptr && !p.issues.empty() && p.k > 0 && cols <= 20000;
}

LpBound::LpBound(const Problem& p, const Spec& spec)
    : p_(p), spec_(spec), k_(p.k), n_(p.issues.size()), fixed_(p.issues.size(), -1),
      cuts_(p.k), lp_(std::make_unique<ClpSimplex>()) {
  int cols = 0;
  for (const IssueSpace& sp : p.issues) {
    col_.push_back(cols);
    cols += static_cast<int>(sp.size());
  }
  extra_ = cols;
  banned_.assign(static_cast<std::size_t>(cols), 0);
  const int extras = spec.goal == Goal::nash ? static_cast<int>(k_)
                     : (spec.goal == Goal::egalitarian || spec.goal == Goal::kalai_smorodinsky) ? 1
                                                                                                 : 0;
  const int total = cols + extras;
  std::vector<double> lo(total, 0.0), hi(total, 1.0), obj(total, 0.0);
  for (std::size_t i = 0; i < n_; ++i)
    for (std::size_t v = 0; v < p.issues[i].size(); ++v) {
      const double* c = p.contrib(i, v);
      double o = 0.0;
      if (spec.goal == Goal::utilitarian)
        for (std::size_t q = 0; q < k_; ++q) o += c[q];
      if (spec.goal == Goal::party) o = c[spec.party];
      obj[col_[i] + v] = o;
    }
  for (int e = cols; e < total; ++e) {
    lo[e] = -COIN_DBL_MAX;
    hi[e] = spec.goal == Goal::kalai_smorodinsky ? 1.0 : COIN_DBL_MAX;
    obj[e] = 1.0;
  }
  std::vector<CoinBigIndex> start(total + 1, 0);
  lp_->setLogLevel(0);
  lp_->loadProblem(total, 0, start.data(), nullptr, nullptr, lo.data(), hi.data(), obj.data(),
                   nullptr, nullptr);
  lp_->setOptimizationDirection(-1.0);
  std::vector<int> idx;
  std::vector<double> val;
  for (std::size_t i = 0; i < n_; ++i) {
    idx.clear();
    val.clear();
    for (std::size_t v = 0; v < p.issues[i].size(); ++v) {
      idx.push_back(col_[i] + static_cast<int>(v));
      val.push_back(1.0);
    }
    lp_->addRow(static_cast<int>(idx.size()), idx.data(), val.data(), 1.0, 1.0);
  }
  // Utility row of party q: sum c x (+ coef_t * t) >= rhs.
  auto utility_row = [&](std::size_t q, double scale, bool with_t, double rhs) {
    idx.clear();
    val.clear();
    for (std::size_t i = 0; i < n_; ++i)
      for (std::size_t v = 0; v < p.issues[i].size(); ++v) {
        idx.push_back(col_[i] + static_cast<int>(v));
        val.push_back(scale * p.contrib(i, v)[q]);
      }
    if (with_t) {
      idx.push_back(extra_);
      val.push_back(-1.0);
    }
    lp_->addRow(static_cast<int>(idx.size()), idx.data(), val.data(), rhs, COIN_DBL_MAX);
  };
  if (spec.zone) {
    zone_row_ = lp_->numberRows();
    for (std::size_t q = 0; q < k_; ++q) utility_row(q, 1.0, false, p.r[q] - kUtilityEps);
  }
  if (spec.goal == Goal::egalitarian) {
    goal_row_ = lp_->numberRows();
    for (std::size_t q = 0; q < k_; ++q) utility_row(q, 1.0, true, spec.d[q]);
  } else if (spec.goal == Goal::kalai_smorodinsky) {
    goal_row_ = lp_->numberRows();
    // Parties with scale 0 get an empty-ish row (0 - t >= 0 would force t <= 0): skip them
    // by a free row so that row numbers stay per party.
    for (std::size_t q = 0; q < k_; ++q) {
      if (spec.scale[q] > 0) {
        utility_row(q, spec.scale[q], true, spec.scale[q] * spec.d[q]);
      } else {
        lp_->addRow(0, nullptr, nullptr, -COIN_DBL_MAX, COIN_DBL_MAX);
      }
    }
  } else if (spec.goal == Goal::nash) {
    for (std::size_t q = 0; q < k_; ++q) {
      double best = 0.0;
      for (std::size_t i = 0; i < n_; ++i) {
        double b = -kInf;
        for (std::size_t v = 0; v < p.issues[i].size(); ++v) b = std::max(b, p.contrib(i, v)[q]);
        best += b;
      }
      const double span = std::max(1e-6, best - spec.d[q]);
      add_cut(q, span);
      add_cut(q, span / 4);
    }
  }
}

LpBound::~LpBound() = default;

void LpBound::add_cut(std::size_t q, double a) {
  // theta_q - (1/a) U_q <= log a - 1 - d_q / a
  std::vector<int> idx;
  std::vector<double> val;
  for (std::size_t i = 0; i < n_; ++i)
    for (std::size_t v = 0; v < p_.issues[i].size(); ++v) {
      idx.push_back(col_[i] + static_cast<int>(v));
      val.push_back(-p_.contrib(i, v)[q] / a);
    }
  idx.push_back(extra_ + static_cast<int>(q));
  val.push_back(1.0);
  cuts_[q].emplace_back(lp_->numberRows(), a);
  lp_->addRow(static_cast<int>(idx.size()), idx.data(), val.data(), -COIN_DBL_MAX,
              std::log(a) - 1.0 - spec_.d[q] / a);
}

void LpBound::fix(std::size_t i, std::uint32_t v) {
  fixed_[i] = v;
  for (std::size_t w = 0; w < p_.issues[i].size(); ++w) {
    const double b = w == v ? 1.0 : 0.0;
    lp_->setColumnBounds(col_[i] + static_cast<int>(w), b, b);
  }
}

void LpBound::unfix(std::size_t i) {
  fixed_[i] = -1;
  for (std::size_t w = 0; w < p_.issues[i].size(); ++w)
    lp_->setColumnBounds(col_[i] + static_cast<int>(w), 0.0,
                         banned(i, static_cast<std::uint32_t>(w)) ? 0.0 : 1.0);
}

void LpBound::ban(std::size_t i, std::uint32_t v) {
  banned_[static_cast<std::size_t>(col_[i]) + v] = 1;
  if (fixed_[i] < 0) lp_->setColumnUpper(col_[i] + static_cast<int>(v), 0.0);
}

void LpBound::unban(std::size_t i, std::uint32_t v) {
  banned_[static_cast<std::size_t>(col_[i]) + v] = 0;
  if (fixed_[i] < 0) lp_->setColumnUpper(col_[i] + static_cast<int>(v), 1.0);
}

double LpBound::x(std::size_t i, std::uint32_t v) const {
  const std::size_t c = static_cast<std::size_t>(col_[i]) + v;
  return c < x_.size() ? x_[c] : 0.0;
}

double LpBound::lagrangian(const std::vector<double>& m, double constant,
                           std::vector<double>* best_term) const {
  double total = constant, mag = std::abs(constant);
  if (best_term) best_term->assign(n_, 0.0);
  for (std::size_t i = 0; i < n_; ++i) {
    const IssueSpace& sp = p_.issues[i];
    double best = -kInf;
    auto term = [&](std::size_t v) {
      const double* c = p_.contrib(i, v);
      double s = 0.0;
      for (std::size_t q = 0; q < k_; ++q) s += m[q] * c[q];
      return s;
    };
    if (fixed_[i] >= 0) {
      best = term(static_cast<std::size_t>(fixed_[i]));
    } else {
      for (std::size_t v = 0; v < sp.size(); ++v)
        if (!banned(i, static_cast<std::uint32_t>(v))) best = std::max(best, term(v));
    }
    total += best;
    mag += std::abs(best);
    if (best_term) (*best_term)[i] = best;
  }
  // Rounding: the exact sums differ from these by far less than this.
  return total + kBoundSlack + 1e-15 * mag * static_cast<double>(n_ + k_ + 2);
}

double LpBound::finish(double value) const {
  switch (spec_.goal) {
    case Goal::kalai_smorodinsky: return std::min(1.0, value);
    case Goal::nash: return value == kInf ? kInf : std::exp(value) * (1.0 + 1e-12);
    default: return value;
  }
}

double LpBound::child_bound(std::size_t i, std::uint32_t v) const {
  if (last_m_.empty() || fixed_[i] >= 0) return kInf;
  const double* c = p_.contrib(i, v);
  double t = 0.0;
  for (std::size_t q = 0; q < k_; ++q) t += last_m_[q] * c[q];
  // The slack of lagrangian() covers this term's rounding too (same magnitude).
  return finish(last_value_ - last_term_[i] + t + kBoundSlack);
}

void LpBound::add_tangents(const double* u) {
  if (spec_.goal != Goal::nash) return;
  for (std::size_t q = 0; q < k_; ++q) {
    const double g = u[q] - spec_.d[q];
    if (g > 1e-9 && cuts_[q].size() < kMaxCutsPerParty) add_cut(q, g);
  }
}

double LpBound::bound(const Deadline& deadline) {
  const double* dual = nullptr;
  if (deadline.limited()) lp_->setMaximumSeconds(std::max(1e-3, deadline.seconds_left()));
  for (int round = 0;; ++round) {
    lp_->dual(0, kStartFinish);
    const double* xs = lp_->primalColumnSolution();
    x_.assign(xs, xs + lp_->numberColumns());
    for (double& v : x_)
      if (!std::isfinite(v)) v = 0.0;  // a failed solve: the order hint must stay comparable
    dual = lp_->dualRowSolution();
    if (spec_.goal != Goal::nash || round + 1 >= kCutRounds || lp_->status() != 0) break;
    // Outer approximation: add a tangent where the LP's theta_p overestimates log g_p.
    bool added = false;
    for (std::size_t q = 0; q < k_; ++q) {
      double u = 0.0;
      for (std::size_t i = 0; i < n_; ++i)
        for (std::size_t v = 0; v < p_.issues[i].size(); ++v) u += p_.contrib(i, v)[q] * x(i, v);
      const double g = u - spec_.d[q], theta = x_[static_cast<std::size_t>(extra_) + q];
      if (g > 1e-9 && theta > std::log(g) + 1e-7 && cuts_[q].size() < kMaxCutsPerParty) {
        add_cut(q, g);
        added = true;
      }
    }
    if (!added) break;
  }
  auto mult = [&](int row) {
    const double y = kDualSign * dual[row];
    return std::isfinite(y) ? std::max(0.0, y) : 0.0;
  };
  // Records the multipliers behind the value returned (for child_bound).
  auto keep = [&](const std::vector<double>& m, double constant) {
    std::vector<double> terms;
    const double value = lagrangian(m, constant, &terms);
    if (value < kInf) {
      last_m_ = m;
      last_term_ = std::move(terms);
      last_value_ = value;
    }
    return finish(value);
  };
  last_m_.clear();
  std::vector<double> mu(k_, 0.0), m(k_, 0.0);
  double constant = 0.0;
  if (zone_row_ >= 0)
    for (std::size_t q = 0; q < k_; ++q) {
      mu[q] = mult(zone_row_ + static_cast<int>(q));
      constant -= mu[q] * (p_.r[q] - kUtilityEps);
    }
  switch (spec_.goal) {
    case Goal::utilitarian:
      for (std::size_t q = 0; q < k_; ++q) m[q] = 1.0 + mu[q];
      return keep(m, constant);
    case Goal::party:
      for (std::size_t q = 0; q < k_; ++q) m[q] = mu[q] + (q == spec_.party ? 1.0 : 0.0);
      return keep(m, constant);
    case Goal::egalitarian:
    case Goal::kalai_smorodinsky: {
      const bool ks = spec_.goal == Goal::kalai_smorodinsky;
      std::vector<double> lambda(k_, 0.0);
      double total = 0.0;
      std::size_t active = 0;
      for (std::size_t q = 0; q < k_; ++q) {
        if (ks && !(spec_.scale[q] > 0)) continue;
        lambda[q] = mult(goal_row_ + static_cast<int>(q));
        total += lambda[q];
        ++active;
      }
      if (active == 0) return 1.0;  // KS with every party ignored: the objective is 1
      double c = constant;
      for (std::size_t q = 0; q < k_; ++q) {
        m[q] = mu[q];
        if (ks && !(spec_.scale[q] > 0)) continue;
        lambda[q] = total > 0 ? lambda[q] / total : 1.0 / static_cast<double>(active);
        const double s = ks ? spec_.scale[q] : 1.0;
        m[q] += lambda[q] * s;
        c -= lambda[q] * s * spec_.d[q];
      }
      return keep(m, c);
    }
    case Goal::nash: {
      // Two multiplier candidates: the cut duals folded into one tangent per party, and the
      // gradient 1/g_p at the LP point. Either gives a valid bound; keep the smaller.
      double best = kInf;
      std::vector<double> best_m;
      double best_c = 0.0;
      for (int cand = 0; cand < 2; ++cand) {
        std::vector<double> w(k_, 0.0);
        bool ok = true;
        for (std::size_t q = 0; q < k_ && ok; ++q) {
          if (cand == 0) {
            double sum = 0.0, pw = 0.0;
            for (const auto& [row, a] : cuts_[q]) {
              const double pi = mult(row);
              sum += pi;
              pw += pi / a;
            }
            w[q] = sum > 0 ? pw / sum : 0.0;
          } else {
            double u = 0.0;
            for (std::size_t i = 0; i < n_; ++i)
              for (std::size_t v = 0; v < p_.issues[i].size(); ++v) u += p_.contrib(i, v)[q] * x(i, v);
            w[q] = u - spec_.d[q] > 1e-12 ? 1.0 / (u - spec_.d[q]) : 0.0;
          }
          ok = w[q] > 0 && std::isfinite(w[q]);
        }
        if (!ok) continue;
        double c = constant;
        for (std::size_t q = 0; q < k_; ++q) {
          m[q] = w[q] + mu[q];
          c += -std::log(w[q]) - 1.0 - w[q] * spec_.d[q];
        }
        const double value = lagrangian(m, c);
        if (value < best) {
          best = value;
          best_m = m;
          best_c = c;
        }
      }
      if (best == kInf) return kInf;
      return keep(best_m, best_c);
    }
  }
  return kInf;
}

}  // namespace accord::bargain::detail
