// GET /api/scenarios/{id}/diff?from=V1&to=V2[&redline=1]: `accord diff --json [--redline]`
// (report::diff_json) of two framework versions (default: the first and the last). Public text, computed on request and
// not stored: every role may read it, as every role reads the versions themselves.
#include "accord/engines/diff.hpp"
#include "accord/engines/redline.hpp"
#include "accord/report/diff.hpp"
#include "analysis_params.hpp"

namespace accord::server {
namespace {

VersionIndex version_at(const Scenario& s, const Request& req, const char* key, VersionIndex fallback) {
  if (!req.has_param(key) || req.get_param_value(key).empty()) return fallback;
  const std::string id = req.get_param_value(key);
  const VersionIndex v = s.find_version(id);
  if (!v.valid()) throw bad_param("no version `" + id + "`", key);
  return v;
}

void get(Ctx& ctx, const Principal& caller, const Request& req, Response& res) {
  const std::string id = req.matches[1];
  const auto snap = snapshot_or_throw(ctx, id);
  (void)in_scenario(caller, snap->scenario);  // a party of another scenario is refused here
  const Scenario& s = snap->scenario;
  if (s.versions.empty()) throw bad_param("the scenario has no framework versions to compare", "from");
  const VersionIndex from = version_at(s, req, "from", VersionIndex(0));
  const VersionIndex to = version_at(s, req, "to", VersionIndex(s.versions.size() - 1));
  diff::Params p;
  p.deadline = deadline_param(Json::object());
  const diff::Result r = diff::run(s, from, to, p);
  if (!r.outcome.ok()) throw bad_param(r.outcome.message(), "from");
  // ?redline=1: `accord diff --redline --json` (the word-level redline of amended and split points).
  const bool redline = req.has_param("redline") && req.get_param_value("redline") != "0";
  const redline::Result red = redline ? redline::run(s, r, p.deadline) : redline::Result{};
  send_json(res, 200, {{"scenario", id}, {"revision", snap->revision},
                       {"diff", report::diff_json(s, r, redline ? &red : nullptr)}});
}

}  // namespace

void add_diff_routes(RouteTable& routes) { routes.add("GET", "/api/scenarios/{}/diff", get); }

}  // namespace accord::server
