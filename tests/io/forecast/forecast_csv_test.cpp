// KTAB SMP CSV, EUM CSV and DEU III readers: values, and diagnostics that name
// file:line:column, the field and what was expected.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>

#include "accord/io/forecast_csv.hpp"

namespace accord::io {
namespace {

using ::testing::HasSubstr;

std::string all(const Diagnostics& d) {
  std::string s;
  for (const auto& x : d) s += x.to_string() + "\n";
  return s;
}

const char* kKtab =
    "Toy ,\"A toy, with a comma\",3,2,\n"
    "Actor,Description,Power,P1,S1,P2,S2,\n"
    "A, first, 10, 20, 40, 30, 50,\n"
    "B, second, 20, 80.5, 30, 70, 10\n"
    "C, third, 5, 50, 100, 0, 0,\n";

TEST(ForecastKtabCsv, ReadsActorsAndDividesSaliencesBy100) {
  const ForecastCsvResult r = read_ktab_csv(kKtab, "toy.csv");
  ASSERT_TRUE(r.ok()) << all(r.outcome.diagnostics);
  const ForecastProblem& p = *r.problem;
  EXPECT_EQ(p.name, "Toy");
  ASSERT_EQ(p.dimensions.size(), 2u);
  EXPECT_EQ(p.dimensions[0].id, "P1");
  EXPECT_EQ(p.dimensions[1].lo, 0.0);
  EXPECT_EQ(p.dimensions[1].hi, 100.0);
  ASSERT_EQ(p.actors.size(), 3u);
  EXPECT_EQ(p.actors[1].id, "B");
  EXPECT_EQ(p.actors[1].description, "second");
  EXPECT_EQ(p.actors[1].capability, 20.0);
  EXPECT_EQ(p.actors[1].position, (std::vector<double>{80.5, 70}));
  EXPECT_DOUBLE_EQ(p.actors[0].salience[1], 0.5);
}

TEST(ForecastKtabCsv, NonNumberNamesFileLineColumnFieldAndExpectation) {
  const std::string text =
      "Toy,desc,2,1\nActor,Desc,Power,P1,S1\nA,a,10,2O,50\nB,b,5,60,50\n";
  const ForecastCsvResult r = read_ktab_csv(text, "toy.csv");
  ASSERT_FALSE(r.ok());
  EXPECT_THAT(all(r.outcome.diagnostics),
              HasSubstr("toy.csv:3:8: error: actors[0].position[P1] (actor A): expected a position "
                        "in [0, 100], found `2O`"));
}

TEST(ForecastKtabCsv, SalienceTotalOver100IsRejected) {
  const std::string text = "T,d,2,2\nActor,D,P,X,SX,Y,SY\nA,a,1,10,60,20,50\nB,b,1,10,10,20,10\n";
  const ForecastCsvResult r = read_ktab_csv(text, "t.csv");
  ASSERT_FALSE(r.ok());
  EXPECT_THAT(all(r.outcome.diagnostics), HasSubstr("t.csv:3:16: error: actors[0].salience (actor A): saliences sum to 110"));
}

TEST(ForecastKtabCsv, HeaderAndRowCountProblems) {
  EXPECT_THAT(all(read_ktab_csv("T,d,x,1\n", "h.csv").outcome.diagnostics),
              HasSubstr("h.csv:1:5: error: header.actors: expected the number of actors"));
  EXPECT_THAT(all(read_ktab_csv("T,d,3,1\nA,D,P,X,S\nA,a,1,10,10\nB,b,1,10,10\n", "c.csv").outcome.diagnostics),
              HasSubstr("found 2 actor rows; expected 3 as line 1 says"));
  EXPECT_THAT(all(read_ktab_csv("T,d,2,1\nA,D,P,X,S\nA,a,0,10,10\nB,b,1,10,10\n", "z.csv").outcome.diagnostics),
              HasSubstr("z.csv:3:5: error: actors[0].capability (actor A): capability 0; expected a number > 0"));
  EXPECT_THAT(all(read_ktab_csv("T,d,2,1\nA,D,P,X,S\nA,a,1,10,10,7\nB,b,1,10,10\n", "e.csv").outcome.diagnostics),
              HasSubstr("e.csv:3:13: error: actors[0] (actor A): unexpected extra field `7`"));
  EXPECT_THAT(all(read_ktab_csv("T,d,2,2\nA,D,P,X,S\n", "w.csv").outcome.diagnostics),
              HasSubstr("w.csv:2:10: error: columns: the column header has 5 fields; expected 7"));
}

TEST(ForecastEumCsv, ReadsOneDimensionOnTheRangeOfPositions) {
  const std::string text = "Actor,Capability,Position,Salience\nNL,0.08,4,0.8\nFR,0.16,10,0.6\n";
  const ForecastCsvResult r = read_eum_csv(text, "data/ec.csv");
  ASSERT_TRUE(r.ok()) << all(r.outcome.diagnostics);
  EXPECT_EQ(r.outcome.status, Status::ok);
  EXPECT_TRUE(r.outcome.termination.finished());
  EXPECT_EQ(r.problem->name, "ec");  // the same wherever the file sits
  ASSERT_EQ(r.problem->dimensions.size(), 1u);
  EXPECT_EQ(r.problem->dimensions[0].lo, 4.0);
  EXPECT_EQ(r.problem->dimensions[0].hi, 10.0);
  EXPECT_EQ(r.problem->actors[1].salience[0], 0.6);
}

TEST(ForecastEumCsv, DiagnosticsNameTheField) {
  const ForecastCsvResult bad = read_eum_csv("Actor,Capability,Position\nA,1,2\n", "x.csv");
  EXPECT_EQ(bad.outcome.status, Status::invalid_input);
  EXPECT_FALSE(bad.problem.has_value());
  EXPECT_EQ(bad.outcome.termination.stop, Stop::not_set);
  EXPECT_THAT(all(read_eum_csv("Actor,Capability,Position\nA,1,2\n", "x.csv").outcome.diagnostics),
              HasSubstr("x.csv:1:26: error: header: expected column 4 to be `Salience`, found nothing"));
  const Diagnostics d =
      read_eum_csv("Actor,Capability,Position,Salience\nA,1,2,80\nB,-1,3,0.5\n", "y.csv").outcome.diagnostics;
  EXPECT_THAT(all(d), HasSubstr("y.csv:2:7: error: actors[0].salience (actor A): expected a salience in [0, 1], found `80`; write saliences as fractions"));
  EXPECT_THAT(all(d), HasSubstr("y.csv:3:3: error: actors[0].capability (actor B): expected a capability (a number > 0), found `-1`"));
}

TEST(ForecastCsvFile, PicksTheFormatFromTheFirstLine) {
  const auto dir = std::filesystem::temp_directory_path();
  const std::string path = (dir / "accord_forecast_eum_test.csv").string();
  {
    std::FILE* f = std::fopen(path.c_str(), "w");
    ASSERT_NE(f, nullptr);
    std::fputs("actor, capability, position, salience\nA,1,0,1\nB,1,10,1\n", f);
    std::fclose(f);
  }
  const ForecastCsvResult r = read_forecast_csv_file(path);
  std::filesystem::remove(path);
  ASSERT_TRUE(r.ok()) << all(r.outcome.diagnostics);
  EXPECT_EQ(r.problem->actors.size(), 2u);
  const ForecastCsvResult missing = read_forecast_csv_file("/nonexistent/x.csv");
  EXPECT_EQ(missing.outcome.status, Status::invalid_input);
  EXPECT_THAT(all(missing.outcome.diagnostics), HasSubstr("cannot open"));
}

TEST(ForecastKtabCsv, ShippedExamplesAllRead) {
  const std::string dir = std::string(ACCORD_SHARED_DATA_DIR) + "/ktab-smp/";
  if (!std::filesystem::exists(dir)) GTEST_SKIP() << "ktab-smp data not available";
  const struct { const char* file; std::size_t n, d; } files[] = {
      {"SOE-Pol-Comp.csv", 13, 2},     {"SOE-Policy.csv", 26, 1},        {"SOE-Competitive.csv", 34, 1},
      {"dummyData_3Dim.csv", 7, 3},    {"dummyData-a040.csv", 40, 1},    {"dummyData-a080.csv", 80, 1},
      {"dummyData-a160.csv", 160, 1}};
  for (const auto& f : files) {
    const ForecastCsvResult r = read_forecast_csv_file(dir + f.file);
    ASSERT_TRUE(r.ok()) << f.file << "\n" << all(r.outcome.diagnostics);
    EXPECT_EQ(r.problem->actors.size(), f.n) << f.file;
    EXPECT_EQ(r.problem->dimensions.size(), f.d) << f.file;
  }
}

TEST(ForecastDeu3, ReadsPositionsSaliencesCapabilitiesAndOutcome) {
  const std::string text =
      "\"isnr\"\t\"pcom\"\t\"pde\"\t\"pfr\"\t\"scom\"\t\"sde\"\t\"sfr\"\t\"out\"\n"
      "\t\"4.1\"\t\"2.8\"\t\"2.8\"\t\t\t\t\n"
      "\"i1\"\t100\t0\t\t50\t80\t\t60\n"   // fr took no position
      "\"i2\"\t100\t\t\t50\t\t\t70\n"      // one actor only: skipped
      "\"i3\"\t10\t20\t30\t0\t50\t50\t\n";  // no outcome: skipped
  const Deu3Result r = read_deu3(text, "deu.csv");
  ASSERT_TRUE(r.ok()) << all(r.outcome.diagnostics);
  EXPECT_EQ(r.outcome.status, Status::ok);
  EXPECT_EQ(r.data.name, "deu.csv");
  ASSERT_EQ(r.data.cases.size(), 1u);
  EXPECT_EQ(r.data.skipped, 2u);
  const ForecastCase& i = r.data.cases[0];
  EXPECT_EQ(i.id, "i1");
  EXPECT_EQ(i.outcome, 60);
  ASSERT_EQ(i.problem.actors.size(), 2u);
  EXPECT_EQ(i.problem.actors[0].id, "com");
  EXPECT_EQ(i.problem.actors[0].capability, 4.1);
  EXPECT_DOUBLE_EQ(i.problem.actors[1].salience[0], 0.8);
}

TEST(ForecastDeu3, RealDataSetHasHundredsOfIssues) {
  const std::string path = std::string(ACCORD_SHARED_DATA_DIR) + "/deu3/deu3.csv";
  if (!std::filesystem::exists(path)) GTEST_SKIP() << "deu3 data not available";
  const Deu3Result r = read_deu3_file(path);
  ASSERT_TRUE(r.ok()) << all(r.outcome.diagnostics);
  EXPECT_GT(r.data.cases.size(), 300u);
}

}  // namespace
}  // namespace accord::io
