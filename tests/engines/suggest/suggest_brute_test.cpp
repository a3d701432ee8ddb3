// suggest against brute force on small random scenarios (fixed seeds): every listed repair is
// Pareto-improving and none is missed; the least costly repair is the cheapest; the closest
// package is the bargaining engine's; the bracket is the smallest that makes the rest
// near-final by evaluate's rule.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <set>

#include "accord/engines/suggest.hpp"
#include "accord/model/utility.hpp"
#include "engines/bargain/random_scenario.hpp"

namespace accord::suggest {
namespace {

bool same(const Issue& issue, const Setting& a, const Setting& b) {
  return issue.kind == IssueKind::discrete ? a.option == b.option : a.value == b.value;
}

// A version: P0 sets issues 0 and 1, P_k sets issue k (k >= 2), each at a random grid value;
// then a point that sets nothing.
void add_version(Scenario& s, std::mt19937& rng) {
  Version v;
  v.id = "v1";
  auto pick = [&](IssueIndex i) { return grid_setting(s.issues[i], rng() % s.issues[i].value_count()); };
  Point p0;
  p0.id = "P0";
  p0.sets = {{IssueIndex(std::size_t{0}), pick(IssueIndex(std::size_t{0}))},
             {IssueIndex(std::size_t{1}), pick(IssueIndex(std::size_t{1}))}};
  v.points.push_back(p0);
  for (std::size_t i = 2; i < s.issues.size(); ++i) {
    Point p;
    p.id = "P" + std::to_string(i - 1);
    p.sets = {{IssueIndex(i), pick(IssueIndex(i))}};
    v.points.push_back(p);
  }
  Point pre;
  pre.id = "PRE";
  v.points.push_back(pre);
  v.stances.resize(s.parties.size());
  for (auto& row : v.stances) row.resize(v.points.size());
  s.versions.push_back(v);
}

std::vector<PartyAnswers> random_answers(const Scenario& s, std::mt19937& rng) {
  std::vector<PartyAnswers> out;
  const Version& v = s.versions[VersionIndex(std::size_t{0})];
  for (const PartyIndex p : s.parties.indices()) {
    PartyAnswers pa{p, {}};
    for (const PointIndex k : v.points.indices()) {
      PointAnswer a;
      a.point = k;
      a.kind = static_cast<PointAnswerKind>(1 + rng() % 4);
      if ((a.kind == PointAnswerKind::reject || a.kind == PointAnswerKind::conditional) && rng() % 3 == 0) {
        for (const PointSetting& ps : v.points[k].sets) {
          if (rng() % 2) continue;
          AcceptableSettings acc{ps.issue, {}};
          const Issue& issue = s.issues[ps.issue];
          for (int j = 0; j < 2; ++j) acc.settings.push_back(grid_setting(issue, rng() % issue.value_count()));
          a.acceptable.push_back(acc);
        }
      }
      if (rng() % 6 != 0) pa.answers.push_back(a);  // sometimes silent
    }
    out.push_back(pa);
  }
  return out;
}

struct Combo {
  std::vector<Setting> settings;  // per point issue
};

// Every combination of grid values of `issues`.
std::vector<Combo> combos(const Scenario& s, const std::vector<IssueIndex>& issues) {
  std::vector<Combo> out{Combo{}};
  for (const IssueIndex i : issues) {
    std::vector<Combo> next;
    for (const Combo& c : out)
      for (std::size_t g = 0; g < s.issues[i].value_count(); ++g) {
        Combo d = c;
        d.settings.push_back(grid_setting(s.issues[i], g));
        next.push_back(d);
      }
    out = next;
  }
  return out;
}

struct Seen {
  std::size_t pareto = 0, least = 0, closest = 0, bracket = 0, by_answer = 0;
};

void check(std::uint32_t seed, Seen& seen) {
  SCOPED_TRACE("seed " + std::to_string(seed));
  testing::RandomSpec spec;
  spec.parties = 2 + seed % 2;
  spec.issues = 3 + seed % 2;
  spec.red_line_rate = 0.15;
  spec.coarse_values = seed % 3 == 0;  // ties
  Scenario s = testing::random_scenario(seed, spec);
  std::mt19937 rng(seed * 7919u + 1);
  add_version(s, rng);
  const VersionIndex v(std::size_t{0});
  const auto answers = random_answers(s, rng);
  Params params;
  params.max_repairs = 0;  // all
  const Result r = run(s, v, answers, params);
  ASSERT_TRUE(r.outcome.ok()) << r.outcome.message();
  ASSERT_TRUE(r.outcome.termination.finished());
  const Package text = s.version_package(v);
  const auto parties = bargain::default_bargaining_parties(s);
  ASSERT_EQ(r.parties, parties);

  for (const PartyAnswers& pa : answers)
    for (const PointAnswer& a : pa.answers) {
      if (a.kind != PointAnswerKind::reject && a.kind != PointAnswerKind::conditional) continue;
      const PartyIndex p = pa.party;
      const Point& pt = s.versions[v].points[a.point];
      std::vector<IssueIndex> issues;
      for (const PointSetting& ps : pt.sets) issues.push_back(ps.issue);
      std::sort(issues.begin(), issues.end());
      bool by_answer = false;
      for (const AcceptableSettings& acc : a.acceptable)
        by_answer = by_answer || std::count(issues.begin(), issues.end(), acc.issue) > 0;
      // The documented acceptance rule, written independently.
      auto accepts = [&](const Combo& c) {
        for (std::size_t j = 0; j < issues.size(); ++j) {
          const IssueIndex i = issues[j];
          const Issue& issue = s.issues[i];
          if (by_answer) {
            bool listed = false, in = false;
            for (const AcceptableSettings& acc : a.acceptable)
              if (acc.issue == i) {
                listed = true;
                for (const Setting& x : acc.settings) in = in || same(issue, x, c.settings[j]);
              }
            if (listed ? !in : !same(issue, *text[i], c.settings[j])) return false;
          } else {
            const Preferences& prefs = s.preferences[p];
            const IssuePreference& ip = prefs.issues[i];
            if (ip.crosses_red_line(issue, c.settings[j])) return false;
            if (ip.weight > 0 && ip.value(issue, c.settings[j]) < prefs.reservation - kUtilityEps) return false;
          }
        }
        return true;
      };
      std::set<std::vector<double>> want_pareto;  // keyed by the settings' (option or value)
      auto key = [&](const std::vector<Setting>& xs) {
        std::vector<double> k;
        for (std::size_t j = 0; j < xs.size(); ++j)
          k.push_back(s.issues[issues[j]].kind == IssueKind::discrete ? double(xs[j].option.get()) : xs[j].value);
        return k;
      };
      bool any_accepted = false;
      std::pair<std::size_t, double> cheapest{~std::size_t{0}, 0.0};
      for (const Combo& c : combos(s, issues)) {
        bool changed = false;
        for (std::size_t j = 0; j < issues.size(); ++j) changed = changed || !same(s.issues[issues[j]], *text[issues[j]], c.settings[j]);
        if (!changed || !accepts(c)) continue;
        any_accepted = true;
        Package x = text;
        for (std::size_t j = 0; j < issues.size(); ++j) x[issues[j]] = c.settings[j];
        bool pareto = true;
        std::size_t crossings = 0;
        double loss = 0.0;
        for (const PartyIndex q : parties) {
          if (q == p) continue;
          const double d = utility(s, q, x) - utility(s, q, text);
          loss = std::max(loss, -d);
          if (d < -kUtilityEps) pareto = false;
          for (std::size_t j = 0; j < issues.size(); ++j) {
            const IssuePreference& ip = s.preferences[q].issues[issues[j]];
            if (ip.crosses_red_line(s.issues[issues[j]], c.settings[j]) &&
                !ip.crosses_red_line(s.issues[issues[j]], *text[issues[j]]))
              pareto = false, ++crossings;
          }
        }
        if (pareto) want_pareto.insert(key(c.settings));
        cheapest = std::min(cheapest, {crossings, loss});
      }
      // The engine's suggestions for this objection.
      std::set<std::vector<double>> got_pareto;
      std::vector<const Suggestion*> least;
      double last_nash = 1e300;
      for (const Suggestion& sug : r.suggestions) {
        if (sug.point != a.point || sug.party != p) continue;
        if (sug.kind == Kind::least_cost_repair) {
          least.push_back(&sug);
          continue;
        }
        ASSERT_EQ(sug.kind, Kind::pareto_repair);
        EXPECT_EQ(sug.found, want_pareto.size());
        EXPECT_LE(sug.nash, last_nash);  // best first
        last_nash = sug.nash;
        std::vector<Setting> xs;
        for (const IssueIndex i : issues) {
          Setting x = *text[i];
          for (const Edit& e : sug.edits)
            if (e.issue == i) x = e.to;
          xs.push_back(x);
        }
        EXPECT_TRUE(want_pareto.count(key(xs))) << "listed repair is not Pareto-improving: " << sug.sentence;
        got_pareto.insert(key(xs));
      }
      const bool can = by_answer || s.preferences[p].present;
      EXPECT_EQ(got_pareto, can ? want_pareto : std::set<std::vector<double>>{}) << "a repair was missed";
      const bool want_least = can && want_pareto.empty() && any_accepted;
      ASSERT_EQ(least.size(), want_least ? 1u : 0u);
      if (want_least) {
        std::size_t crossings = 0;
        for (const PartyEffect& e : least[0]->effects) crossings += e.party == p ? 0 : e.red_lines_crossed.size();
        EXPECT_EQ(crossings, cheapest.first);
        EXPECT_NEAR(least[0]->largest_loss, cheapest.second, 1e-12);
      }
    }

  for (const Suggestion& sug : r.suggestions) {
    seen.pareto += sug.kind == Kind::pareto_repair;
    seen.least += sug.kind == Kind::least_cost_repair;
    seen.closest += sug.kind == Kind::closest_package;
    seen.bracket += sug.kind == Kind::bracket;
    seen.by_answer += sug.basis == Basis::answer;
  }
  // (3) The bargaining engine's closest package, as an edit of the text.
  bargain::Params bp;
  bp.draft = text;
  const bargain::Result br = bargain::run(s, bp);
  ASSERT_TRUE(br.closest.has_value());
  const auto cl = std::find_if(r.suggestions.begin(), r.suggestions.end(),
                               [](const Suggestion& x) { return x.kind == Kind::closest_package; });
  if (br.closest->package.empty()) {
    EXPECT_EQ(cl, r.suggestions.end());
  } else {
    ASSERT_NE(cl, r.suggestions.end());
    Package x = text;
    for (const Edit& e : cl->edits) x[e.issue] = e.to;
    EXPECT_EQ(x, br.closest->package);
    EXPECT_EQ(r.closest_zone_exists, br.closest->zone_exists);
  }

  // (4) The smallest bracket leaving a non-empty near-final rest, by evaluate on every subset.
  const auto br4 = std::find_if(r.suggestions.begin(), r.suggestions.end(),
                                [](const Suggestion& x) { return x.kind == Kind::bracket; });
  Scenario answered = s;
  for (const PartyAnswers& pa : answers) {
    for (auto& st : answered.versions[v].stances[pa.party]) st = Stance{};
    for (const PointAnswer& a : pa.answers) answered.versions[v].stances[pa.party][a.point].kind = to_stance(a.kind);
  }
  const std::size_t n = s.versions[v].points.size();
  std::size_t best = n + 1;
  for (unsigned mask = 0; mask < (1u << n); ++mask) {
    const std::size_t size = static_cast<std::size_t>(__builtin_popcount(mask));
    if (size == n) continue;
    Scenario reduced = answered;
    Version& ver = reduced.versions[v];
    Version kept = ver;
    kept.points.clear();
    for (auto& row : kept.stances) row.clear();
    for (std::size_t k = 0; k < n; ++k) {
      if (mask & (1u << k)) continue;
      kept.points.push_back(ver.points[PointIndex(k)]);
      for (const PartyIndex q : ver.stances.indices()) kept.stances[q].push_back(ver.stances[q][PointIndex(k)]);
    }
    ver = kept;
    if (evaluate::run_version(reduced, v).readiness.near_final) best = std::min(best, size);
  }
  if (r.readiness.near_final || best > n) {
    EXPECT_EQ(br4, r.suggestions.end());
  } else {
    ASSERT_NE(br4, r.suggestions.end());
    EXPECT_EQ(br4->points.size(), best);
  }
}

TEST(SuggestBrute, RepairsClosestAndBracketMatchBruteForce) {
  Seen seen;
  for (std::uint32_t seed = 1; seed <= 60; ++seed) check(seed, seen);
  // The seeds exercise every kind (a check that found nothing to compare would pass vacuously).
  EXPECT_GT(seen.pareto, 20u);
  EXPECT_GT(seen.least, 10u);
  EXPECT_GT(seen.closest, 20u);
  EXPECT_GT(seen.bracket, 5u);
  EXPECT_GT(seen.by_answer, 5u);
  std::printf("pareto %zu, least-cost %zu, closest %zu, bracket %zu, by answer %zu\n", seen.pareto, seen.least,
              seen.closest, seen.bracket, seen.by_answer);
}

}  // namespace
}  // namespace accord::suggest
