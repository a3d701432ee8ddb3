#pragma once
// The `conflict:` section: a Graph Model for Conflict Resolution (GMCR) model
// (semantics and format: docs/gmcr.md). A plain value type; the stability engine
// (accord/engines/gmcr.hpp) analyses it.
//
// A state assigns yes/no to every option; it is stored as a StateCode whose bit i is set
// when option i is taken (option 0 is the lowest bit), and printed as a pattern with one
// `Y` or `N` per option, in option order.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "accord/model/diagnostic.hpp"
#include "accord/model/ids.hpp"
#include "accord/model/indexed_vector.hpp"
#include "accord/model/outcome.hpp"
#include "accord/model/provenance.hpp"

namespace accord {

using StateCode = std::uint32_t;
using ConflictOptionIndex = Index<struct ConflictOptionTag>;
using DecisionMakerIndex = Index<struct DecisionMakerTag>;

// 2^24 states at most: the engine indexes the whole state cube.
inline constexpr std::size_t kMaxConflictOptions = 24;
// Prioritisation weights 2^(k-1-j) must fit 64 bits.
inline constexpr std::size_t kMaxPreferenceStatements = 64;

// Which changes of an option are permitted: `both`, `fwd` (only N→Y, irreversible),
// `back` (only Y→N).
enum class Direction { both, forward, backward };

struct Literal {
  ConflictOptionIndex option;
  bool taken = true;  // true: the option is taken (Y); false: not taken (N)
  bool operator==(const Literal&) const = default;
};

// All literals hold. An empty conjunction holds in every state.
struct Conjunction {
  std::vector<Literal> literals;
  bool operator==(const Conjunction&) const = default;
};

// At least one conjunction holds (an OR of ANDs).
struct Condition {
  std::vector<Conjunction> any;
  bool operator==(const Condition&) const = default;
};

struct ConflictOption {
  std::string id;
  std::string label;  // empty when not given
  Direction direction = Direction::both;
  Provenance provenance;
  bool operator==(const ConflictOption&) const = default;
};

struct PreferenceStatement {
  Condition condition;
  Provenance provenance;
  bool operator==(const PreferenceStatement&) const = default;
};

enum class PreferenceKind { prioritisation, ranking };

struct DecisionMaker {
  std::string id;
  std::string name;                          // empty when not given
  PartyIndex party;                          // optional link to a scenario party
  std::vector<ConflictOptionIndex> options;  // the options it controls
  PreferenceKind preference_kind = PreferenceKind::prioritisation;
  // Prioritisation: most important first; with k statements, statement j weighs 2^(k-1-j)
  // and a state's score is the sum of the weights of the statements it satisfies.
  std::vector<PreferenceStatement> statements;
  // Ranking: tiers of feasible states, best first; states in one tier tie.
  std::vector<std::vector<StateCode>> ranking;
  Provenance provenance;
  bool operator==(const DecisionMaker&) const = default;
};

// States satisfying `when` are infeasible.
struct InfeasibleRule {
  Conjunction when;
  Provenance provenance;
  bool operator==(const InfeasibleRule&) const = default;
};

// At most one option of the group may be taken.
struct ExclusiveGroup {
  std::vector<ConflictOptionIndex> options;
  Provenance provenance;
  bool operator==(const ExclusiveGroup&) const = default;
};

struct Conflict {
  IndexedVector<ConflictOptionIndex, ConflictOption> options;
  IndexedVector<DecisionMakerIndex, DecisionMaker> decision_makers;
  std::vector<InfeasibleRule> infeasible;
  std::vector<ExclusiveGroup> exclusive;
  std::optional<StateCode> status_quo;
  Provenance provenance;
  bool operator==(const Conflict&) const = default;

  [[nodiscard]] ConflictOptionIndex find_option(std::string_view id) const;
  [[nodiscard]] DecisionMakerIndex find_decision_maker(std::string_view id) const;
  // Name for people: the name, else the id.
  [[nodiscard]] const std::string& display_name(DecisionMakerIndex dm) const;
};

// --- states and conditions -------------------------------------------------------------

// "YNY…": one character per option, option 0 first.
[[nodiscard]] std::string state_pattern(StateCode code, std::size_t option_count);
// Parses a full pattern (only Y/N, exactly option_count characters).
[[nodiscard]] std::optional<StateCode> parse_state_pattern(std::string_view text,
                                                           std::size_t option_count);
// A conjunction as a (mask, value) pair: it holds in `code` iff (code & mask) == value.
// `contradictory` is set when it names one option both taken and not taken.
struct CodeTest {
  StateCode mask = 0;
  StateCode value = 0;
  bool contradictory = false;
  [[nodiscard]] bool holds(StateCode code) const { return !contradictory && (code & mask) == value; }
};
[[nodiscard]] CodeTest code_test(const Conjunction& c);
[[nodiscard]] bool holds(const Condition& c, StateCode code);
// Feasible iff no infeasible rule holds and no exclusive group has two options taken.
[[nodiscard]] bool is_feasible(const Conflict& c, StateCode code);

// Conditions as text: `a & !b | c` (OR of ANDs; `!` = not taken; `and`, `or`, `not` also read).
[[nodiscard]] std::string format_condition(const Conflict& c, const Condition& cond);
[[nodiscard]] std::string format_conjunction(const Conflict& c, const Conjunction& conj);
// A condition read from text: set when the status is ok; otherwise invalid_input with one
// error saying what was found and what was expected.
struct ConditionParse {
  std::optional<Condition> condition;
  Outcome outcome;
  [[nodiscard]] bool ok() const { return outcome.ok() && condition.has_value(); }
};
// Parses a condition over the conflict's options.
[[nodiscard]] ConditionParse parse_condition(const Conflict& c, std::string_view text);

// Model-level checks (option count, ownership of options, rankings, status quo, …),
// with field paths under `conflict`.
[[nodiscard]] Diagnostics validate_conflict(const Conflict& c);

[[nodiscard]] std::string_view to_string(Direction d);  // both | fwd | back
[[nodiscard]] std::optional<Direction> parse_direction(std::string_view text);

}  // namespace accord
