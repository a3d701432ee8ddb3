#pragma once
// Bounds from the LP relaxation of the package space (one value per issue relaxed to a
// distribution over the values), for the branch and bound in search.cpp.
//
// Clp (coinor) solves the relaxation; its multipliers are only a hint. The bound itself is
// the Lagrangian bound for those multipliers, evaluated here in double arithmetic with a
// rounding slack, so it is a valid upper bound whatever the LP solver's tolerances did.
// Additive problems without a draft only (the caller checks `usable`).
#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

#include "accord/model/budget.hpp"
#include "engines/bargain/search.hpp"

class ClpSimplex;

namespace accord::bargain::detail {

class LpBound {
 public:
  [[nodiscard]] static bool usable(const Problem& p, const Spec& spec);
  LpBound(const Problem& p, const Spec& spec);
  ~LpBound();
  LpBound(const LpBound&) = delete;
  LpBound& operator=(const LpBound&) = delete;

  // Restricts issue i to value v until unfix(i).
  void fix(std::size_t i, std::uint32_t v);
  void unfix(std::size_t i);
  // Excludes value v of free issue i (its child bound is below the incumbent: reduced-cost
  // fixing) until unban; banned values stay excluded when the issue is unfixed.
  void ban(std::size_t i, std::uint32_t v);
  void unban(std::size_t i, std::uint32_t v);
  [[nodiscard]] bool banned(std::size_t i, std::uint32_t v) const {
    return banned_[static_cast<std::size_t>(col_[i]) + v] != 0;
  }
  // Upper bound of the objective over the packages that agree with the fixed issues:
  // solves the relaxation and evaluates the Lagrangian bound of its multipliers (valid even
  // when the solve stops early on `deadline`).
  [[nodiscard]] double bound(const Deadline& deadline);
  // The bound of the last bound() call with free issue i fixed to v, from the same
  // multipliers (no LP solve): prunes children before they are visited.
  [[nodiscard]] double child_bound(std::size_t i, std::uint32_t v) const;
  // x_{i,v} in the last relaxation solved (a hint for the order of values).
  [[nodiscard]] double x(std::size_t i, std::uint32_t v) const;
  // Nash: tangent cuts of log at an incumbent's gains (valid everywhere; tighten the LP).
  void add_tangents(const double* u);

 private:
  double lagrangian(const std::vector<double>& m, double constant,
                    std::vector<double>* best_term = nullptr) const;
  [[nodiscard]] double finish(double lagrangian_value) const;  // to the objective's scale
  void add_cut(std::size_t party, double a);

  const Problem& p_;
  const Spec& spec_;
  std::size_t k_, n_;
  std::vector<int> col_;          // first column of each issue's values
  std::vector<std::int64_t> fixed_;  // value index or -1
  std::vector<char> banned_;         // per column
  int extra_ = 0;                 // first column after the values (t, or theta_p for Nash)
  int zone_row_ = -1, goal_row_ = -1;
  std::vector<std::vector<std::pair<int, double>>> cuts_;  // Nash: per party (row, a)
  std::vector<double> x_;
  // The multipliers of the last bound, its Lagrangian value and each issue's best term.
  std::vector<double> last_m_, last_term_;
  double last_value_ = 0.0;
  std::unique_ptr<ClpSimplex> lp_;
};

}  // namespace accord::bargain::detail
