#pragma once
// Private to accord_server: what every route handler shares.
#include <httplib.h>
#include <spdlog/spdlog.h>

#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "accord/server/server.hpp"

namespace accord::server {

using Json = nlohmann::ordered_json;
using store::AccessRole;
using store::Principal;

// An error a handler throws; the route wrapper turns it into {error: {code, message, field}}.
struct HttpError {
  int status = 400;
  std::string code;
  std::string message;
  std::string field;
  std::optional<std::int64_t> current_revision;
};

[[nodiscard]] HttpError from_store(const store::Error& e);

// Bodies of GET /api/scenarios/{id}, per scenario, view and revision.
class ViewCache {
 public:
  std::optional<std::string> get(const std::string& key, std::int64_t revision) const;
  void put(const std::string& key, std::int64_t revision, std::string body);

 private:
  mutable std::mutex mu_;
  std::map<std::string, std::pair<std::int64_t, std::shared_ptr<const std::string>>> entries_;
};

struct Ctx {
  store::Store& store;
  Options options;
  std::shared_ptr<spdlog::logger> log;
  ViewCache views;
};

using Handler = std::function<void(Ctx&, const Principal&, const httplib::Request&, httplib::Response&)>;

// Registers an authenticated route: 401 without a valid bearer token, HttpError and
// exceptions turned into JSON errors.
void add_route(httplib::Server& svr, Ctx& ctx, const char* method, const std::string& pattern, Handler h);

void send_json(httplib::Response& res, int status, const Json& body);
void send_error(httplib::Response& res, const HttpError& e);

// The request body as a JSON object; throws HttpError 400 (invalid_json / invalid).
[[nodiscard]] Json parse_object(const httplib::Request& req);
// The revision a write was based on: the If-Match header ("12" or "\"12\"") or the body's
// `revision`. Throws 428 when `required` and absent, 400 when malformed.
[[nodiscard]] std::optional<std::int64_t> base_revision(const httplib::Request& req, const Json& body,
                                                        bool required);
// Typed field access; throws HttpError naming the field.
[[nodiscard]] std::string get_string(const Json& body, const char* key, bool required, const std::string& path);
[[nodiscard]] bool get_bool(const Json& body, const char* key, const std::string& path);
[[nodiscard]] std::vector<std::string> get_strings(const Json& body, const char* key, const std::string& path);

// The snapshot of a scenario or HttpError 404.
[[nodiscard]] std::shared_ptr<const store::Snapshot> snapshot_or_throw(Ctx& ctx, const std::string& id);

// Authorisation helpers (throw 403 without naming any data that was withheld).
void require_mediator(const Principal& who, const char* what);
// Mediator, or the party itself.
void require_self_or_mediator(const Principal& who, const std::string& party, const char* what);
void require_not_observer(const Principal& who, const char* what);

// The scenario as `who` may see it (docs/server.md "Roles").
[[nodiscard]] Scenario scenario_view(const Scenario& s, const Principal& who);
[[nodiscard]] std::string view_key(const Principal& who);

// Route groups, one file each.
void add_scenario_routes(httplib::Server& svr, Ctx& ctx);
void add_preference_routes(httplib::Server& svr, Ctx& ctx);
void add_stance_routes(httplib::Server& svr, Ctx& ctx);
void add_event_routes(httplib::Server& svr, Ctx& ctx);
void add_analysis_routes(httplib::Server& svr, Ctx& ctx);

// Analyses (analyses.cpp): the full result, and what a party may see of it.
[[nodiscard]] bool known_engine(const std::string& engine);
[[nodiscard]] Json run_analysis(const std::string& engine, const Scenario& s, const Json& params);
[[nodiscard]] Json reduce_for_party(const std::string& engine, const Json& full, const std::string& party);

// Per-request log fields set by the wrapper (same thread as the logger callback).
void note_principal(const Principal& who);

}  // namespace accord::server
