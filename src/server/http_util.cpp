// JSON responses, errors, request parsing and the authenticated route wrapper.
#include <algorithm>
#include <charconv>

#include "context.hpp"

namespace accord::server {
namespace {

std::optional<std::int64_t> parse_int(std::string_view text) {
  std::int64_t v = 0;
  const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (ec != std::errc() || ptr != text.data() + text.size()) return std::nullopt;
  return v;
}

std::vector<std::string> split_path(const std::string& path) {
  std::vector<std::string> out;
  std::size_t start = 1;  // paths start with '/'
  while (start <= path.size()) {
    const std::size_t slash = path.find('/', start);
    out.push_back(path.substr(start, slash == std::string::npos ? std::string::npos : slash - start));
    if (slash == std::string::npos) break;
    start = slash + 1;
  }
  return out;
}

bool all_digits(const std::string& s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

std::string caller_label(const Principal& who) {
  return std::string(store::to_string(who.role)) + (who.party.empty() ? "" : ":" + who.party);
}

void RouteTable::add(const char* method, const std::string& pattern, Handler h) {
  routes_.push_back({method, split_path(pattern), std::move(h)});
}

const Handler* RouteTable::find(const std::string& method, const std::string& path,
                                std::vector<std::string>& matches, bool& path_known) const {
  path_known = false;
  if (path.empty() || path.front() != '/') return nullptr;
  const std::vector<std::string> segments = split_path(path);
  for (const Route& r : routes_) {
    if (r.segments.size() != segments.size()) continue;
    std::vector<std::string> groups{path};
    bool ok = true;
    for (std::size_t i = 0; i < segments.size() && ok; ++i) {
      const std::string& want = r.segments[i];
      const std::string& got = segments[i];
      if (want == "{}") ok = !got.empty();
      else if (want == "{n}") ok = all_digits(got);
      else ok = want == got;
      if (ok && want.front() == '{') groups.push_back(got);
    }
    if (!ok) continue;
    path_known = true;
    if (r.method != method) continue;
    matches = std::move(groups);
    return &r.handler;
  }
  return nullptr;
}

std::string etag(std::int64_t revision) {
  std::string out = "\"";
  out += std::to_string(revision);
  out += '"';
  return out;
}

std::string dump(const Json& j) { return j.dump(-1, ' ', false, Json::error_handler_t::replace); }

Json parse_trusted(const std::string& text) { return Json::parse(to_valid_utf8(text)); }

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

void send_json(Response& res, int status, const Json& body) {
  res.status = status;
  res.set_content(dump(body), "application/json");
}

void send_error(Response& res, const HttpError& e) {
  Json err = {{"code", e.code}, {"message", e.message}, {"field", e.field.empty() ? Json(nullptr) : Json(e.field)}};
  if (e.current_revision) {
    err["current_revision"] = *e.current_revision;
    res.set_header("ETag", etag(*e.current_revision));
  }
  send_json(res, e.status, Json{{"error", std::move(err)}});
}

Json parse_object(const Request& req) {
  // The parser itself is iterative, but dump() and the scenario reader recurse: refuse deep
  // nesting before building anything.
  if (json_depth(req.body, kMaxJsonDepth) > kMaxJsonDepth)
    throw HttpError{400, "invalid_json",
                    "the request body nests deeper than " + std::to_string(kMaxJsonDepth) + " levels", "body", {}};
  Json body = Json::parse(req.body, nullptr, false);
  if (body.is_discarded())
    throw HttpError{400, "invalid_json", "the request body is not valid JSON", "body", {}};
  if (!body.is_object()) throw HttpError{400, "invalid", "the request body must be a JSON object", "body", {}};
  return body;
}

std::optional<std::int64_t> base_revision(const Request& req, const Json& body, bool required) {
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

Principal in_scenario(const Principal& who, const Scenario& s) {
  if (who.role != AccessRole::party) return who;
  for (const Party& p : s.parties)
    if (p.id == who.party) return who;
  Principal observer = who;
  observer.role = AccessRole::observer;
  observer.party.clear();
  return observer;
}

std::optional<std::size_t> limit_param(const Request& req) {
  if (!req.has_param("limit")) return std::nullopt;
  const auto v = parse_decimal(req.get_param_value("limit"));
  if (!v) throw HttpError{400, "invalid", "`limit` must be a whole number from 1 to 10000", "limit", {}};
  return static_cast<std::size_t>(std::clamp(*v, 1LL, 10000LL));
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
  for (const PartyIndex p : v.preferences.indices()) {
    const bool own = who.role == AccessRole::party && v.parties.contains(p) && v.parties[p].id == who.party;
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
