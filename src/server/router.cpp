// The router: authentication from the headers, the route table, errors as JSON, health,
// static files and the request log. No network code here (see transport.cpp).
#include "router.hpp"

#include <spdlog/sinks/basic_file_sink.h>
#include <spdlog/sinks/stdout_sinks.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <system_error>

#include "context.hpp"

namespace accord::server {
namespace {

std::atomic<std::uint64_t> g_next_request{1};

std::shared_ptr<spdlog::logger> make_logger(const Options& o) {
  std::shared_ptr<spdlog::logger> log;
  if (o.log_file.empty()) {
    log = std::make_shared<spdlog::logger>("accord", std::make_shared<spdlog::sinks::stderr_sink_mt>());
  } else {
    log = std::make_shared<spdlog::logger>("accord",
                                           std::make_shared<spdlog::sinks::basic_file_sink_mt>(o.log_file));
  }
  log->set_level(spdlog::level::from_str(o.log_level));
  log->set_pattern("%Y-%m-%dT%H:%M:%S.%e %l %v");
  log->flush_on(spdlog::level::info);  // a line per request survives a crash or SIGKILL
  return log;
}

const char* code_for(int status) {
  switch (status) {
    case 400: return "bad_request";
    case 401: return "unauthorized";
    case 403: return "forbidden";
    case 404: return "not_found";
    case 405: return "method_not_allowed";
    case 408: return "timeout";
    case 413: return "payload_too_large";
    case 414: return "uri_too_long";
    case 415: return "unsupported_media_type";
    case 431: return "headers_too_large";
    case 503: return "unavailable";
    default: return status >= 500 ? "internal" : "error";
  }
}

bool is_api(const std::string& path) { return path == "/api" || path.rfind("/api/", 0) == 0; }
bool is_health(const Request& req) { return req.path == "/api/health"; }

HttpError unauthorized() {
  return HttpError{401, "unauthorized", "a valid `Authorization: Bearer TOKEN` header is required",
                   "Authorization", {}};
}

std::optional<Principal> authenticate(const Ctx& ctx, const Request& req) {
  const std::string header = req.get_header_value("Authorization");
  const auto token = bearer_token(header);
  if (!token) return std::nullopt;
  return ctx.store.authenticate(*token);
}

const char* content_type_for(const std::filesystem::path& p) {
  const std::string ext = p.extension().string();
  if (ext == ".html" || ext == ".htm") return "text/html; charset=utf-8";
  if (ext == ".js" || ext == ".mjs") return "text/javascript; charset=utf-8";
  if (ext == ".css") return "text/css; charset=utf-8";
  if (ext == ".json" || ext == ".map") return "application/json";
  if (ext == ".svg") return "image/svg+xml";
  if (ext == ".png") return "image/png";
  if (ext == ".jpg" || ext == ".jpeg") return "image/jpeg";
  if (ext == ".ico") return "image/x-icon";
  if (ext == ".woff2") return "font/woff2";
  if (ext == ".txt") return "text/plain; charset=utf-8";
  return "application/octet-stream";
}

// GET of a file under --static. Ranges are not supported (the whole file, 200).
void serve_static(const Ctx& ctx, const Request& req, Response& res) {
  const std::string& root = ctx.options.static_dir;
  const HttpError not_found{404, "not_found", "no such resource: " + req.method + " " + req.path, {}, {}};
  if (root.empty()) throw not_found;
  if (req.method != "GET" && req.method != "HEAD")
    throw HttpError{405, "method_not_allowed", "static files are read with GET", {}, {}};
  std::string rel = req.path.substr(1);
  if (rel.empty() || rel.back() == '/') rel += "index.html";
  if (rel.find('\0') != std::string::npos) throw not_found;
  const std::filesystem::path p = std::filesystem::path(rel).lexically_normal();
  if (p.is_absolute() || p.empty() || *p.begin() == "..") throw not_found;
  std::error_code ec;
  const std::filesystem::path base = std::filesystem::canonical(root, ec);
  if (ec) throw not_found;
  const std::filesystem::path full = std::filesystem::weakly_canonical(base / p, ec);
  if (ec || !std::filesystem::is_regular_file(full, ec)) throw not_found;
  const auto [end, _] = std::mismatch(base.begin(), base.end(), full.begin(), full.end());
  if (end != base.end()) throw not_found;  // a symlink out of the directory
  constexpr std::uintmax_t kMaxFile = 64u << 20;
  if (std::filesystem::file_size(full, ec) > kMaxFile || ec) throw not_found;
  std::ifstream in(full, std::ios::binary);
  std::string data((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  res.status = 200;
  res.set_content(req.method == "HEAD" ? std::string() : std::move(data), content_type_for(full));
  res.headers.set("Cache-Control", "no-cache");
}

}  // namespace

Router::Router(store::Store& store, Options options)
    : ctx_(new Ctx{store, std::move(options), nullptr, {}}),
      routes_(std::make_unique<RouteTable>()) {
  ctx_->log = make_logger(ctx_->options);
  add_scenario_routes(*routes_);
  add_preference_routes(*routes_);
  add_stance_routes(*routes_);
  add_event_routes(*routes_);
  add_analysis_routes(*routes_);
  add_diff_routes(*routes_);
  add_round_routes(*routes_);
  add_validate_routes(*routes_);
  add_scenario_put_routes(*routes_);
}

Router::~Router() = default;

const Options& Router::options() const { return ctx_->options; }

Response Router::finish(Response res) {
  res.set_header("X-Request-Id", std::to_string(g_next_request.fetch_add(1)));
  if (!res.headers.has("Cache-Control")) res.set_header("Cache-Control", "no-store");
  return res;
}

Response Router::error(int status, const std::string& message) {
  Response res;
  send_error(res, HttpError{status, code_for(status), message, {}, {}});
  return finish(std::move(res));
}

Router::Admission Router::admit(Request& head) {
  Admission a;
  try {
    const std::string encoding = head.get_header_value("Content-Encoding");
    const bool api = is_api(head.path) && !is_health(head);
    a.wants_body = api;
    if (api) {
      head.principal = authenticate(*ctx_, head);
      if (!head.principal) {
        Response res;
        res.set_header("WWW-Authenticate", "Bearer");
        send_error(res, unauthorized());
        a.reject = finish(std::move(res));
        return a;
      }
    }
    if (!encoding.empty() && encoding != "identity") {
      // Compressed request bodies are refused rather than inflated: nothing a client sends
      // can make the server allocate more than --max-body.
      a.reject = error(415, "compressed request bodies (Content-Encoding: " + to_valid_utf8(encoding) +
                                ") are not accepted; send the body uncompressed");
    }
  } catch (const std::exception& e) {
    ctx_->log->error("admission failed: {} {}: {}", escape_for_log(head.method), escape_for_log(head.path), e.what());
    a.reject = error(500, "internal error; the server log has the details");
  }
  return a;
}

Response Router::handle(Request& req) {
  Response res;
  try {
    if (is_health(req)) {
      if (req.method != "GET") throw HttpError{405, "method_not_allowed", "use GET /api/health", {}, {}};
      send_json(res, 200, {{"status", "ok"}, {"schema_version", ctx_->store.schema_version()}});
      return finish(std::move(res));
    }
    if (!is_api(req.path)) {
      serve_static(*ctx_, req, res);
      return finish(std::move(res));
    }
    if (!req.principal) req.principal = authenticate(*ctx_, req);
    if (!req.principal) {
      res.set_header("WWW-Authenticate", "Bearer");
      throw unauthorized();
    }
    res.caller = caller_label(*req.principal);
    bool path_known = false;
    const Handler* h = is_valid_utf8(req.path) ? routes_->find(req.method, req.path, req.matches, path_known) : nullptr;
    if (!h) {
      if (path_known) throw HttpError{405, "method_not_allowed", "no " + req.method + " on " + req.path, {}, {}};
      throw HttpError{404, "not_found", "no such resource: " + req.method + " " + req.path, {}, {}};
    }
    (*h)(*ctx_, *req.principal, req, res);
  } catch (const HttpError& e) {
    send_error(res, e);
  } catch (const std::exception& e) {
    ctx_->log->error("handler failed: {} {}: {}", escape_for_log(req.method), escape_for_log(req.path), e.what());
    res.headers = {};
    send_error(res, HttpError{500, "internal", "internal error; the server log has the details", {}, {}});
  }
  return finish(std::move(res));
}

// Never logged: the Authorization header, query strings, bodies.
void Router::log(const Request& req, const Response& res, double latency_ms) {
  if (!ctx_->log->should_log(spdlog::level::info)) return;
  ctx_->log->info("request id={} method={} path={} status={} latency_ms={:.3f} caller={} bytes={}",
                  res.headers.get("X-Request-Id"), escape_for_log(req.method), escape_for_log(req.path), res.status,
                  latency_ms, escape_for_log(res.caller), res.body.size());
}

void Router::info(const std::string& line) { ctx_->log->info("{}", line); }
void Router::warn(const std::string& line) { ctx_->log->warn("{}", line); }

}  // namespace accord::server
