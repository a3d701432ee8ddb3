#pragma once
// Shared by the robustness engine's files only.
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "accord/engines/forecast_analysis.hpp"
#include "accord/engines/robustness.hpp"

namespace accord::robustness {

using Values = std::vector<std::pair<std::string, std::string>>;  // (finding id, value)

// Sets `input` to `value` in place (see with_input).
void apply_input(Scenario& s, const Input& input, double value, Toggle toggle);

// The draft the verdicts and the closest deal are about: version v's package (none without one).
std::optional<Package> draft_of(const Scenario& s, VersionIndex v);
std::string package_text(const Scenario& s, const Package& x);

// Each engine's findings; nullopt when a node budget (0: none) stopped the run before it
// finished, so its findings are not known.
std::optional<Values> bargain_values(const Scenario& s, const std::optional<Package>& draft, std::uint64_t nodes);
Values verdict_values(const Scenario& s, const std::optional<Package>& draft);
Values status_quo_values(const Scenario& s);
// SMP without Monte Carlo, the report's headline model; each run bounded by `deadline`.
forecast::AnalysisParams forecast_params(const Deadline& deadline);
// The forecast run was cut by its deadline (its values are not a finding).
bool stopped_by_time(const forecast::Analysis& a);
Values forecast_values(const forecast::Analysis& a);

// Readiness of version v: {"readiness", near_final | not_near_final} (none without the version).
Values readiness_values(const Scenario& s, VersionIndex v, std::size_t max_open_points, double max_open_salience);
// The readiness finding with its smallest flip (a set of stances, exact; readiness.cpp), its
// evaluations counted in `r`.
FindingResult readiness_finding(const Scenario& s, VersionIndex v, const Params& params, Result& r);

}  // namespace accord::robustness
