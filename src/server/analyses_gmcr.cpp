// POST /api/scenarios/{id}/analyses/gmcr: stability of the conflict section.
#include "accord/engines/gmcr.hpp"
#include "analysis_params.hpp"

namespace accord::server {

Json run_gmcr(const Scenario& s, const Json& params) {
  gmcr::Params p;
  p.deadline = deadline_param(params);
  const gmcr::RunResult r = gmcr::run(s, p);
  if (!r.ok()) {
    std::string message = "the stability analysis could not run";
    for (const auto& d : r.diagnostics)
      if (d.severity == Severity::error) { message = d.message; break; }
    throw HttpError{400, "invalid", message, "conflict", {}};
  }
  const gmcr::Analysis& a = *r.analysis;
  auto states = [&](const gmcr::StateSet& set) {
    Json out = Json::array();
    for (gmcr::StateIndex k : set.members()) out.push_back(a.pattern(k));
    return out;
  };
  Json equilibria = Json::object(), dms = Json::array();
  for (gmcr::Concept c : a.concepts) {
    const auto& e = a.equilibria[static_cast<std::size_t>(c)];
    if (e) equilibria[std::string(gmcr::to_string(c))] = states(*e);
  }
  for (const auto& dm : a.decision_makers) {
    Json stable = Json::object();
    for (gmcr::Concept c : a.concepts) {
      const auto& st = dm.stable[static_cast<std::size_t>(c)];
      if (st) stable[std::string(gmcr::to_string(c))] = states(*st);
    }
    dms.push_back({{"decision_maker", dm.name}, {"stable", std::move(stable)}});
  }
  Json out = {{"scenario", s.id}, {"states", a.states.size()}, {"equilibria", std::move(equilibria)},
              {"decision_makers", std::move(dms)},
              {"status_quo", a.status_quo ? Json(a.pattern(*a.status_quo)) : Json(nullptr)}};
  // For the dashboard (docs/dashboard.md): what each pattern letter means, and how each
  // equilibrium is reached from the status quo (mediator only: not in the party view).
  Json options = Json::array(), paths = Json::array();
  for (const auto& o : s.conflict->options) options.push_back({{"id", o.id}, {"label", o.label}});
  for (const auto& reach : a.status_quo_paths) {
    Json steps = nullptr;
    if (reach.by_improvements) {
      steps = Json::array();
      for (const auto& st : *reach.by_improvements)
        steps.push_back({{"state", a.pattern(st.state)},
                         {"mover", st.mover.valid() ? Json(s.conflict->display_name(st.mover)) : Json(nullptr)}});
    }
    paths.push_back({{"target", a.pattern(reach.target)}, {"path", std::move(steps)}});
  }
  out["options"] = std::move(options);
  out["status_quo_paths"] = std::move(paths);
  return out;
}

}  // namespace accord::server
