// diff: every kind of change, links through intermediate versions, text matching.
#include <gtest/gtest.h>

#include "accord/engines/diff.hpp"
#include "accord/io/scenario_io.hpp"

namespace accord::diff {
namespace {

Scenario load(const std::string& text) {
  auto r = io::load_scenario_text(text, "t.yaml");
  EXPECT_TRUE(r.ok()) << (r.outcome.diagnostics.empty() ? "" : r.outcome.diagnostics[0].to_string());
  return *r.scenario;
}

const char* kHeader = R"(format: 1
id: t
title: t
parties: [{id: A}]
issues: [{id: x, options: [a, b]}]
)";

TEST(Diff, EveryKindOfChange) {
  const Scenario s = load(std::string(kHeader) + R"(framework:
  versions:
    - id: v1
      points:
        - {id: K, text: same, sets: {x: a}}
        - {id: M, text: amended}
        - {id: G1, text: merge one}
        - {id: G2, text: merge two}
        - {id: S, text: split}
        - {id: D, text: dropped}
    - id: v2
      points:
        - {id: K2, text: same, sets: {x: a}, from: [K]}
        - {id: M2, text: amended differently, from: [M]}
        - {id: G, text: merged, from: [G1, G2]}
        - {id: S1, text: split a, from: [S]}
        - {id: S2, text: split b, from: [S]}
        - {id: N, text: new}
)");
  const Result r = run(s, VersionIndex(std::size_t{0}), VersionIndex(std::size_t{1}));
  EXPECT_EQ(r.from_count, 6u);
  EXPECT_EQ(r.to_count, 6u);
  EXPECT_EQ(r.count(Change::kept), 1u);
  EXPECT_EQ(r.count(Change::amended), 1u);
  EXPECT_EQ(r.count(Change::merged), 1u);
  EXPECT_EQ(r.count(Change::split), 1u);
  EXPECT_EQ(r.count(Change::dropped), 1u);
  EXPECT_EQ(r.count(Change::added), 1u);
  for (const auto& e : r.entries) {
    if (e.change == Change::split) {
      EXPECT_EQ(e.new_points.size(), 2u);
    }
  }
}

TEST(Diff, SettingChangeIsAnAmendmentEvenWithSameText) {
  const Scenario s = load(std::string(kHeader) + R"(framework:
  versions:
    - id: v1
      points: [{id: P, text: same, sets: {x: a}}]
    - id: v2
      points: [{id: Q, text: same, sets: {x: b}, from: [P]}]
)");
  const Result r = run(s, VersionIndex(std::size_t{0}), VersionIndex(std::size_t{1}));
  ASSERT_EQ(r.entries.size(), 1u);
  EXPECT_EQ(r.entries[0].change, Change::amended);
  EXPECT_EQ(r.entries[0].changed_settings, std::vector<IssueIndex>{IssueIndex(0)});
}

TEST(Diff, LinksAreFollowedThroughIntermediateVersions) {
  const Scenario s = load(std::string(kHeader) + R"(framework:
  versions:
    - id: v1
      points: [{id: P1, text: one}, {id: P2, text: two}]
    - id: v2
      points: [{id: Q1, text: one, from: [P1]}]
    - id: v3
      points: [{id: R1, text: one, from: [Q1]}, {id: R2, text: two again, from: [P2]}]
)");
  const Result r = run(s, VersionIndex(std::size_t{0}), VersionIndex(std::size_t{2}));
  EXPECT_EQ(r.count(Change::kept), 1u);
  EXPECT_EQ(r.count(Change::amended), 1u);
  EXPECT_EQ(r.count(Change::dropped), 0u);
  EXPECT_EQ(r.count(Change::added), 0u);
}

TEST(Diff, TextMatchingWhenTheLaterVersionHasNoLinks) {
  const Scenario s = load(std::string(kHeader) + R"(framework:
  versions:
    - id: v1
      points:
        - {id: P1, text: "Ukraine's armed forces are capped at 600,000 personnel"}
        - {id: P2, text: "Full amnesty for all parties to the conflict"}
    - id: v2
      points:
        - {id: Q1, text: "Ukraine's armed forces are capped at 800,000 personnel"}
        - {id: Q2, text: "Elections as soon as possible"}
)");
  const Result r = run(s, VersionIndex(std::size_t{0}), VersionIndex(std::size_t{1}));
  EXPECT_EQ(r.count(Change::amended), 1u);
  EXPECT_EQ(r.count(Change::added), 1u);
  EXPECT_EQ(r.count(Change::dropped), 1u);
  EXPECT_TRUE(r.entries[0].by_text);
}

}  // namespace
}  // namespace accord::diff
