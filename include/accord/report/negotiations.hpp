#pragma once
// Simulated negotiations in `accord report` (docs/negotiation.md "In the report"): stacked
// alternating offers between the bargaining parties over the latest version's open issues, for
// a few named strategy profiles. Model output on the (often estimated) preferences.
#include <nlohmann/json_fwd.hpp>

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "accord/engines/negotiate.hpp"
#include "accord/model/budget.hpp"
#include "accord/model/scenario.hpp"
#include "accord/report/table.hpp"

namespace accord::report {

struct SimulatedNegotiation {
  std::string profile;  // e.g. "every party linear"
  negotiate::Result result;
};

struct SimulatedNegotiations {
  std::shared_ptr<const negotiate::Domain> domain;  // null when no negotiation ran
  std::vector<SimulatedNegotiation> runs;
};

// Rounds of each simulated negotiation (R in docs/negotiation.md).
inline constexpr std::size_t kReportNegotiationRounds = 100;

// Runs the profiles (every party linear, every party boulware, every party MiCRO when the space
// is small enough to sort) between bargain::default_bargaining_parties over the open issues of
// the latest version. Nothing runs without versions or with fewer than two bargaining parties
// (end: finished), or above `max_parties` (end: size_limit).
[[nodiscard]] SimulatedNegotiations simulate_negotiations(const Scenario& s, std::size_t max_parties,
                                                          const Deadline& deadline, Termination& end);
[[nodiscard]] nlohmann::ordered_json negotiations_json(const SimulatedNegotiations& n);
// The label, the parties that accept nothing, and one sentence per profile.
[[nodiscard]] std::vector<std::string> negotiations_lines(const Scenario& s, const SimulatedNegotiations& n);
[[nodiscard]] std::string negotiations_text(const Scenario& s, const SimulatedNegotiations& n, Style style);

}  // namespace accord::report
