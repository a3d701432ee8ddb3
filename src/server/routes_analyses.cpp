// POST /api/scenarios/{id}/analyses/{engine} (mediator), GET .../analyses[/{run}]: each
// reader gets what accord/report/visibility.hpp declares visible to its role (mediator: the
// full result; party: its own share; observer: public results only, e.g. diffs).
#include "accord/report/visibility.hpp"
#include "context.hpp"

namespace accord::server {
namespace {

report::Audience audience(const Principal& who) {
  switch (who.role) {
    case AccessRole::mediator: return report::Audience::mediator;
    case AccessRole::party: return report::Audience::party;
    case AccessRole::observer: return report::Audience::observer;
  }
  return report::Audience::not_set;
}

// Parties see every run (a result without a declared view as its schema and engine only);
// observers only those of engines whose results are public.
bool may_see_run(const store::RunRecord& r, const Principal& who) {
  return who.role != AccessRole::observer || report::may_see_engine(r.engine, report::Audience::observer);
}

Json run_json(const store::RunRecord& r, const Principal& who) {
  Json result = report::result_view(r.engine, r.schema, parse_trusted(r.result_json), audience(who), who.party);
  Json j = {{"id", r.id},           {"engine", r.engine},         {"schema", r.schema},
            {"revision", r.revision}, {"created_by", r.created_by}, {"created_at", r.created_at}};
  if (who.role == AccessRole::mediator) j["params"] = parse_trusted(r.params_json);
  j["result"] = std::move(result);
  return j;
}

void post(Ctx& ctx, const Principal& caller, const Request& req, Response& res) {
  const std::string id = req.matches[1], engine = req.matches[2];
  const auto snap = snapshot_or_throw(ctx, id);
  const Principal who = in_scenario(caller, snap->scenario);
  require_mediator(who, "run analyses");
  if (!known_engine(engine))
    throw HttpError{404, "not_found", "no engine `" + engine + "`; expected evaluate, bargain, gmcr, forecast or robustness",
                    "engine", {}};
  const Json body = req.body.empty() ? Json::object() : parse_object(req);
  const Json params = body.value("params", Json::object());
  if (!params.is_object()) throw HttpError{400, "invalid", "`params` must be an object", "params", {}};
  const Json result = run_analysis(engine, snap->scenario, params);
  store::RunRecord rec;
  rec.scenario = id;
  rec.engine = engine;
  rec.revision = snap->revision;
  rec.params_json = dump(params);
  rec.result_json = dump(result);
  rec.created_by = who.name;
  auto stored = ctx.store.add_run(rec);
  if (!stored) throw from_store(stored.error());
  send_json(res, 201, {{"scenario", id}, {"run", run_json(*stored, who)}});
}

void list(Ctx& ctx, const Principal& caller, const Request& req, Response& res) {
  const std::string id = req.matches[1];
  const Principal who = in_scenario(caller, snapshot_or_throw(ctx, id)->scenario);
  std::optional<std::string> engine;
  if (req.has_param("engine")) engine = req.get_param_value("engine");
  auto runs = ctx.store.runs(id, engine, 100);
  if (!runs) throw from_store(runs.error());
  Json out = Json::array();
  for (const auto& r : *runs)
    if (may_see_run(r, who)) out.push_back(run_json(r, who));
  send_json(res, 200, {{"scenario", id}, {"runs", std::move(out)}});
}

void get_one(Ctx& ctx, const Principal& caller, const Request& req, Response& res) {
  const std::string id = req.matches[1];
  const Principal who = in_scenario(caller, snapshot_or_throw(ctx, id)->scenario);
  std::int64_t run_id = 0;
  try {
    run_id = std::stoll(req.matches[2]);
  } catch (const std::exception&) {
    throw HttpError{400, "invalid", "a run id is a number", "run", {}};
  }
  auto r = ctx.store.run(id, run_id);
  if (!r) throw from_store(r.error());
  if (!may_see_run(*r, who)) require_not_observer(who, "see analysis results");
  send_json(res, 200, {{"scenario", id}, {"run", run_json(*r, who)}});
}

}  // namespace

void add_analysis_routes(RouteTable& routes) {
  routes.add("POST", "/api/scenarios/{}/analyses/{}", post);
  routes.add("GET", "/api/scenarios/{}/analyses", list);
  routes.add("GET", "/api/scenarios/{}/analyses/{n}", get_one);
}

}  // namespace accord::server
