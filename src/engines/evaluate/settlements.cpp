// Exact best and worst settlements of a draft's open issues for one party.
#include "settlements.hpp"

#include <algorithm>
#include <limits>

namespace accord::evaluate::detail {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

// (red lines, utility) orders: `best` wants fewer red lines, then more utility; `worst` the
// opposite. Strict, so the first of equals (lowest index) is kept.
bool better(int red_a, double u_a, int red_b, double u_b) {
  if (red_a != red_b) return red_a < red_b;
  return u_a > u_b + kUtilityEps;
}
bool worse(int red_a, double u_a, int red_b, double u_b) {
  if (red_a != red_b) return red_a > red_b;
  return u_a < u_b - kUtilityEps;
}

// Open issues bounded by one of p's rectangles: their values interact, so they are settled
// jointly. Empty for additive preferences.
std::vector<bool> tied_issues(const Scenario& s, PartyIndex p, const Package& x) {
  std::vector<bool> tied(s.issues.size(), false);
  for (const Rectangle& rect : s.preferences[p].rectangles)
    for (const RectangleBound& b : rect.bounds)
      if (b.issue.get() < x.size() && !x[b.issue]) tied[b.issue.get()] = true;
  return tied;
}

Settlement finish(const Scenario& s, PartyIndex p, Package pkg) {
  Settlement st;
  st.utility = utility(s, p, pkg);
  st.red_lines_crossed = red_lines_crossed(s, p, pkg);
  st.acceptable = st.red_lines_crossed.empty() && st.utility >= s.preferences[p].reservation - kUtilityEps;
  st.package = std::move(pkg);
  return st;
}

// The extremes of one issue settled on its own (its contribution w·v and red lines).
struct IssueExtremes {
  std::size_t best = 0, worst = 0;  // grid indices
  double min = kInf, max = -kInf;   // contribution range
};

IssueExtremes issue_extremes(const Scenario& s, PartyIndex p, IssueIndex i) {
  const Issue& issue = s.issues[i];
  const IssuePreference& ip = s.preferences[p].issues[i];
  IssueExtremes e;
  int best_red = 0, worst_red = 0;
  double best_u = 0.0, worst_u = 0.0;
  for (std::size_t k = 0; k < issue.value_count(); ++k) {
    const Setting set = grid_setting(issue, k);
    const int red = ip.crosses_red_line(issue, set) ? 1 : 0;
    const double u = issue_contribution(s, p, i, set);
    if (k == 0 || better(red, u, best_red, best_u)) {
      e.best = k;
      best_red = red;
      best_u = u;
    }
    if (k == 0 || worse(red, u, worst_red, worst_u)) {
      e.worst = k;
      worst_red = red;
      worst_u = u;
    }
    e.min = std::min(e.min, u);
    e.max = std::max(e.max, u);
  }
  return e;
}

// Settles the tied issues jointly by enumeration; false when there are more than kMaxJoint
// joint settlements (nothing is changed then).
bool settle_tied(const Scenario& s, PartyIndex p, const std::vector<IssueIndex>& tied, Package& best,
                 Package& worst, UtilityBounds& joint) {
  std::size_t count = 1;
  for (const IssueIndex i : tied) {
    const std::size_t n = s.issues[i].value_count();
    if (n == 0) continue;
    if (count > kMaxJoint / n) return false;
    count *= n;
  }
  const Preferences& prefs = s.preferences[p];
  std::vector<std::size_t> k(tied.size(), 0);
  Package y = best;  // settled issues as in x; untied open issues unset (no rectangle bounds them)
  int best_red = 0, worst_red = 0;
  double best_u = 0.0, worst_u = 0.0;
  joint = {kInf, -kInf};
  for (std::size_t n = 0; n < count; ++n) {
    int red = 0;
    for (std::size_t t = 0; t < tied.size(); ++t) {
      const Issue& issue = s.issues[tied[t]];
      if (issue.value_count() == 0) continue;
      y[tied[t]] = grid_setting(issue, k[t]);
      red += prefs.issues[tied[t]].crosses_red_line(issue, *y[tied[t]]) ? 1 : 0;
    }
    const double u = utility(s, p, y);  // settled and tied contributions and every rectangle
    if (n == 0 || better(red, u, best_red, best_u)) {
      for (const IssueIndex i : tied) best[i] = y[i];
      best_red = red;
      best_u = u;
    }
    if (n == 0 || worse(red, u, worst_red, worst_u)) {
      for (const IssueIndex i : tied) worst[i] = y[i];
      worst_red = red;
      worst_u = u;
    }
    joint.min = std::min(joint.min, u);
    joint.max = std::max(joint.max, u);
    for (std::size_t t = 0; t < tied.size(); ++t) {  // odometer
      const std::size_t m = s.issues[tied[t]].value_count();
      if (m == 0) continue;
      if (++k[t] < m) break;
      k[t] = 0;
    }
  }
  return true;
}

}  // namespace

Extremes settle(const Scenario& s, PartyIndex p, const Package& x) {
  const double r = s.preferences[p].reservation;
  const std::vector<bool> is_tied = tied_issues(s, p, x);
  std::vector<IssueIndex> tied;
  for (const IssueIndex i : s.issues.indices())
    if (is_tied[i.get()]) tied.push_back(i);
  Extremes e;
  Package best = x, worst = x;
  UtilityBounds joint;
  if (tied.empty() || !settle_tied(s, p, tied, best, worst, joint)) {
    e.exact = tied.empty();
    // Settled contributions and the rectangles the settled issues decide; a rectangle that
    // bounds an open issue may add its utility or not.
    joint.min = joint.max = utility(s, p, x);
    for (const Rectangle& rect : s.preferences[p].rectangles) {
      const bool undecided = std::any_of(rect.bounds.begin(), rect.bounds.end(), [&](const RectangleBound& b) {
        return b.issue.get() < x.size() && !x[b.issue];
      });
      if (!undecided) continue;
      joint.min += std::min(0.0, rect.utility);
      joint.max += std::max(0.0, rect.utility);
    }
    tied.clear();
  }
  e.utility = joint;
  for (const IssueIndex i : s.issues.indices()) {
    if (x[i] || s.issues[i].value_count() == 0) continue;
    if (!tied.empty() && is_tied[i.get()]) continue;
    const IssueExtremes ie = issue_extremes(s, p, i);
    best[i] = grid_setting(s.issues[i], ie.best);
    worst[i] = grid_setting(s.issues[i], ie.worst);
    e.utility.min += ie.min;
    e.utility.max += ie.max;
  }
  e.best = finish(s, p, std::move(best));
  e.worst = finish(s, p, std::move(worst));
  if (e.exact) {
    e.verdict = !e.best.acceptable ? Verdict::unacceptable : e.worst.acceptable ? Verdict::acceptable : Verdict::open;
    return e;
  }
  // Bounds only: red lines are per issue, so the red-line counts of best and worst are exact.
  if (!e.best.red_lines_crossed.empty() || e.utility.max < r - kUtilityEps) e.verdict = Verdict::unacceptable;
  else if (e.worst.red_lines_crossed.empty() && e.utility.min >= r - kUtilityEps) e.verdict = Verdict::acceptable;
  else e.verdict = Verdict::open;
  return e;
}

std::vector<IssueIndex> deciding_issues(const Scenario& s, PartyIndex p, const Package& x, const Extremes& e) {
  std::vector<IssueIndex> out;
  if (e.verdict != Verdict::open) return out;
  const IndexedVector<IssueIndex, IssuePreference>& prefs = s.preferences[p].issues;
  const std::vector<bool> tied = tied_issues(s, p, x);
  const double slack = e.best.utility - s.preferences[p].reservation;
  std::vector<IssueIndex> moving;  // open issues whose clean options differ in utility
  for (const IssueIndex i : s.issues.indices()) {
    if (x[i] || s.issues[i].value_count() == 0) continue;
    if (tied[i.get()]) {  // settled jointly with others: counted with them
      out.emplace_back(i);
      continue;
    }
    bool red = false;
    double lo = kInf, hi = -kInf;
    for (std::size_t k = 0; k < s.issues[i].value_count(); ++k) {
      const Setting set = grid_setting(s.issues[i], k);
      if (prefs[i].crosses_red_line(s.issues[i], set)) {
        red = true;
        continue;
      }
      const double u = issue_contribution(s, p, i, set);
      lo = std::min(lo, u);
      hi = std::max(hi, u);
    }
    // best holds i at its best clean option (hi); its worst clean option loses hi - lo.
    if (red || hi - lo > slack + kUtilityEps) out.emplace_back(i);
    else if (hi - lo > kUtilityEps) moving.emplace_back(i);
  }
  return out.empty() ? moving : out;
}

}  // namespace accord::evaluate::detail
