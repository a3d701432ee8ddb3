// The `forecast:` section (docs/forecast.md#scenario-section):
//
//   forecast:
//     model: smp            # smp | eum | mean | median (default for `accord forecast`)
//     runs: 1000            # Monte Carlo runs (0 = none)
//     seed: 7
//     noise: 1              # scale of the documented Monte Carlo noise
//     actors:
//       UA:
//         territory_donbas: {position: 20, salience: 90, estimate: true, source: "..."}
#include <cmath>

#include "io/scenario_sections.hpp"
#include "io/sections.hpp"

namespace accord::io {
namespace {

std::vector<std::string> model_names() {
  std::vector<std::string> out;
  for (const forecast::Model m : forecast::kModels) out.emplace_back(forecast::to_string(m));
  return out;
}

void read_override(Reader& r, const YAML::Node& node, const Scenario& s, PartyIndex p,
                   IssueIndex i, const std::string& path, ForecastSettings& out) {
  const std::string entity = "party " + s.parties[p].id;
  std::vector<std::string> keys = Reader::provenance_keys();
  keys.insert(keys.begin(), {"position", "salience"});
  if (!r.expect_map(node, path, entity, keys)) return;
  const Issue& issue = s.issues[i];
  ForecastOverride o;
  o.party = p;
  o.issue = i;
  o.position = r.number(node, "position", path + ".position", entity, false);
  o.salience = r.number(node, "salience", path + ".salience", entity, false);
  o.provenance = r.provenance(node, path, entity);
  const double lo = issue.kind == IssueKind::numeric ? issue.range.min : 0.0;
  const double hi = issue.kind == IssueKind::numeric ? issue.range.max : 100.0;
  if (o.position && (*o.position < lo || *o.position > hi)) {
    r.error(node["position"], path + ".position", entity,
            "position " + std::to_string(*o.position) + " is outside the issue's scale; expected a number in [" +
                std::to_string(lo) + ", " + std::to_string(hi) + "]",
            issue.kind == IssueKind::discrete ? "discrete issues are placed on 0..100" : "");
    o.position.reset();
  }
  if (o.salience && (*o.salience < 0.0 || *o.salience > 100.0)) {
    r.error(node["salience"], path + ".salience", entity,
            "salience " + std::to_string(*o.salience) + " is out of range; expected a number in [0, 100]");
    o.salience.reset();
  }
  if (!o.position && !o.salience)
    r.warning(node, path, entity, "override sets neither `position` nor `salience`",
              "add position: or salience:, or remove the entry");
  out.overrides.push_back(std::move(o));
}

void read_actors(Reader& r, const YAML::Node& node, const Scenario& s, ForecastSettings& out) {
  if (!r.expect_map(node, "forecast.actors", "", {})) return;
  for (auto it = node.begin(); it != node.end(); ++it) {
    const std::string pid = it->first.Scalar();
    const std::string ppath = "forecast.actors." + pid;
    const PartyIndex p = s.find_party(pid);
    if (!p.valid()) {
      r.error(it->first, ppath, "", "unknown party `" + pid + "`; expected a party id",
              suggest(r, pid, s.parties));
      continue;
    }
    const std::string entity = "party " + pid;
    if (!r.expect_map(it->second, ppath, entity, {})) continue;
    for (auto jt = it->second.begin(); jt != it->second.end(); ++jt) {
      const std::string iid = jt->first.Scalar();
      const std::string ipath = ppath + "." + iid;
      const IssueIndex i = s.find_issue(iid);
      if (!i.valid()) {
        r.error(jt->first, ipath, entity, "unknown issue `" + iid + "`; expected an issue id",
                suggest(r, iid, s.issues));
        continue;
      }
      read_override(r, jt->second, s, p, i, ipath, out);
    }
  }
}

}  // namespace

std::optional<ForecastSettings> read_forecast(Reader& r, const YAML::Node& node, const Scenario& s) {
  std::vector<std::string> keys = Reader::provenance_keys();
  keys.insert(keys.begin(), {"model", "runs", "seed", "noise", "actors"});
  if (!r.expect_map(node, "forecast", "", keys)) return {};
  ForecastSettings f;
  if (auto m = r.string(node, "model", "forecast.model", "", false)) {
    f.model = forecast::parse_model(*m);
    if (!f.model)
      r.error(node["model"], "forecast.model", "",
              "unknown model `" + *m + "`; expected one of: smp eum mean median",
              r.did_you_mean(*m, model_names()));
  }
  if (auto n = r.integer(node, "runs", "forecast.runs", "", false)) {
    if (*n < 0 || *n > 10'000'000)
      r.error(node["runs"], "forecast.runs", "",
              "runs " + std::to_string(*n) + " is out of range; expected a whole number in [0, 10000000]");
    else
      f.runs = *n;
  }
  if (auto n = r.integer(node, "seed", "forecast.seed", "", false)) {
    if (*n < 0)
      r.error(node["seed"], "forecast.seed", "", "seed " + std::to_string(*n) +
                                                     " is negative; expected a whole number >= 0");
    else
      f.seed = static_cast<std::uint64_t>(*n);
  }
  if (auto x = r.number(node, "noise", "forecast.noise", "", false)) {
    if (*x < 0.0 || *x > 10.0)
      r.error(node["noise"], "forecast.noise", "", "noise is out of range; expected a number in [0, 10]");
    else
      f.noise = *x;
  }
  if (node["actors"].IsDefined()) read_actors(r, node["actors"], s, f);
  f.provenance = r.provenance(node, "forecast", "");
  return f;
}

nlohmann::ordered_json write_forecast(const ForecastSettings& f, const Scenario& s) {
  using Json = nlohmann::ordered_json;
  Json j = Json::object();
  if (f.model) j["model"] = std::string(forecast::to_string(*f.model));
  if (f.runs) j["runs"] = *f.runs;
  if (f.seed) j["seed"] = *f.seed;
  if (f.noise) j["noise"] = *f.noise;
  if (!f.overrides.empty()) {
    Json actors = Json::object();
    for (const ForecastOverride& o : f.overrides) {
      Json oj = Json::object();
      if (o.position) oj["position"] = *o.position;
      if (o.salience) oj["salience"] = *o.salience;
      const Provenance& p = o.provenance;
      if (p.sources.size() == 1) oj["source"] = p.sources.front();
      else if (!p.sources.empty()) oj["sources"] = p.sources;
      if (p.estimate) oj["estimate"] = true;
      if (!p.note.empty()) oj["note"] = p.note;
      actors[s.parties[o.party].id][s.issues[o.issue].id] = std::move(oj);
    }
    j["actors"] = std::move(actors);
  }
  const Provenance& p = f.provenance;
  if (p.sources.size() == 1) j["source"] = p.sources.front();
  else if (!p.sources.empty()) j["sources"] = p.sources;
  if (p.estimate) j["estimate"] = true;
  if (!p.note.empty()) j["note"] = p.note;
  return j;
}

}  // namespace accord::io
