#pragma once
// Random bargaining scenarios built in memory, and a brute-force reference that enumerates
// every package with accord::utility / accord::acceptable (independent of the engine).
#include <algorithm>
#include <array>
#include <cstdint>
#include <functional>
#include <limits>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "accord/model/scenario.hpp"
#include "accord/model/utility.hpp"

namespace accord::testing {

struct RandomSpec {
  std::size_t parties = 2;
  std::size_t issues = 3;
  std::size_t max_options = 4;
  double red_line_rate = 0.1;
  double max_reservation = 0.6;
  bool coarse_values = false;  // values from {0, .25, .5, .75, 1}: many ties
  bool numeric = true;         // some numeric issues with curves
  double rectangle_rate = 0.0; // chance a party gets a few rectangles
};

inline Scenario random_scenario(std::uint32_t seed, const RandomSpec& spec) {
  std::mt19937 rng(seed);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  // ids built with append: GCC 12 -O3 gives a false -Wrestrict on "lit" + std::string.
  auto id = [](const char* prefix, std::size_t n) { return std::string(prefix).append(std::to_string(n)); };
  auto value = [&] {
    return spec.coarse_values ? std::floor(unit(rng) * 5) / 4 : unit(rng);
  };
  Scenario s;
  s.id = id("random", seed);
  s.title = s.id;
  for (std::size_t p = 0; p < spec.parties; ++p)
    s.parties.push_back(Party{id("P", p), id("Party ", p), Role::party, 1.0, {}, {}});
  // A stakeholder with preferences, excluded from bargaining by default.
  s.parties.push_back(Party{"S", "Stakeholder", Role::stakeholder, 1.0, {}, {}});
  for (std::size_t i = 0; i < spec.issues; ++i) {
    Issue issue;
    issue.id = id("i", i);
    issue.title = issue.id;
    if (spec.numeric && unit(rng) < 0.3) {
      issue.kind = IssueKind::numeric;
      issue.range = Range{0.0, 10.0, unit(rng) < 0.5 ? 2.5 : 4.0, "u"};
    } else {
      const std::size_t m = 2 + rng() % (spec.max_options - 1);
      for (std::size_t o = 0; o < m; ++o)
        issue.options.push_back(Option{id("o", o), "", std::nullopt, {}, {}});
    }
    s.issues.push_back(issue);
  }
  for (std::size_t p = 0; p <= spec.parties; ++p) {
    Preferences prefs;
    prefs.present = true;
    prefs.reservation = unit(rng) * spec.max_reservation;
    std::vector<double> w(spec.issues);
    double total = 0;
    for (double& x : w) total += (x = spec.coarse_values ? 1 + rng() % 4 : unit(rng) + 0.05);
    for (std::size_t i = 0; i < spec.issues; ++i) {
      IssuePreference ip;
      ip.present = true;
      ip.weight = w[i] / total;
      const Issue& issue = s.issues[IssueIndex(i)];
      if (issue.kind == IssueKind::numeric) {
        ip.curve = {{0.0, value()}, {5.0, value()}, {10.0, value()}};
        if (unit(rng) < spec.red_line_rate) ip.red_line_ranges.push_back(ValueRange{std::nullopt, 1.0});
      } else {
        for (const OptionIndex o : issue.options.indices()) {
          ip.option_values.push_back(value());
          if (unit(rng) < spec.red_line_rate) ip.red_line_options.emplace_back(o);
        }
      }
      prefs.issues.push_back(ip);
    }
    if (unit(rng) < spec.rectangle_rate) {
      for (int r = 0; r < 3; ++r) {
        Rectangle rect;
        rect.utility = unit(rng) * 0.3;
        const std::size_t i = rng() % spec.issues;
        RectangleBound b;
        b.issue = IssueIndex(i);
        if (s.issues[b.issue].kind == IssueKind::numeric) {
          b.range = ValueRange{2.0, 8.0};
        } else {
          b.options.emplace_back(std::size_t{0});
        }
        rect.bounds.push_back(b);
        prefs.rectangles.push_back(rect);
      }
    }
    s.preferences.push_back(prefs);
  }
  return s;
}

// Every complete package of the scenario's grid, in odometer order.
inline void for_each_package(const Scenario& s, const std::function<void(const Package&)>& f) {
  const std::size_t n = s.issues.size();
  std::vector<std::size_t> k(n, 0);
  Package x(n);
  for (;;) {
    for (const IssueIndex i : x.indices()) x[i] = grid_setting(s.issues[i], k[i.get()]);
    f(x);
    std::size_t i = n;
    while (i > 0) {
      --i;
      if (++k[i] < s.issues[IssueIndex(i)].value_count()) break;
      k[i] = 0;
      if (i == 0) return;
    }
    if (n == 0) return;
  }
}

struct Brute {
  std::vector<std::vector<double>> u;  // every package
  std::vector<Package> x;
  std::vector<bool> zone, clean;       // acceptable to all; crosses no red line
};

inline Brute brute(const Scenario& s, const std::vector<PartyIndex>& parties) {
  Brute b;
  for_each_package(s, [&](const Package& x) {
    std::vector<double> u;
    bool all = true, clean = true;
    for (const PartyIndex p : parties) {
      u.push_back(utility(s, p, x));
      all = all && acceptable(s, p, x);
      clean = clean && red_lines_crossed(s, p, x).empty();
    }
    b.u.push_back(u);
    b.x.push_back(x);
    b.zone.push_back(all);
    b.clean.push_back(clean);
  });
  return b;
}

inline bool dominates(const std::vector<double>& a, const std::vector<double>& b) {
  bool gt = false;
  for (std::size_t q = 0; q < a.size(); ++q) {
    if (a[q] < b[q]) return false;
    if (a[q] > b[q]) gt = true;
  }
  return gt;
}

// Non-dominated distinct utility vectors among packages selected by `keep`, sorted descending.
// Lexicographically descending order: a point can only be dominated by an earlier one, and
// then by an earlier non-dominated one, so each point is checked against the kept ones only.
inline std::vector<std::vector<double>> brute_frontier(const Brute& b, const std::vector<bool>& keep) {
  std::vector<std::vector<double>> pts;
  for (std::size_t j = 0; j < b.u.size(); ++j)
    if (keep[j]) pts.push_back(b.u[j]);
  std::sort(pts.begin(), pts.end(), std::greater<>());
  pts.erase(std::unique(pts.begin(), pts.end()), pts.end());
  std::vector<std::vector<double>> out;
  for (const auto& a : pts) {
    bool dom = false;
    for (auto it = out.rbegin(); it != out.rend() && !dom; ++it) dom = dominates(*it, a);
    if (!dom) out.push_back(a);
  }
  return out;
}

// The documented tie rule, written independently: filter by each key (maximised) within
// kUtilityEps of the best, then the lexicographically greatest utility vector.
inline std::optional<std::vector<double>> brute_choose(
    const std::vector<std::vector<double>>& cand,
    const std::function<std::vector<double>(const std::vector<double>&)>& keys) {
  if (cand.empty()) return std::nullopt;
  std::vector<std::vector<double>> alive = cand;
  const std::size_t levels = keys(cand[0]).size();
  for (std::size_t l = 0; l < levels; ++l) {
    double best = -std::numeric_limits<double>::infinity();
    for (const auto& u : alive) best = std::max(best, keys(u)[l]);
    std::vector<std::vector<double>> next;
    for (const auto& u : alive)
      if (keys(u)[l] >= best - kUtilityEps) next.push_back(u);
    alive = next;
  }
  return *std::max_element(alive.begin(), alive.end());
}

// Random provenance on every issue preference (so on its red lines): an estimate, sourced, or
// given without sources, a third each.
inline void random_provenance(Scenario& s, std::uint32_t seed) {
  std::mt19937 rng(seed);
  for (Preferences& prefs : s.preferences)
    for (IssuePreference& ip : prefs.issues) {
      const auto kind = rng() % 3;
      ip.provenance = Provenance{};
      if (kind == 0) ip.provenance.estimate = true;
      if (kind == 2) ip.provenance.sources = {"https://example.org/" + std::to_string(rng() % 100)};
    }
}

// The values of a blocked issue the docs say the closest package may take, computed
// independently: every grid value crosses some bargaining party's red line (else empty); keep
// the values crossing the fewest red lines, then those crossing the fewest sourced red lines
// (not an estimate, with sources), then the fewest given without sources.
inline std::vector<Setting> brute_offered(const Scenario& s, const std::vector<PartyIndex>& parties, IssueIndex i) {
  const Issue& issue = s.issues[i];
  std::vector<std::pair<std::array<std::size_t, 3>, Setting>> keyed;
  for (std::size_t g = 0; g < issue.value_count(); ++g) {
    const Setting x = grid_setting(issue, g);
    std::array<std::size_t, 3> key{};  // crossings, sourced, unmarked
    for (const PartyIndex p : parties) {
      const IssuePreference& ip = s.preferences[p].issues[i];
      if (!ip.crosses_red_line(issue, x)) continue;
      ++key[0];
      if (!ip.provenance.estimate && !ip.provenance.sources.empty()) ++key[1];
      if (!ip.provenance.estimate && ip.provenance.sources.empty()) ++key[2];
    }
    if (key[0] == 0) return {};  // not blocked
    keyed.emplace_back(key, x);
  }
  std::array<std::size_t, 3> best = keyed.front().first;
  for (const auto& k : keyed) best = std::min(best, k.first);
  std::vector<Setting> out;
  for (const auto& k : keyed)
    if (k.first == best) out.push_back(k.second);
  return out;
}

}  // namespace accord::testing
