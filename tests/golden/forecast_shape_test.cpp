// One forecast shape wherever it appears (docs/forecast.md#json): the server's forecast result
// is the `accord forecast --json` document, and the report's section is its summary form (the
// same values under the same keys), as pinned in the golden files.
#include "golden.hpp"

namespace accord::test::golden {
namespace {

Json expected(const std::string& name) { return Json::parse(read_text(expected_path(name))); }

TEST(ForecastOneShape, TheServerResultIsTheCliDocument) {
  const Json server = expected("server_forecast_mediator")["body"]["run"]["result"];
  const Json cli = expected("cli_forecast_smp");
  EXPECT_EQ(server, cli);
  EXPECT_EQ(cli["schema"], 1);
}

// The report runs SMP with 1000 Monte Carlo runs, seed 1: `forecast --runs 1000 --seed 1`.
TEST(ForecastOneShape, TheReportSectionIsTheSummaryOfTheCliDocument) {
  const Json section = expected("cli_report")["forecast"];
  const Json cli = expected("cli_forecast_monte_carlo");
  ASSERT_TRUE(section.contains("schema"));
  for (const auto& [key, value] : section.items()) EXPECT_EQ(value, cli[key]) << key;
  for (const char* detail : {"actors", "history", "final_positions", "probabilities", "sensitivity"})
    EXPECT_FALSE(section.contains(detail)) << detail;
  EXPECT_EQ(section["monte_carlo"]["runs"], 1000);
}

}  // namespace
}  // namespace accord::test::golden
