// Malformed, mistyped, unknown, oversized, stale and slow input: a clear 4xx JSON error,
// never a crash, never a partial write.
#include <gtest/gtest.h>

#include "http_test_util.hpp"
#include "store/store_helpers.hpp"

namespace accord::test {
namespace {

class BadInput : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = temp_db("bad_" + std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()));
    store_ = open_store(db_);
    ASSERT_TRUE(store_->import_scenario(load_text(kFixture), "test"));
    m_ = store_->create_token(store::AccessRole::mediator, "", "")->token;
    a_ = store_->create_token(store::AccessRole::party, "A", "")->token;
    server::Options o;
    o.read_timeout_s = 1;
    o.max_body_bytes = 64 * 1024;
    server_ = std::make_unique<TestServer>(*store_, o);
  }
  void TearDown() override {
    server_.reset();
    store_.reset();
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(db_ + suffix);
  }
  Http put_stances(const std::string& body, const std::string& token = "") {
    return request(server_->port(), "PUT", "/api/scenarios/ex/versions/d1/stances/A", token.empty() ? a_ : token, body);
  }
  std::int64_t rev() { return *store_->revision("ex"); }
  static void expect_error(const Http& r, int status, const std::string& code, const std::string& field = "") {
    EXPECT_EQ(r.status, status) << r.body;
    const auto j = r.json();
    ASSERT_TRUE(j.is_object()) << r.body;
    EXPECT_EQ(j["error"]["code"], code) << r.body;
    if (!field.empty()) {
      EXPECT_EQ(j["error"]["field"], field) << r.body;
    }
  }

  std::string db_;
  std::unique_ptr<store::Store> store_;
  std::unique_ptr<TestServer> server_;
  std::string m_, a_;
};

TEST_F(BadInput, MalformedJson) {
  expect_error(put_stances("{\"revision\": 1, \"stances\": "), 400, "invalid_json", "body");
  expect_error(put_stances("[1,2]"), 400, "invalid", "body");
  EXPECT_EQ(rev(), 1);
}

TEST_F(BadInput, WrongTypesNameTheField) {
  expect_error(put_stances(R"({"revision": "one", "stances": {"P1": "accept"}})"), 400, "invalid", "revision");
  expect_error(put_stances(R"({"revision": 1, "stances": ["P1"]})"), 400, "invalid", "stances");
  expect_error(put_stances(R"({"revision": 1, "stances": {"P1": "maybe"}})"), 400, "invalid", "stances.P1");
  expect_error(put_stances(R"({"revision": 1, "stances": {"P1": {"stance": "accept", "sources": "x"}}})"), 400,
               "invalid", "stances.P1.sources");
  expect_error(put_stances(R"({"revision": 1, "stances": {"P1": {"stance": "accept", "colour": 1}}})"), 400,
               "invalid", "stances.P1.colour");
  expect_error(request(server_->port(), "POST", "/api/scenarios/ex/events", m_, R"({"date": 20250101, "kind": "talks", "text": "x"})"),
               400, "invalid", "date");
  expect_error(request(server_->port(), "POST", "/api/scenarios/ex/events", m_, R"({"date": "2025-01-01", "kind": "party", "text": "x"})"),
               400, "invalid", "kind");
  // Issue 16: the calendar is checked, not only the shape.
  for (const char* date : {"2026-13-45", "2025-02-29", "yesterday"})
    expect_error(request(server_->port(), "POST", "/api/scenarios/ex/events", m_,
                         std::string(R"({"kind": "talks", "text": "x", "date": ")") + date + "\"}"),
                 400, "invalid", "date");
  expect_error(request(server_->port(), "PUT", "/api/scenarios/ex/preferences/A", a_,
                       R"({"revision": 1, "preferences": {"reservation": 0.4, "issues": {"border": {"weight": 0.5, "values": {"NOPE": 1}}}}})"),
               400, "invalid");
  EXPECT_EQ(rev(), 1);
}

TEST_F(BadInput, PreferenceErrorsSpeakOnlyOfTheCallersOwnData) {
  const Http r = request(server_->port(), "PUT", "/api/scenarios/ex/preferences/A", a_,
                         R"({"revision": 1, "preferences": {"reservation": 7}})");
  expect_error(r, 400, "invalid");
  EXPECT_EQ(r.json()["error"]["field"].get<std::string>().rfind("preferences.A", 0), 0u) << r.body;
  EXPECT_EQ(r.body.find("SECRET_B"), std::string::npos);
}

TEST_F(BadInput, UnknownIds) {
  expect_error(request(server_->port(), "GET", "/api/scenarios/nope", m_), 404, "not_found", "scenario");
  expect_error(request(server_->port(), "GET", "/api/scenarios/ex/versions/v9/stances", m_), 404, "not_found", "version");
  expect_error(put_stances(R"({"revision": 1, "stances": {"P1": "accept", "P404": "accept"}})"), 404, "not_found",
               "stances.A.P404");
  expect_error(request(server_->port(), "GET", "/api/scenarios/ex/analyses/999", m_), 404, "not_found", "run");
  expect_error(request(server_->port(), "POST", "/api/scenarios/ex/analyses/astrology", m_, "{}"), 404, "not_found", "engine");
  // All or nothing: P1 (valid) was not written either.
  EXPECT_EQ(rev(), 1);
  EXPECT_EQ(store_->stance_history("ex", hf("d1", "A", "P1"))->size(), 1u);
}

TEST_F(BadInput, RevisionRequiredAndStaleWritesConflict) {
  expect_error(put_stances(R"({"stances": {"P1": "reject"}})"), 428, "revision_required", "revision");
  ASSERT_EQ(put_stances(R"({"revision": 1, "stances": {"P1": "reject"}})").status, 200);
  const Http stale = put_stances(R"({"revision": 1, "stances": {"P1": "accept"}})");
  expect_error(stale, 409, "conflict", "stances.A.P1");
  EXPECT_EQ(stale.json()["error"]["current_revision"], 2);
  EXPECT_EQ(stale.headers.at("etag"), "\"2\"");
  // A stale base is fine for a point nobody changed since (P2), and If-Match works too.
  EXPECT_EQ(request(server_->port(), "PUT", "/api/scenarios/ex/versions/d1/stances/A", a_,
                    R"({"stances": {"P2": "accept"}})", {{"If-Match", "\"1\""}}).status, 200);
  expect_error(put_stances(R"({"revision": 99, "stances": {"P1": "accept"}})"), 400, "invalid", "revision");
  EXPECT_EQ(rev(), 3);
}

TEST_F(BadInput, OversizedBodyIs413) {
  const std::string big = R"({"revision": 1, "stances": {"P1": {"stance": "accept", "note": ")" +
                          std::string(200 * 1024, 'x') + "\"}}}";
  const Http r = put_stances(big);
  EXPECT_EQ(r.status, 413) << r.body.substr(0, 200);
  EXPECT_EQ(r.json()["error"]["code"], "payload_too_large");
  EXPECT_EQ(rev(), 1);
}

TEST_F(BadInput, SlowClientIsCutOffAndOthersAreServed) {
  const int fd = connect_loopback(server_->port());
  ASSERT_GE(fd, 0);
  ASSERT_TRUE(send_all(fd, "GET /api/health HTTP/1.1\r\nHost: x\r\n"));  // never finishes its headers
  // Meanwhile the server answers others.
  EXPECT_EQ(request(server_->port(), "GET", "/api/health").status, 200);
  // After the header deadline (--read-timeout, 1 s here) the stalled request is answered with
  // a JSON 408 and the connection is closed.
  const auto t0 = std::chrono::steady_clock::now();
  const Http r = parse_response(read_all(fd, 2500));
  EXPECT_LT(std::chrono::steady_clock::now() - t0, std::chrono::milliseconds(2600));
  EXPECT_EQ(r.status, 408);
  EXPECT_EQ(r.json()["error"]["code"], "timeout");
  ::close(fd);
  EXPECT_EQ(request(server_->port(), "GET", "/api/health").status, 200);
}

TEST_F(BadInput, GarbageRequestLine) {
  const int fd = connect_loopback(server_->port());
  ASSERT_TRUE(send_all(fd, "\x01\x02 nonsense\r\n\r\n"));
  const Http r = parse_response(read_all(fd, 1000));
  ::close(fd);
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(request(server_->port(), "GET", "/api/health").status, 200);
}

}  // namespace
}  // namespace accord::test
