#pragma once
// mediate: the mediated single-text protocol (Klein, Faratin, Sayama and Bar-Yam 2003,
// "Negotiating complex contracts"), simulated. A mediator holds one complete text; each step
// it proposes a variant that changes one randomly chosen issue to another value; every voter
// accepts or rejects the variant against the current text; the mediator adopts it only when
// all accept. Pure and deterministic for a seed (a portable PRNG, not the standard
// library's distributions). Rules, the temperature and the JSON shape:
// docs/mediate-and-tournament.md "Mediated single-text protocol".
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "accord/engines/outcome_metrics.hpp"
#include "accord/model/budget.hpp"
#include "accord/model/outcome.hpp"
#include "accord/model/scenario.hpp"

namespace accord::mediate {

// How a voter decides on a variant that crosses none of its red lines anew (a variant that
// does is always rejected). Append new values at the end.
enum class Voter {
  not_set = 0,
  hill,    // accepts iff its utility does not fall
  anneal,  // also accepts a loss ΔU with probability exp(−ΔU/T), T falling linearly to 0
};

struct Params {
  std::vector<PartyIndex> parties;  // the voters; empty: bargain::default_bargaining_parties(s)
  // One kind for every voter (size 1) or one per voter (size of the voters).
  std::vector<Voter> voters = {Voter::hill};
  std::uint64_t steps = 1000;  // variants proposed
  std::uint64_t seed = 1;
  // The starting text: a draft (e.g. a framework version's package); each issue it leaves open
  // starts at its first value that crosses no voter's red line (its first value when every
  // value crosses one). Absent: the first package (every issue at its first value).
  std::optional<Package> start;
  VersionIndex start_version;  // the version `start` is, if it is one (reported, not used)
  // Annealing: the temperature at the first step. Absent: automatic (the mean loss of the
  // starting text's single-issue variants over ln 2; docs).
  std::optional<double> temperature;
  bool metrics = true;  // distances to the Pareto frontier and the Nash point (one bargaining run)
  std::size_t max_frontier = 200000;  // of that bargaining run
  Deadline deadline;    // stops the steps early (termination time_limit) and bounds the metrics
};

struct Result {
  // invalid_input: no voters, a voter without preferences, a wrong number of voter kinds, a
  // start package of the wrong size. Termination: finished, or time_limit after `steps` steps.
  Outcome outcome;
  std::vector<PartyIndex> parties;
  std::vector<Voter> voters;         // per party
  std::vector<double> reservations;  // per party
  std::uint64_t seed = 0;
  std::uint64_t steps_requested = 0;
  std::uint64_t steps = 0;         // variants proposed (less than requested only when stopped)
  std::uint64_t adopted = 0;       // variants every voter accepted
  std::uint64_t last_adoption = 0; // 1-based step of the last adoption; 0: none
  double temperature = 0.0;        // initial temperature (0 when no voter anneals)
  Package start;                   // complete
  VersionIndex start_version;
  Package text;                    // the final text (complete)
  std::vector<double> start_utilities, utilities;  // per party
  std::vector<std::vector<IssueIndex>> red_lines;  // per party: issues whose final setting crosses its red line
  std::vector<bool> reaches_reservation;           // per party: U ≥ r − kUtilityEps
  bool all_acceptable = false;  // every voter: no red line crossed and U ≥ r − kUtilityEps
  // With Params::metrics: the reference (all issues open, the voters) and both texts measured.
  std::optional<outcome_metrics::Reference> reference;
  std::optional<outcome_metrics::Metrics> start_metrics, metrics;
};

[[nodiscard]] Result run(const Scenario& s, const Params& params);

// The initial temperature chosen when Params::temperature is absent: the mean, over the voters
// and the single-issue variants of `text` that lower the voter's utility, of the loss, divided
// by ln 2 (such a loss is accepted with probability 1/2 at the first step); 0 when no variant
// lowers anyone's utility.
[[nodiscard]] double automatic_temperature(const Scenario& s, const std::vector<PartyIndex>& parties,
                                           const Package& text);

[[nodiscard]] std::string_view to_string(Voter v);
[[nodiscard]] std::optional<Voter> parse_voter(std::string_view text);

}  // namespace accord::mediate
