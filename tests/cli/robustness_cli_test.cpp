// `accord robustness` as a user runs it: findings chosen with --finding, JSON with every flip,
// a run-count budget marks findings partial, bad input exits 2.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "test_util.hpp"

namespace accord {
namespace {

using test::run_cli;

TEST(CliRobustness, VerdictsOfTheLatestTextWithEveryFlip) {
  const auto r = run_cli("robustness geneva-2025 --finding verdicts --json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["schema"], 1);
  EXPECT_EQ(j["version"], "v20");
  ASSERT_FALSE(j["findings"].empty());
  for (const auto& f : j["findings"]) {
    EXPECT_EQ(f["kind"], "verdicts");
    EXPECT_EQ(f["flips"].size(), f["flip_count"]);
    for (const auto& fl : f["flips"]) EXPECT_TRUE(fl["input"]["estimate"].get<bool>());
  }
}

TEST(CliRobustness, TextSaysWhatEachFindingHoldsUnless) {
  const auto r = run_cli("robustness geneva-2025 --finding status_quo --finding verdicts --version v28");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("(text v28)"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("status_quo.nash = "), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("verdict.UA = "), std::string::npos) << r.out;
}

TEST(CliRobustness, ARunBudgetLeavesFindingsPartial) {
  const auto r = run_cli("robustness geneva-2025 --finding verdicts --max-nodes 3 --json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["termination"]["stop"], "node_limit");
  EXPECT_NE(r.err.find("partial"), std::string::npos) << r.err;
}

TEST(CliRobustness, BadInputExitsTwo) {
  EXPECT_EQ(run_cli("robustness geneva-2025 --finding nope").exit_code, 2);
  const auto r = run_cli("robustness geneva-2025 --version v99");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("unknown version `v99`"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace accord
