#pragma once
// Helpers for the server attacks (tests/hostile/server_*_test.cpp): a server child process
// with tokens, a client that measures /api/health latency while an attack runs, the server's
// peak memory, and a streaming sender that stops when the server answers or hangs up.
#include <algorithm>
#include <atomic>
#include <fstream>
#include <iostream>
#include <mutex>
#include <vector>

#include "hostile/sanitizer.hpp"
#include "server/http_test_util.hpp"

namespace accord::test {

using Clock = std::chrono::steady_clock;

// Extra memory a sanitizer build may use (shadow memory, allocator caches).
#ifdef ACCORD_TEST_ASAN
inline constexpr long kSanitizerSlackKiB = 64 * 1024;
#else
inline constexpr long kSanitizerSlackKiB = 0;
#endif

inline double ms_since(Clock::time_point t0) {
  return std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
}

// The server child's peak resident set (VmHWM) in KiB, or -1.
inline long peak_rss_kib(pid_t pid) {
  std::ifstream in("/proc/" + std::to_string(pid) + "/status");
  std::string line;
  while (std::getline(in, line))
    if (line.rfind("VmHWM:", 0) == 0) return std::atol(line.c_str() + 6);
  return -1;
}

// `accord serve` on a fresh database with the leak-check fixture and tokens.
class AttackServer {
 public:
  explicit AttackServer(const std::string& name, std::vector<std::string> extra = {}) {
    db_ = temp_db("attack_" + name);
    {
      auto s = open_store(db_);
      if (!s->import_scenario(load_text(kFixture), "test")) throw std::runtime_error("import");
      mediator = s->create_token(store::AccessRole::mediator, "", "med")->token;
      party = s->create_token(store::AccessRole::party, "A", "envoy-a")->token;
    }
    // Under ASan, freed memory sits in a quarantine (256 MB by default) and would count as
    // growth: keep it small in the server child so peak RSS still measures the attack.
    const char* asan = std::getenv("ASAN_OPTIONS");
    std::string options = asan ? asan : "";
    if (options.find("quarantine_size_mb") == std::string::npos) {
      options += std::string(options.empty() ? "" : ":") + "quarantine_size_mb=8";
      ::setenv("ASAN_OPTIONS", options.c_str(), 1);  // read by the child at start, not by this process
    }
    proc_ = std::make_unique<ServeProcess>(db_, extra);
    if (proc_->port() <= 0) throw std::runtime_error("the server did not start");
    // Warm up (first requests allocate caches), so peak memory measures the attack.
    for (int i = 0; i < 3; ++i) (void)request(port(), "GET", "/api/scenarios/ex", mediator);
  }
  ~AttackServer() {
    proc_.reset();
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(db_ + suffix);
  }
  [[nodiscard]] int port() const { return proc_->port(); }
  [[nodiscard]] long peak_kib() const { return peak_rss_kib(proc_->pid()); }
  [[nodiscard]] bool alive() const { return request(port(), "GET", "/api/health", "", "", {}, 5000).status == 200; }

  std::string mediator, party;

 private:
  std::string db_;
  std::unique_ptr<ServeProcess> proc_;
};

// Another client: GET /api/health every `interval_ms` (a new connection each time, 3 s
// timeout) for as long as it lives.
class HealthProbe {
 public:
  explicit HealthProbe(int port, int interval_ms = 50) {
    thread_ = std::thread([this, port, interval_ms] {
      while (!stop_) {
        const auto t0 = Clock::now();
        const Http r = request(port, "GET", "/api/health", "", "", {}, 3000);
        const double ms = ms_since(t0);
        {
          std::lock_guard lock(mu_);
          latencies_.push_back(ms);
          if (r.status != 200) ++failures_;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(interval_ms));
      }
    });
  }
  ~HealthProbe() { finish(); }
  struct Stats {
    std::size_t requests = 0, failures = 0;
    double p50_ms = 0, max_ms = 0;
  };
  Stats finish() {
    if (thread_.joinable()) {
      stop_ = true;
      thread_.join();
    }
    std::lock_guard lock(mu_);
    Stats s;
    s.requests = latencies_.size();
    s.failures = failures_;
    if (!latencies_.empty()) {
      std::vector<double> v = latencies_;
      std::sort(v.begin(), v.end());
      s.p50_ms = v[v.size() / 2];
      s.max_ms = v.back();
    }
    return s;
  }

 private:
  std::thread thread_;
  std::atomic<bool> stop_{false};
  std::mutex mu_;
  std::vector<double> latencies_;
  std::size_t failures_ = 0;
};

// Sends `head`, then `next_chunk()` repeatedly (up to `max_bytes` in total) while reading:
// stops at the first response byte... when the server closes, or after `max_ms`.
struct StreamResult {
  std::size_t sent = 0;      // bytes the kernel accepted
  Http response;             // the first response, if any
  double first_response_ms = -1;
  double total_ms = 0;
  bool closed_by_server = false;
};
inline StreamResult stream_upload(int port, const std::string& head, const std::string& chunk, std::size_t max_bytes,
                                  int max_ms) {
  StreamResult r;
  const auto t0 = Clock::now();
  const int fd = connect_loopback(port);
  if (fd < 0) return r;
  ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) | O_NONBLOCK);
  std::string pending = head, received;
  std::size_t chunk_off = 0;
  bool head_done = false;
  while (ms_since(t0) < max_ms) {
    const bool want_write = r.sent < max_bytes && !r.closed_by_server;
    pollfd p{fd, static_cast<short>(POLLIN | (want_write ? POLLOUT : 0)), 0};
    if (::poll(&p, 1, 200) < 0) break;
    if (p.revents & (POLLIN | POLLHUP | POLLERR)) {
      char buf[65536];
      const ssize_t n = ::recv(fd, buf, sizeof buf, 0);
      if (n > 0) {
        received.append(buf, static_cast<std::size_t>(n));
        if (r.first_response_ms < 0) r.first_response_ms = ms_since(t0);
      } else if (n == 0 || (errno != EAGAIN && errno != EWOULDBLOCK)) {
        r.closed_by_server = true;
        break;
      }
    }
    if (want_write && (p.revents & POLLOUT)) {
      if (head_done && pending.empty()) {
        pending.assign(chunk, chunk_off, std::string::npos);
        chunk_off = 0;
      }
      const ssize_t n = ::send(fd, pending.data(), pending.size(), MSG_NOSIGNAL);
      if (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK) {
        r.closed_by_server = true;
        // Whatever the server said before hanging up is still readable.
        received += read_all(fd, 500);
        break;
      }
      if (n > 0) {
        r.sent += static_cast<std::size_t>(n);
        pending.erase(0, static_cast<std::size_t>(n));
        if (pending.empty()) head_done = true;
      }
    }
    if (!want_write && r.first_response_ms >= 0) break;
  }
  r.total_ms = ms_since(t0);
  ::close(fd);
  r.response = parse_response(received);
  return r;
}

inline void report(const std::string& name, const std::string& line) {
  std::cout << "[ " << name << " ] " << line << std::endl;
}

}  // namespace accord::test
