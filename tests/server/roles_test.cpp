// Every route × every role: status codes, and that nothing private to another party (or to
// the parties, for observers) appears in any response body.
#include <gtest/gtest.h>

#include <regex>

#include "http_test_util.hpp"

namespace accord::test {
namespace {

enum class Who { mediator, party_a, party_b, observer, none, bad_token, revoked };
const char* name(Who w) {
  switch (w) {
    case Who::mediator: return "mediator";
    case Who::party_a: return "partyA";
    case Who::party_b: return "partyB";
    case Who::observer: return "observer";
    case Who::none: return "none";
    case Who::bad_token: return "badtoken";
    case Who::revoked: return "revoked";
  }
  return "?";
}

struct Route {
  const char* id;
  const char* method;
  const char* path;
  const char* body;  // "{REV}" is replaced by the current revision
  int mediator, party_a, party_b, observer;  // expected statuses (A's resources)
};

const Route kRoutes[] = {
    {"list", "GET", "/api/scenarios", "", 200, 200, 200, 200},
    {"scenario", "GET", "/api/scenarios/ex", "", 200, 200, 200, 200},
    {"prefs_get", "GET", "/api/scenarios/ex/preferences/A", "", 200, 200, 403, 403},
    {"prefs_put", "PUT", "/api/scenarios/ex/preferences/A",
     R"({"revision": {REV}, "preferences": {"reservation": 0.41, "issues": {"border": {"weight": 0.6543, "values": {"OLD": 1, "NOW": 0.5, "NEW": 0}}, "troops": {"weight": 0.3457, "curve": [[0, 0], [100, 1]]}}}})",
     200, 200, 403, 403},
    {"stances_get", "GET", "/api/scenarios/ex/versions/d1/stances", "", 200, 200, 200, 200},
    {"stances_party_get", "GET", "/api/scenarios/ex/versions/d1/stances/A", "", 200, 200, 200, 200},
    {"stances_party_put", "PUT", "/api/scenarios/ex/versions/d1/stances/A",
     R"({"revision": {REV}, "stances": {"P2": {"stance": "conditional", "note": "if monitored"}}})", 200, 200, 403,
     403},
    {"stances_all_put", "PUT", "/api/scenarios/ex/versions/d1/stances",
     R"({"revision": {REV}, "stances": {"A": {"P1": "accept"}, "B": {"P1": "accept"}}})", 200, 403, 403, 403},
    {"events_get", "GET", "/api/scenarios/ex/events", "", 200, 200, 200, 200},
    {"events_post", "POST", "/api/scenarios/ex/events",
     R"({"date": "2025-02-01", "kind": "talks", "text": "second round"})", 201, 403, 403, 403},
    {"history", "GET", "/api/scenarios/ex/history", "", 200, 200, 200, 200},
    {"evaluate_post", "POST", "/api/scenarios/ex/analyses/evaluate", "{}", 201, 403, 403, 403},
    {"bargain_post", "POST", "/api/scenarios/ex/analyses/bargain", R"({"params": {"version": "d1"}})", 201, 403, 403,
     403},
    // An observer lists only public results (diffs): here an empty list.
    {"runs_get", "GET", "/api/scenarios/ex/analyses", "", 200, 200, 200, 200},
    {"run_get", "GET", "/api/scenarios/ex/analyses/1", "", 200, 200, 200, 403},
    // The scenario editor (routes_validate.cpp, routes_scenario_put.cpp): checks of a posted
    // document answer every role; previews and storing a document are the mediator's.
    {"validate_post", "POST", "/api/validate", R"({"scenario": {"format": 1, "id": "t", "title": "T", "parties": [{"id": "A", "name": "A"}], "issues": [{"id": "i", "title": "I", "options": ["X", "Y"]}]}})",
     200, 200, 200, 200},
    {"preview_post", "POST", "/api/analyses/evaluate", R"({"scenario": {"format": 1, "id": "t", "title": "T", "parties": [{"id": "A", "name": "A"}], "issues": [{"id": "i", "title": "I", "options": ["X", "Y"]}], "framework": {"versions": [{"id": "d1", "points": [{"id": "P1", "number": 1, "text": "t", "sets": {"i": "X"}}]}]}}})",
     200, 403, 403, 403},
    {"scenario_put", "PUT", "/api/scenarios/ex_new", R"({"revision": 0, "scenario": {"format": 1, "id": "ex_new", "title": "T", "parties": [{"id": "A", "name": "A"}], "issues": [{"id": "i", "title": "I", "options": ["X", "Y"]}]}})",
     201, 403, 403, 403},
    {"unknown_api", "GET", "/api/nothing", "", 404, 404, 404, 404},
};

struct Case {
  std::size_t route;
  Who who;
};

class RoleMatrix : public ::testing::TestWithParam<Case> {
 public:
  static void SetUpTestSuite() {
    db_ = new std::string(temp_db("roles"));
    store_ = open_store(*db_).release();
    ASSERT_TRUE(store_->import_scenario(load_text(kFixture), "test"));
    tokens_ = new std::map<Who, std::string>;
    (*tokens_)[Who::mediator] = store_->create_token(store::AccessRole::mediator, "", "med")->token;
    (*tokens_)[Who::party_a] = store_->create_token(store::AccessRole::party, "A", "envoy-a")->token;
    (*tokens_)[Who::party_b] = store_->create_token(store::AccessRole::party, "B", "envoy-b")->token;
    (*tokens_)[Who::observer] = store_->create_token(store::AccessRole::observer, "", "obs")->token;
    (*tokens_)[Who::none] = "";
    std::string bad = (*tokens_)[Who::mediator];
    bad.back() = bad.back() == '0' ? '1' : '0';
    (*tokens_)[Who::bad_token] = bad;
    auto revoked = store_->create_token(store::AccessRole::mediator, "", "gone");
    ASSERT_TRUE(store_->revoke_token(revoked->record.id));
    (*tokens_)[Who::revoked] = revoked->token;
    server_ = new TestServer(*store_);
    // A run exists before the matrix reads it.
    ASSERT_EQ(request(server_->port(), "POST", "/api/scenarios/ex/analyses/evaluate", (*tokens_)[Who::mediator], "{}").status, 201);
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
  if (std::string(r.id) == "unknown_api" && (w == Who::none || w == Who::bad_token || w == Who::revoked)) return 401;
  switch (w) {
    case Who::mediator: return r.mediator;
    case Who::party_a: return r.party_a;
    case Who::party_b: return r.party_b;
    case Who::observer: return r.observer;
    default: return 401;
  }
}

TEST_P(RoleMatrix, StatusAndNoLeak) {
  const Route& r = kRoutes[GetParam().route];
  const Who who = GetParam().who;
  std::string body = r.body;
  const auto rev = store_->revision("ex");
  ASSERT_TRUE(rev);
  const std::size_t at = body.find("{REV}");
  if (at != std::string::npos) body.replace(at, 5, std::to_string(*rev));
  const Http res = request(server_->port(), r.method, r.path, (*tokens_)[who], body);
  EXPECT_EQ(res.status, expected(r, who)) << res.body;
  // Every response is a JSON object; errors have {error: {code, message, field}}.
  const auto j = res.json();
  ASSERT_TRUE(j.is_object()) << res.body;
  if (res.status >= 400) {
    ASSERT_TRUE(j.contains("error"));
    EXPECT_TRUE(j["error"].contains("code") && j["error"].contains("message") && j["error"].contains("field"));
  }
  if (res.status == 401) {
    EXPECT_EQ(res.headers.count("www-authenticate"), 1u);
  }
  // Confidentiality: what each caller must never receive.
  std::vector<std::string> forbidden;
  if (who != Who::mediator) {
    if (who != Who::party_a) forbidden.insert(forbidden.end(), {"SECRET_A_RESERVATION", "0.6543", "0.3457"});
    if (who != Who::party_b) forbidden.insert(forbidden.end(), {"SECRET_B_RESERVATION", "0.6123", "0.3877"});
    if (who == Who::observer) forbidden.push_back("\"preferences\":{\"");
  }
  for (const auto& f : forbidden) EXPECT_EQ(res.body.find(f), std::string::npos) << f << " leaked to " << name(who);
  // A party never sees another party's utility or reservation in analysis results.
  if (who == Who::party_a) {
    EXPECT_FALSE(std::regex_search(res.body, std::regex(R"("B"\s*:\s*[0-9])"))) << res.body;
  }
  if (who == Who::party_b) {
    EXPECT_FALSE(std::regex_search(res.body, std::regex(R"("A"\s*:\s*[0-9])"))) << res.body;
  }
  if (who == Who::party_a || who == Who::party_b) {
    EXPECT_EQ(res.body.find("\"reservations\""), std::string::npos);
    EXPECT_EQ(res.body.find("predicted_blockers"), std::string::npos);
  }
}

std::vector<Case> all_cases() {
  std::vector<Case> out;
  for (std::size_t r = 0; r < std::size(kRoutes); ++r)
    for (Who w : {Who::mediator, Who::party_a, Who::party_b, Who::observer, Who::none, Who::bad_token, Who::revoked})
      out.push_back({r, w});
  return out;
}

INSTANTIATE_TEST_SUITE_P(AllRoutes, RoleMatrix, ::testing::ValuesIn(all_cases()),
                         [](const ::testing::TestParamInfo<Case>& p) {
                           return std::string(kRoutes[p.param.route].id) + "_" + name(p.param.who);
                         });

TEST(Health, NeedsNoToken) {
  auto s = open_store(temp_db("health"));
  TestServer srv(*s);
  const Http res = request(srv.port(), "GET", "/api/health");
  EXPECT_EQ(res.status, 200);
  EXPECT_EQ(res.json()["status"], "ok");
  EXPECT_EQ(res.headers.count("x-request-id"), 1u);
}

// Party results are reduced; the mediator sees everything.
TEST(Views, AnalysisResultsAreReducedForParties) {
  auto s = open_store(temp_db("views"));
  ASSERT_TRUE(s->import_scenario(load_text(kFixture), "test"));
  const std::string m = s->create_token(store::AccessRole::mediator, "", "")->token;
  const std::string a = s->create_token(store::AccessRole::party, "A", "")->token;
  const std::string o = s->create_token(store::AccessRole::observer, "", "")->token;
  TestServer srv(*s);
  ASSERT_EQ(request(srv.port(), "POST", "/api/scenarios/ex/analyses/bargain", m, R"({"params":{"version":"d1"}})").status, 201);
  const auto full = request(srv.port(), "GET", "/api/scenarios/ex/analyses?engine=bargain", m).json();
  const auto mine = request(srv.port(), "GET", "/api/scenarios/ex/analyses?engine=bargain", a).json();
  ASSERT_EQ(full["runs"].size(), 1u);
  // reservations: per bargaining party, in `parties` order (report::bargain_json)
  EXPECT_EQ(full["runs"][0]["result"]["parties"].dump(), R"(["A","B"])");
  EXPECT_EQ(full["runs"][0]["result"]["reservations"].size(), 2u);
  const auto& r = mine["runs"][0]["result"];
  EXPECT_TRUE(r.contains("finding"));
  EXPECT_FALSE(r.contains("reservations"));
  EXPECT_EQ(r["parties"], nlohmann::json::array({"A"}));
  ASSERT_FALSE(r["solutions"].empty());
  for (const auto& [name, p] : r["solutions"].items()) {
    if (p.is_null()) continue;
    EXPECT_TRUE(p.contains("package")) << name;
    EXPECT_EQ(p["utilities"].size(), 1u) << name;  // its own utility only
    EXPECT_FALSE(p.contains("objective")) << name;
  }
  const auto observed = request(srv.port(), "GET", "/api/scenarios/ex/analyses", o).json();
  EXPECT_TRUE(observed["runs"].empty());  // a bargain result is not public
  EXPECT_FALSE(mine["runs"][0].contains("params"));
  // The scenario document: A sees its own preferences only; the mediator sees both.
  const auto doc_a = request(srv.port(), "GET", "/api/scenarios/ex", a).json();
  EXPECT_TRUE(doc_a["scenario"]["preferences"].contains("A"));
  EXPECT_FALSE(doc_a["scenario"]["preferences"].contains("B"));
  const auto doc_m = request(srv.port(), "GET", "/api/scenarios/ex", m).json();
  EXPECT_TRUE(doc_m["scenario"]["preferences"].contains("B"));
}

}  // namespace
}  // namespace accord::test
