// GET /api/scenarios, GET /api/scenarios/{id}
#include "accord/io/scenario_io.hpp"
#include "context.hpp"

namespace accord::server {
namespace {

Json caller_json(const Principal& who) {
  return {{"name", who.name},
          {"role", std::string(store::to_string(who.role))},
          {"party", who.party.empty() ? Json(nullptr) : Json(who.party)}};
}

void list(Ctx& ctx, const Principal& who, const Request&, Response& res) {
  Json items = Json::array();
  for (const auto& s : ctx.store.list_scenarios())
    items.push_back({{"id", s.id}, {"title", s.title}, {"revision", s.revision},
                     {"created_at", s.created_at}, {"updated_at", s.updated_at}});
  send_json(res, 200, {{"caller", caller_json(who)}, {"scenarios", std::move(items)}});
}

void get(Ctx& ctx, const Principal& caller, const Request& req, Response& res) {
  const std::string id = req.matches[1];
  const auto snap = snapshot_or_throw(ctx, id);
  const Principal who = in_scenario(caller, snap->scenario);
  const std::string tag = etag(snap->revision);
  res.set_header("ETag", tag);
  if (req.get_header_value("If-None-Match") == tag) {
    res.status = 304;
    return;
  }
  const std::string key = id + "\n" + view_key(who);
  std::optional<std::string> body = ctx.views.get(key, snap->revision);
  if (!body) {
    // The canonical scenario JSON is spliced in as text: no re-parse on the hot path.
    Json head = {{"id", id}, {"revision", snap->revision}, {"updated_at", snap->updated_at}};
    std::string text = dump(head);
    text.pop_back();
    const std::string doc = io::write_scenario(scenario_view(snap->scenario, who), io::TextFormat::json);
    text += ",\"scenario\":" + dump(parse_trusted(doc)) + "}";  // compact
    ctx.views.put(key, snap->revision, text);
    body = std::move(text);
  }
  res.status = 200;
  res.set_content(std::move(*body), "application/json");
}

}  // namespace

void add_scenario_routes(RouteTable& routes) {
  routes.add("GET", "/api/scenarios", list);
  routes.add("GET", "/api/scenarios/{}", get);
}

}  // namespace accord::server
