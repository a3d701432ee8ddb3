// `accord forecast` and `accord bench accuracy` as a user runs them: SOURCE defaults to the
// built-in scenario, -o writes the same document as stdout, invalid input exits 2 with the
// engine's message.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "test_util.hpp"

namespace accord {
namespace {

using test::read_text;
using test::run_cli;

TEST(CliForecast, SourceDefaultsToTheBuiltInScenario) {
  const auto r = run_cli("forecast --model mean --json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["schema"], 1);
  EXPECT_EQ(j["scenario"], "geneva-2025");
  EXPECT_EQ(j["status"], "ok");
}

TEST(CliForecast, OutputFileHoldsWhatStdoutWouldShow) {
  const std::string path = std::string(::testing::TempDir()) + "accord_forecast_cli_test.json";
  const auto written = run_cli("forecast geneva-2025 --model median --json -o " + path);
  ASSERT_EQ(written.exit_code, 0) << written.err;
  EXPECT_TRUE(written.out.empty());
  const auto printed = run_cli("forecast geneva-2025 --model median --json");
  EXPECT_EQ(read_text(path), printed.out);
  std::filesystem::remove(path);
}

TEST(CliForecast, ARefusedModelExitsTwoWithTheEngineMessage) {
  const auto r = run_cli("forecast geneva-2025 --max-actors 2");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("the smp model handles at most 2 actors; found 4"), std::string::npos) << r.err;
}

// A missing data path is exit 2 since issue 16: tests/cli/forgiving_cli_test.cpp
// (CliBenchAccuracy.WrongDataPathIsAnError).

}  // namespace
}  // namespace accord
