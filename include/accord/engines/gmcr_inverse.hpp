#pragma once
// Inverse stability analysis of a GMCR conflict (after Kinsara, Kilgour & Hipel's inverse
// approach): the smallest changes to a conflict that make a target state an equilibrium, for
// every decision maker or for named ones, and optionally reachable from the status quo by
// unilateral improvements. Definitions: docs/gmcr.md "Inverse analysis".
//
// Two kinds of change, searched separately:
// - preferences: one step in a decision maker's prioritisation (raise a statement one place,
//   past the statement above it — lowering a statement is raising the one below it — or drop
//   a statement), or one swap in an explicit ranking (a state and a state of the adjacent tier
//   above exchange tiers);
// - moves: one option made irreversible (`fwd`: once taken it stays; `back`: once withdrawn it
//   stays) or excluded (it can no longer be taken: an infeasible rule `option`). Searched
//   with the reachability requirement always on.
//
// Exact: changes are enumerated in increasing number (per decision maker by breadth-first
// search, deduplicated by the preference order they produce), with pruning by the stability
// conditions (a target decision maker's own change must make the state stable for it under
// the concept, GMR for SEQ, since those depend on its preferences alone); every candidate is
// tested with the forward engine's functions. Pure and deterministic.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "accord/engines/gmcr.hpp"
#include "accord/model/budget.hpp"
#include "accord/model/conflict.hpp"
#include "accord/model/outcome.hpp"

namespace accord::gmcr::inverse {

// Append only.
enum class ChangeKind : std::uint8_t {
  not_set = 0,
  raise,         // statement `statement` moves one place up, past `other`
  drop,          // statement `statement` is removed
  swap,          // ranking: `state` moves up into the tier of `other_state`, which moves down
  fix_forward,   // option `option` becomes `fwd` (once taken, it cannot be withdrawn)
  fix_backward,  // option `option` becomes `back` (once withdrawn, it cannot be taken again)
  exclude,       // option `option` can no longer be taken (infeasible rule `option`)
};
[[nodiscard]] std::string_view to_string(ChangeKind k);
[[nodiscard]] std::optional<ChangeKind> parse_change_kind(std::string_view text);

// What may change. Append only.
enum class Scope : std::uint8_t { not_set = 0, preferences, moves };
[[nodiscard]] std::string_view to_string(Scope s);
[[nodiscard]] std::optional<Scope> parse_scope(std::string_view text);

// One elementary change. Statements are named by their position in the original conflict.
struct Change {
  ChangeKind kind = ChangeKind::not_set;
  DecisionMakerIndex decision_maker;  // preference changes
  std::size_t statement = 0;          // raise, drop
  std::size_t other = 0;              // raise: the statement it passes
  StateCode state = 0;                // swap: the state moved up
  StateCode other_state = 0;          // swap: the state moved down
  ConflictOptionIndex option;         // moves
  bool operator==(const Change&) const = default;
};

struct Solution {
  StateCode target = 0;         // the target state that the changes make stable (and reachable)
  std::vector<Change> changes;  // in the order they apply
};

inline constexpr std::size_t kDefaultMaxChanges = 3;
inline constexpr std::size_t kDefaultMaxCandidates = 2'000'000;

struct Params {
  Scope scope = Scope::preferences;
  // Nash by default: a Nash-stable state is stable under every concept.
  Concept stability = Concept::nash;
  // Decision makers for whom a target must be stable; empty = every decision maker.
  std::vector<DecisionMakerIndex> decision_makers;
  std::size_t max_changes = kDefaultMaxChanges;
  // Preferences: also require the target reachable from the status quo by unilateral
  // improvements (the status quo itself counts as reached). Always on for Scope::moves.
  bool reachable = false;
  // Budgets: wall clock, and candidates tested plus preference variants built (node_limit).
  Deadline deadline;
  std::size_t max_candidates = kDefaultMaxCandidates;
  // The decision makers' orders kept by the search (one rank per feasible state each); past
  // this the search stops (memory_limit).
  std::uint64_t max_memory = std::uint64_t{1} << 30;
  std::size_t max_listed = 10;  // minimal solutions kept (all are counted)
};

struct Result {
  std::vector<StateCode> targets;  // ascending
  Params params;                   // as run (decision_makers filled in; reachable true for moves)
  // The smallest number of changes that works, when the search found it; nullopt when there is
  // none within max_changes (termination finished) or the budget stopped the search first.
  std::optional<std::size_t> min_changes;
  // No solution has fewer changes than this (exact: every smaller count was searched).
  std::size_t lower_bound = 0;
  // Distinct minimal solutions: changed conflicts differing in some decision maker's order of
  // the states (preferences) or in the changed options (moves) that fix at least one target
  // (Solution::target is the first, in ascending code, that each fixes).
  std::size_t solutions = 0;
  std::vector<Solution> listed;  // the first max_listed, in search order
  std::size_t candidates = 0;    // candidates tested and preference variants built
  // Reachability only: no change of this scope, however many, gives any decision maker a
  // unilateral improvement from the status quo (preferences: none of its moves from there
  // reaches a state satisfying a statement the status quo does not; moves: no one has an
  // improvement there now, and restrictions only remove moves), so no target other than the
  // status quo is ever reachable. Set with min_changes nullopt and termination finished.
  bool status_quo_locked = false;
  // ok, or invalid_input (invalid conflict, infeasible target, no status quo when needed);
  // termination finished, or time_limit / node_limit / memory_limit with a detail saying how far it got.
  Outcome outcome;
  [[nodiscard]] bool ok() const { return outcome.ok(); }
  [[nodiscard]] bool partial() const { return !outcome.termination.finished(); }
};

// `targets`: feasible states (at least one); a solution makes one of them stable (and reachable).
[[nodiscard]] Result run(const Conflict& conflict, const std::vector<StateCode>& targets,
                         const Params& params = {});

// The conflict after `changes` (applied in order from `conflict`): what a solution describes,
// for re-checking with the forward analysis. Throws std::invalid_argument on a change that
// does not apply (a programmer error).
[[nodiscard]] Conflict apply(const Conflict& conflict, const std::vector<Change>& changes);

// Is `target` stable under `stability` for every decision maker of `dms` (empty: all) and, when
// `reachable`, reached from the status quo by unilateral improvements? The forward engine's
// answer (gmcr::analyse), for tests and re-checks.
[[nodiscard]] bool holds(const Conflict& conflict, StateCode target, Concept kind,
                         const std::vector<DecisionMakerIndex>& dms, bool reachable);

}  // namespace accord::gmcr::inverse
