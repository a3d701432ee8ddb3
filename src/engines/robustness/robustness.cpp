// One-at-a-time robustness of the headline findings (docs/robustness.md): exact thresholds
// where an engine's own numbers give them, else a grid over the input's range (smallest moves
// first) and bisection; red lines and conflict statements by discrete changes.
#include <algorithm>
#include <cmath>
#include <functional>
#include <map>

#include "accord/engines/bargain.hpp"
#include "accord/engines/evaluate.hpp"
#include "internal.hpp"

namespace accord::robustness {
namespace {

// Past the boundary of an exact threshold by more than the engines' tie tolerance.
constexpr double kPast = 1e-7;

const std::string* lookup(const Values& vs, const std::string& id) {
  for (const auto& [k, v] : vs)
    if (k == id) return &v;
  return nullptr;
}

// What changes between two closest-deal packages ("issue: A → B; …"); other findings: "A → B".
std::string describe_change(FindingKind kind, const std::string& from, const std::string& to) {
  if (kind != FindingKind::closest) return from + " → " + to;
  auto split = [](const std::string& text) {
    std::map<std::string, std::string> m;
    for (std::size_t at = 0; at < text.size();) {
      std::size_t end = text.find("; ", at);
      if (end == std::string::npos) end = text.size();
      const std::string part = text.substr(at, end - at);
      if (const std::size_t eq = part.find('='); eq != std::string::npos) m[part.substr(0, eq)] = part.substr(eq + 1);
      at = end + 2;
    }
    return m;
  };
  const auto a = split(from), b = split(to);
  std::string out;
  for (const auto& [issue, x] : b) {
    const auto it = a.find(issue);
    const std::string was = it == a.end() ? "open" : it->second;
    if (was != x) out += (out.empty() ? "" : "; ") + issue + ": " + was + " → " + x;
  }
  for (const auto& [issue, x] : a)
    if (!b.count(issue)) out += (out.empty() ? "" : "; ") + issue + ": " + x + " → open";
  return out;
}

struct Group {
  std::vector<FindingResult*> findings;
  std::function<std::optional<Values>(const Scenario&)> eval;
  // Whether `in` can move finding `f` at all (inputs it cannot are not swept for it).
  std::function<bool(const FindingResult& f, const Input& in)> moves;
  // Thresholds the engine's own numbers give for `in` (checked before they are reported).
  std::function<std::vector<double>(const Input&)> candidates;
};

bool continuous(const Input& in) { return in.kind != InputKind::red_line && in.kind != InputKind::statement; }

class Search {
 public:
  Search(const Params& params, Group& g, Scenario& work, const Scenario& base, const Deadline& deadline, Result& r)
      : params_(params), g_(g), work_(work), base_(base), deadline_(deadline), r_(r) {}

  // Every input in `ins`; false when the deadline stopped it (detail_ says where).
  bool run(const std::vector<const Input*>& ins);
  std::string detail_;
  Stop stop_ = Stop::finished;
  std::size_t done_inputs_ = 0;

 private:
  const Params& params_;
  Group& g_;
  Scenario& work_;
  const Scenario& base_;
  const Deadline& deadline_;
  Result& r_;
  std::vector<bool> complete_;  // smallest_only: the finding's smallest flip is known

  struct Side {
    double prev = 0.0;  // the farthest value evaluated at which every pending finding holds
    bool live = true;
    std::vector<bool> pending;  // per group finding: still to look for a flip on this side
  };

  std::optional<Values> at(const Input& in, double x, Toggle t = Toggle::not_set) {
    ++r_.evaluations;
    ++evaluations_;
    apply_input(work_, in, x, t);
    std::optional<Values> v = g_.eval(work_);
    restore(in);
    if (!v) ++r_.unfinished;
    return v;
  }
  void restore(const Input& in) {
    if (in.kind == InputKind::statement) work_.conflict->decision_makers[in.decision_maker.get()] =
        base_.conflict->decision_makers[in.decision_maker.get()];
    else if (in.kind == InputKind::capability) work_.parties[in.party].capability = base_.parties[in.party].capability;
    else work_.preferences[in.party] = base_.preferences[in.party];
  }
  static bool flipped(const std::string& base, const std::string* now) { return now && *now != base; }
  std::size_t evaluations_ = 0;
  std::size_t inputs_ = 0;      // inputs of this group
  double level_done_ = 0.0;     // every input tried up to moves of this fraction of its range
  std::string where_;           // where the search was when it stopped
  bool stopped() {
    if (params_.max_evaluations > 0 && evaluations_ >= params_.max_evaluations) {
      stop_ = Stop::node_limit;
      detail_ = "the budget of " + std::to_string(params_.max_evaluations) + " engine runs was used up; " + progress();
      return true;
    }
    if (!deadline_.expired()) return false;
    stop_ = Stop::time_limit;
    detail_ = progress();
    return true;
  }
  static std::string fraction(double f) {
    const double k = 1.0 / f;
    return std::abs(k - std::round(k)) < 1e-9 ? "1/" + std::to_string(static_cast<long long>(std::round(k)))
                                              : std::to_string(f);
  }
  std::string progress() const {
    std::string out = level_done_ > 0.0 ? "every input tried up to moves of " + fraction(level_done_) + " of its range"
                                        : "the smallest moves not yet tried on every input";
    return out + (where_.empty() ? "" : "; stopped " + where_) + "; " + std::to_string(done_inputs_) + " of " +
           std::to_string(inputs_) + " inputs fully checked";
  }

  void record(FindingResult& f, const Input& in, Method m, Toggle t, double threshold, double holds_at,
              double flips_at, const std::string& after) {
    Flip fl;
    fl.input = in;
    fl.method = m;
    fl.toggle = t;
    fl.threshold = threshold;
    fl.holds_at = holds_at;
    fl.flips_at = flips_at;
    fl.move = m == Method::toggle ? 1.0 : std::abs(threshold - in.value);
    const double width = in.max - in.min;
    fl.relative = m == Method::toggle ? 1.0 : width > 0.0 ? fl.move / width : 0.0;
    fl.after = after;
    fl.change = describe_change(f.kind, f.value, after);
    f.flips.push_back(std::move(fl));
  }

  // A candidate t is exact when the finding holds on one side of it and is flipped on the other
  // (the boundary itself may belong to either side: ties count as acceptable).
  bool exact(const Input& in, std::array<Side, 2>& sides) {
    std::vector<double> cands = g_.candidates ? g_.candidates(in) : std::vector<double>{};
    std::sort(cands.begin(), cands.end(),  // nearest first: monotone findings flip there first
              [&in](double a, double b) { return std::abs(a - in.value) < std::abs(b - in.value); });
    for (const double t : cands) {
      const int s = t >= in.value ? 1 : 0;
      const double dir = s ? 1.0 : -1.0;
      const double before = t - dir * kPast, past = t + dir * kPast;
      if (!(t >= in.min && t <= in.max) || past < in.min || past > in.max) continue;
      if (stopped()) return false;
      const auto v_before = at(in, before), v_at = at(in, t), v_past = at(in, past);
      if (!v_before || !v_at || !v_past) continue;
      for (std::size_t k = 0; k < g_.findings.size(); ++k) {
        if (!sides[s].pending[k]) continue;
        FindingResult& f = *g_.findings[k];
        const std::string *b = lookup(*v_before, f.id), *h = lookup(*v_at, f.id), *a = lookup(*v_past, f.id);
        if (b && *b == f.value && flipped(f.value, h)) record(f, in, Method::exact, Toggle::not_set, t, before, t, *h);
        else if (h && *h == f.value && flipped(f.value, a)) record(f, in, Method::exact, Toggle::not_set, t, t, past, *a);
        else continue;
        sides[s].pending[k] = false;
      }
    }
    return true;
  }

  // The bracket [holds, flips] narrowed to the tolerance; a run that does not finish ends it.
  bool bisect(const Input& in, FindingResult& f, double holds, double flips, std::string after) {
    const double tol = std::max(params_.tolerance, 1e-12);
    while (std::abs(flips - holds) > tol) {
      if (stopped()) return false;
      const double mid = 0.5 * (holds + flips);
      const auto v = at(in, mid);
      if (!v) break;
      const std::string* now = lookup(*v, f.id);
      if (flipped(f.value, now)) {
        flips = mid;
        after = *now;
      } else if (now) {
        holds = mid;
      } else {
        break;
      }
    }
    record(f, in, Method::sweep, Toggle::not_set, flips, holds, flips, after);
    return true;
  }

  // One grid step on one side: evaluate, bisect each finding that flipped.
  bool step(const Input& in, Side& side, double x) {
    bool any = false;
    for (std::size_t k = 0; k < g_.findings.size(); ++k) any = any || (side.pending[k] && !complete_[k]);
    if (!any) {
      side.live = false;
      return true;
    }
    if (stopped()) return false;
    const auto v = at(in, x);
    if (!v) return true;  // not known there: the next grid point is tried
    for (std::size_t k = 0; k < g_.findings.size(); ++k) {
      if (!side.pending[k] || complete_[k]) continue;
      FindingResult& f = *g_.findings[k];
      const std::string* now = lookup(*v, f.id);
      if (!flipped(f.value, now)) continue;
      if (!bisect(in, f, side.prev, x, *now)) return false;
      side.pending[k] = false;
    }
    side.prev = x;
    return true;
  }

  bool toggles(const Input& in) {
    const std::vector<Toggle> ts = in.kind == InputKind::statement
                                       ? std::vector<Toggle>{Toggle::remove, Toggle::move_up, Toggle::move_down}
                                       : std::vector<Toggle>{Toggle::not_set};
    for (const Toggle t : ts) {
      if (in.kind == InputKind::statement && !legal(in, t)) continue;
      bool any = false;
      for (std::size_t k = 0; k < g_.findings.size(); ++k) any = any || (!complete_[k] && g_.moves(*g_.findings[k], in));
      if (!any) return true;
      if (stopped()) return false;
      const auto v = at(in, 0.0, t);
      if (!v) continue;
      for (std::size_t k = 0; k < g_.findings.size(); ++k) {
        FindingResult& f = *g_.findings[k];
        if (complete_[k] || !g_.moves(f, in)) continue;
        if (const std::string* now = lookup(*v, f.id); flipped(f.value, now))
          record(f, in, Method::toggle, t, 0.0, in.value, 0.0, *now);
      }
    }
    return true;
  }
  bool legal(const Input& in, Toggle t) const {
    const auto& st = base_.conflict->decision_makers[in.decision_maker.get()].statements;
    return t == Toggle::remove || (t == Toggle::move_up && in.index > 0) ||
           (t == Toggle::move_down && in.index + 1 < st.size());
  }
};

bool Search::run(const std::vector<const Input*>& ins) {
  const std::size_t nf = g_.findings.size();
  inputs_ = ins.size();
  where_ = "at the exact thresholds";
  complete_.assign(nf, false);
  std::vector<std::array<Side, 2>> sides(ins.size());
  for (std::size_t j = 0; j < ins.size(); ++j)
    for (int s = 0; s < 2; ++s) {
      Side& side = sides[j][s];
      side.prev = ins[j]->value;
      side.live = continuous(*ins[j]) && (s ? ins[j]->max : ins[j]->min) != ins[j]->value;
      side.pending.assign(nf, false);
      for (std::size_t k = 0; k < nf; ++k) side.pending[k] = g_.moves(*g_.findings[k], *ins[j]);
    }
  for (std::size_t j = 0; j < ins.size(); ++j)
    if (continuous(*ins[j]) && !exact(*ins[j], sides[j])) return false;
  // Grid levels, smallest move first, every input at each level before the next.
  for (const double level : params_.grid) {
    for (std::size_t j = 0; j < ins.size(); ++j) {
      const Input& in = *ins[j];
      where_ = "at input " + std::to_string(j + 1) + " of " + std::to_string(ins.size()) + " for moves of " + fraction(level);
      for (int s = 0; s < 2; ++s) {
        Side& side = sides[j][s];
        if (!side.live) continue;
        const double end = s ? in.max : in.min;
        const double x = s ? std::min(end, in.value + level * (in.max - in.min))
                           : std::max(end, in.value - level * (in.max - in.min));
        if (!step(in, side, x)) return false;
        if (x == end) side.live = false;
      }
    }
    level_done_ = level;
    if (!params_.smallest_only) continue;
    for (std::size_t k = 0; k < nf; ++k)
      for (const Flip& fl : g_.findings[k]->flips) complete_[k] = complete_[k] || fl.relative <= level + 1e-12;
    if (std::all_of(complete_.begin(), complete_.end(), [](bool c) { return c; })) break;
  }
  for (std::size_t j = 0; j < ins.size(); ++j) {
    where_ = "at the discrete changes, input " + std::to_string(j + 1) + " of " + std::to_string(ins.size());
    if (!continuous(*ins[j]) && !toggles(*ins[j])) return false;
    ++done_inputs_;
  }
  where_.clear();
  return true;
}

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
  const double w = s.preferences[in.party].issues[in.issue.get()].weight;
  if (in.kind == InputKind::option_value && ir->settled && w > 0.0) {
    const Setting& x = *(*draft)[in.issue.get()];
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

void sort_flips(FindingResult& f) {
  std::stable_sort(f.flips.begin(), f.flips.end(), [](const Flip& a, const Flip& b) {
    if (a.relative != b.relative) return a.relative < b.relative;
    if (a.move != b.move) return a.move < b.move;
    return a.input.path < b.input.path;
  });
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

void run_group(const Params& params, Group& g, const std::vector<Input>& all, Scenario& work,
               const Scenario& base, const Deadline& deadline, Result& r) {
  std::vector<const Input*> mine;
  for (const Input& in : all) {
    bool any = false;
    for (FindingResult* f : g.findings) {
      const bool m = g.moves(*f, in);
      f->inputs_total += m ? 1 : 0;
      any = any || m;
    }
    if (any) mine.push_back(&in);
  }
  Search search(params, g, work, base, deadline, r);
  const bool finished = search.run(mine);
  for (FindingResult* f : g.findings) {
    sort_flips(*f);
    f->inputs_checked = finished ? f->inputs_total : std::min(f->inputs_total, search.done_inputs_);
    const bool known = params.smallest_only && !f->flips.empty();
    f->termination = finished || known ? Termination::done() : Termination{search.stop_, search.detail_};
  }
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
        for (const IssueIndex i : blocked) ids += (ids.empty() ? "" : ", ") + s.issues[i.get()].id;
        f.note = "every option of " + ids + " crosses a red line of a bargaining party, and a zone holds no package "
                 "that crosses one" + (blocked.size() > 1 ? ": no single change opens it" : "");
      }
    attach(g, {FindingKind::zone, FindingKind::closest});
    groups.emplace_back(std::move(g), 0.6);
  }
  if (wanted(params, FindingKind::forecast)) {
    Group g;
    const forecast::Analysis a = forecast::analyse(base, forecast_params());
    const Values values = forecast_values(a);
    make(FindingKind::forecast, values);
    // The forecast is a function of its problem: a move that leaves the problem as it was
    // (an option value that does not change a party's best option) costs no run.
    g.eval = [problem = a.problem, values](const Scenario& t) {
      if (forecast::from_scenario(t).problem == problem) return std::optional<Values>(values);
      return std::optional<Values>(forecast_values(forecast::analyse(t, forecast_params())));
    };
    g.moves = [](const FindingResult&, const Input& in) {
      return in.kind == InputKind::capability || in.kind == InputKind::weight || in.kind == InputKind::option_value;
    };
    attach(g, {FindingKind::forecast});
    groups.emplace_back(std::move(g), 1.0);
  }
  for (auto& [g, fraction] : groups)
    if (!g.findings.empty()) run_group(params, g, all, work, base, share(fraction), r);

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
