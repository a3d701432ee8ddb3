// (1) Pareto-improving repairs of an objection and (2) the least costly one when there is none
// (docs/rounds-suggestions.md "Repairs").
#include <algorithm>
#include <tuple>

#include "accord/model/utility.hpp"
#include "internal.hpp"

namespace accord::suggest::detail {

namespace {

// The settings the objector accepts on one of the point's issues.
std::vector<Setting> allowed(const Scenario& s, PartyIndex p, IssueIndex i, const Setting& current,
                             const PointAnswer* answer, bool by_answer) {
  const Issue& issue = s.issues[i];
  std::vector<Setting> out;
  auto add = [&](const Setting& x) {
    for (const Setting& y : out)
      if (same_setting(issue, x, y)) return;
    out.push_back(x);
  };
  if (by_answer) {
    bool listed = false;
    for (const AcceptableSettings& acc : answer->acceptable)
      if (acc.issue == i)
        for (const Setting& x : acc.settings) add(x), listed = true;
    if (!listed) add(current);  // an issue the answer does not list stays as circulated
    return out;
  }
  // By preferences: crosses none of its red lines and, when it weighs the issue, is worth at
  // least its reservation on its own scale (v_{p,i}(x) >= r_p).
  const Preferences& prefs = s.preferences[p];
  const IssuePreference& ip = prefs.issues[i];
  auto ok = [&](const Setting& x) {
    if (ip.crosses_red_line(issue, x)) return false;
    return !ip.present || ip.weight == 0.0 || ip.value(issue, x) >= prefs.reservation - kUtilityEps;
  };
  for (std::size_t g = 0; g < issue.value_count(); ++g) {
    const Setting x = grid_setting(issue, g);
    if (ok(x)) add(x);
  }
  if (ok(current)) add(current);  // an off-grid circulated number
  return out;
}

struct Candidate {
  std::uint64_t index = 0;  // enumeration order (odometer, first issue slowest)
  std::vector<Edit> edits;
  Suggestion sug;
};

}  // namespace

Stop repairs(const Context& c, PointIndex point, PartyIndex objector, const PointAnswer* answer, const Params& params,
             std::vector<Suggestion>& out) {
  const Scenario& s = c.s;
  const auto issues = set_issues(s.versions[c.v].points[point]);
  if (issues.empty()) return Stop::finished;
  bool by_answer = false;
  if (answer)
    for (const AcceptableSettings& acc : answer->acceptable)
      by_answer = by_answer || std::find(issues.begin(), issues.end(), acc.issue) != issues.end();
  if (!by_answer && !s.preferences[objector].present) return Stop::finished;  // nothing says what it accepts
  std::vector<std::vector<Setting>> lists;
  for (const IssueIndex i : issues) {
    lists.push_back(allowed(s, objector, i, *c.text[i], answer, by_answer));
    if (lists.back().empty()) return Stop::finished;
  }
  const Basis basis = by_answer ? Basis::answer : Basis::preferences;
  std::vector<Candidate> pareto;
  std::optional<Candidate> cheapest;
  auto crossings = [&](const Candidate& a) {  // the others' red lines it newly crosses
    std::size_t n = 0;
    for (const PartyEffect& e : a.sug.effects) n += e.party == objector ? 0 : e.red_lines_crossed.size();
    return n;
  };
  auto cheaper = [&](const Candidate& a, const Candidate& b) {  // least-cost order
    const std::size_t ra = crossings(a), rb = crossings(b);
    return std::make_tuple(ra, a.sug.largest_loss, -a.sug.nash, -a.sug.sum, a.edits.size(), a.index) <
           std::make_tuple(rb, b.sug.largest_loss, -b.sug.nash, -b.sug.sum, b.edits.size(), b.index);
  };
  std::vector<std::size_t> k(lists.size(), 0);
  DeadlineTicker ticker(params.deadline, 256);
  Stop stop = Stop::finished;
  for (std::uint64_t n = 0;; ++n) {
    if (n >= params.max_candidates) {
      stop = Stop::node_limit;
      break;
    }
    if (ticker.expired()) {
      stop = Stop::time_limit;
      break;
    }
    Candidate cand;
    cand.index = n;
    for (std::size_t j = 0; j < issues.size(); ++j) {
      const Setting& to = lists[j][k[j]];
      const Setting& from = *c.text[issues[j]];
      if (!same_setting(s.issues[issues[j]], from, to)) cand.edits.push_back(Edit{issues[j], from, to});
    }
    if (!cand.edits.empty()) {
      cand.sug.kind = Kind::pareto_repair;
      cand.sug.point = point;
      cand.sug.party = objector;
      cand.sug.basis = basis;
      cand.sug.edits = cand.edits;
      measure(c, cand.edits, cand.sug);
      bool improving = true;
      for (const PartyEffect& e : cand.sug.effects) {
        if (e.party == objector) continue;
        cand.sug.largest_loss = std::max(cand.sug.largest_loss, -e.delta);
        if (e.delta < -kUtilityEps || !e.red_lines_crossed.empty()) improving = false;
      }
      if (improving) pareto.push_back(std::move(cand));
      else if (pareto.empty() && (!cheapest || cheaper(cand, *cheapest))) cheapest = std::move(cand);
    }
    std::size_t j = lists.size();
    while (j > 0 && ++k[j - 1] == lists[j - 1].size()) k[--j] = 0;
    if (j == 0) break;
  }
  if (!pareto.empty()) {
    std::stable_sort(pareto.begin(), pareto.end(), [](const Candidate& a, const Candidate& b) {
      return std::make_tuple(-a.sug.nash, -a.sug.sum, a.edits.size(), a.index) <
             std::make_tuple(-b.sug.nash, -b.sug.sum, b.edits.size(), b.index);
    });
    const std::size_t keep = params.max_repairs == 0 ? pareto.size() : std::min(params.max_repairs, pareto.size());
    for (std::size_t j = 0; j < keep; ++j) {
      pareto[j].sug.found = pareto.size();
      pareto[j].sug.largest_loss = 0.0;
      out.push_back(std::move(pareto[j].sug));
    }
  } else if (cheapest) {
    cheapest->sug.kind = Kind::least_cost_repair;
    out.push_back(std::move(cheapest->sug));
  }
  return stop;
}

void measure(const Context& c, const std::vector<Edit>& edits, Suggestion& out) {
  Package x = c.text;
  for (const Edit& e : edits) x[e.issue] = e.to;
  out.effects.clear();
  out.nash = 1.0;
  out.sum = 0.0;
  for (std::size_t q = 0; q < c.parties.size(); ++q) {
    const PartyIndex p = c.parties[q];
    PartyEffect e;
    e.party = p;
    const double after = utility(c.s, p, x);
    e.delta = after - c.before[q];
    const IssuePreference* ip = nullptr;
    for (const Edit& ed : edits) {
      ip = &c.s.preferences[p].issues[ed.issue];
      const Issue& issue = c.s.issues[ed.issue];
      const bool was = ed.from && ip->crosses_red_line(issue, *ed.from);
      if (!was && ip->crosses_red_line(issue, ed.to)) e.red_lines_crossed.push_back(ed.issue);
    }
    out.nash *= std::max(0.0, after - c.s.preferences[p].reservation);
    out.sum += after;
    out.effects.push_back(std::move(e));
  }
}

}  // namespace accord::suggest::detail
