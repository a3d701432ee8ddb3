// The Geneva conflict section (scenarios/fragments/geneva-2025-conflict.yaml) reads against the
// built-in scenario's parties and yields equilibria. Once the lead splices it into
// scenarios/geneva-2025.yaml, the scenario's own section is used instead.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "accord/engines/gmcr.hpp"
#include "accord/io/scenario_io.hpp"

namespace accord::io {
namespace {

std::string read(const std::string& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

TEST(GmcrGeneva, FragmentReadsAndHasEquilibria) {
  std::string scenario = read(ACCORD_SOURCE_DIR "/scenarios/geneva-2025.yaml");
  ASSERT_FALSE(scenario.empty());
  if (scenario.find("\nconflict:") == std::string::npos) {
    std::string fragment = read(ACCORD_SOURCE_DIR "/scenarios/fragments/geneva-2025-conflict.yaml");
    ASSERT_FALSE(fragment.empty());
    std::string indented = "\nconflict:\n";
    std::stringstream lines(fragment);
    for (std::string line; std::getline(lines, line);) indented += (line.empty() ? "" : "  ") + line + "\n";
    scenario += indented;
  }
  const LoadResult r = load_scenario_text(scenario, "geneva-2025.yaml");
  std::string messages;
  for (const auto& d : r.outcome.diagnostics)
    if (d.severity == Severity::error) messages += d.to_string() + "\n";
  ASSERT_TRUE(r.ok()) << messages;
  ASSERT_TRUE(r.scenario->conflict);
  const Conflict& c = *r.scenario->conflict;
  ASSERT_EQ(c.decision_makers.size(), 4u);
  for (const auto& dm : c.decision_makers) {
    EXPECT_TRUE(dm.party.valid()) << dm.id;
    for (const auto& st : dm.statements)  // every statement sourced or marked an estimate
      EXPECT_TRUE(!st.provenance.sources.empty() || st.provenance.estimate)
          << dm.id << ": " << format_condition(c, st.condition);
  }
  const gmcr::RunResult run = gmcr::analyse(c);
  ASSERT_TRUE(run.ok());
  EXPECT_GT(run.analysis->equilibria[gmcr::Concept::gmr]->count(), 0u);
  EXPECT_FALSE(run.analysis->status_quo_paths.empty());
}

}  // namespace
}  // namespace accord::io
