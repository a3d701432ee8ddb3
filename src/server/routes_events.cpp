// GET|POST /api/scenarios/{id}/events: the public timeline; only a mediator adds to it.
#include <algorithm>

#include "context.hpp"

namespace accord::server {
namespace {

Json event_json(const store::EventRecord& r) {
  return {{"id", r.id},         {"date", r.event.date},   {"kind", std::string(to_string(r.event.kind))},
          {"text", r.event.text}, {"note", r.event.note}, {"sources", r.event.sources},
          {"estimate", r.event.estimate}, {"added_by", r.added_by}, {"added_at", r.added_at},
          {"revision", r.revision}};
}

void list(Ctx& ctx, const Principal&, const Request& req, Response& res) {
  const std::string id = req.matches[1];
  store::HistoryFilter f;
  if (req.has_param("kind")) f.kind = req.get_param_value("kind");
  if (req.has_param("since")) f.since = req.get_param_value("since");
  if (req.has_param("until")) f.until = req.get_param_value("until");
  if (const auto limit = limit_param(req)) f.limit = *limit;
  auto rows = ctx.store.events(id, f);
  if (!rows) throw from_store(rows.error());
  Json out = Json::array();
  for (const auto& r : *rows) out.push_back(event_json(r));
  send_json(res, 200, {{"scenario", id}, {"events", std::move(out)}});
}

// POST {date, kind, text, note?, sources?, estimate?, revision?}
void add(Ctx& ctx, const Principal& who, const Request& req, Response& res) {
  const std::string id = req.matches[1];
  (void)snapshot_or_throw(ctx, id);
  require_mediator(who, "add timeline events");
  const Json body = parse_object(req);
  for (const auto& [key, _] : body.items())
    if (key != "date" && key != "kind" && key != "text" && key != "note" && key != "sources" &&
        key != "estimate" && key != "revision")
      throw HttpError{400, "invalid", "unknown key `" + key + "`; expected date, kind, text, note, sources, estimate, revision",
                      key, {}};
  store::EventInput e;
  e.date = get_string(body, "date", true, "");
  auto kind = store::parse_event_kind_field(get_string(body, "kind", true, ""));
  if (!kind) throw from_store(kind.error());
  e.kind = *kind;
  e.text = get_string(body, "text", true, "");
  e.note = get_string(body, "note", false, "");
  e.sources = get_strings(body, "sources", "");
  e.estimate = get_bool(body, "estimate", "");
  auto added = ctx.store.add_event(id, e, base_revision(req, body, false), who.name);
  if (!added) throw from_store(added.error());
  res.set_header("ETag", etag(added->revision));
  send_json(res, 201, {{"scenario", id}, {"revision", added->revision}, {"event", event_json(*added)}});
}

}  // namespace

void add_event_routes(RouteTable& routes) {
  routes.add("GET", "/api/scenarios/{}/events", list);
  routes.add("POST", "/api/scenarios/{}/events", add);
}

}  // namespace accord::server
