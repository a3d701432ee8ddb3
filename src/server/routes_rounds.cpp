// /api/scenarios/{id}/rounds…: mediation rounds (docs/rounds.md). The mediator opens, closes
// and publishes; an addressed party writes and reads only its own answers; every document is
// cut to the reader's share by report::result_view with the "round" table (a party sees its
// own answers, an observer only who has answered).
#include <algorithm>

#include "accord/report/round.hpp"
#include "accord/report/visibility.hpp"
#include "context.hpp"

namespace accord::server {
namespace {

// Rounds' analysis work (readiness, suggestions) stops after this.
constexpr double kCloseSeconds = 60.0;

std::int64_t round_number(const std::string& text) {
  try {
    std::size_t used = 0;
    const long long n = std::stoll(text, &used);
    if (used == text.size() && n >= 1) return n;
  } catch (const std::exception&) {  // out of range: no such round
  }
  throw HttpError{404, "not_found", "no round " + text, "round", {}};
}

report::Audience audience(const Principal& who) {
  switch (who.role) {
    case AccessRole::mediator: return report::Audience::mediator;
    case AccessRole::party: return report::Audience::party;
    case AccessRole::observer: return report::Audience::observer;
  }
  return report::Audience::observer;
}

// The document as `who` may see it, with the scenario revision it was read at.
Json view(const Principal& who, const Json& full, std::int64_t revision) {
  Json out = who.role == AccessRole::mediator
                 ? full
                 : report::result_view(report::kRoundView, report::kRoundSchema, full, audience(who), who.party);
  out["revision"] = revision;
  return out;
}

RoundRecord round_or_throw(Ctx& ctx, const std::string& id, std::int64_t n) {
  auto r = ctx.store.round(id, n);
  if (!r) throw from_store(r.error());
  return *r;
}

rounds::Summary live(const Scenario& s, const RoundRecord& r) {
  evaluate::Params params;
  params.deadline = Deadline::after(kCloseSeconds);
  return rounds::summarize(s, r, params);
}

void reject_unknown_keys(const Json& body, std::initializer_list<const char*> allowed) {
  for (const auto& [key, _] : body.items()) {
    bool ok = false;
    for (const char* a : allowed) ok = ok || key == a;
    if (!ok) throw HttpError{400, "invalid", "unknown key `" + key + "`", key, {}};
  }
}

// POST /api/scenarios/{id}/rounds {version, parties?, revision} -> 201
void open(Ctx& ctx, const Principal& who, const Request& req, Response& res) {
  const std::string id = req.matches[1];
  (void)snapshot_or_throw(ctx, id);
  require_mediator(who, "open a round");
  const Json body = parse_object(req);
  reject_unknown_keys(body, {"version", "parties", "revision"});
  const std::int64_t base = *base_revision(req, body, true);
  const std::string version = get_string(body, "version", true, "");
  const std::vector<std::string> parties = get_strings(body, "parties", "");
  auto r = ctx.store.open_round(id, version, parties, base, who.name);
  if (!r) throw from_store(r.error());
  const std::int64_t rev = r->opened_revision;
  res.set_header("ETag", etag(rev));
  send_json(res, 201, {{"scenario", id}, {"revision", rev}, {"round", r->number}, {"version", r->version},
                       {"parties", r->parties}, {"status", std::string(to_string(r->status))}});
}

// GET /api/scenarios/{id}/rounds
void list(Ctx& ctx, const Principal& caller, const Request& req, Response& res) {
  const std::string id = req.matches[1];
  const auto snap = snapshot_or_throw(ctx, id);
  const Principal who = in_scenario(caller, snap->scenario);
  auto all = ctx.store.rounds(id);
  if (!all) throw from_store(all.error());
  std::vector<rounds::Summary> sums;
  if (who.role == AccessRole::mediator)  // convergence is the mediator's
    for (const RoundRecord& r : *all) sums.push_back(live(snap->scenario, r));
  res.set_header("ETag", etag(snap->revision));
  send_json(res, 200, view(who, report::rounds_json(snap->scenario, *all, sums), snap->revision));
}

// GET /api/scenarios/{id}/rounds/{n}
void get(Ctx& ctx, const Principal& caller, const Request& req, Response& res) {
  const std::string id = req.matches[1];
  const std::int64_t n = round_number(req.matches[2]);
  const auto snap = snapshot_or_throw(ctx, id);
  const Principal who = in_scenario(caller, snap->scenario);
  const RoundRecord r = round_or_throw(ctx, id, n);
  std::optional<rounds::Summary> sum;
  if (who.role == AccessRole::mediator) sum = live(snap->scenario, r);
  res.set_header("ETag", etag(snap->revision));
  send_json(res, 200, view(who, report::round_json(snap->scenario, r, sum ? &*sum : nullptr), snap->revision));
}

void check_party(const Scenario& s, const RoundRecord& r, const std::string& party) {
  if (!s.find_party(party).valid())
    throw HttpError{404, "not_found", "no party `" + party + "` in this scenario", "party", {}};
  if (std::find(r.parties.begin(), r.parties.end(), party) == r.parties.end())
    throw HttpError{404, "not_found", "party `" + party + "` is not addressed in round " + std::to_string(r.number),
                    "party", {}};
}

// GET /api/scenarios/{id}/rounds/{n}/responses/{party}: the party itself or the mediator.
void get_responses(Ctx& ctx, const Principal& caller, const Request& req, Response& res) {
  const std::string id = req.matches[1], party = req.matches[3];
  const std::int64_t n = round_number(req.matches[2]);
  const auto snap = snapshot_or_throw(ctx, id);
  const Principal who = in_scenario(caller, snap->scenario);
  require_self_or_mediator(who, party, "read the answers of");
  const RoundRecord r = round_or_throw(ctx, id, n);
  check_party(snap->scenario, r, party);
  auto history = ctx.store.response_history(id, n, party);
  if (!history) throw from_store(history.error());
  res.set_header("ETag", etag(snap->revision));
  send_json(res, 200, view(who, report::responses_json(snap->scenario, r, party, &*history), snap->revision));
}

// PUT /api/scenarios/{id}/rounds/{n}/responses/{party} {revision, responses}
void put_responses(Ctx& ctx, const Principal& caller, const Request& req, Response& res) {
  const std::string id = req.matches[1], party = req.matches[3];
  const std::int64_t n = round_number(req.matches[2]);
  const auto snap = snapshot_or_throw(ctx, id);
  const Principal who = in_scenario(caller, snap->scenario);
  require_self_or_mediator(who, party, "answer for");
  const Json body = parse_object(req);
  reject_unknown_keys(body, {"responses", "revision"});
  const std::int64_t base = *base_revision(req, body, true);
  const auto it = body.find("responses");
  if (it == body.end()) throw HttpError{400, "invalid", "`responses` is required", "responses", {}};
  std::vector<RoundResponse> answers;
  if (auto e = report::parse_responses(*it, answers)) throw HttpError{400, "invalid", e->message, e->field, {}};
  auto written = ctx.store.set_responses(id, n, party, answers, base, who.name);
  if (!written) throw from_store(written.error());
  res.set_header("ETag", etag(written->revision));
  send_json(res, 200, {{"scenario", id}, {"round", n}, {"party", party}, {"revision", written->revision},
                       {"written", answers.size()}});
}

// POST /api/scenarios/{id}/rounds/{n}/close {revision?}: the summary, stored with the round.
void close(Ctx& ctx, const Principal& caller, const Request& req, Response& res) {
  const std::string id = req.matches[1];
  const std::int64_t n = round_number(req.matches[2]);
  const auto snap = snapshot_or_throw(ctx, id);
  const Principal who = in_scenario(caller, snap->scenario);
  require_mediator(who, "close a round");
  const Json body = parse_object(req);
  reject_unknown_keys(body, {"revision"});
  const std::optional<std::int64_t> base = base_revision(req, body, false);
  const RoundRecord r = round_or_throw(ctx, id, n);
  const std::int64_t computed_at = r.last_answer_revision();
  if (base && computed_at > *base)
    throw HttpError{409, "conflict",
                    "an answer of round " + std::to_string(n) + " changed at revision " + std::to_string(computed_at) +
                        ", after revision " + std::to_string(*base) + "; re-read the round and retry",
                    "round", snap->revision};
  if (r.status != RoundStatus::open)
    throw HttpError{409, "conflict", "round " + std::to_string(n) + " is already closed", "round", snap->revision};
  const Json summary = report::close_summary_json(snap->scenario, r, Deadline::after(kCloseSeconds));
  auto closed = ctx.store.close_round(id, n, dump(summary), computed_at, who.name);
  if (!closed) throw from_store(closed.error());
  Json out = summary;
  out["revision"] = closed->closed_revision;
  res.set_header("ETag", etag(closed->closed_revision));
  send_json(res, 200, out);
}

// POST /api/scenarios/{id}/rounds/{n}/publish {revision, version, label?, date?, adopt?, amend?, drop?, add?} -> 201
void publish(Ctx& ctx, const Principal& caller, const Request& req, Response& res) {
  const std::string id = req.matches[1];
  const std::int64_t n = round_number(req.matches[2]);
  const auto snap = snapshot_or_throw(ctx, id);
  const Principal who = in_scenario(caller, snap->scenario);
  require_mediator(who, "publish a round's next version");
  const Json body = parse_object(req);
  const std::int64_t base = *base_revision(req, body, true);
  const RoundRecord r = round_or_throw(ctx, id, n);
  if (r.status != RoundStatus::closed)
    throw HttpError{409, "conflict", "round " + std::to_string(n) + " is open; close it before publishing", "round",
                    snap->revision};
  Json adopted = body;
  if (auto e = report::adopt_suggestions(snap->scenario, r, adopted))
    throw HttpError{400, "invalid", e->message, e->field, {}};
  rounds::Edits edits;
  if (auto e = report::parse_edits(adopted, edits)) throw HttpError{400, "invalid", e->message, e->field, {}};
  const rounds::NextVersion next = rounds::next_version(snap->scenario, snap->scenario.find_version(r.version), edits);
  if (!next.outcome.ok()) {
    const auto& d = next.outcome.diagnostics;
    throw HttpError{400, "invalid", next.outcome.message(), d.empty() ? "" : d.front().path, {}};
  }
  auto written = ctx.store.publish_round(id, n, next.version, base, who.name);
  if (!written) throw from_store(written.error());
  res.set_header("ETag", etag(written->revision));
  send_json(res, 201, report::published_json(snap->scenario, r, next, written->revision));
}

}  // namespace

void add_round_routes(RouteTable& routes) {
  const std::string base = "/api/scenarios/{}/rounds";
  routes.add("POST", base, open);
  routes.add("GET", base, list);
  routes.add("GET", base + "/{n}", get);
  routes.add("GET", base + "/{n}/responses/{}", get_responses);
  routes.add("PUT", base + "/{n}/responses/{}", put_responses);
  routes.add("POST", base + "/{n}/close", close);
  routes.add("POST", base + "/{n}/publish", publish);
}

}  // namespace accord::server
