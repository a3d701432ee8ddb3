#include "accord/engines/evaluate.hpp"
#include "accord/model/plural.hpp"

#include <algorithm>

#include "settlements.hpp"

namespace accord::evaluate {

std::vector<PartyIndex> signatories(const Scenario& s) {
  std::vector<PartyIndex> out;
  for (const PartyIndex p : s.parties.indices())
    if (s.parties[p].role != Role::stakeholder) out.emplace_back(p);
  return out;
}

namespace {

PartyResult evaluate_party(const Scenario& s, PartyIndex p, const Package& x) {
  PartyResult r;
  r.party = p;
  const Preferences& prefs = s.preferences[p];
  r.reservation = prefs.reservation;
  r.red_lines_crossed = red_lines_crossed(s, p, x);
  for (const IssueIndex i : s.issues.indices()) {
    const IssuePreference& ip = prefs.issues[i];
    r.ideal += ip.weight * best_issue_value(s, p, i);
    if (!ip.present || ip.weight == 0.0) continue;
    IssueResult ir;
    ir.issue = i;
    if (x[i]) {
      ir.settled = true;
      ir.contribution = issue_contribution(s, p, i, *x[i]);
      ir.min = ir.max = ir.contribution;
      ir.red_line = ip.crosses_red_line(s.issues[i], *x[i]);
    } else {
      ir.min = ip.weight * worst_issue_value(s, p, i);
      ir.max = ip.weight * best_issue_value(s, p, i);
    }
    r.issues.push_back(ir);
  }
  for (const Rectangle& rect : prefs.rectangles) r.ideal += std::max(0.0, rect.utility);
  detail::Extremes e = detail::settle(s, p, x);
  r.utility = e.utility;
  r.verdict = e.verdict;
  r.exact = e.exact;
  r.deciding_issues = detail::deciding_issues(s, p, x, e);
  r.best = std::move(e.best);
  r.worst = std::move(e.worst);
  return r;
}

// Issues a point settles or touches (deduplicated, in issue order).
std::vector<IssueIndex> point_issues(const Point& pt) {
  std::vector<IssueIndex> out;
  for (const auto& ps : pt.sets) out.push_back(ps.issue);
  for (IssueIndex i : pt.touches) out.push_back(i);
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

// The version's package without point k: the issues only k sets are open.
Package package_without(const Scenario& s, const Version& v, PointIndex k) {
  Package pkg(s.issues.size());
  for (const PointIndex j : v.points.indices())
    if (j != k)
      for (const PointSetting& ps : v.points[j].sets) pkg[ps.issue] = ps.setting;
  return pkg;
}

// text_unacceptable[p]: no settlement of the version's open issues is acceptable to p.
PointResult evaluate_point(const Scenario& s, const Version& v, PointIndex k, const std::vector<PartyIndex>& sigs,
                           const std::vector<bool>& text_unacceptable) {
  const Point& pt = v.points[k];
  PointResult r;
  r.point = k;
  std::size_t unknowns = 0;
  for (PartyIndex p : sigs) {
    const StanceKind st = v.stances[p][k].kind;
    if (st == StanceKind::reject) r.stated_blockers.push_back(p);
    else if (st == StanceKind::conditional) r.stated_conditional.push_back(p);
    else if (st == StanceKind::unknown) ++unknowns;
  }
  if (!r.stated_blockers.empty()) r.stated = Consensus::blocked;
  else if (!r.stated_conditional.empty()) r.stated = Consensus::conditional;
  else if (unknowns > 0 || sigs.empty()) r.stated = Consensus::unknown;
  else r.stated = Consensus::accepted;

  const auto issues = point_issues(pt);
  std::optional<Package> without;  // built once, when a party needs it
  bool any_prefs = false;
  for (PartyIndex p : sigs) {
    const Preferences& prefs = s.preferences[p];
    if (!prefs.present) continue;
    double salience = 0.0;
    for (IssueIndex i : issues) salience += prefs.issues[i].weight;
    r.max_salience = std::max(r.max_salience, salience);
    if (pt.sets.empty()) continue;
    any_prefs = true;
    const bool red = std::any_of(pt.sets.begin(), pt.sets.end(), [&](const PointSetting& ps) {
      return prefs.issues[ps.issue].crosses_red_line(s.issues[ps.issue], ps.setting);
    });
    Prediction why = red ? Prediction::red_line : Prediction::not_set;
    if (!red && text_unacceptable[p.get()]) {
      if (!without) without = package_without(s, v, k);
      if (detail::settle(s, p, *without).best.acceptable) why = Prediction::closes_text;
    }
    if (why == Prediction::not_set) continue;
    r.predicted_blockers.push_back(p);
    r.predicted_reasons.push_back(why);
  }
  if (any_prefs) r.predicted = r.predicted_blockers.empty() ? Consensus::accepted : Consensus::blocked;
  return r;
}

// Splits the points standing between the text and near-final by their stated consensus.
void split_blockers(Readiness& r, const std::vector<PointResult>& points) {
  for (PointIndex k : r.standing_between) {
    const Consensus c = points[k.get()].stated;
    (c == Consensus::blocked ? r.rejected : c == Consensus::conditional ? r.conditional : r.unknown).push_back(k);
  }
}

Readiness assess(const Version& v, const std::vector<PointResult>& points, const Params& params) {
  Readiness r;
  std::vector<PointIndex> salient;
  for (const PointResult& pr : points) {
    if (pr.stated == Consensus::accepted) continue;
    r.open_points.push_back(pr.point);
    if (pr.max_salience >= params.max_open_salience) salient.push_back(pr.point);
  }
  if (v.points.empty()) {
    r.reason = "the version has no points";
    return r;
  }
  if (r.open_points.size() > params.max_open_points) {
    r.standing_between = r.open_points;
    r.reason = counted(r.open_points.size(), "point") + (r.open_points.size() == 1 ? " is" : " are") +
               " not accepted by every signatory (at most " +
               std::to_string(params.max_open_points) + " may stay open)";
    split_blockers(r, points);
    return r;
  }
  if (!salient.empty()) {
    r.standing_between = salient;
    r.reason = "open points matter too much to a signatory (salience >= " +
               std::to_string(params.max_open_salience).substr(0, 5) + ")";
    split_blockers(r, points);
    return r;
  }
  r.near_final = true;
  r.reason = r.open_points.empty() ? "every signatory accepts every point"
                                   : "only minor points remain open";
  return r;
}

Result evaluate_package(const Scenario& s, const Package& x, const Params& params) {
  Result r;
  r.package = x;
  for (const IssueIndex i : s.issues.indices())
    if (!x[i]) r.open_issues.emplace_back(i);
  DeadlineTicker ticker(params.deadline, 64);
  std::size_t with_prefs = 0;
  for (const PartyIndex p : s.parties.indices()) with_prefs += s.preferences[p].present ? 1 : 0;
  for (const PartyIndex p : s.parties.indices()) {
    if (!s.preferences[p].present) continue;
    if (ticker.expired()) {
      r.outcome = Outcome::success({Stop::time_limit, "evaluated " + std::to_string(r.parties.size()) + " of " +
                                                          std::to_string(with_prefs) + " parties"});
      return r;
    }
    r.parties.push_back(evaluate_party(s, PartyIndex(p), x));
  }
  r.outcome = Outcome::success();
  return r;
}

}  // namespace

Result run_package(const Scenario& s, const Package& x, const Params& params) {
  Package full = x;
  full.resize(s.issues.size());
  return evaluate_package(s, full, params);
}

Result run_version(const Scenario& s, VersionIndex v, const Params& params) {
  if (!v.valid() || v.get() >= s.versions.size()) {
    Result bad;
    bad.outcome = Outcome::failure(Status::invalid_input, "no such framework version", "version");
    return bad;
  }
  Result r = evaluate_package(s, s.version_package(v), params);
  r.version = v;
  const Version& ver = s.versions[v];
  if (!r.outcome.termination.finished()) {
    r.readiness.reason = "not assessed: the time budget ran out";
    return r;
  }
  const auto sigs = signatories(s);
  std::vector<bool> text_unacceptable(s.parties.size(), false);
  for (const PartyResult& pr : r.parties) text_unacceptable[pr.party.get()] = pr.verdict == Verdict::unacceptable;
  for (std::size_t k = 0; k < ver.points.size(); ++k) {
    // Each point costs one pass over the signatories; poll the clock per point.
    if (params.deadline.expired()) {
      r.outcome.termination = {Stop::time_limit, "evaluated every party and " + std::to_string(k) + " of " +
                                                     std::to_string(ver.points.size()) + " points"};
      r.readiness.reason = "not assessed: the time budget ran out";
      return r;
    }
    r.points.push_back(evaluate_point(s, ver, PointIndex(k), sigs, text_unacceptable));
  }
  r.readiness = assess(ver, r.points, params);
  return r;
}

std::string_view to_string(Verdict v) {
  switch (v) {
    case Verdict::not_set: return "not_set";
    case Verdict::acceptable: return "acceptable";
    case Verdict::unacceptable: return "unacceptable";
    case Verdict::open: return "open";
  }
  return "?";
}

std::string_view to_string(Consensus c) {
  switch (c) {
    case Consensus::not_set: return "not_set";
    case Consensus::accepted: return "accepted";
    case Consensus::blocked: return "blocked";
    case Consensus::conditional: return "conditional";
    case Consensus::unknown: return "unknown";
    case Consensus::not_applicable: return "n/a";
  }
  return "?";
}

std::string_view to_string(Prediction p) {
  switch (p) {
    case Prediction::not_set: return "not_set";
    case Prediction::red_line: return "red_line";
    case Prediction::closes_text: return "closes_text";
  }
  return "?";
}

std::optional<Prediction> parse_prediction(std::string_view text) {
  for (const Prediction p : {Prediction::not_set, Prediction::red_line, Prediction::closes_text})
    if (to_string(p) == text) return p;
  return std::nullopt;
}

std::optional<Verdict> parse_verdict(std::string_view text) {
  for (const Verdict v : {Verdict::not_set, Verdict::acceptable, Verdict::unacceptable, Verdict::open})
    if (to_string(v) == text) return v;
  return std::nullopt;
}

std::optional<Consensus> parse_consensus(std::string_view text) {
  for (const Consensus c : {Consensus::not_set, Consensus::accepted, Consensus::blocked, Consensus::conditional,
                            Consensus::unknown, Consensus::not_applicable})
    if (to_string(c) == text) return c;
  return std::nullopt;
}

}  // namespace accord::evaluate
