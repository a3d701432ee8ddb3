// The fast paths of an SMP turn (column layout, SSE2 lanes, pruned target search, parallel
// initiators) give bit-identical results to the literal KTAB transcription.
#include <gtest/gtest.h>

#include <random>

#include "accord/engines/forecast.hpp"
#include "engines/forecast/smp.hpp"

namespace accord::forecast::smp {
namespace {

Actors random_actors(std::mt19937& rng, std::size_t n, std::size_t d, std::vector<double>& pos) {
  std::uniform_real_distribution<double> u(0.0, 1.0);
  Actors a;
  a.n = n;
  a.d = d;
  pos.assign(n * d, 0.0);
  for (std::size_t i = 0; i < n; ++i) {
    a.cap.push_back(1.0 + 100.0 * u(rng));
    double s1 = 0.0, s2 = 0.0;
    for (std::size_t k = 0; k < d; ++k) {
      const double s = u(rng) / static_cast<double>(d);
      a.sal.push_back(s);
      s1 += s;
      s2 += s * s;
      // Some actors share a position, as parties with the same best option do.
      pos[i * d + k] = i % 5 == 0 && i > 0 ? pos[(i - 1) * d + k] : std::round(u(rng) * 4) / 4;
    }
    a.sal_sum.push_back(s1);
    a.sal_sq.push_back(s2);
  }
  return a;
}

TEST(ForecastSmpFast, OwnChallengeIsBitIdenticalToProbEduChallenge) {
  std::mt19937 rng(11);
  for (std::size_t n : {3u, 8u, 33u}) {
    std::vector<double> pos;
    const Actors a = random_actors(rng, n, 3, pos);
    const TurnSetup t = setup_turn(a, pos);
    Matrix dist_t(n, n);
    for (std::size_t x = 0; x < n; ++x)
      for (std::size_t c = 0; c < n; ++c) dist_t(c, x) = t.dist(x, c);
    std::vector<double> weight(n), col, diag(n), scratch(n);
    for (std::size_t x = 0; x < n; ++x) weight[x] = a.sal_sum[x] * a.cap[x];
    for (std::size_t i = 0; i < n; ++i) {
      const Matrix ui = estimated_utilities(t, i);
      estimated_columns(t, dist_t, i, col);
      for (std::size_t x = 0; x < n; ++x) diag[x] = col[x * n + x];
      for (std::size_t j = 0; j < n; ++j) {
        if (j == i) continue;
        const Challenge slow = prob_edu_challenge(a, ui, i, i, j);
        const Challenge fast = own_challenge(a, weight, col, diag, i, j, scratch);
        ASSERT_EQ(slow.prob, fast.prob) << n << " " << i << " " << j;
        ASSERT_EQ(slow.gain, fast.gain) << n << " " << i << " " << j;
      }
    }
  }
}

// Every target the pruned search picks is the one trying every j picks (first j on ties).
TEST(ForecastSmpFast, PrunedTargetSearchPicksTheFirstBestTarget) {
  std::mt19937 rng(12);
  for (int round = 0; round < 5; ++round) {
    std::vector<double> pos;
    const std::size_t n = 20 + 10 * static_cast<std::size_t>(round);
    const Actors a = random_actors(rng, n, 2, pos);
    TurnLog log;
    (void)step(a, pos, &log);
    const TurnSetup t = setup_turn(a, pos);
    for (std::size_t i = 0; i < n; ++i) {
      const Matrix ui = estimated_utilities(t, i);
      int best = -1;
      double best_gain = -1.0;
      for (std::size_t j = 0; j < n; ++j) {
        if (j == i) continue;
        const Challenge c = prob_edu_challenge(a, ui, i, i, j);
        if (1e-5 < c.gain && best_gain < c.gain) {
          best = static_cast<int>(j);
          best_gain = c.gain;
        }
      }
      ASSERT_EQ(log.target[i], best) << "actor " << i;
      if (best >= 0) {
        ASSERT_EQ(log.target_gain[i], best_gain);
      }
    }
  }
}

TEST(ForecastSmpFast, CoalitionsMatchTheLiteralSums) {
  std::mt19937 rng(13);
  std::uniform_real_distribution<double> u(-1.0, 1.0);
  for (std::size_t m : {1u, 5u, 9u, 40u}) {
    const std::size_t n = 17;
    Matrix util(n, m);
    std::vector<double> w(n);
    for (double& x : util.v) x = u(rng);
    for (double& x : w) x = 1.0 + u(rng);
    const Matrix c = coalitions(w, util);
    for (std::size_t i = 0; i < m; ++i)
      for (std::size_t j = 0; j < i; ++j) {
        double cij = 1e-8, cji = 1e-8;
        for (std::size_t k = 0; k < n; ++k) {
          const double v = w[k] * (util(k, i) - util(k, j));
          if (v > 0) cij += v;
          if (v < 0) cji -= v;
        }
        ASSERT_EQ(c(i, j), cij);
        ASSERT_EQ(c(j, i), cji);
      }
  }
}

}  // namespace
}  // namespace accord::forecast::smp
