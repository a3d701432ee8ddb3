#pragma once
// outcome_metrics: how good one outcome of a negotiation is — social welfare, Nash product,
// distance to the Pareto frontier and to the Nash point — against a reference computed once
// per domain with the bargaining engine (the frontier and the Nash point are bargain's; this
// file only measures). Used by `accord mediate` and `accord tournament`.
// Pure and deterministic. Definitions: docs/mediate-and-tournament.md "Outcome metrics".
#include <optional>
#include <vector>

#include "accord/engines/bargain.hpp"
#include "accord/model/budget.hpp"
#include "accord/model/outcome.hpp"
#include "accord/model/scenario.hpp"

namespace accord::outcome_metrics {

struct Params {
  std::vector<PartyIndex> parties;  // empty: bargain::default_bargaining_parties(s)
  // Issues set here are fixed at that setting (e.g. a framework version's points); the
  // others are open. The frontier and the Nash point are over the packages that keep every
  // fixed issue at its setting. Empty or absent: every issue open.
  std::optional<Package> fixed;
  Deadline deadline;                 // for the bargaining run
  std::size_t max_frontier = 200000;  // bargain::Params::max_frontier
  bool parallel = true;               // oneTBB inside the bargaining run; results identical
};

// Computed once per domain; measure() then costs one pass over the frontier.
struct Reference {
  // invalid_input when the bargaining engine cannot run on the domain; the termination is the
  // bargaining run's (a partial frontier leaves pareto_distance absent).
  Outcome outcome;
  std::vector<PartyIndex> parties;
  std::vector<double> reservations;  // per party, `parties` order (the disagreement point)
  Package fixed;                     // the fixed settings (open issues unset)
  // Utility vectors of the Pareto frontier of the domain (red lines ignored: the bargaining
  // engine's whole-space frontier `pareto`), lexicographically descending. Empty when it was
  // not computed or truncated (`frontier_complete` false).
  std::vector<std::vector<double>> frontier;
  bool frontier_complete = false;
  // The Nash point (bargain's Nash solution over the zone of agreement of the domain); absent
  // when no package is acceptable to every party (or the search did not decide).
  std::optional<std::vector<double>> nash;
  std::optional<Package> nash_package;
  double nash_product = 0.0;  // at the Nash point (0 without one)
  bargain::Finding finding = bargain::Finding::not_set;
};

// The metrics of one outcome (an agreement's utilities, or the disagreement point).
struct Metrics {
  bool agreement = false;
  std::vector<double> utilities;  // per party; the reservations when there is no agreement
  double welfare = 0.0;           // Σ_p U_p
  double nash_product = 0.0;      // Π_p max(0, U_p − r_p)
  // Euclidean distance in utility space to the nearest frontier point (0 iff Pareto optimal);
  // absent when the frontier is incomplete.
  std::optional<double> pareto_distance;
  std::optional<double> nash_distance;  // Euclidean distance to the Nash point; absent without one
};

[[nodiscard]] Reference prepare(const Scenario& s, const Params& params = {});

// An agreement with these utilities (Reference::parties order).
[[nodiscard]] Metrics measure(const Reference& ref, const std::vector<double>& utilities);
// An agreement on package x (complete over the domain: fixed issues at their settings).
[[nodiscard]] Metrics measure(const Scenario& s, const Reference& ref, const Package& x);
// No agreement: every party gets its reservation.
[[nodiscard]] Metrics disagreement(const Reference& ref);

// The scenario reduced to a domain: each issue fixed in `fixed` keeps that one value (a
// discrete issue's single option keeps its id, values, red lines and rectangles; a numeric
// issue becomes the range [v, v]), so every utility of a package is the same, bit for bit, as
// in `s` with the fixed settings. `expand` maps a package of the reduced scenario back.
[[nodiscard]] Scenario fix_issues(const Scenario& s, const Package& fixed);
[[nodiscard]] Package expand(const Scenario& s, const Package& fixed, const Package& reduced);

}  // namespace accord::outcome_metrics
