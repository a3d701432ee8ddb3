#pragma once
// Stability analysis of a Graph Model for Conflict Resolution (Fang, Hipel & Kilgour 1993)
// with the standard n-decision-maker definitions: Nash (R), GMR, SMR, SEQ, SIM, SEQ+SIM; equilibria;
// coalition stability; paths from the status quo; explanations. Semantics: docs/gmcr.md.
//
// Pure: no I/O, deterministic (parallel work over decision makers is merged in order).
#include <array>
#include <bit>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "accord/model/budget.hpp"
#include "accord/model/conflict.hpp"
#include "accord/model/diagnostic.hpp"
#include "accord/model/outcome.hpp"
#include "accord/model/scenario.hpp"

namespace accord::gmcr {

// Append only. sim = simultaneous sanctioning, seq_sim = SEQ+SIM (docs/gmcr.md "Semantics").
enum class Concept : std::uint8_t { not_set = 0, nash, gmr, smr, seq, sim, seq_sim };
inline constexpr std::array<Concept, 6> kAllConcepts = {Concept::nash, Concept::gmr, Concept::smr,
                                                        Concept::seq,  Concept::sim, Concept::seq_sim};
// nash | gmr | smr | seq | sim | seq_sim (not_set: "not_set")
[[nodiscard]] std::string_view to_string(Concept c);
// The names above (and "r"/"R" for Nash, "seq+sim" for seq_sim); nullopt for anything else.
[[nodiscard]] std::optional<Concept> parse_concept(std::string_view text);

// Which sequences of the opponents count as a sanction (docs/gmcr.md "Sanction rules"). Append only.
// standard: legal sequences (no one twice in a row; one may move again after another).
// gmcr_py: a sanction is a single move by one opponent (for SEQ an improving one), and SEQ+SIM
// is "SEQ or SIM", as gmcr-py computes them. GMR, SMR and SEQ agree under both rules whenever
// there are at most two decision makers; SEQ+SIM may differ with two.
enum class Sanctions : std::uint8_t { not_set = 0, standard, gmcr_py };
[[nodiscard]] std::string_view to_string(Sanctions s);  // standard | gmcr-py (not_set: "not_set")
// standard | gmcr-py (or gmcr_py); nullopt for anything else.
[[nodiscard]] std::optional<Sanctions> parse_sanctions(std::string_view text);

// One value per stability concept, indexed by the concept itself (never by a number).
template <class T>
class PerConcept {
 public:
  [[nodiscard]] T& operator[](Concept c) { return items_[slot(c)]; }
  [[nodiscard]] const T& operator[](Concept c) const { return items_[slot(c)]; }
  bool operator==(const PerConcept&) const = default;

 private:
  static std::size_t slot(Concept c) {
    const auto k = static_cast<std::size_t>(c);
    return k >= 1 && k <= kAllConcepts.size() ? k - 1 : throw std::out_of_range("gmcr::PerConcept: concept not set");
  }
  std::array<T, kAllConcepts.size()> items_{};
};

// Index of a feasible state in Analysis::states (ascending state code).
using StateIndex = std::uint32_t;

// A fixed-size set of states (one bit each).
class StateSet {
 public:
  StateSet() = default;
  explicit StateSet(std::size_t size) : size_(size), words_((size + 63) / 64, 0) {}
  [[nodiscard]] std::size_t size() const { return size_; }
  [[nodiscard]] bool test(std::size_t k) const { return (words_[k / 64] >> (k % 64)) & 1u; }
  void set(std::size_t k) { words_[k / 64] |= std::uint64_t{1} << (k % 64); }
  [[nodiscard]] std::size_t count() const;
  [[nodiscard]] std::vector<StateIndex> members() const;
  // Calls f(StateIndex) for each member in increasing order (no list built).
  template <class F>
  void for_each(F f) const {
    for (std::size_t w = 0; w < words_.size(); ++w)
      for (std::uint64_t bits = words_[w]; bits != 0; bits &= bits - 1)
        f(static_cast<StateIndex>(w * 64 + static_cast<std::size_t>(std::countr_zero(bits))));
  }
  StateSet& operator&=(const StateSet& o);
  bool operator==(const StateSet&) const = default;

 private:
  std::size_t size_ = 0;
  std::vector<std::uint64_t> words_;
};

// Default memory budget of one analysis: 2 GiB (docs/gmcr.md "Budgets").
inline constexpr std::uint64_t kDefaultMaxMemory = std::uint64_t{2} << 30;

struct Params {
  // Time budget for the whole run (default: none). Checked inside every per-player, per-concept
  // computation and the status-quo search; what it stops is left not computed (nullopt) and
  // RunResult::outcome.termination says what finished.
  Deadline deadline;
  // The analysis is refused (Stop::memory_limit, an error diagnostic) when its estimated peak
  // memory exceeds this; the status-quo paths alone are skipped when only they would.
  std::uint64_t max_memory = kDefaultMaxMemory;
  std::vector<Concept> concepts = {kAllConcepts.begin(), kAllConcepts.end()};
  // Two or more decision makers: also analyse the conflict in which they move as one.
  std::vector<DecisionMakerIndex> coalition;
  // Also compute Inohara and Hipel's coalition stability (Analysis::coalitional) for Nash, GMR,
  // SMR and SEQ among `concepts`, over every coalition (docs/gmcr.md "Coalition stability").
  bool coalitions = false;
  bool status_quo_paths = true;
  // Paths are kept for at most this many equilibria (in state order); past it the result
  // says so (Stop::size_limit) — millions of equilibria would take gigabytes of paths.
  std::size_t max_status_quo_paths = 100000;
  // The sanction rule for GMR, SMR, SEQ and SEQ+SIM (docs/gmcr.md "Sanction rules").
  Sanctions sanctions = Sanctions::standard;
  // Also compute the equilibria under the other rule and record the states where they differ
  // (Analysis::sanction_differences); `accord gmcr` does it for gmcr-py files.
  bool compare_sanctions = false;
};

// A focal decision maker, or a coalition acting as one.
struct PlayerResult {
  std::string name;  // DM id, or ids joined by "+"
  std::vector<DecisionMakerIndex> members;
  PerConcept<std::optional<StateSet>> stable;  // nullopt = not computed
};

// The analysis of the conflict in which `players` move (the coalition as one player first,
// then the other decision makers). A coalition improvement needs every member to strictly
// prefer the result; a sanction counts when some member does not prefer it to the start.
// Coalition SIM and SEQ+SIM are not computed (for any player of that conflict); coalition SMR is,
// by an explicit search (docs/gmcr.md "Semantics").
struct CoalitionResult {
  std::vector<PlayerResult> players;
  PerConcept<std::optional<StateSet>> equilibria;
};

// Inohara & Hipel (2008a), "Coalition analysis in the graph model for conflict resolution",
// Systems Engineering 11(4):343-359 (docs/gmcr.md "Coalition stability"). A coalition H moves by
// legal sequences of its members' unilateral moves (R_H); a coalitional improvement from s is a
// state of R_H(s) that every member strictly prefers to s. A state is coalitionally stable for
// DM i under a concept when, for EVERY coalition H containing i ({i} included), each coalitional
// improvement of H is deterred as the concept says, by the complement N\H (class moves; for SEQ
// class improvements), the sanction counting when i is not better off than at s:
//   CNash: H has no coalitional improvement.
//   CGMR:  some s2 in R_{N\H}(s1) with s >=_i s2.
//   CSMR:  some such s2 from which no class move of H reaches a state i prefers to s.
//   CSEQ:  some s2 in R+_{N\H}(s1) with s >=_i s2.
// The sanction rule is always the standard one (Params::sanctions does not apply). SIM and
// SEQ+SIM have no coalition form in those papers and are never computed here.
struct CoalitionalStability {
  std::vector<Concept> concepts;               // computed, of nash, gmr, smr, seq (kAllConcepts order)
  std::vector<PlayerResult> decision_makers;   // one per DM (conflict order); nullopt = deadline
  PerConcept<std::optional<StateSet>> equilibria;  // coalitionally stable for every DM
  std::size_t coalitions = 0;                  // coalitions examined: 2^n - 1
};

struct PathStep {
  StateIndex state = 0;
  DecisionMakerIndex mover;  // who moved into `state`; invalid for the first step
};

// How an equilibrium can be reached from the status quo (shortest paths; nullopt = unreachable).
struct Reachability {
  StateIndex target = 0;
  std::vector<Concept> equilibrium_under;
  std::optional<std::vector<PathStep>> by_improvements;  // every step a unilateral improvement
  std::optional<std::vector<PathStep>> by_moves;         // any unilateral moves
};

struct Analysis {
  std::size_t option_count = 0;
  std::vector<StateCode> states;  // feasible states, ascending code
  std::vector<Concept> concepts;  // those computed, in kAllConcepts order
  std::vector<PlayerResult> decision_makers;  // one per DM, in conflict order
  PerConcept<std::optional<StateSet>> equilibria;
  std::optional<CoalitionResult> coalition;
  std::optional<CoalitionalStability> coalitional;  // with Params::coalitions
  std::optional<StateIndex> status_quo;
  std::vector<Reachability> status_quo_paths;  // one per equilibrium of any computed concept
  bool status_quo_paths_computed = false;      // false when skipped or stopped by a budget
  Sanctions sanctions = Sanctions::standard;   // the rule used
  // With Params::compare_sanctions: the states that are an equilibrium under some concept with
  // one rule and not with the other (ascending); nullopt when not compared.
  std::optional<std::vector<StateIndex>> sanction_differences;

  [[nodiscard]] std::string pattern(StateIndex s) const { return state_pattern(states[s], option_count); }
  [[nodiscard]] std::optional<StateIndex> find(StateCode code) const;
};

struct RunResult {
  std::optional<Analysis> analysis;  // set when the status is ok
  // invalid_input for an invalid conflict or coalition, or when refused for memory (termination
  // memory_limit). When ok, the termination is finished, or time_limit / memory_limit /
  // size_limit with a detail naming what was not computed or not kept.
  Outcome outcome;
  [[nodiscard]] bool ok() const { return outcome.ok() && analysis.has_value(); }
};

[[nodiscard]] RunResult analyse(const Conflict& conflict, const Params& params = {});
// Estimated peak memory (bytes) of analyse() on a conflict with `options` options and `dms`
// decision makers (every state counted as feasible), with or without the status-quo paths.
[[nodiscard]] std::uint64_t estimate_memory(std::size_t options, std::size_t dms,
                                            bool status_quo_paths);
// The scenario's `conflict:` section; an error diagnostic when it has none.
[[nodiscard]] RunResult run(const Scenario& scenario, const Params& params = {});

// Why a state is stable or not for one decision maker under one concept.
struct Deterrence {
  StateCode improvement = 0;        // a unilateral improvement of the focal DM
  bool deterred = false;
  // Deterred: the sanctioning sequence from `improvement` (first step = improvement) to a
  // state the focal DM does not prefer to the start (SMR: from which it cannot escape to one
  // it prefers). Not deterred: empty.
  std::vector<std::pair<StateCode, DecisionMakerIndex>> sanction;
};
struct Explanation {
  DecisionMakerIndex decision_maker;
  Concept kind = Concept::not_set;
  bool stable = false;
  std::vector<Deterrence> improvements;  // every unilateral improvement from the state
  // false: the time budget ran out first; `improvements` holds those examined and `stable`
  // is undetermined (false).
  bool complete = true;
};
struct ExplainResult {
  StateCode state = 0;
  // One per decision maker (conflict order) × concept (kAllConcepts order among those asked).
  std::vector<Explanation> explanations;
  Outcome outcome;  // invalid_input: invalid conflict, unknown decision maker, infeasible state
  [[nodiscard]] bool ok() const { return outcome.ok(); }
};
// Why `state` is stable or not for `dm` under `kind`. Recomputes from the model (cost: the
// improvements × a search of the others' moves).
// Bounded by `deadline`: when it passes, the outcome's termination says time_limit and the
// explanations not finished are marked incomplete.
[[nodiscard]] ExplainResult explain(const Conflict& conflict, StateCode state, DecisionMakerIndex dm,
                                    Concept kind, const Deadline& deadline = {});
// The same for every decision maker and each of `concepts` (kAllConcepts order).
[[nodiscard]] ExplainResult explain(const Conflict& conflict, StateCode state,
                                    const std::vector<Concept>& concepts, const Deadline& deadline = {});

}  // namespace accord::gmcr
