#pragma once
// bargain: zone of agreement, exact Pareto frontier, Nash / Kalai–Smorodinsky / egalitarian /
// utilitarian packages, the smallest acceptable change to a draft, concessions.
// Pure: no I/O, deterministic (identical results with one thread or many).
// Semantics, algorithms and tie-break rules: docs/bargain.md.
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "accord/model/budget.hpp"
#include "accord/model/outcome.hpp"
#include "accord/model/scenario.hpp"
#include "accord/model/utility.hpp"

namespace accord::bargain {

struct Params {
  // Time budget for the whole run (default: none). Shared out: the zone count gets up to a
  // fifth of what is left, each frontier up to a sixth, the solutions the rest (two thirds of
  // it when a draft asks for the closest package). What a stop leaves partial: docs/bargain.md.
  Deadline deadline;
  std::vector<PartyIndex> parties;  // empty: default_bargaining_parties(s)
  std::optional<Package> draft;     // when set: the closest acceptable package to it
  VersionIndex draft_version;       // the version `draft` is, if it is one (reported, not used)
  // When set: also the Pareto frontier of these two bargaining parties alone, over the whole
  // package space (red lines ignored), for a two-party chart (Result::pair).
  std::optional<std::array<PartyIndex, 2>> pair;
  // A Pareto frontier with more points than this is abandoned (reported truncated) and the
  // solutions are found by branch and bound instead. Unset: frontier_limit(k) below.
  std::optional<std::size_t> max_frontier;
  // Non-additive preferences (rectangles) are analysed by enumeration up to this many packages.
  std::uint64_t max_enumeration = 10'000'000;
  // Branch-and-bound node budgets: beyond them a count gives bounds, a search its best so far.
  std::uint64_t max_count_nodes = 4'000'000;
  std::uint64_t max_search_nodes = 50'000'000;
  bool whole_space_frontier = true;  // also compute the frontier of the whole package space
  bool force_search = false;         // testing: solutions by branch and bound even with a frontier
  bool parallel = true;              // oneTBB; results are identical either way
  ProgressFn progress;               // optional: called between the phases of the run
};

// The default frontier limit for k bargaining parties: 200,000 points for two, 20,000 for three
// or more. Two-party frontiers cost a sort; in k >= 3 dimensions every point costs a dominance
// proof that grows with the frontier (5 parties: ~0.2 s for 20,000 points, many seconds for
// 200,000), while the branch-and-bound search finds the exact solutions without it.
inline constexpr std::size_t kPairFrontierLimit = 200000;
inline constexpr std::size_t kMultiFrontierLimit = 20000;
[[nodiscard]] inline std::size_t frontier_limit(const Params& p, std::size_t k) {
  if (p.max_frontier) return *p.max_frontier;
  return k <= 2 ? kPairFrontierLimit : kMultiFrontierLimit;
}

// Whether the call worked is Result::outcome.status (accord::Status); what the analysis found
// is the Finding. Append new values at the end.
enum class Finding { not_set = 0, zone_exists, no_zone, too_large };

// A package count: exact, or bounds when a counting budget ran out.
struct Count {
  bool exact = true;
  std::string decimal;        // the exact count in decimal (when exact), else the lower bound
  double value = 0.0;         // the count as a double (exact below 2^53)
  double lower = 0.0, upper = 0.0;
};

struct Point {
  std::vector<double> utilities;  // per bargaining party, in Result::parties order
  Package package;                // a complete package (one representative)
};

struct Frontier {
  bool computed = false;   // false: not attempted (e.g. non-additive and too large)
  bool truncated = false;  // abandoned (see `stop`): `points` is empty
  Stop stop = Stop::finished;  // size_limit: more than Params::max_frontier points; time_limit
  std::string method;      // "merge" (per-issue frontiers, no enumeration) | "enumeration"
  std::vector<Point> points;  // sorted by utilities, lexicographically descending
};

// A red line a package (or a value) crosses: whose, where, at which value, and what it rests
// on (red_line_provenance).
struct RedLineCrossing {
  PartyIndex party;
  IssueIndex issue;
  Setting setting;
  Provenance provenance;
};

// What a package means for a party with preferences that did not bargain (a stakeholder).
struct StakeholderEffect {
  PartyIndex party;
  double utility = 0.0;
  double reservation = 0.0;
  bool reaches_reservation = false;         // U >= r - kUtilityEps
  std::vector<RedLineCrossing> red_lines;   // its red lines the package crosses
};

// An issue on which every value crosses a red line of some bargaining party (docs/bargain.md,
// "Blocked issues").
struct BlockedIssue {
  struct RedLine {  // one bargaining party's red line on the issue
    PartyIndex party;
    std::vector<OptionIndex> options;  // discrete issues
    std::vector<ValueRange> ranges;    // numeric issues
    Provenance provenance;
  };
  struct Offered {  // a value crossing the fewest red lines, least sourced among those
    Setting setting;
    std::vector<RedLineCrossing> crosses;
  };
  IssueIndex issue;
  std::vector<RedLine> red_lines;  // bargaining-party order
  std::size_t fewest = 0;          // the fewest red lines any value of the issue crosses
  std::vector<Offered> offered;    // in grid order; the closest package takes one of these
};

struct Solution {
  std::vector<double> utilities;
  Package package;
  double objective = 0.0;  // the maximised quantity
  // When a budget stopped the search before it proved this optimal: an upper bound of the
  // objective over the packages left unexplored (the gap is bound - objective).
  std::optional<double> bound;
  std::vector<StakeholderEffect> stakeholders;  // Result::stakeholders order
};

struct Solutions {
  std::optional<Solution> nash, kalai_smorodinsky, egalitarian, utilitarian;
  std::vector<double> ideal;  // I_p: best utility of each party inside the zone (empty: none)
  bool exact = true;          // false when a search budget ran out
  std::string method;         // "frontier" | "search" | "skipped"
};

struct Change {
  IssueIndex issue;
  std::optional<Setting> from;  // nullopt: the draft left the issue open
  Setting to;
  std::vector<double> delta;    // per bargaining party: change of w·v on this issue
};

struct Closest {
  bool zone_exists = false;
  // Zone exists: the acceptable package with the fewest changed issues, then the highest
  // Nash product. No zone: red lines of the bargaining parties hard on every issue that is
  // not blocked, an offered value (BlockedIssue::offered) on every blocked one; then the
  // package minimising the largest shortfall below reservation.
  Package package;
  std::vector<double> utilities;
  std::vector<Change> changes;          // issues whose setting differs from the draft's
  std::size_t changed_issues = 0;       // changes of issues the draft had set
  // Per party: max(0, r_p - U_p), or nullopt when the package crosses the party's red line
  // (a shortfall says nothing then: the package is unacceptable whatever its utility).
  std::vector<std::optional<double>> shortfall;
  std::vector<RedLineCrossing> red_lines_crossed;  // bargaining parties' (blocked issues only)
  std::vector<IssueIndex> blocked_issues;  // every option is a red line of some party
  std::vector<StakeholderEffect> stakeholders;  // Result::stakeholders order
  bool exact = true;
  Stop stop = Stop::finished;  // why it is not exact
};

struct IssueConcession {
  IssueIndex issue;
  double ideal = 0.0;     // w·max v over the issue's grid
  double actual = 0.0;    // w·v(x_i)
  double given_up = 0.0;  // ideal - actual
};
struct Concession {
  PartyIndex party;
  double utility = 0.0, ideal = 0.0;
  std::vector<IssueConcession> issues;  // issues with non-zero weight
};

// The frontier of two of the bargaining parties (Params::pair).
struct PairFrontier {
  std::array<PartyIndex, 2> parties;
  std::array<double, 2> reservations{};
  Frontier frontier;  // points' utilities in `parties` order; whole space, red lines ignored
};

struct Result {
  // status invalid_input (with the reason) when the scenario cannot be bargained over; the
  // termination: finished when every count, finding, solution and closest package below is
  // exact (a frontier over --max-frontier is only reported truncated), else the first budget
  // that stopped a part, and in `detail` which parts are partial and how far they got.
  Outcome outcome;
  Finding finding = Finding::not_set;
  std::vector<PartyIndex> parties;
  std::vector<double> reservations;
  bool additive = true;
  Count space;                      // packages in the whole space
  Count filtered;                   // packages crossing no red line of a bargaining party
  Count zone;                       // packages acceptable to every bargaining party
  std::vector<IssueIndex> blocked_issues;  // issues left with no option by red lines
  std::vector<BlockedIssue> blocked;       // the same issues: whose red lines, what is offered
  // Parties with preferences that did not bargain, and their reservations; every chosen
  // package (solutions, closest) says what it means for each of them.
  std::vector<PartyIndex> stakeholders;
  std::vector<double> stakeholder_reservations;
  Frontier pareto;       // of the whole package space
  Frontier zone_pareto;  // of the zone of agreement
  Solutions solutions;
  std::optional<Package> draft;               // Params::draft
  VersionIndex draft_version;                 // Params::draft_version
  std::vector<UtilityBounds> draft_utilities;  // per bargaining party (open issues: a range)
  std::optional<Closest> closest;
  std::optional<PairFrontier> pair;  // when Params::pair was set
};

// Bargaining parties by default: role party or mediator, with preferences.
[[nodiscard]] std::vector<PartyIndex> default_bargaining_parties(const Scenario& s);

// Every party with preferences, in scenario order (`--parties all`).
[[nodiscard]] std::vector<PartyIndex> parties_with_preferences(const Scenario& s);

[[nodiscard]] Result run(const Scenario& s, const Params& params = {});

// What a party's red line on an issue rests on: the issue preference's field provenance
// "red_lines" when the scenario gives one, else the issue preference's own provenance.
[[nodiscard]] const Provenance& red_line_provenance(const Scenario& s, PartyIndex p, IssueIndex i);
// How strongly a red line is sourced, for ordering (weakest first): 0 an estimate
// (`estimate: true`), 1 given without sources, 2 sourced (not an estimate, with sources).
[[nodiscard]] int red_line_strength(const Provenance& p);
// The red lines of `parties` that package `x` crosses (parties' order, then issue order).
[[nodiscard]] std::vector<RedLineCrossing> red_line_crossings(const Scenario& s,
                                                             const std::vector<PartyIndex>& parties,
                                                             const Package& x);
// The blocked-issue analysis of issue `i` for `parties` (docs/bargain.md, "Blocked issues");
// when the issue is not blocked, `fewest` is 0 and `offered` the values crossing no red line.
[[nodiscard]] BlockedIssue blocked_issue(const Scenario& s, const std::vector<PartyIndex>& parties,
                                         IssueIndex i);
// What package `x` means for each of `stakeholders`.
[[nodiscard]] std::vector<StakeholderEffect> stakeholder_effects(const Scenario& s,
                                                                 const std::vector<PartyIndex>& stakeholders,
                                                                 const Package& x);

// What each party gives up on each issue in package x against its own ideal.
[[nodiscard]] std::vector<Concession> concessions(const Scenario& s,
                                                  const std::vector<PartyIndex>& parties,
                                                  const Package& x);

// The Pareto frontier of two parties over the whole package space (red lines ignored), by
// merging per-issue frontiers (additive preferences; `computed` false otherwise). Abandoned
// (truncated) above `max_points` points or at the deadline.
[[nodiscard]] Frontier pair_frontier(const Scenario& s, PartyIndex a, PartyIndex b,
                                     std::size_t max_points = 200000, const Deadline& deadline = {},
                                     bool parallel = true);

[[nodiscard]] std::string_view to_string(Finding f);
[[nodiscard]] std::optional<Finding> parse_finding(std::string_view text);

}  // namespace accord::bargain
