#pragma once
// The mediation server: HTTP JSON API over an accord::store::Store, bearer-token
// authentication, per-role views, static dashboard files. API reference: docs/server.md.
#include <cstddef>
#include <memory>
#include <string>

#include "accord/store/store.hpp"

namespace accord::server {

struct Options {
  std::string host = "127.0.0.1";  // loopback unless told otherwise
  int port = 8080;                  // 0: any free port (see Server::port())
  std::string static_dir;           // served at `/` when set and present
  std::size_t max_body_bytes = 1u << 20;  // larger request bodies get 413
  int threads = 64;                 // worker threads (each serves one connection at a time)
  int read_timeout_s = 5;           // slow clients are cut off after this long per read
  int write_timeout_s = 5;
  int keep_alive_timeout_s = 5;
  std::string log_file;             // empty: standard error
  std::string log_level = "info";   // trace | debug | info | warn | error | off
};

class Server {
 public:
  Server(store::Store& store, Options options);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // Binds the listening socket; returns the port, or -1 (the reason in `error`).
  int bind(std::string& error);
  // Serves until stop(); call after bind().
  void run();
  void stop();
  [[nodiscard]] int port() const;

  struct Impl;

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace accord::server
