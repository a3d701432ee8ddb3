// Running the engines for the API and reducing their results to what a party may be told.
// Full results are stored; the party view is derived from them on every read.
#include <stdexcept>

#include "accord/engines/bargain.hpp"
#include "accord/engines/evaluate.hpp"
#include "accord/engines/forecast.hpp"
#include "accord/engines/gmcr.hpp"
#include "accord/report/sections.hpp"
#include "context.hpp"

namespace accord::server {
namespace {

HttpError bad_param(const std::string& message, const std::string& field) {
  return HttpError{400, "invalid", message, "params." + field, {}};
}

VersionIndex version_param(const Scenario& s, const Json& params, bool default_latest) {
  const auto it = params.find("version");
  if (it == params.end() || it->is_null()) {
    if (default_latest && !s.versions.empty()) return VersionIndex(s.versions.size() - 1);
    return VersionIndex();
  }
  if (!it->is_string()) throw bad_param("`version` must be a version id", "version");
  const VersionIndex v = s.find_version(it->get<std::string>());
  if (!v.valid()) throw bad_param("no version `" + it->get<std::string>() + "`", "version");
  return v;
}

// The time budget of one analysis: params.max_seconds (0 < x <= 600), default 60 s (the CLI's
// default); the engines stop there and say so in their result.
Deadline deadline_param(const Json& params) {
  constexpr double kDefault = 60, kMax = 600;
  const auto it = params.find("max_seconds");
  if (it == params.end() || it->is_null()) return Deadline::after(kDefault);
  if (!it->is_number() || it->get<double>() <= 0 || it->get<double>() > kMax)
    throw bad_param("`max_seconds` must be a number of seconds from 0 to 600", "max_seconds");
  return Deadline::after(it->get<double>());
}

Json utilities_json(const Scenario& s, const std::vector<PartyIndex>& parties, const std::vector<double>& u) {
  Json out = Json::object();
  for (std::size_t i = 0; i < parties.size() && i < u.size(); ++i) out[s.parties[parties[i].get()].id] = u[i];
  return out;
}

Json run_evaluate(const Scenario& s, const Json& params) {
  evaluate::Params p;
  p.deadline = deadline_param(params);
  if (auto it = params.find("max_open_points"); it != params.end()) {
    if (!it->is_number_unsigned()) throw bad_param("`max_open_points` must be a non-negative integer", "max_open_points");
    p.max_open_points = it->get<std::size_t>();
  }
  if (auto it = params.find("max_open_salience"); it != params.end()) {
    if (!it->is_number()) throw bad_param("`max_open_salience` must be a number", "max_open_salience");
    p.max_open_salience = it->get<double>();
  }
  const VersionIndex v = version_param(s, params, true);
  if (!v.valid()) throw bad_param("the scenario has no framework versions to evaluate", "version");
  return report::evaluate_json(s, evaluate::run_version(s, v, p), p);
}

Json run_bargain(const Scenario& s, const Json& params) {
  bargain::Params p;
  p.deadline = deadline_param(params);
  const VersionIndex draft = version_param(s, params, false);
  if (draft.valid()) p.draft = s.version_package(draft);
  const bargain::Result r = bargain::run(s, p);
  if (r.status == bargain::Status::error) throw HttpError{400, "invalid", r.message, "params", {}};
  Json j;
  j["scenario"] = s.id;
  j["finding"] = std::string(bargain::to_string(r.finding));
  Json parties = Json::array();
  for (PartyIndex q : r.parties) parties.push_back(s.parties[q.get()].id);
  j["parties"] = parties;
  j["reservations"] = utilities_json(s, r.parties, r.reservations);
  j["zone"] = {{"exact", r.zone.exact}, {"count", r.zone.decimal}};
  j["space"] = {{"exact", r.space.exact}, {"count", r.space.decimal}};
  Json solutions = Json::object();
  auto add = [&](const char* name, const std::optional<bargain::Solution>& sol) {
    if (!sol) return;
    solutions[name] = {{"package", report::package_json(s, sol->package)},
                       {"utilities", utilities_json(s, r.parties, sol->utilities)},
                       {"objective", sol->objective}};
  };
  add("nash", r.solutions.nash);
  add("kalai_smorodinsky", r.solutions.kalai_smorodinsky);
  add("egalitarian", r.solutions.egalitarian);
  add("utilitarian", r.solutions.utilitarian);
  j["solutions"] = std::move(solutions);
  j["solutions_exact"] = r.solutions.exact;
  if (r.closest) {
    j["closest"] = {{"draft", s.versions[draft.get()].id},
                    {"zone_exists", r.closest->zone_exists},
                    {"package", report::package_json(s, r.closest->package)},
                    {"utilities", utilities_json(s, r.parties, r.closest->utilities)},
                    {"changed_issues", r.closest->changed_issues},
                    {"shortfall", utilities_json(s, r.parties, r.closest->shortfall)}};
  }
  return j;
}

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

Json run_forecast(const Scenario& s, const Json& params) {
  forecast::Params p;
  p.deadline = deadline_param(params);
  if (auto it = params.find("model"); it != params.end()) {
    const auto m = it->is_string() ? forecast::model_from_string(it->get<std::string>()) : std::nullopt;
    if (!m) throw bad_param("`model` must be one of smp, eum, mean, median", "model");
    p.model = *m;
  }
  const forecast::Conversion conv = forecast::from_scenario(s);
  const forecast::Result r = forecast::run(conv.problem, p);
  if (!r.ok()) throw HttpError{400, "invalid", r.error, "params", {}};
  Json fc = Json::object(), finals = Json::object();
  for (std::size_t d = 0; d < conv.problem.dimensions.size() && d < r.forecast.size(); ++d)
    fc[conv.problem.dimensions[d].id] = r.forecast[d];
  for (std::size_t a = 0; a < conv.problem.actors.size(); ++a)
    finals[conv.problem.actors[a].id] = r.final_positions()[a];
  Json out = {{"scenario", s.id},          {"model", std::string(forecast::to_string(r.model))},
              {"turns", r.turns},          {"converged", r.converged},
              {"forecast", std::move(fc)}, {"final_positions", std::move(finals)},
              {"notes", conv.notes}};
  // For the dashboard (docs/dashboard.md): scales, actors, positions per turn and, with
  // params.runs (1..1000, seed params.seed), the Monte Carlo band. Mediator only.
  Json dims = Json::array(), actors = Json::array();
  for (const auto& d : conv.problem.dimensions) dims.push_back({{"id", d.id}, {"title", d.title}, {"lo", d.lo}, {"hi", d.hi}});
  for (const auto& a : conv.problem.actors) actors.push_back(a.id);
  out["dimensions"] = std::move(dims);
  out["actors"] = std::move(actors);
  out["history"] = r.history;
  out["monte_carlo"] = nullptr;
  if (auto it = params.find("runs"); it != params.end()) {
    if (!it->is_number_unsigned() || it->get<std::size_t>() > 1000)
      throw bad_param("`runs` must be an integer from 0 to 1000", "runs");
    forecast::MonteCarloParams mc;
    mc.runs = it->get<std::size_t>();
    if (auto sd = params.find("seed"); sd != params.end() && sd->is_number_unsigned()) mc.seed = sd->get<std::uint64_t>();
    if (mc.runs > 0) {
      const forecast::MonteCarloResult m = forecast::monte_carlo(conv.problem, p, mc);
      if (m.ok()) {
        Json band = Json::array();
        for (const auto& d : m.dimensions) band.push_back({{"p05", d.p05}, {"median", d.median}, {"p95", d.p95}});
        out["monte_carlo"] = {{"runs", m.runs}, {"seed", mc.seed}, {"dimensions", std::move(band)}};
      }
    }
  }
  return out;
}

Json own_utility(const Json& utilities, const std::string& party) {
  return utilities.contains(party) ? utilities[party] : Json(nullptr);
}

Json reduce_evaluate(const Json& full, const std::string& party) {
  Json out = {{"scenario", full.value("scenario", "")}, {"version", full.value("version", Json(nullptr))}};
  if (full.contains("package")) out["package"] = full["package"];
  out["open_issues"] = full.value("open_issues", Json::array());
  std::string verdict = "acceptable";
  Json own = nullptr;
  const Json parties = full.value("parties", Json::array());
  for (const auto& p : parties) {
    const std::string v = p.value("verdict", "open");
    if (v == "unacceptable") verdict = "unacceptable";
    else if (v == "open" && verdict == "acceptable") verdict = "open";
    if (p.value("party", "") == party) own = p;
  }
  out["acceptable_to_all"] = verdict;  // acceptable | unacceptable | open
  out["own"] = own;
  Json points = Json::array();
  const Json all_points = full.value("points", Json::array());
  for (const auto& pt : all_points) {
    Json kept = Json::object();
    for (const char* key : {"point", "number", "stances", "stated", "stated_blockers", "conditional"})
      kept[key] = pt.value(key, Json(nullptr));
    points.push_back(std::move(kept));
  }
  out["points"] = std::move(points);
  if (full.contains("readiness"))
    out["readiness"] = {{"near_final", full["readiness"].value("near_final", false)},
                        {"open_points", full["readiness"].value("open_points", Json::array())}};
  return out;
}

Json reduce_bargain(const Json& full, const std::string& party) {
  const bool zone = full.value("finding", "") == "zone_exists";
  Json packages = Json::object();
  const Json solutions = full.value("solutions", Json::object());  // a named value: items() refers to it
  for (const auto& [name, sol] : solutions.items())
    packages[name] = {{"package", sol.value("package", Json(nullptr))}, {"acceptable_to_all", true},
                      {"own_utility", own_utility(sol.value("utilities", Json::object()), party)}};
  Json out = {{"scenario", full.value("scenario", "")}, {"zone_exists", zone}, {"packages", std::move(packages)}};
  if (full.contains("closest")) {
    const Json& c = full["closest"];
    out["closest"] = {{"draft", c.value("draft", Json(nullptr))},
                      {"package", c.value("package", Json(nullptr))},
                      {"acceptable_to_all", c.value("zone_exists", false)},
                      {"own_utility", own_utility(c.value("utilities", Json::object()), party)}};
  }
  return out;
}

}  // namespace

bool known_engine(const std::string& engine) {
  return engine == "evaluate" || engine == "bargain" || engine == "gmcr" || engine == "forecast";
}

Json run_analysis(const std::string& engine, const Scenario& s, const Json& params) {
  if (engine == "evaluate") return run_evaluate(s, params);
  if (engine == "bargain") return run_bargain(s, params);
  if (engine == "gmcr") return run_gmcr(s, params);
  if (engine == "forecast") return run_forecast(s, params);
  throw HttpError{404, "not_found", "no engine `" + engine + "`; expected evaluate, bargain, gmcr or forecast",
                  "engine", {}};
}

Json reduce_for_party(const std::string& engine, const Json& full, const std::string& party) {
  if (engine == "evaluate") return reduce_evaluate(full, party);
  if (engine == "bargain") return reduce_bargain(full, party);
  if (engine == "gmcr")  // which outcomes are stable for everyone, not who holds what
    return {{"scenario", full.value("scenario", "")}, {"equilibria", full.value("equilibria", Json::object())}};
  if (engine == "forecast")  // where issues settle, not where each actor stands
    return {{"scenario", full.value("scenario", "")}, {"model", full.value("model", "")},
            {"forecast", full.value("forecast", Json::object())}};
  return Json::object();
}

}  // namespace accord::server
