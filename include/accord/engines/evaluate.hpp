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

// Verdicts are exact over the settlements of the open issues (every way the issues the draft
// leaves open could still be settled, on each issue's option list or value grid), by the
// DESIGN.md definition of a package acceptable to a party (no red line of its crossed and
// U >= r): acceptable: every settlement is acceptable to the party; unacceptable: none is;
// open: some are and some are not. Append new values at the end.
enum class Verdict { not_set = 0, acceptable, unacceptable, open };

struct IssueResult {
  IssueIndex issue;
  bool settled = false;
  double contribution = 0.0;  // w * v(x) when settled
  double min = 0.0, max = 0.0;  // contribution range when open
  bool red_line = false;
};

// One settlement of the draft's open issues (the draft completed): a complete package.
struct Settlement {
  Package package;
  double utility = 0.0;
  std::vector<IssueIndex> red_lines_crossed;  // of the party it was chosen for
  bool acceptable = false;                    // no red line crossed and U >= r
};

struct PartyResult {
  PartyIndex party;
  UtilityBounds utility;  // lowest and highest utility over every settlement
  double reservation = 0.0;
  double ideal = 0.0;  // the best utility p could get (all issues at its best)
  std::vector<IssueResult> issues;
  std::vector<IssueIndex> red_lines_crossed;  // by the issues the draft settles
  Verdict verdict = Verdict::open;
  // The settlement that crosses the fewest of the party's red lines and, among those, gives it
  // the highest utility: it crosses none when any settlement does, and it is acceptable iff
  // the verdict is not unacceptable. Ties: the lowest option / grid index first.
  Settlement best;
  // The settlement that crosses the most of its red lines and, among those, gives it the lowest
  // utility: it is acceptable iff the verdict is acceptable.
  Settlement worst;
  // For an open verdict, the open issues it depends on: those with an option that is one of
  // the party's red lines, and those whose worst option (red lines aside) with every other open
  // issue at the party's best leaves U below r; when neither names an issue (only several
  // together pull U below r), every open issue that moves the party's utility. Empty for
  // acceptable and unacceptable verdicts (the open issues cannot change them).
  std::vector<IssueIndex> deciding_issues;
  // false only for non-additive preferences (rectangles) over more than 65,536 joint
  // settlements: the verdict then rests on bounds and `open` may mean "not decided".
  bool exact = true;
};

// Append new values at the end.
enum class Consensus { not_set = 0, accepted, blocked, conditional, unknown, not_applicable };

// Why a party is predicted to reject a point. Append new values at the end.
enum class Prediction { not_set = 0, red_line, closes_text };

struct PointResult {
  PointIndex point;
  // From recorded stances of the signatories (roles party and mediator).
  Consensus stated = Consensus::unknown;
  std::vector<PartyIndex> stated_blockers;  // reject
  std::vector<PartyIndex> stated_conditional;
  // From preferences (docs/cli.md "Semantics of evaluate"): a signatory with preferences is
  // predicted to reject a point when the point's settings cross one of its red lines
  // (red_line), or when no settlement of the text's open issues is acceptable to it while some
  // settlement of the text without the point is (closes_text): without the point, the issues
  // it sets are settled by the other points that set them, or else left open for the party to
  // settle as it likes. It accepts otherwise. Points that set no issue: not_applicable.
  Consensus predicted = Consensus::not_applicable;
  std::vector<PartyIndex> predicted_blockers;
  std::vector<Prediction> predicted_reasons;  // parallel to predicted_blockers
  double max_salience = 0.0;  // max over signatories of Σ weights of the point's issues
};

struct Readiness {
  bool near_final = false;
  std::vector<PointIndex> open_points;      // not accepted by every signatory
  std::vector<PointIndex> standing_between;  // open points that prevent near-final
  // standing_between split by stated consensus: a signatory rejects; else one is conditional;
  // else one has no recorded stance.
  std::vector<PointIndex> rejected, conditional, unknown;
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
[[nodiscard]] std::string_view to_string(Prediction p);
[[nodiscard]] std::optional<Verdict> parse_verdict(std::string_view text);
[[nodiscard]] std::optional<Consensus> parse_consensus(std::string_view text);
[[nodiscard]] std::optional<Prediction> parse_prediction(std::string_view text);

}  // namespace accord::evaluate
