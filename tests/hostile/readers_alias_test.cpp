// Issue 10, item 18: YAML alias amplification. 1,000 parties whose stances all alias one
// 5,000-key map (a quarter of a megabyte) took over 60 s and 675 MB in `validate`; the reader
// now counts nodes after alias expansion and refuses past a stated limit, naming the file,
// the line and the limit.
#include <gtest/gtest.h>

#include "accord/io/scenario_io.hpp"
#include "readers_util.hpp"

namespace accord::hostile::readers {
namespace {

TEST(ReadersAlias, AmplifiedStancesAreRefusedQuicklyWithTheLimitNamed) {
  const std::string path = write_temp("alias.yaml", alias_scenario(1000, 5000));
  const ChildRun r = run_accord({"validate", path, "--max-seconds", "5"});
  std::remove(path.c_str());
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find(path + ":"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("too many YAML nodes (size_limit): more than 4000000 after expanding aliases"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.err.find("--max-input-nodes"), std::string::npos) << r.err;
  EXPECT_LT(r.seconds, 30.0);        // base: over 60 s
  EXPECT_LT(r.peak_rss_mb(), 1500);    // base: 675 MB and growing
}

// Found by the fuzzer: a map that contains an alias of itself. The count used to happen when a
// node was taken off the stack, so each counted copy of the 100-key map pushed 100 more: the
// stack grew to gigabytes before the limit was reached. Now a node counts when it is pushed.
TEST(ReadersAlias, AMapContainingItselfIsRefusedWithBoundedMemory) {
  std::string text = alias_scenario(30, 100);
  text.insert(text.find("          k0: accept\n"), "          loop: *all\n");
  const std::string path = write_temp("alias_loop.yaml", text);
  const ChildRun r = run_accord({"validate", path, "--max-seconds", "20"});
  std::remove(path.c_str());
  EXPECT_EQ(r.exit_code, 2) << r.err;
  EXPECT_NE(r.err.find("after expanding aliases"), std::string::npos) << r.err;
  EXPECT_LT(r.seconds, 30.0);
  EXPECT_LT(r.peak_rss_mb(), 1500);  // before: the stack alone passed 2 GB
}

TEST(ReadersAlias, TheNodeLimitCanBeRaisedAndLowered) {
  const std::string path = write_temp("alias_small.yaml", alias_scenario(20, 50));
  const ChildRun ok = run_accord({"validate", path});
  EXPECT_EQ(ok.exit_code, 0) << ok.err;
  const ChildRun refused = run_accord({"validate", path, "--max-input-nodes", "500"});
  std::remove(path.c_str());
  EXPECT_EQ(refused.exit_code, 2);
  EXPECT_NE(refused.err.find("more than 500 after expanding aliases"), std::string::npos) << refused.err;
}

TEST(ReadersAlias, TheRefusalPointsAtTheLineWhereTheLimitWasPassed) {
  io::LoadOptions options;
  options.max_nodes = 1000;
  const io::LoadResult r = io::load_scenario_text(alias_scenario(100, 20), "alias.yaml", options);
  ASSERT_FALSE(r.ok());
  ASSERT_EQ(r.outcome.diagnostics.size(), 1u);
  EXPECT_GT(r.outcome.diagnostics[0].line, 0) << r.outcome.diagnostics[0].to_string();
  EXPECT_NE(r.outcome.diagnostics[0].to_string().find("alias.yaml:"), std::string::npos);
}

TEST(ReadersAlias, DenseTablesOfASmallFileAreRefusedBeforeAllocation) {
  // 3,000 parties x 3,000 points is 9 million stance cells (about 650 MB) from 100 KB of text.
  std::string text = "format: 1\nid: t\ntitle: t\nparties:\n";
  for (int p = 0; p < 3000; ++p) text += "  - {id: P" + std::to_string(p) + "}\n";
  text += "issues: [{id: x, options: [a]}]\nframework:\n  versions:\n    - id: v1\n      points:\n";
  for (int k = 0; k < 3000; ++k) text += "        - {id: k" + std::to_string(k) + "}\n";
  const io::LoadResult r = io::load_scenario_text(text, "tables.yaml");
  ASSERT_FALSE(r.ok());
  std::string all;
  for (const auto& d : r.outcome.diagnostics) all += d.to_string() + "\n";
  EXPECT_NE(all.find("the scenario is too large (size_limit): 3000 parties x 3000 points of version `v1`"),
            std::string::npos)
      << all;
  EXPECT_NE(all.find("the limit is 512 MiB"), std::string::npos) << all;
}

}  // namespace
}  // namespace accord::hostile::readers
