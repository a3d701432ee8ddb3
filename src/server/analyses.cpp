// Running the engines for the API and reducing their results to what a party may be told.
// Full results are stored; the party view is derived from them on every read.
#include "analysis_params.hpp"

namespace accord::server {
namespace {

// `utilities`: per bargaining party, in full["parties"] order (report::bargain_json); runs
// stored before schema 1 keyed them by party.
Json own_utility(const Json& full, const Json& utilities, const std::string& party) {
  if (!utilities.is_array()) return utilities.is_object() && utilities.contains(party) ? utilities[party] : Json(nullptr);
  const Json parties = full.value("parties", Json::array());
  for (std::size_t k = 0; k < parties.size() && k < utilities.size(); ++k)
    if (parties[k] == party) return utilities[k];
  return nullptr;
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
  const Json solutions = full.value("solutions", Json::object());
  for (const char* name : {"nash", "kalai_smorodinsky", "egalitarian", "utilitarian"}) {
    const Json sol = solutions.value(name, Json(nullptr));
    if (!sol.is_object()) continue;
    packages[name] = {{"package", sol.value("package", Json(nullptr))}, {"acceptable_to_all", true},
                      {"own_utility", own_utility(full, sol.value("utilities", Json::array()), party)}};
  }
  Json out = {{"scenario", full.value("scenario", "")}, {"zone_exists", zone}, {"packages", std::move(packages)}};
  if (full.contains("closest") && full["closest"].is_object()) {
    const Json& c = full["closest"];
    const Json draft = full.value("draft", Json(nullptr));
    out["closest"] = {{"draft", draft.is_object() ? draft.value("version", Json(nullptr)) : c.value("draft", Json(nullptr))},
                      {"package", c.value("package", Json(nullptr))},
                      {"acceptable_to_all", c.value("zone_exists", false)},
                      {"own_utility", own_utility(full, c.value("utilities", Json::array()), party)}};
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
