// GET /api/scenarios/{id}/diff (public text: every role of the scenario) and the bargain
// analysis's params.pair, over HTTP.
#include <gtest/gtest.h>

#include <string>

#include "accord/io/builtin.hpp"
#include "accord/engines/redline.hpp"
#include "accord/report/diff.hpp"
#include "http_test_util.hpp"

namespace accord::test {
namespace {

class DiffBargainRoutes : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = open_store(temp_db("diff_bargain_routes"));
    ASSERT_TRUE(store_->import_scenario(load_text(*io::builtin_scenario_text("geneva-2025")), "test"));
    mediator_ = store_->create_token(store::AccessRole::mediator, "", "")->token;
    party_ = store_->create_token(store::AccessRole::party, "UA", "")->token;
    observer_ = store_->create_token(store::AccessRole::observer, "", "")->token;
    server_ = std::make_unique<TestServer>(*store_);
  }
  Http get(const std::string& path, const std::string& token) { return request(server_->port(), "GET", path, token); }
  Http bargain(const std::string& params) {
    return request(server_->port(), "POST", "/api/scenarios/geneva-2025/analyses/bargain", mediator_,
                   R"({"params":)" + params + "}");
  }

  std::unique_ptr<store::Store> store_;
  std::unique_ptr<TestServer> server_;
  std::string mediator_, party_, observer_;
};

TEST_F(DiffBargainRoutes, EveryRoleReadsTheDiffTheCliPrints) {
  const Scenario s = load_text(*io::builtin_scenario_text("geneva-2025"));
  const diff::Result r = diff::run(s, s.find_version("v28"), s.find_version("v20"));
  const nlohmann::json expected = nlohmann::json::parse(report::diff_json(s, r).dump());  // what `accord diff --json` prints
  for (const std::string& token : {mediator_, party_, observer_}) {
    const Http res = get("/api/scenarios/geneva-2025/diff?from=v28&to=v20", token);
    ASSERT_EQ(res.status, 200) << res.body;
    EXPECT_EQ(res.json()["diff"], expected);
  }
}

// ?redline=1 (the dashboard's Rounds view): every role reads what `accord diff --redline --json`
// prints — public text, like the versions themselves; without it the document has no redline.
TEST_F(DiffBargainRoutes, EveryRoleReadsTheRedlineTheCliPrints) {
  const Scenario s = load_text(*io::builtin_scenario_text("geneva-2025"));
  const diff::Result r = diff::run(s, s.find_version("v28"), s.find_version("v20"));
  const redline::Result red = redline::run(s, r);
  const nlohmann::json expected = nlohmann::json::parse(report::diff_json(s, r, &red).dump());
  ASSERT_FALSE(expected["redline"]["points"].empty());
  for (const std::string& token : {mediator_, party_, observer_}) {
    const Http res = get("/api/scenarios/geneva-2025/diff?from=v28&to=v20&redline=1", token);
    ASSERT_EQ(res.status, 200) << res.body;
    EXPECT_EQ(res.json()["diff"], expected);
    EXPECT_FALSE(get("/api/scenarios/geneva-2025/diff?from=v28&to=v20", token).json()["diff"].contains("redline"));
  }
  EXPECT_EQ(get("/api/scenarios/geneva-2025/diff?redline=1", "").status, 401);
}

TEST_F(DiffBargainRoutes, DiffDefaultsToTheFirstAndLastVersion) {
  const Http res = get("/api/scenarios/geneva-2025/diff", party_);
  ASSERT_EQ(res.status, 200) << res.body;
  EXPECT_EQ(res.json()["diff"]["from"]["version"], "v28");
  EXPECT_EQ(res.json()["diff"]["to"]["version"], "v20");
}

TEST_F(DiffBargainRoutes, DiffOfAnUnknownVersionIs400NamingIt) {
  const Http res = get("/api/scenarios/geneva-2025/diff?from=v28&to=v99", mediator_);
  EXPECT_EQ(res.status, 400);
  EXPECT_NE(res.body.find("no version `v99`"), std::string::npos) << res.body;
  EXPECT_EQ(get("/api/scenarios/geneva-2025/diff", "").status, 401);
}

TEST_F(DiffBargainRoutes, BargainPairDefaultsToTheFirstTwoBargainingParties) {
  const Http res = bargain("{}");
  ASSERT_EQ(res.status, 201) << res.body;
  const nlohmann::json r = res.json()["run"]["result"];
  EXPECT_EQ(r["schema"], 3);
  EXPECT_EQ(r["pair"]["parties"], nlohmann::json::parse(R"(["UA","RU"])"));
  EXPECT_TRUE(r["space"]["count"].is_number());  // counts are numbers, as on the CLI
  const Http other = bargain(R"({"pair":["US","RU"]})");
  ASSERT_EQ(other.status, 201) << other.body;
  EXPECT_EQ(other.json()["run"]["result"]["pair"]["parties"], nlohmann::json::parse(R"(["US","RU"])"));
}

// params.parties: ids, or "all" (every party with preferences); who did not bargain is listed.
TEST_F(DiffBargainRoutes, BargainPartiesAllAndStakeholders) {
  const nlohmann::json dflt = bargain("{}").json()["run"]["result"];
  EXPECT_EQ(dflt["parties"], nlohmann::json::parse(R"(["UA","RU","US"])"));
  EXPECT_TRUE(dflt["stakeholders"].contains("EU"));
  const Http all = bargain(R"({"parties":"all"})");
  ASSERT_EQ(all.status, 201) << all.body;
  EXPECT_EQ(all.json()["run"]["result"]["parties"], nlohmann::json::parse(R"(["UA","RU","US","EU"])"));
  EXPECT_TRUE(all.json()["run"]["result"]["stakeholders"].empty());
  const Http two = bargain(R"({"parties":["UA","RU"],"version":"v20"})");
  ASSERT_EQ(two.status, 201) << two.body;
  EXPECT_EQ(two.json()["run"]["result"]["parties"], nlohmann::json::parse(R"(["UA","RU"])"));
  EXPECT_TRUE(two.json()["run"]["result"]["closest"]["stakeholders"].contains("US"));
  for (const char* bad : {R"({"parties":"some"})", R"({"parties":["UA","XX"]})", R"({"parties":[]})",
                          R"({"parties":["UA","UA"]})"}) {
    const Http res = bargain(bad);
    EXPECT_EQ(res.status, 400) << bad;
    EXPECT_NE(res.body.find("params.parties"), std::string::npos) << res.body;
  }
}

TEST_F(DiffBargainRoutes, BargainBadPairIs400) {
  for (const char* params : {R"({"pair":["UA"]})", R"({"pair":["UA","XX"]})", R"({"pair":["UA","UA"]})", R"({"pair":"UA,RU"})"}) {
    const Http res = bargain(params);
    EXPECT_EQ(res.status, 400) << params << ": " << res.body;
  }
}

TEST_F(DiffBargainRoutes, APartyIsNotSentThePairFrontier) {
  ASSERT_EQ(bargain(R"({"version":"v20"})").status, 201);
  const Http res = get("/api/scenarios/geneva-2025/analyses?engine=bargain", party_);
  ASSERT_EQ(res.status, 200);
  EXPECT_EQ(res.body.find("\"pair\""), std::string::npos);
  EXPECT_EQ(res.body.find("\"frontier\""), std::string::npos);
  EXPECT_EQ(res.json()["runs"][0]["result"]["draft"]["version"], "v20");
}

// Runs stored by an older Accord keep their shape in the database (utilities keyed by party,
// the draft under closest); a party still gets its own figures from them.
TEST_F(DiffBargainRoutes, APartyReadsABargainRunStoredBeforeSchema1) {
  store::RunRecord old{0, "geneva-2025", "bargain", 1, R"({"version":"v20"})",
                       R"({"scenario":"geneva-2025","finding":"no_zone","parties":["UA","RU"],)"
                       R"("solutions":{},"solutions_exact":true,)"
                       R"("closest":{"draft":"v20","zone_exists":false,"package":{},"utilities":{"UA":0.62,"RU":0.76}}})",
                       "old", ""};
  ASSERT_TRUE(store_->add_run(old));
  const Http res = get("/api/scenarios/geneva-2025/analyses?engine=bargain", party_);
  ASSERT_EQ(res.status, 200) << res.body;
  const nlohmann::json runs = res.json()["runs"];
  ASSERT_EQ(runs.size(), 1u) << res.body;
  const nlohmann::json closest = runs[0]["result"]["closest"];
  EXPECT_EQ(closest["draft"], "v20");
  EXPECT_EQ(closest["utilities"]["UA"], 0.62);
  EXPECT_EQ(res.body.find("0.76"), std::string::npos);
}

}  // namespace
}  // namespace accord::test
