// The readiness finding (docs/robustness.md "Readiness"): whether the latest text is near-final,
// and the smallest set of inferred stances whose change flips it. Exact, from the readiness rule
// itself (evaluate's `assess`), then checked by recomputing with the whole set changed (it must
// flip) and with one stance fewer (it must hold).
#include <algorithm>

#include "accord/engines/evaluate.hpp"
#include "internal.hpp"

namespace accord::robustness {
namespace {

constexpr const char* kNearFinal = "near_final";
constexpr const char* kNotNearFinal = "not_near_final";

evaluate::Params eval_params(std::size_t max_open_points, double max_open_salience) {
  evaluate::Params p;
  p.max_open_points = max_open_points;
  p.max_open_salience = max_open_salience;
  return p;
}

std::string value_of(const evaluate::Result& e) { return e.readiness.near_final ? kNearFinal : kNotNearFinal; }

const Input* movable(const std::vector<Input>& ins, PartyIndex p, PointIndex k) {
  for (const Input& in : ins)
    if (in.party == p && in.point == k) return &in;
  return nullptr;
}

// "RU has no recorded stance on P20_01" | "RU's reported reject of P20_04".
std::string fixed_stance(const Scenario& s, const Version& v, PartyIndex p, PointIndex k) {
  const StanceKind kind = v.stances[p][k].kind;
  if (kind == StanceKind::unknown) return s.parties[p].id + " has no recorded stance on " + v.points[k].id;
  return s.parties[p].id + "'s reported " + std::string(to_string(kind)) + " of " + v.points[k].id;
}

// Not near-final -> near-final: every salient open point, and all but max_open_points of the
// others, must become accepted by every signatory, so each such point needs all its non-accept
// signatory stances movable and changed to accept. The cost of a point is independent of the
// others, so salient points first and then the cheapest others give the smallest set. Empty
// when no set does it (`why` says what stands in the way).
std::vector<Input> to_near_final(const Scenario& s, const Version& v, const evaluate::Result& e,
                                 const std::vector<Input>& ins, std::size_t max_open_points,
                                 double max_open_salience, std::string& why) {
  const std::vector<PartyIndex> sigs = evaluate::signatories(s);
  struct Open {
    std::vector<Input> stances;  // the changes that free it
    std::string fixed;           // the first stance that cannot move, when one cannot
    bool salient = false;
  };
  std::vector<Open> open;
  for (const evaluate::PointResult& pr : e.points) {
    if (pr.stated == evaluate::Consensus::accepted) continue;
    Open o;
    o.salient = pr.max_salience >= max_open_salience;
    if (sigs.empty()) o.fixed = "no signatory";
    for (const PartyIndex p : sigs) {
      if (v.stances[p][pr.point].kind == StanceKind::accept) continue;
      if (const Input* in = movable(ins, p, pr.point)) {
        o.stances.push_back(*in);
      } else {
        o.fixed = fixed_stance(s, v, p, pr.point);
        break;
      }
    }
    open.push_back(std::move(o));
  }
  std::vector<Input> out;
  std::vector<const Open*> others;
  for (const Open& o : open) {
    if (!o.salient) {
      others.push_back(&o);
      continue;
    }
    if (!o.fixed.empty()) {
      why = o.fixed + ", a point that matters too much to a signatory to stay open";
      return {};
    }
    out.insert(out.end(), o.stances.begin(), o.stances.end());
  }
  if (others.size() <= max_open_points) return out;
  std::stable_sort(others.begin(), others.end(), [](const Open* a, const Open* b) {
    if (a->fixed.empty() != b->fixed.empty()) return a->fixed.empty();
    return a->stances.size() < b->stances.size();
  });
  const std::size_t fixed = static_cast<std::size_t>(
      std::count_if(others.begin(), others.end(), [](const Open* o) { return !o->fixed.empty(); }));
  if (fixed > max_open_points) {
    why = std::to_string(fixed) + " open points rest on a stance that is reported or missing, not inferred (" +
          others[others.size() - fixed]->fixed + ", …), and at most " + std::to_string(max_open_points) +
          " may stay open";
    return {};
  }
  for (std::size_t k = 0; k + max_open_points < others.size(); ++k)
    out.insert(out.end(), others[k]->stances.begin(), others[k]->stances.end());
  return out;
}

// Near-final -> not: one inferred accept on a point every signatory accepts, when one more open
// point is too many or the point is salient. The first such stance in party, point order.
std::vector<Input> from_near_final(const Version& v, const evaluate::Result& e, const std::vector<Input>& ins,
                                   std::size_t max_open_points, double max_open_salience) {
  for (const Input& in : ins) {
    if (v.stances[in.party][in.point].kind != StanceKind::accept) continue;
    const auto pr = std::find_if(e.points.begin(), e.points.end(), [&](const auto& x) { return x.point == in.point; });
    if (pr == e.points.end() || pr->stated != evaluate::Consensus::accepted) continue;
    if (e.readiness.open_points.size() + 1 > max_open_points || pr->max_salience >= max_open_salience) return {in};
  }
  return {};
}

Scenario moved(const Scenario& s, const std::vector<Input>& ins, std::size_t count, double value) {
  Scenario t = s;
  for (std::size_t k = 0; k < count && k < ins.size(); ++k) apply_input(t, ins[k], value, Toggle::not_set);
  return t;
}

}  // namespace

std::vector<Input> stance_inputs(const Scenario& s, VersionIndex v, bool estimates_only) {
  std::vector<Input> out;
  if (!v.valid() || v.get() >= s.versions.size()) return out;
  const Version& ver = s.versions[v];
  for (const PartyIndex p : evaluate::signatories(s)) {
    if (p.get() >= ver.stances.size()) continue;
    for (const PointIndex k : ver.points.indices()) {
      const Stance& st = ver.stances[p][k];
      if (estimates_only && !st.provenance.estimate) continue;
      Input in;
      in.kind = InputKind::stance;
      in.path = "versions." + ver.id + ".stances." + s.parties[p].id + "." + ver.points[k].id;
      in.party = p;
      in.version = v;
      in.point = k;
      in.value = st.kind == StanceKind::accept ? 1.0 : 0.0;
      in.estimate = st.provenance.estimate;
      out.push_back(std::move(in));
    }
  }
  return out;
}

Values readiness_values(const Scenario& s, VersionIndex v, std::size_t max_open_points, double max_open_salience) {
  if (!v.valid() || v.get() >= s.versions.size()) return {};
  const evaluate::Result e = evaluate::run_version(s, v, eval_params(max_open_points, max_open_salience));
  if (!e.outcome.ok()) return {};
  return {{"readiness", value_of(e)}};
}

std::string readiness_of(const Scenario& s, VersionIndex version, std::size_t max_open_points,
                         double max_open_salience) {
  const VersionIndex v = version.valid() || s.versions.empty() ? version : VersionIndex(s.versions.size() - 1);
  const Values vs = readiness_values(s, v, max_open_points, max_open_salience);
  return vs.empty() ? std::string() : vs.front().second;
}

FindingResult readiness_finding(const Scenario& s, VersionIndex v, const Params& params, Result& r) {
  FindingResult f;
  f.kind = FindingKind::readiness;
  f.id = "readiness";
  const std::size_t k_open = params.max_open_points;
  const double salience = params.max_open_salience;
  const evaluate::Result e = evaluate::run_version(s, v, eval_params(k_open, salience));
  f.value = value_of(e);
  f.termination = Termination::done();
  const std::vector<Input> ins = stance_inputs(s, v, params.estimates_only);
  f.inputs_total = f.inputs_checked = ins.size();
  std::string why;
  const Version& ver = s.versions[v];
  const bool near = e.readiness.near_final;
  const std::vector<Input> set = near ? from_near_final(ver, e, ins, k_open, salience)
                                      : to_near_final(s, ver, e, ins, k_open, salience, why);
  if (set.empty()) {
    if (!near && !why.empty()) f.note = "no change of inferred stances alone makes it near-final: " + why;
    return f;
  }
  // Checked on both sides: the whole set flips it, one stance fewer does not.
  const double to = near ? 0.0 : 1.0;
  const Values past = readiness_values(moved(s, set, set.size(), to), v, k_open, salience);
  const Values short_of = readiness_values(moved(s, set, set.size() - 1, to), v, k_open, salience);
  r.evaluations += 2;
  const std::string after = past.empty() ? f.value : past.front().second;
  const std::string before = short_of.empty() ? std::string() : short_of.front().second;
  if (after == f.value || before != f.value) {
    f.note = "the computed set of stances did not flip it when checked";
    return f;
  }
  Flip fl;
  fl.input = set.front();
  fl.with.assign(set.begin() + 1, set.end());
  fl.method = Method::exact;
  fl.threshold = static_cast<double>(set.size());
  fl.holds_at = fl.threshold - 1.0;
  fl.flips_at = fl.threshold;
  fl.move = fl.threshold;
  fl.relative = 1.0;
  fl.after = after;
  fl.change = f.value + " → " + after;
  f.flips.push_back(std::move(fl));
  return f;
}

}  // namespace accord::robustness
