// Issue 10, server attacks (items 3 and 4 and the "HTTP layer made for hostile networks"
// requirements), each against a real `accord serve` on 127.0.0.1, bounded in connections and
// time, while another client measures /api/health latency. Set ACCORD_TEST_SERVE_BINARY to
// run the same attacks against another build (e.g. the base commit's) for a before/after.
#include <gtest/gtest.h>

#include <cstdio>

#include "hostile/server_util.hpp"

namespace accord::test {
namespace {

constexpr long kMiB = 1024;  // in KiB

std::string health_line(const HealthProbe::Stats& s) {
  char text[160];
  std::snprintf(text, sizeof text, "other client: %zu health requests, %zu failed, p50 %.1f ms, max %.1f ms",
                s.requests, s.failures, s.p50_ms, s.max_ms);
  return text;
}

// 80 connections each send a request line, then one more header line every second for 6 s;
// the old server (64 blocking workers, a per-read timeout only) stalled every other client.
TEST(ServerAttacks, SlowlorisDoesNotStallOtherClients) {
  AttackServer srv("slowloris");
  const auto t0 = Clock::now();
  std::vector<int> fds;
  for (int i = 0; i < 80; ++i) {
    const int fd = connect_loopback(srv.port());
    if (fd >= 0 && send_all(fd, "GET /api/health HTTP/1.1\r\nHost: x\r\n")) fds.push_back(fd);
  }
  HealthProbe probe(srv.port());
  for (int s = 0; s < 6; ++s) {
    std::this_thread::sleep_for(std::chrono::seconds(1));
    for (int fd : fds) (void)send_all(fd, "X-Slow-" + std::to_string(s) + ": 1\r\n");
  }
  const auto stats = probe.finish();
  // Every slow connection was answered (408) or closed by the header deadline (5 s).
  int cut = 0;
  for (int fd : fds) {
    const std::string got = read_all(fd, 1500);
    const Http r = parse_response(got);
    if (r.status == 408) ++cut;
    ::close(fd);
  }
  const double wall = ms_since(t0);
  report("slowloris", std::to_string(fds.size()) + " slow connections, " + std::to_string(cut) +
                          " cut off by the header deadline; " + health_line(stats) + "; wall " +
                          std::to_string(static_cast<int>(wall)) + " ms; server peak RSS " +
                          std::to_string(srv.peak_kib() / kMiB) + " MiB");
  EXPECT_EQ(fds.size(), 80u);
  EXPECT_GT(stats.requests, 10u);
  EXPECT_EQ(stats.failures, 0u);
  EXPECT_LT(stats.max_ms, 2000.0);
  EXPECT_EQ(cut, static_cast<int>(fds.size()));
  EXPECT_LT(wall, 30000.0);
  EXPECT_TRUE(srv.alive());
}

// 4 attackers, each sending 20,000 header fields (~0.6 MB) on one connection after another
// for 3 s: each refused quickly (431), the server's memory flat, other clients served.
TEST(ServerAttacks, HeaderFloodIsRefusedQuickly) {
  AttackServer srv("header_flood");
  const long peak0 = srv.peak_kib();
  HealthProbe probe(srv.port());
  std::string flood = "GET /api/health HTTP/1.1\r\nHost: x\r\n";
  for (int i = 0; i < 20000; ++i) flood += "X-Flood-" + std::to_string(i) + ": aaaaaaaaaaaaaaaa\r\n";
  flood += "\r\n";
  std::mutex mu;
  std::size_t floods = 0, refused = 0;
  double slowest_ms = 0;
  std::vector<std::thread> attackers;
  const auto t0 = Clock::now();
  for (int a = 0; a < 4; ++a)
    attackers.emplace_back([&] {
      while (ms_since(t0) < 3000) {
        const StreamResult r = stream_upload(srv.port(), flood, "", flood.size(), 10000);
        std::lock_guard lock(mu);
        ++floods;
        if (r.response.status == 431 || r.response.status == 400) ++refused;
        slowest_ms = std::max(slowest_ms, r.first_response_ms < 0 ? 1e9 : r.first_response_ms);
      }
    });
  for (auto& t : attackers) t.join();
  const auto stats = probe.finish();
  const long peak1 = srv.peak_kib();
  report("header flood", std::to_string(floods) + " floods of 20,000 headers (" + std::to_string(flood.size() / 1024) +
                             " KiB each) in 3 s from 4 clients: " + std::to_string(refused) +
                             " refused with 431/400, slowest answer " + std::to_string(static_cast<int>(slowest_ms)) +
                             " ms; " + health_line(stats) + "; server peak RSS " + std::to_string(peak0 / kMiB) +
                             " -> " + std::to_string(peak1 / kMiB) + " MiB");
  EXPECT_GT(floods, 4u);
  EXPECT_EQ(refused, floods);
  EXPECT_LT(slowest_ms, 3000.0);
  EXPECT_EQ(stats.failures, 0u);
  EXPECT_LT(stats.max_ms, 2000.0);
  EXPECT_LT(peak1 - peak0, 32 * kMiB + kSanitizerSlackKiB);
  EXPECT_TRUE(srv.alive());
}

std::string gzip_of_zeros(std::size_t bytes) {
  const std::string cmd = "head -c " + std::to_string(bytes) + " /dev/zero | gzip -c -9";
  FILE* p = ::popen(cmd.c_str(), "r");
  if (!p) return {};
  std::string out;
  char buf[65536];
  std::size_t n = 0;
  while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  ::pclose(p);
  return out;
}

// A 0.25 MB gzip body that inflates to 256 MiB: never inflated (415), memory flat.
TEST(ServerAttacks, CompressionBombIsNotInflated) {
  const std::string bomb = gzip_of_zeros(256u << 20);
  ASSERT_GT(bomb.size(), 1000u);
  AttackServer srv("gzip_bomb");
  const long peak0 = srv.peak_kib();
  HealthProbe probe(srv.port());
  const auto t0 = Clock::now();
  const Http with_token = request(srv.port(), "PUT", "/api/scenarios/ex/versions/d1/stances/A", srv.party, bomb,
                                  {{"Content-Encoding", "gzip"}}, 20000);
  const double ms = ms_since(t0);
  const Http without = request(srv.port(), "PUT", "/api/scenarios/ex/versions/d1/stances/A", "", bomb,
                               {{"Content-Encoding", "gzip"}}, 20000);
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  const auto stats = probe.finish();
  const long peak1 = srv.peak_kib();
  report("compression bomb", std::to_string(bomb.size() / 1024) + " KiB gzip -> 256 MiB: status " +
                                 std::to_string(with_token.status) + " with a token after " +
                                 std::to_string(static_cast<int>(ms)) + " ms, " + std::to_string(without.status) +
                                 " without; server peak RSS " + std::to_string(peak0 / kMiB) + " -> " +
                                 std::to_string(peak1 / kMiB) + " MiB; " + health_line(stats));
  EXPECT_TRUE(with_token.status == 415 || with_token.status == 413) << with_token.status;
  EXPECT_EQ(without.status, 401);
  EXPECT_LT(peak1 - peak0, 32 * kMiB + kSanitizerSlackKiB);
  EXPECT_EQ(stats.failures, 0u);
  EXPECT_TRUE(srv.alive());
}

std::string chunk_of(std::size_t n) {
  char size[32];
  std::snprintf(size, sizeof size, "%zx\r\n", n);
  return size + std::string(n, 'x') + "\r\n";
}

// 200 MiB chunked without a token: the old server read it all before its 401.
TEST(ServerAttacks, ChunkedUploadWithoutTokenIsRefusedBeforeTheBody) {
  AttackServer srv("chunked");
  const long peak0 = srv.peak_kib();
  HealthProbe probe(srv.port());
  const StreamResult r = stream_upload(
      srv.port(), "PUT /api/scenarios/ex/versions/d1/stances/A HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n",
      chunk_of(64 * 1024), 200u << 20, 20000);
  const auto stats = probe.finish();
  const long peak1 = srv.peak_kib();
  report("chunked 200 MiB, no token", "status " + std::to_string(r.response.status) + " after " +
                                          std::to_string(static_cast<int>(r.first_response_ms)) + " ms; " +
                                          std::to_string(r.sent >> 20) + " MiB sent before the server hung up (" +
                                          (r.closed_by_server ? "closed" : "not closed") + ", " +
                                          std::to_string(static_cast<int>(r.total_ms)) + " ms); server peak RSS " +
                                          std::to_string(peak0 / kMiB) + " -> " + std::to_string(peak1 / kMiB) +
                                          " MiB; " + health_line(stats));
  EXPECT_EQ(r.response.status, 401);
  EXPECT_LT(r.first_response_ms, 2000.0);
  EXPECT_TRUE(r.closed_by_server);
  EXPECT_LT(r.sent, std::size_t{32} << 20);
  EXPECT_LT(peak1 - peak0, 32 * kMiB + kSanitizerSlackKiB);
  EXPECT_EQ(stats.failures, 0u);
  EXPECT_TRUE(srv.alive());
}

// A PUT with neither Content-Length nor Transfer-Encoding, then 200 MiB: the body is empty by
// definition (HTTP/1.1), so the server answers at once and never buffers the rest.
TEST(ServerAttacks, BodyWithoutContentLengthIsNotBuffered) {
  AttackServer srv("no_length");
  const long peak0 = srv.peak_kib();
  HealthProbe probe(srv.port());
  const StreamResult r = stream_upload(srv.port(),
                                       "PUT /api/scenarios/ex/versions/d1/stances/A HTTP/1.1\r\nHost: x\r\n"
                                       "Authorization: Bearer " + srv.party + "\r\n\r\n",
                                       std::string(64 * 1024, 'x'), 200u << 20, 20000);
  const auto stats = probe.finish();
  const long peak1 = srv.peak_kib();
  report("no Content-Length, 200 MiB", "status " + std::to_string(r.response.status) + " after " +
                                           std::to_string(static_cast<int>(r.first_response_ms)) + " ms; " +
                                           std::to_string(r.sent >> 20) + " MiB sent before the server hung up; " +
                                           "server peak RSS " + std::to_string(peak0 / kMiB) + " -> " +
                                           std::to_string(peak1 / kMiB) + " MiB; " + health_line(stats));
  EXPECT_EQ(r.response.status, 400);
  EXPECT_LT(r.first_response_ms, 2000.0);
  EXPECT_LT(r.sent, std::size_t{32} << 20);
  EXPECT_LT(peak1 - peak0, 32 * kMiB + kSanitizerSlackKiB);
  EXPECT_EQ(stats.failures, 0u);
  EXPECT_TRUE(srv.alive());
}

// A burst of 100 new connections at once: with a listen backlog of 5 (the old library) some
// SYNs were dropped and retried a second later; with 1024 every connection completes at once.
TEST(ServerAttacks, ConnectionBurstFitsTheListenBacklog) {
  AttackServer srv("burst");
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<std::uint16_t>(srv.port()));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  std::vector<int> fds;
  const auto t0 = Clock::now();
  for (int i = 0; i < 100; ++i) {
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
    (void)::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr);
    fds.push_back(fd);
  }
  // Each connection sends a request and waits for its answer.
  std::size_t answered = 0;
  double slowest = 0;
  for (int fd : fds) {
    pollfd p{fd, POLLOUT, 0};
    (void)::poll(&p, 1, 5000);
    const int flags = ::fcntl(fd, F_GETFL);
    ::fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
    if (send_all(fd, "GET /api/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n") &&
        parse_response(read_all(fd, 5000)).status == 200)
      ++answered;
    slowest = std::max(slowest, ms_since(t0));
    ::close(fd);
  }
  report("connection burst", std::to_string(answered) + " of 100 simultaneous connections answered; the last after " +
                                 std::to_string(static_cast<int>(slowest)) + " ms");
  EXPECT_EQ(answered, 100u);
  EXPECT_LT(slowest, 900.0);  // a dropped SYN is retried after 1 s
}

// One address may hold --max-connections-per-ip connections; beyond that, 503 at once.
TEST(ServerAttacks, ConnectionsPerAddressAreLimited) {
  AttackServer srv("per_ip", {"--max-connections-per-ip", "16"});
  std::vector<int> held;
  for (int i = 0; i < 16; ++i) held.push_back(connect_loopback(srv.port()));
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  const auto t0 = Clock::now();
  const Http refused = request(srv.port(), "GET", "/api/health", "", "", {}, 3000);
  const double ms = ms_since(t0);
  for (int fd : held) ::close(fd);
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  const Http after = request(srv.port(), "GET", "/api/health");
  report("per-address limit", "17th connection: " + std::to_string(refused.status) + " after " +
                                  std::to_string(static_cast<int>(ms)) + " ms; after closing the 16: " +
                                  std::to_string(after.status));
  EXPECT_EQ(refused.status, 503);
  EXPECT_EQ(refused.json()["error"]["code"], "unavailable");
  EXPECT_LT(ms, 2000.0);
  EXPECT_EQ(after.status, 200);
}

}  // namespace
}  // namespace accord::test
