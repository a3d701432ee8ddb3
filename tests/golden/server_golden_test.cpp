// The JSON the server answers for every analysis and for the scenario, per role (mediator,
// party, observer), through the same Router the HTTP transport calls, compared with
// tests/golden/expected/server_*.json. The party documents are the confidentiality contract:
// a change there is a change in what a party is told.
#include <unistd.h>

#include <filesystem>
#include <memory>
#include <string>

#include "accord/io/builtin.hpp"
#include "accord/io/scenario_io.hpp"
#include "accord/store/store.hpp"
#include "golden.hpp"
#include "server/router.hpp"

namespace accord::test::golden {
namespace {

using server::Request;
using server::Response;

class ServerGolden : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    path_ = std::string(::testing::TempDir()) + "accord_server_golden_" + std::to_string(::getpid()) + ".db";
    std::filesystem::remove(path_);
    store::OpenOptions o;
    o.create = true;
    auto s = store::Store::open(path_, o);
    ASSERT_TRUE(s.has_value());
    store_ = s->release();
    const std::string* text = io::builtin_scenario_text("geneva-2025");
    ASSERT_NE(text, nullptr);
    auto loaded = io::load_scenario_text(*text, "geneva-2025.yaml");
    ASSERT_TRUE(loaded.ok());
    ASSERT_TRUE(store_->import_scenario(*loaded.scenario, "golden"));
    mediator_ = store_->create_token(store::AccessRole::mediator, "", "med")->token;
    party_ = store_->create_token(store::AccessRole::party, "UA", "ua")->token;
    observer_ = store_->create_token(store::AccessRole::observer, "", "obs")->token;
    server::Options opts;
    opts.log_level = "off";
    router_ = new server::Router(*store_, opts);
  }
  static void TearDownTestSuite() {
    delete router_;
    delete store_;
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path_ + suffix);
  }

  static Response call(const std::string& token, const std::string& method, const std::string& target,
                       const std::string& body = "") {
    Request req;
    req.method = method;
    req.target = target;
    server::parse_target(target, req);
    req.headers.add("Authorization", "Bearer " + token);
    if (!body.empty()) req.headers.add("Content-Type", "application/json");
    req.body = body;
    req.remote = "127.0.0.1";
    auto a = router_->admit(req);
    return a.reject ? std::move(*a.reject) : router_->handle(req);
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

  static inline std::string path_;
  static inline store::Store* store_ = nullptr;
  static inline server::Router* router_ = nullptr;
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
