// accord export csv / import csv: the round trip keeps every stance; bad rows are refused with
// file:line:column, the column and a did-you-mean, and leave the scenario unchanged.
#include <gtest/gtest.h>

#include <random>

#include "accord/io/builtin.hpp"
#include "accord/io/csv_points.hpp"

namespace accord::io {
namespace {

Scenario geneva() {
  const LoadResult r = load_scenario("geneva-2025");
  EXPECT_TRUE(r.ok());
  return *r.scenario;
}

void clear_stances(Scenario& s, VersionIndex v) {
  for (auto& row : s.versions[v].stances)
    for (Stance& st : row) st = Stance{};
}

std::string all_errors(const PointsCsvImport& r) {
  std::string out;
  for (const Diagnostic& d : r.outcome.diagnostics) out += d.to_string() + "\n";
  return out;
}

std::string first_error(const PointsCsvImport& r) {
  for (const Diagnostic& d : r.outcome.diagnostics)
    if (d.severity == Severity::error) return d.to_string();
  return {};
}

TEST(PointsCsv, RoundTripEveryVersionOfGeneva) {
  const Scenario original = geneva();
  for (const VersionIndex v : original.versions.indices()) {
    SCOPED_TRACE(original.versions[v].id);
    const std::string csv = write_points_csv(original, v);
    Scenario s = original;
    clear_stances(s, v);
    const PointsCsvImport r = read_points_csv(csv, "v.csv", s);
    ASSERT_TRUE(r.ok()) << first_error(r);
    EXPECT_EQ(r.stances, original.parties.size() * original.versions[v].points.size());
    EXPECT_TRUE(s == original);
    EXPECT_EQ(write_points_csv(s, v), csv);
  }
}

// Notes and sources with commas, quotes, line breaks and non-ASCII text survive (fixed seed).
TEST(PointsCsv, RoundTripQuotingOnRandomStances) {
  Scenario s = geneva();
  const VersionIndex v = s.find_version("v20");
  std::mt19937 rng(7);
  const std::vector<std::string> bits{"a", ",", "\"", "\n", "\r\n", " ", "é", "x;y", "\"\""};
  for (auto& row : s.versions[v].stances)
    for (Stance& st : row) {
      st.kind = static_cast<StanceKind>(rng() % 4);
      st.provenance.estimate = rng() % 2 == 0;
      std::string note;
      for (int k = 0; k < 6; ++k) note += bits[rng() % bits.size()];
      st.provenance.note = "n" + note + "n";  // unquoted fields are trimmed: no edge spaces
      st.provenance.sources = {"https://example.org/a?x=1,2", "src \"two\""};
    }
  const Scenario original = s;
  const std::string csv = write_points_csv(s, v);
  clear_stances(s, v);
  const PointsCsvImport r = read_points_csv(csv, "r.csv", s);
  ASSERT_TRUE(r.ok()) << first_error(r);
  EXPECT_TRUE(s == original);
}

TEST(PointsCsv, WideFormOneRowPerPoint) {
  Scenario s = geneva();
  const VersionIndex v = s.find_version("v20");
  const PartyIndex ru = s.find_party("RU"), ua = s.find_party("UA");
  const PointIndex p1 = s.versions[v].find_point("P20_01");
  const Stance ua_before = s.versions[v].stances[ua][p1];
  const PointsCsvImport r = read_points_csv("point,RU,UA\nP20_01,reject,\n", "w.csv", s, "v20");
  ASSERT_TRUE(r.ok()) << first_error(r);
  EXPECT_EQ(r.stances, 1u);
  EXPECT_EQ(s.versions[v].stances[ru][p1].kind, StanceKind::reject);
  EXPECT_TRUE(s.versions[v].stances[ua][p1] == ua_before);  // empty cell: unchanged
}

struct Bad {
  std::string csv;
  std::string expect;  // a piece of the first error
};

TEST(PointsCsv, BadInputsNameLineColumnAndSuggest) {
  const std::string h = "version,point,number,text,party,stance,note,estimate,sources\n";
  const std::vector<Bad> cases{
      {h + "v20,P20_01,1,t,UAA,accept,,false,\n", "b.csv:2:16: error: column party: unknown party `UAA`; expected a party id; did you mean `UA`?"},
      {h + "v20,P20_1,1,t,UA,accept,,false,\n", "b.csv:2:5: error: column point: unknown point `P20_1` in version v20; expected a point id; did you mean `P20_01`?"},
      {h + "v21,P20_01,1,t,UA,accept,,false,\n", "b.csv:2:1: error: column version: unknown version `v21`; expected a version id of the scenario; did you mean `v2"},
      {h + "v20,P20_01,1,t,UA,acept,,false,\n", "b.csv:2:19: error: column stance: unknown stance `acept`; expected accept, reject, conditional or unknown; did you mean `accept`?"},
      {h + "v20,P20_01,1,t,UA,accept,,maybe,\n", "column estimate: expected true or false, found `maybe`"},
      {h + "v20,P20_01,1,t,UA,accept\n", "b.csv:2:19: error: row: found 6 fields; expected 9"},
      {h + "v20,P20_01,1,\"open,UA,accept,,false,\n", "b.csv:2:14: error: unterminated quoted field"},
      {h + "v20,P20_01,1,a\"b,UA,accept,,false,\n", "b.csv:2:15: error: a double quote inside an unquoted field"},
      {h + "v20,P20_01,1,t,UA,accept,,false,\nv20,P20_01,1,t,UA,reject,,false,\n", "b.csv:3:16: error: column party: a second row for party UA on point P20_01; the first is at line 2"},
      {"version,point,party,stanse\n", "column stanse: unknown column `stanse`; expected one of version,point,number,text,party,stance,note,estimate,sources; did you mean `stance`?"},
      {"version,text\n", "no `point` column"},
      {"point,UA,Rus\nP20_01,accept,accept\n", "b.csv:1:10: error: column Rus: unknown party `Rus`"},
      {"", "the file is empty"},
  };
  for (const Bad& c : cases) {
    SCOPED_TRACE(c.csv);
    Scenario s = geneva();
    const Scenario before = s;
    const PointsCsvImport r = read_points_csv(c.csv, "b.csv", s);
    EXPECT_FALSE(r.ok());
    EXPECT_NE(all_errors(r).find(c.expect), std::string::npos) << all_errors(r);
    EXPECT_TRUE(s == before) << "a refused file changed the scenario";
  }
}

TEST(PointsCsv, RefusesOversizedInput) {
  Scenario s = geneva();
  const PointsCsvImport r = read_points_csv(std::string(kMaxPointsCsvBytes + 1, 'a'), "big.csv", s);
  EXPECT_FALSE(r.ok());
}

}  // namespace
}  // namespace accord::io
