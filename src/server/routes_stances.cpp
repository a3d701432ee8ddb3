// GET|PUT /api/scenarios/{id}/versions/{version}/stances[/{party}] and GET .../history.
// Stances are shared with every role; a party writes only its own.
#include <algorithm>

#include "context.hpp"

namespace accord::server {
namespace {

Json stance_json(const store::StanceRecord& r) {
  return {{"stance", std::string(to_string(r.kind))}, {"note", r.note},     {"sources", r.sources},
          {"estimate", r.estimate},                   {"set_by", r.set_by}, {"set_at", r.set_at},
          {"revision", r.revision}};
}

// Every party × point of the version: recorded stances, `unknown` for the rest.
Json matrix(const Scenario& s, const Version& v, const std::vector<store::StanceRecord>& rows,
            const std::string& only_party) {
  Json out = Json::object();
  for (const Party& party : s.parties) {
    if (!only_party.empty() && party.id != only_party) continue;
    Json points = Json::object();
    for (const Point& pt : v.points) {
      points[pt.id] = {{"stance", "unknown"}, {"note", ""}, {"sources", Json::array()}, {"estimate", false},
                       {"set_by", nullptr}, {"set_at", nullptr}, {"revision", nullptr}};
    }
    for (const auto& r : rows)
      if (r.party == party.id && points.contains(r.point)) points[r.point] = stance_json(r);
    out[party.id] = std::move(points);
  }
  return out;
}

const Version& version_or_throw(const Scenario& s, const std::string& id) {
  const VersionIndex v = s.find_version(id);
  if (!v.valid()) throw HttpError{404, "not_found", "no version `" + id + "` in this scenario", "version", {}};
  return s.versions[v];
}

void get(Ctx& ctx, const Principal&, const Request& req, Response& res) {
  const std::string id = req.matches[1], version = req.matches[2];
  const std::string party = req.matches.size() > 3 ? std::string(req.matches[3]) : "";
  const auto snap = snapshot_or_throw(ctx, id);
  const Version& v = version_or_throw(snap->scenario, version);
  if (!party.empty() && !snap->scenario.find_party(party).valid())
    throw HttpError{404, "not_found", "no party `" + party + "` in this scenario", "party", {}};
  auto rows = ctx.store.current_stances(id, version);
  if (!rows) throw from_store(rows.error());
  res.set_header("ETag", etag(snap->revision));
  send_json(res, 200, {{"scenario", id}, {"version", version}, {"revision", snap->revision},
                       {"stances", matrix(snap->scenario, v, *rows, party)}});
}

store::StanceInput parse_stance(const std::string& party, const std::string& point, const Json& value,
                                const std::string& path) {
  store::StanceInput in;
  in.party = party;
  in.point = point;
  std::string kind;
  if (value.is_string()) {
    kind = value.get<std::string>();
  } else if (value.is_object()) {
    for (const auto& [key, _] : value.items())
      if (key != "stance" && key != "note" && key != "sources" && key != "estimate")
        throw HttpError{400, "invalid", "unknown key `" + key + "`; expected stance, note, sources, estimate",
                        path + "." + key, {}};
    kind = get_string(value, "stance", true, path + ".");
    in.note = get_string(value, "note", false, path + ".");
    in.sources = get_strings(value, "sources", path + ".");
    in.estimate = get_bool(value, "estimate", path + ".");
  } else {
    throw HttpError{400, "invalid", "a stance is a string or {stance, note, sources, estimate}", path, {}};
  }
  const std::optional<StanceKind> k = parse_stance_kind(kind);
  if (!k)
    throw HttpError{400, "invalid", "stance `" + kind + "` is not one of accept, reject, conditional, unknown",
                    value.is_object() ? path + ".stance" : path, {}};
  in.kind = *k;
  return in;
}

void write(Ctx& ctx, const Principal& who, const Request& req, Response& res,
           const std::string& id, const std::string& version, std::vector<store::StanceInput> inputs,
           std::int64_t base) {
  auto written = ctx.store.set_stances(id, version, inputs, base, who.name);
  if (!written) throw from_store(written.error());
  (void)req;
  res.set_header("ETag", etag(written->revision));
  send_json(res, 200, {{"scenario", id}, {"version", version}, {"revision", written->revision},
                       {"written", inputs.size()}});
}

// PUT .../stances/{party}: {revision, stances: {POINT: "accept" | {stance, note, sources, estimate}}}
void put_party(Ctx& ctx, const Principal& caller, const Request& req, Response& res) {
  const std::string id = req.matches[1], version = req.matches[2], party = req.matches[3];
  const auto snap = snapshot_or_throw(ctx, id);
  const Principal who = in_scenario(caller, snap->scenario);
  require_self_or_mediator(who, party, "set the stances of");
  const Json body = parse_object(req);
  const std::int64_t base = *base_revision(req, body, true);
  const auto st = body.find("stances");
  if (st == body.end() || !st->is_object() || st->empty())
    throw HttpError{400, "invalid", "`stances` must be a non-empty object {POINT: stance}", "stances", {}};
  std::vector<store::StanceInput> inputs;
  for (const auto& [point, value] : st->items())
    inputs.push_back(parse_stance(party, point, value, "stances." + point));
  write(ctx, who, req, res, id, version, std::move(inputs), base);
}

// PUT .../stances (mediator): {revision, stances: {PARTY: {POINT: stance}}}
void put_all(Ctx& ctx, const Principal& who, const Request& req, Response& res) {
  const std::string id = req.matches[1], version = req.matches[2];
  const auto snap = snapshot_or_throw(ctx, id);
  require_mediator(who, "set the stances of several parties at once");
  const Json body = parse_object(req);
  const std::int64_t base = *base_revision(req, body, true);
  const auto st = body.find("stances");
  if (st == body.end() || !st->is_object() || st->empty())
    throw HttpError{400, "invalid", "`stances` must be a non-empty object {PARTY: {POINT: stance}}", "stances", {}};
  std::vector<store::StanceInput> inputs;
  for (const auto& [party, points] : st->items()) {
    if (!points.is_object())
      throw HttpError{400, "invalid", "expected an object {POINT: stance}", "stances." + party, {}};
    for (const auto& [point, value] : points.items())
      inputs.push_back(parse_stance(party, point, value, "stances." + party + "." + point));
  }
  write(ctx, who, req, res, id, version, std::move(inputs), base);
}

// GET /api/scenarios/{id}/history?version=&party=&point=&since=&until=&limit=
void history(Ctx& ctx, const Principal&, const Request& req, Response& res) {
  const std::string id = req.matches[1];
  store::HistoryFilter f;
  auto param = [&](const char* key) -> std::optional<std::string> {
    if (!req.has_param(key)) return std::nullopt;
    return req.get_param_value(key);
  };
  f.version = param("version");
  f.party = param("party");
  f.point = param("point");
  f.since = param("since");
  f.until = param("until");
  if (const auto limit = limit_param(req)) f.limit = *limit;
  auto rows = ctx.store.stance_history(id, f);
  if (!rows) throw from_store(rows.error());
  Json out = Json::array();
  for (const auto& r : *rows) {
    Json j = {{"id", r.id}, {"version", r.version}, {"party", r.party}, {"point", r.point}};
    j.update(stance_json(r));
    out.push_back(std::move(j));
  }
  send_json(res, 200, {{"scenario", id}, {"stances", std::move(out)}});
}

}  // namespace

void add_stance_routes(RouteTable& routes) {
  const std::string base = "/api/scenarios/{}/versions/{}/stances";
  routes.add("GET", base, get);
  routes.add("GET", base + "/{}", get);
  routes.add("PUT", base, put_all);
  routes.add("PUT", base + "/{}", put_party);
  routes.add("GET", "/api/scenarios/{}/history", history);
}

}  // namespace accord::server
