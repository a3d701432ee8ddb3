// GET|PUT /api/scenarios/{id}/preferences/{party}: a party's own preferences (format of
// docs/format.md "Preferences"); a party reads and writes only its own, a mediator any.
#include "accord/io/scenario_io.hpp"
#include "context.hpp"

namespace accord::server {
namespace {

Json preferences_json(const Scenario& s, const std::string& party) {
  const Json doc = parse_trusted(io::write_scenario(s, io::TextFormat::json));
  const auto prefs = doc.find("preferences");
  if (prefs == doc.end() || !prefs->contains(party)) return nullptr;
  return (*prefs)[party];
}

PartyIndex party_or_throw(const Scenario& s, const std::string& party) {
  const PartyIndex p = s.find_party(party);
  if (!p.valid()) throw HttpError{404, "not_found", "no party `" + party + "` in this scenario", "party", {}};
  return p;
}

void get(Ctx& ctx, const Principal& caller, const Request& req, Response& res) {
  const std::string id = req.matches[1], party = req.matches[2];
  const auto snap = snapshot_or_throw(ctx, id);
  const Principal who = in_scenario(caller, snap->scenario);
  require_self_or_mediator(who, party, "read the preferences of");
  party_or_throw(snap->scenario, party);
  auto changed = ctx.store.preferences_revision(id, party);
  if (!changed) throw from_store(changed.error());
  res.set_header("ETag", etag(snap->revision));
  send_json(res, 200, {{"scenario", id}, {"party", party}, {"revision", snap->revision},
                       {"changed_revision", *changed},
                       {"preferences", preferences_json(snap->scenario, party)}});
}

void put(Ctx& ctx, const Principal& caller, const Request& req, Response& res) {
  const std::string id = req.matches[1], party = req.matches[2];
  const auto snap = snapshot_or_throw(ctx, id);
  const Principal who = in_scenario(caller, snap->scenario);
  require_self_or_mediator(who, party, "change the preferences of");
  party_or_throw(snap->scenario, party);
  const Json body = parse_object(req);
  const std::int64_t base = *base_revision(req, body, true);
  const auto prefs = body.find("preferences");
  if (prefs == body.end() || !prefs->is_object())
    throw HttpError{400, "invalid", "`preferences` must be an object (docs/format.md \"Preferences\")",
                    "preferences", {}};
  // Validate through the scenario reader: splice the new preferences into the document.
  Json doc = parse_trusted(io::write_scenario(snap->scenario, io::TextFormat::json));
  doc["preferences"][party] = *prefs;
  const io::LoadResult loaded = io::load_scenario_text(dump(doc), "request.json");
  const std::string prefix = "preferences." + party;
  for (const Diagnostic& d : loaded.outcome.diagnostics) {
    if (d.severity != Severity::error) continue;
    // Only problems inside the caller's own preferences are described; anything else would
    // speak about data the caller may not see.
    if (d.path.compare(0, prefix.size(), prefix) != 0)
      throw HttpError{400, "invalid", "these preferences do not fit the scenario", "preferences", {}};
    throw HttpError{400, "invalid", d.message + (d.hint.empty() ? "" : "; " + d.hint), d.path, {}};
  }
  if (!loaded.ok()) throw HttpError{400, "invalid", "these preferences do not fit the scenario", "preferences", {}};
  const PartyIndex p = loaded.scenario->find_party(party);
  auto written = ctx.store.set_preferences(id, party, loaded.scenario->preferences[p], snap->scenario, base,
                                           who.name);
  if (!written) throw from_store(written.error());
  res.set_header("ETag", etag(written->revision));
  send_json(res, 200, {{"scenario", id}, {"party", party}, {"revision", written->revision},
                       {"preferences", preferences_json(*loaded.scenario, party)}});
}

}  // namespace

void add_preference_routes(RouteTable& routes) {
  routes.add("GET", "/api/scenarios/{}/preferences/{}", get);
  routes.add("PUT", "/api/scenarios/{}/preferences/{}", put);
}

}  // namespace accord::server
