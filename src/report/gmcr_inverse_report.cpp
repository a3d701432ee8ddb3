// The inverse stability result as JSON and text (docs/gmcr.md "Inverse analysis").
#include "accord/report/gmcr_inverse.hpp"

#include <nlohmann/json.hpp>

#include "accord/report/outcome.hpp"
#include "gmcr_summary.hpp"

namespace accord::report {

namespace {

using gmcr::Concept;
using gmcr::inverse::Change;
using gmcr::inverse::ChangeKind;
using gmcr::inverse::Result;
using gmcr::inverse::Scope;

std::string quoted(const std::string& s) { return "`" + s + "`"; }

const PreferenceStatement& statement(const Conflict& c, const Change& ch, std::size_t j) {
  return c.decision_makers[ch.decision_maker].statements.at(j);
}

std::string statement_text(const Conflict& c, const Change& ch, std::size_t j) {
  const PreferenceStatement& st = statement(c, ch, j);
  return quoted(format_condition(c, st.condition)) + (st.provenance.estimate ? " (an estimate)" : "");
}

std::string stable_phrase(Concept k) {
  return k == Concept::nash ? "Nash-stable (so stable under GMR, SMR and SEQ too)" : std::string(detail::concept_title(k)) + "-stable";
}

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i)
    out += (i == 0 ? "" : i + 1 == items.size() ? " and " : ", ") + items[i];
  return out;
}

std::string for_whom(const Conflict& c, const Result& r) {
  if (r.params.decision_makers.size() == c.decision_makers.size()) return "for every decision maker";
  std::vector<std::string> names;
  for (DecisionMakerIndex d : r.params.decision_makers) names.push_back(c.display_name(d));
  return "for " + join(names);
}

std::string targets_phrase(const Conflict& c, const Result& r) {
  if (r.targets.size() == 1) return state_pattern(r.targets[0], c.options.size());
  return "any of the " + std::to_string(r.targets.size()) + " target states";
}

std::string scope_phrase(Scope s) {
  return s == Scope::moves ? "option made irreversible or excluded"
                           : "reordering or dropping of priorities (or swap in a ranking)";
}

nlohmann::ordered_json change_json(const Conflict& c, const Change& ch) {
  nlohmann::ordered_json j;
  j["kind"] = std::string(to_string(ch.kind));
  const std::size_t n = c.options.size();
  switch (ch.kind) {
    case ChangeKind::raise:
    case ChangeKind::drop: {
      j["decision_maker"] = c.decision_makers[ch.decision_maker].id;
      const PreferenceStatement& st = statement(c, ch, ch.statement);
      j["statement"] = ch.statement;
      j["condition"] = format_condition(c, st.condition);
      j["estimate"] = st.provenance.estimate;
      if (ch.kind == ChangeKind::raise) {
        const PreferenceStatement& other = statement(c, ch, ch.other);
        j["above"] = {{"statement", ch.other},
                      {"condition", format_condition(c, other.condition)},
                      {"estimate", other.provenance.estimate}};
      }
      break;
    }
    case ChangeKind::swap:
      j["decision_maker"] = c.decision_makers[ch.decision_maker].id;
      j["state"] = state_pattern(ch.state, n);
      j["above"] = state_pattern(ch.other_state, n);
      j["estimate"] = c.decision_makers[ch.decision_maker].provenance.estimate;
      break;
    case ChangeKind::fix_forward:
    case ChangeKind::fix_backward:
    case ChangeKind::exclude: j["option"] = c.options[ch.option].id; break;
    case ChangeKind::not_set: break;
  }
  j["text"] = gmcr_change_text(c, ch);
  return j;
}

}  // namespace

std::string gmcr_change_text(const Conflict& c, const Change& ch) {
  const std::size_t n = c.options.size();
  switch (ch.kind) {
    case ChangeKind::raise:
      return c.display_name(ch.decision_maker) + " puts " + statement_text(c, ch, ch.statement) + " above " +
             statement_text(c, ch, ch.other);
    case ChangeKind::drop:
      return c.display_name(ch.decision_maker) + " no longer weighs " + statement_text(c, ch, ch.statement);
    case ChangeKind::swap:
      return c.display_name(ch.decision_maker) + " ranks " + state_pattern(ch.state, n) + " above " +
             state_pattern(ch.other_state, n);
    case ChangeKind::fix_forward: return quoted(c.options[ch.option].id) + " cannot be withdrawn once taken";
    case ChangeKind::fix_backward: return quoted(c.options[ch.option].id) + " cannot be taken again once withdrawn";
    case ChangeKind::exclude: return quoted(c.options[ch.option].id) + " can no longer be taken";
    case ChangeKind::not_set: break;
  }
  return "?";
}

std::string gmcr_inverse_sentence(const Conflict& c, const Result& r) {
  if (!r.ok()) return "The inverse analysis did not run: " + r.outcome.message() + ".";
  const std::size_t n = c.options.size();
  const std::string reach = r.params.reachable ? " and reachable from the status quo by unilateral improvements" : "";
  const std::string goal = stable_phrase(r.params.stability) + " " + for_whom(c, r) + reach;
  if (r.status_quo_locked)
    return "No " + scope_phrase(r.params.scope) + ", however many, makes " + targets_phrase(c, r) +
           " reachable from the status quo " + state_pattern(*c.status_quo, n) +
           ": there no decision maker gains by a move of its own, and these changes cannot create such a gain.";
  if (r.min_changes && !r.listed.empty()) {
    const auto& s = r.listed.front();
    const std::string target = state_pattern(s.target, n);
    if (*r.min_changes == 0) return target + " is already " + goal + ".";
    std::vector<std::string> parts;
    for (const Change& ch : s.changes) parts.push_back(gmcr_change_text(c, ch));
    std::string out = "If " + join(parts) + ", " + target + " would be " + goal + " (" +
                      std::to_string(*r.min_changes) + (*r.min_changes == 1 ? " change" : " changes") +
                      ", the fewest";
    if (r.solutions > 1) out += "; " + std::to_string(r.solutions) + " such solutions";
    return out + ").";
  }
  if (r.outcome.termination.finished())
    return "No set of at most " + std::to_string(r.params.max_changes) + " changes (" +
           to_string(r.params.scope).data() + ") makes " + targets_phrase(c, r) + " " + goal + ".";
  return "The search stopped before an answer: no solution with fewer than " + std::to_string(r.lower_bound) +
         " changes (" + r.outcome.termination.detail + ").";
}

nlohmann::ordered_json gmcr_inverse_json(const Conflict& c, const Result& r, const std::string& scenario) {
  nlohmann::ordered_json doc;
  doc["schema"] = kGmcrInverseSchema;
  if (!scenario.empty()) doc["scenario"] = scenario;
  add_outcome_json(doc, r.outcome);
  if (!r.ok()) return doc;
  const std::size_t n = c.options.size();
  nlohmann::ordered_json targets = nlohmann::ordered_json::array();
  for (StateCode t : r.targets) targets.push_back(state_pattern(t, n));
  doc["targets"] = std::move(targets);
  doc["scope"] = std::string(to_string(r.params.scope));
  doc["concept"] = std::string(gmcr::to_string(r.params.stability));
  nlohmann::ordered_json dms = nlohmann::ordered_json::array();
  for (DecisionMakerIndex d : r.params.decision_makers) dms.push_back(c.decision_makers[d].id);
  doc["decision_makers"] = std::move(dms);
  doc["reachable"] = r.params.reachable;
  if (c.status_quo) doc["status_quo"] = state_pattern(*c.status_quo, n);
  doc["max_changes"] = r.params.max_changes;
  doc["status_quo_locked"] = r.status_quo_locked;
  doc["min_changes"] = r.min_changes ? nlohmann::ordered_json(*r.min_changes) : nlohmann::ordered_json(nullptr);
  doc["lower_bound"] = r.lower_bound;
  nlohmann::ordered_json listed = nlohmann::ordered_json::array();
  for (const auto& s : r.listed) {
    nlohmann::ordered_json changes = nlohmann::ordered_json::array();
    for (const Change& ch : s.changes) changes.push_back(change_json(c, ch));
    listed.push_back({{"target", state_pattern(s.target, n)}, {"changes", std::move(changes)}});
  }
  doc["solutions"] = {{"count", r.solutions}, {"listed", std::move(listed)}};
  doc["candidates"] = r.candidates;
  doc["answer"] = gmcr_inverse_sentence(c, r);
  return doc;
}

std::string gmcr_inverse_text(const Conflict& c, const Result& r) {
  if (!r.ok()) return gmcr_inverse_sentence(c, r) + "\n";
  const std::size_t n = c.options.size();
  std::string out = "Inverse analysis (" + std::string(to_string(r.params.scope)) + ", " +
                    detail::concept_title(r.params.stability) + ", " + for_whom(c, r) +
                    (r.params.reachable ? ", reachable from the status quo " + state_pattern(*c.status_quo, n) : "") +
                    ", at most " + std::to_string(r.params.max_changes) + " changes)\n";
  out += "Targets:";
  for (std::size_t i = 0; i < r.targets.size() && i < 32; ++i) out += " " + state_pattern(r.targets[i], n);
  if (r.targets.size() > 32) out += " … (" + std::to_string(r.targets.size()) + ")";
  out += "\n\n" + gmcr_inverse_sentence(c, r) + "\n";
  if (r.min_changes && *r.min_changes > 0) {
    out += "\nMinimal solutions (" + std::to_string(r.solutions) + (r.listed.size() < r.solutions ? ", first " + std::to_string(r.listed.size()) : "") + "):\n";
    for (std::size_t i = 0; i < r.listed.size(); ++i) {
      out += "  " + std::to_string(i + 1) + ". " + state_pattern(r.listed[i].target, n) + "\n";
      for (const Change& ch : r.listed[i].changes) out += "     - " + gmcr_change_text(c, ch) + "\n";
    }
  }
  out += "\nCandidates examined: " + std::to_string(r.candidates) + "\n";
  if (!r.outcome.termination.finished())
    out += "Stopped early (" + std::string(to_string(r.outcome.termination.stop)) + "): " + r.outcome.termination.detail + "\n";
  return out;
}

}  // namespace accord::report
