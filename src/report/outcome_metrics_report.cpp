// Outcome metrics as JSON and text (docs/mediate-and-tournament.md "Outcome metrics").
#include <nlohmann/json.hpp>

#include "accord/report/evaluate.hpp"
#include "accord/report/outcome_metrics.hpp"
#include "accord/report/table.hpp"

namespace accord::report {

namespace {

Json optional_json(const std::optional<double>& x) { return x ? Json(*x) : Json(nullptr); }

}  // namespace

Json metrics_json(const outcome_metrics::Metrics& m) {
  return {{"utilities", m.utilities},
          {"welfare", m.welfare},
          {"nash_product", m.nash_product},
          {"pareto_distance", optional_json(m.pareto_distance)},
          {"nash_distance", optional_json(m.nash_distance)}};
}

Json reference_json(const Scenario& s, const outcome_metrics::Reference& r) {
  Json parties = Json::array();
  for (const PartyIndex p : r.parties) parties.push_back(s.parties[p].id);
  Json fixed = Json::object();
  const Json all = package_json(s, r.fixed);
  for (const IssueIndex i : s.issues.indices())
    if (r.fixed.contains(i) && r.fixed[i]) fixed[s.issues[i].id] = all[s.issues[i].id];
  Json j = {{"parties", std::move(parties)},
            {"reservations", r.reservations},
            {"fixed", std::move(fixed)},
            {"frontier_size", r.frontier_complete ? Json(r.frontier.size()) : Json(nullptr)}};
  if (r.nash) {
    j["nash"] = {{"utilities", *r.nash},
                 {"nash_product", r.nash_product},
                 {"package", r.nash_package ? package_json(s, *r.nash_package) : Json(nullptr)}};
  } else {
    j["nash"] = nullptr;
  }
  return j;
}

std::string metrics_sentence(const outcome_metrics::Reference& ref, const outcome_metrics::Metrics& m) {
  std::string out = "welfare " + fixed(m.welfare) + ", Nash product " + fixed(m.nash_product, 4);
  out += m.pareto_distance ? ", " + fixed(*m.pareto_distance) + " from the Pareto frontier"
                           : std::string(", distance to the Pareto frontier unknown (frontier not computed)");
  if (m.nash_distance) {
    out += ", " + fixed(*m.nash_distance) + " from the Nash point";
  } else if (ref.finding == bargain::Finding::no_zone) {
    out += ", no Nash point (no package is acceptable to every party)";
  } else {
    out += ", Nash point unknown (the bargaining run did not decide it)";
  }
  return out;
}

}  // namespace accord::report
