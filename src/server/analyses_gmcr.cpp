// POST /api/scenarios/{id}/analyses/gmcr: stability of the conflict section, in the one shape
// of report::gmcr_json (docs/gmcr.md "JSON"): every part but the list of all states, each up to
// report::kGmcrListedByDefault entries (counts above, named in "omitted"); with params.graph,
// the state graph's layout (report::gmcr_graph_json).
#include "accord/engines/gmcr.hpp"
#include "accord/report/gmcr.hpp"
#include "accord/report/gmcr_graph.hpp"
#include "analysis_params.hpp"

namespace accord::server {

Json run_gmcr(const Scenario& s, const Json& params) {
  gmcr::Params p;
  p.deadline = deadline_param(params);
  // params.sanctions: "standard" (default) or "gmcr-py" (docs/gmcr.md "Sanction rules").
  if (const auto it = params.find("sanctions"); it != params.end() && !it->is_null()) {
    const auto rule = it->is_string() ? gmcr::parse_sanctions(it->get<std::string>()) : std::nullopt;
    if (!rule) throw bad_param("expected \"standard\" or \"gmcr-py\"", "sanctions");
    p.sanctions = *rule;
  }
  // params.coalitions: true adds Inohara and Hipel's coalition stability ("coalitional").
  if (const auto it = params.find("coalitions"); it != params.end() && !it->is_null()) {
    if (!it->is_boolean()) throw bad_param("expected true or false", "coalitions");
    p.coalitions = it->get<bool>();
  }
  const gmcr::RunResult r = gmcr::run(s, p);
  if (!r.ok()) {
    const std::string message = r.outcome.message();
    throw HttpError{400, "invalid", message.empty() ? "the stability analysis could not run" : message, "conflict", {}};
  }
  report::GmcrJsonOptions o;
  o.include.states = false;
  o.scenario = s.id;
  Json out = report::gmcr_json(*s.conflict, r, o);
  // params.graph: true adds the picture's data (docs/gmcr.md "The graph"; the mediator's only),
  // bounded by collapsing past report::kGmcrGraphMaxNodes nodes.
  if (const auto it = params.find("graph"); it != params.end() && !it->is_null()) {
    if (!it->is_boolean()) throw bad_param("expected true or false", "graph");
    if (it->get<bool>()) out["graph"] = report::gmcr_graph_json(*s.conflict, *r.analysis, report::gmcr_graph(*s.conflict, r));
  }
  return out;
}

}  // namespace accord::server
