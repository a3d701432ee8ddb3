// Mediation rounds over HTTP: every round route × every role (mediator, party A, party B, a
// stakeholder S, observer, no/bad/revoked token) with a unique marker in each party's
// answers, asserting the markers never reach anyone but their party and the mediator; the
// write rules (409 after close, revisions, frozen versions, publish); and that SIGKILL during
// answers loses no acknowledged answer.
#include <gtest/gtest.h>

#include <atomic>
#include <mutex>
#include <random>
#include <set>

#include "accord/engines/diff.hpp"
#include "accord/report/round.hpp"
#include "http_test_util.hpp"

namespace accord::test {
namespace {

// The leak-check fixture plus a stakeholder S (no preferences).
std::string fixture_with_stakeholder() {
  std::string text = kFixture;
  const std::string mediator = "  - {id: M, name: Mediator, role: mediator, capability: 50}\n";
  text.replace(text.find(mediator), mediator.size(),
               mediator + "  - {id: S, name: Sigma, role: stakeholder, capability: 10}\n");
  return text;
}

RoundResponse answer(const std::string& point, RoundAnswer kind, const std::string& note,
                            const std::string& amendment = "") {
  RoundResponse a;
  a.point = point;
  a.answer = kind;
  a.note = note;
  a.amendment = amendment;
  return a;
}

enum class Who { mediator, party_a, party_b, stakeholder, observer, none, bad_token, revoked };
const char* name(Who w) {
  switch (w) {
    case Who::mediator: return "mediator";
    case Who::party_a: return "partyA";
    case Who::party_b: return "partyB";
    case Who::stakeholder: return "stakeholderS";
    case Who::observer: return "observer";
    case Who::none: return "none";
    case Who::bad_token: return "badtoken";
    case Who::revoked: return "revoked";
  }
  return "?";
}
constexpr Who kEveryone[] = {Who::mediator, Who::party_a,   Who::party_b,   Who::stakeholder,
                             Who::observer, Who::none,      Who::bad_token, Who::revoked};

struct Route {
  const char* id;
  const char* method;
  const char* path;
  const char* body;  // "{REV}" is replaced by the current revision
  int mediator, party_a, party_b, stakeholder, observer;
};

// Round 1: open on d1 for A, B and S, each with marked answers. Round 2: closed (its stored
// summary holds every party's amendment). Round 3: open, closed by the matrix itself.
const Route kRoutes[] = {
    {"rounds_list", "GET", "/api/scenarios/ex/rounds", "", 200, 200, 200, 200, 200},
    {"round_open_get", "GET", "/api/scenarios/ex/rounds/1", "", 200, 200, 200, 200, 200},
    {"round_closed_get", "GET", "/api/scenarios/ex/rounds/2", "", 200, 200, 200, 200, 200},
    {"round_missing", "GET", "/api/scenarios/ex/rounds/99", "", 404, 404, 404, 404, 404},
    {"round_not_a_number", "GET", "/api/scenarios/ex/rounds/abc", "", 404, 404, 404, 404, 404},
    {"round_huge_number", "GET", "/api/scenarios/ex/rounds/99999999999999999999999", "", 404, 404, 404, 404, 404},
    {"round_other_scenario", "GET", "/api/scenarios/nope/rounds/1", "", 404, 404, 404, 404, 404},
    {"responses_get_a", "GET", "/api/scenarios/ex/rounds/1/responses/A", "", 200, 200, 403, 403, 403},
    {"responses_get_s", "GET", "/api/scenarios/ex/rounds/1/responses/S", "", 200, 403, 403, 200, 403},
    {"responses_get_closed_b", "GET", "/api/scenarios/ex/rounds/2/responses/B", "", 200, 403, 200, 403, 403},
    {"responses_get_not_addressed", "GET", "/api/scenarios/ex/rounds/1/responses/M", "", 404, 403, 403, 403, 403},
    {"responses_put_a", "PUT", "/api/scenarios/ex/rounds/1/responses/A",
     R"({"revision": {REV}, "responses": {"P2": {"stance": "conditional", "note": "MARK_A_PUT", "acceptable": {"troops": [40, 50]}}}})",
     200, 200, 403, 403, 403},
    {"responses_put_s", "PUT", "/api/scenarios/ex/rounds/1/responses/S",
     R"({"revision": {REV}, "responses": {"P1": {"stance": "reject", "amendment": "MARK_S_PUT"}}})", 200, 403, 403,
     200, 403},
    {"responses_put_closed", "PUT", "/api/scenarios/ex/rounds/2/responses/A",
     R"({"revision": {REV}, "responses": {"P1": "accept"}})", 409, 409, 403, 403, 403},
    {"responses_put_bad_point", "PUT", "/api/scenarios/ex/rounds/1/responses/B",
     R"({"revision": {REV}, "responses": {"P9": "accept"}})", 404, 403, 404, 403, 403},
    {"responses_put_bad_stance", "PUT", "/api/scenarios/ex/rounds/1/responses/B",
     R"({"revision": {REV}, "responses": {"P1": "maybe"}})", 400, 403, 400, 403, 403},
    {"responses_put_no_revision", "PUT", "/api/scenarios/ex/rounds/1/responses/B",
     R"({"responses": {"P1": "accept"}})", 428, 403, 428, 403, 403},
    {"round_open_post", "POST", "/api/scenarios/ex/rounds", R"({"version": "d1", "revision": {REV}})", 201, 403,
     403, 403, 403},
    {"round_open_post_bad_version", "POST", "/api/scenarios/ex/rounds", R"({"version": "d9", "revision": {REV}})",
     404, 403, 403, 403, 403},
    {"round_close", "POST", "/api/scenarios/ex/rounds/3/close", "{}", 200, 403, 403, 403, 403},
    {"round_close_again", "POST", "/api/scenarios/ex/rounds/2/close", "{}", 409, 403, 403, 403, 403},
    {"round_publish_open", "POST", "/api/scenarios/ex/rounds/1/publish", R"({"revision": {REV}, "version": "d5"})",
     409, 403, 403, 403, 403},
    {"round_publish_bad_adopt", "POST", "/api/scenarios/ex/rounds/2/publish",
     R"({"revision": {REV}, "version": "d7", "adopt": [99]})", 400, 403, 403, 403, 403},
    {"round_publish", "POST", "/api/scenarios/ex/rounds/2/publish",
     R"({"revision": {REV}, "version": "d2", "amend": {"P2": {"text": "Troop ceiling of 40,000", "sets": {"troops": 40}}}})",
     201, 403, 403, 403, 403},
    {"round_delete", "DELETE", "/api/scenarios/ex/rounds/1", "", 405, 405, 405, 405, 405},
};

struct Case {
  std::size_t route;
  Who who;
};

class RoundMatrix : public ::testing::TestWithParam<Case> {
 public:
  static void SetUpTestSuite() {
    db_ = new std::string(temp_db("rounds_roles"));
    store_ = open_store(*db_).release();
    ASSERT_TRUE(store_->import_scenario(load_text(fixture_with_stakeholder()), "test"));
    tokens_ = new std::map<Who, std::string>;
    (*tokens_)[Who::mediator] = store_->create_token(store::AccessRole::mediator, "", "med")->token;
    (*tokens_)[Who::party_a] = store_->create_token(store::AccessRole::party, "A", "envoy-a")->token;
    (*tokens_)[Who::party_b] = store_->create_token(store::AccessRole::party, "B", "envoy-b")->token;
    (*tokens_)[Who::stakeholder] = store_->create_token(store::AccessRole::party, "S", "envoy-s")->token;
    (*tokens_)[Who::observer] = store_->create_token(store::AccessRole::observer, "", "obs")->token;
    (*tokens_)[Who::none] = "";
    std::string bad = (*tokens_)[Who::mediator];
    bad.back() = bad.back() == '0' ? '1' : '0';
    (*tokens_)[Who::bad_token] = bad;
    auto revoked = store_->create_token(store::AccessRole::mediator, "", "gone");
    ASSERT_TRUE(store_->revoke_token(revoked->record.id));
    (*tokens_)[Who::revoked] = revoked->token;
    for (int n = 1; n <= 3; ++n) {
      auto r = store_->open_round("ex", "d1", {"A", "B", "S"}, *store_->revision("ex"), "med");
      ASSERT_TRUE(r) << r.error().message;
      ASSERT_EQ(r->number, n);
      if (n == 3) break;
      const std::string tag = "R" + std::to_string(n);
      ASSERT_TRUE(store_->set_responses("ex", n, "A",
                                        {answer("P1", RoundAnswer::accept, "MARK_A_NOTE_" + tag),
                                         answer("P2", RoundAnswer::reject, "x", "MARK_A_AMEND_" + tag)},
                                        *store_->revision("ex"), "envoy-a"));
      ASSERT_TRUE(store_->set_responses("ex", n, "B", {answer("P2", RoundAnswer::conditional, "MARK_B_NOTE_" + tag,
                                                              "MARK_B_AMEND_" + tag)},
                                        *store_->revision("ex"), "envoy-b"));
      ASSERT_TRUE(store_->set_responses("ex", n, "S", {answer("P1", RoundAnswer::reject, "MARK_S_NOTE_" + tag)},
                                        *store_->revision("ex"), "envoy-s"));
    }
    // Close round 2 as the server would (its summary names every amendment).
    const auto snap = store_->snapshot("ex");
    const auto two = store_->round("ex", 2);
    ASSERT_TRUE(snap && two);
    const auto summary = report::close_summary_json((*snap)->scenario, *two, Deadline::after(30));
    ASSERT_NE(summary.dump().find("MARK_B_AMEND_R2"), std::string::npos);
    ASSERT_TRUE(store_->close_round("ex", 2, summary.dump(), two->last_answer_revision(), "med"));
    server_ = new TestServer(*store_);
  }
  static void TearDownTestSuite() {
    delete server_;
    delete store_;
    delete tokens_;
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(*db_ + suffix);
    delete db_;
  }

 protected:
  static inline std::string* db_ = nullptr;
  static inline store::Store* store_ = nullptr;
  static inline TestServer* server_ = nullptr;
  static inline std::map<Who, std::string>* tokens_ = nullptr;
};

int expected(const Route& r, Who w) {
  switch (w) {
    case Who::mediator: return r.mediator;
    case Who::party_a: return r.party_a;
    case Who::party_b: return r.party_b;
    case Who::stakeholder: return r.stakeholder;
    case Who::observer: return r.observer;
    default: return 401;
  }
}

// The markers each caller must never receive.
std::vector<std::string> forbidden_for(Who who) {
  const std::vector<std::string> a = {"MARK_A_"}, b = {"MARK_B_"}, s = {"MARK_S_"};
  std::vector<std::string> out;
  auto add = [&](const std::vector<std::string>& v) { out.insert(out.end(), v.begin(), v.end()); };
  switch (who) {
    case Who::mediator: break;
    case Who::party_a: add(b), add(s); break;
    case Who::party_b: add(a), add(s); break;
    case Who::stakeholder: add(a), add(b); break;
    default: add(a), add(b), add(s); break;
  }
  return out;
}

TEST_P(RoundMatrix, StatusAndNoLeak) {
  const Route& r = kRoutes[GetParam().route];
  const Who who = GetParam().who;
  std::string body = r.body;
  const std::size_t at = body.find("{REV}");
  if (at != std::string::npos) body.replace(at, 5, std::to_string(*store_->revision("ex")));
  const Http res = request(server_->port(), r.method, r.path, (*tokens_)[who], body);
  EXPECT_EQ(res.status, expected(r, who)) << res.body;
  const auto j = res.json();
  ASSERT_TRUE(j.is_object()) << res.body;
  if (res.status >= 400) {
    ASSERT_TRUE(j.contains("error")) << res.body;
    EXPECT_TRUE(j["error"].contains("code") && j["error"].contains("message") && j["error"].contains("field"));
  }
  for (const std::string& f : forbidden_for(who))
    EXPECT_EQ(res.body.find(f), std::string::npos) << f << " leaked to " << name(who) << ": " << res.body;
  if (who != Who::mediator) {  // tallies, readiness and suggestions reveal how each party answered
    EXPECT_EQ(res.body.find("\"summary\""), std::string::npos) << res.body;
    EXPECT_EQ(res.body.find("\"convergence\""), std::string::npos) << res.body;
    EXPECT_EQ(res.body.find("\"blocked_by\""), std::string::npos) << res.body;
  }
  if (who == Who::observer) {
    EXPECT_EQ(res.body.find("\"responses\""), std::string::npos) << res.body;
    EXPECT_EQ(res.body.find("\"stance\""), std::string::npos) << res.body;
  }
}

std::vector<Case> all_cases() {
  std::vector<Case> out;
  for (std::size_t r = 0; r < std::size(kRoutes); ++r)
    for (Who w : kEveryone) out.push_back({r, w});
  return out;
}

INSTANTIATE_TEST_SUITE_P(AllRoundRoutes, RoundMatrix, ::testing::ValuesIn(all_cases()),
                         [](const ::testing::TestParamInfo<Case>& p) {
                           return std::string(kRoutes[p.param.route].id) + "_" + name(p.param.who);
                         });

// What each role reads of one round: the mediator all, a party its own answers, an observer
// who has answered.
TEST(Rounds, EachRoleReadsItsShare) {
  auto s = open_store(temp_db("rounds_share"));
  ASSERT_TRUE(s->import_scenario(load_text(kFixture), "test"));
  const std::string m = s->create_token(store::AccessRole::mediator, "", "med")->token;
  const std::string a = s->create_token(store::AccessRole::party, "A", "a")->token;
  const std::string o = s->create_token(store::AccessRole::observer, "", "o")->token;
  TestServer srv(*s);
  const Http opened = request(srv.port(), "POST", "/api/scenarios/ex/rounds", m, R"({"version": "d1", "revision": 1})");
  ASSERT_EQ(opened.status, 201) << opened.body;
  EXPECT_EQ(opened.json()["round"], 1);
  EXPECT_EQ(opened.json()["parties"], nlohmann::json::array({"A", "B"}));  // parties with preferences
  const Http put = request(srv.port(), "PUT", "/api/scenarios/ex/rounds/1/responses/A", a,
                           R"({"revision": 2, "responses": {"P1": "accept", "P2": {"stance": "reject", "acceptable": {"troops": [60]}}}})");
  ASSERT_EQ(put.status, 200) << put.body;
  const auto med = request(srv.port(), "GET", "/api/scenarios/ex/rounds/1", m).json();
  EXPECT_EQ(med["answered"], nlohmann::json::array({"A"}));
  EXPECT_EQ(med["responses"]["A"]["P2"]["stance"], "reject");
  EXPECT_EQ(med["responses"]["A"]["P2"]["acceptable"]["troops"], nlohmann::json::array({60.0}));
  EXPECT_EQ(med["responses"]["B"]["P1"]["stance"], "no_answer");
  EXPECT_EQ(med["convergence"]["blocked_by"]["A"], nlohmann::json::array({"P2"}));
  const auto own = request(srv.port(), "GET", "/api/scenarios/ex/rounds/1", a).json();
  EXPECT_TRUE(own["responses"].contains("A"));
  EXPECT_FALSE(own["responses"].contains("B"));
  EXPECT_EQ(own["answered"], nlohmann::json::array({"A"}));
  EXPECT_EQ(own["revision"], 3);
  const auto seen = request(srv.port(), "GET", "/api/scenarios/ex/rounds/1", o).json();
  EXPECT_FALSE(seen.contains("responses"));
  EXPECT_EQ(seen["answered"], nlohmann::json::array({"A"}));
  EXPECT_EQ(seen["not_answered"], nlohmann::json::array({"B"}));
  const auto listed = request(srv.port(), "GET", "/api/scenarios/ex/rounds", o).json();
  ASSERT_EQ(listed["rounds"].size(), 1u);
  EXPECT_FALSE(listed["rounds"][0].contains("convergence"));
}

// Revisions: a stale write is 409 with the current revision; every revision of an answer is
// kept with who and when; after close, 409; a circulated version is frozen.
TEST(Rounds, RevisionsHistoryCloseAndFrozenVersion) {
  auto s = open_store(temp_db("rounds_rules"));
  ASSERT_TRUE(s->import_scenario(load_text(kFixture), "test"));
  const std::string m = s->create_token(store::AccessRole::mediator, "", "med")->token;
  const std::string a = s->create_token(store::AccessRole::party, "A", "envoy-a")->token;
  TestServer srv(*s);
  ASSERT_EQ(request(srv.port(), "POST", "/api/scenarios/ex/rounds", m, R"({"version": "d1", "revision": 1})").status, 201);
  ASSERT_EQ(request(srv.port(), "PUT", "/api/scenarios/ex/rounds/1/responses/A", a,
                    R"({"revision": 2, "responses": {"P2": {"stance": "reject", "note": "first"}}})").status, 200);
  ASSERT_EQ(request(srv.port(), "PUT", "/api/scenarios/ex/rounds/1/responses/A", a,
                    R"({"revision": 3, "responses": {"P2": {"stance": "conditional", "note": "second"}}})").status, 200);
  const Http stale = request(srv.port(), "PUT", "/api/scenarios/ex/rounds/1/responses/A", m,
                             R"({"revision": 2, "responses": {"P2": "accept"}})");
  EXPECT_EQ(stale.status, 409);
  EXPECT_EQ(stale.json()["error"]["current_revision"], 4);
  EXPECT_EQ(stale.json()["error"]["field"], "responses.P2");
  const auto mine = request(srv.port(), "GET", "/api/scenarios/ex/rounds/1/responses/A", a).json();
  ASSERT_EQ(mine["history"]["A"].size(), 2u);
  EXPECT_EQ(mine["history"]["A"][0]["note"], "first");
  EXPECT_EQ(mine["history"]["A"][1]["set_by"], "envoy-a");
  EXPECT_EQ(mine["responses"]["A"]["P2"]["stance"], "conditional");
  // A version circulated in a round cannot be changed by an import.
  Scenario changed = load_text(kFixture);
  changed.versions[VersionIndex(0)].points[PointIndex(1)].text = "Troop ceiling of 99,000";
  const auto refused = s->import_scenario(changed, "test");
  ASSERT_FALSE(refused);
  EXPECT_NE(refused.error().message.find("frozen"), std::string::npos) << refused.error().message;
  EXPECT_EQ(refused.error().field, "framework.versions.d1.points.P2");
  const Http closed = request(srv.port(), "POST", "/api/scenarios/ex/rounds/1/close", m, R"({"revision": 4})");
  ASSERT_EQ(closed.status, 200) << closed.body;
  const auto summary = closed.json();
  EXPECT_EQ(summary["points"][1]["conditional"], nlohmann::json::array({"A"}));
  EXPECT_EQ(summary["points"][1]["silent"], nlohmann::json::array({"B"}));
  EXPECT_TRUE(summary["readiness"].contains("near_final"));
  EXPECT_TRUE(summary.contains("suggestions"));
  const Http late = request(srv.port(), "PUT", "/api/scenarios/ex/rounds/1/responses/A", a,
                            R"({"revision": 5, "responses": {"P2": "accept"}})");
  EXPECT_EQ(late.status, 409);
  EXPECT_NE(late.json()["error"]["message"].get<std::string>().find("closed"), std::string::npos);
  // Publish: the amended point keeps a `from:` link the diff engine reads as amended.
  const Http pub = request(srv.port(), "POST", "/api/scenarios/ex/rounds/1/publish", m,
                           R"({"revision": 5, "version": "d2", "label": "Second draft", "amend": {"P2": {"sets": {"troops": 50}, "text": "Troop ceiling of 50,000"}}, "add": [{"text": "Monitoring mission", "after": "P1"}]})");
  ASSERT_EQ(pub.status, 201) << pub.body;
  EXPECT_EQ(pub.json()["counts"]["amended"], 1);
  EXPECT_EQ(pub.json()["counts"]["added"], 1);
  const auto snap = s->snapshot("ex");
  ASSERT_TRUE(snap);
  const Scenario& sc = (*snap)->scenario;
  ASSERT_EQ(sc.versions.size(), 2u);
  const diff::Result d = diff::run(sc, VersionIndex(0), VersionIndex(1));
  ASSERT_TRUE(d.outcome.ok());
  EXPECT_EQ(d.count(diff::Change::kept), 1u);
  EXPECT_EQ(d.count(diff::Change::amended), 1u);
  EXPECT_EQ(d.count(diff::Change::added), 1u);
  const Http again = request(srv.port(), "POST", "/api/scenarios/ex/rounds/1/publish", m,
                             R"({"revision": 6, "version": "d3"})");
  EXPECT_EQ(again.status, 409);
  const Http next = request(srv.port(), "POST", "/api/scenarios/ex/rounds", m, R"({"version": "d2", "revision": 6})");
  EXPECT_EQ(next.status, 201) << next.body;
  EXPECT_EQ(next.json()["round"], 2);
}

// `accord serve` killed while parties answer: every answer acknowledged with 200 is in the
// file after a restart.
TEST(RoundsCrashSafety, SigkillDuringAnswersLosesNoAcknowledgedAnswer) {
  constexpr int kKills = 10;
  constexpr int kWriters = 4;
  const std::string db = temp_db("rounds_crash");
  std::string token;
  {
    auto s = open_store(db);
    ASSERT_TRUE(s->import_scenario(load_text(kFixture), "test"));
    token = s->create_token(store::AccessRole::mediator, "", "")->token;
    ASSERT_TRUE(s->open_round("ex", "d1", {}, 1, "med"));
  }
  std::mt19937 rng(4242);
  std::mutex mu;
  std::vector<std::pair<std::string, std::string>> acked;  // (party, note)
  std::size_t failed = 0;
  for (int kill = 0; kill < kKills; ++kill) {
    ServeProcess proc(db);
    ASSERT_GT(proc.port(), 0) << "server did not start, kill " << kill;
    std::atomic<bool> stop{false};
    std::vector<std::thread> writers;
    for (int w = 0; w < kWriters; ++w) {
      writers.emplace_back([&, w] {
        const std::string party = w % 2 ? "A" : "B";
        for (int i = 0; i < 200 && !stop; ++i) {
          const std::string tag = "k" + std::to_string(kill) + "w" + std::to_string(w) + "i" + std::to_string(i);
          // The freshest revision, so answers to the same point do not conflict by design.
          const Http cur = request(proc.port(), "GET", "/api/scenarios/ex/rounds/1", token, "", {}, 3000);
          const std::string rev = cur.headers.count("etag") ? cur.headers.at("etag") : "\"1\"";
          const Http r = request(proc.port(), "PUT", "/api/scenarios/ex/rounds/1/responses/" + party, token,
                                 R"({"responses": {"P)" + std::to_string(1 + i % 2) + R"(": {"stance": "conditional", "note": ")" + tag + "\"}}}",
                                 {{"If-Match", rev}}, 3000);
          const auto j = r.json();
          std::lock_guard lock(mu);
          if (r.status == 200 && j.is_object() && j.contains("revision")) acked.emplace_back(party, tag);
          else ++failed;
        }
      });
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(30 + rng() % 150));
    proc.kill();
    stop = true;
    for (auto& t : writers) t.join();
  }
  auto s = open_store(db);
  EXPECT_EQ(s->integrity_check(), "ok");
  std::set<std::pair<std::string, std::string>> rows;
  for (const char* party : {"A", "B"}) {
    const auto history = s->response_history("ex", 1, party);
    ASSERT_TRUE(history);
    for (const auto& r : *history) rows.emplace(party, r.note);
  }
  for (const auto& a : acked) EXPECT_TRUE(rows.count(a)) << "acknowledged answer lost: " << a.second;
  EXPECT_GT(acked.size(), 0u);
  std::cout << "[ rounds crash ] " << kKills << " SIGKILLs: " << acked.size() << " answers acknowledged (all present), "
            << failed << " unacknowledged or refused\n";
}

}  // namespace
}  // namespace accord::test
