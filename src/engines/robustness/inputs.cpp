// The inputs the robustness engine moves, and the scenario with one of them moved.
#include <algorithm>
#include <cmath>

#include "internal.hpp"

namespace accord::robustness {
namespace {

bool marked(const FieldProvenance& fields, const std::string& key) {
  const auto it = fields.find(key);
  return it != fields.end() && it->second.estimate;
}

std::string prefix(const Scenario& s, PartyIndex p, IssueIndex i) {
  return "preferences." + s.parties[p].id + ".issues." + s.issues[i].id;
}

void party_inputs(const Scenario& s, PartyIndex p, std::vector<Input>& out) {
  const Party& party = s.parties[p];
  const Preferences& prefs = s.preferences[p];
  const bool all = prefs.provenance.estimate;
  Input r;
  r.kind = InputKind::reservation;
  r.path = "preferences." + party.id + ".reservation";
  r.party = p;
  r.value = prefs.reservation;
  r.estimate = all || marked(prefs.field_provenance, "reservation");
  out.push_back(r);
  double total = 0.0;
  for (const auto& ip : prefs.issues) total += ip.present ? ip.weight : 0.0;
  for (std::size_t i = 0; i < prefs.issues.size() && i < s.issues.size(); ++i) {
    const IssueIndex ii(i);
    const IssuePreference& ip = prefs.issues[ii];
    if (!ip.present) continue;
    const Issue& issue = s.issues[ii];
    const bool block = all || ip.provenance.estimate;
    Input w;
    w.kind = InputKind::weight;
    w.path = prefix(s, p, ii) + ".weight";
    w.party = p;
    w.issue = ii;
    w.value = ip.weight;
    w.max = std::max(total, ip.weight);
    w.estimate = block || marked(ip.field_provenance, "weight");
    out.push_back(w);
    if (issue.kind == IssueKind::discrete) {
      for (std::size_t k = 0; k < ip.option_values.size() && k < issue.options.size(); ++k) {
        const OptionIndex o(k);
        if (!ip.option_values[o]) continue;
        Input v;
        v.kind = InputKind::option_value;
        v.path = prefix(s, p, ii) + ".values." + issue.options[o].id;
        v.party = p;
        v.issue = ii;
        v.option = o;
        v.value = *ip.option_values[o];
        v.estimate = block || marked(ip.field_provenance, "values") ||
                     marked(ip.field_provenance, "values." + issue.options[o].id);
        out.push_back(v);
      }
    }
    const bool red_estimate = block || marked(ip.field_provenance, "red_lines");
    for (const OptionIndex o : ip.red_line_options) {
      Input rl;
      rl.kind = InputKind::red_line;
      rl.path = prefix(s, p, ii) + ".red_lines." + issue.options[o].id;
      rl.party = p;
      rl.issue = ii;
      rl.option = o;
      rl.value = 1.0;
      rl.estimate = red_estimate;
      out.push_back(rl);
    }
    for (std::size_t k = 0; k < ip.red_line_ranges.size(); ++k) {
      Input rl;
      rl.kind = InputKind::red_line;
      rl.path = prefix(s, p, ii) + ".red_lines[" + std::to_string(k) + "]";
      rl.party = p;
      rl.issue = ii;
      rl.index = k;
      rl.value = 1.0;
      rl.estimate = red_estimate;
      out.push_back(rl);
    }
  }
  Input c;
  c.kind = InputKind::capability;
  c.path = "parties." + party.id + ".capability";
  c.party = p;
  c.value = party.capability;
  c.max = 2.0 * party.capability;
  c.estimate = party.provenance.estimate || marked(party.field_provenance, "capability");
  if (c.value > 0.0) out.push_back(c);
}

void statement_inputs(const Conflict& c, std::vector<Input>& out) {
  for (const DecisionMakerIndex d : c.decision_makers.indices()) {
    const DecisionMaker& dm = c.decision_makers[d];
    if (dm.preference_kind != PreferenceKind::prioritisation) continue;
    for (std::size_t k = 0; k < dm.statements.size(); ++k) {
      Input in;
      in.kind = InputKind::statement;
      in.path = "conflict.decision_makers." + dm.id + ".preferences[" + std::to_string(k) + "]";
      in.decision_maker = d;
      in.index = k;
      in.value = 1.0;
      in.estimate = dm.provenance.estimate || dm.statements[k].provenance.estimate;
      out.push_back(in);
    }
  }
}

// A weight set to `value`, the party's other weights rescaled so their total stays (the model
// uses weights as given: docs/robustness.md "Weights").
void set_weight(Preferences& prefs, IssueIndex i, double value) {
  double total = 0.0;
  for (const auto& ip : prefs.issues) total += ip.present ? ip.weight : 0.0;
  const double rest = total - prefs.issues[i].weight;
  const double scale = rest > 0.0 ? std::max(0.0, total - value) / rest : 0.0;
  for (const IssueIndex j : prefs.issues.indices())
    if (j != i && prefs.issues[j].present) prefs.issues[j].weight *= scale;
  prefs.issues[i].weight = value;
}

void apply_statement(DecisionMaker& dm, std::size_t k, Toggle t) {
  auto& st = dm.statements;
  if (k >= st.size()) return;
  if (t == Toggle::remove) st.erase(st.begin() + static_cast<std::ptrdiff_t>(k));
  else if (t == Toggle::move_up && k > 0) std::swap(st[k], st[k - 1]);
  else if (t == Toggle::move_down && k + 1 < st.size()) std::swap(st[k], st[k + 1]);
}

}  // namespace

std::vector<Input> inputs(const Scenario& s, bool estimates_only) {
  std::vector<Input> out;
  for (const PartyIndex p : s.parties.indices())
    if (s.preferences.contains(p) && s.preferences[p].present) party_inputs(s, p, out);
  if (s.conflict) statement_inputs(*s.conflict, out);
  if (estimates_only) std::erase_if(out, [](const Input& in) { return !in.estimate; });
  return out;
}

void apply_input(Scenario& t, const Input& in, double value, Toggle toggle) {
  if (in.kind == InputKind::statement) {
    if (t.conflict) apply_statement(t.conflict->decision_makers[in.decision_maker], in.index, toggle);
    return;
  }
  if (in.kind == InputKind::capability) {
    t.parties[in.party].capability = value;
    return;
  }
  if (in.kind == InputKind::stance) {
    if (in.version.valid() && in.version.get() < t.versions.size())
      t.versions[in.version].stances[in.party][in.point].kind = value >= 0.5 ? StanceKind::accept : StanceKind::reject;
    return;
  }
  Preferences& prefs = t.preferences[in.party];
  switch (in.kind) {
    case InputKind::reservation: prefs.reservation = value; break;
    case InputKind::weight: set_weight(prefs, in.issue, value); break;
    case InputKind::option_value: prefs.issues[in.issue].option_values[in.option] = value; break;
    case InputKind::red_line: {
      if (value >= 0.5) break;
      IssuePreference& ip = prefs.issues[in.issue];
      if (in.option.valid()) std::erase(ip.red_line_options, in.option);
      else if (in.index < ip.red_line_ranges.size())
        ip.red_line_ranges.erase(ip.red_line_ranges.begin() + static_cast<std::ptrdiff_t>(in.index));
      break;
    }
    default: break;
  }
}

Scenario with_input(const Scenario& s, const Input& in, double value, Toggle toggle) {
  Scenario t = s;
  apply_input(t, in, value, toggle);
  return t;
}

std::string_view to_string(FindingKind k) {
  switch (k) {
    case FindingKind::zone: return "zone";
    case FindingKind::closest: return "closest";
    case FindingKind::verdict: return "verdicts";
    case FindingKind::status_quo: return "status_quo";
    case FindingKind::forecast: return "forecast";
    case FindingKind::readiness: return "readiness";
    case FindingKind::not_set: break;
  }
  return "not_set";
}
std::optional<FindingKind> parse_finding_kind(std::string_view text) {
  for (const FindingKind k : kAllFindingKinds)
    if (to_string(k) == text) return k;
  return std::nullopt;
}

std::string_view to_string(InputKind k) {
  switch (k) {
    case InputKind::reservation: return "reservation";
    case InputKind::weight: return "weight";
    case InputKind::option_value: return "option_value";
    case InputKind::red_line: return "red_line";
    case InputKind::capability: return "capability";
    case InputKind::statement: return "statement";
    case InputKind::stance: return "stance";
    case InputKind::not_set: break;
  }
  return "not_set";
}
std::optional<InputKind> parse_input_kind(std::string_view text) {
  for (const InputKind k : {InputKind::reservation, InputKind::weight, InputKind::option_value, InputKind::red_line,
                            InputKind::capability, InputKind::statement, InputKind::stance})
    if (to_string(k) == text) return k;
  return std::nullopt;
}

std::string_view to_string(Method m) {
  switch (m) {
    case Method::exact: return "exact";
    case Method::sweep: return "sweep";
    case Method::toggle: return "toggle";
    case Method::not_set: break;
  }
  return "not_set";
}
std::optional<Method> parse_method(std::string_view text) {
  for (const Method m : {Method::exact, Method::sweep, Method::toggle})
    if (to_string(m) == text) return m;
  return std::nullopt;
}

std::string_view to_string(Toggle t) {
  switch (t) {
    case Toggle::remove: return "remove";
    case Toggle::move_up: return "move_up";
    case Toggle::move_down: return "move_down";
    case Toggle::not_set: break;
  }
  return "not_set";
}
std::optional<Toggle> parse_toggle(std::string_view text) {
  for (const Toggle t : {Toggle::remove, Toggle::move_up, Toggle::move_down})
    if (to_string(t) == text) return t;
  return std::nullopt;
}

}  // namespace accord::robustness
