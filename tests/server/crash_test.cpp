// Concurrency and crash safety of `accord serve`.
#include <gtest/gtest.h>

#include <atomic>
#include <mutex>
#include <random>
#include <set>

#include "http_test_util.hpp"
#include "store/store_helpers.hpp"

namespace accord::test {
namespace {

// Many writers and readers at once: every acknowledged write is kept, stale ones get 409,
// nothing else fails.
TEST(Concurrency, ManyWritersAndReaders) {
  const std::string db = temp_db("concurrency");
  auto s = open_store(db);
  ASSERT_TRUE(s->import_scenario(load_text(kFixture), "test"));
  const std::string m = s->create_token(store::AccessRole::mediator, "", "")->token;
  TestServer srv(*s, [] { server::Options o; o.threads = 32; return o; }());
  std::atomic<int> ok{0}, conflicts{0}, other{0}, reads{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < 25; ++i) {
        const auto cur = request(srv.port(), "GET", "/api/scenarios/ex", m);
        if (cur.status == 200) ++reads;
        const std::string rev = cur.headers.count("etag") ? cur.headers.at("etag") : "\"1\"";
        const std::string party = t % 2 ? "A" : "B";
        const Http w = request(srv.port(), "PUT", "/api/scenarios/ex/versions/d1/stances/" + party, m,
                               R"({"stances": {"P1": {"stance": "accept", "note": "t)" + std::to_string(t) + "-" +
                                   std::to_string(i) + "\"}}}",
                               {{"If-Match", rev}});
        if (w.status == 200) ++ok;
        else if (w.status == 409) ++conflicts;
        else ++other;
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(other.load(), 0);
  EXPECT_EQ(reads.load(), 200);
  EXPECT_GT(ok.load(), 0);
  // Every acknowledged write is one history row and one revision.
  EXPECT_EQ(*s->revision("ex"), 1 + ok.load());
  EXPECT_EQ(s->stance_history("ex", hf(std::nullopt, std::nullopt, "P1"))->size(), 2u + static_cast<std::size_t>(ok.load()));
  EXPECT_EQ(s->integrity_check(), "ok");
  std::cout << "[ concurrency ] 200 writes: " << ok << " ok, " << conflicts << " conflicts (409), " << other << " other\n";
}

// Runs the server as a child process, fires concurrent writes, SIGKILLs it mid-burst,
// restarts, and checks that every write acknowledged with 2xx survived.
TEST(CrashSafety, SigkillMidBurstLosesNoAcknowledgedWrite) {
  constexpr int kRounds = 20;
  constexpr int kWriters = 6;
  const std::string db = temp_db("crash");
  std::string token;
  {
    auto s = open_store(db);
    ASSERT_TRUE(s->import_scenario(load_text(kFixture), "test"));
    token = s->create_token(store::AccessRole::mediator, "", "")->token;
  }
  std::mt19937 rng(12345);
  std::set<std::string> acked_events;
  std::vector<std::pair<std::string, std::int64_t>> acked_stances;  // (note, revision)
  std::size_t total_acked = 0, total_failed = 0;
  for (int round = 0; round < kRounds; ++round) {
    ServeProcess proc(db);
    ASSERT_GT(proc.port(), 0) << "server did not start in round " << round;
    std::mutex mu;
    std::atomic<bool> stop{false};
    std::vector<std::thread> writers;
    for (int w = 0; w < kWriters; ++w) {
      writers.emplace_back([&, w] {
        std::string base = "\"1\"";  // the revision this writer last saw
        for (int i = 0; i < 200 && !stop; ++i) {
          const std::string tag = "r" + std::to_string(round) + "w" + std::to_string(w) + "i" + std::to_string(i);
          if (i % 2 == 0) {
            const Http r = request(proc.port(), "POST", "/api/scenarios/ex/events", token,
                                   R"({"date": "2025-03-01", "kind": "statement", "text": ")" + tag + "\"}", {}, 3000);
            std::lock_guard lock(mu);
            if (r.status == 201 && r.json().is_object()) acked_events.insert(tag), ++total_acked;
            else ++total_failed;
          } else {
            const Http r = request(proc.port(), "PUT", "/api/scenarios/ex/versions/d1/stances/A", token,
                                   R"({"stances": {"P2": {"stance": "conditional", "note": ")" + tag + "\"}}}",
                                   {{"If-Match", base}}, 3000);
            if (r.headers.count("etag")) base = r.headers.at("etag");  // 200 and 409 both carry it
            std::lock_guard lock(mu);
            const auto j = r.json();  // a response cut short by the kill is not an acknowledgement
            if (r.status == 200 && j.is_object() && j.contains("revision"))
              acked_stances.emplace_back(tag, j["revision"].get<std::int64_t>()), ++total_acked;
            else ++total_failed;
          }
        }
      });
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20 + rng() % 150));
    proc.kill();  // SIGKILL mid-burst
    stop = true;
    for (auto& t : writers) t.join();
  }
  // Restart once more through the CLI server and check through the API and the file.
  ServeProcess proc(db);
  ASSERT_GT(proc.port(), 0);
  const Http events = request(proc.port(), "GET", "/api/scenarios/ex/events?limit=10000", token);
  ASSERT_EQ(events.status, 200);
  std::set<std::string> present;
  const auto listed = events.json();
  for (const auto& e : listed["events"]) present.insert(e["text"].get<std::string>());
  std::size_t lost = 0;
  for (const auto& tag : acked_events) {
    if (present.count(tag)) continue;
    ++lost;
  }
  EXPECT_EQ(lost, 0u) << present.size() << " events listed, " << acked_events.size() << " acknowledged; body "
                      << events.body.size() << " bytes: " << events.body.substr(0, 300);
  proc.kill();
  auto s = open_store(db);
  EXPECT_EQ(s->integrity_check(), "ok");
  const auto history = s->stance_history("ex", hf(std::nullopt, "A", "P2", 100000));
  std::set<std::pair<std::string, std::int64_t>> rows;
  for (const auto& r : *history) rows.emplace(r.note, r.revision);
  for (const auto& a : acked_stances) EXPECT_TRUE(rows.count(a)) << "acknowledged stance lost: " << a.first;
  std::cout << "[ crash ] " << kRounds << " SIGKILL rounds: " << total_acked << " writes acknowledged (all present), "
            << total_failed << " unacknowledged or refused\n";
  EXPECT_GT(acked_events.size(), 0u);
}

}  // namespace
}  // namespace accord::test
