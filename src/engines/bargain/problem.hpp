#pragma once
// The package space the bargaining engine works on: per issue, the values a package may
// take and each bargaining party's contribution w·v for each of them.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "accord/model/scenario.hpp"

namespace accord::bargain::detail {

__extension__ typedef unsigned __int128 u128;

// Tolerance added to bounds computed in a different summation order than the canonical one.
inline constexpr double kBoundSlack = 1e-12;

struct IssueSpace {
  IssueIndex issue;
  std::vector<Setting> settings;     // the values a package may take on this issue
  std::vector<std::uint64_t> mult;   // packages each value stands for (after merging equals)
  std::vector<double> c;             // settings.size() × k contributions w·v, party-major inner
  std::vector<std::vector<std::uint8_t>> rect_in;  // [rectangle][value]: inside the bound
  [[nodiscard]] std::size_t size() const { return settings.size(); }
};

struct RectTerm {
  std::size_t party;   // bargaining-party position
  double utility;
  std::vector<std::size_t> issues;  // issue positions with a bound
};

struct Problem {
  const Scenario* s = nullptr;
  std::vector<PartyIndex> parties;
  std::size_t k = 0;
  std::vector<double> r;              // reservations
  std::vector<IssueSpace> issues;     // canonical (scenario) order
  std::vector<RectTerm> rects;        // in party order, then each party's rectangle order
  bool additive = true;

  [[nodiscard]] const double* contrib(std::size_t i, std::size_t v) const {
    return &issues[i].c[v * k];
  }
  // Utilities of a complete choice (value index per issue), summed in the canonical order
  // accord::utility uses, so the doubles are bit-identical to it.
  void utilities(const std::uint32_t* choice, double* out) const;
  [[nodiscard]] Package package(const std::vector<std::uint32_t>& choice) const;
  // Positive and negative rectangle utilities per party (bounds for non-additive parties).
  [[nodiscard]] std::vector<double> rect_slack(bool positive) const;
};

// All grid values of every issue, or only those crossing no bargaining party's red line.
// Issues left without any value are listed in `blocked` and keep the values crossing the
// fewest red lines, least sourced among those (BlockedIssue::offered).
[[nodiscard]] Problem build_problem(const Scenario& s, const std::vector<PartyIndex>& parties,
                                    bool filter_red_lines, std::vector<IssueIndex>* blocked);
// Adds a draft's off-grid numeric value (when it crosses no red line) as an extra value.
void add_draft_values(Problem& p, const Package& draft, bool filter_red_lines);
// Merges values with identical contribution vectors (additive only; multiplicities add up).
void merge_equal_values(Problem& p);
// Drops values dominated by another value of the same issue (additive only; not for counts).
void drop_dominated_values(Problem& p);

// Odometer over complete choices (last issue fastest); false after the last one.
[[nodiscard]] bool next_choice(const Problem& p, std::vector<std::uint32_t>& choice);

[[nodiscard]] u128 space_size(const Problem& p);  // saturates at 2^127
[[nodiscard]] std::string to_decimal(u128 x);
[[nodiscard]] double to_double(u128 x);

}  // namespace accord::bargain::detail
