// The stability result's one JSON serialiser (tree and stream) and text renderer.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "accord/engines/gmcr.hpp"
#include "accord/report/gmcr.hpp"
#include "engines/gmcr/builders.hpp"

namespace accord::report {
namespace {

using gmcr::Concept;
using ::testing::HasSubstr;
using Json = nlohmann::ordered_json;

// The prisoners' dilemma with a status quo (docs/gmcr.md).
Conflict prisoners() {
  Conflict c = gmcr::testing::make_conflict({"a_defect", "b_defect"}, {{"A", {"a_defect"}}, {"B", {"b_defect"}}});
  c.options[ConflictOptionIndex(0)].label = "A defects";
  c.decision_makers[DecisionMakerIndex(0)].name = "Prisoner A";
  gmcr::testing::prioritise(c, 0, {"!b_defect", "a_defect"});
  gmcr::testing::prioritise(c, 1, {"!a_defect", "b_defect"});
  c.status_quo = 0;
  return c;
}

std::string streamed(const Conflict& c, const gmcr::RunResult& r, const GmcrJsonOptions& o) {
  std::ostringstream os;
  EXPECT_TRUE(write_gmcr_json(os, c, r, o));
  return os.str();
}

TEST(GmcrJson, TheStreamIsTheTreeDumpedForEveryChoiceOfParts) {
  const Conflict c = prisoners();
  const gmcr::RunResult r = gmcr::analyse(c);
  ASSERT_TRUE(r.ok()) << r.outcome.message();
  const gmcr::ExplainResult why = gmcr::explain(c, 0, r.analysis->concepts);
  ASSERT_TRUE(why.ok());
  for (const char* include : {"all", "none", "equilibria", "stability,paths", "states"}) {
    GmcrJsonOptions o;
    o.include = *parse_gmcr_parts(include).parts;
    o.scenario = "pd";
    o.explanation = &why;
    EXPECT_EQ(streamed(c, r, o), gmcr_json(c, r, o).dump(2) + "\n") << include;
  }
}

TEST(GmcrJson, EveryDocumentStartsWithTheSchemaAndTheEnvelope) {
  const gmcr::RunResult r = gmcr::analyse(prisoners());
  const Json j = gmcr_json(prisoners(), r);
  const auto first = j.begin();
  EXPECT_EQ(first.key(), "schema");
  EXPECT_EQ(j["schema"], kGmcrSchema);
  EXPECT_EQ(j["status"], "ok");
  EXPECT_EQ(j["termination"]["stop"], "finished");
  EXPECT_EQ(j["states"]["count"], 4);
  EXPECT_EQ(j["states"]["listed"], Json({"NN", "YN", "NY", "YY"}));
  EXPECT_EQ(j["equilibria"]["nash"]["listed"], Json({"YY"}));
  EXPECT_EQ(j["stability"]["A"]["gmr"]["count"], 3);
  EXPECT_EQ(j["decision_makers"][0]["name"], "Prisoner A");
  EXPECT_EQ(j["decision_makers"][1]["name"], "B");  // the id when there is no name
  EXPECT_EQ(j["status_quo"]["state"], "NN");
  EXPECT_EQ(j["status_quo"]["paths"]["count"], j["status_quo"]["paths"]["listed"].size());
  EXPECT_FALSE(j.contains("omitted"));
}

TEST(GmcrJson, AFailedRunIsTheEnvelopeAlone) {
  Conflict c = prisoners();
  c.decision_makers[DecisionMakerIndex(1)].options.clear();  // b_defect has no controller
  const gmcr::RunResult r = gmcr::analyse(c);
  ASSERT_FALSE(r.ok());
  const Json j = gmcr_json(c, r);
  EXPECT_EQ(j["status"], "invalid_input");
  EXPECT_FALSE(j["diagnostics"].empty());
  EXPECT_FALSE(j.contains("equilibria"));
}

TEST(GmcrJson, PartsOverTheLimitAreCountsOnlyAndNamedInOmitted) {
  const Conflict c = prisoners();
  const gmcr::RunResult r = gmcr::analyse(c);
  GmcrJsonOptions o;
  o.max_listed = 3;  // states (4) and stability (many) are over it; equilibria (7) too
  const Json j = gmcr_json(c, r, o);
  ASSERT_TRUE(j.contains("omitted"));
  EXPECT_EQ(j["omitted"]["limit"], 3);
  EXPECT_EQ(j["omitted"]["parts"]["states"], 4);
  EXPECT_TRUE(j["omitted"]["parts"].contains("stability"));
  EXPECT_FALSE(j["states"].contains("listed"));
  EXPECT_EQ(j["states"]["count"], 4);
  EXPECT_FALSE(j["equilibria"]["nash"].contains("listed"));
  EXPECT_EQ(j["equilibria"]["nash"]["count"], 1);
  const auto omitted = gmcr_omitted(r, o);
  ASSERT_FALSE(omitted.empty());
  EXPECT_EQ(omitted.front().part, "states");
  o.max_listed = 0;  // no limit: everything included is listed
  EXPECT_FALSE(gmcr_json(c, r, o).contains("omitted"));
}

TEST(GmcrJson, IncludeListsAreParsedAndABadWordIsNamed) {
  EXPECT_EQ(parse_gmcr_parts("all").parts, GmcrParts::all());
  EXPECT_EQ(parse_gmcr_parts("none").parts, GmcrParts{});
  const GmcrPartsParse p = parse_gmcr_parts("paths,equilibria");
  ASSERT_TRUE(p.ok());
  EXPECT_TRUE(p.parts->paths && p.parts->equilibria && !p.parts->states && !p.parts->stability);
  const GmcrPartsParse bad = parse_gmcr_parts("equilibria,path");
  EXPECT_FALSE(bad.ok());
  EXPECT_EQ(bad.outcome.status, Status::invalid_input);
  EXPECT_THAT(bad.outcome.message(), HasSubstr("unknown part `path`"));
}

TEST(GmcrText, TheExplanationNamesTheSanction) {
  const Conflict c = prisoners();
  const gmcr::RunResult r = gmcr::analyse(c);
  const gmcr::ExplainResult why = gmcr::explain(c, 0, {Concept::nash, Concept::gmr});
  GmcrTextOptions o;
  o.explanation = &why;
  const std::string text = gmcr_text(c, r, o);
  EXPECT_THAT(text, HasSubstr("Why NN is stable or not:\n  A nash: unstable\n    improves to YN: nothing deters it under Nash\n"
                              "  A gmr: stable\n    improves to YN: sanctioned: YN -B-> YY\n"));
  EXPECT_THAT(text, HasSubstr("States: 4 feasible"));
}

TEST(GmcrText, TheSummaryFormIsTheReportSection) {
  const Conflict c = prisoners();
  const gmcr::RunResult r = gmcr::analyse(c);
  GmcrTextOptions o;
  o.summary = true;
  o.scenario = "pd";
  const std::string text = gmcr_text(c, r, o);
  EXPECT_THAT(text, HasSubstr("2 decision makers, 2 options, 4 feasible states."));
  EXPECT_THAT(text, HasSubstr("Status quo NN (none): an equilibrium under gmr, smr, seq, sim, seq_sim."));
  EXPECT_THAT(text, HasSubstr("\nsim               2  NN (none); YY (a_defect, b_defect)\n"));
  EXPECT_THAT(text, HasSubstr("\nseq_sim           2  NN (none); YY (a_defect, b_defect)\n"));
  EXPECT_THAT(text, HasSubstr("accord gmcr pd --explain NN."));  // the status quo: a state that runs
  o.style = Style::markdown;
  EXPECT_THAT(gmcr_text(c, r, o), HasSubstr("|---"));
}

TEST(GmcrJson, NamesTheSanctionRuleAndTheStatesTheOtherRuleChanges) {
  const Conflict c = prisoners();
  gmcr::Params p;
  p.compare_sanctions = true;
  const gmcr::RunResult r = gmcr::analyse(c, p);
  const auto j = gmcr_json(c, r);
  EXPECT_EQ(j["sanctions"], "standard");
  EXPECT_EQ(j["concepts"].size(), 6u);
  EXPECT_TRUE(j["equilibria"].contains("seq_sim"));
  ASSERT_TRUE(j.contains("sanction_differences"));  // two decision makers: the rules agree here
  EXPECT_EQ(j["sanction_differences"]["flag"], "--sanctions gmcr-py");
  EXPECT_TRUE(j["sanction_differences"]["states"].empty());
  EXPECT_FALSE(gmcr_json(c, gmcr::analyse(c)).contains("sanction_differences"));
  p.compare_sanctions = false;
  p.sanctions = gmcr::Sanctions::gmcr_py;
  const gmcr::RunResult py = gmcr::analyse(c, p);
  EXPECT_EQ(gmcr_json(c, py)["sanctions"], "gmcr-py");
  EXPECT_THAT(gmcr_text(c, py), HasSubstr("Sanction rule: gmcr-py"));
  EXPECT_THAT(gmcr_text(c, py), HasSubstr("M SIM, B SEQ+SIM;"));
}

TEST(GmcrVocabulary, EveryConceptParsesFromItsName) {
  for (Concept k : gmcr::kAllConcepts) EXPECT_EQ(gmcr::parse_concept(gmcr::to_string(k)), k);
  EXPECT_FALSE(gmcr::parse_concept("not_set"));
  gmcr::PerConcept<int> per;
  per[Concept::seq] = 4;
  EXPECT_EQ(per[Concept::seq], 4);
  EXPECT_EQ(per[Concept::nash], 0);
  EXPECT_THROW((void)per[Concept::not_set], std::out_of_range);
}

}  // namespace
}  // namespace accord::report
