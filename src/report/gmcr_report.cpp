// The report's stability section: the one serialiser's summary form and the one text
// renderer's summary form, over a result the caller computed (or run here, for callers that
// pass a deadline).
#include <nlohmann/json.hpp>

#include "accord/engines/gmcr.hpp"
#include "accord/report/gmcr.hpp"

namespace accord::report {

using Json = nlohmann::ordered_json;

Json gmcr_headline_json(const Scenario& s, const gmcr::RunResult& run) {
  if (!s.conflict) return nullptr;
  GmcrJsonOptions o;
  o.include = {};
  o.include.equilibria = true;  // the summary form: counts, the equilibria and the status quo
  o.scenario = s.id;
  return gmcr_json(*s.conflict, run, o);
}

std::string gmcr_headline_text(const Scenario& s, const gmcr::RunResult& run, Style style) {
  if (!s.conflict) return {};
  GmcrTextOptions o;
  o.summary = true;
  o.style = style;
  o.scenario = s.id;
  return gmcr_text(*s.conflict, run, o);
}

namespace {

gmcr::RunResult run_with(const Scenario& s, const Deadline& deadline) {
  gmcr::Params p;
  p.deadline = deadline;
  return gmcr::run(s, p);
}

}  // namespace

Json gmcr_headline_json(const Scenario& s, const Deadline& deadline) {
  if (!s.conflict) return nullptr;
  return gmcr_headline_json(s, run_with(s, deadline));
}

std::string gmcr_headline_text(const Scenario& s, Style style, const Deadline& deadline) {
  if (!s.conflict) return {};
  return gmcr_headline_text(s, run_with(s, deadline), style);
}

}  // namespace accord::report
