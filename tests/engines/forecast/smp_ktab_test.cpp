// Whole SMP runs on KTAB's example CSVs against KTAB's reference runs (KTAB
// examples/smp/doc/20170530_ref-*.txt, printed to 0.1 on the 0..100 scale).
#include <gtest/gtest.h>

#include "accord/engines/forecast.hpp"
#include "engines/forecast/ktab_data.hpp"

namespace accord::forecast {
namespace {

using testing::load_ktab;

// [actor][dim][turn], from 20170530_ref-dummyData_3Dim.txt ("History of actor positions").
const double kDummyHistory[7][3][11] = {
    {{75.8, 79.5, 80.6, 80.6, 78.5, 78.5, 78.5, 78.5, 78.6, 78.6, 78.6},
     {6.4, 44.7, 34.2, 35.0, 30.5, 30.5, 31.2, 31.2, 31.5, 31.8, 31.8},
     {70.5, 72.0, 75.9, 76.1, 74.0, 74.0, 74.0, 74.0, 74.0, 74.1, 74.1}},
    {{82.7, 78.9, 76.0, 78.3, 79.0, 79.0, 79.1, 78.5, 79.9, 78.6, 78.6},
     {73.5, 56.3, 27.5, 30.5, 30.6, 30.6, 30.9, 31.2, 34.4, 31.8, 31.8},
     {64.0, 72.5, 72.0, 73.8, 74.2, 74.2, 74.3, 74.0, 75.2, 74.1, 74.1}},
    {{82.5, 82.5, 82.5, 82.5, 82.5, 82.5, 82.5, 82.5, 82.5, 82.5, 82.5},
     {90.9, 90.9, 90.9, 90.9, 90.9, 90.9, 90.9, 90.9, 90.9, 90.9, 90.9},
     {0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1}},
    {{62.5, 65.8, 66.7, 66.7, 66.7, 66.7, 67.1, 67.1, 67.1, 67.1, 67.1},
     {50.8, 50.8, 50.2, 50.2, 50.2, 50.2, 50.1, 50.1, 50.1, 50.1, 50.1},
     {62.3, 63.0, 63.5, 63.5, 63.5, 63.5, 63.7, 63.7, 63.7, 63.7, 63.7}},
    {{82.3, 79.5, 81.5, 78.3, 78.5, 78.5, 78.6, 80.5, 78.6, 78.6, 78.6},
     {45.8, 44.7, 35.8, 30.5, 30.5, 30.5, 30.6, 34.6, 31.6, 31.6, 31.6},
     {73.3, 72.0, 79.1, 73.8, 74.0, 74.0, 74.1, 75.9, 74.0, 74.1, 74.1}},
    {{84.5, 84.4, 80.6, 80.7, 80.6, 80.5, 80.5, 80.5, 79.9, 79.9, 79.9},
     {33.7, 34.1, 34.2, 34.3, 34.7, 34.6, 34.6, 34.6, 34.4, 34.4, 34.4},
     {88.1, 86.3, 75.9, 76.3, 76.1, 75.9, 75.9, 75.9, 75.2, 75.2, 75.2}},
    {{71.0, 75.6, 76.0, 77.4, 77.4, 80.5, 78.5, 78.5, 78.7, 78.7, 78.6},
     {33.5, 24.8, 27.5, 28.7, 28.7, 34.6, 31.2, 31.2, 31.3, 31.3, 31.6},
     {90.4, 72.0, 72.0, 73.0, 73.0, 75.9, 74.0, 74.0, 74.1, 74.1, 74.1}}};

// Printed values are rounded to 0.1: the true value is within 0.05 (+ float slack).
constexpr double kPrinted = 0.0501;

TEST(ForecastSmpKtab, DummyData3DimReproducesEveryTurnOfKtabsReferenceRun) {
  const auto p = load_ktab("dummyData_3Dim.csv");
  if (!p) GTEST_SKIP() << "ktab-smp data not available";
  const Result r = run(*p, Params{});
  ASSERT_TRUE(r.ok()) << r.outcome.message();
  EXPECT_EQ(r.turns, 10);
  EXPECT_TRUE(r.converged);
  ASSERT_EQ(r.history.size(), 11u);
  for (std::size_t t = 0; t < 11; ++t)
    for (std::size_t i = 0; i < 7; ++i)
      for (std::size_t k = 0; k < 3; ++k)
        EXPECT_NEAR(r.history[t][i][k], kDummyHistory[i][k][t], kPrinted) << "turn " << t << " actor " << i;
  // KTAB's final "winning probabilities" (actors sharing a position share it).
  const double prob[] = {0.3340, 0.3340, 0.0183, 0.0957, 0.1512, 0.4009, 0.1512};
  for (std::size_t i = 0; i < 7; ++i) EXPECT_NEAR(r.probabilities[i], prob[i], 0.00006) << i;
}

TEST(ForecastSmpKtab, SoePolCompReproducesTurnOneAndTheFinalStateOfKtabsReferenceRun) {
  const auto p = load_ktab("SOE-Pol-Comp.csv");
  if (!p) GTEST_SKIP() << "ktab-smp data not available";
  const Result r = run(*p, Params{});
  ASSERT_TRUE(r.ok()) << r.outcome.message();
  EXPECT_EQ(r.turns, 27);
  EXPECT_TRUE(r.converged);
  const double turn1[13][2] = {{30.0, 20.0}, {44.8, 64.6}, {30.0, 15.0}, {44.9, 45.0}, {49.6, 64.4},
                               {42.9, 38.8}, {20.0, 15.0}, {59.7, 49.8}, {29.6, 14.7}, {42.9, 38.8},
                               {49.9, 50.0}, {20.0, 29.9}, {15.0, 60.0}};
  const double last[13][2] = {{43.2, 43.3}, {43.2, 43.3}, {38.7, 28.8}, {38.6, 28.8}, {38.7, 28.8},
                              {38.6, 29.5}, {38.7, 29.0}, {38.7, 29.0}, {38.7, 28.9}, {38.8, 30.7},
                              {38.8, 30.8}, {38.8, 30.8}, {15.0, 60.0}};
  const double prob[] = {0.2299, 0.2299, 0.1104, 0.1104, 0.1104, 0.2202, 0.2063,
                         0.2063, 0.2063, 0.2330, 0.2330, 0.2330, 0.0002};
  for (std::size_t i = 0; i < 13; ++i) {
    for (std::size_t k = 0; k < 2; ++k) {
      EXPECT_NEAR(r.history[1][i][k], turn1[i][k], kPrinted) << "actor " << i;
      EXPECT_NEAR(r.history.back()[i][k], last[i][k], kPrinted) << "actor " << i;
    }
    EXPECT_NEAR(r.probabilities[i], prob[i], 0.00006) << i;
  }
}

class ForecastSmpKtabFiles : public ::testing::TestWithParam<const char*> {};

TEST_P(ForecastSmpKtabFiles, ConvergesDeterministically) {
  const auto p = load_ktab(GetParam());
  if (!p) GTEST_SKIP() << "ktab-smp data not available";
  const Result a = run(*p, Params{});
  ASSERT_TRUE(a.ok()) << a.outcome.message();
  EXPECT_TRUE(a.converged);
  EXPECT_GE(a.turns, 2);
  EXPECT_LT(a.turns, 100);
  const Result b = run(*p, Params{});
  EXPECT_EQ(a.history, b.history);
  EXPECT_EQ(a.forecast, b.forecast);
  double total = 0;
  for (double x : a.probabilities) total += x;
  EXPECT_GE(total, 1.0 - 1e-9);  // shared positions count once per actor, so >= 1
}

INSTANTIATE_TEST_SUITE_P(AllExamples, ForecastSmpKtabFiles,
                         ::testing::Values("SOE-Pol-Comp.csv", "SOE-Policy.csv", "SOE-Competitive.csv",
                                           "dummyData_3Dim.csv", "dummyData-a040.csv",
                                           "dummyData-a080.csv", "dummyData-a160.csv"));

}  // namespace
}  // namespace accord::forecast
