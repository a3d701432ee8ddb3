#pragma once
// Test helpers for the server: a minimal blocking HTTP/1.1 client over loopback (one
// connection per request), an in-process server, and an `accord serve` child process.
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "accord/io/scenario_io.hpp"
#include "accord/server/server.hpp"
#include "accord/store/store.hpp"

namespace accord::test {

struct Http {
  int status = 0;  // 0: no response (connection failed or closed)
  std::string body;
  std::map<std::string, std::string> headers;  // lower-case names
  [[nodiscard]] nlohmann::json json() const { return nlohmann::json::parse(body, nullptr, false); }
};

inline int connect_loopback(int port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<std::uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    ::close(fd);
    return -1;
  }
  return fd;
}

inline bool send_all(int fd, const std::string& data) {
  std::size_t off = 0;
  while (off < data.size()) {
    const ssize_t n = ::send(fd, data.data() + off, data.size() - off, MSG_NOSIGNAL);
    if (n <= 0) return false;
    off += static_cast<std::size_t>(n);
  }
  return true;
}

// Reads until the peer closes or `timeout_ms` passes.
inline std::string read_all(int fd, int timeout_ms) {
  std::string out;
  char buf[16384];
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  for (;;) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) break;
    pollfd p{fd, POLLIN, 0};
    if (::poll(&p, 1, static_cast<int>(left.count())) <= 0) break;
    const ssize_t n = ::recv(fd, buf, sizeof buf, 0);
    if (n <= 0) break;
    out.append(buf, static_cast<std::size_t>(n));
  }
  return out;
}

inline Http parse_response(const std::string& raw) {
  Http r;
  const std::size_t end = raw.find("\r\n\r\n");
  if (raw.compare(0, 5, "HTTP/") != 0 || end == std::string::npos) return r;
  r.status = std::atoi(raw.c_str() + raw.find(' ') + 1);
  std::size_t pos = raw.find("\r\n") + 2;
  while (pos < end) {
    const std::size_t eol = raw.find("\r\n", pos);
    const std::string line = raw.substr(pos, eol - pos);
    const std::size_t colon = line.find(':');
    if (colon != std::string::npos) {
      std::string name = line.substr(0, colon);
      for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      std::string value = line.substr(colon + 1);
      while (!value.empty() && value.front() == ' ') value.erase(0, 1);
      r.headers[name] = value;
    }
    pos = eol + 2;
  }
  r.body = raw.substr(end + 4);
  return r;
}

inline Http request(int port, const std::string& method, const std::string& path, const std::string& token = "",
                    const std::string& body = "", const std::map<std::string, std::string>& headers = {},
                    int timeout_ms = 10000) {
  const int fd = connect_loopback(port);
  if (fd < 0) return {};
  std::string req = method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n";
  if (!token.empty()) req += "Authorization: Bearer " + token + "\r\n";
  for (const auto& [k, v] : headers) req += k + ": " + v + "\r\n";
  if (!body.empty() || method == "PUT" || method == "POST")
    req += "Content-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) + "\r\n";
  req += "\r\n" + body;
  Http r;
  if (send_all(fd, req)) r = parse_response(read_all(fd, timeout_ms));
  ::close(fd);
  return r;
}

// The `accord` binary the server tests run: the one built with them, or
// $ACCORD_TEST_SERVE_BINARY (to measure another build, e.g. the base commit's, with the same tests).
inline std::string cli_binary() {
  const char* other = std::getenv("ACCORD_TEST_SERVE_BINARY");
  return other && *other ? other : ACCORD_CLI_PATH;
}

// Runs `accord ARGS...` to completion (at most `timeout_ms`); returns the exit code (-1 on a
// signal or timeout) and what it wrote to standard error.
struct CliRun {
  int code = -1;
  std::string err;
};
inline CliRun run_cli(const std::vector<std::string>& args, int timeout_ms = 10000,
                      const std::string& binary = cli_binary()) {
  int errp[2];
  if (::pipe(errp) != 0) throw std::runtime_error("pipe");
  const pid_t pid = ::fork();
  if (pid == 0) {
    const int devnull = ::open("/dev/null", O_RDWR);
    ::dup2(devnull, 0);
    ::dup2(devnull, 1);
    ::dup2(errp[1], 2);
    ::close(errp[0]);
    std::vector<std::string> all = {binary};
    all.insert(all.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& a : all) argv.push_back(a.data());
    argv.push_back(nullptr);
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  ::close(errp[1]);
  CliRun r;
  {
    char buf[4096];
    const auto until = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
    for (;;) {
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(until - std::chrono::steady_clock::now());
      pollfd p{errp[0], POLLIN, 0};
      if (left.count() <= 0 || ::poll(&p, 1, static_cast<int>(left.count())) <= 0) break;
      const ssize_t n = ::read(errp[0], buf, sizeof buf);
      if (n <= 0) break;
      r.err.append(buf, static_cast<std::size_t>(n));
    }
  }
  ::close(errp[0]);
  int status = 0;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  while (::waitpid(pid, &status, WNOHANG) == 0) {
    if (std::chrono::steady_clock::now() > deadline) {
      ::kill(pid, SIGKILL);
      ::waitpid(pid, &status, 0);
      return r;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  if (WIFEXITED(status)) r.code = WEXITSTATUS(status);
  return r;
}

inline std::string temp_db(const std::string& name) {
  const std::string path = std::string(::testing::TempDir()) + "accord_" + name + "_" + std::to_string(::getpid()) + ".db";
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix);
  return path;
}

inline std::unique_ptr<store::Store> open_store(const std::string& path) {
  store::OpenOptions o;
  o.create = true;
  auto s = store::Store::open(path, o);
  if (!s) throw std::runtime_error(s.error().message);
  return std::move(*s);
}

inline Scenario load_text(const std::string& text) {
  auto r = io::load_scenario_text(text, "fixture.yaml");
  if (!r.ok()) throw std::runtime_error(r.outcome.diagnostics.empty() ? "bad fixture" : r.outcome.diagnostics[0].to_string());
  return *r.scenario;
}

// A server on a free loopback port inside the test process.
class TestServer {
 public:
  explicit TestServer(store::Store& store, server::Options o = {}) {
    o.port = 0;
    o.log_level = "off";
    o.threads = std::max(o.threads, 8);
    server_ = std::make_unique<server::Server>(store, o);
    const server::Server::Bound bound = server_->bind();
    if (!bound.ok()) throw std::runtime_error(bound.outcome.message());
    port_ = bound.port;
    thread_ = std::thread([this] { server_->run(); });
  }
  ~TestServer() {
    server_->stop();
    thread_.join();
  }
  [[nodiscard]] int port() const { return port_; }

 private:
  std::unique_ptr<server::Server> server_;
  std::thread thread_;
  int port_ = -1;
};

// `accord serve --db PATH --port 0 [extra...]` as a child process; killed (SIGKILL) on
// destruction. `binary` defaults to the CLI under test (the hostile suite can point it at
// another build to measure "before"). Its standard error goes to `stderr_path` (or nowhere).
class ServeProcess {
 public:
  explicit ServeProcess(const std::string& db, const std::vector<std::string>& extra = {},
                        const std::string& stderr_path = "", const std::string& binary = cli_binary()) {
    std::vector<std::string> args = {binary, "serve", "--db", db, "--port", "0"};
    bool has_level = false;
    for (const auto& a : extra) has_level = has_level || a == "--log-level";
    if (!has_level) args.insert(args.end(), {"--log-level", "warn"});
    args.insert(args.end(), extra.begin(), extra.end());
    int out[2];
    if (::pipe(out) != 0) throw std::runtime_error("pipe");
    pid_ = ::fork();
    if (pid_ == 0) {
      ::dup2(out[1], 1);
      const int err = stderr_path.empty() ? ::open("/dev/null", O_WRONLY)
                                          : ::open(stderr_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
      ::dup2(err, 2);
      ::close(out[0]);
      std::vector<char*> argv;
      for (auto& a : args) argv.push_back(a.data());
      argv.push_back(nullptr);
      ::execv(argv[0], argv.data());
      ::_exit(127);
    }
    ::close(out[1]);
    const std::string line = read_line(out[0], 10000);
    ::close(out[0]);
    const std::size_t colon = line.rfind(':');
    if (colon != std::string::npos) port_ = std::atoi(line.c_str() + colon + 1);
  }
  [[nodiscard]] pid_t pid() const { return pid_; }
  ~ServeProcess() { kill(); }
  void kill() {
    if (pid_ <= 0) return;
    ::kill(pid_, SIGKILL);
    int status = 0;
    ::waitpid(pid_, &status, 0);
    pid_ = -1;
  }
  [[nodiscard]] int port() const { return port_; }

 private:
  static std::string read_line(int fd, int timeout_ms) {
    std::string line;
    char c;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
    while (std::chrono::steady_clock::now() < deadline) {
      pollfd p{fd, POLLIN, 0};
      if (::poll(&p, 1, 100) <= 0) continue;
      if (::read(fd, &c, 1) != 1 || c == '\n') break;
      line += c;
    }
    return line;
  }
  pid_t pid_ = -1;
  int port_ = -1;
};

// example-small with a mark in each party's private data, to catch leaks.
inline const char* kFixture = R"(
format: 1
id: ex
title: Leak-check fixture
parties:
  - {id: A, name: Alpha, role: party, capability: 60}
  - {id: B, name: Beta, role: party, capability: 40}
  - {id: M, name: Mediator, role: mediator, capability: 50}
issues:
  - id: border
    title: Where the line runs
    options: [OLD, NOW, NEW]
  - id: troops
    title: Troop ceiling
    range: {min: 0, max: 100, step: 10, unit: thousand}
preferences:
  A:
    reservation: {value: 0.4, note: "SECRET_A_RESERVATION"}
    issues:
      border: {weight: 0.6543, values: {OLD: 1, NOW: 0.5, NEW: 0}, red_lines: [NEW]}
      troops: {weight: 0.3457, curve: [[0, 0], [60, 0.8], [100, 1]]}
  B:
    reservation: {value: 0.35, note: "SECRET_B_RESERVATION"}
    issues:
      border: {weight: 0.6123, values: {OLD: 0, NOW: 0.7, NEW: 1}, red_lines: [OLD]}
      troops: {weight: 0.3877, curve: [[0, 1], [50, 0.5], [100, 0]]}
framework:
  versions:
    - id: d1
      label: First draft
      date: 2025-01-10
      points:
        - {id: P1, number: 1, text: "Line along the contact line", sets: {border: NOW}}
        - {id: P2, number: 2, text: "Troop ceiling of 30,000", sets: {troops: 30}}
      stances:
        A: {P1: accept, P2: {stance: reject, note: "too low"}}
        B: {P1: accept, P2: accept}
timeline:
  - {date: 2025-01-10, kind: proposal, text: "Mediator tables the first draft"}
)";

}  // namespace accord::test
