// The report's stability section: the one serialiser's summary form and the one text
// renderer's summary form, over a result the caller computed.
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

std::string gmcr_headline_text(const Scenario& s, const gmcr::RunResult& run, Style style,
                               const std::string& scenario) {
  if (!s.conflict) return {};
  GmcrTextOptions o;
  o.summary = true;
  o.style = style;
  o.scenario = scenario.empty() ? s.id : scenario;
  return gmcr_text(*s.conflict, run, o);
}

}  // namespace accord::report
