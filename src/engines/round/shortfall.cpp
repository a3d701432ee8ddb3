// The shortfall sum of a text with open issues: depth-first branch and bound over the open
// issues' settlements. Per party, the contribution of every grid value of every open issue is
// computed once; a node's bound puts each counted party at its best on every issue still open
// (plus every positive rectangle), so the sum of shortfalls below it can only be larger.
// Children are tried best bound first, so a good sum is found early and prunes the rest.
#include <algorithm>
#include <limits>
#include <utility>

#include "accord/engines/round.hpp"
#include "accord/model/utility.hpp"

namespace accord::rounds {
namespace {

struct Search {
  Search(const Scenario& scenario, std::vector<PartyIndex> counted, const Package& text, std::uint64_t budget)
      : s(scenario), parties(std::move(counted)), x(text), max_nodes(budget) {
    for (const IssueIndex i : s.issues.indices())
      if (!text[i]) open.push_back(i);
    prepare(text);
  }

  const Scenario& s;
  std::vector<PartyIndex> parties;
  std::vector<IssueIndex> open;
  Package x;
  std::vector<double> reservation, partial, rect_bonus;  // per counted party
  std::vector<bool> additive;
  // contribution[d][k][q]: party q's contribution of value k of open issue d; allowed[d][k]:
  // the value crosses no counted party's red line; suffix[d][q]: Σ over open issues d.. of q's best.
  std::vector<std::vector<std::vector<double>>> contribution;
  std::vector<std::vector<bool>> allowed;
  std::vector<std::vector<double>> suffix;
  std::uint64_t nodes = 0, max_nodes = 0;
  double best = std::numeric_limits<double>::infinity();
  bool exhausted = false;

  static double gap(double r, double u) { return r - u > kUtilityEps ? r - u : 0.0; }

  void prepare(const Package& text) {
    const std::size_t n = parties.size();
    for (const PartyIndex p : parties) {
      const Preferences& prefs = s.preferences[p];
      reservation.push_back(prefs.reservation);
      additive.push_back(prefs.is_additive());
      double bonus = 0.0, fixed = 0.0;
      for (const Rectangle& r : prefs.rectangles) bonus += std::max(0.0, r.utility);
      rect_bonus.push_back(bonus);
      for (const IssueIndex i : s.issues.indices())
        if (text[i]) fixed += issue_contribution(s, p, i, *text[i]);
      partial.push_back(fixed);
    }
    for (const IssueIndex i : open) {
      const Issue& issue = s.issues[i];
      std::vector<std::vector<double>> per_value;
      std::vector<bool> ok;
      for (std::size_t k = 0; k < issue.value_count(); ++k) {
        const Setting v = grid_setting(issue, k);
        std::vector<double> c(n);
        bool crosses = false;
        for (std::size_t q = 0; q < n; ++q) {
          c[q] = issue_contribution(s, parties[q], i, v);
          crosses = crosses || s.preferences[parties[q]].issues[i].crosses_red_line(issue, v);
        }
        per_value.push_back(std::move(c));
        ok.push_back(!crosses);
      }
      contribution.push_back(std::move(per_value));
      allowed.push_back(std::move(ok));
    }
    suffix.assign(open.size() + 1, std::vector<double>(n, 0.0));
    for (std::size_t d = open.size(); d-- > 0;)
      for (std::size_t q = 0; q < n; ++q) {
        double top = -std::numeric_limits<double>::infinity();
        for (std::size_t k = 0; k < contribution[d].size(); ++k)
          if (allowed[d][k]) top = std::max(top, contribution[d][k][q]);
        suffix[d][q] = suffix[d + 1][q] + top;  // -inf when no value is allowed: no settlement
      }
  }

  // The least sum below a node at `depth` with utilities `partial` so far.
  double bound(std::size_t depth) const {
    double sum = 0.0;
    for (std::size_t q = 0; q < parties.size(); ++q) sum += gap(reservation[q], partial[q] + suffix[depth][q] + rect_bonus[q]);
    return sum;
  }

  double leaf_sum() const {
    double sum = 0.0;
    for (std::size_t q = 0; q < parties.size(); ++q)
      sum += gap(reservation[q], additive[q] ? partial[q] : utility(s, parties[q], x));
    return sum;
  }

  void dfs(std::size_t depth) {
    if (exhausted) return;
    if (++nodes > max_nodes) {
      exhausted = true;
      return;
    }
    if (depth == open.size()) {
      best = std::min(best, leaf_sum());
      return;
    }
    const IssueIndex i = open[depth];
    // Children by their bound, best first (ties: grid order).
    std::vector<std::pair<double, std::size_t>> order;
    for (std::size_t k = 0; k < contribution[depth].size(); ++k) {
      if (!allowed[depth][k]) continue;
      for (std::size_t q = 0; q < parties.size(); ++q) partial[q] += contribution[depth][k][q];
      order.emplace_back(bound(depth + 1), k);
      for (std::size_t q = 0; q < parties.size(); ++q) partial[q] -= contribution[depth][k][q];
    }
    std::stable_sort(order.begin(), order.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    for (const auto& [b, k] : order) {
      if (b >= best - kUtilityEps || exhausted) break;  // no child after this one can do better
      for (std::size_t q = 0; q < parties.size(); ++q) partial[q] += contribution[depth][k][q];
      x[i] = grid_setting(s.issues[i], k);
      dfs(depth + 1);
      for (std::size_t q = 0; q < parties.size(); ++q) partial[q] -= contribution[depth][k][q];
    }
    x[i].reset();
  }
};

}  // namespace

Convergence::Shortfall shortfall_sum(const Scenario& s, const Package& text, const std::vector<PartyIndex>& parties,
                                     std::uint64_t max_nodes) {
  Convergence::Shortfall out;
  for (const PartyIndex p : parties) {
    if (!s.preferences[p].present) continue;
    if (red_lines_crossed(s, p, text).empty()) out.counted.push_back(p);
    else out.red_line_crossed.push_back(p);
  }
  if (out.counted.empty()) return out;  // a sum over nobody would read as "no shortfall"
  Search search(s, out.counted, text, max_nodes);
  search.dfs(0);
  out.exact = !search.exhausted;
  if (search.best < std::numeric_limits<double>::infinity()) out.sum = std::max(0.0, search.best);
  return out;
}

}  // namespace accord::rounds
