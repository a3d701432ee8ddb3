// `accord mediate` output: JSON (docs/mediate-and-tournament.md) and text.
#include <nlohmann/json.hpp>

#include "accord/model/utility.hpp"
#include "accord/report/evaluate.hpp"
#include "accord/report/mediate.hpp"
#include "accord/report/outcome.hpp"
#include "accord/report/outcome_metrics.hpp"

namespace accord::report {

namespace {

std::string setting_text(const Scenario& s, IssueIndex i, const Package& x) {
  return x[i] ? describe(s.issues[i], *x[i]) : std::string("(open)");
}

std::string voters_line(const Scenario& s, const mediate::Result& r) {
  std::string out;
  for (std::size_t q = 0; q < r.parties.size(); ++q) {
    if (q > 0) out += ", ";
    out += s.parties[r.parties[q]].id + " " + std::string(mediate::to_string(r.voters[q]));
  }
  return out;
}

std::string verdict(const Scenario& s, const mediate::Result& r, std::size_t q) {
  if (!r.red_lines[q].empty()) {
    std::string out = "no: crosses its red line on";
    for (const IssueIndex i : r.red_lines[q]) out += " " + s.issues[i].id;
    return out;
  }
  return r.reaches_reservation[q] ? "yes" : "no: below its reservation";
}

}  // namespace

Json mediate_json(const Scenario& s, const mediate::Result& r) {
  Json j;
  j["schema"] = kMediateSchema;
  j["scenario"] = s.id;
  add_outcome_json(j, r.outcome);
  if (!r.outcome.ok()) return j;
  Json parties = Json::array(), voters = Json::array();
  for (std::size_t q = 0; q < r.parties.size(); ++q) {
    parties.push_back(s.parties[r.parties[q]].id);
    voters.push_back(std::string(mediate::to_string(r.voters[q])));
  }
  j["parties"] = std::move(parties);
  j["voters"] = std::move(voters);
  j["reservations"] = r.reservations;
  j["seed"] = r.seed;
  j["steps_requested"] = r.steps_requested;
  j["steps"] = r.steps;
  j["adopted"] = r.adopted;
  j["last_adoption"] = r.last_adoption;
  j["temperature"] = r.temperature;
  j["start"] = {{"version", r.start_version.valid() ? Json(s.versions[r.start_version].id) : Json(nullptr)},
                {"package", package_json(s, r.start)},
                {"utilities", r.start_utilities}};
  Json changed = Json::array();
  for (const IssueIndex i : s.issues.indices())
    if (r.text[i] != r.start[i]) changed.push_back(s.issues[i].id);
  j["text"] = {{"package", package_json(s, r.text)}, {"utilities", r.utilities}, {"changed_issues", std::move(changed)}};
  Json acceptance = Json::object();
  for (std::size_t q = 0; q < r.parties.size(); ++q) {
    Json crossed = Json::array();
    for (const IssueIndex i : r.red_lines[q]) crossed.push_back(s.issues[i].id);
    acceptance[s.parties[r.parties[q]].id] = {{"utility", r.utilities[q]},
                                              {"reservation", r.reservations[q]},
                                              {"reaches_reservation", static_cast<bool>(r.reaches_reservation[q])},
                                              {"red_lines_crossed", std::move(crossed)}};
  }
  j["acceptance"] = std::move(acceptance);
  j["all_acceptable"] = r.all_acceptable;
  if (r.reference && r.reference->outcome.ok() && r.metrics) {
    j["metrics"] = {{"reference", reference_json(s, *r.reference)},
                    {"start", metrics_json(*r.start_metrics)},
                    {"final", metrics_json(*r.metrics)}};
  } else {
    j["metrics"] = nullptr;
  }
  return j;
}

std::string mediate_text(const Scenario& s, const mediate::Result& r, Style style) {
  if (!r.outcome.ok()) return "Mediation could not run: " + r.outcome.message() + "\n";
  std::string out;
  const std::string start = r.start_version.valid()
                                ? "version " + s.versions[r.start_version].id + " (each issue it leaves open at its first value crossing no voter's red line)"
                                : std::string("the first package (every issue at its first value)");
  out += wrap("Simulation of the mediated single-text protocol (Klein et al. 2003): voters " + voters_line(s, r) +
              "; " + std::to_string(r.steps) + " steps, seed " + std::to_string(r.seed) + "; start: " + start + ".");
  if (r.temperature > 0.0) out += "Annealing: temperature " + fixed(r.temperature, 4) + " at the first step, falling linearly to 0.\n";
  out += "Adopted " + std::to_string(r.adopted) + " of " + std::to_string(r.steps) + " variants" +
         (r.adopted > 0 ? " (the last at step " + std::to_string(r.last_adoption) + ")" : std::string()) + ".\n\n";
  Table parties{{"party", "voter", "start", "final", "reservation", "acceptable"}, {}, {false, false, true, true, true, false}};
  for (std::size_t q = 0; q < r.parties.size(); ++q)
    parties.rows.push_back({s.parties[r.parties[q]].id, std::string(mediate::to_string(r.voters[q])),
                            fixed(r.start_utilities[q]), fixed(r.utilities[q]), fixed(r.reservations[q]), verdict(s, r, q)});
  out += parties.render(style) + "\n";
  out += r.all_acceptable ? "Every voter is at or above its reservation and no red line is crossed.\n"
                          : "NOT every voter accepts the final text (see the table).\n";
  Table text{{"issue", "start", "final"}, {}, {}};
  for (const IssueIndex i : s.issues.indices()) {
    const std::string a = setting_text(s, i, r.start), b = setting_text(s, i, r.text);
    text.rows.push_back({s.issues[i].id, a, a == b ? std::string("=") : b});
  }
  out += "\nThe text (\"=\": unchanged):\n" + text.render(style);
  if (r.reference && r.metrics) {
    out += "\n";
    out += wrap("Start: " + metrics_sentence(*r.reference, *r.start_metrics) + ".");
    out += wrap("Final: " + metrics_sentence(*r.reference, *r.metrics) + ".");
  }
  if (!r.outcome.termination.finished())
    out += "\nPARTIAL RESULT: " + std::string(to_string(r.outcome.termination.stop)) + " (" + r.outcome.termination.detail + ")\n";
  return out;
}

}  // namespace accord::report
