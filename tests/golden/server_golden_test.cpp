// The JSON the server answers for every analysis and for the scenario, per role (mediator,
// party, observer), through the same Router the HTTP transport calls, compared with
// tests/golden/expected/server_*.json. The party documents are the confidentiality contract:
// a change there is a change in what a party is told.
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
TEST_F(ServerGolden, Forecast) { pin_analysis("forecast", "forecast", "{}"); }
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

}  // namespace
}  // namespace accord::test::golden
