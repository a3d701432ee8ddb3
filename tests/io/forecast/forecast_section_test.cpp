// The `forecast:` scenario section: reading, diagnostics and lossless round trips.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "accord/io/scenario_io.hpp"

namespace accord::io {
namespace {

using ::testing::HasSubstr;

const std::string kBase = R"(format: 1
id: fc
title: Forecast section
parties:
  - {id: A, name: Alpha, capability: 60}
  - {id: B, name: Beta, capability: 40}
issues:
  - id: border
    title: Border
    options: [OLD, NOW, NEW]
  - id: troops
    title: Troops
    range: {min: 0, max: 200, step: 10}
)";

std::string all(const Diagnostics& d) {
  std::string s;
  for (const auto& x : d) s += x.to_string() + "\n";
  return s;
}

TEST(ForecastSection, ReadsOverridesAndParameters) {
  const LoadResult r = load_scenario_text(kBase + R"(forecast:
  model: eum
  runs: 500
  seed: 9
  noise: 0.5
  actors:
    A:
      border: {position: 20, salience: 80, estimate: true, source: "analyst"}
    B:
      troops: {position: 150}
)", "fc.yaml");
  ASSERT_TRUE(r.ok()) << all(r.outcome.diagnostics);
  ASSERT_TRUE(r.scenario->forecast.has_value());
  const ForecastSettings& f = *r.scenario->forecast;
  EXPECT_EQ(f.model, forecast::Model::eum);
  EXPECT_EQ(f.runs, 500);
  EXPECT_EQ(f.seed, 9u);
  EXPECT_EQ(f.noise, 0.5);
  ASSERT_EQ(f.overrides.size(), 2u);
  EXPECT_EQ(f.overrides[0].party.get(), 0u);
  EXPECT_EQ(f.overrides[0].position, 20.0);
  EXPECT_EQ(f.overrides[0].salience, 80.0);
  EXPECT_TRUE(f.overrides[0].provenance.estimate);
  EXPECT_EQ(f.overrides[1].issue.get(), 1u);
  EXPECT_FALSE(f.overrides[1].salience.has_value());

  for (TextFormat fmt : {TextFormat::yaml, TextFormat::json}) {
    const LoadResult again = load_scenario_text(write_scenario(*r.scenario, fmt), "again");
    ASSERT_TRUE(again.ok()) << all(again.outcome.diagnostics);
    EXPECT_EQ(again.scenario->forecast, r.scenario->forecast);
  }
}

TEST(ForecastSection, DiagnosticsNamePathEntityAndExpectation) {
  const LoadResult r = load_scenario_text(kBase + R"(forecast:
  model: smpp
  actors:
    C:
      border: {position: 20}
    A:
      bordr: {position: 20}
      troops: {position: 300, salience: 120}
)", "bad.yaml");
  ASSERT_FALSE(r.ok());
  const std::string d = all(r.outcome.diagnostics);
  EXPECT_THAT(d, HasSubstr("bad.yaml:15:10: error: forecast.model: unknown model `smpp`; expected one of: smp eum mean median; did you mean `smp`?"));
  EXPECT_THAT(d, HasSubstr("error: forecast.actors.C: unknown party `C`; expected a party id"));
  EXPECT_THAT(d, HasSubstr("error: forecast.actors.A.bordr (party A): unknown issue `bordr`; expected an issue id; did you mean `border`?"));
  EXPECT_THAT(d, HasSubstr("forecast.actors.A.troops.position (party A): position 300.000000 is outside the issue's scale; expected a number in [0.000000, 200.000000]"));
  EXPECT_THAT(d, HasSubstr("forecast.actors.A.troops.salience (party A): salience 120.000000 is out of range; expected a number in [0, 100]"));
}

TEST(ForecastSection, UnknownKeyGetsAHint) {
  const LoadResult r = load_scenario_text(kBase + "forecast:\n  rusn: 5\n", "k.yaml");
  ASSERT_FALSE(r.ok());
  EXPECT_THAT(all(r.outcome.diagnostics), HasSubstr("forecast.rusn: unknown field `rusn`"));
  EXPECT_THAT(all(r.outcome.diagnostics), HasSubstr("did you mean `runs`?"));
}

}  // namespace
}  // namespace accord::io
