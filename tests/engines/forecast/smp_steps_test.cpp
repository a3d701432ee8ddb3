// SMP step functions against hand-computed small cases (3 actors, 1-2 dimensions) and
// against the turn-0 figures of KTAB's reference log for dummyData_3Dim.csv.
#include <gtest/gtest.h>

#include <filesystem>

#include "accord/io/forecast_csv.hpp"
#include "engines/forecast/smp.hpp"

namespace accord::forecast::smp {
namespace {

Actors three_on_a_line() {  // positions 0.2, 0.5, 0.8; salience 0.5; capability 1
  Actors a;
  a.n = 3;
  a.d = 1;
  a.cap = {1, 1, 1};
  a.sal = {0.5, 0.5, 0.5};
  a.sal_sum = {0.5, 0.5, 0.5};
  a.sal_sq = {0.25, 0.25, 0.25};
  return a;
}
const std::vector<double> kLine = {0.2, 0.5, 0.8};

TEST(ForecastSmpSteps, DistanceIsSalienceWeightedAndNormalised) {
  const double a[] = {0.2, 0.4}, b[] = {0.6, 0.4}, s[] = {0.5, 0.5};
  // sqrt((0.5*0.4)^2 / (0.25 + 0.25)) = sqrt(0.08)
  EXPECT_NEAR(distance(a, b, s, 0.5, 2), 0.28284271247, 1e-10);
  const double s2[] = {0.6, 0.0};  // a dimension the actor ignores does not count
  EXPECT_NEAR(distance(a, b, s2, 0.36, 2), 0.4, 1e-12);
}

TEST(ForecastSmpSteps, UtilityBendsWithRisk) {
  EXPECT_DOUBLE_EQ(utility(0.5, 0.0), 0.5);
  EXPECT_DOUBLE_EQ(utility(0.5, 1.0), 0.75);
  EXPECT_DOUBLE_EQ(utility(0.5, -0.5), 0.375);
  EXPECT_NEAR(utility(1.2, 0.2), -0.24, 1e-12);  // beyond 1: (1 - d)(1 + R)
}

TEST(ForecastSmpSteps, ConditionalPceOfAHandMatrix) {
  Matrix c(3, 3, 1e-8);
  c(0, 1) = 3; c(1, 0) = 1; c(0, 2) = 1; c(2, 0) = 1; c(1, 2) = 1; c(2, 1) = 3;
  const auto p = conditional_pce(c);
  // P0 ~ 3/4*1/2, P1 ~ 1/4*1/4, P2 ~ 1/2*3/4, normalised by 13/16
  EXPECT_NEAR(p[0], 6.0 / 13, 1e-12);
  EXPECT_NEAR(p[1], 1.0 / 13, 1e-12);
  EXPECT_NEAR(p[2], 6.0 / 13, 1e-12);
}

TEST(ForecastSmpSteps, RiskFromProbabilitiesUsesKtabMidRange) {
  const auto r = risk_from_prob({0.2, 0.3, 0.5});
  EXPECT_NEAR(r[0], -0.5, 1e-12);
  EXPECT_NEAR(r[1], 0.0, 1e-12);
  EXPECT_NEAR(r[2], 1.0, 1e-12);
  EXPECT_EQ(risk_from_prob({0.5, 0.5}), (std::vector<double>{0.0, 0.0}));  // undefined in KTAB
}

TEST(ForecastSmpSteps, RiskOfThreeActorsOnALine) {
  // Risk-neutral utilities 1 - |xi - xj|; P[1>0] = P[1>2] = 0.6/0.9, P[0>2] = 1/2, so the
  // PCE gives (3, 8, 3)/14 and R = (-0.5, 1, -0.5).
  const TurnSetup t = setup_turn(three_on_a_line(), kLine);
  EXPECT_NEAR(t.rn_util(0, 1), 0.7, 1e-12);
  EXPECT_NEAR(t.risk[0], -0.5, 1e-7);
  EXPECT_NEAR(t.risk[1], 1.0, 1e-7);
  EXPECT_NEAR(t.risk[2], -0.5, 1e-7);
  const Matrix u0 = estimated_utilities(t, 0);  // 0's view: r = (2 R_0 + R_i) / 3
  EXPECT_NEAR(u0(0, 1), 0.7 * (1 - 0.15), 1e-7);
  EXPECT_NEAR(u0(1, 0), 0.7, 1e-7);             // (2*-0.5 + 1)/3 = 0
  EXPECT_NEAR(u0(2, 0), 0.4 * (1 - 0.3), 1e-7);
}

TEST(ForecastSmpSteps, ChallengeBetweenSymmetricRivalsIsEven) {
  const Actors a = three_on_a_line();
  const TurnSetup t = setup_turn(a, kLine);
  const Challenge c = prob_edu_challenge(a, estimated_utilities(t, 0), 0, 0, 2);
  // The middle actor is indifferent (votes 0): P = 1/2; gain = 0.5*2 + 0.5*1.28 - 1.28.
  EXPECT_NEAR(c.prob, 0.5, 1e-7);
  EXPECT_NEAR(c.gain, 0.36, 1e-7);
}

TEST(ForecastSmpSteps, ThirdPartyJoinsTheSideItPrefersSemiCommit) {
  const Actors a = three_on_a_line();
  const TurnSetup t = setup_turn(a, kLine);
  const Challenge c = prob_edu_challenge(a, estimated_utilities(t, 0), 0, 0, 1);
  // Hand computation in docs/forecast.md (worked example): p_in = 0.2025/0.51, v_n > 0.
  EXPECT_NEAR(c.prob, 0.598227474, 1e-7);
  EXPECT_NEAR(c.gain, 0.242282127, 1e-7);
}

TEST(ForecastSmpSteps, BargainInterpolationWeighsSalienceAndProbabilitySquared) {
  double bi = 0, bj = 0;
  interpolate(0.2, 0.5, 0.8, 0.6, 0.5, 0.2, bi, bj);
  // w_i = 0.25*0.64, w_j = 0.25*0.04: (0.16*0.2 + 0.01*0.6)/0.17 = 0.22353 -> 0.2235
  EXPECT_DOUBLE_EQ(bi, 0.2235);
  EXPECT_DOUBLE_EQ(bj, 0.2235);
  interpolate(0.3, 0.0, 0.5, 0.7, 0.0, 0.5, bi, bj);  // nobody cares: each keeps its own
  EXPECT_DOUBLE_EQ(bi, 0.3);
  EXPECT_DOUBLE_EQ(bj, 0.7);
}

TEST(ForecastSmpSteps, MovementSumsEuclideanChanges) {
  EXPECT_NEAR(movement({0, 0, 1, 1}, {0.3, 0.4, 1, 1}, 2, 2), 0.5, 1e-12);
}

TEST(ForecastSmpSteps, TwoDimensionalTurnStaysInsideTheInputBox) {
  Actors a;
  a.n = 3;
  a.d = 2;
  a.cap = {10, 1, 1};
  a.sal = {0.5, 0.5, 0.3, 0.3, 0.4, 0.1};
  a.sal_sum = {1.0, 0.6, 0.5};
  a.sal_sq = {0.5, 0.18, 0.17};
  const std::vector<double> pos = {0.5, 0.5, 0.1, 0.9, 0.9, 0.2};
  TurnLog log;
  const auto next = step(a, pos, &log);
  ASSERT_EQ(next.size(), 6u);
  // Bargains interpolate between two positions, so every coordinate stays in its range.
  for (std::size_t i = 0; i < 3; ++i) {
    EXPECT_GE(next[i * 2], 0.1 - 1e-4);
    EXPECT_LE(next[i * 2], 0.9 + 1e-4);
    EXPECT_GE(next[i * 2 + 1], 0.2 - 1e-4);
    EXPECT_LE(next[i * 2 + 1], 0.9 + 1e-4);
  }
  EXPECT_NE(next, pos);           // somebody moved
  EXPECT_EQ(step(a, pos), next);  // deterministic
}

// --- KTAB's reference log for dummyData_3Dim.csv, turn 0 (ktab-smp/README.md) -------------

std::optional<ForecastProblem> load(const char* file) {
  const std::string path = std::string(ACCORD_SHARED_DATA_DIR) + "/ktab-smp/" + file;
  if (!std::filesystem::exists(path)) return std::nullopt;
  auto r = io::read_forecast_csv_file(path);
  if (!r.ok()) return std::nullopt;
  return r.problem;
}

Actors actors_of(const ForecastProblem& p, std::vector<double>& pos) {
  Actors a;
  a.n = p.actors.size();
  a.d = p.dimensions.size();
  for (const auto& x : p.actors) {
    a.cap.push_back(x.capability);
    double s1 = 0, s2 = 0;
    for (std::size_t k = 0; k < a.d; ++k) {
      a.sal.push_back(x.salience[k]);
      s1 += x.salience[k];
      s2 += x.salience[k] * x.salience[k];
      pos.push_back(x.position[k] / 100.0);
    }
    a.sal_sum.push_back(s1);
    a.sal_sq.push_back(s2);
  }
  return a;
}

TEST(ForecastSmpStepsKtab, DummyData3DimTurnZeroMatchesReferenceLog) {
  const auto p = load("dummyData_3Dim.csv");
  if (!p) GTEST_SKIP() << "ktab-smp data not available";
  std::vector<double> pos;
  const Actors a = actors_of(*p, pos);
  const TurnSetup t = setup_turn(a, pos);
  const double u0[] = {1.0, 0.903, 0.639, 0.87, 0.929, 0.882, 0.89};
  for (std::size_t j = 0; j < 7; ++j) EXPECT_NEAR(t.rn_util(0, j), u0[j], 0.0005) << j;
  const double r[] = {-0.5, -0.459, -0.499, -0.274, 1.0, -0.232, -0.43};
  for (std::size_t i = 0; i < 7; ++i) EXPECT_NEAR(t.risk[i], r[i], 0.0005) << i;

  struct Case { std::size_t h, k, i, j; double p, v; };
  const Case cases[] = {{0, 0, 0, 6, 0.7643, 0.0947}, {0, 6, 0, 6, 0.7643, -0.1548},
                        {6, 0, 0, 6, 0.766, 0.0925},  {6, 6, 0, 6, 0.766, -0.1514},
                        {5, 5, 5, 1, 0.851, 0.2986},  {1, 1, 1, 0, 0.7964, 0.281}};
  for (const Case& c : cases) {
    const Challenge ch = prob_edu_challenge(a, estimated_utilities(t, c.h), c.k, c.i, c.j);
    EXPECT_NEAR(ch.prob, c.p, 0.00051) << c.h << c.k << c.i << c.j;
    EXPECT_NEAR(ch.gain, c.v, 0.00051) << c.h << c.k << c.i << c.j;
  }

  TurnLog log;
  const auto next = step(a, pos, &log);
  EXPECT_EQ(log.target, (std::vector<int>{6, 0, 6, 0, 0, 1, 1}));
  const double after[7][3] = {{79.5, 44.7, 72.0}, {78.9, 56.3, 72.5}, {82.5, 90.9, 0.1},
                              {65.8, 50.8, 63.0}, {79.5, 44.7, 72.0}, {84.4, 34.1, 86.3},
                              {75.6, 24.8, 72.0}};
  for (std::size_t i = 0; i < 7; ++i)
    for (std::size_t k = 0; k < 3; ++k) EXPECT_NEAR(100 * next[i * 3 + k], after[i][k], 0.05) << i << k;
}

}  // namespace
}  // namespace accord::forecast::smp
