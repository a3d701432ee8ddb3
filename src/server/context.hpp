#pragma once
// Private to accord_server: what every route handler shares.
#include <spdlog/spdlog.h>

#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "accord/server/server.hpp"
#include "request.hpp"

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

using Handler = std::function<void(Ctx&, const Principal&, const Request&, Response&)>;

// The authenticated routes. A pattern is a path whose `{}` segments match any one non-empty
// segment and `{n}` segments only digits; the matched segments are req.matches[1..].
class RouteTable {
 public:
  void add(const char* method, const std::string& pattern, Handler h);
  // The handler for this method and path (filling `matches`), or nullptr; `path_known` says
  // whether any method matches the path (405 rather than 404).
  [[nodiscard]] const Handler* find(const std::string& method, const std::string& path,
                                    std::vector<std::string>& matches, bool& path_known) const;

 private:
  struct Route {
    std::string method;
    std::vector<std::string> segments;
    Handler handler;
  };
  std::vector<Route> routes_;
};

// Every JSON text the server sends: invalid UTF-8 in stored strings becomes U+FFFD instead of
// an exception (a stored bad byte must never turn into a 500 or an abort).
[[nodiscard]] std::string dump(const Json& j);
// Parses JSON text the server produced itself (engine results, canonical documents).
[[nodiscard]] Json parse_trusted(const std::string& text);

// "\"12\"" for revision 12 (ETag and If-Match values).
[[nodiscard]] std::string etag(std::int64_t revision);
void send_json(Response& res, int status, const Json& body);
void send_error(Response& res, const HttpError& e);

// Request JSON deeper than this is refused before it is parsed (the serializer recurses).
inline constexpr std::size_t kMaxJsonDepth = 64;

// The request body as a JSON object; throws HttpError 400 (invalid_json / invalid).
[[nodiscard]] Json parse_object(const Request& req);
// The revision a write was based on: the If-Match header ("12" or "\"12\"") or the body's
// `revision`. Throws 428 when `required` and absent, 400 when malformed.
[[nodiscard]] std::optional<std::int64_t> base_revision(const Request& req, const Json& body,
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
// The caller as seen inside scenario `s`: a party token whose party (compared exactly) is not
// in `s` is an observer there.
[[nodiscard]] Principal in_scenario(const Principal& who, const Scenario& s);
// `limit` query parameter: an integer, clamped to 1..10000; 400 otherwise.
[[nodiscard]] std::optional<std::size_t> limit_param(const Request& req);

// The scenario as `who` may see it (docs/server.md "Roles").
[[nodiscard]] Scenario scenario_view(const Scenario& s, const Principal& who);
[[nodiscard]] std::string view_key(const Principal& who);

// Route groups, one file each.
void add_scenario_routes(RouteTable& routes);
void add_preference_routes(RouteTable& routes);
void add_stance_routes(RouteTable& routes);
void add_event_routes(RouteTable& routes);
void add_analysis_routes(RouteTable& routes);
void add_diff_routes(RouteTable& routes);  // analyses_diff.cpp
void add_round_routes(RouteTable& routes);  // routes_rounds.cpp
void add_validate_routes(RouteTable& routes);  // routes_validate.cpp (the editor's checks)
void add_scenario_put_routes(RouteTable& routes);  // routes_scenario_put.cpp

// Analyses (analyses.cpp): the full result (what each role sees of it: routes_analyses.cpp).
[[nodiscard]] bool known_engine(const std::string& engine);
[[nodiscard]] Json run_analysis(const std::string& engine, const Scenario& s, const Json& params);

// "role[:party]" for the log line.
[[nodiscard]] std::string caller_label(const Principal& who);

}  // namespace accord::server
