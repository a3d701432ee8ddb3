// The round's analysis: tally, readiness (evaluate's rule), then the suggestions in order.
#include "accord/engines/suggest.hpp"

#include <algorithm>
#include <cstdio>

#include "accord/model/utility.hpp"
#include "internal.hpp"

namespace accord::suggest {

namespace {

using detail::Context;

// The scenario as the readiness rule must see the round: the circulated version's stances of
// the addressed parties replaced by their answers (a party's unanswered points: unknown).
Scenario answered_scenario(const Scenario& s, VersionIndex v, const std::vector<PartyAnswers>& answers) {
  Scenario out = s;
  Version& ver = out.versions[v];
  // A version built in memory may carry a smaller stance matrix than parties × points.
  if (ver.stances.size() < out.parties.size()) ver.stances.resize(out.parties.size());
  for (auto& row : ver.stances) row.resize(ver.points.size());
  for (const PartyAnswers& pa : answers) {
    auto& row = ver.stances[pa.party];
    for (Stance& st : row) st = Stance{};
    for (const PointAnswer& a : pa.answers) row[a.point] = Stance{to_stance(a.kind), Provenance{{}, false, a.note}};
  }
  return out;
}

// The version without the points in `drop` (stances dropped with them).
Scenario without_points(const Scenario& s, VersionIndex v, const std::vector<PointIndex>& drop) {
  Scenario out = s;
  Version& ver = out.versions[v];
  Version kept = ver;
  kept.points.clear();
  for (auto& row : kept.stances) row.clear();
  for (const PointIndex k : ver.points.indices()) {
    if (std::find(drop.begin(), drop.end(), k) != drop.end()) continue;
    kept.points.push_back(ver.points[k]);
    for (const PartyIndex p : ver.stances.indices()) kept.stances[p].push_back(ver.stances[p][k]);
  }
  ver = std::move(kept);
  return out;
}

// Checks the answers against the scenario; errors name the answer's position.
Outcome check(const Scenario& s, VersionIndex v, const std::vector<PartyAnswers>& answers) {
  if (!v.valid() || v.get() >= s.versions.size())
    return Outcome::failure(Status::invalid_input, "no such framework version", "version");
  const Version& ver = s.versions[v];
  Outcome ok = Outcome::success();
  for (std::size_t j = 0; j < answers.size(); ++j) {
    const std::string at = "answers[" + std::to_string(j) + "]";
    const PartyAnswers& pa = answers[j];
    if (!pa.party.valid() || pa.party.get() >= s.parties.size())
      return Outcome::failure(Status::invalid_input, "no such party", at + ".party");
    for (std::size_t m = 0; m < j; ++m)
      if (answers[m].party == pa.party)
        return Outcome::failure(Status::invalid_input, "party " + s.parties[pa.party].id + " answers twice",
                                at + ".party");
    for (std::size_t k = 0; k < pa.answers.size(); ++k) {
      const PointAnswer& a = pa.answers[k];
      const std::string here = at + ".answers[" + std::to_string(k) + "]";
      if (!a.point.valid() || a.point.get() >= ver.points.size())
        return Outcome::failure(Status::invalid_input, "no such point in " + ver.id, here + ".point");
      for (const AcceptableSettings& acc : a.acceptable) {
        if (!acc.issue.valid() || acc.issue.get() >= s.issues.size())
          return Outcome::failure(Status::invalid_input, "no such issue", here + ".acceptable");
        const Issue& issue = s.issues[acc.issue];
        for (const Setting& x : acc.settings)
          if (issue.kind == IssueKind::discrete && (!x.option.valid() || x.option.get() >= issue.options.size()))
            return Outcome::failure(Status::invalid_input, "no such option of " + issue.id, here + ".acceptable");
        const auto sets = detail::set_issues(ver.points[a.point]);
        if (std::find(sets.begin(), sets.end(), acc.issue) == sets.end())
        {
          Diagnostic d;
          d.severity = Severity::warning;
          d.path = here + ".acceptable";
          d.entity = "party " + s.parties[pa.party].id;
          d.message = ver.points[a.point].id + " does not set " + issue.id + "; its acceptable settings are ignored";
          ok.diagnostics.push_back(std::move(d));
        }
      }
    }
  }
  return ok;
}

std::vector<PointTally> tally(const Scenario& s, const Version& ver, const std::vector<PartyAnswers>& answers,
                              const evaluate::Result& ev) {
  std::vector<PointTally> out;
  for (const PointIndex k : ver.points.indices()) {
    PointTally t;
    t.point = k;
    for (const PartyAnswers& pa : answers) {
      PointAnswerKind kind = PointAnswerKind::no_answer;
      const PointAnswer* last = nullptr;
      for (const PointAnswer& a : pa.answers)
        if (a.point == k) last = &a;
      if (last) kind = last->kind;
      (kind == PointAnswerKind::accept        ? t.accept
       : kind == PointAnswerKind::reject      ? t.reject
       : kind == PointAnswerKind::conditional ? t.conditional
                                              : t.silent)
          .push_back(pa.party);
      if (last && !last->amendment.empty()) t.amendments.push_back(s.parties[pa.party].id + ": " + last->amendment);
    }
    if (k.get() < ev.points.size()) {
      t.consensus = ev.points[k.get()].stated;
      t.max_salience = ev.points[k.get()].max_salience;
    }
    out.push_back(std::move(t));
  }
  return out;
}

// (4): the fewest points to bracket so the rest passes the near-final rule: every open point
// whose salience reaches S, then, while more than K open points remain, the most salient of
// the rest (ties: later points first). Empty when the text is near-final or the rest would be
// empty; checked by evaluate on the text without them.
std::optional<Suggestion> bracket(const Scenario& answered, VersionIndex v, const evaluate::Result& ev,
                                  const Params& params, const Context& c, const Result& r) {
  if (ev.readiness.near_final || ev.points.empty()) return std::nullopt;
  std::vector<PointIndex> drop, rest;
  for (const evaluate::PointResult& pr : ev.points) {
    if (pr.stated == evaluate::Consensus::accepted) continue;
    (pr.max_salience >= params.readiness.max_open_salience ? drop : rest).push_back(pr.point);
  }
  std::stable_sort(rest.begin(), rest.end(), [&](PointIndex a, PointIndex b) {
    return ev.points[a.get()].max_salience > ev.points[b.get()].max_salience;
  });
  while (rest.size() > params.readiness.max_open_points) {
    drop.push_back(rest.front());
    rest.erase(rest.begin());
  }
  std::sort(drop.begin(), drop.end());
  if (drop.empty() || drop.size() >= ev.points.size()) return std::nullopt;
  const Scenario reduced = without_points(answered, v, drop);
  const evaluate::Result check = evaluate::run_version(reduced, v, params.readiness);
  if (!check.readiness.near_final) return std::nullopt;
  Suggestion sug;
  sug.kind = Kind::bracket;
  sug.points = drop;
  detail::explain(c, r, sug);
  char rule[96];
  std::snprintf(rule, sizeof rule, " (at most %zu open points, each with salience below %.3g)",
                params.readiness.max_open_points, params.readiness.max_open_salience);
  sug.sentence += std::string(rule) + ": " + check.readiness.reason + ".";
  // The rule reads the answers and the signatories' weights on the open points' issues.
  std::vector<IssueIndex> issues;
  for (const PointIndex k : ev.readiness.open_points)
    for (const IssueIndex i : detail::set_issues(answered.versions[v].points[k])) issues.push_back(i);
  std::sort(issues.begin(), issues.end());
  issues.erase(std::unique(issues.begin(), issues.end()), issues.end());
  sug.rests_on = detail::estimated_inputs(answered, evaluate::signatories(answered), issues, {});
  sug.sentence += detail::rests_sentence(sug);
  return sug;
}

std::optional<Suggestion> closest(const Context& c, const Params& params, Result& r, Stop& stop) {
  bargain::Closest cl;
  if (params.known_closest) {
    cl = *params.known_closest;
  } else {
    bargain::Params bp;
    bp.deadline = params.deadline;
    bp.parties = c.parties;
    bp.draft = c.text;
    bp.draft_version = c.v;
    bp.whole_space_frontier = false;
    bp.max_search_nodes = params.max_search_nodes;
    const bargain::Result br = bargain::run(c.s, bp);
    if (!br.outcome.ok() || !br.closest) {
      if (!br.outcome.termination.finished()) stop = br.outcome.termination.stop;
      return std::nullopt;
    }
    if (!br.outcome.termination.finished()) stop = br.outcome.termination.stop;
    cl = *br.closest;
  }
  r.closest_zone_exists = cl.zone_exists;
  r.closest = cl;
  if (cl.package.empty()) return std::nullopt;
  Suggestion sug;
  sug.kind = Kind::closest_package;
  for (const bargain::Change& ch : cl.changes) sug.edits.push_back(Edit{ch.issue, ch.from, ch.to});
  const Version& ver = c.s.versions[c.v];
  for (const PointIndex k : ver.points.indices()) {
    const auto issues = detail::set_issues(ver.points[k]);
    const bool touched = std::any_of(sug.edits.begin(), sug.edits.end(), [&](const Edit& e) {
      return e.from && std::find(issues.begin(), issues.end(), e.issue) != issues.end();
    });
    if (touched) sug.points.push_back(k);
  }
  detail::measure(c, sug.edits, sug);
  return sug;
}

}  // namespace

Result run(const Scenario& s, VersionIndex circulated, const std::vector<PartyAnswers>& answers, const Params& params) {
  Result r;
  r.outcome = check(s, circulated, answers);
  if (!r.outcome.ok()) return r;
  r.version = circulated;
  for (const PartyAnswers& pa : answers) r.addressed.push_back(pa.party);
  r.parties = params.parties.empty() ? bargain::default_bargaining_parties(s) : params.parties;
  Context c{s, circulated, s.version_package(circulated), r.parties, {}};
  for (const PartyIndex p : r.parties) c.before.push_back(utility(s, p, c.text));
  r.utilities = c.before;

  const Scenario answered = answered_scenario(s, circulated, answers);
  evaluate::Params ep = params.readiness;
  ep.deadline = params.deadline;
  const evaluate::Result ev = evaluate::run_version(answered, circulated, ep);
  r.points = tally(s, s.versions[circulated], answers, ev);
  r.readiness = ev.readiness;
  Stop stop = ev.outcome.termination.stop == Stop::not_set ? Stop::finished : ev.outcome.termination.stop;
  std::string detail_text = stop == Stop::finished ? "" : "readiness: " + ev.outcome.termination.detail;

  // (1) and (2): each objection, in point order, then answer order.
  std::size_t objections = 0, done = 0;
  for (const PointTally& t : r.points) objections += t.reject.size() + t.conditional.size();
  for (const PointTally& t : r.points) {
    for (const PartyAnswers& pa : answers) {
      const PointAnswer* last = nullptr;
      for (const PointAnswer& a : pa.answers)
        if (a.point == t.point) last = &a;
      if (!last || (last->kind != PointAnswerKind::reject && last->kind != PointAnswerKind::conditional)) continue;
      if (stop != Stop::finished && stop != Stop::node_limit) break;
      const Stop st = detail::repairs(c, t.point, pa.party, last, params, r.suggestions);
      ++done;
      if (st != Stop::finished && stop == Stop::finished) {
        stop = st;
        detail_text = "repairs: " + std::string(to_string(st)) + " in " + s.versions[circulated].points[t.point].id +
                      " (" + s.parties[pa.party].id + "), " + std::to_string(done) + " of " +
                      std::to_string(objections) + " objections searched";
      }
    }
  }
  for (Suggestion& sug : r.suggestions) detail::explain(c, r, sug);
  // (3) and (4).
  if (params.closest && stop != Stop::time_limit) {
    Stop cs = Stop::finished;
    if (auto sug = closest(c, params, r, cs)) {
      detail::explain(c, r, *sug);
      r.suggestions.push_back(std::move(*sug));
    }
    if (cs != Stop::finished && stop == Stop::finished) stop = cs, detail_text = "closest package: partial";
  }
  if (stop != Stop::time_limit)
    if (auto sug = bracket(answered, circulated, ev, params, c, r)) r.suggestions.push_back(std::move(*sug));
  r.outcome.termination = stop == Stop::finished ? Termination::done() : Termination{stop, detail_text};
  return r;
}

std::vector<PartyAnswers> answers_from_stances(const Scenario& s, VersionIndex v, const std::vector<PartyIndex>& parties) {
  std::vector<PartyAnswers> out;
  if (!v.valid() || v.get() >= s.versions.size()) return out;
  std::vector<PartyIndex> who = parties;
  if (who.empty())
    for (const PartyIndex p : s.parties.indices())
      if (s.preferences[p].present) who.push_back(p);
  const Version& ver = s.versions[v];
  for (const PartyIndex p : who) {
    PartyAnswers pa{p, {}};
    for (const PointIndex k : ver.points.indices()) {
      const bool recorded = ver.stances.contains(p) && ver.stances[p].contains(k);
      const Stance st = recorded ? ver.stances[p][k] : Stance{};
      PointAnswer a;
      a.point = k;
      a.kind = st.kind == StanceKind::accept        ? PointAnswerKind::accept
               : st.kind == StanceKind::reject      ? PointAnswerKind::reject
               : st.kind == StanceKind::conditional ? PointAnswerKind::conditional
                                                    : PointAnswerKind::no_answer;
      a.note = st.provenance.note;
      pa.answers.push_back(std::move(a));
    }
    out.push_back(std::move(pa));
  }
  return out;
}

StanceKind to_stance(PointAnswerKind k) {
  switch (k) {
    case PointAnswerKind::accept: return StanceKind::accept;
    case PointAnswerKind::reject: return StanceKind::reject;
    case PointAnswerKind::conditional: return StanceKind::conditional;
    default: return StanceKind::unknown;
  }
}

std::string_view to_string(PointAnswerKind k) {
  switch (k) {
    case PointAnswerKind::not_set: return "not_set";
    case PointAnswerKind::accept: return "accept";
    case PointAnswerKind::reject: return "reject";
    case PointAnswerKind::conditional: return "conditional";
    case PointAnswerKind::no_answer: return "no_answer";
  }
  return "?";
}

std::string_view to_string(Kind k) {
  switch (k) {
    case Kind::not_set: return "not_set";
    case Kind::pareto_repair: return "pareto_repair";
    case Kind::least_cost_repair: return "least_cost_repair";
    case Kind::closest_package: return "closest_package";
    case Kind::bracket: return "bracket";
  }
  return "?";
}

std::string_view to_string(Basis b) {
  switch (b) {
    case Basis::not_set: return "not_set";
    case Basis::answer: return "answer";
    case Basis::preferences: return "preferences";
  }
  return "?";
}

std::optional<PointAnswerKind> parse_point_answer_kind(std::string_view text) {
  for (const auto k : {PointAnswerKind::not_set, PointAnswerKind::accept, PointAnswerKind::reject,
                       PointAnswerKind::conditional, PointAnswerKind::no_answer})
    if (to_string(k) == text) return k;
  return std::nullopt;
}

std::optional<Kind> parse_kind(std::string_view text) {
  for (const auto k : {Kind::not_set, Kind::pareto_repair, Kind::least_cost_repair, Kind::closest_package, Kind::bracket})
    if (to_string(k) == text) return k;
  return std::nullopt;
}

std::optional<Basis> parse_basis(std::string_view text) {
  for (const auto b : {Basis::not_set, Basis::answer, Basis::preferences})
    if (to_string(b) == text) return b;
  return std::nullopt;
}

}  // namespace accord::suggest
