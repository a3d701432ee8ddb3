// An independent checker of the protocol and the time-dependent agents: it enumerates every
// package with accord::utility / accord::red_lines_crossed, applies the rules of
// docs/negotiation.md directly (no Domain, no sorted lists, no search) and must reproduce the
// engine's trace action by action, on random domains with 2-5 parties (fixed seeds), with
// offers from sorting and from search.
#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "accord/engines/agent.hpp"
#include "accord/engines/negotiate.hpp"
#include "accord/model/utility.hpp"
#include "engines/bargain/random_scenario.hpp"

namespace accord::negotiate {
namespace {

constexpr double kEps = 1e-12;

struct Checker {
  std::vector<Package> packages;                 // lexicographic order of option indices
  std::vector<std::vector<double>> u;            // [party][package]
  std::vector<std::vector<bool>> own;            // [party][package]: crosses none of its red lines
  std::vector<double> r, pmax, pmin;

  Checker(const Scenario& s, std::size_t n) {
    testing::for_each_package(s, [&](const Package& x) { packages.push_back(x); });
    u.resize(n);
    own.resize(n);
    for (std::size_t q = 0; q < n; ++q) {
      const PartyIndex p(q);
      r.push_back(s.preferences[p].reservation);
      double hi = -1e300, lo = 1e300;
      for (const Package& x : packages) {
        const double v = utility(s, p, x);
        const bool mine = red_lines_crossed(s, p, x).empty();
        u[q].push_back(v);
        own[q].push_back(mine);
        if (mine) hi = std::max(hi, v), lo = std::min(lo, v);
      }
      pmax.push_back(hi);
      pmin.push_back(std::max(r[q], lo));
    }
  }

  bool any_own(std::size_t q) const {
    for (const bool b : own[q])
      if (b) return true;
    return false;
  }

  // offer(t): among its packages with U >= target, the smallest U, the first index among ties;
  // none: the first package with U = Pmax.
  std::size_t offer(std::size_t q, double e, double t) const {
    const double target = e == 0.0 ? pmax[q] : pmin[q] + (pmax[q] - pmin[q]) * (1.0 - std::pow(t, 1.0 / e));
    double best = 1e300;
    for (std::size_t x = 0; x < packages.size(); ++x)
      if (own[q][x] && u[q][x] >= target - kEps) best = std::min(best, u[q][x]);
    for (std::size_t x = 0; x < packages.size(); ++x)
      if (own[q][x] && u[q][x] >= target - kEps && u[q][x] <= best + kEps) return x;
    for (std::size_t x = 0; x < packages.size(); ++x)
      if (own[q][x] && u[q][x] >= pmax[q] - kEps) return x;
    return SIZE_MAX;
  }

  struct Move {
    char kind;  // 'o' offer, 'a' accept, 'e' end
    std::size_t x;
  };

  // The protocol, as the issue states it.
  std::vector<Move> run(const std::vector<double>& e, std::size_t rounds, std::size_t* agreed) const {
    const std::size_t n = e.size();
    std::vector<Move> trace;
    std::size_t standing = SIZE_MAX, in_a_row = 0;
    *agreed = SIZE_MAX;
    for (std::size_t k = 0; k < n * rounds; ++k) {
      const std::size_t q = k % n;
      const double t = static_cast<double>(k / n) / static_cast<double>(rounds - 1);
      if (!any_own(q)) {
        trace.push_back({'e', 0});
        return trace;
      }
      const std::size_t mine = offer(q, e[q], t);
      if (standing != SIZE_MAX && own[q][standing] && u[q][standing] >= u[q][mine] - kEps &&
          u[q][standing] >= r[q] - kEps) {
        trace.push_back({'a', standing});
        if (++in_a_row == n - 1) {
          *agreed = standing;
          return trace;
        }
        continue;
      }
      trace.push_back({'o', mine});
      standing = mine;
      in_a_row = 0;
    }
    return trace;
  }
};

std::string name_of(double e) {
  if (e == 0.0) return "hardliner";
  if (e == 0.2) return "boulware";
  if (e == 1.0) return "linear";
  if (e == 2.0) return "conceder";
  return "timedep:" + std::to_string(e);
}

class BruteSao : public ::testing::TestWithParam<std::uint32_t> {};

TEST_P(BruteSao, EngineMatchesTheChecker) {
  const std::uint32_t seed = GetParam();
  std::mt19937 rng(seed);
  ::accord::testing::RandomSpec spec;
  spec.parties = 2 + seed % 4;  // 2..5
  spec.issues = 2 + rng() % 3;
  spec.max_options = 4;
  spec.red_line_rate = 0.15;
  spec.max_reservation = 0.5;
  spec.coarse_values = seed % 3 == 0;  // many exact ties
  const Scenario s = ::accord::testing::random_scenario(seed, spec);
  const std::size_t n = spec.parties;
  const Checker c(s, n);

  DomainParams dp;
  for (std::size_t q = 0; q < n; ++q) dp.parties.emplace_back(q);
  const DomainBuild sorted = Domain::build(s, dp);
  dp.force_search = true;
  const DomainBuild searched = Domain::build(s, dp);
  ASSERT_TRUE(sorted.ok() && searched.ok()) << sorted.outcome.message();
  ASSERT_EQ(sorted.domain->size(), c.packages.size());

  const double exponents[] = {0.0, 0.2, 1.0, 2.0, 0.5, 5.0};
  for (int trial = 0; trial < 12; ++trial) {
    std::vector<double> e;
    Params p;
    for (std::size_t q = 0; q < n; ++q) {
      e.push_back(exponents[rng() % 6]);
      p.agents.push_back(name_of(e.back()));
    }
    p.rounds = 2 + rng() % 25;
    p.trace = true;
    std::size_t agreed = SIZE_MAX;
    const std::vector<Checker::Move> want = c.run(e, p.rounds, &agreed);
    for (const DomainBuild* b : {&sorted, &searched}) {
      const Domain& d = *b->domain;
      const Result got = run(d, p);
      ASSERT_TRUE(got.outcome.ok()) << got.outcome.message();
      ASSERT_EQ(got.trace.size(), want.size()) << "seed " << seed << " trial " << trial << (d.sorted() ? " sorted" : " search");
      for (std::size_t k = 0; k < want.size(); ++k) {
        const Step& st = got.trace[k];
        const char kind = st.kind == ActionKind::offer ? 'o' : st.kind == ActionKind::accept ? 'a' : 'e';
        ASSERT_EQ(kind, want[k].kind) << "seed " << seed << " trial " << trial << " action " << k;
        if (kind != 'e') ASSERT_EQ(d.package(st.package), c.packages[want[k].x]) << "seed " << seed << " action " << k;
      }
      EXPECT_EQ(got.actions, want.size());
      EXPECT_EQ(got.round, (want.size() - 1) / n);
      EXPECT_EQ(got.agreement.has_value(), agreed != SIZE_MAX);
      for (std::size_t q = 0; q < n; ++q)
        EXPECT_EQ(got.utilities[q], agreed != SIZE_MAX ? c.u[q][agreed] : c.r[q]);  // bit-identical
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Seeds, BruteSao, ::testing::Range(1u, 101u));

// Offers by search equal offers by sorting for every party and many targets, on domains of
// up to ~50,000 packages, with and without ties and red lines.
class SearchEqualsSorting : public ::testing::TestWithParam<std::uint32_t> {};

TEST_P(SearchEqualsSorting, LowestAtLeast) {
  const std::uint32_t seed = GetParam();
  ::accord::testing::RandomSpec spec;
  spec.parties = 2 + seed % 2;
  spec.issues = 4 + seed % 4;
  spec.max_options = 6;
  spec.red_line_rate = seed % 2 ? 0.1 : 0.0;
  spec.coarse_values = seed % 3 == 0;
  const Scenario s = ::accord::testing::random_scenario(1000 + seed, spec);
  DomainParams dp;
  const DomainBuild a = Domain::build(s, dp);
  dp.force_search = true;
  const DomainBuild b = Domain::build(s, dp);
  ASSERT_TRUE(a.ok() && b.ok());
  ASSERT_TRUE(a.domain->sorted());
  ASSERT_FALSE(b.domain->sorted());
  for (std::size_t k = 0; k < a.domain->party_count(); ++k) {
    EXPECT_EQ(a.domain->stats(k).pmax, b.domain->stats(k).pmax);
    EXPECT_EQ(a.domain->stats(k).best, b.domain->stats(k).best);
    for (int step = 0; step <= 200; ++step) {
      const double target = -0.05 + 1.1 * step / 200.0;
      EXPECT_EQ(a.domain->lowest_at_least(k, target), b.domain->lowest_at_least(k, target))
          << "seed " << seed << " party " << k << " target " << target;
    }
    // Targets exactly at package utilities (the tie-break matters there).
    const std::vector<PackageId>& asc = a.domain->ascending(k);
    for (std::size_t i = 0; i < asc.size(); i += 1 + asc.size() / 97) {
      const double target = a.domain->utility(k, asc[i]);
      EXPECT_EQ(a.domain->lowest_at_least(k, target), b.domain->lowest_at_least(k, target)) << "seed " << seed;
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Seeds, SearchEqualsSorting, ::testing::Range(1u, 25u));

}  // namespace
}  // namespace accord::negotiate
