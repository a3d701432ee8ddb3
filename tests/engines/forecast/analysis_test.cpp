// The one forecast analysis every client shows (CLI, report, server): baselines of the input
// positions, defaults from the scenario's `forecast:` section, nearest options, Monte Carlo and
// sensitivity only when asked, and the envelope (status, diagnostics, termination).
#include <gtest/gtest.h>

#include "accord/engines/forecast_analysis.hpp"
#include "accord/io/builtin.hpp"

namespace accord::forecast {
namespace {

Scenario example_small() {
  io::LoadResult r = io::load_scenario("example-small");
  EXPECT_TRUE(r.ok());
  return *r.scenario;
}

TEST(ForecastAnalysis, BaselinesAreOfTheInputPositionsWeightedByCapabilityTimesSalience) {
  const Scenario s = example_small();
  const Analysis a = analyse(s, AnalysisParams{});
  ASSERT_TRUE(a.ok()) << a.outcome.message();
  EXPECT_EQ(a.outcome.status, Status::ok);
  EXPECT_TRUE(a.outcome.termination.finished());
  EXPECT_EQ(a.run.model, Model::smp);
  const ForecastProblem& p = a.problem;
  ASSERT_EQ(a.baselines.weighted_mean.size(), p.dimensions.size());
  for (std::size_t k = 0; k < p.dimensions.size(); ++k) {
    double sw = 0.0, swx = 0.0;
    for (const auto& act : p.actors) {
      sw += act.capability * act.salience[k];
      swx += act.capability * act.salience[k] * act.position[k];
    }
    EXPECT_DOUBLE_EQ(a.baselines.weighted_mean[k], swx / sw) << p.dimensions[k].id;
  }
  EXPECT_FALSE(a.monte_carlo.has_value());
  EXPECT_FALSE(a.sensitivity.has_value());
}

TEST(ForecastAnalysis, NearestOptionsNameDiscreteIssuesOnly) {
  const Scenario s = example_small();
  const Analysis a = analyse(s, AnalysisParams{});
  ASSERT_TRUE(a.ok());
  ASSERT_EQ(a.nearest_option.size(), s.issues.size());
  for (const IssueIndex i : s.issues.indices())
    EXPECT_EQ(a.nearest_option[i.get()].empty(), s.issues[i].kind != IssueKind::discrete) << s.issues[i].id;
}

TEST(ForecastAnalysis, TheScenarioSectionGivesTheDefaultsAndParamsWin) {
  Scenario s = example_small();
  ForecastSettings settings;
  settings.model = Model::median;
  settings.runs = 7;
  settings.seed = 11;
  s.forecast = settings;
  const Analysis a = analyse(s, AnalysisParams{});
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a.run.model, Model::median);
  ASSERT_TRUE(a.monte_carlo.has_value());
  EXPECT_EQ(a.monte_carlo->runs, 7u);
  EXPECT_EQ(a.monte_carlo->seed, 11u);
  AnalysisParams params;
  params.model = Model::mean;
  params.runs = 0;
  const Analysis b = analyse(s, params);
  EXPECT_EQ(b.run.model, Model::mean);
  EXPECT_FALSE(b.monte_carlo.has_value());
  EXPECT_EQ(b.run.forecast, b.baselines.weighted_mean);  // the mean model is its baseline
}

TEST(ForecastAnalysis, SensitivityKeepsTheFirstKInputsByImpact) {
  AnalysisParams params;
  params.sensitivity = 3;
  const Analysis a = analyse(example_small(), params);
  ASSERT_TRUE(a.sensitivity.has_value());
  ASSERT_EQ(a.sensitivity->inputs.size(), 3u);
  EXPECT_GE(a.sensitivity->inputs[0].impact, a.sensitivity->inputs[2].impact);
}

TEST(ForecastAnalysis, TooManyActorsIsASizeLimitWithTheCountInTheMessage) {
  AnalysisParams params;
  params.engine.max_actors = 1;
  const Analysis a = analyse(example_small(), params);
  EXPECT_EQ(a.outcome.status, Status::invalid_input);
  EXPECT_EQ(a.outcome.termination.stop, Stop::size_limit);
  EXPECT_NE(a.outcome.message().find("handles at most 1 actors"), std::string::npos) << a.outcome.message();
}

TEST(ForecastAnalysis, AnExpiredDeadlineEndsTheAnalysisAsItsModelRun) {
  AnalysisParams params;
  params.engine.deadline = Deadline::at(Deadline::Clock::now() - std::chrono::seconds(1));
  params.runs = 5;
  const Analysis a = analyse(example_small(), params);
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a.outcome.termination.stop, Stop::time_limit);
  EXPECT_EQ(a.outcome.termination.detail, a.run.outcome.termination.detail);
  ASSERT_TRUE(a.monte_carlo.has_value());
  EXPECT_EQ(a.monte_carlo->outcome.termination.stop, Stop::time_limit);
}

TEST(ForecastVocabulary, EveryNameParsesBackToItsValue) {
  for (Model m : {Model::smp, Model::eum, Model::mean, Model::median}) EXPECT_EQ(parse_model(to_string(m)), m);
  for (Input i : {Input::position, Input::salience, Input::capability}) EXPECT_EQ(parse_input(to_string(i)), i);
  for (EumMedian m : {EumMedian::condorcet, EumMedian::weighted}) EXPECT_EQ(parse_eum_median(to_string(m)), m);
  for (EumRisk r : {EumRisk::scholz, EumRisk::neutral}) EXPECT_EQ(parse_eum_risk(to_string(r)), r);
  EXPECT_FALSE(parse_model("not_set").has_value());
  EXPECT_FALSE(parse_model("SMP").has_value());
  EXPECT_EQ(to_string(Model::not_set), "not_set");
}

}  // namespace
}  // namespace accord::forecast
