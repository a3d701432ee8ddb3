// JSON responses, errors, request parsing and the authenticated route wrapper.
#include <charconv>

#include "context.hpp"

namespace accord::server {
namespace {

thread_local std::string t_role = "-";

std::optional<std::int64_t> parse_int(std::string_view text) {
  std::int64_t v = 0;
  const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || ptr != text.data() + text.size()) return std::nullopt;
  return v;
}

}  // namespace

void note_principal(const Principal& who) {
  t_role = std::string(store::to_string(who.role)) + (who.party.empty() ? "" : ":" + who.party);
}

std::string take_logged_role() {
  std::string r = std::move(t_role);
  t_role = "-";
  return r;
}

HttpError from_store(const store::Error& e) {
  HttpError h;
  h.message = e.message;
  h.field = e.field;
  switch (e.code) {
    case store::ErrorCode::invalid: h.status = 400, h.code = "invalid"; break;
    case store::ErrorCode::not_found: h.status = 404, h.code = "not_found"; break;
    case store::ErrorCode::conflict:
      h.status = 409, h.code = "conflict", h.current_revision = e.current_revision;
      break;
    case store::ErrorCode::internal: h.status = 500, h.code = "internal"; break;
  }
  return h;
}

void send_json(httplib::Response& res, int status, const Json& body) {
  res.status = status;
  res.set_content(body.dump(), "application/json");
}

void send_error(httplib::Response& res, const HttpError& e) {
  Json err = {{"code", e.code}, {"message", e.message}, {"field", e.field.empty() ? Json(nullptr) : Json(e.field)}};
  if (e.current_revision) {
    err["current_revision"] = *e.current_revision;
    res.set_header("ETag", "\"" + std::to_string(*e.current_revision) + "\"");
  }
  send_json(res, e.status, Json{{"error", std::move(err)}});
}

Json parse_object(const httplib::Request& req) {
  Json body = Json::parse(req.body, nullptr, false);
  if (body.is_discarded())
    throw HttpError{400, "invalid_json", "the request body is not valid JSON", "body", {}};
  if (!body.is_object()) throw HttpError{400, "invalid", "the request body must be a JSON object", "body", {}};
  return body;
}

std::optional<std::int64_t> base_revision(const httplib::Request& req, const Json& body, bool required) {
  if (req.has_header("If-Match")) {
    std::string v = req.get_header_value("If-Match");
    if (v.size() >= 2 && v.front() == '"' && v.back() == '"') v = v.substr(1, v.size() - 2);
    const auto rev = parse_int(v);
    if (!rev || *rev < 1)
      throw HttpError{400, "invalid", "If-Match must be a revision such as \"12\"", "If-Match", {}};
    return rev;
  }
  const auto it = body.find("revision");
  if (it == body.end()) {
    if (!required) return std::nullopt;
    throw HttpError{428, "revision_required",
                    "say which revision this write is based on: an If-Match header or a `revision` field",
                    "revision", {}};
  }
  if (!it->is_number_integer() || it->get<std::int64_t>() < 1)
    throw HttpError{400, "invalid", "`revision` must be a positive integer", "revision", {}};
  return it->get<std::int64_t>();
}

std::string get_string(const Json& body, const char* key, bool required, const std::string& path) {
  const auto it = body.find(key);
  if (it == body.end() || it->is_null()) {
    if (required) throw HttpError{400, "invalid", std::string("`") + key + "` is required", path + key, {}};
    return {};
  }
  if (!it->is_string()) throw HttpError{400, "invalid", std::string("`") + key + "` must be a string", path + key, {}};
  return it->get<std::string>();
}

bool get_bool(const Json& body, const char* key, const std::string& path) {
  const auto it = body.find(key);
  if (it == body.end() || it->is_null()) return false;
  if (!it->is_boolean()) throw HttpError{400, "invalid", std::string("`") + key + "` must be true or false", path + key, {}};
  return it->get<bool>();
}

std::vector<std::string> get_strings(const Json& body, const char* key, const std::string& path) {
  const auto it = body.find(key);
  if (it == body.end() || it->is_null()) return {};
  const auto bad = HttpError{400, "invalid", std::string("`") + key + "` must be a list of strings", path + key, {}};
  if (!it->is_array()) throw bad;
  std::vector<std::string> out;
  for (const auto& e : *it) {
    if (!e.is_string()) throw bad;
    out.push_back(e.get<std::string>());
  }
  return out;
}

std::shared_ptr<const store::Snapshot> snapshot_or_throw(Ctx& ctx, const std::string& id) {
  auto snap = ctx.store.snapshot(id);
  if (!snap) throw from_store(snap.error());
  return *snap;
}

void require_mediator(const Principal& who, const char* what) {
  if (who.role != AccessRole::mediator)
    throw HttpError{403, "forbidden", std::string("only a mediator may ") + what, {}, {}};
}

void require_self_or_mediator(const Principal& who, const std::string& party, const char* what) {
  if (who.role == AccessRole::mediator) return;
  if (who.role == AccessRole::party && who.party == party) return;
  throw HttpError{403, "forbidden", std::string("you may only ") + what + " your own party", {}, {}};
}

void require_not_observer(const Principal& who, const char* what) {
  if (who.role == AccessRole::observer)
    throw HttpError{403, "forbidden", std::string("an observer may not ") + what, {}, {}};
}

void add_route(httplib::Server& svr, Ctx& ctx, const char* method, const std::string& pattern, Handler h) {
  auto wrapped = [&ctx, h = std::move(h)](const httplib::Request& req, httplib::Response& res) {
    try {
      const std::string auth = req.get_header_value("Authorization");
      std::optional<Principal> who;
      if (auth.size() > 7 && auth.compare(0, 7, "Bearer ") == 0) who = ctx.store.authenticate(auth.substr(7));
      if (!who) {
        res.set_header("WWW-Authenticate", "Bearer");
        throw HttpError{401, "unauthorized", "a valid `Authorization: Bearer TOKEN` header is required",
                        "Authorization", {}};
      }
      note_principal(*who);
      h(ctx, *who, req, res);
    } catch (const HttpError& e) {
      send_error(res, e);
    } catch (const std::exception& e) {
      ctx.log->error("handler failed: {} {}: {}", req.method, req.path, e.what());
      send_error(res, HttpError{500, "internal", "internal error; the server log has the details", {}, {}});
    }
  };
  const std::string m = method;
  if (m == "GET") svr.Get(pattern, wrapped);
  else if (m == "PUT") svr.Put(pattern, wrapped);
  else if (m == "POST") svr.Post(pattern, wrapped);
  else if (m == "DELETE") svr.Delete(pattern, wrapped);
}

std::optional<std::string> ViewCache::get(const std::string& key, std::int64_t revision) const {
  std::lock_guard lock(mu_);
  const auto it = entries_.find(key);
  if (it == entries_.end() || it->second.first != revision) return std::nullopt;
  return *it->second.second;
}

void ViewCache::put(const std::string& key, std::int64_t revision, std::string body) {
  std::lock_guard lock(mu_);
  auto& slot = entries_[key];
  if (slot.second && slot.first > revision) return;
  slot = {revision, std::make_shared<const std::string>(std::move(body))};
}

Scenario scenario_view(const Scenario& s, const Principal& who) {
  if (who.role == AccessRole::mediator) return s;
  Scenario v = s;
  for (std::size_t p = 0; p < v.preferences.size(); ++p) {
    const bool own = who.role == AccessRole::party && p < v.parties.size() && v.parties[p].id == who.party;
    if (!own) v.preferences[p] = Preferences{};
  }
  // Conflict preferences and forecast positions/saliences are private estimates.
  v.conflict.reset();
  v.forecast.reset();
  return v;
}

std::string view_key(const Principal& who) {
  switch (who.role) {
    case AccessRole::mediator: return "m";
    case AccessRole::party: return "p:" + who.party;
    case AccessRole::observer: return "o";
  }
  return "o";
}

}  // namespace accord::server
