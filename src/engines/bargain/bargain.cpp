#include "accord/engines/bargain.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>

#include <tbb/parallel_for.h>

#include "accord/model/utility.hpp"
#include "engines/bargain/enumerate.hpp"
#include "engines/bargain/internal.hpp"
#include "engines/bargain/pareto.hpp"

namespace accord::bargain {

using namespace detail;

namespace {

Frontier to_frontier(const Problem& p, RawFrontier raw, const char* method) {
  Frontier f;
  f.computed = true;
  f.truncated = raw.truncated;
  f.stop = raw.stop;
  f.method = method;
  if (raw.truncated) return f;
  for (std::size_t j = 0; j < raw.size(); ++j) {
    Point pt;
    pt.utilities.assign(&raw.u[j * p.k], &raw.u[j * p.k] + p.k);
    pt.package = p.package(raw.choice[j]);
    f.points.push_back(std::move(pt));
  }
  return f;
}

Frontier frontier_of(const Problem& reduced, bool zone, const Params& params, const Deadline& deadline) {
  if (reduced.additive)
    return to_frontier(reduced,
                       merge_frontier(reduced, zone, frontier_limit(params, reduced.k), params.parallel, deadline),
                       "merge");
  return {};  // non-additive: enumerate_space when small enough, else not computed
}

std::string fmt(double x) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.6g", x);
  return buf;
}

// Which parts of a run a budget left partial, and the first budget that did.
struct Partial {
  Stop stop = Stop::finished;
  std::string detail;
  void note(Stop st, const std::string& what) {
    if (st == Stop::finished || st == Stop::not_set) return;
    if (stop == Stop::finished) stop = st;
    detail += (detail.empty() ? "" : "; ") + what;
  }
};

std::optional<Solution> to_solution(const Problem& p, const Spec& spec, const SearchResult& r) {
  const auto win = choose(spec, r.tied, p.k);
  if (!win) return std::nullopt;
  Solution s;
  s.utilities = r.tied[*win].u;
  s.package = p.package(r.tied[*win].choice);
  s.objective = objective(spec, s.utilities.data(), p.k);
  if (!r.complete) s.bound = std::max(r.bound, s.objective);
  return s;
}

Solutions solve(const Problem& p, const Frontier& zone_front,
                const std::vector<Candidate>& zone_points, const Params& params,
                const Deadline& deadline, Partial& partial, std::optional<SearchResult> egal_known) {
  Solutions out;
  const std::size_t k = p.k;
  const bool from_frontier = zone_front.computed && !zone_front.truncated && !params.force_search;
  out.method = from_frontier ? "frontier" : "search";
  // Independent searches, run in parallel (each is deterministic, so the result is too).
  auto run_goals = [&](const std::vector<Spec>& specs) {
    std::vector<SearchResult> res(specs.size());
    auto body = [&](std::size_t j) {
      if (from_frontier) {
        res[j].tied = zone_points;
        return;
      }
      if (specs[j].goal == Goal::egalitarian && egal_known) {
        res[j] = std::move(*egal_known);
        return;
      }
      res[j] = search(p, specs[j], params.max_search_nodes, deadline);
    };
    if (params.parallel && !from_frontier) {
      tbb::parallel_for(std::size_t{0}, specs.size(), body);
    } else {
      for (std::size_t j = 0; j < specs.size(); ++j) body(j);
    }
    return res;
  };
  Spec base;
  base.d = p.r;
  base.zone = true;
  // Ideal point: the best each party can get inside the zone.
  std::vector<Spec> ideal_specs(k, base);
  for (std::size_t q = 0; q < k; ++q) {
    ideal_specs[q].goal = Goal::party;
    ideal_specs[q].party = q;
  }
  const std::vector<SearchResult> ideal = run_goals(ideal_specs);
  out.ideal.assign(k, 0.0);
  for (std::size_t q = 0; q < k; ++q) {
    const auto& c = ideal[q].tied;
    if (!ideal[q].complete) {
      out.exact = false;
      partial.note(ideal[q].stop, "ideal point of party " + std::to_string(q + 1) + ": best found " +
                                      (c.empty() ? std::string("none") : fmt(c[0].u[q])) +
                                      ", bound " + fmt(ideal[q].bound));
    }
    if (c.empty()) {
      out.ideal.clear();
      return out;
    }
    double best = c[0].u[q];
    for (const Candidate& x : c) best = std::max(best, x.u[q]);
    // A stopped search: the ideal is between `best` and the bound; KS uses the best found.
    out.ideal[q] = best;
  }
  Spec nash = base, ks = base, egal = base, util = base;
  nash.goal = Goal::nash;
  ks.goal = Goal::kalai_smorodinsky;
  ks.scale.resize(k);
  for (std::size_t q = 0; q < k; ++q) {
    const double range = out.ideal[q] - p.r[q];
    ks.scale[q] = range > kUtilityEps ? 1.0 / range : 0.0;
  }
  egal.goal = Goal::egalitarian;
  util.goal = Goal::utilitarian;
  const std::vector<Spec> specs{nash, ks, egal, util};
  const std::vector<SearchResult> res = run_goals(specs);
  std::optional<Solution>* slots[] = {&out.nash, &out.kalai_smorodinsky, &out.egalitarian,
                                      &out.utilitarian};
  const char* names[] = {"nash", "kalai_smorodinsky", "egalitarian", "utilitarian"};
  for (std::size_t j = 0; j < specs.size(); ++j) {
    *slots[j] = to_solution(p, specs[j], res[j]);
    if (res[j].complete) continue;
    out.exact = false;
    const auto& sol = *slots[j];
    partial.note(res[j].stop, std::string(names[j]) + ": " +
                                  (sol ? "best found " + fmt(sol->objective) + ", bound " +
                                             fmt(*sol->bound) + ", gap " + fmt(*sol->bound - sol->objective)
                                       : "none found, bound " + fmt(res[j].bound)));
  }
  return out;
}

// Parties with preferences that did not bargain, and what each chosen package means for them.
void add_stakeholders(const Scenario& s, Result& r) {
  for (const PartyIndex p : parties_with_preferences(s)) {
    if (std::find(r.parties.begin(), r.parties.end(), p) != r.parties.end()) continue;
    r.stakeholders.push_back(p);
    r.stakeholder_reservations.push_back(s.preferences[p].reservation);
  }
  for (std::optional<Solution>* sol : {&r.solutions.nash, &r.solutions.kalai_smorodinsky,
                                       &r.solutions.egalitarian, &r.solutions.utilitarian})
    if (*sol) (*sol)->stakeholders = stakeholder_effects(s, r.stakeholders, (*sol)->package);
  if (r.closest && !r.closest->package.empty())
    r.closest->stakeholders = stakeholder_effects(s, r.stakeholders, r.closest->package);
}

}  // namespace

namespace detail {

Count make_count(u128 lower, u128 upper, bool exact) {
  Count c;
  c.exact = exact;
  c.decimal = to_decimal(lower);
  c.lower = to_double(lower);
  c.upper = to_double(upper);
  c.value = exact ? c.lower : std::sqrt(std::max(1.0, c.lower) * std::max(1.0, c.upper));
  return c;
}

}  // namespace detail

std::vector<PartyIndex> default_bargaining_parties(const Scenario& s) {
  std::vector<PartyIndex> out;
  for (const PartyIndex i : s.parties.indices()) {
    const bool role = s.parties[i].role == Role::party || s.parties[i].role == Role::mediator;
    if (role && s.preferences.contains(i) && s.preferences[i].present) out.emplace_back(i);
  }
  return out;
}

std::string_view to_string(Finding f) {
  switch (f) {
    case Finding::not_set: return "not_set";
    case Finding::zone_exists: return "zone_exists";
    case Finding::no_zone: return "no_zone";
    case Finding::too_large: return "too_large";
  }
  return "?";
}

std::optional<Finding> parse_finding(std::string_view text) {
  for (const Finding f : {Finding::not_set, Finding::zone_exists, Finding::no_zone, Finding::too_large})
    if (to_string(f) == text) return f;
  return std::nullopt;
}

Frontier pair_frontier(const Scenario& s, PartyIndex a, PartyIndex b, std::size_t max_points,
                       const Deadline& deadline, bool parallel) {
  Problem p = build_problem(s, {a, b}, false, nullptr);
  if (!p.additive) return {};
  merge_equal_values(p);
  drop_dominated_values(p);
  return to_frontier(p, merge_frontier(p, false, max_points, parallel, deadline), "merge");
}

std::vector<Concession> concessions(const Scenario& s, const std::vector<PartyIndex>& parties,
                                    const Package& x) {
  std::vector<Concession> out;
  for (const PartyIndex p : parties) {
    Concession c;
    c.party = p;
    c.utility = utility(s, p, x);
    for (const IssueIndex i : s.issues.indices()) {
      const IssuePreference& ip = s.preferences[p].issues[i];
      if (ip.weight == 0.0) continue;
      IssueConcession ic;
      ic.issue = i;
      ic.ideal = ip.weight * best_issue_value(s, p, i);
      ic.actual = x[i] ? issue_contribution(s, p, i, *x[i]) : 0.0;
      ic.given_up = ic.ideal - ic.actual;
      c.ideal += ic.ideal;
      c.issues.push_back(ic);
    }
    out.push_back(std::move(c));
  }
  return out;
}

Result run(const Scenario& s, const Params& params) {
  Result r;
  auto invalid = [&r](std::string message, std::string path) {
    r.outcome = Outcome::failure(Status::invalid_input, std::move(message), std::move(path));
    return r;
  };
  r.parties = params.parties.empty() ? default_bargaining_parties(s) : params.parties;
  if (r.parties.empty())
    return invalid("no bargaining parties: no party of role party or mediator has preferences", "parties");
  for (const PartyIndex p : r.parties) {
    if (!p.valid() || p.get() >= s.parties.size() || p.get() >= s.preferences.size() ||
        !s.preferences[p].present)
      return invalid("party `" + (p.valid() && p.get() < s.parties.size() ? s.parties[p].id
                                                                         : std::string("?")) +
                         "` has no preferences; bargaining needs every party's preferences",
                     "parties");
    r.reservations.push_back(s.preferences[p].reservation);
  }
  for (const Issue& issue : s.issues)
    if (issue.value_count() == 0) return invalid("issue `" + issue.id + "` has no value a package could take", "issues." + issue.id);
  std::array<std::size_t, 2> pair_at{};  // positions of Params::pair in r.parties
  if (params.pair) {
    for (std::size_t j = 0; j < 2; ++j) {
      const auto it = std::find(r.parties.begin(), r.parties.end(), (*params.pair)[j]);
      if (it == r.parties.end()) return invalid("the pair must be two of the bargaining parties", "pair");
      pair_at[j] = static_cast<std::size_t>(it - r.parties.begin());
    }
    if (pair_at[0] == pair_at[1]) return invalid("the pair must be two different bargaining parties", "pair");
  }
  const Deadline& deadline = params.deadline;
  // Shares of what is left of the time budget (docs/bargain.md, "Budgets").
  auto share = [&](double f) { return deadline.within(deadline.seconds_left() * f); };
  Partial partial;
  auto progress = [&](double f, std::string_view what) {
    if (params.progress) params.progress(f, what);
  };
  progress(0.0, "zone count");
  const Problem whole = build_problem(s, r.parties, false, nullptr);
  Problem filtered = build_problem(s, r.parties, true, &r.blocked_issues);
  r.additive = whole.additive;
  for (const IssueIndex i : r.blocked_issues) r.blocked.push_back(blocked_issue(s, r.parties, i));
  const u128 whole_size = space_size(whole);
  r.space = make_count(whole_size, whole_size, whole_size != static_cast<u128>(1) << 127);
  const u128 filtered_size = r.blocked_issues.empty() ? space_size(filtered) : 0;
  r.filtered = make_count(filtered_size, filtered_size, r.space.exact);
  Problem counted = filtered;
  merge_equal_values(counted);
  Problem reduced = counted;
  drop_dominated_values(reduced);

  // Non-additive spaces small enough to enumerate: one pass gives the zone count and both
  // frontiers. Otherwise: count by branch and bound, frontiers by merging.
  const bool enumerate = !whole.additive && to_double(whole_size) <= static_cast<double>(params.max_enumeration);
  bool enumerated = true;  // false: the enumeration ran out of time
  if (enumerate) {
    Enumeration e = enumerate_space(whole, params.whole_space_frontier, r.blocked_issues.empty(),
                                    frontier_limit(params, whole.k), params.parallel, share(0.5));
    if (r.blocked_issues.empty()) {
      r.zone = make_count(e.zone, e.zone + (e.total - e.seen), e.stop == Stop::finished);
    } else {
      r.zone = make_count(0, 0, true);
    }
    enumerated = e.stop == Stop::finished;
    if (e.stop != Stop::finished)
      partial.note(e.stop, "enumeration: " + to_decimal(e.seen) + " of " + to_decimal(e.total) +
                               " packages (zone count and frontiers partial)");
    if (params.whole_space_frontier) r.pareto = to_frontier(whole, std::move(e.whole), "enumeration");
    if (r.blocked_issues.empty()) r.zone_pareto = to_frontier(whole, std::move(e.zone_front), "enumeration");
  } else {
    if (r.blocked_issues.empty()) {
      const CountResult c = count_zone(counted, params.max_count_nodes, params.parallel, share(0.2));
      r.zone = make_count(c.lower, c.upper, c.exact);
      if (!c.exact)
        partial.note(c.stop, "zone count: between " + to_decimal(c.lower) + " and " + to_decimal(c.upper));
    } else {
      r.zone = make_count(0, 0, true);
    }
    // Frontiers on the reduced spaces (equal values merged, dominated values dropped).
    progress(0.2, "Pareto frontiers");
    if (params.whole_space_frontier) {
      Problem w = whole;
      merge_equal_values(w);
      drop_dominated_values(w);
      r.pareto = frontier_of(w, false, params, share(1.0 / 6));
    }
    if (r.blocked_issues.empty()) r.zone_pareto = frontier_of(reduced, true, params, share(0.2));
  }
  if (!r.blocked_issues.empty()) {
    r.zone_pareto = Frontier{};
    r.zone_pareto.computed = true;
    r.zone_pareto.method = "red lines";
  }
  if (r.pareto.stop == Stop::time_limit) partial.note(Stop::time_limit, "whole-space frontier abandoned");
  if (r.zone_pareto.stop == Stop::time_limit) partial.note(Stop::time_limit, "zone frontier abandoned");
  std::vector<Candidate> zone_points;
  for (const Point& pt : r.zone_pareto.points) {
    Candidate c{pt.utilities, {}};
    for (std::size_t i = 0; i < pt.package.size(); ++i) {
      const auto& st = reduced.issues[i].settings;
      for (std::uint32_t v = 0; v < st.size(); ++v)
        if (st[v] == *pt.package[IssueIndex(i)]) c.choice.push_back(v);
    }
    zone_points.push_back(std::move(c));
  }

  // Non-additive spaces beyond the enumeration limit: bounds are too loose for a search.
  // Nor after an enumeration that ran out of time: a search would only repeat it, slower.
  const bool searchable =
      reduced.additive ||
      (enumerated && to_double(space_size(reduced)) <= static_cast<double>(params.max_enumeration));
  // Finding: from the count or the frontier when they are conclusive, else by search.
  bool known = false, exists = false;
  if (!r.blocked_issues.empty()) {
    known = true;
  } else if (r.zone.exact) {
    known = true;
    exists = r.zone.lower > 0;
  } else if (r.zone.lower > 0) {
    known = exists = true;
  } else if (r.zone_pareto.computed && !r.zone_pareto.truncated) {
    known = true;
    exists = !r.zone_pareto.points.empty();
  }
  progress(0.5, "solutions");
  const Deadline solve_deadline = params.draft ? share(2.0 / 3) : deadline;
  std::optional<SearchResult> egal_known;
  if (!known && searchable) {
    SearchResult sr = shortfall_search(reduced, nullptr, params.max_search_nodes, solve_deadline);
    auto in_zone = [&](const Candidate& c) {
      for (std::size_t q = 0; q < reduced.k; ++q)
        if (c.u[q] < reduced.r[q] - kUtilityEps) return false;
      return true;
    };
    if (!sr.tied.empty()) {
      const bool ok = in_zone(sr.tied[0]);
      known = sr.complete || ok;
      exists = ok;
      // max min_p (U_p - r_p) over all packages is reached in the zone: it is the egalitarian
      // search's answer too, with the same tied set (the tied packages in the zone).
      Spec egal;
      egal.goal = Goal::egalitarian;
      egal.d = reduced.r;
      double best = -std::numeric_limits<double>::infinity();
      std::size_t at = 0;
      for (std::size_t j = 0; j < sr.tied.size(); ++j) {
        const double o = objective(egal, sr.tied[j].u.data(), reduced.k);
        if (o > best) best = o, at = j;
      }
      if (sr.complete && in_zone(sr.tied[at])) {
        std::erase_if(sr.tied, [&](const Candidate& c) { return !in_zone(c); });
        egal_known = std::move(sr);
      }
    }
    if (!known) partial.note(sr.stop, "zone of agreement undecided (search for a package acceptable to all stopped)");
  }
  if (!known && !searchable)
    partial.note(enumerated ? Stop::size_limit : Stop::time_limit,
                 "zone of agreement undecided (non-additive space not enumerated)");
  r.finding = !known ? Finding::too_large : exists ? Finding::zone_exists : Finding::no_zone;
  if (exists && searchable)
    r.solutions = solve(reduced, r.zone_pareto, zone_points, params, solve_deadline, partial,
                        std::move(egal_known));
  if (exists && !searchable) {
    r.solutions.exact = false;
    r.solutions.method = "skipped";
    partial.note(enumerated ? Stop::size_limit : Stop::time_limit,
                 "solutions skipped (non-additive space not enumerated)");
  }
  if (params.draft) {
    r.draft = params.draft;
    r.draft_version = params.draft_version;
    for (const PartyIndex p : r.parties) r.draft_utilities.push_back(utility_bounds(s, p, *params.draft));
  }
  if (params.pair) {
    progress(0.75, "pair frontier");
    PairFrontier pf{*params.pair, {r.reservations[pair_at[0]], r.reservations[pair_at[1]]}, {}};
    if (r.parties.size() == 2 && pair_at[0] == 0 && r.pareto.computed) {
      pf.frontier = r.pareto;  // the pair is every bargaining party: the whole-space frontier
    } else {
      pf.frontier = pair_frontier(s, pf.parties[0], pf.parties[1], frontier_limit(params, 2), share(0.2), params.parallel);
    }
    if (pf.frontier.stop == Stop::time_limit) partial.note(Stop::time_limit, "pair frontier abandoned");
    r.pair = std::move(pf);
  }
  if (params.draft && searchable) {
    progress(0.8, "closest package");
    r.closest = closest_package(s, r.parties, *params.draft, exists, params, deadline);
    if (!r.closest->exact) partial.note(r.closest->stop, "closest package: best found, not proven");
  }
  add_stakeholders(s, r);
  progress(1.0, "done");
  r.outcome = Outcome::success(partial.stop == Stop::finished ? Termination::done()
                                                               : Termination{partial.stop, partial.detail});
  return r;
}

}  // namespace accord::bargain
