// The JSON the server answers for every analysis and for the scenario, per role (mediator,
// party, observer), through the same Router the HTTP transport calls, compared with
// tests/golden/expected/server_*.json. The party documents are the confidentiality contract:
// a change there is a change in what a party is told.
#include <map>
#include <string>

#include "golden.hpp"
#include "router_world.hpp"

namespace accord::test::golden {
namespace {

using server::Response;

class ServerGolden : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    world_ = new RouterWorld("server_golden");
    ASSERT_TRUE(world_->ok());
    mediator_ = world_->store().create_token(store::AccessRole::mediator, "", "med")->token;
    party_ = world_->store().create_token(store::AccessRole::party, "UA", "ua")->token;
    observer_ = world_->store().create_token(store::AccessRole::observer, "", "obs")->token;
  }
  static void TearDownTestSuite() { delete world_; }

  static Response call(const std::string& token, const std::string& method, const std::string& target,
                       const std::string& body = "") {
    return world_->call(token, method, target, body);
  }

  // Runs an analysis as the mediator and pins what each role gets back for that run.
  static void pin_analysis(const std::string& name, const std::string& engine, const std::string& params) {
    const Response posted = call(mediator_, "POST", "/api/scenarios/geneva-2025/analyses/" + engine,
                                 R"({"params":)" + params + "}");
    ASSERT_EQ(posted.status, 201) << posted.body;
    const Json created = Json::parse(posted.body);
    const std::string run = std::to_string(created["run"]["id"].get<std::int64_t>());
    for (const auto& [role, token] : {std::pair{std::string("mediator"), mediator_}, {"party", party_},
                                      {"observer", observer_}}) {
      const Response got = call(token, "GET", "/api/scenarios/geneva-2025/analyses/" + run);
      Json doc = {{"status", got.status}, {"body", Json::parse(got.body)}};
      if (doc["body"].contains("run")) doc["body"]["run"]["id"] = "<run id>";
      expect_golden("server_" + name + "_" + role, doc);
    }
  }

  static inline RouterWorld* world_ = nullptr;
  static inline std::string mediator_, party_, observer_;
};

TEST_F(ServerGolden, EvaluateV20) { pin_analysis("evaluate_v20", "evaluate", R"({"version":"v20"})"); }
TEST_F(ServerGolden, BargainV20) { pin_analysis("bargain_v20", "bargain", R"({"version":"v20"})"); }
TEST_F(ServerGolden, Bargain) { pin_analysis("bargain", "bargain", "{}"); }
TEST_F(ServerGolden, Gmcr) { pin_analysis("gmcr", "gmcr", "{}"); }
TEST_F(ServerGolden, GmcrCoalitions) { pin_analysis("gmcr_coalitions", "gmcr", R"({"coalitions":true})"); }
TEST_F(ServerGolden, Forecast) { pin_analysis("forecast", "forecast", "{}"); }
// A party sees only its own verdict's robustness (report/views/robustness_view.cpp).
TEST_F(ServerGolden, RobustnessV20) {
  pin_analysis("robustness_v20", "robustness", R"({"version":"v20","findings":["verdicts","zone","readiness"]})");
}
TEST_F(ServerGolden, ForecastMonteCarlo) {
  pin_analysis("forecast_monte_carlo", "forecast", R"({"model":"smp","runs":20,"seed":3})");
}

// The diff is public text: every role gets the same document (`accord diff v28 v20 --json`).
TEST_F(ServerGolden, DiffPerRole) {
  for (const auto& [role, token] : {std::pair{std::string("mediator"), mediator_}, {"party", party_},
                                    {"observer", observer_}}) {
    const Response got = call(token, "GET", "/api/scenarios/geneva-2025/diff?from=v28&to=v20");
    expect_golden("server_diff_v28_v20_" + role, {{"status", got.status}, {"body", Json::parse(got.body)}});
  }
}

TEST_F(ServerGolden, ScenarioPerRole) {
  for (const auto& [role, token] : {std::pair{std::string("mediator"), mediator_}, {"party", party_},
                                    {"observer", observer_}}) {
    const Response got = call(token, "GET", "/api/scenarios/geneva-2025");
    expect_golden("server_scenario_" + role, {{"status", got.status}, {"body", Json::parse(got.body)}});
  }
}

// Mediation rounds on v20 (demo answers, not recorded positions): what each role reads of an
// open round, the round list, UA's own answers, the close summary (mediator) and the closed
// round. The party and observer documents are the rounds' confidentiality contract.
TEST(ServerGoldenRounds, RoundsPerRole) {
  RouterWorld world("server_golden_rounds");
  ASSERT_TRUE(world.ok());
  store::Store& st = world.store();
  const std::map<std::string, std::string> tokens = {
      {"mediator", st.create_token(store::AccessRole::mediator, "", "med")->token},
      {"party", st.create_token(store::AccessRole::party, "UA", "ua")->token},
      {"observer", st.create_token(store::AccessRole::observer, "", "obs")->token}};
  const std::string& med = tokens.at("mediator");
  auto call = [&](const std::string& token, const std::string& method, const std::string& target,
                  const std::string& body = "") { return world.call(token, method, target, body); };
  ASSERT_EQ(call(med, "POST", "/api/scenarios/geneva-2025/rounds", R"({"version": "v20", "revision": 1})").status, 201);
  ASSERT_EQ(call(med, "PUT", "/api/scenarios/geneva-2025/rounds/1/responses/UA",
                 R"({"revision": 2, "responses": {"P20_01": "accept", "P20_04": {"stance": "conditional", "note": "demo: 800k only with guarantees", "acceptable": {"army_cap": [800, 850]}}}})")
                .status,
            200);
  ASSERT_EQ(call(med, "PUT", "/api/scenarios/geneva-2025/rounds/1/responses/RU",
                 R"({"revision": 3, "responses": {"P20_01": "accept", "P20_04": {"stance": "reject", "note": "demo", "acceptable": {"army_cap": [600]}}, "P20_05": {"stance": "reject", "note": "demo", "amendment": "demo: no Article 5 mirror"}}})")
                .status,
            200);
  auto pin = [&](const std::string& name, const std::string& role, const std::string& target) {
    const Response got = call(tokens.at(role), "GET", target);
    expect_golden("server_" + name + "_" + role, {{"status", got.status}, {"body", Json::parse(got.body)}});
  };
  for (const char* role : {"mediator", "party", "observer"}) {
    pin("round_open", role, "/api/scenarios/geneva-2025/rounds/1");
    pin("rounds", role, "/api/scenarios/geneva-2025/rounds");
    pin("round_responses_ua", role, "/api/scenarios/geneva-2025/rounds/1/responses/UA");
  }
  const Response closed = call(med, "POST", "/api/scenarios/geneva-2025/rounds/1/close", "{}");
  expect_golden("server_round_close_mediator", {{"status", closed.status}, {"body", Json::parse(closed.body)}});
  for (const char* role : {"mediator", "party", "observer"}) pin("round_closed", role, "/api/scenarios/geneva-2025/rounds/1");
}

}  // namespace
}  // namespace accord::test::golden
