// POST /api/scenarios/{id}/analyses/bargain: zone of agreement, solutions, closest package.
#include "accord/engines/bargain.hpp"
#include "accord/report/sections.hpp"
#include "analysis_params.hpp"

namespace accord::server {

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

}  // namespace accord::server
