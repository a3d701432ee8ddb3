// The scenario editor's routes (docs/server.md "Editing a scenario"): POST /api/validate gives
// `accord validate --json` of a posted document, POST /api/analyses/{engine} runs evaluate or
// bargain on it without storing anything, PUT /api/scenarios/{id} stores it as a revision with
// optimistic concurrency.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "accord/io/builtin.hpp"
#include "accord/report/files.hpp"
#include "router_world.hpp"

namespace accord::test {
namespace {

using Json = nlohmann::ordered_json;

constexpr const char* kSmall = R"(format: 1
id: ed-small
title: Three parties
parties:
  - {id: A, name: Alpha}
  - {id: B, name: Beta}
  - {id: M, name: Mediator, role: mediator}
issues:
  - id: line
    title: Where the line runs
    options: [OLD, NOW]
preferences:
  A: {reservation: 0.4, issues: {line: {weight: 1, values: {OLD: 1, NOW: 0.5}}}}
  B: {reservation: 0.3, issues: {line: {weight: 1, values: {OLD: 0, NOW: 1}}}}
framework:
  versions:
    - id: d1
      points:
        - {id: P1, number: 1, text: "The line stays", sets: {line: NOW}}
)";

class EditorRoutes : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    world_ = new RouterWorld("editor_routes");
    ASSERT_TRUE(world_->ok());
    auto& st = world_->store();
    med_ = new std::string(st.create_token(store::AccessRole::mediator, "", "med")->token);
    ua_ = new std::string(st.create_token(store::AccessRole::party, "UA", "ua")->token);
    obs_ = new std::string(st.create_token(store::AccessRole::observer, "", "obs")->token);
  }
  static void TearDownTestSuite() {
    delete world_;
    delete med_;
    delete ua_;
    delete obs_;
  }
  static server::Response call(const std::string& token, const std::string& method, const std::string& target,
                               const Json& body) {
    return world_->call(token, method, target, body.dump());
  }
  static inline RouterWorld* world_ = nullptr;
  static inline std::string *med_ = nullptr, *ua_ = nullptr, *obs_ = nullptr;
};

TEST_F(EditorRoutes, ValidateGivesEveryRoleTheDiagnosticsOfAccordValidate) {
  const std::string bad = std::string(kSmall) + "date: 2026-13-45\ncolour: blue\n";
  const Json expected = report::validation_json("mine.yaml", io::load_scenario_text(bad, "mine.yaml"));
  ASSERT_GE(expected["errors"].get<int>(), 2);
  for (const std::string* token : {med_, ua_, obs_}) {
    const auto res = call(*token, "POST", "/api/validate", {{"text", bad}, {"name", "mine.yaml"}});
    ASSERT_EQ(res.status, 200) << res.body;
    EXPECT_EQ(Json::parse(res.body), expected);
  }
  bool date_named = false;  // with its line and column, as `accord validate` prints them
  for (const Json& d : expected["diagnostics"])
    if (d["path"] == "date") date_named = d["line"] == 20 && d["column"] == 7;
  EXPECT_TRUE(date_named) << expected.dump(1);
  EXPECT_EQ(call("", "POST", "/api/validate", {{"text", bad}}).status, 401);
}

TEST_F(EditorRoutes, ValidateWritesTheCanonicalTextWithTheScenarioWriter) {
  const auto loaded = io::load_scenario_text(kSmall, "x.yaml");
  ASSERT_TRUE(loaded.ok());
  auto res = call(*med_, "POST", "/api/validate", {{"text", kSmall}, {"canonical", "yaml"}});
  ASSERT_EQ(res.status, 200) << res.body;
  Json body = Json::parse(res.body);
  EXPECT_TRUE(body["valid"].get<bool>());
  EXPECT_EQ(body["canonical"], io::write_scenario(*loaded.scenario, io::TextFormat::yaml));
  // The same document as a JSON object: same answer, canonical JSON on request.
  const Json object = Json::parse(io::write_scenario(*loaded.scenario, io::TextFormat::json));
  res = call(*obs_, "POST", "/api/validate", {{"scenario", object}, {"canonical", "json"}});
  ASSERT_EQ(res.status, 200) << res.body;
  body = Json::parse(res.body);
  EXPECT_EQ(body["scenario"], "ed-small");
  EXPECT_EQ(Json::parse(body["canonical"].get<std::string>()), object);
  // An invalid document has no canonical text.
  res = call(*med_, "POST", "/api/validate", {{"text", "format: 1\n"}, {"canonical", "yaml"}});
  EXPECT_TRUE(Json::parse(res.body)["canonical"].is_null());
}

TEST_F(EditorRoutes, ValidateNeedsExactlyOneDocument) {
  EXPECT_EQ(call(*med_, "POST", "/api/validate", Json::object()).status, 400);
  EXPECT_EQ(call(*med_, "POST", "/api/validate", {{"text", kSmall}, {"scenario", Json::object()}}).status, 400);
  EXPECT_EQ(call(*med_, "POST", "/api/validate", {{"scenario", "text"}}).status, 400);
  EXPECT_EQ(call(*med_, "POST", "/api/validate", {{"text", kSmall}, {"canonical", "xml"}}).status, 400);
}

TEST_F(EditorRoutes, PreviewAnalysesEqualTheStoredRoutesAndStoreNothing) {
  const std::string geneva = *io::builtin_scenario_text("geneva-2025");
  for (const char* engine : {"evaluate", "bargain"}) {
    const Json params = {{"version", "v20"}};
    const auto stored = call(*med_, "POST", std::string("/api/scenarios/geneva-2025/analyses/") + engine,
                             {{"params", params}});
    ASSERT_EQ(stored.status, 201) << stored.body;
    const auto runs_before = world_->store().runs("geneva-2025", std::nullopt, 100)->size();
    const auto res = call(*med_, "POST", std::string("/api/analyses/") + engine, {{"text", geneva}, {"params", params}});
    ASSERT_EQ(res.status, 200) << res.body;
    EXPECT_EQ(Json::parse(res.body)["result"], Json::parse(stored.body)["run"]["result"]) << engine;
    EXPECT_EQ(world_->store().runs("geneva-2025", std::nullopt, 100)->size(), runs_before);
    for (const std::string* token : {ua_, obs_})
      EXPECT_EQ(call(*token, "POST", std::string("/api/analyses/") + engine, {{"text", geneva}}).status, 403);
  }
  EXPECT_EQ(call(*med_, "POST", "/api/analyses/gmcr", {{"text", geneva}}).status, 404);
  const auto slow = call(*med_, "POST", "/api/analyses/bargain", {{"text", kSmall}, {"params", {{"max_seconds", 60}}}});
  EXPECT_EQ(slow.status, 400);
  EXPECT_NE(slow.body.find("from 0 to 10"), std::string::npos) << slow.body;
  const auto bad = call(*med_, "POST", "/api/analyses/evaluate", {{"text", std::string(kSmall) + "colour: blue\n"}});
  EXPECT_EQ(bad.status, 400);
  EXPECT_NE(bad.body.find("colour"), std::string::npos) << bad.body;
}

TEST_F(EditorRoutes, PutStoresARevisionWithOptimisticConcurrency) {
  const std::string path = "/api/scenarios/ed-small";
  EXPECT_EQ(call(*med_, "PUT", path, {{"text", kSmall}}).status, 428);
  EXPECT_EQ(call(*ua_, "PUT", path, {{"text", kSmall}, {"revision", 0}}).status, 403);
  EXPECT_EQ(call(*obs_, "PUT", path, {{"text", kSmall}, {"revision", 0}}).status, 403);
  EXPECT_EQ(call(*med_, "PUT", "/api/scenarios/other", {{"text", kSmall}, {"revision", 0}}).status, 400);
  auto res = call(*med_, "PUT", path, {{"text", kSmall}, {"revision", 0}});
  ASSERT_EQ(res.status, 201) << res.body;
  EXPECT_EQ(Json::parse(res.body)["revision"], 1);
  EXPECT_TRUE(Json::parse(res.body)["created"].get<bool>());
  // 0 means "create": the id is taken now.
  res = call(*med_, "PUT", path, {{"text", kSmall}, {"revision", 0}});
  EXPECT_EQ(res.status, 409) << res.body;
  // The same document again writes nothing; a change is revision 2; a stale base is 409.
  res = call(*med_, "PUT", path, {{"text", kSmall}, {"revision", 1}});
  ASSERT_EQ(res.status, 200) << res.body;
  EXPECT_TRUE(Json::parse(res.body)["unchanged"].get<bool>());
  std::string changed = kSmall;
  changed.replace(changed.find("Three parties"), 13, "Three parties, renamed");
  res = call(*med_, "PUT", path, {{"text", changed}, {"revision", 1}});
  ASSERT_EQ(res.status, 200) << res.body;
  EXPECT_EQ(Json::parse(res.body)["revision"], 2);
  res = call(*med_, "PUT", path, {{"text", kSmall}, {"revision", 1}});
  EXPECT_EQ(res.status, 409) << res.body;
  // GET gives back what was stored: the writer's JSON of the document.
  const auto got = world_->call(*med_, "GET", path);
  ASSERT_EQ(got.status, 200);
  const auto loaded = io::load_scenario_text(changed, "x.yaml");
  EXPECT_EQ(Json::parse(got.body)["scenario"], Json::parse(io::write_scenario(*loaded.scenario, io::TextFormat::json)));
  // An invalid document is refused with the first error's field.
  res = call(*med_, "PUT", path, {{"text", std::string(kSmall) + "date: 2026-13-45\n"}, {"revision", 2}});
  EXPECT_EQ(res.status, 400);
  EXPECT_EQ(Json::parse(res.body)["error"]["field"], "date") << res.body;
}

}  // namespace
}  // namespace accord::test
