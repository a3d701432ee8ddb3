// PUT /api/scenarios/{id} (mediator): a whole scenario document — `text` (YAML or JSON) or
// `scenario` (an object), as POST /api/validate takes it — stored as a new revision, exactly as
// `accord db import` does. `revision` (or If-Match) is required: the revision the document was
// based on, 409 when the scenario moved past it; 0 creates the scenario and is 409 when the id
// is taken. A document equal to the current revision writes nothing (`unchanged`).
#include <algorithm>

#include "posted_document.hpp"

namespace accord::server {
namespace {

HttpError not_a_scenario(const io::LoadResult& r) {
  const auto& ds = r.outcome.diagnostics;
  const auto err = std::find_if(ds.begin(), ds.end(), [](const Diagnostic& d) { return d.severity == Severity::error; });
  if (err == ds.end()) return HttpError{400, "invalid", "the document is not a valid scenario", "scenario", {}};
  return HttpError{400, "invalid", "the document is not a valid scenario: " + err->to_string(),
                   err->path.empty() ? "scenario" : err->path, {}};
}

void put(Ctx& ctx, const Principal& who, const Request& req, Response& res) {
  const std::string id = req.matches[1];
  require_mediator(who, "store a scenario document");
  const Json body = parse_object(req);
  // 0 asks to create: the other writes' readers take only positive revisions.
  const auto rev = body.find("revision");
  const bool create = rev != body.end() && rev->is_number_integer() && rev->get<std::int64_t>() == 0 &&
                      req.get_header_value("If-Match").empty();
  const std::int64_t base = create ? 0 : *base_revision(req, body, true);
  const PostedDocument doc = read_posted_document(body);
  if (!doc.loaded.ok()) throw not_a_scenario(doc.loaded);
  if (doc.loaded.scenario->id != id)
    throw HttpError{400, "invalid",
                    "the document's id is `" + doc.loaded.scenario->id + "`, the path's `" + id + "`; they must match",
                    "id", {}};
  if (create) {  // even an identical document: 0 promises the id was free
    if (const auto taken = ctx.store.revision(id); taken && *taken > 0)
      throw HttpError{409, "conflict",
                      "scenario `" + id + "` already exists (revision " + std::to_string(*taken) +
                          "); choose another id, or send the revision you edited",
                      "revision", *taken};
  }
  auto imported = ctx.store.import_scenario(*doc.loaded.scenario, who.name, {base, false});
  if (!imported) throw from_store(imported.error());
  res.set_header("ETag", etag(imported->revision));
  send_json(res, imported->created ? 201 : 200,
            {{"scenario", id},
             {"revision", imported->revision},
             {"previous_revision", imported->previous_revision},
             {"created", imported->created},
             {"unchanged", imported->unchanged},
             {"stances_changed", imported->stances_changed},
             {"events_added", imported->events_added},
             {"events_removed", imported->events_removed}});
}

}  // namespace

void add_scenario_put_routes(RouteTable& routes) { routes.add("PUT", "/api/scenarios/{}", put); }

}  // namespace accord::server
