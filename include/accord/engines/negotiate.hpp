#pragma once
// negotiate: automated negotiation under the stacked alternating offers protocol (SAO) between
// n >= 2 agents on a scenario's (or a GENIUS import's) package space.
// Pure: no I/O, no clock except through Params::deadline, deterministic given Params::seed.
// Protocol, agents, tie-break rules and the JSON shape: docs/negotiation.md.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "accord/model/budget.hpp"
#include "accord/model/outcome.hpp"
#include "accord/model/scenario.hpp"

namespace accord::negotiate {

// Utilities are compared with this tolerance in negotiation (the issue's rule, tighter than
// kUtilityEps): a >= b means a >= b - kNegotiationEps, ties are |a - b| <= kNegotiationEps.
inline constexpr double kNegotiationEps = 1e-12;

// A package of the negotiation space as one number: the option (grid value) index of each
// negotiated issue in mixed radix, first issue most significant, so comparing ids compares
// option-index vectors lexicographically (the tie-break order).
using PackageId = std::uint64_t;

struct DomainParams {
  std::vector<PartyIndex> parties;  // negotiating parties, in acting order; empty: bargaining parties
  // When valid: the issues this version's points set are fixed at its settings (they add their
  // contributions to every utility); the negotiation runs over the issues it leaves open.
  VersionIndex version;
  // Up to this many packages every party's utilities are tabulated and sorted; above it offers
  // are found by branch and bound over issues (same results, docs/negotiation.md "Search").
  std::uint64_t max_sorted = 1'000'000;
  bool force_search = false;  // testing: search even when the domain is small
  // Building (tabulating, sorting, enumerating the search halves) stops past it: the build
  // then fails (status invalid_input, termination time_limit) — a half-built space is no use.
  Deadline deadline;
};

// One party's view of the space: what the agents' rules are built on.
struct PartyStats {
  bool has_packages = false;  // some package crosses none of its red lines
  double pmax = 0.0;          // max U over its packages
  double umin = 0.0;          // min U over its packages
  double pmin = 0.0;          // max(r, umin)
  double reservation = 0.0;
  PackageId best = 0;         // a package with U = pmax (lexicographically smallest)
};

class Domain;
struct DomainBuild {
  Outcome outcome;                 // invalid_input when the space cannot be negotiated over
  std::shared_ptr<const Domain> domain;  // set when ok
  [[nodiscard]] bool ok() const { return outcome.ok() && domain != nullptr; }
};

// The negotiation space of a scenario for some parties: built once, shared (read-only, thread
// safe) by any number of negotiations. Keeps its own copy of the scenario.
class Domain {
 public:
  [[nodiscard]] static DomainBuild build(const Scenario& s, const DomainParams& params = {});

  [[nodiscard]] const Scenario& scenario() const { return *scenario_; }
  [[nodiscard]] const std::vector<PartyIndex>& parties() const { return parties_; }
  [[nodiscard]] std::size_t party_count() const { return parties_.size(); }
  [[nodiscard]] const std::vector<IssueIndex>& issues() const { return issues_; }  // negotiated
  [[nodiscard]] std::size_t value_count(std::size_t j) const { return sizes_[j]; }
  [[nodiscard]] const Package& fixed() const { return fixed_; }  // the version's settings (others open)
  [[nodiscard]] VersionIndex version() const { return version_; }
  [[nodiscard]] std::uint64_t size() const { return size_; }  // packages in the space
  [[nodiscard]] bool sorted() const { return sorted_; }       // tabulated (else: search)

  // Party k (position in parties()).
  [[nodiscard]] const PartyStats& stats(std::size_t k) const { return stats_[k]; }
  // U_k(x): bit-identical to accord::utility on package(x) (same summation order).
  [[nodiscard]] double utility(std::size_t k, PackageId x) const;
  [[nodiscard]] bool crosses_red_line(std::size_t k, PackageId x) const;
  // Whether option v of negotiated issue j crosses none of party k's red lines.
  [[nodiscard]] bool allowed(std::size_t k, std::size_t j, std::size_t v) const {
    return allowed_[k][offset_[j] + v] != 0;
  }

  // The time-dependent offer rule's primitive: among party k's packages with U >= target
  // (tolerance kNegotiationEps), one with the smallest U, the lexicographically smallest id
  // among the ties; nullopt when none. Sorted domains: binary search; else branch and bound.
  [[nodiscard]] std::optional<PackageId> lowest_at_least(std::size_t k, double target) const;
  // Sorted domains only (else empty): party k's packages in ascending U (exact doubles, then
  // id), and in descending U where packages within kNegotiationEps of each other (chained) tie
  // and come smallest id first.
  [[nodiscard]] const std::vector<PackageId>& ascending(std::size_t k) const { return ascending_[k]; }
  [[nodiscard]] const std::vector<PackageId>& descending(std::size_t k) const { return descending_[k]; }

  [[nodiscard]] std::vector<std::uint32_t> options(PackageId x) const;  // per negotiated issue
  [[nodiscard]] PackageId id(const std::vector<std::uint32_t>& options) const;
  [[nodiscard]] Package package(PackageId x) const;  // complete: fixed issues + negotiated ones
  // The setting of negotiated issue j in x, as the domain file writes it (option id / number).
  [[nodiscard]] std::string option_text(PackageId x, std::size_t j) const;

 private:
  friend struct DomainBuilder;
  std::shared_ptr<const Scenario> scenario_;
  std::vector<PartyIndex> parties_;
  std::vector<IssueIndex> issues_;
  std::vector<std::size_t> sizes_;
  std::vector<std::size_t> offset_;      // start of issue j's values in the flat tables
  std::vector<std::uint64_t> place_;     // mixed-radix place value of issue j
  Package fixed_;
  VersionIndex version_;
  std::uint64_t size_ = 0;
  bool sorted_ = false;
  // Per party: the utility summation in scenario issue order, as (negotiated position or -1
  // for a fixed issue, its contribution when fixed).
  struct Term {
    int j = -1;
    double fixed = 0.0;
  };
  std::vector<std::vector<Term>> terms_;
  std::vector<std::vector<double>> contrib_;       // [k][offset_[j] + v]: w·v (0 when weight 0)
  std::vector<std::vector<std::uint8_t>> allowed_;  // [k][offset_[j] + v]
  std::vector<bool> additive_;                     // [k]: no rectangles
  std::vector<PartyStats> stats_;
  // Sorted domains: [k][x] utility; ascending ids of k's packages; for each position i of
  // ascending_[k], the smallest id among positions i .. (last with U <= U[i] + eps).
  std::vector<std::vector<double>> table_;
  std::vector<std::vector<PackageId>> ascending_;
  std::vector<std::vector<PackageId>> descending_;
  std::vector<std::vector<PackageId>> tie_best_;
  // Search domains (meet in the middle): per party, the sums of the first `split_` negotiated
  // issues (fixed contributions included) and of the others, each sorted ascending with the
  // partial id (its place value applied).
  struct Half {
    std::vector<double> sum;
    std::vector<PackageId> id;
  };
  std::size_t split_ = 0;
  std::vector<Half> head_, tail_;

  [[nodiscard]] double compute_utility(std::size_t k, const std::uint32_t* choice) const;
  [[nodiscard]] std::optional<PackageId> search_lowest(std::size_t k, double target) const;
};

// --- One negotiation -----------------------------------------------------------------------

// Append new values at the end.
enum class ActionKind : std::uint8_t { not_set = 0, offer, accept, end };
[[nodiscard]] std::string_view to_string(ActionKind k);
[[nodiscard]] std::optional<ActionKind> parse_action_kind(std::string_view text);

// How a negotiation ended. Append new values at the end.
enum class Ending : std::uint8_t {
  not_set = 0,
  agreement,  // the n - 1 others accepted the standing offer in a row
  deadline,   // no agreement after n·R actions
  ended,      // an agent ended the negotiation (no agreement)
  stopped,    // the budget (deadline / max_actions) stopped it: partial, no agreement reported
};
[[nodiscard]] std::string_view to_string(Ending e);
[[nodiscard]] std::optional<Ending> parse_ending(std::string_view text);

struct Params {
  // One agent spec per party, in Domain::parties() order: `hardliner`, `boulware`, `linear`,
  // `conceder`, `timedep:E`, `micro`, `tft`, `freq`, `random`, `random:SEED`, or a registered
  // name (accord/engines/agent.hpp).
  std::vector<std::string> agents;
  std::size_t rounds = 100;  // R >= 2
  std::uint64_t seed = 0;    // agents' seeds derive from it (docs/negotiation.md "Seeds")
  bool trace = false;        // record every action in Result::trace
  Deadline deadline;         // polled every 1024 actions
  std::uint64_t max_actions = 0;  // 0: no limit besides n·R; below n·R a run may stop partial
};

struct Step {
  std::size_t action = 0, round = 0, party = 0;  // party: position in Domain::parties()
  double t = 0.0;
  ActionKind kind = ActionKind::not_set;
  PackageId package = 0;  // offer: the new offer; accept: the standing offer accepted
};

struct Agreement {
  PackageId id = 0;
  Package package;                // complete (fixed issues included)
  std::vector<double> utilities;  // per party, Domain::parties() order
  std::size_t proposer = 0;
};

struct Result {
  Outcome outcome;  // invalid_input: a bad agent spec or rounds < 2; termination: budget stops
  Ending ending = Ending::not_set;
  std::optional<Agreement> agreement;
  std::vector<double> utilities;  // the agreement's, or every party's reservation value
  std::size_t actions = 0;        // actions taken, counting the final acceptance
  std::size_t round = 0;          // round of the last action
  std::size_t rounds = 0;         // R
  std::uint64_t seed = 0;         // Params::seed
  std::vector<std::string> agents;  // the specs, per party
  std::optional<std::size_t> ended_by;  // Ending::ended: who
  std::vector<Step> trace;        // Params::trace
};

[[nodiscard]] Result run(const Domain& d, const Params& params);

class Agent;
// The same with agents made by the caller (one per party, e.g. user strategies); `specs`
// only names them in the result.
[[nodiscard]] Result run(const Domain& d, std::vector<std::unique_ptr<Agent>>& agents,
                         const Params& params);

// Agent seed of party k: splitmix64 of (seed, k) (docs/negotiation.md "Seeds").
[[nodiscard]] std::uint64_t agent_seed(std::uint64_t seed, std::size_t k);

}  // namespace accord::negotiate
