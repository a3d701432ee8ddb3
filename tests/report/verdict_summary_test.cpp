// The report's headline sentences on the latest text and its readiness follow the exact
// verdicts over open issues (issue 11): pinned word for word on geneva-2025.
#include <gtest/gtest.h>

#include "accord/io/builtin.hpp"
#include "accord/report/analysis.hpp"

namespace accord {
namespace {

std::string line_starting(const std::vector<report::SummaryLine>& lines, const std::string& prefix) {
  for (const report::SummaryLine& l : lines)
    if (l.text.rfind(prefix, 0) == 0) return l.text;  // the sentence; its notes follow it
  return "";
}

TEST(VerdictSummary, GenevaLatestTextAndReadiness) {
  auto loaded = io::load_scenario("geneva-2025");
  ASSERT_TRUE(loaded.ok());
  const Scenario& s = *loaded.scenario;
  const auto lines = report::summary_items(s, report::analyse(s));
  EXPECT_EQ(line_starting(lines, "Latest text"),
            "Latest text v20, over every settlement of the 7 issues it leaves open: acceptable to US; unacceptable "
            "to RU; open (acceptable in some settlements, not in others) for UA, EU. Red lines the text crosses — "
            "RU: territory_donbas, territory_recognition, security_guarantees, army_cap, culture_language_religion "
            "(all estimates). Open issues that decide the open verdicts (a red-line option there, or enough to pull "
            "the party below its reservation) — UA: guarantee_duration, foreign_troops, nato_membership, amnesty, "
            "znpp, sanctions_g8, frozen_assets; EU: foreign_troops, nato_membership, amnesty, znpp, sanctions_g8, "
            "frozen_assets. Reservations that are estimates: UA, RU, US, EU.");
  EXPECT_EQ(line_starting(lines, "Readiness of"),
            "Readiness of v20: not near-final; 13 points stand between it and near-final: 5 rejected (P20_04 P20_05 "
            "P20_12 P20_13 P20_14), 2 conditional (P20_08 P20_18), 6 with no recorded stance from some signatory "
            "(P20_01 P20_03 P20_06 P20_09 P20_10 P20_15).");
}

}  // namespace
}  // namespace accord
