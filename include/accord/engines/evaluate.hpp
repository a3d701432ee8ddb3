#pragma once
// evaluate: how each party values a draft, which points block it, and whether the text is
// near-final. Pure: no I/O, deterministic.
#include <optional>
#include <string_view>
#include <vector>

#include "accord/model/budget.hpp"
#include "accord/model/outcome.hpp"
#include "accord/model/scenario.hpp"
#include "accord/model/utility.hpp"

namespace accord::evaluate {

struct Params {
  // Time budget for the whole run (default: none). Past it the result holds the parties and
  // points evaluated so far and `termination` says how far it got.
  Deadline deadline;
  // Readiness: near-final when at most `max_open_points` points lack universal acceptance,
  // each with salience below `max_open_salience` for every signatory.
  std::size_t max_open_points = 2;
  double max_open_salience = 0.05;
};

// acceptable: no red line and U >= r for every way open issues could settle;
// unacceptable: a red line is crossed or even the best settlement of open issues is below r;
// open: depends on how the open issues settle. Append new values at the end.
enum class Verdict { not_set = 0, acceptable, unacceptable, open };

struct IssueResult {
  IssueIndex issue;
  bool settled = false;
  double contribution = 0.0;  // w * v(x) when settled
  double min = 0.0, max = 0.0;  // contribution range when open
  bool red_line = false;
};

struct PartyResult {
  PartyIndex party;
  UtilityBounds utility;
  double reservation = 0.0;
  double ideal = 0.0;  // the best utility p could get (all issues at its best)
  std::vector<IssueResult> issues;
  std::vector<IssueIndex> red_lines_crossed;
  Verdict verdict = Verdict::open;
};

// Append new values at the end.
enum class Consensus { not_set = 0, accepted, blocked, conditional, unknown, not_applicable };

struct PointResult {
  PointIndex point;
  // From recorded stances of the signatories (roles party and mediator).
  Consensus stated = Consensus::unknown;
  std::vector<PartyIndex> stated_blockers;  // reject
  std::vector<PartyIndex> stated_conditional;
  // From preferences: a party rejects a point that crosses one of its red lines, or whose
  // settings give it less than its reservation level per unit of weight
  // (Σ w·v < r·Σ w over the point's issues); accepts otherwise.
  Consensus predicted = Consensus::not_applicable;
  std::vector<PartyIndex> predicted_blockers;
  double max_salience = 0.0;  // max over signatories of Σ weights of the point's issues
};

struct Readiness {
  bool near_final = false;
  std::vector<PointIndex> open_points;      // not accepted by every signatory
  std::vector<PointIndex> standing_between;  // open points that prevent near-final
  std::string reason;
};

struct Result {
  VersionIndex version;  // invalid when a bare package was evaluated
  Package package;       // what was evaluated (unset issues are open)
  std::vector<PartyResult> parties;
  std::vector<PointResult> points;
  Readiness readiness;
  std::vector<IssueIndex> open_issues;  // issues the draft leaves unsettled
  // invalid_input for a version the scenario does not have; the termination: finished, or
  // time_limit with "evaluated K of N parties, ...".
  Outcome outcome;
};

// Parties whose stance counts for consensus and readiness: roles party and mediator.
[[nodiscard]] std::vector<PartyIndex> signatories(const Scenario& s);

[[nodiscard]] Result run_version(const Scenario& s, VersionIndex v, const Params& params = {});
[[nodiscard]] Result run_package(const Scenario& s, const Package& x, const Params& params = {});

[[nodiscard]] std::string_view to_string(Verdict v);
[[nodiscard]] std::string_view to_string(Consensus c);
[[nodiscard]] std::optional<Verdict> parse_verdict(std::string_view text);
[[nodiscard]] std::optional<Consensus> parse_consensus(std::string_view text);

}  // namespace accord::evaluate
