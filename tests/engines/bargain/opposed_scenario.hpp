#pragma once
// Bargaining scenarios with two opposed camps (issue 10 item 20), fixed seeds. Shared by the
// bargain tests, the hostile CLI test and bench/bargain_bench.cpp.
//
// Parties 0..ceil(k/2)-1 form camp A, the rest camp B. Per issue a random "base" value b_o in
// [0, 1] for each option; camp A values option o near b_o, camp B near 1 - b_o (each party adds
// its own noise and random issue weights). Every party has the same reservation, so a deal
// needs each camp to concede about half of what it wants: the hard case for branch and bound.
#include <algorithm>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "accord/model/scenario.hpp"

namespace accord::testing {

inline Scenario opposed_camps(std::size_t parties, std::size_t issues, std::size_t options,
                              std::uint32_t seed, double reservation = 0.4, double noise = 0.15) {
  std::mt19937 rng(seed);
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  auto id = [](const char* prefix, std::size_t n) { return std::string(prefix).append(std::to_string(n)); };
  Scenario s;
  s.id = id("opposed", seed);
  s.title = s.id;
  for (std::size_t p = 0; p < parties; ++p)
    s.parties.push_back(Party{id("P", p), id("Party ", p), Role::party, 1.0, {}, {}});
  std::vector<std::vector<double>> base(issues, std::vector<double>(options));
  for (std::size_t i = 0; i < issues; ++i) {
    Issue issue;
    issue.id = id("i", i);
    issue.title = issue.id;
    for (std::size_t o = 0; o < options; ++o) {
      issue.options.push_back(Option{id("o", o), "", std::nullopt, {}, {}});
      base[i][o] = unit(rng);
    }
    s.issues.push_back(issue);
  }
  const std::size_t camp_a = (parties + 1) / 2;
  for (std::size_t p = 0; p < parties; ++p) {
    Preferences prefs;
    prefs.present = true;
    prefs.reservation = reservation;
    std::vector<double> w(issues);
    double total = 0;
    for (double& x : w) total += (x = unit(rng) + 0.1);
    for (std::size_t i = 0; i < issues; ++i) {
      IssuePreference ip;
      ip.present = true;
      ip.weight = w[i] / total;
      for (std::size_t o = 0; o < options; ++o) {
        const double b = p < camp_a ? base[i][o] : 1.0 - base[i][o];
        ip.option_values.push_back(std::clamp(b + noise * (unit(rng) - 0.5), 0.0, 1.0));
      }
      prefs.issues.push_back(ip);
    }
    s.preferences.push_back(prefs);
  }
  return s;
}

}  // namespace accord::testing
