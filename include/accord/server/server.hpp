#pragma once
// The mediation server: HTTP JSON API over an accord::store::Store, bearer-token
// authentication, per-role views, static dashboard files. API reference: docs/server.md.
#include <cstddef>
#include <memory>
#include <string>

#include "accord/model/outcome.hpp"
#include "accord/store/store.hpp"

namespace accord::server {

struct Options {
  std::string host = "127.0.0.1";  // loopback unless told otherwise
  int port = 8080;                  // 0: any free port (see Server::port())
  std::string static_dir;           // served at `/` when set and present
  std::size_t max_body_bytes = 1u << 20;  // larger request bodies get 413, whatever the framing
  int threads = 16;                 // worker threads running route handlers
  int io_threads = 2;               // threads running every connection's I/O (asynchronous)
  int read_timeout_s = 5;           // total time for a request's headers (else 408, closed)
  int body_timeout_s = 30;          // total time for a request's body (else 408, closed)
  int write_timeout_s = 30;         // total time to send one response
  std::size_t max_header_bytes = 16 * 1024;  // request line + headers (else 431)
  std::size_t max_headers = 100;    // header fields (else 431)
  int max_connections_per_ip = 128; // open connections per client address (else 503, closed)
  int max_connections = 10000;      // open connections in total
  std::string log_file;             // empty: standard error
  std::string log_level = "info";   // trace | debug | info | warn | error | critical | off
};

class Server {
 public:
  Server(store::Store& store, Options options);
  ~Server();
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // The listening socket: the port when the status is ok; otherwise invalid_input with one
  // error ("cannot listen on HOST:PORT: address already in use", ...).
  struct Bound {
    int port = -1;
    Outcome outcome;
    [[nodiscard]] bool ok() const { return outcome.ok(); }
  };
  // Binds the listening socket.
  [[nodiscard]] Bound bind();
  // Serves until stop(); call after bind().
  void run();
  void stop();
  [[nodiscard]] int port() const;

  struct Impl;

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace accord::server
