// YAML -> model -> JSON -> model (and -> YAML -> model) must be lossless.
#include <gtest/gtest.h>

#include "accord/io/builtin.hpp"
#include "accord/io/scenario_io.hpp"
#include "test_util.hpp"

namespace accord::io {
namespace {

void expect_roundtrip(const Scenario& s) {
  for (TextFormat f : {TextFormat::json, TextFormat::yaml}) {
    const std::string text = write_scenario(s, f);
    const LoadResult back = load_scenario_text(text, f == TextFormat::json ? "out.json" : "out.yaml");
    ASSERT_TRUE(back.ok()) << (back.outcome.diagnostics.empty() ? "" : back.outcome.diagnostics[0].to_string()) << "\n"
                           << text.substr(0, 2000);
    EXPECT_TRUE(*back.scenario == s) << "round trip through " << (f == TextFormat::json ? "JSON" : "YAML")
                                     << " changed the scenario";
    // Writing again gives the same text: the writer is deterministic.
    EXPECT_EQ(write_scenario(*back.scenario, f), text);
  }
}

TEST(RoundTrip, EveryBuiltinScenario) {
  for (const auto& name : builtin_scenario_names()) {
    SCOPED_TRACE(name);
    const LoadResult r = load_scenario(name);
    ASSERT_TRUE(r.ok()) << r.outcome.diagnostics.front().to_string();
    expect_roundtrip(*r.scenario);
  }
}

TEST(RoundTrip, ShippedScenarioFilesMatchTheBuiltins) {
  for (const auto& name : builtin_scenario_names()) {
    const LoadResult file = load_scenario_file(test::source_path("scenarios/" + name + ".yaml"));
    const LoadResult builtin = load_scenario(name);
    ASSERT_TRUE(file.ok() && builtin.ok());
    EXPECT_TRUE(*file.scenario == *builtin.scenario) << name;
  }
}

TEST(RoundTrip, ProvenanceAndAwkwardValuesSurvive) {
  const LoadResult r = load_scenario_text(R"(format: 1
id: awkward
title: "Text: with colons, # hashes and 'quotes'"
description: "true"
sources: [a, b]
parties:
  - {id: A, name: "123", capability: {value: 0.1, estimate: true, source: "https://x", note: "n"}}
issues:
  - id: x
    title: "-leading dash"
    options:
      - {id: o1, label: "null", position: {value: 12.5, estimate: true}}
      - {id: o2, label: "ünïcödé — dash"}
  - {id: n, range: {min: -5, max: 5.5, step: 0.25, unit: "%"}}
preferences:
  A:
    reservation: {value: 0.333333333333333315, estimate: true}
    issues:
      x: {weight: {value: 0.7, estimate: true}, values: {o1: {value: 0.1, source: s}, o2: 1}, red_lines: [o1], estimate: true}
      n: {weight: 0.3, curve: [[-5, 0], [0, 0.9], [5.5, 1]], red_lines: [{min: -5, max: -4}, {min: 5}]}
    rectangles:
      - {utility: 0.25, where: {x: [o2], n: {min: 0}}}
framework:
  versions:
    - id: v1
      date: "2025-01-01"
      points:
        - {id: P1, number: 3, text: "x", sets: {x: o1, n: {value: 1.25, estimate: true}}, issues: [n]}
      stances:
        A: {P1: {stance: conditional, note: "if", estimate: true}}
    - id: v2
      points:
        - {id: Q1, text: "y", from: [P1]}
timeline:
  - {date: "2025-01", kind: other, text: "something", estimate: true}
)", "awkward.yaml");
  ASSERT_TRUE(r.ok()) << r.outcome.diagnostics.front().to_string();
  expect_roundtrip(*r.scenario);
}

}  // namespace
}  // namespace accord::io
