// The rules of a view table: what `*`, `{party}`, nulls and empty containers mean, and that
// anything undeclared is removed.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "accord/report/visibility.hpp"

namespace accord::report {
namespace {

using Json = nlohmann::ordered_json;

TEST(Visibility, PartySeesItsOwnEntryByKeyAndByIndexAndNothingUndeclared) {
  const Json full = Json::parse(R"({
    "scenario": "s", "finding": "zone_exists", "parties": ["A", "B"], "reservations": [0.4, 0.35],
    "zone": {"exists": true, "count": 23},
    "solutions": {"nash": {"package": {"x": 1}, "utilities": [0.61, 0.62], "objective": 0.05},
                  "egalitarian": null, "kalai_smorodinsky": {"package": {"x": 2}, "utilities": {"A": 0.6, "B": 0.5}}},
    "closest": {"package": {"x": 3}, "zone_exists": true, "utilities": [0.7, 0.8], "shortfall": [0, 0]},
    "undeclared": {"A": 1}})");
  const Json a = result_view("bargain", 1, full, Audience::party, "A");
  EXPECT_EQ(a["parties"], Json::array({"A"}));
  EXPECT_EQ(a["solutions"]["nash"]["utilities"], Json::array({0.61}));         // index of A in /parties
  EXPECT_EQ(a["solutions"]["kalai_smorodinsky"]["utilities"], Json({{"A", 0.6}}));  // key A
  EXPECT_TRUE(a["solutions"]["egalitarian"].is_null());                         // null: absent, kept
  EXPECT_FALSE(a["solutions"]["nash"].contains("objective"));
  EXPECT_EQ(a["closest"]["utilities"], Json::array({0.7}));
  EXPECT_FALSE(a["closest"].contains("shortfall"));
  EXPECT_EQ(a["zone"], Json({{"exists", true}}));
  EXPECT_FALSE(a.contains("reservations"));
  EXPECT_FALSE(a.contains("undeclared"));
  const Json b = result_view("bargain", 1, full, Audience::party, "B");
  EXPECT_EQ(b["closest"]["utilities"], Json::array({0.8}));
  EXPECT_EQ(result_view("bargain", 1, full, Audience::mediator, ""), full);
  EXPECT_EQ(result_view("bargain", 1, full, Audience::observer, ""), Json::object());
  // A party the result does not list gets no utilities at all.
  EXPECT_EQ(result_view("bargain", 1, full, Audience::party, "C")["closest"]["utilities"], Json::array());
}

TEST(Visibility, EvaluateDerivesAcceptableToAllWithoutNamingVerdicts) {
  const Json full = Json::parse(R"({"scenario": "s", "parties": [
      {"party": "A", "verdict": "acceptable", "reservation": 0.4},
      {"party": "B", "verdict": "open", "reservation": 0.3}],
    "points": [{"point": "P1", "stances": {"A": "accept"}, "predicted": "accepted", "salience": 0.2}]})");
  const Json a = result_view("evaluate", 0, full, Audience::party, "A");
  ASSERT_EQ(a["parties"].size(), 1u);
  EXPECT_EQ(a["parties"][0]["party"], "A");
  EXPECT_EQ(a["acceptable_to_all"], "open");
  EXPECT_EQ(a["points"][0], Json({{"point", "P1"}, {"stances", {{"A", "accept"}}}}));
}

TEST(Visibility, UnknownSchemaOrEngineShowsOnlySchemaEngineAndNote) {
  const Json full = {{"schema", 7}, {"equilibria", {{"nash", {"NN"}}}}};
  const Json seen = result_view("gmcr", 7, full, Audience::party, "A");
  EXPECT_EQ(seen["schema"], 7);
  EXPECT_EQ(seen["engine"], "gmcr");
  EXPECT_TRUE(seen["note"].is_string());
  EXPECT_EQ(seen.size(), 3u);
  EXPECT_EQ(result_view("negotiate", 1, full, Audience::party, "A").size(), 3u);
  EXPECT_EQ(result_view("gmcr", 7, full, Audience::mediator, ""), full);
}

TEST(Visibility, DiffsArePublicAndOtherResultsAreNot) {
  EXPECT_TRUE(may_see_engine("diff", Audience::observer));
  for (const char* engine : {"evaluate", "bargain", "gmcr", "forecast", "negotiate"})
    EXPECT_FALSE(may_see_engine(engine, Audience::observer)) << engine;
  const Json diff = {{"schema", 1}, {"counts", {{"kept", 3}}}, {"diagnostics", Json::array()}};
  EXPECT_EQ(result_view("diff", 1, diff, Audience::observer, ""), diff);
}

}  // namespace
}  // namespace accord::report
