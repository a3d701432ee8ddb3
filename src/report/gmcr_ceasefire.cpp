// The report's ceasefire question (docs/gmcr.md "In the report"): the ceasefire states of the
// conflict, the smallest preference change that makes one stable, and what makes one reachable.
#include <nlohmann/json.hpp>

#include "accord/report/analysis.hpp"
#include "accord/report/gmcr_inverse.hpp"

namespace accord::report {

namespace {

constexpr std::size_t kCeasefireMaxChanges = 3;

// "UA 2 of 6, RU 3 of 6, …": the prioritisation statements marked `estimate: true`.
std::string estimates_by_dm(const Conflict& c) {
  std::string out;
  for (const DecisionMakerIndex d : c.decision_makers.indices()) {
    const DecisionMaker& dm = c.decision_makers[d];
    std::size_t est = 0;
    for (const PreferenceStatement& st : dm.statements) est += st.provenance.estimate ? 1 : 0;
    if (dm.preference_kind == PreferenceKind::ranking)
      out += (out.empty() ? "" : ", ") + c.display_name(d) + (dm.provenance.estimate ? " (ranking, an estimate)" : " (ranking)");
    else
      out += (out.empty() ? "" : ", ") + c.display_name(d) + " " + std::to_string(est) + " of " +
             std::to_string(dm.statements.size());
  }
  return out;
}

std::string count_in(const gmcr::RunResult& run, const std::vector<StateCode>& states, gmcr::Concept k) {
  const auto& set = run.analysis->equilibria[k];
  if (!set) return "not computed";
  std::size_t n = 0;
  for (StateCode s : states)
    if (const auto at = run.analysis->find(s); at && set->test(*at)) ++n;
  return std::to_string(n);
}

}  // namespace

std::optional<CeasefireAnalysis> ceasefire_analysis(const Scenario& s, const Deadline& deadline) {
  if (!s.conflict || !s.conflict->status_quo) return std::nullopt;
  const Conflict& c = *s.conflict;
  const ConditionParse cond = parse_condition(c, kCeasefireCondition);
  if (!cond.ok()) return std::nullopt;
  CeasefireAnalysis out;
  out.condition = std::string(kCeasefireCondition);
  for (StateCode x = 0; x < (StateCode{1} << c.options.size()); ++x)
    if (is_feasible(c, x) && holds(*cond.condition, x)) out.states.push_back(x);
  if (out.states.empty()) return std::nullopt;
  gmcr::inverse::Params p;
  p.max_changes = kCeasefireMaxChanges;
  p.deadline = deadline;
  out.stable = gmcr::inverse::run(c, out.states, p);
  p.reachable = true;
  out.reachable_preferences = gmcr::inverse::run(c, out.states, p);
  p.scope = gmcr::inverse::Scope::moves;
  out.reachable_moves = gmcr::inverse::run(c, out.states, p);
  return out;
}

std::vector<std::string> ceasefire_lines(const Scenario& s, const ScenarioAnalysis& a) {
  if (!a.ceasefire || !s.conflict || !a.stability || !a.stability->ok()) return {};
  const Conflict& c = *s.conflict;
  const CeasefireAnalysis& cf = *a.ceasefire;
  const std::size_t n = c.options.size();
  const std::string label = "(model output on estimated preferences — statements marked estimates: " +
                            estimates_by_dm(c) + ")";
  std::string states;
  for (StateCode x : cf.states) states += (states.empty() ? "" : " ") + state_pattern(x, n);
  std::vector<std::string> out;
  out.push_back("Ceasefire states " + label + ": the " + std::to_string(cf.states.size()) +
                " states where `" + cf.condition +
                "` holds (Ukraine accepts and Russia signs; the ceasefire takes effect once all sign, point 28, and "
                "signing excludes the offensive): " + states + "; equilibria among them: Nash " +
                count_in(*a.stability, cf.states, gmcr::Concept::nash) + ", GMR " +
                count_in(*a.stability, cf.states, gmcr::Concept::gmr) + ", SMR " +
                count_in(*a.stability, cf.states, gmcr::Concept::smr) + ", SEQ " +
                count_in(*a.stability, cf.states, gmcr::Concept::seq) + ".");
  out.push_back("Smallest preference change for a stable ceasefire (model output): " +
                gmcr_inverse_sentence(c, cf.stable));
  const auto& rp = cf.reachable_preferences;
  const auto& rm = cf.reachable_moves;
  if (rp.ok() && rm.ok() && rp.status_quo_locked && rm.status_quo_locked) {
    out.push_back("Reaching a ceasefire (model output): no reordering or dropping of priorities and no option made "
                  "irreversible or excluded, however many, makes a ceasefire state reachable from the status quo " +
                  state_pattern(*c.status_quo, n) +
                  " by unilateral improvements: there no decision maker gains by any move of its own, and such "
                  "changes cannot create a gain; it takes a new reason to move that the model does not contain.");
    return out;
  }
  out.push_back("Smallest preference change for a stable ceasefire reachable from the status quo (model output): " +
                gmcr_inverse_sentence(c, rp));
  out.push_back("Smallest move change for the same (model output): " + gmcr_inverse_sentence(c, rm));
  return out;
}

Json ceasefire_json(const Scenario& s, const ScenarioAnalysis& a) {
  if (!a.ceasefire || !s.conflict) return Json(nullptr);
  const Conflict& c = *s.conflict;
  const CeasefireAnalysis& cf = *a.ceasefire;
  Json j;
  j["condition"] = cf.condition;
  Json states = Json::array();
  for (StateCode x : cf.states) states.push_back(state_pattern(x, c.options.size()));
  j["states"] = std::move(states);
  j["stable"] = gmcr_inverse_json(c, cf.stable);
  j["reachable_preferences"] = gmcr_inverse_json(c, cf.reachable_preferences);
  j["reachable_moves"] = gmcr_inverse_json(c, cf.reachable_moves);
  j["sentences"] = ceasefire_lines(s, a);
  return j;
}

}  // namespace accord::report
