// The one-at-a-time search of the robustness engine (docs/robustness.md "Method"): exact
// candidates checked on both sides, a grid of growing moves with bisection, discrete changes.
#include <algorithm>
#include <array>
#include <cmath>
#include <map>

#include "search.hpp"

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
    if (in.kind == InputKind::statement) work_.conflict->decision_makers[in.decision_maker] =
        base_.conflict->decision_makers[in.decision_maker];
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
    const auto& st = base_.conflict->decision_makers[in.decision_maker].statements;
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

void sort_flips(FindingResult& f) {
  std::stable_sort(f.flips.begin(), f.flips.end(), [](const Flip& a, const Flip& b) {
    if (a.relative != b.relative) return a.relative < b.relative;
    if (a.move != b.move) return a.move < b.move;
    return a.input.path < b.input.path;
  });
}

}  // namespace

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


}  // namespace accord::robustness
