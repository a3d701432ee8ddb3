#pragma once
// Private to accord_server: from a Request to a Response, with no network. The transport
// (transport.cpp) asks admit() once the headers are in, reads the body only when told to,
// then calls handle(). The fuzz target (fuzz/http_request_fuzz.cpp) calls them directly.
#include <memory>
#include <optional>
#include <string>

#include "accord/server/server.hpp"
#include "request.hpp"

namespace accord::server {

struct Ctx;
class RouteTable;

class Router {
 public:
  Router(store::Store& store, Options options);
  ~Router();
  Router(const Router&) = delete;
  Router& operator=(const Router&) = delete;

  struct Admission {
    std::optional<Response> reject;  // answer this and close the connection; never read the body
    bool wants_body = true;          // false: the route needs no body (health, static files)
  };
  // Decides from the headers alone: 401 for an API route without a valid token (sets
  // head.principal when it is valid), 415 for a compressed body.
  [[nodiscard]] Admission admit(Request& head);
  // Routes the request; never throws (errors become JSON error responses).
  [[nodiscard]] Response handle(Request& req);
  // A JSON error for something the transport refused (413, 431, 408, 400, 503).
  [[nodiscard]] Response error(int status, const std::string& message);

  // One log line per answered request (the path with control bytes escaped).
  void log(const Request& req, const Response& res, double latency_ms);
  void info(const std::string& line);
  void warn(const std::string& line);
  [[nodiscard]] const Options& options() const;

 private:
  Response finish(Response res);
  std::unique_ptr<Ctx> ctx_;
  std::unique_ptr<RouteTable> routes_;
};

}  // namespace accord::server
