// POST /api/scenarios/{id}/analyses/gmcr with params.graph (docs/gmcr.md "The graph"): the
// mediator gets the state graph's layout, a party's view of the same run never does, and the
// default document has no graph.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "accord/io/builtin.hpp"
#include "http_test_util.hpp"

namespace accord::test {
namespace {

class GmcrGraphRoute : public ::testing::Test {
 protected:
  void SetUp() override {
    store_ = open_store(temp_db("gmcr_graph_route"));
    ASSERT_TRUE(store_->import_scenario(load_text(*io::builtin_scenario_text("geneva-2025")), "test"));
    mediator_ = store_->create_token(store::AccessRole::mediator, "", "")->token;
    party_ = store_->create_token(store::AccessRole::party, "UA", "")->token;
    server_ = std::make_unique<TestServer>(*store_);
  }
  Http gmcr(const std::string& params) {
    return request(server_->port(), "POST", "/api/scenarios/geneva-2025/analyses/gmcr", mediator_,
                   R"({"params":)" + params + "}");
  }

  std::unique_ptr<store::Store> store_;
  std::unique_ptr<TestServer> server_;
  std::string mediator_, party_;
};

TEST_F(GmcrGraphRoute, TheMediatorAsksForTheGraphAPartyNeverSeesIt) {
  const Http with = gmcr(R"({"graph": true})");
  ASSERT_EQ(with.status, 201) << with.body;
  const auto run = nlohmann::json::parse(with.body)["run"];
  const auto& graph = run["result"]["graph"];
  ASSERT_TRUE(graph.is_object()) << with.body.substr(0, 400);
  EXPECT_EQ(graph["drawn"], true);
  EXPECT_EQ(graph["nodes"].size(), 80u);
  EXPECT_EQ(graph["collapsed"], false);
  // Bounded: 80 nodes with the engine's reasons and 656 moves stay well under half a megabyte
  // (about 210 kB).
  EXPECT_LT(graph.dump().size(), 500000u) << graph.dump().size();
  const Http party = request(server_->port(), "GET", "/api/scenarios/geneva-2025/analyses/" + std::to_string(run["id"].get<long>()), party_);
  ASSERT_EQ(party.status, 200) << party.body;
  EXPECT_FALSE(nlohmann::json::parse(party.body)["run"]["result"].contains("graph"));
  EXPECT_TRUE(nlohmann::json::parse(party.body)["run"]["result"].contains("equilibria"));

  const Http without = gmcr("{}");
  ASSERT_EQ(without.status, 201);
  EXPECT_FALSE(nlohmann::json::parse(without.body)["run"]["result"].contains("graph"));
  EXPECT_EQ(gmcr(R"({"graph": "yes"})").status, 400);
}

}  // namespace
}  // namespace accord::test
