// The party view of a bargain result (schema 2): red lines and stakeholder entries are shown
// to their owner only (src/report/views/bargain_view.cpp).
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "accord/report/visibility.hpp"

namespace accord::report {
namespace {

using Json = nlohmann::ordered_json;

const Json kFull = Json::parse(R"({
  "schema": 2, "scenario": "s", "finding": "no_zone", "parties": ["A", "B"], "reservations": [0.4, 0.5],
  "stakeholders": {"S": {"role": "stakeholder", "reservation": 0.3}},
  "blocked_issues": ["x"],
  "blocked": [{"issue": "x", "red_lines": {"A": {"options": ["x0"], "estimate": true, "sources": []},
                                          "B": {"options": ["x1"], "estimate": false, "sources": ["u"]}},
               "fewest": 1, "offered": [{"value": "x0", "crosses": {"A": [{"issue": "x", "value": "x0"}]}}]}],
  "solutions": {"nash": null, "kalai_smorodinsky": null, "egalitarian": null, "utilitarian": null},
  "closest": {"package": {"x": "x0"}, "zone_exists": false, "utilities": [0.6, 0.7],
              "shortfall": {"A": null, "B": 0.0},
              "red_lines_crossed": {"A": [{"issue": "x", "value": "x0", "estimate": true, "sources": []}]},
              "stakeholders": {"S": {"utility": 0.2, "reservation": 0.3, "reaches_reservation": false,
                                     "red_lines_crossed": [{"issue": "x", "value": "x0", "estimate": true, "sources": []}]}}}})");

TEST(BargainView, APartySeesItsOwnRedLineCrossingsOnly) {
  const Json a = result_view("bargain", 2, kFull, Audience::party, "A");
  EXPECT_EQ(a["closest"]["red_lines_crossed"], kFull["closest"]["red_lines_crossed"]);
  EXPECT_FALSE(a["closest"].contains("shortfall"));
  EXPECT_TRUE(a["closest"]["stakeholders"].empty());
  EXPECT_TRUE(a["stakeholders"].empty());
  EXPECT_FALSE(a.contains("blocked"));
  EXPECT_FALSE(a.contains("blocked_issues"));
  const Json b = result_view("bargain", 2, kFull, Audience::party, "B");
  EXPECT_TRUE(b["closest"]["red_lines_crossed"].empty());  // A's crossing is not B's to see
  EXPECT_EQ(b.dump().find("x0\", \"estimate"), std::string::npos);
}

TEST(BargainView, AStakeholderSeesItsOwnEntriesOnly) {
  const Json s = result_view("bargain", 2, kFull, Audience::party, "S");
  EXPECT_EQ(s["stakeholders"], kFull["stakeholders"]);
  EXPECT_EQ(s["closest"]["stakeholders"], kFull["closest"]["stakeholders"]);
  EXPECT_TRUE(s["closest"]["red_lines_crossed"].empty());
  EXPECT_TRUE(s["closest"]["utilities"].empty());  // not a bargaining party: no index in /parties
  EXPECT_EQ(result_view("bargain", 2, kFull, Audience::observer, ""), Json::object());
  EXPECT_EQ(result_view("bargain", 2, kFull, Audience::mediator, ""), kFull);
}

}  // namespace
}  // namespace accord::report
