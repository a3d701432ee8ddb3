#pragma once
// robustness: which estimated inputs (values marked `estimate: true`) can flip each headline
// finding, and by how much they would have to move. Findings: the zone of agreement, the
// closest deal to the latest text, each party's verdict on the latest text, the stability of
// the status quo under each solution concept, the forecast's nearest option per issue and whether
// it converged, and the readiness of the latest text (near-final or not).
// The findings are read from the engines' public functions (bargain, evaluate, gmcr, forecast),
// so they follow whatever semantics those engines have. Pure: no I/O, deterministic.
// Method, definitions and tie-break rules: docs/robustness.md.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "accord/model/budget.hpp"
#include "accord/model/outcome.hpp"
#include "accord/model/scenario.hpp"

namespace accord::robustness {

// Which headline a finding is. Append new values at the end.
enum class FindingKind { not_set = 0, zone, closest, verdict, status_quo, forecast, readiness };
inline constexpr FindingKind kAllFindingKinds[] = {FindingKind::zone,       FindingKind::closest,
                                                   FindingKind::verdict,    FindingKind::status_quo,
                                                   FindingKind::forecast,   FindingKind::readiness};

// What kind of input is moved. Append new values at the end.
enum class InputKind {
  not_set = 0,
  reservation,   // preferences.P.reservation, in [0, 1]
  weight,        // preferences.P.issues.I.weight, in [0, total]: the others rescaled to keep the total
  option_value,  // preferences.P.issues.I.values.O, in [0, 1]
  red_line,      // preferences.P.issues.I.red_lines.O (or .red_lines[k] for a range): removed
  capability,    // parties.P.capability, in [0, 2 x current]
  statement,     // conflict.decision_makers.D.preferences[k]: dropped, or swapped with a neighbour
  stance,        // versions.V.stances.P.POINT (an inferred stance): 1 = accept, 0 = reject
};

// How the threshold was found. Append new values at the end.
enum class Method {
  not_set = 0,
  exact,   // computed directly from the engine's own numbers, then checked on both sides
  sweep,   // one-at-a-time sweep: a grid over the input's range, then bisection to the tolerance
  toggle,  // a discrete change (a red line removed, a statement dropped or moved)
};

// Statement changes (InputKind::statement): what was done to it.
enum class Toggle { not_set = 0, remove, move_up, move_down };

struct Input {
  InputKind kind = InputKind::not_set;
  std::string path;  // e.g. "preferences.UA.issues.foreign_troops.values.T_MNF"
  PartyIndex party;
  IssueIndex issue;
  OptionIndex option;            // option_value, red_line on an option
  std::size_t index = 0;         // red_line on a range: its position; statement: its position
  DecisionMakerIndex decision_maker;  // statement
  VersionIndex version;          // stance
  PointIndex point;              // stance
  double value = 0.0;            // current value (red line, statement: 1 = present)
  double min = 0.0, max = 1.0;   // the range swept (toggles: 0..1)
  bool estimate = false;         // marked `estimate: true` on the value or an enclosing entity
};

struct Flip {
  Input input;
  Method method = Method::not_set;
  Toggle toggle = Toggle::not_set;  // statement changes
  // The value at which the finding changes: exact, the boundary (the finding still holds there
  // and is flipped just past it); sweep, the first value found flipped (within the tolerance of
  // the true boundary); toggle, the new value (0: removed).
  double threshold = 0.0;
  // The bracket actually evaluated: the finding holds at holds_at and is `after` at flips_at.
  double holds_at = 0.0, flips_at = 0.0;
  double move = 0.0;       // |threshold - current value| (toggles: 1)
  double relative = 0.0;   // move / (max - min): 1 for a toggle
  std::string after;       // the finding just past the threshold
  std::string change;      // what changes, for people (closest deal: the issues that differ)
  // Inputs moved together with `input` (readiness: the smallest set of inferred stances whose
  // change flips it; threshold = the size of the set, holds_at = one fewer); empty otherwise.
  std::vector<Input> with;
};

struct FindingResult {
  FindingKind kind = FindingKind::not_set;
  std::string id;     // "zone", "closest", "verdict.UA", "status_quo.nash", "forecast.znpp", "forecast",
                      // "readiness"
  std::string value;  // the finding now (zone: zone_exists | no_zone | too_large; closest: the
                      // package "issue=OPT; …"; verdict: acceptable | unacceptable | open;
                      // status_quo: equilibrium | not_equilibrium; forecast.I: the option id;
                  // forecast: converged | not_converged; readiness: near_final | not_near_final)
  // Every flip found, smallest relative move first (then absolute move, then path).
  std::vector<Flip> flips;
  std::string note;   // why inputs cannot move it, when the engine knows (e.g. blocked issues)
  std::size_t inputs_checked = 0;  // inputs swept or toggled for this finding
  std::size_t inputs_total = 0;    // inputs that could move it
  Termination termination;         // finished, or the budget that stopped it and how far it got
  [[nodiscard]] const Flip* smallest() const { return flips.empty() ? nullptr : &flips.front(); }
};

struct Params {
  // Time budget of the whole run (default: none), shared out among the finding kinds in order.
  // Past it the findings not yet swept are partial (their termination says how far they got).
  Deadline deadline;
  std::vector<FindingKind> findings;  // empty: all
  bool estimates_only = true;         // false: move every input, estimated or sourced
  double tolerance = 1e-4;            // bisection: the threshold is within this of the true one
  // The sweep grid: moves of these fractions of the input's range on each side of the current
  // value, smallest first (a flip between two grid points that flips back is not seen).
  std::vector<double> grid = {1.0 / 256, 1.0 / 64, 1.0 / 16, 1.0 / 4, 1.0};
  // Stop a finding once its smallest flip is known (every input checked up to that move), as
  // `accord report` does; false: every flip of every input (the full table).
  bool smallest_only = false;
  // Per engine run while sweeping: a run that these node budgets stop is not counted (neither
  // holds nor flips) and Result::unfinished counts it.
  std::uint64_t max_nodes_per_run = 200000;
  // Engine runs per engine (bargain, evaluate, gmcr, forecast) at most; 0: no limit. Past it the
  // findings still open stop with Stop::node_limit. A count, so a report is the same every run.
  std::size_t max_evaluations = 0;
  VersionIndex version;               // the text verdicts and the closest deal are about; default: latest
  // Readiness (near-final): at most this many points lack universal acceptance, each with
  // salience below max_open_salience (evaluate::Params' defaults).
  std::size_t max_open_points = 2;
  double max_open_salience = 0.05;
};

struct Result {
  // invalid_input when the version does not exist; termination: finished, or the first budget
  // that stopped a finding (detail: which findings are partial).
  Outcome outcome;
  VersionIndex version;
  std::vector<PartyIndex> bargaining_parties;
  std::vector<FindingResult> findings;  // kinds in kAllFindingKinds order, then by id order of the engine
  std::size_t evaluations = 0;          // engine runs on moved inputs
  std::size_t unfinished = 0;           // of them, stopped by max_nodes_per_run (not counted)
  [[nodiscard]] const FindingResult* find(std::string_view id) const;
};

[[nodiscard]] Result run(const Scenario& s, const Params& params = {});

// The scenario with `input` set to `value` (weights: the party's other weights rescaled so the
// total stays; red lines: removed when value < 0.5; statements: `toggle` applied; stances: accept
// when value >= 0.5, else reject).
[[nodiscard]] Scenario with_input(const Scenario& s, const Input& input, double value,
                                  Toggle toggle = Toggle::not_set);
// The current value of every finding of `kind` (id, value), as `run` reads them.
[[nodiscard]] std::vector<std::pair<std::string, std::string>> findings_of(const Scenario& s, FindingKind kind,
                                                                           VersionIndex version);
// Readiness with non-default thresholds (findings_of uses Params' defaults).
[[nodiscard]] std::string readiness_of(const Scenario& s, VersionIndex version, std::size_t max_open_points,
                                       double max_open_salience);
// The stances `run` may change for readiness: the signatories' stances on version v (marked
// `estimate: true` when `estimates_only`), in party then point order.
[[nodiscard]] std::vector<Input> stance_inputs(const Scenario& s, VersionIndex v, bool estimates_only);
// The inputs `run` moves (estimated ones only when `estimates_only`), in scenario order.
[[nodiscard]] std::vector<Input> inputs(const Scenario& s, bool estimates_only);

[[nodiscard]] std::string_view to_string(FindingKind k);
[[nodiscard]] std::optional<FindingKind> parse_finding_kind(std::string_view text);
[[nodiscard]] std::string_view to_string(InputKind k);
[[nodiscard]] std::optional<InputKind> parse_input_kind(std::string_view text);
[[nodiscard]] std::string_view to_string(Method m);
[[nodiscard]] std::optional<Method> parse_method(std::string_view text);
[[nodiscard]] std::string_view to_string(Toggle t);
[[nodiscard]] std::optional<Toggle> parse_toggle(std::string_view text);

}  // namespace accord::robustness
