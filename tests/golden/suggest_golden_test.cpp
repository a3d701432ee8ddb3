// The suggest engine's JSON on the built-in scenario: v20 circulated, the recorded stances as
// the bargaining parties' answers (the report's last simulated round, every repair listed).
// Also the reference document the party-view contract test reads for the "suggest" table.
#include "accord/engines/suggest.hpp"
#include "accord/io/builtin.hpp"
#include "accord/report/suggest.hpp"
#include "accord/report/visibility.hpp"
#include "golden.hpp"

namespace accord::test::golden {
namespace {

Json geneva_v20() {
  const auto loaded = io::load_scenario("geneva-2025");
  EXPECT_TRUE(loaded.ok());
  const Scenario& s = *loaded.scenario;
  const VersionIndex v = s.find_version("v20");
  suggest::Params p;
  p.max_repairs = 0;
  const auto r = suggest::run(s, v, suggest::answers_from_stances(s, v, bargain::default_bargaining_parties(s)), p);
  EXPECT_TRUE(r.outcome.ok());
  return report::suggest_json(s, r);
}

TEST(SuggestGolden, GenevaV20FromStances) { expect_golden("suggest_geneva_v20", geneva_v20()); }

// Suggestions reveal the mediator's models of every party: a party and an observer see only
// the envelope.
TEST(SuggestGolden, MediatorOnly) {
  const Json full = geneva_v20();
  EXPECT_EQ(report::result_view("suggest", report::kSuggestSchema, full, report::Audience::mediator, ""), full);
  for (const auto who : {report::Audience::party, report::Audience::observer}) {
    const Json seen = report::result_view("suggest", report::kSuggestSchema, full, who, "UA");
    for (auto it = seen.begin(); it != seen.end(); ++it)
      EXPECT_TRUE(it.key() == "schema" || it.key() == "status" || it.key() == "termination") << it.key();
  }
}

}  // namespace
}  // namespace accord::test::golden
