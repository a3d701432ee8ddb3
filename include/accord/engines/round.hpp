#pragma once
// rounds: what a mediation round's answers say about the circulated text (who accepts,
// rejects, is conditional or silent on each point; readiness by the near-final rule of
// `evaluate`; convergence), and the next version built from the circulated one plus the
// mediator's edits. Pure: no I/O, deterministic. Definitions: docs/rounds.md.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "accord/engines/evaluate.hpp"
#include "accord/model/outcome.hpp"
#include "accord/model/round.hpp"
#include "accord/model/scenario.hpp"

namespace accord::rounds {

// One point of the circulated version: each addressed party by its answer. `silent`: no
// answer recorded, or `no_answer`.
struct PointTally {
  PointIndex point;
  std::vector<PartyIndex> accept, reject, conditional, silent;
  std::vector<std::pair<PartyIndex, std::string>> amendments;  // proposed wordings, party order
};

// How close the text is after this round. A point is accepted by all when every signatory
// (evaluate::signatories) accepts it: an addressed party by its answer, any other by its
// recorded stance on the version. blocked_by / conditional_by: per addressed party, the points
// it rejects / accepts on conditions.
struct Convergence {
  std::size_t points = 0;
  std::size_t accepted_by_all = 0;
  std::size_t answered = 0;  // addressed parties that answered at least one point
  std::vector<std::vector<PointIndex>> blocked_by, conditional_by;  // parallel to Summary::parties
  bool near_final = false;
  // The text's shortfall sum (shortfall_sum below) over the bargaining parties.
  struct Shortfall {
    std::optional<double> sum;  // nullopt: no settlement avoids the counted parties' red lines
    std::vector<PartyIndex> counted;  // bargaining parties whose red lines the settled issues do not cross
    std::vector<PartyIndex> red_line_crossed;  // the others: their shortfall has no number
    bool exact = true;  // false: the node budget ran out; `sum` is then an upper bound
  } shortfall;
};

struct Summary {
  VersionIndex version;
  std::vector<PartyIndex> parties;  // addressed, in scenario order
  std::vector<PointTally> points;   // version order
  // evaluate's readiness of the version with the answers as the addressed parties' stances.
  evaluate::Readiness readiness;
  Convergence convergence;
  // invalid_input when the round names a version or party the scenario does not have.
  Outcome outcome;
};

// The scenario with the round's answers as the addressed parties' stances on the circulated
// version (accept, reject, conditional; no answer -> unknown). Other stances unchanged.
[[nodiscard]] Scenario with_answers(const Scenario& s, const RoundRecord& round);

// The shortfall sum of a text (docs/rounds.md "Shortfall sum"): over the settlements of the
// issues the text leaves open that cross no red line of a counted party, the least
// Σ_p max(0, r_p − U_p) over the counted parties. Counted: the given parties with preferences
// whose red lines the text's settled issues do not cross (the others are listed: a red line
// crossed makes the text unacceptable to that party whatever its utility, so its shortfall is
// not a number). Exact by branch and bound over the open issues' option lists / value grids;
// past `max_nodes` search nodes the best sum found is returned with exact = false.
[[nodiscard]] Convergence::Shortfall shortfall_sum(const Scenario& s, const Package& text,
                                                   const std::vector<PartyIndex>& parties,
                                                   std::uint64_t max_nodes = 2'000'000);

[[nodiscard]] Summary summarize(const Scenario& s, const RoundRecord& round, const evaluate::Params& params = {});

// --- the next version ---------------------------------------------------------------------

// An issue setting as a client writes it: an option id, or a number for a numeric issue.
struct SettingEdit {
  std::string issue;
  std::string option;                // discrete
  std::optional<double> value;       // numeric
  bool remove = false;               // drop the point's setting of this issue
};

struct PointAmendment {
  std::string point;                 // in the circulated version
  std::optional<std::string> text;   // new wording
  std::vector<SettingEdit> sets;     // settings changed, added or removed
};

struct NewPoint {
  std::string text;
  std::vector<SettingEdit> sets;
  std::string after;                 // circulated point it follows; "" = at the end
  std::vector<std::string> from;     // circulated points it derives from (merge, split); may be empty
};

struct Edits {
  std::string id, label, date;       // the new version (id required, unique)
  std::vector<PointAmendment> amend;
  std::vector<std::string> drop;
  std::vector<NewPoint> add;
};

// What happened to each point (the `from:` links written). Append new values at the end.
enum class PointChange { not_set = 0, kept, amended, dropped, added, derived };
[[nodiscard]] std::string_view to_string(PointChange c);

struct NextVersion {
  Version version;  // point ids "P<n>_<k>" for a version id "v<n>", else "<id>_<k>"; numbers 1..
  // In the new version's order: each circulated point kept, amended or dropped (a dropped
  // point that an added one derives from is listed only as that point's source), and each
  // added point: added (no `from`) or derived (from the named circulated points).
  struct Entry {
    PointChange change = PointChange::not_set;
    std::string old_point, new_point;
  };
  std::vector<Entry> entries;
  // invalid_input naming the edit (e.g. "amend.P20_04.sets.army_cap") on any bad id or value.
  Outcome outcome;
};

[[nodiscard]] NextVersion next_version(const Scenario& s, VersionIndex circulated, const Edits& edits);

}  // namespace accord::rounds
