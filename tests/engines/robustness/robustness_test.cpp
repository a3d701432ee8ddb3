// The robustness engine: every reported threshold is where the finding flips (recomputed with
// the input at the bracket the engine reports and at the threshold), exact thresholds against
// a brute-force computation, and the budget. Random scenarios with fixed seeds.
#include <gtest/gtest.h>

#include <cmath>
#include <optional>
#include <random>

#include "../bargain/random_scenario.hpp"
#include "../gmcr/random_conflict.hpp"
#include "accord/engines/bargain.hpp"
#include "accord/engines/evaluate.hpp"
#include "accord/engines/robustness.hpp"
#include "accord/io/builtin.hpp"

namespace accord {
namespace {

using robustness::FindingKind;
using robustness::Flip;
using robustness::Input;
using robustness::InputKind;
using robustness::Method;

// A random scenario with a version that settles about half of the issues.
Scenario scenario_with_draft(std::uint32_t seed, std::size_t issues = 3) {
  testing::RandomSpec spec;
  spec.parties = 2;
  spec.issues = issues;
  spec.max_options = 3;
  spec.numeric = false;
  spec.red_line_rate = 0.15;
  Scenario s = testing::random_scenario(seed, spec);
  Version v;
  v.id = "v1";
  for (std::size_t i = 0; i < s.issues.size(); i += 2) {
    Point pt;
    pt.id = "p" + std::to_string(i);
    pt.number = static_cast<int>(i + 1);
    pt.sets.push_back(PointSetting{IssueIndex(i), Setting{OptionIndex(std::size_t{0}), 0.0}});
    v.points.push_back(pt);
  }
  v.stances.assign(s.parties.size(), IndexedVector<PointIndex, Stance>(v.points.size()));
  s.versions.push_back(v);
  return s;
}

std::string value_of(const Scenario& s, FindingKind kind, const std::string& id) {
  for (const auto& [k, v] : robustness::findings_of(s, kind, VersionIndex{}))
    if (k == id) return v;
  return {};
}

// Every flip: the finding holds at holds_at and is `after` at flips_at (and at the threshold).
void check_flips(const Scenario& s, const robustness::Result& r, double tol) {
  for (const auto& f : r.findings) {
    EXPECT_EQ(value_of(s, f.kind, f.id), f.value) << f.id;
    for (const Flip& fl : f.flips) {
      const Input& in = fl.input;
      const std::string label = f.id + " " + in.path + " " + std::string(to_string(fl.method));
      if (fl.method == Method::toggle) {
        EXPECT_EQ(value_of(robustness::with_input(s, in, fl.threshold, fl.toggle), f.kind, f.id), fl.after) << label;
        continue;
      }
      EXPECT_LE(std::abs(fl.flips_at - fl.holds_at), tol + 1e-12) << label;
      EXPECT_EQ(value_of(robustness::with_input(s, in, fl.holds_at), f.kind, f.id), f.value) << label;
      EXPECT_EQ(value_of(robustness::with_input(s, in, fl.flips_at), f.kind, f.id), fl.after) << label;
      EXPECT_NE(fl.after, f.value) << label;
      EXPECT_NEAR(fl.move, std::abs(fl.threshold - in.value), 1e-12) << label;
    }
    for (std::size_t k = 1; k < f.flips.size(); ++k) EXPECT_LE(f.flips[k - 1].relative, f.flips[k].relative);
  }
}

TEST(Robustness, EveryThresholdFlipsExactlyThereOnRandomScenarios) {
  for (std::uint32_t seed = 1; seed <= 12; ++seed) {
    SCOPED_TRACE("seed " + std::to_string(seed));
    const Scenario s = scenario_with_draft(seed);
    robustness::Params p;
    p.estimates_only = false;  // random scenarios carry no estimate marks
    p.tolerance = 1e-6;
    p.findings = {FindingKind::zone, FindingKind::closest, FindingKind::verdict};
    const robustness::Result r = robustness::run(s, p);
    ASSERT_TRUE(r.outcome.ok()) << r.outcome.message();
    EXPECT_TRUE(r.outcome.termination.finished());
    check_flips(s, r, p.tolerance);
  }
}

TEST(Robustness, StatusQuoAndForecastFlipsAreWhereTheyAreSaid) {
  std::size_t flips = 0;
  for (std::uint32_t seed = 1; seed <= 10; ++seed) {
    SCOPED_TRACE("seed " + std::to_string(seed));
    Scenario s = scenario_with_draft(seed);
    std::mt19937 rng(seed);
    s.conflict = gmcr::testing::random_conflict(rng, 5);
    const gmcr::RunResult g = gmcr::analyse(*s.conflict);
    ASSERT_TRUE(g.ok());
    s.conflict->status_quo = g.analysis->states[seed % g.analysis->states.size()];
    for (auto& dm : s.conflict->decision_makers)
      for (auto& st : dm.statements) st.provenance.estimate = true;
    robustness::Params p;
    p.estimates_only = false;
    p.tolerance = 1e-6;
    p.findings = {FindingKind::status_quo, FindingKind::forecast};
    const robustness::Result r = robustness::run(s, p);
    ASSERT_TRUE(r.outcome.ok()) << r.outcome.message();
    check_flips(s, r, p.tolerance);
    for (const auto& f : r.findings) flips += f.flips.size();
  }
  EXPECT_GT(flips, 10u);  // enough flips to mean something
}

// Brute force: the reservation of p at which the zone opens or closes is the best utility p
// gets among packages acceptable to every other bargaining party and crossing none of p's red
// lines.
double brute_zone_threshold(const Scenario& s, PartyIndex p) {
  const auto parties = bargain::default_bargaining_parties(s);
  double best = -1.0;
  testing::for_each_package(s, [&](const Package& x) {
    for (const PartyIndex q : parties)
      if (q != p && !acceptable(s, q, x)) return;
    if (!red_lines_crossed(s, p, x).empty()) return;
    best = std::max(best, utility(s, p, x));
  });
  return best;
}

TEST(Robustness, ZoneReservationThresholdsAreExactAgainstBruteForce) {
  std::size_t checked = 0;
  for (std::uint32_t seed = 1; seed <= 30; ++seed) {
    const Scenario s = scenario_with_draft(seed, 4);
    robustness::Params p;
    p.estimates_only = false;
    p.findings = {FindingKind::zone};
    const robustness::Result r = robustness::run(s, p);
    const auto* zone = r.find("zone");
    ASSERT_NE(zone, nullptr);
    for (const Flip& fl : zone->flips) {
      if (fl.input.kind != InputKind::reservation) continue;
      const double t = brute_zone_threshold(s, fl.input.party);
      EXPECT_EQ(fl.method, Method::exact) << "seed " << seed << " " << fl.input.path;
      EXPECT_NEAR(fl.threshold, t, 1e-9) << "seed " << seed << " " << fl.input.path;
      ++checked;
    }
  }
  EXPECT_GT(checked, 10u);  // the check ran on enough cases to mean something
}

// Brute force: an exact verdict threshold (reservation, weight or settled option value) is where
// the worst or best utility of the draft's completions (or the best one crossing none of the
// party's red lines, for verdicts three-valued over red lines) equals the reservation, in the
// scenario with the input moved there.
TEST(Robustness, ExactVerdictThresholdsAreWhereACompletionMeetsTheReservation) {
  std::size_t checked = 0;
  for (std::uint32_t seed = 1; seed <= 20; ++seed) {
    const Scenario s = scenario_with_draft(seed);
    robustness::Params p;
    p.estimates_only = false;
    p.findings = {FindingKind::verdict};
    const robustness::Result r = robustness::run(s, p);
    const Package draft = s.version_package(VersionIndex(std::size_t{0}));
    for (const auto& f : r.findings)
      for (const Flip& fl : f.flips) {
        if (fl.method != Method::exact) continue;
        const Scenario t = robustness::with_input(s, fl.input, fl.threshold);
        const PartyIndex q = fl.input.party;
        std::vector<double> us, clean;
        testing::for_each_package(t, [&](const Package& x) {
          for (const IssueIndex i : x.indices())
            if (draft[i] && !(*draft[i] == *x[i])) return;
          us.push_back(utility(t, q, x));
          if (red_lines_crossed(t, q, x).empty()) clean.push_back(us.back());
        });
        const auto [lo, hi] = std::minmax_element(us.begin(), us.end());
        const double best_clean = clean.empty() ? -1.0 : *std::max_element(clean.begin(), clean.end());
        const double res = t.preferences[q].reservation;
        auto near = [&](double x) { return std::abs(res - x) < 1e-9; };
        EXPECT_TRUE(near(*lo) || near(*hi) || near(best_clean))
            << "seed " << seed << " " << fl.input.path << " threshold " << fl.threshold;
        ++checked;
      }
  }
  EXPECT_GT(checked, 20u);
}

// While issues have every option behind a bargaining party's red line no zone exists, and only
// removing a red line on the one blocked issue can open one.
TEST(Robustness, BlockedIssuesLeaveOnlyTheirRedLines) {
  Scenario s = scenario_with_draft(2, 3);
  auto block = [&s](IssueIndex issue) {
    auto& ip = s.preferences[PartyIndex(0)].issues[issue];
    ip.red_line_options.clear();
    for (const OptionIndex o : s.issues[issue].options.indices()) ip.red_line_options.push_back(o);
  };
  block(IssueIndex(0));
  block(IssueIndex(1));
  robustness::Params p;
  p.estimates_only = false;
  p.findings = {FindingKind::zone};
  const robustness::Result two = robustness::run(s, p);
  const auto* zone = two.find("zone");
  ASSERT_NE(zone, nullptr);
  EXPECT_EQ(zone->value, "no_zone");
  EXPECT_EQ(zone->inputs_total, 0u);
  EXPECT_NE(zone->note.find("i0, i1"), std::string::npos) << zone->note;
  // Unblock issue 1: one blocked issue left.
  s.preferences[PartyIndex(0)].issues[IssueIndex(1)].red_line_options.clear();
  for (auto& prefs : s.preferences) prefs.reservation = 0.0;
  const robustness::Result one = robustness::run(s, p);
  zone = one.find("zone");
  ASSERT_NE(zone, nullptr);
  EXPECT_EQ(zone->value, "no_zone");
  EXPECT_EQ(zone->inputs_total, s.issues[IssueIndex(0)].options.size());  // P0's red lines on i0
  ASSERT_FALSE(zone->flips.empty());  // reservations at 0: removing one red line opens a zone
  for (const Flip& fl : zone->flips) {
    EXPECT_EQ(fl.input.kind, InputKind::red_line);
    EXPECT_EQ(fl.after, "zone_exists");
  }
  check_flips(s, one, p.tolerance);
}

TEST(Robustness, WeightMovesKeepTheTotal) {
  const Scenario s = scenario_with_draft(3);
  const auto ins = robustness::inputs(s, false);
  const auto w = std::find_if(ins.begin(), ins.end(), [](const Input& in) { return in.kind == InputKind::weight; });
  ASSERT_NE(w, ins.end());
  const Scenario t = robustness::with_input(s, *w, 0.9 * w->max);
  double before = 0.0, after = 0.0;
  for (const auto& ip : s.preferences[w->party].issues) before += ip.weight;
  for (const auto& ip : t.preferences[w->party].issues) after += ip.weight;
  EXPECT_NEAR(before, after, 1e-12);
  EXPECT_NEAR(t.preferences[w->party].issues[w->issue].weight, 0.9 * w->max, 1e-12);
}

TEST(Robustness, ARunOutOfTimeIsPartial) {
  const Scenario s = scenario_with_draft(5, 5);
  robustness::Params p;
  p.estimates_only = false;
  p.deadline = Deadline::after(1e-9);
  const robustness::Result r = robustness::run(s, p);
  ASSERT_TRUE(r.outcome.ok());
  EXPECT_EQ(r.outcome.termination.stop, Stop::time_limit);
  bool partial = false;
  for (const auto& f : r.findings) partial = partial || (f.termination.stop == Stop::time_limit && f.inputs_checked < f.inputs_total);
  EXPECT_TRUE(partial);
}

TEST(Robustness, UnknownVersionIsInvalidInput) {
  robustness::Params p;
  p.version = VersionIndex(std::size_t{7});
  const robustness::Result r = robustness::run(scenario_with_draft(1), p);
  EXPECT_EQ(r.outcome.status, Status::invalid_input);
}

// Random stances on the draft's points, about `inferred` of them marked estimate: true.
void random_stances(Scenario& s, std::uint32_t seed, double inferred) {
  std::mt19937 rng(seed);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  const StanceKind kinds[] = {StanceKind::accept, StanceKind::accept, StanceKind::reject, StanceKind::conditional,
                              StanceKind::unknown};
  for (auto& row : s.versions.back().stances)
    for (auto& st : row) {
      st.kind = kinds[rng() % 5];
      st.provenance.estimate = unit(rng) < inferred;
    }
}

// Brute force over every subset of the inferred stances: the fewest whose change (to accept when
// the text is not near-final, to reject when it is) flips readiness; nullopt when none does.
std::optional<std::size_t> brute_readiness(const Scenario& s, std::size_t k_open, double salience) {
  const auto ins = robustness::stance_inputs(s, VersionIndex(s.versions.size() - 1), true);
  const std::string now = robustness::readiness_of(s, VersionIndex{}, k_open, salience);
  const double to = now == "near_final" ? 0.0 : 1.0;
  std::optional<std::size_t> best;
  for (std::uint32_t mask = 1; mask < (1u << ins.size()); ++mask) {
    const auto n = static_cast<std::size_t>(__builtin_popcount(mask));
    if (best && n >= *best) continue;
    Scenario t = s;
    for (std::size_t k = 0; k < ins.size(); ++k)
      if (mask & (1u << k)) t = robustness::with_input(t, ins[k], to);
    if (robustness::readiness_of(t, VersionIndex{}, k_open, salience) != now) best = n;
  }
  return best;
}

// Readiness: the smallest set of inferred stances the engine reports is the smallest a brute
// force finds; with the whole set changed the text flips, with any one of them left as it was
// it does not (just past and just short of the threshold).
TEST(Robustness, ReadinessFlipsAtTheSmallestSetOfInferredStances) {
  std::size_t flips = 0, none = 0;
  for (std::uint32_t seed = 1; seed <= 40; ++seed) {
    SCOPED_TRACE("seed " + std::to_string(seed));
    Scenario s = scenario_with_draft(seed, 7);  // 4 points, 2 signatories
    random_stances(s, seed, 0.6);
    robustness::Params p;
    p.findings = {FindingKind::readiness};
    p.max_open_points = seed % 3;
    p.max_open_salience = seed % 2 ? 0.05 : 1.1;
    const robustness::Result r = robustness::run(s, p);
    ASSERT_TRUE(r.outcome.ok());
    const auto* f = r.find("readiness");
    ASSERT_NE(f, nullptr);
    EXPECT_EQ(f->value, robustness::readiness_of(s, VersionIndex{}, p.max_open_points, p.max_open_salience));
    const auto brute = brute_readiness(s, p.max_open_points, p.max_open_salience);
    const bool near = f->value == "near_final";
    if (near) {  // one stance is enough when any flips it
      EXPECT_EQ(f->flips.empty(), !(brute && *brute == 1));
    } else {
      EXPECT_EQ(f->flips.empty(), !brute);
    }
    if (f->flips.empty()) {
      ++none;
      continue;
    }
    ++flips;
    const Flip& fl = f->flips.front();
    std::vector<Input> set = {fl.input};
    set.insert(set.end(), fl.with.begin(), fl.with.end());
    if (!near) {
      EXPECT_EQ(set.size(), *brute);
    }
    EXPECT_EQ(fl.threshold, static_cast<double>(set.size()));
    const double to = near ? 0.0 : 1.0;
    Scenario past = s;
    for (const Input& in : set) {
      EXPECT_TRUE(in.estimate) << in.path;
      past = robustness::with_input(past, in, to);
    }
    EXPECT_EQ(robustness::readiness_of(past, VersionIndex{}, p.max_open_points, p.max_open_salience), fl.after);
    EXPECT_NE(fl.after, f->value);
    for (std::size_t skip = 0; skip < set.size(); ++skip) {  // just short: any one left as it was
      Scenario shortt = s;
      for (std::size_t k = 0; k < set.size(); ++k)
        if (k != skip) shortt = robustness::with_input(shortt, set[k], to);
      EXPECT_EQ(robustness::readiness_of(shortt, VersionIndex{}, p.max_open_points, p.max_open_salience), f->value)
          << "without " << set[skip].path;
    }
  }
  EXPECT_GT(flips, 5u);  // both outcomes occur
  EXPECT_GT(none, 2u);
}

// The forecast's convergence is a finding of its own, read from the engine.
TEST(Robustness, ForecastConvergenceIsAFinding) {
  const Scenario s = scenario_with_draft(4, 4);
  const auto values = robustness::findings_of(s, FindingKind::forecast, VersionIndex{});
  ASSERT_FALSE(values.empty());
  EXPECT_EQ(values.front().first, "forecast");
  EXPECT_TRUE(values.front().second == "converged" || values.front().second == "not_converged");
}

TEST(Robustness, GenevaSmallestFlipsAreWhereTheyAreSaid) {
  const auto loaded = io::load_scenario("geneva-2025");
  ASSERT_TRUE(loaded.ok());
  const Scenario& s = *loaded.scenario;
  for (const Input& in : robustness::inputs(s, true)) EXPECT_TRUE(in.estimate) << in.path;
  robustness::Params p;
  p.findings = {FindingKind::zone, FindingKind::closest, FindingKind::verdict, FindingKind::status_quo};
  p.smallest_only = true;  // as `accord report`
  const robustness::Result r = robustness::run(s, p);
  ASSERT_TRUE(r.outcome.ok());
  EXPECT_TRUE(r.outcome.termination.finished()) << r.outcome.termination.detail;
  ASSERT_NE(r.find("zone"), nullptr);
  ASSERT_NE(r.find("verdict.UA"), nullptr);
  ASSERT_NE(r.find("status_quo.nash"), nullptr);
  // Every reported flip, recomputed through the engines with the input at both ends of its bracket.
  check_flips(s, r, p.tolerance);
  // An "acceptable" verdict's reservation threshold is exact: the worst utility of the text.
  for (const auto& f : r.findings) {
    if (f.kind != FindingKind::verdict || f.value != "acceptable") continue;
    for (const Flip& fl : f.flips) {
      if (fl.input.kind == InputKind::reservation) {
        EXPECT_EQ(fl.method, Method::exact) << f.id;
      }
    }
  }
}

}  // namespace
}  // namespace accord
