#pragma once
// Outcome metrics (accord::outcome_metrics) as JSON and text, shared by the mediate and
// tournament documents (shape in docs/mediate-and-tournament.md "Outcome metrics").
#include <nlohmann/json_fwd.hpp>
#include <string>

#include "accord/engines/outcome_metrics.hpp"

namespace accord::report {

// {"utilities", "welfare", "nash_product", "pareto_distance", "nash_distance"}
// (a distance is null when it is not defined: frontier incomplete, no Nash point).
[[nodiscard]] nlohmann::ordered_json metrics_json(const outcome_metrics::Metrics& m);
// The domain's reference: {"parties", "reservations", "fixed" (issue ids → settings),
// "frontier_size" (null when incomplete), "nash": {"utilities", "nash_product", "package"} | null}.
[[nodiscard]] nlohmann::ordered_json reference_json(const Scenario& s, const outcome_metrics::Reference& r);
// "welfare 1.234, Nash product 0.012, 0.050 from the Pareto frontier, 0.100 from the Nash point".
[[nodiscard]] std::string metrics_sentence(const outcome_metrics::Reference& ref,
                                           const outcome_metrics::Metrics& m);

}  // namespace accord::report
