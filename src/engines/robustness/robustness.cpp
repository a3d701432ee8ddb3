// One-at-a-time robustness of the headline findings (docs/robustness.md): exact thresholds
// where an engine's own numbers give them, else a grid over the input's range (smallest moves
// first) and bisection; red lines and conflict statements by discrete changes.
#include <algorithm>
#include <cmath>
#include <functional>
#include <map>

#include "accord/engines/bargain.hpp"
#include "accord/engines/evaluate.hpp"
#include "search.hpp"

namespace accord::robustness {
namespace {

// A verdict flips where the party's worst or best utility of the draft crosses its reservation.
// Both bounds are linear in the reservation, in a settled option's value and in a weight (the
// others rescaled), so each crossing solves a linear equation; every candidate is checked on
// both sides before it is reported.
std::vector<double> verdict_candidates(const Scenario& s, const std::optional<Package>& draft, const Input& in) {
  std::vector<double> c;
  if (!draft) return c;
  const evaluate::Result e = evaluate::run_package(s, *draft);
  const auto pr = std::find_if(e.parties.begin(), e.parties.end(), [&](const auto& x) { return x.party == in.party; });
  if (pr == e.parties.end()) return c;
  const double r = pr->reservation;
  const double bounds[] = {pr->utility.min, pr->utility.max};
  if (in.kind == InputKind::reservation) return {bounds[0], bounds[1]};
  const auto ir = std::find_if(pr->issues.begin(), pr->issues.end(), [&](const auto& x) { return x.issue == in.issue; });
  if (ir == pr->issues.end()) return c;
  const double w = s.preferences[in.party].issues[in.issue].weight;
  if (in.kind == InputKind::option_value && ir->settled && w > 0.0) {
    const Setting& x = *(*draft)[in.issue];
    if (x.option != in.option) return c;
    for (const double u : bounds) c.push_back(in.value + (r - u) / w);
  }
  if (in.kind == InputKind::weight && w > 0.0 && in.max > w) {
    // U(w') = w'·a + (T − w')/(T − w)·(U − c), with c = w·a the issue's part of the bound.
    const double contributions[] = {ir->settled ? ir->contribution : ir->min, ir->settled ? ir->contribution : ir->max};
    for (int k = 0; k < 2; ++k) {
      const double a = contributions[k] / w, rest = (bounds[k] - contributions[k]) / (in.max - w);
      if (std::abs(a - rest) > 1e-12) c.push_back((r - in.max * rest) / (a - rest));
    }
  }
  return c;
}

bool preference_input(const Input& in) {
  return in.kind == InputKind::reservation || in.kind == InputKind::weight || in.kind == InputKind::option_value ||
         in.kind == InputKind::red_line;
}

bool wanted(const Params& p, FindingKind k) {
  return p.findings.empty() || std::find(p.findings.begin(), p.findings.end(), k) != p.findings.end();
}

// The engines' inputs only: the record (versions, timeline) and provenance text are dropped,
// so a move copies little.
Scenario lean(const Scenario& s) {
  Scenario t = s;
  t.versions.clear();
  t.timeline.clear();
  t.description.clear();
  t.provenance = {};
  for (auto& p : t.preferences) {
    p.provenance = {};
    p.field_provenance.clear();
    for (auto& ip : p.issues) {
      ip.provenance = {};
      ip.field_provenance.clear();
    }
  }
  return t;
}

}  // namespace

const FindingResult* Result::find(std::string_view id) const {
  for (const auto& f : findings)
    if (f.id == id) return &f;
  return nullptr;
}

Result run(const Scenario& s, const Params& params) {
  Result r;
  r.version = params.version.valid() || s.versions.empty() ? params.version : VersionIndex(s.versions.size() - 1);
  if (r.version.valid() && r.version.get() >= s.versions.size()) {
    r.outcome = Outcome::failure(Status::invalid_input, "the scenario has no version number " +
                                                            std::to_string(r.version.get() + 1), "version");
    return r;
  }
  const std::vector<Input> all = inputs(s, params.estimates_only);
  r.bargaining_parties = bargain::default_bargaining_parties(s);
  const std::optional<Package> draft = draft_of(s, r.version);
  const Scenario base = lean(s);
  Scenario work = base;
  const Deadline& d = params.deadline;
  auto share = [&d](double f) { return d.limited() ? d.within(d.seconds_left() * f) : d; };

  std::map<FindingKind, std::vector<FindingResult>> by_kind;
  auto make = [&](FindingKind k, const Values& values) {
    if (!wanted(params, k)) return;
    for (const auto& [id, value] : values) {
      FindingResult f;
      f.kind = k;
      f.id = id;
      f.value = value;
      by_kind[k].push_back(std::move(f));
    }
  };
  auto attach = [&](Group& g, std::initializer_list<FindingKind> ks) {
    for (const FindingKind k : ks)
      for (auto& f : by_kind[k]) g.findings.push_back(&f);
  };
  auto party_of = [&s](const FindingResult& f) {  // "verdict.UA" -> UA
    return s.find_party(std::string_view(f.id).substr(f.id.find('.') + 1));
  };

  // Cheap groups first; the budget is shared out as each starts.
  std::vector<std::pair<Group, double>> groups;
  if (wanted(params, FindingKind::verdict)) {
    Group g;
    make(FindingKind::verdict, verdict_values(base, draft));
    g.eval = [draft](const Scenario& t) { return std::optional<Values>(verdict_values(t, draft)); };
    g.moves = [party_of](const FindingResult& f, const Input& in) {
      return preference_input(in) && in.party == party_of(f);
    };
    g.candidates = [&base, draft](const Input& in) { return verdict_candidates(base, draft, in); };
    attach(g, {FindingKind::verdict});
    groups.emplace_back(std::move(g), 0.1);
  }
  if (wanted(params, FindingKind::status_quo)) {
    Group g;
    make(FindingKind::status_quo, status_quo_values(base));
    g.eval = [](const Scenario& t) { return std::optional<Values>(status_quo_values(t)); };
    g.moves = [](const FindingResult&, const Input& in) { return in.kind == InputKind::statement; };
    attach(g, {FindingKind::status_quo});
    groups.emplace_back(std::move(g), 0.1);
  }
  if (wanted(params, FindingKind::zone) || wanted(params, FindingKind::closest)) {
    Group g;
    bargain::Params bp;
    bp.whole_space_frontier = false;
    bp.draft = draft;
    const bargain::Result b = bargain::run(base, bp);
    for (const auto& [id, value] : bargain_values(base, draft, 0).value_or(Values{}))
      make(id == "zone" ? FindingKind::zone : FindingKind::closest, {{id, value}});
    const std::uint64_t nodes = params.max_nodes_per_run;
    g.eval = [draft, nodes](const Scenario& t) { return bargain_values(t, draft, nodes); };
    const std::vector<PartyIndex> parties = b.parties;
    const std::vector<IssueIndex> blocked = b.blocked_issues;
    const bool no_zone = b.finding == bargain::Finding::no_zone;
    g.moves = [parties, blocked, no_zone](const FindingResult& f, const Input& in) {
      if (!preference_input(in) || std::find(parties.begin(), parties.end(), in.party) == parties.end()) return false;
      // The zone holds no package crossing a red line: while an issue has every option behind
      // one, only a red line on the one blocked issue can open it.
      if (f.kind == FindingKind::zone && no_zone && !blocked.empty())
        return in.kind == InputKind::red_line && blocked.size() == 1 && blocked.front() == in.issue;
      return true;
    };
    // The zone closes when a reservation passes the party's best utility inside the zone, and
    // opens at the best utility it can get among packages acceptable to the others (the zone's
    // ideal point with the reservation at 0).
    g.candidates = [&base, bp, b](const Input& in) {
      std::vector<double> c;
      if (in.kind != InputKind::reservation) return c;
      const auto at = std::find(b.parties.begin(), b.parties.end(), in.party);
      if (at == b.parties.end()) return c;
      const auto k = static_cast<std::size_t>(at - b.parties.begin());
      if (b.finding == bargain::Finding::zone_exists && k < b.solutions.ideal.size()) return std::vector<double>{b.solutions.ideal[k]};
      if (!b.blocked_issues.empty()) return c;
      const bargain::Result open = bargain::run(with_input(base, in, 0.0), bp);
      if (open.finding == bargain::Finding::zone_exists && k < open.solutions.ideal.size()) c.push_back(open.solutions.ideal[k]);
      return c;
    };
    if (no_zone && !blocked.empty())
      for (auto& f : by_kind[FindingKind::zone]) {
        std::string ids;
        for (const IssueIndex i : blocked) ids += (ids.empty() ? "" : ", ") + s.issues[i].id;
        f.note = "every option of " + ids + " crosses a red line of a bargaining party, and a zone holds no package "
                 "that crosses one" + (blocked.size() > 1 ? ": no single change opens it" : "");
      }
    attach(g, {FindingKind::zone, FindingKind::closest});
    groups.emplace_back(std::move(g), 0.6);
  }
  // The forecast of a large problem (SMP is n^3 per turn) may not finish within the whole
  // budget: then there is no finding to test, and it says so.
  const forecast::Analysis forecast_base = wanted(params, FindingKind::forecast)
                                               ? forecast::analyse(base, forecast_params(d))
                                               : forecast::Analysis{};
  if (wanted(params, FindingKind::forecast) && stopped_by_time(forecast_base)) {
    FindingResult f;
    f.kind = FindingKind::forecast;
    f.id = "forecast";
    f.value = "not_computed";
    f.termination = {Stop::time_limit, "the forecast itself did not finish within the time budget"};
    by_kind[FindingKind::forecast].push_back(std::move(f));
  } else if (wanted(params, FindingKind::forecast)) {
    Group g;
    const forecast::Analysis& a = forecast_base;
    const Values values = forecast_values(a);
    make(FindingKind::forecast, values);
    // The forecast is a function of its problem: a move that leaves the problem as it was
    // (an option value that does not change a party's best option) costs no run. A run cut by
    // the deadline gives no values (counted as unfinished).
    g.eval = [problem = a.problem, values, &d](const Scenario& t) {
      if (forecast::from_scenario(t).problem == problem) return std::optional<Values>(values);
      const forecast::Analysis moved = forecast::analyse(t, forecast_params(d));
      if (stopped_by_time(moved)) return std::optional<Values>();
      return std::optional<Values>(forecast_values(moved));
    };
    g.moves = [](const FindingResult&, const Input& in) {
      return in.kind == InputKind::capability || in.kind == InputKind::weight || in.kind == InputKind::option_value;
    };
    attach(g, {FindingKind::forecast});
    groups.emplace_back(std::move(g), 1.0);
  }
  for (auto& [g, fraction] : groups)
    if (!g.findings.empty()) run_group(params, g, all, work, base, share(fraction), r);
  if (wanted(params, FindingKind::readiness) && r.version.valid())
    by_kind[FindingKind::readiness].push_back(readiness_finding(s, r.version, params, r));

  std::string partial;
  Stop first = Stop::finished;
  for (const FindingKind k : kAllFindingKinds)
    for (auto& f : by_kind[k]) {
      if (!f.termination.finished()) {
        if (first == Stop::finished) first = f.termination.stop;
        partial += (partial.empty() ? "" : "; ") + f.id + ": " + f.termination.detail;
      }
      r.findings.push_back(std::move(f));
    }
  r.outcome = Outcome::success(first == Stop::finished ? Termination::done() : Termination{first, partial});
  return r;
}

}  // namespace accord::robustness
