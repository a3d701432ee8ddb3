// evaluate: verdicts, best/worst settlements and predicted rejections checked against brute
// force (every settlement of the open issues enumerated) on random scenarios with fixed seeds.
#include <gtest/gtest.h>

#include <functional>
#include <random>

#include "../bargain/random_scenario.hpp"
#include "accord/engines/evaluate.hpp"

namespace accord::evaluate {
namespace {

using accord::testing::RandomSpec;
using accord::testing::random_scenario;

// Every completion of x (its unset issues over their option lists / grids).
void for_each_completion(const Scenario& s, const Package& x, const std::function<void(const Package&)>& f) {
  std::vector<IssueIndex> open;
  for (const IssueIndex i : s.issues.indices())
    if (!x[i]) open.push_back(i);
  std::vector<std::size_t> k(open.size(), 0);
  Package y = x;
  for (;;) {
    for (std::size_t t = 0; t < open.size(); ++t) y[open[t]] = grid_setting(s.issues[open[t]], k[t]);
    f(y);
    std::size_t t = 0;
    for (; t < open.size(); ++t) {
      if (++k[t] < s.issues[open[t]].value_count()) break;
      k[t] = 0;
    }
    if (t == open.size()) return;
  }
}

Package random_partial(const Scenario& s, std::mt19937& rng, double open_rate) {
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  Package x(s.issues.size());
  for (const IssueIndex i : s.issues.indices())
    if (unit(rng) >= open_rate) x[i] = grid_setting(s.issues[i], rng() % s.issues[i].value_count());
  return x;
}

struct Reference {
  bool some_ok = false, some_bad = false;
  std::size_t min_red = SIZE_MAX, max_red = 0;
  double best_u = -1e9, worst_u = 1e9, lo = 1e9, hi = -1e9;  // best_u among min_red, worst_u among max_red
};

Reference brute(const Scenario& s, PartyIndex p, const Package& x) {
  Reference ref;
  bool first = true;
  for_each_completion(s, x, [&](const Package& y) {
    const double u = utility(s, p, y);
    const std::size_t red = red_lines_crossed(s, p, y).size();
    (acceptable(s, p, y) ? ref.some_ok : ref.some_bad) = true;
    ref.lo = std::min(ref.lo, u);
    ref.hi = std::max(ref.hi, u);
    if (first || red < ref.min_red) ref.min_red = red, ref.best_u = u;
    else if (red == ref.min_red) ref.best_u = std::max(ref.best_u, u);
    if (first || red > ref.max_red) ref.max_red = red, ref.worst_u = u;
    else if (red == ref.max_red) ref.worst_u = std::min(ref.worst_u, u);
    first = false;
  });
  return ref;
}

bool completes(const Package& x, const Package& y) {
  for (const IssueIndex i : x.indices())
    if (!y[i] || (x[i] && !(*x[i] == *y[i]))) return false;
  return true;
}

void check_verdicts(const RandomSpec& spec, std::uint32_t first_seed, int cases) {
  std::size_t seen[4] = {0, 0, 0, 0};
  for (int c = 0; c < cases; ++c) {
    const std::uint32_t seed = first_seed + static_cast<std::uint32_t>(c);
    const Scenario s = random_scenario(seed, spec);
    std::mt19937 rng(seed * 7919u);
    const Package x = random_partial(s, rng, 0.5);
    const Result r = run_package(s, x);
    ASSERT_EQ(r.parties.size(), s.parties.size());
    for (const PartyResult& pr : r.parties) {
      SCOPED_TRACE("seed " + std::to_string(seed) + " party " + s.parties[pr.party].id);
      const Reference ref = brute(s, pr.party, x);
      ASSERT_TRUE(pr.exact);
      const Verdict expected = !ref.some_ok ? Verdict::unacceptable : !ref.some_bad ? Verdict::acceptable : Verdict::open;
      EXPECT_EQ(pr.verdict, expected);
      ++seen[static_cast<int>(pr.verdict)];
      EXPECT_NEAR(pr.utility.min, ref.lo, 1e-9);
      EXPECT_NEAR(pr.utility.max, ref.hi, 1e-9);
      // The packages complete the draft, and their utilities and red lines are what they say.
      for (const Settlement* st : {&pr.best, &pr.worst}) {
        ASSERT_TRUE(completes(x, st->package));
        EXPECT_NEAR(st->utility, utility(s, pr.party, st->package), 1e-12);
        EXPECT_EQ(st->red_lines_crossed, red_lines_crossed(s, pr.party, st->package));
        EXPECT_EQ(st->acceptable, acceptable(s, pr.party, st->package));
      }
      EXPECT_EQ(pr.best.red_lines_crossed.size(), ref.min_red);
      EXPECT_NEAR(pr.best.utility, ref.best_u, 1e-9);
      EXPECT_EQ(pr.worst.red_lines_crossed.size(), ref.max_red);
      EXPECT_NEAR(pr.worst.utility, ref.worst_u, 1e-9);
      // The witnesses: best is acceptable unless the verdict is unacceptable; worst is
      // acceptable iff the verdict is acceptable.
      EXPECT_EQ(pr.best.acceptable, pr.verdict != Verdict::unacceptable);
      EXPECT_EQ(pr.worst.acceptable, pr.verdict == Verdict::acceptable);
      EXPECT_EQ(pr.deciding_issues.empty(), pr.verdict != Verdict::open);
    }
  }
  // The cases exercise every verdict.
  EXPECT_GT(seen[static_cast<int>(Verdict::acceptable)], 0u);
  EXPECT_GT(seen[static_cast<int>(Verdict::unacceptable)], 0u);
  EXPECT_GT(seen[static_cast<int>(Verdict::open)], 0u);
}

TEST(EvaluateBrute, AdditiveVerdictsMatchEnumeration) {
  RandomSpec spec;
  spec.parties = 3;
  spec.issues = 5;
  spec.max_options = 4;
  spec.red_line_rate = 0.15;
  spec.max_reservation = 0.8;
  check_verdicts(spec, 1000, 300);
}

TEST(EvaluateBrute, CoarseValuesWithTies) {
  RandomSpec spec;
  spec.parties = 2;
  spec.issues = 4;
  spec.coarse_values = true;
  spec.red_line_rate = 0.1;
  spec.max_reservation = 0.9;
  check_verdicts(spec, 5000, 300);
}

TEST(EvaluateBrute, RectanglesSettledJointly) {
  RandomSpec spec;
  spec.parties = 2;
  spec.issues = 4;
  spec.red_line_rate = 0.1;
  spec.max_reservation = 0.8;
  spec.rectangle_rate = 0.7;
  check_verdicts(spec, 9000, 300);
}

// Deciding issues, by their definition written out again.
TEST(EvaluateBrute, DecidingIssuesFollowTheirDefinition) {
  RandomSpec spec;
  spec.parties = 3;
  spec.issues = 5;
  spec.red_line_rate = 0.1;
  spec.max_reservation = 0.9;
  std::size_t checked = 0;
  for (std::uint32_t seed = 200; seed < 500; ++seed) {
    const Scenario s = random_scenario(seed, spec);
    std::mt19937 rng(seed);
    const Package x = random_partial(s, rng, 0.6);
    for (const PartyResult& pr : run_package(s, x).parties) {
      if (pr.verdict != Verdict::open) continue;
      ++checked;
      const double r = s.preferences[pr.party].reservation;
      std::vector<IssueIndex> red_or_alone, moving;
      for (const IssueIndex i : s.issues.indices()) {
        if (x[i]) continue;
        bool red = false;
        double drop = 0.0;  // from best's option to the worst clean option, others as in best
        for (std::size_t k = 0; k < s.issues[i].value_count(); ++k) {
          Package y = pr.best.package;
          y[i] = grid_setting(s.issues[i], k);
          if (s.preferences[pr.party].issues[i].crosses_red_line(s.issues[i], *y[i])) {
            red = true;
            continue;
          }
          drop = std::max(drop, pr.best.utility - utility(s, pr.party, y));
        }
        if (red || pr.best.utility - drop < r - kUtilityEps) red_or_alone.emplace_back(i);
        else if (drop > kUtilityEps) moving.emplace_back(i);
      }
      EXPECT_EQ(pr.deciding_issues, red_or_alone.empty() ? moving : red_or_alone) << "seed " << seed;
    }
  }
  EXPECT_GT(checked, 20u);
}

// A random version over a random scenario: each point sets one or two issues; some issues stay
// open. Stances all unknown (the prediction reads preferences only).
Scenario with_random_version(Scenario s, std::mt19937& rng) {
  Version v;
  v.id = "v1";
  const std::size_t n = 2 + rng() % 3;
  for (std::size_t k = 0; k < n; ++k) {
    Point pt;
    pt.id = std::string("K").append(std::to_string(k));
    pt.number = static_cast<int>(k + 1);
    const std::size_t sets = 1 + rng() % 2;
    for (std::size_t j = 0; j < sets; ++j) {
      const IssueIndex i(rng() % s.issues.size());
      bool dup = false;
      for (const auto& ps : pt.sets) dup = dup || ps.issue == i;
      if (!dup) pt.sets.push_back({i, grid_setting(s.issues[i], rng() % s.issues[i].value_count())});
    }
    v.points.push_back(pt);
  }
  v.stances.assign(s.parties.size(), IndexedVector<PointIndex, Stance>(v.points.size()));
  s.versions.push_back(v);
  return s;
}

bool some_acceptable(const Scenario& s, PartyIndex p, const Package& x) {
  bool ok = false;
  for_each_completion(s, x, [&](const Package& y) { ok = ok || acceptable(s, p, y); });
  return ok;
}

TEST(EvaluateBrute, PredictionRuleMatchesEnumeration) {
  RandomSpec spec;
  spec.parties = 3;
  spec.issues = 5;
  spec.red_line_rate = 0.12;
  spec.max_reservation = 0.9;
  std::size_t by_red_line = 0, by_closing = 0, accepted = 0;
  for (std::uint32_t seed = 40; seed < 400; ++seed) {
    std::mt19937 rng(seed);
    const Scenario s = with_random_version(random_scenario(seed, spec), rng);
    const VersionIndex vi(std::size_t{0});
    const Version& v = s.versions[vi];
    const Result r = run_version(s, vi);
    ASSERT_EQ(r.points.size(), v.points.size());
    const Package text = s.version_package(vi);
    for (const PointIndex k : v.points.indices()) {
      Package without(s.issues.size());
      for (const PointIndex j : v.points.indices())
        if (j != k)
          for (const auto& ps : v.points[j].sets) without[ps.issue] = ps.setting;
      const PointResult& pr = r.points[k.get()];
      std::vector<PartyIndex> blockers;
      std::vector<Prediction> reasons;
      for (PartyIndex p : signatories(s)) {
        bool red = false;
        for (const auto& ps : v.points[k].sets)
          red = red || s.preferences[p].issues[ps.issue].crosses_red_line(s.issues[ps.issue], ps.setting);
        const bool closes = !red && !some_acceptable(s, p, text) && some_acceptable(s, p, without);
        if (red || closes) {
          blockers.push_back(p);
          reasons.push_back(red ? Prediction::red_line : Prediction::closes_text);
        }
        (red ? by_red_line : closes ? by_closing : accepted) += 1;
      }
      SCOPED_TRACE("seed " + std::to_string(seed) + " point " + v.points[k].id);
      EXPECT_EQ(pr.predicted_blockers, blockers);
      EXPECT_EQ(pr.predicted_reasons, reasons);
      EXPECT_EQ(pr.predicted, blockers.empty() ? Consensus::accepted : Consensus::blocked);
    }
  }
  EXPECT_GT(by_red_line, 0u);
  EXPECT_GT(by_closing, 0u);
  EXPECT_GT(accepted, 0u);
}

}  // namespace
}  // namespace accord::evaluate
