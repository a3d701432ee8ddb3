#pragma once
// tournament: every assignment of the listed agents to the parties of one or more domains,
// each run `repeats` times under the SAO protocol (accord/engines/negotiate.hpp), in parallel
// with oneTBB. Seeds are derived per negotiation, never per thread, and results are gathered
// in a fixed order, so any thread count gives the same result. Each outcome is measured
// against the domain's reference (outcome_metrics, one bargaining run per domain).
// Order, seeds, statistics and the JSON/CSV shapes: docs/mediate-and-tournament.md "Tournaments".
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "accord/engines/negotiate.hpp"
#include "accord/engines/outcome_metrics.hpp"
#include "accord/model/budget.hpp"
#include "accord/model/outcome.hpp"
#include "accord/model/work_items.hpp"

namespace accord::tournament {

struct DomainSpec {
  std::string name;  // shown in the output (scenario id, GENIUS folder name)
  std::shared_ptr<const negotiate::Domain> domain;
};

struct Params {
  std::vector<std::string> agents;  // agent specs (negotiate::Params::agents), all different
  std::size_t rounds = 100;         // R >= 2
  std::uint64_t repeats = 1;        // K >= 1
  std::uint64_t seed = 0;
  std::size_t threads = 0;          // 0: oneTBB's default
  Deadline deadline;                // checked between batches; a stop leaves the rest not run
  ProgressFn progress;              // called from the calling thread between batches
  std::size_t max_frontier = 200000;  // of each domain's bargaining run (outcome metrics)
  // When set (the CLI under mpirun), the negotiations are its work items (item i = the i-th in
  // the fixed order) instead of running on this process's threads; `deadline` and `progress`
  // go to it. Same result either way (docs/scale.md).
  work::Distributor distribute;
};

// One negotiation, at its place in the fixed order: domains in the order given, then
// assignments (agent of the first party most significant), then repeats.
struct Negotiation {
  std::size_t domain = 0;
  std::size_t assignment = 0;        // within its domain
  std::vector<std::size_t> agents;   // per party (Domain::parties() order): index in Params::agents
  std::uint64_t repeat = 0;
  std::uint64_t seed = 0;            // negotiation_seed(Params::seed, domain, assignment, repeat)
  negotiate::Ending ending = negotiate::Ending::not_set;
  std::size_t actions = 0;
  std::size_t round = 0;             // 0-based round of the last action
  std::optional<negotiate::PackageId> agreement;  // the agreed package, when there is one
  outcome_metrics::Metrics metrics;  // utilities (reservations without agreement), welfare, ...
};

struct AgentStats {
  std::string agent;
  std::uint64_t slots = 0;       // parties it played (self-play counts each side)
  std::uint64_t agreements = 0;  // of those slots, in negotiations that reached agreement
  double agreement_rate = 0.0;
  double mean_utility = 0.0;     // over its slots (its reservation when no agreement)
  double mean_advantage = 0.0;   // mean of U − r over its slots
  std::optional<double> mean_rounds;  // over its agreements: round of the acceptance + 1
};

struct AssignmentStats {
  std::size_t domain = 0;
  std::vector<std::size_t> agents;  // per party
  std::uint64_t negotiations = 0, agreements = 0;
  std::vector<double> mean_utilities;  // per party
  double mean_welfare = 0.0;
  std::optional<double> mean_rounds;            // over agreements
  std::optional<double> mean_pareto_distance;   // over every negotiation (no agreement: the reservation point)
  std::optional<double> mean_nash_distance;
};

struct DomainResult {
  std::string name;
  std::shared_ptr<const negotiate::Domain> domain;
  outcome_metrics::Reference reference;
  std::size_t assignments = 0;  // agents^parties
};

struct Result {
  // invalid_input: no agents, a repeated or unknown agent, rounds < 2, repeats 0, a domain
  // whose reference cannot be computed. Termination: finished, or the budget that stopped it
  // (then `negotiations` < `planned` and only the negotiations run are counted).
  Outcome outcome;
  std::vector<std::string> agents;
  std::size_t rounds = 0;
  std::uint64_t repeats = 0, seed = 0;
  std::vector<DomainResult> domains;
  std::uint64_t planned = 0;       // negotiations in the tournament
  std::uint64_t negotiations = 0;  // negotiations run
  std::vector<Negotiation> results;        // the ones run, in the fixed order
  std::vector<AgentStats> per_agent;       // Params::agents order
  std::vector<AssignmentStats> per_assignment;  // domain, then assignment order
  bool worker = false;  // an MPI worker rank: its negotiations went to the root; nothing to report
};

[[nodiscard]] Result run(const std::vector<DomainSpec>& domains, const Params& params);

// The checks of `params` that need no domain (agents listed, none twice, every name registered,
// rounds, repeats), so a caller can refuse bad input before building domains; run() repeats them.
[[nodiscard]] Outcome check_params(const Params& params);

// The seed of one negotiation: splitmix64 mixing of the tournament seed, the domain, the
// assignment and the repeat (docs). Agents' seeds then derive from it (negotiate::agent_seed).
[[nodiscard]] std::uint64_t negotiation_seed(std::uint64_t seed, std::size_t domain, std::size_t assignment,
                                             std::uint64_t repeat);

}  // namespace accord::tournament
