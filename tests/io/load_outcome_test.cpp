// The scenario reader's result carries the envelope: ok/finished when loaded, invalid_input
// otherwise, and the limit that stopped a load as its termination.
#include <gtest/gtest.h>

#include "accord/io/builtin.hpp"
#include "accord/io/scenario_io.hpp"

namespace accord::io {
namespace {

TEST(LoadOutcome, ALoadedScenarioIsOkAndFinished) {
  const LoadResult r = load_scenario("example-small");
  ASSERT_TRUE(r.ok()) << r.outcome.message();
  EXPECT_EQ(r.outcome.status, Status::ok);
  EXPECT_TRUE(r.outcome.termination.finished());
}

TEST(LoadOutcome, AnInvalidScenarioIsInvalidInputWithoutALimit) {
  const LoadResult r = load_scenario_text("format: 1\nparties: []\n", "bad.yaml");
  EXPECT_FALSE(r.ok());
  EXPECT_FALSE(r.scenario.has_value());
  EXPECT_EQ(r.outcome.status, Status::invalid_input);
  EXPECT_EQ(r.outcome.termination.stop, Stop::not_set);
  EXPECT_FALSE(r.outcome.message().empty());
}

TEST(LoadOutcome, EachLimitIsItsStop) {
  const std::string text = *builtin_scenario_text("example-small");
  LoadOptions late;
  late.deadline = Deadline::after(1e-9);
  LoadOptions few_nodes;
  few_nodes.max_nodes = 5;
  LoadOptions small_tables;
  small_tables.max_table_bytes = 1;
  const struct {
    const char* name;
    LoadOptions options;
    Stop stop;
  } cases[] = {{"deadline", late, Stop::time_limit},
               {"nodes", few_nodes, Stop::size_limit},
               {"tables", small_tables, Stop::size_limit}};
  for (const auto& k : cases) {
    const LoadResult r = load_scenario_text(text, "example-small.yaml", k.options);
    EXPECT_EQ(r.outcome.status, Status::invalid_input) << k.name;
    EXPECT_EQ(r.outcome.termination.stop, k.stop) << k.name;
    EXPECT_FALSE(r.outcome.termination.detail.empty()) << k.name;
  }
}

}  // namespace
}  // namespace accord::io
