// The report's simulated negotiations (report/negotiations.hpp): each profile is the SAO engine's
// own run on the latest version's open issues, the sentences follow from its result, and a
// version that settles everything is not negotiated.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "accord/engines/bargain.hpp"
#include "accord/io/builtin.hpp"
#include "accord/report/analysis.hpp"
#include "accord/report/negotiate.hpp"
#include "accord/report/sources.hpp"
#include "test_util.hpp"

namespace accord::report {
namespace {

const Scenario& geneva() {
  static const Scenario s = *io::load_scenario("geneva-2025").scenario;
  return s;
}

bool has_line(const std::vector<std::string>& lines, const std::string& part) {
  for (const std::string& l : lines)
    if (l.find(part) != std::string::npos) return true;
  return false;
}

TEST(ReportNegotiations, EachProfileIsTheEnginesOwnRunOnTheLatestVersionsOpenIssues) {
  const ScenarioAnalysis a = analyse(geneva());
  EXPECT_TRUE(a.section("negotiations").finished());
  ASSERT_TRUE(a.negotiations.domain);
  ASSERT_EQ(a.negotiations.runs.size(), 3u);
  // An independent domain and run with the documented parameters give the same results.
  negotiate::DomainParams dp;
  dp.parties = bargain::default_bargaining_parties(geneva());
  dp.version = VersionIndex(geneva().versions.size() - 1);
  const negotiate::DomainBuild built = negotiate::Domain::build(geneva(), dp);
  ASSERT_TRUE(built.ok());
  EXPECT_EQ(built.domain->issues(), a.negotiations.domain->issues());
  const char* agents[] = {"linear", "boulware", "micro"};
  const nlohmann::ordered_json j = negotiations_json(a.negotiations);
  for (std::size_t k = 0; k < 3; ++k) {
    negotiate::Params p;
    p.agents.assign(dp.parties.size(), agents[k]);
    p.rounds = kReportNegotiationRounds;
    p.seed = 1;
    const negotiate::Result r = negotiate::run(*built.domain, p);
    const negotiate::Result& got = a.negotiations.runs[k].result;
    EXPECT_EQ(got.agents, r.agents);
    EXPECT_EQ(got.ending, r.ending) << agents[k];
    EXPECT_EQ(got.actions, r.actions) << agents[k];
    EXPECT_EQ(got.utilities, r.utilities) << agents[k];
    EXPECT_EQ(j["profiles"][k]["negotiation"], negotiate_json(built.domain.get(), r)) << agents[k];
  }
}

TEST(ReportNegotiations, SentencesFollowFromTheResults) {
  const ScenarioAnalysis a = analyse(geneva());
  const std::vector<std::string> lines = negotiations_lines(geneva(), a.negotiations);
  ASSERT_GE(lines.size(), 4u);
  EXPECT_NE(lines.front().find("Model output, not a forecast"), std::string::npos);
  // A party whose best package in the space is below its reservation accepts nothing.
  const negotiate::Domain& d = *a.negotiations.domain;
  for (std::size_t k = 0; k < d.party_count(); ++k) {
    const std::string id = geneva().parties[d.parties()[k]].id;
    const bool below = d.stats(k).pmax < d.stats(k).reservation - negotiate::kNegotiationEps;
    EXPECT_EQ(has_line(lines, id + ": its best package here"), below) << id;
    if (below) {
      const bool estimate = reservation_is_estimate(geneva().preferences[d.parties()[k]]);
      EXPECT_EQ(has_line(lines, fixed(d.stats(k).reservation) + ", an estimate)"), estimate) << id;
      EXPECT_TRUE(has_line(lines, "only a reservation at or below " + fixed(d.stats(k).pmax))) << id;
    }
  }
  for (const SimulatedNegotiation& run : a.negotiations.runs) {
    const bool agreed = run.result.agreement.has_value();
    EXPECT_EQ(has_line(lines, run.profile + ": agreement at action"), agreed) << run.profile;
  }
  const std::string text = full_report_text(geneva(), a, Style::text);
  EXPECT_NE(text.find("Simulated negotiations (model output)"), std::string::npos);
}

TEST(ReportNegotiations, AVersionThatSettlesEverythingIsNotNegotiated) {
  const Scenario s = *io::load_scenario(test::source_path("scenarios/example-small.yaml")).scenario;
  const ScenarioAnalysis a = analyse(s);
  EXPECT_TRUE(a.negotiations.runs.empty());
  const std::vector<std::string> lines = negotiations_lines(s, a.negotiations);
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_NE(lines.front().find("leaves no issue open"), std::string::npos);
}

}  // namespace
}  // namespace accord::report
