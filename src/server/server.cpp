// The HTTP server: threads, limits, logging, errors, health, static files, route groups.
#include "accord/server/server.hpp"

#include <spdlog/sinks/basic_file_sink.h>
#include <spdlog/sinks/stdout_sinks.h>

#include <atomic>
#include <chrono>
#include <filesystem>

#include "context.hpp"

namespace accord::server {

std::string take_logged_role();  // http_util.cpp

namespace {

struct RequestLog {
  std::uint64_t id = 0;
  std::chrono::steady_clock::time_point start{};
};
thread_local RequestLog t_request;
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
  log->flush_on(spdlog::level::warn);
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
    case 416: return "range_not_satisfiable";
    default: return status >= 500 ? "internal" : "error";
  }
}

}  // namespace

struct Server::Impl {
  Impl(store::Store& store, Options o) : ctx{store, std::move(o), nullptr, {}} { ctx.log = make_logger(ctx.options); }
  Ctx ctx;
  httplib::Server http;
  int port = -1;
};

Server::Server(store::Store& store, Options options) : impl_(std::make_unique<Impl>(store, std::move(options))) {
  Ctx& ctx = impl_->ctx;
  httplib::Server& svr = impl_->http;
  const Options& o = ctx.options;
  const int threads = std::max(2, o.threads);
  svr.new_task_queue = [threads] { return new httplib::ThreadPool(static_cast<std::size_t>(threads)); };
  svr.set_payload_max_length(o.max_body_bytes);
  svr.set_read_timeout(o.read_timeout_s, 0);
  svr.set_write_timeout(o.write_timeout_s, 0);
  svr.set_keep_alive_timeout(o.keep_alive_timeout_s);
  svr.set_keep_alive_max_count(10000);
  // Without TCP_NODELAY a small response can wait for the client's delayed ACK (~40 ms on
  // Linux): that, not the work, set the p99 in the load test.
  svr.set_tcp_nodelay(true);

  svr.set_pre_routing_handler([](const httplib::Request&, httplib::Response& res) {
    t_request = {g_next_request.fetch_add(1), std::chrono::steady_clock::now()};
    res.set_header("X-Request-Id", std::to_string(t_request.id));
    res.set_header("Cache-Control", "no-store");
    return httplib::Server::HandlerResponse::Unhandled;
  });
  // One line per request; never the Authorization header, query values or bodies.
  svr.set_logger([&ctx](const httplib::Request& req, const httplib::Response& res) {
    const RequestLog r = t_request;
    t_request = {};
    const double ms = r.id == 0 ? -1.0
                                : std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - r.start)
                                      .count();
    ctx.log->info("request id={} method={} path={} status={} latency_ms={:.3f} caller={} bytes={}", r.id, req.method,
                  req.path, res.status, ms, take_logged_role(), res.body.size());
  });
  svr.set_error_handler(httplib::Server::HandlerWithResponse([](const httplib::Request& req, httplib::Response& res) {
    if (!res.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
    std::string message = "request failed";
    if (res.status == 404) message = "no such resource: " + req.method + " " + req.path;
    if (res.status == 413) message = "the request body is larger than the limit";
    if (res.status == 400) message = "malformed HTTP request";
    send_error(res, HttpError{res.status, code_for(res.status), message, {}, {}});
    return httplib::Server::HandlerResponse::Handled;
  }));
  svr.set_exception_handler([&ctx](const httplib::Request& req, httplib::Response& res, std::exception_ptr ep) {
    try {
      if (ep) std::rethrow_exception(ep);
    } catch (const std::exception& e) {
      ctx.log->error("unhandled exception: {} {}: {}", req.method, req.path, e.what());
    } catch (...) {
    }
    send_error(res, HttpError{500, "internal", "internal error; the server log has the details", {}, {}});
  });

  svr.Get("/api/health", [&ctx](const httplib::Request&, httplib::Response& res) {
    send_json(res, 200, {{"status", "ok"}, {"schema_version", ctx.store.schema_version()}});
  });
  add_scenario_routes(svr, ctx);
  add_preference_routes(svr, ctx);
  add_stance_routes(svr, ctx);
  add_event_routes(svr, ctx);
  add_analysis_routes(svr, ctx);
  // Anything else under /api is a JSON 404 (not a static file).
  for (const char* m : {"GET", "PUT", "POST", "DELETE"}) {
    add_route(svr, ctx, m, R"(/api/.*)", [](Ctx&, const Principal&, const httplib::Request& req, httplib::Response&) {
      throw HttpError{404, "not_found", "no such resource: " + req.method + " " + req.path, {}, {}};
    });
  }
  if (!o.static_dir.empty() && std::filesystem::is_directory(o.static_dir)) {
    svr.set_mount_point("/", o.static_dir);
    ctx.log->info("serving static files from {}", o.static_dir);
  }
}

Server::~Server() { stop(); }

int Server::bind(std::string& error) {
  const Options& o = impl_->ctx.options;
  if (o.port == 0) {
    impl_->port = impl_->http.bind_to_any_port(o.host);
  } else {
    impl_->port = impl_->http.bind_to_port(o.host, o.port) ? o.port : -1;
  }
  if (impl_->port < 0) error = "cannot listen on " + o.host + ":" + std::to_string(o.port);
  return impl_->port;
}

void Server::run() {
  impl_->ctx.log->info("listening on http://{}:{}", impl_->ctx.options.host, impl_->port);
  impl_->http.listen_after_bind();
  impl_->ctx.log->info("stopped");
  impl_->ctx.log->flush();
}

void Server::stop() {
  if (impl_->http.is_running()) impl_->http.stop();
}

int Server::port() const { return impl_->port; }

}  // namespace accord::server
