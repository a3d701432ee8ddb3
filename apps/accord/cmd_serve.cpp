// accord serve: the mediation server (docs/server.md).
#include <csignal>
#include <filesystem>
#include <iostream>
#include <pthread.h>
#include <sys/resource.h>
#include <thread>

#include "accord/server/server.hpp"
#include "store_cli.hpp"

namespace accord::cli {
namespace {

// Each connection is a file descriptor: allow as many as the hard limit permits.
void raise_open_file_limit() {
  rlimit r{};
  if (::getrlimit(RLIMIT_NOFILE, &r) != 0 || r.rlim_cur >= r.rlim_max) return;
  r.rlim_cur = r.rlim_max;
  (void)::setrlimit(RLIMIT_NOFILE, &r);
}

void add_serve(CLI::App& app) {
  struct Opts {
    std::string db;
    server::Options server;
  };
  auto o = std::make_shared<Opts>();
#ifdef ACCORD_WEB_DIST
  if (std::filesystem::is_directory(ACCORD_WEB_DIST)) o->server.static_dir = ACCORD_WEB_DIST;
#endif
  auto* cmd = app.add_subcommand("serve", "Serve the negotiation record over HTTP (JSON API, dashboard)")
                  ->footer("Example:\n  accord serve --db talks.db --port 8080\n"
                           "  curl -H \"Authorization: Bearer $TOKEN\" http://127.0.0.1:8080/api/scenarios");
  cmd->add_option("--db", o->db, "Database file")->required();
  cmd->add_option("--host", o->server.host, "Address to bind (loopback by default)")->capture_default_str();
  cmd->add_option("--port", o->server.port, "Port (0: any free port, printed on start)")->capture_default_str();
  cmd->add_option("--static", o->server.static_dir, "Directory served at / (default: web/dist when built)");
  cmd->add_option("--threads", o->server.threads, "Worker threads running requests")
      ->check(CLI::Range(1, 1024))
      ->capture_default_str();
  cmd->add_option("--max-body", o->server.max_body_bytes, "Largest request body in bytes (413 beyond)")
      ->check(CLI::Range(std::size_t{1}, std::size_t{1} << 30))
      ->capture_default_str();
  cmd->add_option("--read-timeout", o->server.read_timeout_s, "Seconds a client has to send a request's headers")
      ->check(CLI::Range(1, 3600))
      ->capture_default_str();
  cmd->add_option("--body-timeout", o->server.body_timeout_s, "Seconds a client has to send a request's body")
      ->check(CLI::Range(1, 3600))
      ->capture_default_str();
  cmd->add_option("--max-connections-per-ip", o->server.max_connections_per_ip,
                  "Open connections per client address (503 beyond)")
      ->check(CLI::Range(1, 100000))
      ->capture_default_str();
  cmd->add_option("--log-file", o->server.log_file, "Write the request log here (default: stderr)");
  cmd->add_option("--log-level", o->server.log_level, "trace|debug|info|warn|error|critical|off")
      ->check(CLI::IsMember({"trace", "debug", "info", "warn", "error", "critical", "off"}))
      ->capture_default_str();
  auto* static_opt = cmd->get_option("--static");
  cmd->callback([o, static_opt] {
    // An explicit --static that is not a directory is a mistake worth stopping for (the
    // built-in default is only used when present).
    if (static_opt->count() > 0 && !std::filesystem::is_directory(o->server.static_dir))
      throw Exit{kExitInvalidInput, "--static " + o->server.static_dir + " is not a directory"};
    raise_open_file_limit();
    auto store = open_store_or_exit(o->db);
    // SIGINT/SIGTERM end the server cleanly: block them here (inherited by every thread)
    // and wait for them on one thread.
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &set, nullptr);
    server::Server srv(*store, o->server);
    const server::Server::Bound bound = srv.bind();
    if (!bound.ok()) throw Exit{kExitInvalidInput, bound.outcome.message()};
    std::cout << "accord: listening on http://" << o->server.host << ":" << bound.port << std::endl;
    std::thread waiter([&srv, set] {
      int sig = 0;
      sigwait(&set, &sig);
      srv.stop();
    });
    srv.run();
    // run() also returns if the listener fails; wake the waiter so it can be joined.
    pthread_kill(waiter.native_handle(), SIGTERM);
    waiter.join();
  });
}

}  // namespace

ACCORD_REGISTER_COMMAND("serve", 25, add_serve);

}  // namespace accord::cli
